"""The scoring functions of ``benchmarks/attribution_polnear.py`` on hand-made gold/predictions.

These tests need neither ``framing.attribution`` nor the PolNeAR data.
"""

from __future__ import annotations

import importlib.util
import json

import pytest


@pytest.fixture(scope="module")
def bench(repo_root):
    spec = importlib.util.spec_from_file_location(
        "attribution_polnear", repo_root / "benchmarks" / "attribution_polnear.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def forms(bench):
    return bench.load_reporting_forms()


TEXT = ('"We will win," Mayor Helen Brandt said, "and soon." '
        "Officials want the vote to be fair. "
        "She told reporters the budget is \u201cbalanced\u201d now.")


def at(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th ``piece`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def gold_items(bench, forms):
    q1, q2 = at(TEXT, '"We will win,"'), at(TEXT, '"and soon."')
    return [
        bench.make_item(TEXT, [q1, q2], [at(TEXT, "Mayor Helen Brandt")], [at(TEXT, "said")],
                        forms=forms, derive=True, id="E1"),
        bench.make_item(TEXT, [at(TEXT, "the vote to be fair")], [at(TEXT, "Officials")],
                        [at(TEXT, "want")], forms=forms, derive=True, id="E2"),
        bench.make_item(TEXT, [at(TEXT, "the budget is \u201cbalanced\u201d now")],
                        [at(TEXT, "She")], [at(TEXT, "told")], forms=forms, derive=True, id="E3"),
    ]


# ------------------------------------------------------------------ kinds and lexicon

@pytest.mark.parametrize("content, kind", [
    ('"We will win,"', "direct"),
    ('  "We will win."  ', "direct"),
    ('"We will win".', "direct"),                       # final punctuation after the quote
    ("\u201cWe will win,\u201d", "direct"),             # curly quotes
    ('\u201cWe will win," \u201cand soon.\u201d', "direct"),  # discontinuous, joined
    ("''It is disqualifying,''", "direct"),             # PolNeAR NYT '' quotes
    ('that it was "a disgrace"', "mixed"),
    ("that it was \u201ca disgrace.\u201d", "mixed"),
    ('"Enough," and then more', "mixed"),
    ("that the vote was fair", "indirect"),
    ("that the candidates' vote wasn't fair", "indirect"),  # apostrophes are not quotes
])
def test_derive_kind(bench, content, kind):
    assert bench.derive_kind(content) == kind


def test_gold_kinds_from_items(bench, forms):
    assert [g.kind for g in gold_items(bench, forms)] == ["direct", "indirect", "mixed"]


def test_reporting_cue_matching(bench, forms):
    assert ("said",) in forms and ("according", "to") in forms
    assert bench.is_reporting_cue("said", forms)
    assert bench.is_reporting_cue("Told reporters", forms)        # contains a form
    assert bench.is_reporting_cue("According to", forms)          # multiword form
    assert bench.is_reporting_cue("has said", forms)
    assert not bench.is_reporting_cue("according", forms)         # only part of a phrase
    assert not bench.is_reporting_cue("shows", forms)
    assert not bench.is_reporting_cue("wants", forms)
    assert not bench.is_reporting_cue("", forms)
    assert not bench.is_reporting_cue(None, forms)
    assert not bench.is_reporting_cue("unsaid", forms)            # whole words only


def test_load_reporting_forms_parses_the_tsv_format(bench, tmp_path):
    path = tmp_path / "verbs.tsv"
    path.write_text("# comment\tnot a row\n# another\nlemma\tcategory\tforms\tkind\n"
                    "lash out\temotive\tlashed out,lashes out\tphrase\n"
                    "say\tneutral\tsaid,says\tverb\n", encoding="utf-8")
    assert bench.load_reporting_forms(path) == (("lashed", "out"), ("lashes", "out"),
                                                ("said",), ("says",))
    assert bench.is_reporting_cue("lashed out at", bench.load_reporting_forms(path))
    assert not bench.is_reporting_cue("lashed", bench.load_reporting_forms(path))


def test_gold_reporting_flags(bench, forms):
    assert [g.reporting for g in gold_items(bench, forms)] == [True, False, True]


# ------------------------------------------------------------------ matching

def test_perfect_prediction(bench, forms):
    gold = gold_items(bench, forms)
    m = bench.score({"d": gold}, {"d": gold})
    for block in (m["all"], *m["by_kind"].values(), m["reporting_subset"]["all"]):
        if block["n_gold"]:
            assert block["overlap"]["f1"] == 1.0
            assert block["soft_char"]["f1"] == 1.0
            assert block["exactish"]["f1"] == 1.0
            assert block["cue"]["accuracy"] == 1.0
            assert block["source"]["accuracy"] == 1.0
    assert m["all"]["matched"] == m["all"]["exactish"]["count"] == 3
    assert m["kind_confusion"] == {"direct": {"direct": 1}, "indirect": {"indirect": 1},
                                   "mixed": {"mixed": 1}}


def test_trim_ignores_quotation_marks_and_whitespace(bench):
    text = 'He said: \u201cWe won.\u201d '
    gold = bench.make_item(text, [at(text, "\u201cWe won.\u201d ")], derive=True)
    pred = bench.make_item(text, [at(text, "We won.")], kind="direct")
    assert gold.content == pred.content == (at(text, "We won."),)
    assert gold.core == (at(text, "We won"),)
    m = bench.score({"d": [gold]}, {"d": [pred]})["all"]
    assert m["soft_char"]["f1"] == 1.0 and m["exactish"]["count"] == 1
    nyt = "''It is over,'' he said."
    item = bench.make_item(nyt, [at(nyt, "''It is over,''")], derive=True)
    assert item.kind == "direct" and item.content == (at(nyt, "It is over,"),)


def test_prediction_overlapping_discontinuous_gold(bench, forms):
    gold = gold_items(bench, forms)[0]
    # One predicted span over both quote halves and the reporting clause between them.
    whole = (0, at(TEXT, '"and soon."')[1])
    pred = bench.make_item(TEXT, [whole], kind="direct")
    first, second = at(TEXT, "We will win,"), at(TEXT, "and soon.")
    assert gold.content == (first, second)
    assert pred.content == ((first[0], second[1]),)
    m = bench.score({"d": [gold]}, {"d": [pred]})["all"]
    gold_chars = (first[1] - first[0]) + (second[1] - second[0])
    pred_chars = second[1] - first[0]
    assert m["matched"] == 1 and m["overlap"]["f1"] == 1.0
    assert m["soft_char"]["overlap_chars"] == gold_chars        # the gap does not count
    assert m["soft_char"]["r"] == 1.0
    assert m["soft_char"]["p"] == pytest.approx(gold_chars / pred_chars)
    assert m["exactish"]["count"] == 0                        # the clause is > 10 % extra
    # A prediction inside only the second half still overlaps the discontinuous gold.
    part = bench.make_item(TEXT, [at(TEXT, "and soon")], kind="direct")
    m = bench.score({"d": [gold]}, {"d": [part]})["all"]
    assert m["matched"] == 1
    assert m["soft_char"]["overlap_chars"] == len("and soon")
    # ... but one inside the gap between the halves does not.
    gap = bench.make_item(TEXT, [at(TEXT, "Mayor Helen Brandt said")], kind="direct")
    assert bench.score({"d": [gold]}, {"d": [gap]})["all"]["matched"] == 0


def test_duplicate_predictions_one_match_one_false_positive(bench, forms):
    gold = gold_items(bench, forms)[1]
    span = [at(TEXT, "the vote to be fair")]
    dup = [bench.make_item(TEXT, span, kind="indirect"), bench.make_item(TEXT, span,
                                                                         kind="indirect")]
    m = bench.score({"d": [gold]}, {"d": dup})
    a = m["all"]
    assert (a["n_gold"], a["n_pred"], a["matched"]) == (1, 2, 1)
    assert a["overlap"]["p"] == 0.5 and a["overlap"]["r"] == 1.0
    assert a["overlap"]["f1"] == pytest.approx(2 / 3)
    assert a["soft_char"]["p"] == 0.5 and a["soft_char"]["r"] == 1.0
    assert bench.match([gold], dup) == [(0, 0, len("the vote to be fair"))]


def test_greedy_matching_prefers_largest_overlap_then_lower_index(bench):
    gold = [bench.Item([(0, 10)]), bench.Item([(10, 30)])]
    pred = [bench.Item([(5, 30)]), bench.Item([(0, 8)])]
    # pred 0 overlaps gold 1 by 20 (largest) and gold 0 by 5; pred 1 then takes gold 0.
    assert bench.match(gold, pred) == [(0, 1, 8), (1, 0, 20)]
    # Equal overlap and Jaccard: the lower gold index wins, deterministically.
    gold = [bench.Item([(0, 10)]), bench.Item([(20, 30)])]
    pred = [bench.Item([(5, 25)])]
    assert bench.match(gold, pred) == [(0, 0, 5)]
    assert bench.match(list(reversed(gold)), pred) == [(0, 0, 5)]
    # Equal overlap: the higher Jaccard (tighter prediction) wins.
    gold = [bench.Item([(0, 10)])]
    pred = [bench.Item([(0, 40)]), bench.Item([(0, 12)])]
    assert bench.match(gold, pred) == [(0, 1, 10)]


def test_prediction_without_content_is_a_false_positive(bench, forms):
    gold = gold_items(bench, forms)
    pred = [*gold, bench.make_item(TEXT, None, [at(TEXT, "She")], kind="indirect")]
    m = bench.score({"d": gold}, {"d": pred})
    assert m["all"]["n_pred"] == 4 and m["all"]["matched"] == 3
    assert m["counts"]["pred_without_content"] == 1
    gold_no_content = bench.make_item(TEXT, None, None, [at(TEXT, "said")], derive=True)
    m = bench.score({"d": [gold_no_content]}, {})
    assert m["all"]["n_gold"] == 0 and m["counts"]["gold_without_content"] == 1


def test_empty_inputs_give_undefined_ratios(bench):
    m = bench.score({"d": []}, {})
    assert m["all"]["overlap"] == {"p": None, "r": None, "f1": None}
    m = bench.score({"d": [bench.Item([(0, 5)], kind="indirect")]}, {})
    assert m["all"]["overlap"] == {"p": None, "r": 0.0, "f1": None}
    m = bench.score({}, {"d": [bench.Item([(0, 5)], kind="indirect")]})
    assert m["all"]["overlap"] == {"p": 0.0, "r": None, "f1": None}


# ------------------------------------------------------------------ source and cue

def test_source_and_cue_accuracy(bench):
    text = "Brandt said it. Voters think so. Somebody claimed this. It was announced that."
    gold = [
        bench.make_item(text, [at(text, "it")], [at(text, "Brandt")], [at(text, "said")]),
        bench.make_item(text, [at(text, "so")], [at(text, "Voters")], [at(text, "think")]),
        bench.make_item(text, [at(text, "this")], [at(text, "Somebody")],
                        [at(text, "claimed")]),
        bench.make_item(text, [at(text, "that", 0)], None, [at(text, "announced")]),
    ]
    pred = [
        # speaker overlaps the source partially -> right; cue right
        bench.make_item(text, [at(text, "it")], [at(text, "Brand")], [at(text, "said")]),
        # speaker wrong (points at the cue), cue missing
        bench.make_item(text, [at(text, "so")], [at(text, "think")], None),
        # no speaker, cue wrong
        bench.make_item(text, [at(text, "this")], None, [at(text, "Somebody")]),
        # gold has no source and the prediction has no speaker
        bench.make_item(text, [at(text, "that", 0)], None, [at(text, "announced")]),
    ]
    m = bench.score({"d": gold}, {"d": pred})["all"]
    assert m["matched"] == 4
    assert m["source"] == {"pairs_with_gold_source": 3, "correct": 1, "accuracy": 1 / 3,
                           "pairs_gold_no_source": 1, "pairs_gold_no_source_pred_no_speaker": 1,
                           "accuracy_all_pairs": 2 / 4}
    assert m["gold_no_source"] == 1
    assert m["cue"] == {"pairs_with_gold_cue": 4, "correct": 2, "accuracy": 0.5}
    # A speaker on a no-source gold is wrong in accuracy_all_pairs.
    pred[3] = bench.make_item(text, [at(text, "that", 0)], [at(text, "It")],
                              [at(text, "announced")])
    m = bench.score({"d": gold}, {"d": pred})["all"]
    assert m["source"]["pairs_gold_no_source_pred_no_speaker"] == 0
    assert m["source"]["accuracy_all_pairs"] == 1 / 4
    # gold_no_source counts unmatched gold too.
    assert bench.score({"d": gold}, {})["all"]["gold_no_source"] == 1


# ------------------------------------------------------------------ kinds and subset

def test_split_by_kind_and_confusion(bench, forms):
    gold = gold_items(bench, forms)
    pred = [
        bench.make_item(TEXT, [at(TEXT, '"We will win,"')], kind="indirect"),   # gold direct
        bench.make_item(TEXT, [at(TEXT, "the budget is")], kind="mixed"),       # gold mixed
        bench.make_item(TEXT, [at(TEXT, "Officials")], kind="indirect"),        # unmatched
        bench.make_item(TEXT, [at(TEXT, "reporters")], kind=None),              # unmatched
    ]
    m = bench.score({"d": gold}, {"d": pred})
    by = m["by_kind"]
    # matched predictions are judged in their gold kind, unmatched ones in their own kind
    assert {k: (b["n_gold"], b["n_pred"], b["matched"]) for k, b in by.items()} == {
        "direct": (1, 1, 1), "indirect": (1, 1, 0), "mixed": (1, 1, 1), "unknown": (0, 1, 0)}
    assert sum(b["n_pred"] for b in by.values()) == m["all"]["n_pred"] == 4
    assert by["indirect"]["overlap"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert by["direct"]["overlap"]["f1"] == 1.0
    assert m["kind_confusion"] == {"direct": {"indirect": 1}, "mixed": {"mixed": 1}}


def test_reporting_subset(bench, forms):
    gold = gold_items(bench, forms)        # E1 "said" and E3 "told" in; E2 "want" out
    pred = [
        bench.make_item(TEXT, [at(TEXT, '"We will win,"')], kind="direct"),      # -> E1
        bench.make_item(TEXT, [at(TEXT, "vote to be fair")], kind="indirect"),    # -> E2
        bench.make_item(TEXT, [at(TEXT, "Officials")], kind="indirect"),          # unmatched
    ]
    m = bench.score({"d": gold}, {"d": pred})
    assert (m["all"]["n_gold"], m["all"]["n_pred"], m["all"]["matched"]) == (3, 3, 2)
    sub = m["reporting_subset"]
    assert "SUBSET" in sub["note"]
    assert m["counts"]["gold_reporting_subset"] == 2
    # subset: gold E1, E3; predictions: the one matched to E1 + the unmatched one
    # (the one matched to E2, outside the subset, is left out)
    assert (sub["all"]["n_gold"], sub["all"]["n_pred"], sub["all"]["matched"]) == (2, 2, 1)
    assert sub["all"]["overlap"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert sub["by_kind"]["indirect"]["n_gold"] == 0
    assert sub["by_kind"]["indirect"]["n_pred"] == 1


def test_score_is_deterministic_and_json_ready(bench, forms):
    gold = {"b": gold_items(bench, forms), "a": gold_items(bench, forms)[:1]}
    pred = {"a": [bench.make_item(TEXT, [at(TEXT, "We will")], kind="direct")],
            "b": gold_items(bench, forms)[1:]}
    first = json.dumps(bench.score(gold, pred), sort_keys=True)
    again = json.dumps(bench.score(dict(reversed(gold.items())), dict(reversed(pred.items()))),
                       sort_keys=True)
    assert first == again
    assert json.loads(first)["counts"]["documents"] == 2


def test_format_table_and_errors(bench, forms):
    gold = {"d": gold_items(bench, forms)}
    pred = {"d": [bench.make_item(TEXT, [at(TEXT, "Officials")], kind="indirect")]}
    metrics, matching = bench.evaluate(gold, pred)
    table = bench.format_table(metrics)
    assert "SUBSET" in table and "kind confusion" in table
    errors = bench.format_errors(5, {"d": TEXT}, gold, pred, matching)
    assert "FALSE POSITIVES (1; showing 1)" in errors
    assert "FALSE NEGATIVES (3; showing 3" in errors
    assert "Officials" in errors and "[R]" in errors


def test_default_root_honours_framing_shared(bench, monkeypatch, tmp_path, repo_root):
    monkeypatch.setenv("FRAMING_SHARED", str(tmp_path))
    assert bench.default_root() == tmp_path / "data" / "polnear"
    monkeypatch.delenv("FRAMING_SHARED")
    assert bench.default_root() == repo_root.parent / "shared" / "data" / "polnear"
