"""``ruff check`` is part of the test suite, so CI fails on lint errors."""

from __future__ import annotations

import shutil
import subprocess
import sys


def test_ruff_clean(repo_root):
    ruff = shutil.which("ruff")
    cmd = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    targets = [d for d in ("framing", "tests", "scripts", "benchmarks") if (repo_root / d).is_dir()]
    result = subprocess.run([*cmd, "check", *targets],
                            cwd=repo_root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
