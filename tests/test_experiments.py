"""framing run: config validation, determinism, feature cache, resume after interruption."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from framing import native
from framing.cli import main
from framing.corpora import read_articles, write_jsonl
from framing.experiments import ConfigError, load_config, run_experiment


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory, repo_root):
    arts = read_articles(repo_root / "corpora" / "allsides-roundups" / "allsides-roundups.jsonl")
    events = sorted({a.event for a in arts})[:10]
    path = tmp_path_factory.mktemp("corpus") / "small.jsonl"
    write_jsonl([a for a in arts if a.event in events], path)
    return path


CONFIG = """
name = "small"
seed = 0
[corpus]
path = "{corpus}"
[features]
extractors = ["attribution", "loaded.v1", "frames"]
[compare]
group = "leaning"
n_boot = 200
n_perm = 200
[model]
target = "leaning"
cv = 2
n_repeats = 1
[report]
sample_events = 1
top_features = 5
"""


def write_config(tmp_path, corpus, extra=""):
    path = tmp_path / "small.toml"
    path.write_text(CONFIG.format(corpus=corpus) + extra, encoding="utf-8")
    return path


def digests(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file() and p.name != "manifest.json"}


def test_run_is_complete_and_deterministic(tmp_path, small_corpus, capsys):
    cfg = write_config(tmp_path, small_corpus)
    assert main(["run", str(cfg), "--out", str(tmp_path / "a"), "--quiet"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last == str(tmp_path / "a")
    a = tmp_path / "a"
    for name in ("config.json", "manifest.json", "features.parquet", "evidence.jsonl",
                 "comparison.csv", "metrics.json", "report.md", "report.html"):
        assert (a / name).is_file(), name
    assert list((a / "figures").glob("*.png"))
    manifest = json.loads((a / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["corpus"]["sha256"]
    assert {"git", "packages", "python", "platform", "seed", "started", "finished"} <= set(
        manifest)
    assert manifest["framing_build"] == native.describe()
    metrics = json.loads((a / "metrics.json").read_text())
    report = (a / "report.md").read_text()
    acc = metrics["classifier"]["framing"]["accuracy"]
    assert f"{acc:.3f}" in report  # the report's numbers are metrics.json's
    # a second run into another folder: byte-identical except the manifest's timing fields
    run_experiment(cfg, out=str(tmp_path / "b"), quiet=True)
    assert digests(a) == digests(tmp_path / "b")
    mb = json.loads((tmp_path / "b" / "manifest.json").read_text())
    for key in ("started", "finished"):
        manifest.pop(key), mb.pop(key)
    assert manifest == mb


def test_feature_cache_is_reused(tmp_path, small_corpus, capsys):
    cfg = write_config(tmp_path, small_corpus)
    run_experiment(cfg, out=str(tmp_path / "runs" / "one"), quiet=False)
    capsys.readouterr()
    run_experiment(cfg, out=str(tmp_path / "runs" / "two"), quiet=False)
    err = capsys.readouterr().err
    assert "reusing cache" in err
    assert list((tmp_path / "runs" / ".cache").glob("features-*.parquet"))


def test_manifest_names_the_engine_that_computed_the_features(tmp_path, small_corpus):
    cfg = write_config(tmp_path, small_corpus)
    one, two = tmp_path / "runs" / "one", tmp_path / "runs" / "two"
    run_experiment(cfg, out=str(one), quiet=True)
    assert json.loads((one / "manifest.json").read_text())["engine"]["engine"] == "local"
    # resumed with every step done: nothing was computed by "processes"
    run_experiment(cfg, out=str(one), quiet=True, engine="processes", workers=2)
    assert json.loads((one / "manifest.json").read_text())["engine"]["engine"] == "local"
    # features taken from the cache that the local engine wrote
    run_experiment(cfg, out=str(two), quiet=True, engine="processes", workers=2)
    assert json.loads((two / "manifest.json").read_text())["engine"]["engine"] == "local"


def test_changed_code_never_reuses_outputs(tmp_path, small_corpus, capsys, monkeypatch):
    import framing.experiments as ex
    from framing.experiments import run_directory

    cfg = write_config(tmp_path, small_corpus)
    run_experiment(cfg, out=str(tmp_path / "runs" / "one"), quiet=False)
    first = json.loads((tmp_path / "runs" / "one" / "manifest.json").read_text())
    assert first["framing_code_sha256"] == ex.code_fingerprint()
    names = {run_directory({"name": "x"}, "c")}
    monkeypatch.setattr(ex, "code_fingerprint", lambda: "0" * 64)  # as after an edit
    names.add(run_directory({"name": "x"}, "c"))
    assert len(names) == 2
    capsys.readouterr()
    run_experiment(cfg, out=str(tmp_path / "runs" / "two"), quiet=False)
    assert "reusing cache" not in capsys.readouterr().err


def test_resume_after_interruption(tmp_path, small_corpus, monkeypatch):
    import framing.experiments as ex

    cfg = write_config(tmp_path, small_corpus)
    out = tmp_path / "r"

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ex, "_compare", boom)
    with pytest.raises(KeyboardInterrupt):
        run_experiment(cfg, out=str(out), quiet=True)
    assert (out / "features.parquet").is_file() and not (out / "comparison.csv").exists()
    assert json.loads((out / "manifest.json").read_text())["status"] == "interrupted"
    assert not [p for p in out.rglob("*.tmp")]  # no half-written file left behind
    before = (out / "features.parquet").stat().st_mtime_ns
    monkeypatch.undo()
    run_experiment(cfg, out=str(out), quiet=True)
    assert (out / "features.parquet").stat().st_mtime_ns == before  # not recomputed
    assert json.loads((out / "manifest.json").read_text())["status"] == "complete"
    assert (out / "report.html").is_file()


def test_ctrl_c_on_the_command_line(tmp_path, small_corpus, monkeypatch, capsys):
    import framing.experiments as ex

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ex, "_compare", boom)
    cfg = write_config(tmp_path, small_corpus)
    assert main(["run", str(cfg), "--out", str(tmp_path / "c"), "--quiet"]) == 130
    err = capsys.readouterr().err
    assert err.strip() == ("framing: interrupted; run the same command again to resume "
                           "(finished steps are kept)")  # one line, no traceback


@pytest.mark.parametrize("extra, message", [
    ("\n[plots]\nsize = 3\n", "unknown key 'plots'; valid keys: name, seed, corpus"),
    ("", None),
])
def test_bad_config_errors(tmp_path, small_corpus, extra, message):
    cfg = write_config(tmp_path, small_corpus, extra)
    if message is None:
        assert load_config(cfg)["features"]["extractors"] == [
            "attribution.v2", "loaded.v1", "frames.v1"]
        return
    with pytest.raises(ConfigError, match=message):
        load_config(cfg)


def test_bad_values_are_named_before_any_work(tmp_path, small_corpus, capsys):
    text = CONFIG.format(corpus=small_corpus)
    cases = {
        "extractor": (text.replace('"frames"', '"framez"'),
                      "unknown extractor 'framez' in features.extractors; valid: "
                      "attribution.v1"),
        "nested": (text.replace("n_boot = 200", "n_boots = 200"),
                   "unknown key 'compare.n_boots'; valid keys: compare.group"),
        "corpus": (text.replace(str(small_corpus), "/nowhere.jsonl"),
                   "corpus not found: /nowhere.jsonl (from corpus.path in "),
        "group": (text.replace('group = "leaning"', 'group = "party"'),
                  "compare.group must be 'outlet' or 'leaning'"),
        "toml": ("name = ", "not valid TOML"),
        "corpus_types": (text.replace("extractors =", "corpus_types = 1\nextractors ="),
                         "features.corpus_types must be true or false, got 1"),
        "types_need_attribution": (
            text.replace('extractors = ["attribution", ', 'corpus_types = true\nextractors = ['),
            "features.corpus_types needs an attribution extractor in features.extractors, got "
            "loaded.v1, frames.v1"),
    }
    for name, (body, message) in cases.items():
        cfg = tmp_path / f"{name}.toml"
        cfg.write_text(body, encoding="utf-8")
        assert main(["run", str(cfg), "--out", str(tmp_path / name)]) == 2, name
        err = capsys.readouterr().err
        assert message in err, (name, err)
        assert not (tmp_path / name).exists(), name  # nothing started
    cfg = write_config(tmp_path, small_corpus)
    assert main(["run", str(cfg), "--corpus", "corpora/nowhere.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "corpus not found: corpora/nowhere.jsonl (from --corpus)" in err
    assert "framing corpus import basil" in err and "or give --corpus" not in err


def test_run_with_corpus_speaker_types(tmp_path, repo_root):
    """features.corpus_types: the run writes the corpus's speaker types, its attribution
    features, evidence and report apply them, on any engine (same bytes). The leads of 40
    events: 26 speakers typed, 3 attributions filled (Tsai official, Frances Haugen witness).
    """
    import pandas as pd

    from framing.attribution import SpeakerTypes
    from framing.engine import corpus_speaker_types
    from framing.features import AttributionFeatures

    arts = read_articles(repo_root / "corpora" / "allsides-roundups" / "allsides-roundups.jsonl")
    events = sorted({a.event for a in arts})[:40]
    corpus = tmp_path / "forty.jsonl"
    write_jsonl([a for a in arts if a.event in events], corpus)
    body = CONFIG.format(corpus=corpus).replace("extractors =",
                                                      "corpus_types = true\nextractors =")
    cfg = tmp_path / "types.toml"
    cfg.write_text(body, encoding="utf-8")
    a = run_experiment(cfg, out=str(tmp_path / "runs" / "a"), quiet=True)
    articles = read_articles(corpus)
    saved = json.loads((a / "speaker_types.json").read_text())
    assert saved == corpus_speaker_types(articles).to_dict()
    types = SpeakerTypes.from_dict(saved)
    assert len(types) == 26
    table = pd.read_parquet(a / "features.parquet")
    t = AttributionFeatures(speaker_types=types)
    cols = [f"attribution__{c}" for c in t.get_feature_names_out()]
    assert (table[cols].to_numpy() == t.fit_transform([x.text for x in articles])).all()
    filled = [(att.speaker, att.source_type) for x in articles for att in t.attributions(x.text)
              if att.extra.get("source_type_from") == "corpus"]
    assert filled == [("Tsai", "official")] + [("Frances Haugen", "witness")] * 2
    evidence = (a / "evidence.jsonl").read_text()
    assert evidence.count('"feature": "attribution__source_witness"') >= 5
    plain = run_experiment(write_config(tmp_path, corpus),
                           out=str(tmp_path / "runs" / "plain"), quiet=True)
    assert not (plain / "speaker_types.json").exists()
    before = pd.read_parquet(plain / "features.parquet")
    assert before["attribution__source_unknown"].sum() > table["attribution__source_unknown"].sum()
    assert len(list((tmp_path / "runs" / ".cache").glob("features-*.parquet"))) == 2
    b = run_experiment(cfg, out=str(tmp_path / "b"), quiet=True, engine="processes", workers=2)
    assert digests(a) == digests(b)


def test_code_fingerprint_is_the_same_for_a_compiled_and_a_pure_build(tmp_path):
    from framing.experiments import _tree_fingerprint

    (tmp_path / "rules.py").write_text("X = 1\n")
    pure = _tree_fingerprint(tmp_path)
    (tmp_path / native.BUILD_INFO).write_text('{"modules": {}}\n')  # what setup.py adds
    assert _tree_fingerprint(tmp_path) == pure
    (tmp_path / "rules.py").write_text("X = 2\n")
    assert _tree_fingerprint(tmp_path) != pure
