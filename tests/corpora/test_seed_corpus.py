"""The seed corpus file is reproducible from scripts/make_seed_corpus.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("make_seed_corpus",
                                                  REPO / "scripts" / "make_seed_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_jsonl_is_reproducible(tmp_path, seed_text):
    out = tmp_path / "seed.jsonl"
    assert _script().main(["--out", str(out)]) == 0
    committed = REPO / "corpora" / "seed" / "seed.jsonl"
    assert out.read_bytes() == committed.read_bytes()
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "wsws-2014-06-11-mosul"
    assert record["text"] == seed_text
    assert record["meta"] == {"author": "Barry Grey"}
    assert "leaning" not in record
