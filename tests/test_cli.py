"""The ``framing`` command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from framing.cli import main


def test_help_has_examples(capsys):
    with pytest.raises(SystemExit) as info:
        main(["corpus", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "framing corpus validate" in out


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "framing.cli", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("framing ")


def test_corpus_info_on_seed(seed_path, capsys):
    assert main(["corpus", "info", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "articles:  1\n" in out and "words:     1,381" in out


def test_corpus_info_json_on_shipped_allsides(repo_root, capsys):
    path = repo_root / "corpora" / "allsides-roundups" / "allsides-roundups.jsonl"
    assert main(["corpus", "info", "--json", str(path)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["articles"] == 3 * info["events"]
    assert info["events_with_all_leanings"] == info["events"] >= 469
    assert info["leanings"] == {"left": info["events"], "center": info["events"],
                                "right": info["events"]}
    assert (info["first_date"], info["last_date"]) == ("2021-04-22", "2021-10-18")


def test_validate_lists_every_problem_and_exits_nonzero(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "a", "text": "dup"}\n{broken\n'
                     b'{"id": "b"}\n{"id": "c", "text": "x\xff"}\n{"id": "d", "text": "x", '
                     b'"who": 1}\n')
    assert main(["corpus", "validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"error: {path}:2: field 'id': duplicate id 'a' (first at {path}:1)",
        f"error: {path}:3: broken JSON: Expecting property name enclosed in double quotes at "
        "column 2",
        f"error: {path}:4: field 'text': missing; every article needs its text",
        f"error: {path}:5: invalid UTF-8 at byte 23 of the line (b'\\xff\"}}'); re-encode the "
        "file as UTF-8",
        f"warning: {path}:6: field 'who': unknown field (kept in meta)",
    ]


def test_validate_clean_corpus_exits_zero(seed_path, capsys):
    assert main(["corpus", "validate", str(seed_path)]) == 0


def test_info_stops_at_first_error_or_skips_with_rejects(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "ok"}\n{"id": "b"}\n', encoding="utf-8")
    assert main(["corpus", "info", str(path)]) == 2
    assert f"{path}:2: field 'text': missing" in capsys.readouterr().err
    rejects = tmp_path / "rej.jsonl"
    assert main(["corpus", "info", "--skip-invalid", "--rejects", str(rejects), str(path)]) == 0
    assert "articles:  1\n" in capsys.readouterr().out
    assert json.loads(rejects.read_text())["line"] == 2


def test_quotes_jsonl_on_seed(seed_path, capsys):
    assert main(["quotes", str(seed_path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 19
    required = {"doc_id", "kind", "content", "content_start", "content_end", "speaker",
                "speaker_start", "speaker_end", "cue", "cue_category", "source_type",
                "anonymous"}
    text = seed_path.read_text(encoding="utf-8")
    for r in rows:
        assert required <= r.keys() and r["doc_id"] == "mosul-2014-06-11"
        assert text[r["content_start"]:r["content_end"]] == r["content"]
    mother = next(r for r in rows if r["content"].startswith("Mosul is now like hell"))
    assert (mother["speaker"], mother["speaker_text"]) == ("Amina Ibrahim", "She")
    assert [r["cue"] for r in rows if r["cue_category"] == "intention"] == ["want"]
    assert main(["quotes", "--speech-only", str(seed_path)]) == 0
    speech = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(speech) == 18 and all(r["cue"] != "want" for r in speech)
    assert main(["quotes", "--learned", str(seed_path)]) == 0
    boosted = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(boosted) == 28 and sum(r["learned"] for r in boosted) == 9
    assert [r for r in boosted if not r["learned"]] == rows


def test_quotes_table_and_stdin(monkeypatch, capsys, repo_root):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('"We will win," the mayor said.'))
    assert main(["quotes", "-", "--format", "table"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["doc_id", "kind", "speaker"]
    assert out[1].split()[:4] == ["stdin", "direct", "the", "mayor"]
    assert main(["quotes", str(repo_root / "corpora" / "seed" / "seed.jsonl")]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["doc_id"] == "wsws-2014-06-11-mosul"


def test_quotes_mark_a_negated_cue(monkeypatch, capsys):
    import io

    # BASIL: the table says "not said", the record "negated": true
    text = ("Authorities haven\u2019t said whether the devices were built to explode and kill or "
            "simply sow fear.")
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["quotes", "-", "--format", "table"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[2:5] == ["Authorities", "not", "said"]
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["quotes", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["speaker"], record["cue"], record["negated"]) == ("Authorities", "said", True)


def test_extract_csv_and_parquet(repo_root, tmp_path, capsys):
    import pandas as pd

    seed = repo_root / "corpora" / "seed" / "seed.jsonl"
    out = tmp_path / "f.csv"
    assert main(["extract", str(seed), "--features", "attribution,sentiment", "--out",
                 str(out)]) == 0
    df = pd.read_csv(out)
    assert list(df.columns[:5]) == ["doc_id", "outlet", "event", "date", "leaning"]
    assert df.shape == (1, 5 + 34 + 9)
    assert "attribution__share_direct" in df.columns
    assert "sentiment__sentiment_all_mean" in df.columns
    pq = tmp_path / "f.parquet"
    assert main(["extract", str(seed), "--features", "loaded", "--out", str(pq)]) == 0
    table = pd.read_parquet(pq)
    assert table.loc[0, "loaded__violence_narrative_per_1k"] > 0
    first = out.read_bytes()
    assert main(["extract", str(seed), "--features", "attribution,sentiment", "--out",
                 str(out)]) == 0
    assert out.read_bytes() == first  # same input, same bytes
    assert main(["extract", str(seed), "--features", "nope", "--out", str(out)]) == 2
    assert "valid: attribution" in capsys.readouterr().err
    assert main(["extract", str(seed), "--out", str(tmp_path / "x.txt")]) == 2


def test_evidence_jsonl_and_html(repo_root, tmp_path, capsys):
    seed = repo_root / "corpora" / "seed" / "seed.jsonl"
    assert main(["evidence", str(seed), "--feature", "loaded__violence_narrative_per_1k"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and {r["feature"] for r in rows} == {"loaded__violence_narrative_per_1k"}
    text = json.loads(seed.read_text(encoding="utf-8"))["text"]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert "massacres" in {r["text"] for r in rows}
    html_path = tmp_path / "seed.html"
    assert main(["evidence", str(seed), "--feature", "loaded", "--html", str(html_path)]) == 0
    page = html_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<mark" in page and "hypocrisy" in page
    assert main(["evidence", str(seed), "--feature", "loaded__nope"]) == 2


def test_lexicons_list(capsys):
    assert main(["lexicons", "list"]) == 0
    out = capsys.readouterr().out
    assert "recasens_bias" in out and "violence" in out and "ideological" in out
    # source and licence in full, wrapped at spaces (never cut inside a word or an address)
    assert "the authors' README asks users to cite the paper" in " ".join(out.split())
    assert "http://www.mpi-sws.org/~cristian/Biased_language.html;" in out


def test_extract_corpus_types(repo_root, tmp_path, capsys):
    """--corpus-types: a first pass types the corpus's speakers, the attribution columns
    count with them (the 1,407 leads: 167 speakers typed, 49 source types filled in 35
    leads); other sets untouched; refused without an attribution set."""
    import pandas as pd

    corpus = repo_root / "corpora" / "allsides-roundups" / "allsides-roundups.jsonl"
    plain, typed = tmp_path / "plain.parquet", tmp_path / "typed.parquet"
    args = ["extract", str(corpus), "--features", "attribution,readability", "--quiet"]
    assert main([*args, "--out", str(plain)]) == 0
    capsys.readouterr()
    assert main([*args, "--out", str(typed), "--corpus-types"]) == 0
    assert "the corpus types 167 named speakers" in capsys.readouterr().err
    a, b = pd.read_parquet(plain), pd.read_parquet(typed)
    source = [c for c in a.columns if c.startswith("attribution__source_")]
    changed = (a[source] != b[source]).any(axis=1)
    assert int(changed.sum()) == 35
    assert (b["attribution__source_unknown"] <= a["attribution__source_unknown"]).all()
    rest = [c for c in a.columns if c not in source]
    pd.testing.assert_frame_equal(a[rest], b[rest])
    assert main(["extract", str(corpus), "--features", "sentiment", "--corpus-types",
                 "--out", str(tmp_path / "x.csv")]) == 2
    assert "--corpus-types needs an attribution set in --features" in capsys.readouterr().err
