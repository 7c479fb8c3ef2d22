"""Every feature set gives byte-identical numbers whatever the process's string hashing.

Python randomises the hash of strings per process (``PYTHONHASHSEED``), and with
it the iteration order of sets of strings; a sum taken in that order can differ
in its last bits (the loaded-word tagger's mean probability did, by 1e-17), so
that two runs of the same experiment would not give the same bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = """
import hashlib, sys
from framing.corpora import read_basil
from framing.features.registry import REGISTRY, make
texts = [sys.stdin.read()] + [a.text for a in read_basil(sys.argv[1])][:40]
for name in sorted(REGISTRY):
    X = make(name).fit(texts).transform(texts)
    print(name, hashlib.sha256(X.tobytes()).hexdigest())
"""


def _digests(seed: str, text: str, basil: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _SCRIPT, basil], input=text, env=env,
                          capture_output=True, text=True, check=True, timeout=600)
    return done.stdout


def test_features_do_not_depend_on_string_hashing(seed_text, shared_data):
    first = _digests("1", seed_text, str(shared_data / "basil"))
    assert len(first.splitlines()) >= 8  # every registered set, each with its digest
    assert _digests("2", seed_text, str(shared_data / "basil")) == first
