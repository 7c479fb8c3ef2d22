"""The compiled build (mypyc, ``setup.py``) against the pure-Python one: same modules, same
results, the runtime switch, and the stale-build check."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import warnings

import pytest

from framing import native
from framing.attribution import extract_attributions
from framing.corpora import read_basil

# what the tests compare: the seed article and the first BASIL articles, every field of every
# attribution and every sentence's sentiment score
_DUMP = """
import json, sys
from framing import native
from framing.attribution import extract_attributions
from framing.corpora import read_basil
texts = [open(sys.argv[1], encoding="utf-8").read()]
texts += [a.text for a in read_basil(sys.argv[2])[:60]]
from framing.features.sentiment import sentence_scores
print(json.dumps({"compiled": native.compiled_modules(),
                  "records": [[a.to_dict("d") for a in extract_attributions(t)] for t in texts],
                  "sentences": [sentence_scores(t) for t in texts]},
                 sort_keys=True))
"""


def _dump(seed_path, basil, pure: bool) -> dict:
    env = {**os.environ, "FRAMING_PURE_PYTHON": "1" if pure else "0"}
    done = subprocess.run([sys.executable, "-c", _DUMP, str(seed_path), str(basil)], env=env,
                          capture_output=True, text=True, timeout=600, check=True)
    return json.loads(done.stdout)


def test_setup_compiles_the_modules_native_knows(repo_root):
    tree = ast.parse((repo_root / "setup.py").read_text(encoding="utf-8"))
    listed = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                  and getattr(node.targets[0], "id", "") == "NATIVE_MODULES")
    paths = ast.literal_eval(listed)
    assert sorted(p[:-3].replace("/", ".") for p in paths) == sorted(native._DEFAULT_MODULES)
    assert sorted(native.compiled_modules()) == sorted(native._DEFAULT_MODULES)
    c_listed = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                    and getattr(node.targets[0], "id", "") == "C_MODULES")
    c_modules = ast.literal_eval(c_listed)
    assert sorted(c_modules) == sorted(native._C_MODULES)
    assert all((repo_root / path).is_file() for path in c_modules.values())
    # the public entry points stay Python (compiled functions lose their docstrings)
    assert extract_attributions.__doc__ and "framing.attribution.extract" not in paths


def test_compiled_where_the_build_could(repo_root):
    compiled = native.compiled_modules()
    c_built = {name: native.c_extension(name) is not None for name in native._C_MODULES}
    if os.environ.get("FRAMING_EXPECT_COMPILED") == "1":  # set by .ci/run: CI tests compiled
        assert all(compiled.values()), compiled
        assert set(native.build_info()["modules"]) == set(compiled)
        assert all(c_built.values()), c_built
        assert set(native.build_info()["c_modules"]) == set(c_built)
        assert native.describe().endswith("; C: _cscan")
    if native.pure_python_requested():
        assert not any(compiled.values())
        assert not any(c_built.values())  # the Python equivalents run
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert native.check() == []  # every compiled module is as new as its source


def test_compiled_and_pure_python_give_identical_attributions(seed_path, shared_data):
    compiled = _dump(seed_path, shared_data / "basil", pure=False)
    pure = _dump(seed_path, shared_data / "basil", pure=True)
    assert not any(pure["compiled"].values())  # FRAMING_PURE_PYTHON=1 imports the sources
    assert len(pure["records"]) == 61 and sum(map(len, pure["records"])) > 900
    assert compiled["records"] == pure["records"]
    # VADER's word rules (framing.features.vader_rules): the same score for every sentence
    assert sum(map(len, pure["sentences"])) > 1500
    assert compiled["sentences"] == pure["sentences"]
    # and both are what this process computes
    texts = [seed_path.read_text(encoding="utf-8")]
    texts += [a.text for a in read_basil(shared_data / "basil")[:3]]
    here = [[a.to_dict("d") for a in extract_attributions(t)] for t in texts]
    assert json.loads(json.dumps(here)) == compiled["records"][:4]


def test_doctests_of_compiled_modules_run_on_their_sources(repo_root):
    # compiled modules have no docstrings, so the main run cannot collect their doctests
    files = [name.replace(".", "/") + ".py" for name in native._DEFAULT_MODULES]
    env = {**os.environ, "FRAMING_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--doctest-modules", *files], cwd=repo_root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
    assert " passed" in done.stdout


def test_c_extension_knows_only_the_listed_modules():
    with pytest.raises(ValueError, match="unknown C extension"):
        native.c_extension("framing.attribution.rules")


def test_check_names_c_extensions_older_than_their_sources(monkeypatch):
    built = sorted(n for n in native._C_MODULES if native.c_extension(n) is not None)
    monkeypatch.setattr(native, "build_info",
                        lambda: {"c_modules": dict.fromkeys(native._C_MODULES, "0" * 64)})
    if built:
        with pytest.warns(RuntimeWarning, match="older than their sources: framing.text._cscan"):
            assert native.check() == built
    else:
        assert native.check() == []


def test_check_names_compiled_modules_older_than_their_sources(monkeypatch):
    compiled = sorted(m for m, c in native.compiled_modules().items() if c)
    monkeypatch.setattr(native, "build_info",
                        lambda: {"modules": dict.fromkeys(native._DEFAULT_MODULES, "0" * 64)})
    if compiled:
        with pytest.warns(RuntimeWarning, match="older than their sources: framing.attrib"):
            assert native.check() == compiled
    else:  # running the sources: nothing can be stale
        assert native.check() == []
