"""Shared fixtures: the seed article and the datasets in ``../shared``.

A test that needs ``../shared/data`` skips when it is missing on a developer
machine, but fails under CI (``CI=true``): CI must never go green by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
