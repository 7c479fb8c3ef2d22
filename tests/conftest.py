"""Shared fixtures: the seed article and the datasets in ``../shared``.

A test that needs ``../shared/data`` skips when it is missing on a developer
machine, but fails under CI (``CI=true``): CI must never go green by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sklearn.utils.estimator_checks import (
    check_do_not_raise_errors_in_init_or_set_params,
    check_estimator_cloneable,
    check_estimator_repr,
    check_get_params_invariance,
    check_mixin_order,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRAMING_SHARED", REPO.parent / "shared"))
SHARED_DATA = SHARED / "data"
SEED_PATH = REPO / "corpora" / "seed" / "mosul-2014-06-11.txt"


def require_path(path: Path) -> Path:
    """Return ``path`` if it exists; otherwise skip (or fail when ``CI=true``)."""
    if path.exists():
        return path
    message = f"shared data not found: {path} (set FRAMING_SHARED to the shared/ folder)"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Root of ``../shared/data``."""
    return require_path(SHARED_DATA)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The raw text of the seed article, as shipped in ``corpora/seed``."""
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """Path of the seed article in ``corpora/seed``."""
    return SEED_PATH


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's top folder."""
    return REPO


#: The scikit-learn estimator checks that apply to transformers over raw strings
#: (``parametrize_with_checks`` skips string-input estimators; see ../shared/STYLE.md).
STRING_INPUT_CHECKS = (
    check_estimator_cloneable, check_estimator_repr, check_no_attributes_set_in_init,
    check_get_params_invariance, check_set_params, check_parameters_default_constructible,
    check_do_not_raise_errors_in_init_or_set_params, check_mixin_order,
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking ``string_check`` runs once per check in :data:`STRING_INPUT_CHECKS`."""
    if "string_check" in metafunc.fixturenames:
        metafunc.parametrize("string_check", STRING_INPUT_CHECKS, ids=lambda c: c.__name__)


@pytest.fixture
def in_pure_python_subprocess(request: pytest.FixtureRequest):
    """``rerun(module)``: see :func:`_rerun_in_pure_python`."""
    return lambda module: _rerun_in_pure_python(request, module)


def _rerun_in_pure_python(request: pytest.FixtureRequest, module: str) -> bool:
    """Run the calling test again, in a subprocess that imports framing's sources
    (``FRAMING_PURE_PYTHON=1``), when ``module`` runs compiled here: a test that patches a
    function or method of a compiled module cannot reach the compiled calls. True when it did
    (the caller then returns), False when the test should just go on here."""
    from framing.native import compiled_modules, pure_python_requested

    if pure_python_requested() or not compiled_modules().get(module):
        return False
    import re
    import subprocess
    import sys

    env = {**os.environ, "FRAMING_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           request.node.nodeid], cwd=request.config.rootpath, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"^1 passed", done.stdout, re.M), done.stdout[-2000:]
    return True
