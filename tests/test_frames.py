"""Frames: the shipped lexicon, FrameFeatures on small texts and the seed, FrameClassifier."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.utils.estimator_checks import parametrize_with_checks

from framing.frames import (
    FEATURE_NAMES,
    FRAME_NAMES,
    FRAMES,
    FrameClassifier,
    FrameFeatures,
    frame_distribution,
    frame_lexicon,
    frame_matches,
    make_frame_pipeline,
    primary_frame,
)

# ------------------------------------------------------------------------------- lexicon file

def _lexicon_lines() -> list[str]:
    return resources.files("framing.lexicons").joinpath("frames.tsv").read_text(
        "utf-8").split("\n")


def test_lexicon_file_format():
    lines = _lexicon_lines()
    assert lines[-1] == "" and "" not in lines[:-1], "\\n line endings, no blank lines"
    lines = lines[:-1]
    header = [ln for ln in lines if ln.startswith("#")]
    assert lines[:len(header)] == header and all(ln.startswith("# ") for ln in header)
    assert header[0].startswith("# frames.tsv: ")
    keys = Counter(ln[2:].split(":", 1)[0] for ln in header)
    assert {"source", "license", "citation", "rationale", "format", "columns"} <= set(keys)
    assert keys["citation"] == 3
    text = "\n".join(header)
    for needle in ("BSD-3-Clause", "Boydstun", "Card, D.", "Field, A.", "written by the framing "
                   "project", "codebook"):
        assert needle in text, needle
    assert [f"# frame {f}: {FRAME_NAMES[f]}:" for f in FRAMES] == [
        ln.split(": ", 2)[0] + ": " + ln.split(": ", 2)[1] + ":" for ln in header
        if ln.startswith("# frame ")]
    assert lines[len(header)] == "term\tframe"
    rows = [tuple(ln.split("\t")) for ln in lines[len(header) + 1:]]
    assert all(len(r) == 2 for r in rows)
    assert rows == sorted(rows, key=lambda r: (r[0].lower(), r[0], FRAMES.index(r[1])))
    assert len(set(rows)) == len(rows)
    for term, frame in rows:
        assert frame in FRAMES and frame != "other"
        assert term == " ".join(term.split()) and term


def test_lexicon_sizes_and_overlap():
    lex = frame_lexicon()
    assert tuple(lex) == FRAMES
    for frame in FRAMES[:-1]:
        assert 25 <= len(lex[frame]) <= 60, (frame, len(lex[frame]))
    assert lex["other"] == ()
    per_term = Counter(t.lower() for terms in lex.values() for t in terms)
    assert max(per_term.values()) == 2
    assert {t for t, n in per_term.items() if n == 2} == {
        "church", "civil rights", "human rights", "loophole", "religious", "subsidy", "tariff",
        "values"}
    # the header's per-frame counts agree with the rows
    for ln in _lexicon_lines():
        if ln.startswith("# frame "):
            frame = ln[len("# frame "):].split(":")[0]
            assert ln.endswith(f"({len(lex[frame])} terms)"), ln


def test_user_lexicon(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# my frames\nterm\tframe\nferry\teconomic\nwave\thealth_safety\n",
                    encoding="utf-8")
    f = FrameFeatures(lexicon=path)
    row = dict(zip(f.get_feature_names_out(), f.fit_transform(["The ferry hit a wave."])[0],
                   strict=True))
    assert row["frame_economic"] == row["frame_health_safety"] == 0.5
    assert FRAMES[int(row["primary_frame"])] == "economic"  # tie: first matched
    bad = tmp_path / "bad.tsv"
    bad.write_text("term\tframe\nferry\tboats\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown frame 'boats'"):
        FrameFeatures(lexicon=bad).fit(["x"])
    three = tmp_path / "three.tsv"
    three.write_text("term\tframe\nx\teconomic\nx\tmorality\nx\tpolitical\n", encoding="utf-8")
    with pytest.raises(ValueError, match="2 frames at most"):
        frame_lexicon(str(three))
    with pytest.raises(ValueError, match="header line"):
        nohead = tmp_path / "nohead.tsv"
        nohead.write_text("ferry\teconomic\n", encoding="utf-8")
        frame_lexicon(str(nohead))


# ------------------------------------------------------------------------------- small texts

def test_small_text_distribution():
    text = "Congress passed the bill. Critics said the tax would cost jobs."
    dist = frame_distribution(text)
    assert list(dist) == list(FRAMES)
    assert {k: v for k, v in dist.items() if v} == {"economic": 0.6,
                                                    "policy_prescription": 0.2,
                                                    "political": 0.2}
    assert [(m.category, text[m.start:m.end]) for m in frame_matches(text)] == [
        ("political", "Congress"), ("policy_prescription", "bill"), ("economic", "tax"),
        ("economic", "cost"), ("economic", "jobs")]
    assert primary_frame([text]) == ["economic"]


def test_names_capitalised_terms_and_inflections():
    # lower-case terms skip capitalised words mid-sentence (names); capitalised terms match them
    text = "He met Bill Clinton and Tom Price at the White House after the Supreme Court ruled."
    found = [(m.category, text[m.start:m.end]) for m in frame_matches(text)]
    assert found == [("political", "White House"), ("legality", "Supreme Court")]
    # inflections and the longest match within a frame
    text = "Militants bombed the base; Homeland Security officials were fighting back."
    found = [(m.category, text[m.start:m.end]) for m in frame_matches(text)]
    assert found == [("security_defense", "Militants"), ("security_defense", "bombed"),
                     ("security_defense", "Homeland Security"),
                     ("security_defense", "fighting")]
    # a term in two frames counts for both; negation does not remove a frame cue
    assert [m.category for m in frame_matches("It was not a church.")] == [
        "morality", "cultural_identity"]


def test_ties_no_matches_and_empty():
    assert primary_frame(["The tax rose. The war began.", "The war began. The tax rose."]) == [
        "economic", "security_defense"]
    f = FrameFeatures()
    X = f.fit_transform(["", "Nothing to see.", "   "])
    assert X.shape == (3, 17)
    assert (X[:, :15] == 0).all() and (X[:, 15] == FRAMES.index("other")).all()
    assert (X[:, 16] == 0).all()
    assert f.evidence(["", "Nothing to see."]) == []
    assert primary_frame([]) == []


# ------------------------------------------------------------------------------- the seed

SEED_COUNTS = {"economic": 3, "capacity_resources": 2, "morality": 3, "policy_prescription": 1,
               "crime_punishment": 6, "security_defense": 45, "health_safety": 1,
               "quality_of_life": 12, "cultural_identity": 8, "political": 9,
               "external_regulation": 4}


def test_seed_frames(seed_text):
    assert primary_frame([seed_text]) == ["security_defense"]
    counts = Counter(m.category for m in frame_matches(seed_text))
    assert dict(counts) == SEED_COUNTS
    total = sum(SEED_COUNTS.values())
    assert total == 94
    dist = frame_distribution(seed_text)
    assert dist == {f: SEED_COUNTS.get(f, 0) / total for f in FRAMES}
    assert dist["security_defense"] == pytest.approx(0.4787, abs=1e-4)
    f = FrameFeatures()
    row = dict(zip(f.get_feature_names_out(), f.fit_transform([seed_text])[0], strict=True))
    assert FRAMES[int(row["primary_frame"])] == "security_defense"
    assert row["frame_terms_per_1k"] == pytest.approx(68.0666, abs=1e-4)
    found = {seed_text[m.start:m.end] for m in frame_matches(seed_text)
             if m.category == "security_defense"}
    assert {"insurgency", "jihadist", "troops", "invasion", "occupation", "bombings",
            "weaponry", "hostages"} <= found
    # "wage the civil war" is not the economic "wages"; "Patriotic Union" is skipped as a name
    assert "wage" not in {seed_text[m.start:m.end] for m in frame_matches(seed_text)}


def test_seed_evidence(seed_text):
    texts = [seed_text, "Troops fought. The tax rose."]
    f = FrameFeatures()
    X = f.fit_transform(texts)
    names = list(f.get_feature_names_out())
    ev = f.evidence(texts)
    assert {e.feature for e in ev} <= set(names)
    for e in ev:
        assert texts[e.doc][e.start:e.end] == e.text
    for doc in range(2):
        for k, frame in enumerate(FRAMES):
            share = sum(e.weight for e in ev if e.doc == doc and e.feature == f"frame_{frame}")
            assert share == pytest.approx(X[doc, k])
    primary = [e for e in ev if e.doc == 0 and e.feature == "primary_frame"]
    assert len(primary) == 45
    spans = [e for e in ev if e.doc == 1 and e.feature == "frame_terms_per_1k"]
    assert [e.text for e in spans] == ["Troops", "fought", "tax"]


# ------------------------------------------------------------------------------- contract

def test_frame_features_sklearn_checks(string_check):
    string_check("FrameFeatures", FrameFeatures())


def test_contract_determinism_and_pandas(seed_text):
    texts = [seed_text, '"It was a massacre," she said. The court ruled.', ""]
    f = FrameFeatures()
    X = f.fit_transform(texts)
    assert X.shape == (3, len(FEATURE_NAMES)) and np.isfinite(X).all()
    np.testing.assert_array_equal(X, FrameFeatures().transform(texts))
    np.testing.assert_array_equal(f.transform(texts[::-1]), X[::-1])
    assert f.evidence(texts) == f.evidence(texts)
    df = FrameFeatures().set_output(transform="pandas").fit_transform(texts)
    assert list(df.columns) == list(FEATURE_NAMES)
    np.testing.assert_allclose(X[:2, :15].sum(axis=1), 1.0)
    with pytest.raises(TypeError, match="single string"):
        f.transform(seed_text)
    with pytest.raises(TypeError, match="text 1 is int"):
        f.transform(["ok", 3])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_text_never_raises(text):
    f = FrameFeatures()
    X = f.transform([text])
    assert X.shape == (1, 17) and np.isfinite(X).all()
    assert X[0, :15].sum() == pytest.approx(1.0) or X[0, :15].sum() == 0
    for e in f.evidence([text]):
        assert text[e.start:e.end] == e.text
    assert primary_frame([text])[0] in FRAMES


# ------------------------------------------------------------------------------- classifier

@parametrize_with_checks([FrameClassifier(), FrameClassifier(standardize=False)])
def test_frame_classifier_sklearn_checks(estimator, check):
    check(estimator)


TRAIN = ["The tax will cost jobs and raise prices.", "Troops fought the insurgents.",
         "The budget deficit and debt grew.", "The army repelled an attack.",
         "Wages fell as the market slumped.", "Militants bombed a military base."]
LABELS = ["economic", "security_defense"] * 3


def test_from_texts_pipeline():
    pipe = FrameClassifier.from_texts(TRAIN, LABELS, C=1.0)
    assert [name for name, _ in pipe.steps] == ["frames", "select", "classifier"]
    assert pipe.predict(["Prices and wages fell.", "Soldiers attacked the militia."]).tolist() \
        == ["economic", "security_defense"]
    proba = pipe.predict_proba(TRAIN)
    assert proba.shape == (6, 2) and np.allclose(proba.sum(axis=1), 1.0)
    clf = pipe.named_steps["classifier"]
    assert clf.classes_.tolist() == ["economic", "security_defense"]
    assert clf.n_features_in_ == 16  # 15 shares + terms per 1k; primary_frame dropped
    # refitting gives identical coefficients
    again = make_frame_pipeline(C=1.0).fit(TRAIN, LABELS)
    np.testing.assert_array_equal(again.named_steps["classifier"].model_.coef_,
                                  clf.model_.coef_)


def test_classifier_errors():
    with pytest.raises(ValueError, match="at least 2 classes"):
        FrameClassifier().fit(np.ones((3, 2)), ["a", "a", "a"])
    with pytest.raises(ValueError):
        FrameClassifier().fit(np.array([[np.nan, 1.0], [1.0, 2.0]]), [0, 1])


def test_negated_terms_are_reported_and_still_counted(seed_text):
    # frame_matches tells which terms are negated; the features count them all, and skip the
    # negation test (same matches otherwise)
    from framing.frames import _frame_matches

    got = frame_matches("It was not a war, the court said.")
    assert [(m.category, m.negated) for m in got] == [("security_defense", True),
                                                      ("legality", False)]
    assert frame_distribution("It was not a war.") == frame_distribution("It was a war.")
    for text in (seed_text, "It was not a war, the court said."):
        assert _frame_matches(text, None, False) == [m._replace(negated=False)
                                                     for m in frame_matches(text)]
    assert any(m.negated for m in frame_matches(seed_text))
