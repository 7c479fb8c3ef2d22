"""Source types that a corpus gives its named speakers (framing.attribution.SpeakerTypes)."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from framing.attribution import Attribution, SpeakerTypes, extract_attributions
from framing.corpora import read_articles

REPO = Path(__file__).resolve().parents[2]


def att(speaker, source_type="unknown", anonymous=False, **extra):
    return Attribution(kind="indirect", content_start=0, content_end=1, content="x",
                       speaker=speaker, source_type=source_type, anonymous=anonymous,
                       extra=extra)


def test_a_speaker_typed_elsewhere_in_the_corpus_gets_that_type():
    texts = ["Sen. Marco Rubio said taxes would fall.",
             "Sen. Marco Rubio told reporters he would run.",
             "Marco Rubio said the plan was dead."]
    (before,) = extract_attributions(texts[2])
    assert before.source_type == "unknown"
    types = SpeakerTypes().update(a for t in texts for a in extract_attributions(t))
    (after,) = types.apply([before])
    assert (after.speaker, after.source_type) == ("Marco Rubio", "political")
    assert after.extra == {"source_type_from": "corpus", "source_type_votes": "2/2"}
    assert after.to_dict()["source_type_from"] == "corpus"
    assert before.to_dict()["source_type_from"] == "text"
    # every other field is the extractor's
    assert {k: v for k, v in after.to_dict().items() if k not in ("source_type",
                                                                  "source_type_from")} == {
        k: v for k, v in before.to_dict().items() if k not in ("source_type", "source_type_from")}


def test_only_named_typed_speakers_from_the_text_vote():
    types = SpeakerTypes().update([
        att("He", "political"), att("He", "political"),            # unresolved pronoun
        att("officials", "official"), att("officials", "official"),  # a description
        att("Ann Lee", "anonymous", anonymous=True), att("Ann Lee", "official", anonymous=True),
        att("Bo Li", "expert", source_type_from="corpus"),
        att("Bo Li", "expert", source_type_from="corpus"),           # filled, not read
        att("Bo Li", "unknown"),
    ])
    assert types.votes == {}
    assert len(types) == 0
    unknown = [att("He"), att("officials"), att("Ann Lee"), att("Bo Li")]
    assert types.apply(unknown) == unknown


def test_agreement_thresholds_and_ties():
    types = SpeakerTypes().update(
        [att("Ann Lee", "official")] * 3 + [att("Ann Lee", "political")] * 2
        + [att("Bo Li", "expert")] + [att("Cy Ng", "media")] * 2 + [att("Cy Ng", "expert")] * 2)
    assert types.type_of("Ann Lee") == ("official", 3, 5)   # 60% agree
    assert types.type_of("Bo Li") is None                    # one vote only
    assert types.type_of("Cy Ng") is None                    # a tie is no majority
    assert types.type_of("Dee Fox") is None and types.type_of(None) is None
    assert SpeakerTypes(min_votes=1).type_of("Bo Li") is None  # nothing counted yet
    assert SpeakerTypes(min_votes=1).update([att("Bo Li", "expert")]).type_of("Bo Li") == (
        "expert", 1, 1)
    assert SpeakerTypes(min_share=0.7).update(
        [att("Ann Lee", "official")] * 3 + [att("Ann Lee", "political")] * 2
    ).type_of("Ann Lee") is None
    # known types and anonymous sources are never changed
    kept = [att("Ann Lee", "media"), att("Ann Lee", "unknown", anonymous=True)]
    assert types.apply(kept) == kept


@pytest.mark.parametrize("kwargs", [{"min_votes": 0}, {"min_share": 0.5}, {"min_share": 1.5}])
def test_bad_thresholds_are_refused(kwargs):
    with pytest.raises(ValueError):
        SpeakerTypes(**kwargs)


def test_the_result_does_not_depend_on_article_order():
    atts = [att("Ann Lee", "official")] * 3 + [att("Ann Lee", "political")] * 2
    forward = SpeakerTypes().update(atts)
    backward = SpeakerTypes().update(reversed(atts))
    assert forward.votes == backward.votes
    assert forward.type_of("Ann Lee") == backward.type_of("Ann Lee")


def test_shipped_allsides_leads():
    """The 1,407 AllSides leads: 49 unknown types filled, among them 'Biden' and 'Anthony
    Fauci', whom most leads name with their office."""
    texts = [a.text for a in read_articles(
        REPO / "corpora" / "allsides-roundups" / "allsides-roundups.jsonl")]
    per_doc = [extract_attributions(t) for t in texts]
    types = SpeakerTypes().update(a for d in per_doc for a in d)
    filled = [a for d in per_doc for a in types.apply(d)
              if a.extra.get("source_type_from") == "corpus"]
    assert len(filled) == 49
    counts = collections.Counter((a.speaker, a.source_type, a.extra["source_type_votes"])
                                 for a in filled)
    assert counts[("Biden", "official", "107/107")] == 8
    assert counts[("Anthony Fauci", "expert", "21/21")] == 10


def test_cli_corpus_types(tmp_path, capsys):
    from framing.cli import main

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "outlet": "x", "text": t}) + "\n" for i, t in [
        ("a", "Sen. Marco Rubio said taxes would fall."),
        ("b", "Sen. Marco Rubio told reporters he would run."),
        ("c", "Marco Rubio said the plan was dead.")]))
    assert main(["quotes", str(corpus), "--quiet"]) == 0
    plain = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert main(["quotes", str(corpus), "--quiet", "--corpus-types"]) == 0
    filled = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(r["doc_id"], r["source_type"], r["source_type_from"]) for r in plain] == [
        ("a", "political", "text"), ("b", "political", "text"), ("c", "unknown", "text")]
    assert [(r["doc_id"], r["source_type"], r["source_type_from"]) for r in filled] == [
        ("a", "political", "text"), ("b", "political", "text"), ("c", "political", "corpus")]
    assert main(["quotes", str(corpus), "--quiet", "--corpus-types", "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert "political~" in table and "~ source type from the other articles" in table


def test_votes_merge_serialise_and_digest():
    """Votes built on two halves and added equal those built on the whole; to_dict/from_dict
    round-trips; the digest tells different votes apart."""
    atts = [att("Ann Lee", "official")] * 3 + [att("Ann Lee", "political"),
                                               att("Bo Chan", "expert")] * 2
    whole = SpeakerTypes().update(atts)
    halves = SpeakerTypes().update(atts[:4]).add_votes(SpeakerTypes().update(atts[4:]).votes)
    assert halves.votes == whole.votes and halves.digest() == whole.digest()
    assert whole.to_dict() == {"min_votes": 2, "min_share": 0.6, "votes": {
        "Ann Lee": {"official": 3, "political": 2}, "Bo Chan": {"expert": 2}}}
    back = SpeakerTypes.from_dict(json.loads(json.dumps(whole.to_dict())))
    assert back.votes == whole.votes and back.digest() == whole.digest()
    assert back.type_of("Ann Lee") == ("official", 3, 5)
    assert SpeakerTypes(min_votes=3).update(atts).digest() != whole.digest()
    assert SpeakerTypes().update(atts[:4]).digest() != whole.digest()


@pytest.mark.parametrize("data, message", [
    ({"min_votes": 2, "votes": {}}, "not a SpeakerTypes dictionary"),
    ({"min_votes": 2, "min_share": 0.6, "votes": {"Ann Lee": {"official": 0}}},
     r"votes\['Ann Lee'\]\['official'\] must be a positive integer, got 0"),
    ({"min_votes": 2, "min_share": 0.6, "votes": {"Ann Lee": {"official": "3"}}},
     "must be a positive integer"),
    ({"min_votes": 0, "min_share": 0.6, "votes": {}}, "min_votes must be at least 1"),
])
def test_from_dict_refuses_bad_data(data, message):
    with pytest.raises(ValueError, match=message):
        SpeakerTypes.from_dict(data)
