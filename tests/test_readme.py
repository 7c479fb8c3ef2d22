"""The README's Python examples run as written, from the repository root."""

from __future__ import annotations

import re
import subprocess
import sys

RUNNER = """
import sys, traceback
blocks = {blocks!r}
for i, code in enumerate(blocks):
    try:
        exec(compile(code, f"README block {{i}}", "exec"), {{"__name__": "__readme__"}})
    except Exception:
        print(f"README python block {{i}} failed:\\n{{code}}", file=sys.stderr)
        traceback.print_exc()
        sys.exit(1)
"""


def test_readme_python_examples_run(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert len(blocks) >= 10
    done = subprocess.run([sys.executable, "-c", RUNNER.format(blocks=blocks)],
                          cwd=repo_root, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
