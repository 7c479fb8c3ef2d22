"""Build script: the package metadata is in ``setup.cfg``; this file only adds compilation.

The hot paths of attribution extraction (the rules, speaker resolution, sentence splitting) and
of sentence sentiment (VADER's per-word rules) are compiled to C with mypyc, from the same Python
source, when the build can, with the C extension of ``C_MODULES`` (scanners of the hot paths,
each with a Python equivalent): attribution runs about 2.2 times faster and gives
byte-identical results (``benchmarks/attribution_speed.py`` reports which modules are
compiled). Without mypy or a C compiler, or with ``FRAMING_PURE_PYTHON=1`` in the environment,
the pure-Python package is installed instead, with a warning, and works the same.

An editable install (``pip install -e .``) puts the compiled modules beside their sources, where
they take precedence: after editing one of ``NATIVE_MODULES``, rebuild (``pip install -e .``) or
reinstall with ``FRAMING_PURE_PYTHON=1``. ``framing.native.check()`` warns when a compiled module
is older than its source (the test suite runs it).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
# mypyc compiles these (the modules a profile of attribution extraction spends its time in, and
# VADER's per-word rules)
# (internal modules only: compiled functions and classes lose their docstrings, so the public
# entry points, such as framing.attribution.extract, stay Python)
NATIVE_MODULES = [
    "framing/attribution/words.py",
    "framing/attribution/quotes.py",
    "framing/attribution/speakers.py",
    "framing/attribution/rules.py",
    "framing/features/vader_rules.py",
    "framing/text/_split.py",
    "framing/attribution/_cue_hits.py",
]
# C extensions written for framing (module name -> source), built beside the mypyc modules
C_MODULES = {"framing.text._cscan": "framing/text/_cscan.c"}
BUILD_INFO = "framing/native_build.json"  # written next to the compiled modules


def _pure_requested() -> bool:  # as framing.native.pure_python_requested
    return os.environ.get("FRAMING_PURE_PYTHON", "").strip() not in ("", "0")


def _warn(message: str) -> None:
    print(f"framing build: {message}; installing the pure-Python package", file=sys.stderr)


def _native_extensions() -> list:
    if _pure_requested():
        return []
    from setuptools import Extension

    c_extensions = [Extension(name, [path], extra_compile_args=["-O3"])
                    for name, path in C_MODULES.items()]
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypy (mypyc) is not installed")
        return []
    try:
        return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *NATIVE_MODULES],
                        opt_level="3") + c_extensions
    except (Exception, SystemExit) as exc:  # a type error in the source, say: still installable
        _warn(f"mypyc failed ({exc})")
        return []


class OptionalBuildExt(build_ext):
    """``build_ext`` that falls back to the pure-Python modules when compiling fails, and
    records what it compiled (module, source SHA-256) for ``framing.native``."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no C compiler, missing headers, ...
            _warn(f"compiling failed ({exc})")
            self._remove_outputs()
            return
        if self.extensions:
            self._write_build_info()

    def _remove_outputs(self) -> None:
        for ext in self.extensions:
            path = Path(self.get_ext_fullpath(ext.name))
            if path.exists():
                path.unlink()

    def _write_build_info(self) -> None:
        info = {
            "compiler": "mypyc",
            "modules": {
                path[:-3].replace("/", "."): hashlib.sha256((HERE / path).read_bytes()).hexdigest()
                for path in NATIVE_MODULES
            },
            "c_modules": {name: hashlib.sha256((HERE / path).read_bytes()).hexdigest()
                          for name, path in C_MODULES.items()},
        }
        root = HERE if self.inplace else Path(self.build_lib)
        target = root / BUILD_INFO
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(info, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, target)


setup(ext_modules=_native_extensions(), cmdclass={"build_ext": OptionalBuildExt})
