"""Framing lexicons: shipped word lists, their headers, and user-supplied formats."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pytest

from framing.lexicons.loading import SHIPPED, Lexicon, list_lexicons, load

# Exact entry counts after lower-casing and de-duplication (none of the originals has duplicates).
COUNTS = {
    "recasens_bias": 654,
    "hedges": 100,
    "factives": 27,
    "assertives": 66,
    "implicatives": 32,
    "report_verbs_recasens": 181,
    "opinion_positive": 2006,
    "opinion_negative": 4783,
    "intensifiers": 102,
    "violence": 110,
    "dehumanizing": 59,
    "euphemism": 66,
    "certainty": 74,
    "doubt": 57,
    "ideological": 82,
}
PROJECT_WRITTEN = {"intensifiers", "violence", "dehumanizing", "euphemism", "certainty", "doubt",
                   "ideological"}

# shipped name -> the original file in ../shared/lexicons it must equal
ORIGINALS = {
    "recasens_bias": "recasens2013-bias-lexicon/bias-lexicon.txt",
    "hedges": "recasens2013-bias-related-lexicons/hedges_hyland2005.txt",
    "factives": "recasens2013-bias-related-lexicons/factives_hooper1975.txt",
    "assertives": "recasens2013-bias-related-lexicons/assertives_hooper1975.txt",
    "implicatives": "recasens2013-bias-related-lexicons/implicatives_karttunen1971.txt",
    "report_verbs_recasens": "recasens2013-bias-related-lexicons/report_verbs.txt",
    "opinion_positive": "liu2005-opinion-lexicon/positive-words.txt",
    "opinion_negative": "liu2005-opinion-lexicon/negative-words.txt",
}


def _shipped_lines(name: str) -> list[str]:
    data = resources.files("framing.lexicons").joinpath(f"{name}.txt").read_bytes()
    text = data.decode("utf-8")  # shipped files must be strict UTF-8
    assert text.endswith("\n") and "\r" not in text
    return text.split("\n")[:-1]


@pytest.fixture(scope="module")
def lexdir(shared_data: Path) -> Path:
    """``../shared/lexicons`` (skips locally, fails under CI when missing)."""
    path = shared_data.parent / "lexicons"
    if not path.is_dir():
        message = f"shared lexicons not found: {path}"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    return path


# ------------------------------------------------------------------------- shipped lists

def test_shipped_names_and_files():
    assert set(SHIPPED) == set(COUNTS)
    files = {p.name for p in resources.files("framing.lexicons").iterdir()
             if p.name.endswith(".txt")}
    # only the shipped lists (plus the GGT licence text): no MPQA, Riloff, eMFD/MFD, NRC, BABE
    assert files == {f"{n}.txt" for n in SHIPPED} | {"LICENSE-ggt-quote-verbs.txt"}


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_shipped_counts(name):
    lex = load(name)
    assert len(lex) == COUNTS[name]
    assert list(lex.categories) == [SHIPPED[name]]
    assert lex.terms() == lex.categories[SHIPPED[name]]
    assert lex.weights == {} and not lex.wildcards
    assert lex.name == name and lex.path and lex.path.endswith(f"{name}.txt")


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_shipped_file_format(name):
    lines = _shipped_lines(name)
    header = [ln for ln in lines if ln.startswith("#")]
    entries = lines[len(header):]
    assert lines[:len(header)] == header, "header lines must all come first"
    assert all(ln.startswith("# ") for ln in header)
    assert header[0].startswith(f"# {name}.txt: ")
    keys = {ln[2:].split(":", 1)[0].split(" (")[0] for ln in header[1:]}
    assert {"source", "license", "citation", "category"} <= keys
    assert f"# category: {SHIPPED[name]}" in header
    if name in PROJECT_WRITTEN:
        assert sum(ln.startswith("# rationale: ") for ln in header) == 1
        assert 40 <= len(entries) <= 150
        assert any("BSD-3-Clause" in ln for ln in header if ln.startswith("# license: "))
    # entries: lower-case, single-spaced, sorted, unique, no comment markers
    assert entries == sorted(set(entries))
    for entry in entries:
        assert entry == entry.lower() == " ".join(entry.split()), entry
        assert entry and not entry.startswith(("#", ";")), entry
    assert len(entries) == COUNTS[name]


def test_list_lexicons():
    rows = list_lexicons()
    assert [r["name"] for r in rows] == list(SHIPPED)
    for row in rows:
        assert set(row) == {"name", "category", "n_entries", "source", "license", "citation"}
        assert row["n_entries"] == COUNTS[row["name"]]
        assert row["category"] == SHIPPED[row["name"]]
        assert row["source"] and row["license"] and row["citation"]
    by_name = {r["name"]: r for r in rows}
    assert "Recasens" in by_name["recasens_bias"]["citation"]
    assert "Hyland" in by_name["hedges"]["citation"]
    assert "Recasens" in by_name["hedges"]["citation"]  # the list as used is cited too
    assert "Hu, M., & Liu, B. (2004)" in by_name["opinion_negative"]["citation"]
    assert "no explicit licence" in by_name["opinion_positive"]["license"]


def test_shipped_cache_and_lookup():
    assert load("hedges") is load("hedges")
    assert load("recasens_bias").category_of("Abortion") == ["bias"]
    assert load("euphemism").category_of("collateral   damage") == ["euphemism"]
    assert "so-called" in load("doubt")
    assert load("intensifiers").category_of("table") == []
    # '*' is literal outside .dic lexicons
    neg = load("opinion_negative")
    assert "f**k" in neg and neg.category_of("fork") == []
    assert "naïve" in neg and "naive" in neg
    # the HKUST extension is not shipped
    assert "a" not in load("recasens_bias")


@pytest.mark.shared_data
@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_shipped_equal_originals(name, lexdir):
    """The third-party lists are the originals, unchanged apart from header and order."""
    original = load(lexdir / ORIGINALS[name], format="plain")
    assert original.terms() == load(name).terms()
    assert len(original) == COUNTS[name]


@pytest.mark.shared_data
def test_recasens_without_hkust_extension(lexdir):
    extended = load(lexdir / "recasens2013-bias-lexicon" / "bias-lexicon.hkust-extended-703.txt")
    assert len(extended) == 692  # 703 lines, 11 of them repeated
    assert load("recasens_bias").terms() < extended.terms()
    assert "children" in extended and "children" not in load("recasens_bias")


# ------------------------------------------------------------------------- user-supplied formats

@pytest.mark.shared_data
def test_mpqa(lexdir):
    path = lexdir / "mpqa-subjectivity-clues" / "subjclueslen1-HLTEMNLP05.tff"
    lines = path.read_text("utf-8").splitlines()
    assert len(lines) == 8222  # clue lines (the file has no final newline: wc -l says 8221)
    lex = load(path)
    assert lex.name == "subjclueslen1-HLTEMNLP05" and not lex.wildcards
    assert len(lex) == 6886  # distinct words; MPQA lists a word once per part of speech
    assert {c: len(t) for c, t in lex.categories.items()} == {
        "strongsubj": 4747, "weaksubj": 2191, "positive": 2304, "negative": 4154,
        "neutral": 430, "both": 17}
    assert lex.weights["abandon"] == {"polarity": -1.0, "strength": 0.5, "stemmed": 1.0}
    assert lex.weights["zest"] == {"polarity": 1.0, "strength": 1.0, "stemmed": 0.0}
    assert lex.category_of("abandoned") == ["weaksubj", "negative"]
    assert lex.category_of("impassive") == ["weaksubj", "negative"]  # priorpolarity=weakneg
    assert "anti-american" in lex  # lower-cased
    assert "GPL" in lex.license and "Wilson" in lex.citation
    assert set(lex.weights) == lex.terms()


@pytest.mark.shared_data
def test_emfd(lexdir):
    lex = load(lexdir / "emfd-mfd" / "emfd_scoring.csv")
    assert len(lex) == 3270 == len(lex.weights)
    assert {c: len(t) for c, t in lex.categories.items()} == {
        "care": 879, "fairness": 781, "loyalty": 580, "authority": 699, "sanctity": 361}
    brought = lex.weights["brought"]
    assert list(brought) == ["care_p", "fairness_p", "loyalty_p", "authority_p", "sanctity_p",
                             "care_sent", "fairness_sent", "loyalty_sent", "authority_sent",
                             "sanctity_sent"]
    assert brought["care_p"] == pytest.approx(0.18)
    assert lex.category_of("brought") == ["care"]  # highest probability
    assert "GPL-3.0" in lex.license and "Hopp" in lex.citation


@pytest.mark.shared_data
def test_mfd2_dic(lexdir):
    lex = load(lexdir / "emfd-mfd" / "mfd2.0.dic")
    assert lex.wildcards and not lex.weights
    assert len(lex) == 2040
    assert sum(len(t) for t in lex.categories.values()) == 2103  # entry lines
    assert list(lex.categories)[:2] == ["care.virtue", "care.vice"]
    assert len(lex.categories) == 10
    assert lex.category_of("betray") == ["fairness.vice", "loyalty.vice"]
    assert lex.category_of("civil rights") == ["fairness.virtue"]  # multi-word entry
    assert not any(t.endswith("*") for t in lex.terms())


@pytest.mark.shared_data
def test_original_mfd_dic_wildcards(lexdir):
    lex = load(lexdir / "emfd-mfd" / "mft_original.dic")
    assert len(lex) == 324
    assert sum(t.endswith("*") for t in lex.terms()) == 166
    assert list(lex.categories)[-1] == "moral" and len(lex.categories) == 11
    assert "betray*" in lex and "betray" not in lex  # the '*' stays in the entry
    assert lex.category_of("betrayal") == ["loyalty.vice", "authority.vice"]
    assert lex.category_of("safety") == ["care.virtue"]  # via safe*
    assert lex.category_of("preserve") == ["care.virtue", "authority.virtue", "sanctity.virtue"]
    assert lex.category_of("care") == ["care.virtue"] and lex.category_of("careful") == []


def test_nrc_synthetic(tmp_path):
    path = tmp_path / "NRC-Emotion-Lexicon-Wordlevel-v0.92.txt"
    rows = [(w, e, int(e in hits)) for w, hits in
            [("abandon", {"fear", "negative", "sadness"}), ("cheer", {"joy", "positive"}),
             ("table", set())]
            for e in ("anger", "fear", "joy", "negative", "positive", "sadness")]
    path.write_text("Preamble text without tabs.\n\n"
                    + "".join(f"{w}\t{e}\t{v}\n" for w, e, v in rows), encoding="utf-8")
    lex = load(path)  # detected from the content
    assert list(lex.categories) == ["anger", "fear", "joy", "negative", "positive", "sadness"]
    assert lex.categories["anger"] == frozenset()
    assert lex.categories["fear"] == {"abandon"}
    assert lex.category_of("cheer") == ["joy", "positive"]
    assert lex.terms() == {"abandon", "cheer"} and len(lex) == 2
    assert lex.weights["table"] == dict.fromkeys(lex.categories, 0.0)  # known, no emotion
    assert lex.weights["abandon"]["sadness"] == 1.0
    assert "research" in lex.license and "Mohammad" in lex.citation
    assert load(path, format="nrc").categories == lex.categories


def test_plain_user_file(tmp_path):
    path = tmp_path / "my_list.txt"
    path.write_bytes(b"; a Hu & Liu style comment\r\n# source: me\r\n\r\nFoo\r\nbar  baz\rfoo\n")
    lex = load(path)
    assert lex.categories == {"my_list": frozenset({"foo", "bar baz"})}
    assert lex.source == "me"  # '# key:' lines before the first entry are the header
    assert lex.license.startswith("unknown") and lex.citation == ""
    headed = tmp_path / "headed.txt"
    headed.write_text("# headed.txt: test\n# category: custom\n# source: me\n"
                      "# license: CC0\n# citation: Me (2026)\nalpha\n", encoding="utf-8")
    lex = load(str(headed))
    assert lex.categories == {"custom": frozenset({"alpha"})}
    assert (lex.source, lex.license, lex.citation) == ("me", "CC0", "Me (2026)")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("na\u00efve\n".encode("latin-1"))
    assert load(latin1).terms() == {"naïve"}


def test_lexicon_dataclass():
    lex = Lexicon("x", {"a": ["Foo  Bar", "baz*"]})  # type: ignore[dict-item]
    assert lex.categories == {"a": frozenset({"foo bar", "baz*"})}
    assert lex.category_of("bazaar") == [] and lex.category_of("BAZ*") == ["a"]
    assert len(lex) == 2 and lex.terms() == {"foo bar", "baz*"}
    wild = Lexicon("w", {"a": frozenset({"baz*"}), "b": frozenset({"bazaar"})}, wildcards=True)
    assert wild.category_of("bazaar") == ["a", "b"]
    assert wild.category_of("ba") == []
    assert hash(lex) == hash(Lexicon("x", {"a": frozenset({"foo bar", "baz*"})}))
    with pytest.raises(AttributeError):
        lex.name = "y"  # type: ignore[misc]


# ------------------------------------------------------------------------- errors

def test_unknown_name_lists_available():
    with pytest.raises(KeyError) as info:
        load("hedge")
    message = str(info.value)
    assert "'hedge'" in message
    for name in SHIPPED:
        assert name in message


def test_missing_file_and_bad_format(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such lexicon file"):
        load(tmp_path / "nope.txt")
    with pytest.raises(FileNotFoundError):
        load("no/such/file.txt")
    (tmp_path / "x.txt").write_text("a\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown lexicon format 'liwc'.*plain, mpqa"):
        load(tmp_path / "x.txt", format="liwc")
    (tmp_path / "bin.txt").write_bytes("a\nb\n".encode("utf-16"))
    with pytest.raises(ValueError, match="NUL bytes"):
        load(tmp_path / "bin.txt")


@pytest.mark.parametrize(("filename", "content", "fmt", "line", "match"), [
    ("p.txt", "# h\nok\nbad\tline\n", None, 3, "has a tab"),
    ("m.tff", "type=weaksubj len=1 word1=a pos1=adj stemmed1=n priorpolarity=negative\n"
              "type=weaksubj word1=b oops\n", None, 2, "key=value"),
    ("m.tff", "type=weaksubj len=1 word1=a pos1=adj stemmed1=n priorpolarity=sideways\n",
     None, 1, "priorpolarity 'sideways'"),
    ("m.tff", "type=medium len=1 word1=a pos1=adj stemmed1=n priorpolarity=negative\n",
     None, 1, "unknown MPQA type"),
    ("e.csv", "word,care_p,care_sent\nkind,0.5,0.1\nmean,high,0.2\n", None, 3,
     "'care_p' is not a number"),
    ("e.csv", "word,care_p,care_sent\nkind,0.5\n", None, 2, "2 cells, expected 3"),
    ("d.dic", "%\n1\tcare\n%\nkind*\t1\nmean\t7\n", None, 5, "category number 7"),
    ("d.dic", "%\n1\tcare\n%\nkind*\t1\nlonely\n", None, 5, "category numbers"),
    ("d.dic", "%\ncare\n%\n", None, 2, "number<TAB>category"),
    ("n.txt", "abandon\tfear\t1\nabandon\tjoy\tyes\n", "nrc", 2, "0 or 1"),
    ("n.txt", "abandon\tfear\t1\nabandon\tjoy\n", "nrc", 2, "word<TAB>emotion"),
])
def test_broken_line_names_file_and_line(tmp_path, filename, content, fmt, line, match):
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=match) as info:
        load(path, format=fmt)
    assert f"{path}:{line}:" in str(info.value)


def test_structural_errors_name_file(tmp_path):
    cases = {"a.dic": ("1\tcare\n", "starts with a '%'"),
             "b.dic": ("%\n1\tcare\n", "not closed"),
             "c.csv": ("term,score\nx,1\n", "header 'word,care_p"),
             "d.txt": ("just text\n", "no 'word<TAB>emotion")}
    for filename, (content, match) in cases.items():
        path = tmp_path / filename
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ValueError, match=match) as info:
            load(path, format="nrc" if filename == "d.txt" else None)
        assert str(path) in str(info.value)
