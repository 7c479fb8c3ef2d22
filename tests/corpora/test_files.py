"""Reading and validating corpus files: every bad input is named, nothing is lost."""

from __future__ import annotations

import json

import pytest

from framing.corpora import (
    Annotation,
    Article,
    CorpusError,
    read_articles,
    summarize,
    validate_corpus,
    write_jsonl,
)

GOOD = [
    {"id": "a1", "text": "The mayor said taxes will rise.", "outlet": "Daily", "event": "e1",
     "date": "2021-05-01", "leaning": "left",
     "annotations": [{"start": 4, "end": 9, "label": "speaker", "text": "mayor"}]},
    {"id": "a2", "text": "Critics slammed the plan.", "outlet": "Post", "event": "e1",
     "date": "2021-05-02", "leaning": "right"},
]


def write_lines(path, lines):
    path.write_bytes(b"".join((ln if isinstance(ln, bytes) else ln.encode()) + b"\n"
                              for ln in lines))
    return path


def test_jsonl_round_trip(tmp_path):
    path = write_lines(tmp_path / "c.jsonl", [json.dumps(r) for r in GOOD])
    arts = read_articles(path)
    assert [a.id for a in arts] == ["a1", "a2"]
    a = arts[0]
    assert (a.outlet, a.event, a.date, a.leaning) == ("Daily", "e1", "2021-05-01", "left")
    assert a.annotations == [Annotation(4, 9, "speaker")]
    assert a.text[a.annotations[0].start:a.annotations[0].end] == "mayor"
    out = tmp_path / "out.jsonl"
    assert write_jsonl(arts, out) == 2
    again = read_articles(out)
    assert [x.to_dict() for x in again] == [x.to_dict() for x in arts]


def test_unknown_fields_go_to_meta(tmp_path):
    path = write_lines(tmp_path / "c.jsonl", [json.dumps({**GOOD[1], "author": "Kim",
                                                          "meta": {"k": 1}})])
    (art,) = read_articles(path)
    assert art.meta == {"k": 1, "author": "Kim"}
    n_ok, problems = validate_corpus(path)
    assert n_ok == 1
    assert [(p.line, p.field, p.severity) for p in problems] == [(1, "author", "warning")]


BAD_CASES = {
    "broken_json": ('{"id": "x", "text": "ok"', None, "broken JSON"),
    "missing_text": ('{"id": "x"}', "text", "missing"),
    "empty_text": ('{"id": "x", "text": "   "}', "text", "empty text"),
    "duplicate_id": ('{"id": "a1", "text": "again"}', "id", "duplicate id 'a1'"),
    "invalid_utf8": (b'{"id": "x", "text": "caf\xe9"}', None, "invalid UTF-8"),
    "bad_leaning": ('{"id": "x", "text": "t", "leaning": "liberal"}', "leaning", "not one of"),
    "bad_date": ('{"id": "x", "text": "t", "date": "11/06/2014"}', "date", "ISO 8601"),
    "bad_span": ('{"id": "x", "text": "tiny", "annotations": [{"start": 2, "end": 99, '
                 '"label": "L"}]}', "annotations[0]", "outside the text"),
    "not_object": ("[1, 2]", None, "JSON object"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_each_bad_record_is_named_with_file_line_field(tmp_path, case):
    bad, field, message = BAD_CASES[case]
    path = write_lines(tmp_path / "c.jsonl", [json.dumps(GOOD[0]), bad, json.dumps(GOOD[1])])
    with pytest.raises(CorpusError) as info:
        read_articles(path)
    problem = info.value.problem
    assert (problem.path, problem.line, problem.field) == (str(path), 2, field)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:2:")
    # validate lists it; skip_invalid keeps the rest and writes the reject with its reason
    n_ok, problems = validate_corpus(path)
    assert n_ok == 2 and [p.line for p in problems if p.severity == "error"] == [2]
    rejects = tmp_path / "rejects.jsonl"
    arts = read_articles(path, skip_invalid=True, rejects=rejects)
    assert [a.id for a in arts] == ["a1", "a2"]
    (rec,) = [json.loads(x) for x in rejects.read_text().splitlines()]
    assert rec["line"] == 2 and rec["field"] == field and message in rec["reason"]
    assert rec["record"]


def test_validate_lists_every_problem(tmp_path):
    path = write_lines(tmp_path / "c.jsonl", [
        '{"id": "x"}', "{oops", '{"id": "y", "text": "", "date": "soon", "extra": 1}',
        json.dumps(GOOD[0])])
    n_ok, problems = validate_corpus(path)
    assert n_ok == 1
    assert [(p.line, p.field) for p in problems] == [
        (1, "text"), (2, None), (3, "text"), (3, "date"), (3, "extra")]


def test_skip_invalid_default_rejects_path_and_no_file_when_clean(tmp_path):
    path = write_lines(tmp_path / "c.jsonl", [json.dumps(GOOD[0]), "{"])
    read_articles(path, skip_invalid=True)
    assert (tmp_path / "c.jsonl.rejects.jsonl").exists()
    clean = write_lines(tmp_path / "d.jsonl", [json.dumps(GOOD[0])])
    read_articles(clean, skip_invalid=True)
    assert not (tmp_path / "d.jsonl.rejects.jsonl").exists()


def test_csv(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text,outlet,leaning,author\n1,"Line one,\nline two.",CNN,left,Kim\n'
                    '2,,Fox,right,Lee\n3,Fine.,AP,,\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c\.csv:4: field 'text': missing"):
        read_articles(path)
    arts = read_articles(path, skip_invalid=True, rejects=tmp_path / "r.jsonl")
    assert [(a.id, a.text, a.leaning, a.meta) for a in arts] == [
        ("1", "Line one,\nline two.", "left", {"author": "Kim"}), ("3", "Fine.", None,
                                                                   {"author": None})]


def test_csv_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"id,text\n1,fine\n2,caf\xe9\n")
    with pytest.raises(CorpusError, match=r"c\.csv:3: invalid UTF-8"):
        read_articles(path)


def test_txt_folder_and_single_file(tmp_path, seed_text):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="empty.txt:1: field 'text': empty text"):
        read_articles(tmp_path)
    arts = read_articles(tmp_path, skip_invalid=True, rejects=tmp_path / "r.jsonl")
    assert [a.id for a in arts] == ["b", "sub/a"]
    assert arts[1].text == seed_text
    (one,) = read_articles(tmp_path / "b.txt")
    assert (one.id, one.text) == ("b", "Second article.")


def test_unknown_format_and_missing_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="corpus not found"):
        read_articles(tmp_path / "nope.jsonl")
    (tmp_path / "x.xml").write_text("<a/>")
    with pytest.raises(CorpusError, match="unknown corpus format '.xml'"):
        read_articles(tmp_path / "x.xml")


def test_article_rejects_bad_leaning():
    with pytest.raises(ValueError, match="leaning must be one of"):
        Article(id="x", text="t", leaning="far-left")


def test_summarize():
    arts = [Article(id=str(i), text="one two three", outlet=o, event=e, leaning=lean, date=d)
            for i, (o, e, lean, d) in enumerate([("A", "e1", "left", "2021-01-02"),
                                                  ("B", "e1", "center", None),
                                                  ("C", "e1", "right", "2021-01-01"),
                                                  ("A", "e2", "left", "2021-02-01")])]
    s = summarize(arts)
    assert (s.articles, s.events, s.events_with_all_leanings, s.words) == (4, 2, 1, 12)
    assert s.outlets == {"A": 2, "B": 1, "C": 1}
    assert (s.first_date, s.last_date, s.undated) == ("2021-01-01", "2021-02-01", 1)
    assert "events:    2 (1 with left, center and right)" in s.format()


def _dup_corpus(tmp_path, ids):
    return write_lines(tmp_path / "dups.jsonl", [
        json.dumps({"id": i, "text": f"Text number {n}."}) for n, i in enumerate(ids)])


@pytest.mark.parametrize("n_dups", [1, 3, 30])
def test_duplicate_ids_each_named_with_first_location(tmp_path, n_dups):
    # more duplicates than the re-reading budget switches to an exact id map
    ids = [f"u{i}" for i in range(50)] + [f"u{i}" for i in range(n_dups)] + ["u0", "z"]
    path = _dup_corpus(tmp_path, ids)
    n_ok, problems = validate_corpus(path)
    assert n_ok == 51
    expected = [(51 + i, f"duplicate id 'u{i}' (first at {path}:{i + 1})") for i in range(n_dups)]
    expected.append((51 + n_dups, f"duplicate id 'u0' (first at {path}:1)"))
    assert [(p.line, p.message) for p in problems] == expected


def test_hash_collisions_are_not_duplicates(tmp_path, monkeypatch):
    from framing.corpora import idset

    monkeypatch.setattr(idset, "_hash", lambda text: 7)  # every id collides
    path = _dup_corpus(tmp_path, [f"c{i}" for i in range(40)] + ["c5"])
    n_ok, problems = validate_corpus(path)
    assert n_ok == 40
    assert [(p.line, p.message) for p in problems] == [
        (41, f"duplicate id 'c5' (first at {path}:6)")]


def test_id_hash_set_grows_and_stays_small():
    from framing.corpora.idset import IdHashSet

    ids = IdHashSet(buffer_size=1000)
    assert all(ids.add(f"id-{i}") for i in range(10_000))
    assert not any(ids.add(f"id-{i}") for i in range(0, 10_000, 7))
    assert len(ids) == 10_000
    assert ids.nbytes == 8 * 10_000
