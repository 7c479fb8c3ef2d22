"""Reproducible experiment runs: a TOML config in, one complete run directory out.

``framing run experiments/NAME.toml`` resolves and validates the config (before
any work), then writes ``runs/NAME-<hash>/`` (the hash covers the resolved
config and the corpus SHA-256) holding:

- ``config.json``: the resolved config;
- ``manifest.json``: project version and git commit (with a dirty flag), which
  modules ran compiled (:func:`framing.native.describe`), package versions, Python
  and platform, corpus SHA-256, seed, start/end time and status;
- ``speaker_types.json`` (with ``features.corpus_types = true``): the source-type
  votes of the corpus's named speakers (:class:`framing.attribution.SpeakerTypes`,
  from the texts alone) that the attribution features apply;
- ``features.parquet``: one row per article, ``<set>__<feature>`` columns;
- ``evidence.jsonl``: the spans behind the attribution, loaded-language and
  frame features;
- ``comparison.csv``: within-event paired differences (:mod:`framing.compare`);
- ``metrics.json``: corpus summary, classifier results beside the TF-IDF and
  majority baselines, comparison summary;
- ``figures/*.png`` and ``report.md`` / ``report.html``.

Every file is written to a temporary file and renamed, so an interrupted run
leaves no half-written file; running the same command again resumes: steps
whose output exists are skipped. Features are cached by (corpus hash,
extractors, package version, code fingerprint) in ``<runs>/.cache`` and reused
by later runs; the run directory's hash also covers the code fingerprint
(:func:`code_fingerprint`), so a changed extractor never reuses old outputs.
Same config and corpus give byte-identical outputs, except the timing fields
of the manifest.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__, native
from ._atomic import atomic_write

#: Every config key with its default; ``None`` marks a required key.
DEFAULTS: dict[str, Any] = {
    "name": None,
    "seed": 0,
    "corpus": {"path": None},
    "features": {"extractors": ["attribution.v1", "loaded.v1", "sentiment.v1",
                                "readability.v1", "frames.v1"],
                 "corpus_types": False},
    "compare": {"group": "outlet", "n_boot": 2000, "n_perm": 5000, "mixed_model": False,
                "alpha": 0.05},
    "model": {"target": None, "cv": 5, "n_repeats": 5, "baselines": True},
    "report": {"sample_events": 3, "top_features": 15},
}
_EVIDENCE_SETS = ("attribution", "loaded", "frames")
_PACKAGES = ("numpy", "scipy", "pandas", "pyarrow", "scikit-learn", "nltk", "textstat",
             "matplotlib", "pyahocorasick", "lemminflect", "vaderSentiment", "statsmodels",
             "dask", "distributed")


class ConfigError(ValueError):
    """A config that cannot run; the message says which key and what is valid."""


def _merge(defaults: dict[str, Any], given: dict[str, Any], where: str) -> dict[str, Any]:
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise ConfigError(f"unknown key{'s' if len(unknown) > 1 else ''} "
                          f"{', '.join(repr(where + k) for k in unknown)}; valid keys: "
                          f"{', '.join(where + k for k in defaults)}")
    out: dict[str, Any] = {}
    for key, default in defaults.items():
        if isinstance(default, dict):
            value = given.get(key, {})
            if not isinstance(value, dict):
                raise ConfigError(f"{where}{key} must be a table ([{where}{key}])")
            out[key] = _merge(default, value, f"{where}{key}.")
        else:
            value = given.get(key, default)
            if value is None:
                raise ConfigError(f"missing required key {where}{key!s}")
            out[key] = value
    return out


def load_config(path: str | os.PathLike[str], *, corpus: str | None = None) -> dict[str, Any]:
    """Read, resolve and validate an experiment config, before any work starts.

    Parameters
    ----------
    path : path-like
        The TOML file.
    corpus : str, optional
        Overrides ``corpus.path`` (the ``--corpus`` option).

    Raises
    ------
    ConfigError
        For an unknown key (the valid ones are listed), a missing required
        key, an unknown extractor (valid names listed), a bad value, or a
        corpus path that does not exist.
    """
    from .features import REGISTRY, resolve_name

    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"config not found: {path}")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if corpus is not None:
        raw.setdefault("corpus", {})["path"] = corpus
    if "model" in raw and "target" not in raw["model"]:
        raw["model"]["target"] = raw.get("compare", {}).get("group", "outlet")
    raw.setdefault("model", {}).setdefault("target",
                                           raw.get("compare", {}).get("group", "outlet"))
    cfg = _merge(DEFAULTS, raw, "")
    names = []
    for name in cfg["features"]["extractors"]:
        try:
            names.append(resolve_name(str(name)))
        except KeyError:
            raise ConfigError(f"unknown extractor {name!r} in features.extractors; valid: "
                              f"{', '.join(sorted(REGISTRY))}") from None
    cfg["features"]["extractors"] = names
    if not isinstance(cfg["features"]["corpus_types"], bool):
        raise ConfigError(f"features.corpus_types must be true or false, got "
                          f"{cfg['features']['corpus_types']!r}")
    if cfg["features"]["corpus_types"] and _attribution_set(names) is None:
        raise ConfigError("features.corpus_types needs an attribution extractor in "
                          f"features.extractors, got {', '.join(names)}")
    for key in ("group",):
        if cfg["compare"][key] not in ("outlet", "leaning"):
            raise ConfigError(f"compare.{key} must be 'outlet' or 'leaning', got "
                              f"{cfg['compare'][key]!r}")
    if cfg["model"]["target"] not in ("outlet", "leaning"):
        raise ConfigError(f"model.target must be 'outlet' or 'leaning', got "
                          f"{cfg['model']['target']!r}")
    corpus_path = Path(cfg["corpus"]["path"])
    if not corpus_path.is_absolute() and not corpus_path.exists():
        corpus_path = (path.parent / corpus_path) if (path.parent / corpus_path).exists() \
            else corpus_path
    if not corpus_path.exists():
        where = "--corpus" if corpus is not None else f"corpus.path in {path}"
        raise ConfigError(
            f"corpus not found: {cfg['corpus']['path']} (from {where}). Datasets that are not "
            "shipped are converted first, e.g. `framing corpus import basil "
            "../shared/data/basil corpora/basil`; see `framing corpus import --help`"
            + ("" if corpus is not None else "; or give --corpus PATH"))
    cfg["corpus"]["path"] = str(corpus_path)
    return cfg


def _attribution_set(names: list[str]) -> str | None:
    """The first attribution extractor among ``names``: the one whose attributions vote on
    the speaker types."""
    return next((n for n in names if n.split(".v")[0] == "attribution"), None)


def _sha256_json(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True).encode()).hexdigest()


_CODE_SUFFIXES = (".py", ".tsv", ".txt", ".json", ".dic", ".tff", ".csv")


@cache
def code_fingerprint() -> str:
    """SHA-256 of the framing package's code and data files (paths and bytes).

    Part of the run-directory hash and of the feature-cache key, so that a run
    after any change to the extractors or their lexicons never reuses outputs
    computed by other code, even within one version number.
    """
    return _tree_fingerprint(Path(__file__).resolve().parent)


def _tree_fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    # (not the record of a compiled build: it only restates the sources' hashes, and a run
    # computes the same with or without compiled modules)
    for path in sorted(p for p in root.rglob("*") if p.suffix in _CODE_SUFFIXES
                       and "__pycache__" not in p.parts and p.name != native.BUILD_INFO):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _git_state(root: Path) -> dict[str, Any]:
    """Commit and dirty flag of the git checkout holding ``root`` (the config's folder)."""
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"],
                                capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain"],
                               capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": None}
    if commit.returncode != 0:
        return {"commit": None, "dirty": None}
    return {"commit": commit.stdout.strip(), "dirty": bool(dirty.stdout.strip())}


def _versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for pkg in _PACKAGES:
        try:
            out[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            out[pkg] = None
    return out


def _write_json(path: Path, obj: Any) -> None:
    with atomic_write(path) as fh:
        fh.write(json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False, default=str)
                 + "\n")


@dataclass
class Run:
    """A run in progress: its config, directory and progress reporting."""

    config: dict[str, Any]
    directory: Path
    corpus_sha256: str
    quiet: bool = False
    engine: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    chunk_size: int = 200
    #: the engine record of whatever computed the run's features (for the manifest)
    features_engine: dict[str, Any] | None = None

    def say(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr, flush=True)

    def step(self, name: str, output: Path, work: Callable[[], None]) -> None:
        """Run ``work`` unless ``output`` exists already (resuming an interrupted run)."""
        if output.exists():
            self.say(f"[{name}] done already: {output.name}")
            return
        t0 = time.perf_counter()
        work()
        self.say(f"[{name}] {output.name} ({time.perf_counter() - t0:.1f} s)")


def run_directory(cfg: dict[str, Any], corpus_sha256: str, out: str | None = None) -> Path:
    """``runs/NAME-<12 hex>`` (or ``out``); the hash covers config, corpus and framing's code."""
    if out is not None:
        return Path(out)
    digest = _sha256_json({"config": {k: v for k, v in cfg.items() if k != "corpus"},
                           "corpus": corpus_sha256, "code": code_fingerprint()})[:12]
    return Path("runs") / f"{cfg['name']}-{digest}"


def run_experiment(config_path: str | os.PathLike[str], *, corpus: str | None = None,
                   out: str | None = None, quiet: bool = False, engine: str = "local",
                   workers: int | None = None, scheduler: str | None = None,
                   chunk_size: int = 200) -> Path:
    """Run (or resume) the experiment of ``config_path``; return the run directory.

    ``engine`` (``local``, ``processes``, ``dask``), ``workers``, ``scheduler``
    and ``chunk_size`` choose how features are computed
    (:func:`framing.engine.extract_stream`); they never change the outputs, so
    they are recorded in the manifest but not in the config hash.
    """
    from .corpora.importers import tree_sha256
    from .engine import engine_info

    cfg = load_config(config_path, corpus=corpus)
    engine_meta = engine_info(engine, workers, scheduler, chunk_size=chunk_size)
    if engine == "dask":  # fail now, not after a resumed run has skipped every step
        from .engine import _import_dask

        _import_dask()
    corpus_sha = tree_sha256(cfg["corpus"]["path"])
    directory = run_directory(cfg, corpus_sha, out)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "figures").mkdir(exist_ok=True)
    run = Run(cfg, directory, corpus_sha, quiet, engine, workers, scheduler, chunk_size)
    # the manifest records the engine that computed the features: this invocation's, the one
    # stored with a reused feature cache, or (resuming) the one the earlier manifest names
    run.features_engine = engine_meta
    if (directory / "features.parquet").exists() and (directory / "manifest.json").exists():
        try:
            run.features_engine = json.loads(
                (directory / "manifest.json").read_text(encoding="utf-8"))["engine"]
        except (ValueError, KeyError):
            pass
    _write_json(directory / "config.json", cfg)
    manifest = {
        "framing_version": __version__, "framing_code_sha256": code_fingerprint(),
        "framing_build": native.describe(),  # compiled or pure Python: the same results
        "git": _git_state(Path(config_path).resolve().parent),
        "packages": _versions(),
        "python": sys.version.split()[0], "platform": platform.platform(),
        "corpus": {"path": cfg["corpus"]["path"], "sha256": corpus_sha}, "seed": cfg["seed"],
        "config_sha256": _sha256_json(cfg), "engine": engine_meta, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "finished": None, "status": "running",
    }
    _write_json(directory / "manifest.json", manifest)
    try:
        _steps(run)
    except BaseException as exc:
        manifest.update(status="interrupted" if isinstance(exc, KeyboardInterrupt)
                        else f"failed: {type(exc).__name__}: {exc}", engine=run.features_engine,
                        finished=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        _write_json(directory / "manifest.json", manifest)
        raise
    manifest.update(status="complete", engine=run.features_engine,
                    finished=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    _write_json(directory / "manifest.json", manifest)
    return directory


def _steps(run: Run) -> None:
    import pandas as pd

    from .corpora import read_articles

    cfg, d = run.config, run.directory
    articles = read_articles(cfg["corpus"]["path"])
    if not articles:
        raise ConfigError(f"corpus {cfg['corpus']['path']} has no articles")
    run.say(f"{len(articles):,} article{'' if len(articles) == 1 else 's'} from "
            f"{cfg['corpus']['path']}")
    if cfg["features"]["corpus_types"]:
        run.step("speaker_types", d / "speaker_types.json",
                 lambda: _speaker_types(run, articles))
    run.step("features", d / "features.parquet", lambda: _features(run, articles))
    table = pd.read_parquet(d / "features.parquet")
    run.step("evidence", d / "evidence.jsonl", lambda: _evidence(run, articles))
    run.step("compare", d / "comparison.csv", lambda: _compare(run, table))
    comparison = pd.read_csv(d / "comparison.csv")
    run.step("models", d / "metrics.json", lambda: _metrics(run, articles, table, comparison))
    metrics = json.loads((d / "metrics.json").read_text(encoding="utf-8"))
    run.step("figures", d / "figures" / ".complete",
             lambda: _figures(run, table, comparison, metrics))
    from .report import write_reports

    run.step("report", d / "report.html",
             lambda: write_reports(d, articles, table, comparison, metrics, cfg))


def _speaker_types(run: Run, articles: list) -> None:
    from .engine import corpus_speaker_types

    types = corpus_speaker_types(articles, _attribution_set(run.config["features"]["extractors"])
                                 or "attribution", engine=run.engine, workers=run.workers,
                                 chunk_size=run.chunk_size, scheduler=run.scheduler,
                                 progress=not run.quiet and sys.stderr.isatty())
    run.say(f"[speaker_types] the corpus types {len(types):,} named speakers")
    _write_json(run.directory / "speaker_types.json", types.to_dict())


def _run_speaker_types(run: Run) -> Any:
    """The run's :class:`~framing.attribution.SpeakerTypes`, or None without
    ``features.corpus_types``."""
    if not run.config["features"]["corpus_types"]:
        return None
    from .attribution import SpeakerTypes

    path = run.directory / "speaker_types.json"
    return SpeakerTypes.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _features(run: Run, articles: list) -> None:
    cfg = run.config
    types = _run_speaker_types(run)
    key = _sha256_json({"corpus": run.corpus_sha256, "extractors": cfg["features"]["extractors"],
                        "version": __version__, "code": code_fingerprint(),
                        **({} if types is None else {"speaker_types": types.digest()})})[:16]
    cache = run.directory.parent / ".cache" / f"features-{key}.parquet"
    engine_file = cache.with_suffix(".engine.json")  # which engine computed the cache
    if cache.exists():
        run.say(f"[features] reusing cache {cache}")
        with atomic_write(run.directory / "features.parquet", "wb") as fh:
            fh.write(cache.read_bytes())
        run.features_engine = (json.loads(engine_file.read_text(encoding="utf-8"))
                               if engine_file.exists() else
                               {"engine": None, "note": "reused a feature cache that does not "
                                                        "record its engine"})
        return
    from .engine import extract_stream, write_stream

    frames = extract_stream(articles, cfg["features"]["extractors"], engine=run.engine,
                            workers=run.workers, chunk_size=run.chunk_size,
                            scheduler=run.scheduler,
                            progress=not run.quiet and sys.stderr.isatty(),
                            speaker_types=types)
    write_stream(frames, cache)
    _write_json(engine_file, run.features_engine)
    with atomic_write(run.directory / "features.parquet", "wb") as fh:
        fh.write(cache.read_bytes())


def _evidence(run: Run, articles: list) -> None:
    from .features import make

    sets = [n for n in run.config["features"]["extractors"] if n.split(".v")[0] in _EVIDENCE_SETS]
    types = _run_speaker_types(run)
    with atomic_write(run.directory / "evidence.jsonl") as fh:
        for name in sets:
            transformer = make(name)
            short = name.split(".v")[0]
            if short == "attribution" and types is not None:
                transformer.set_params(speaker_types=types)
            for a in articles:
                for e in transformer.evidence([a.text]):
                    fh.write(json.dumps({"doc_id": a.id, "feature": f"{short}__{e.feature}",
                                         "start": e.start, "end": e.end, "text": e.text,
                                         "weight": round(e.weight, 6)}, ensure_ascii=False)
                             + "\n")


def _feature_columns(table: Any) -> list[str]:
    return [c for c in table.columns if "__" in c]


def _compare(run: Run, table: Any) -> None:
    from .compare import paired_differences

    c = run.config["compare"]
    feats = table.set_index("doc_id")[_feature_columns(table)]
    meta = table[["doc_id", "outlet", "event", "date", "leaning"]]
    if meta[c["group"]].nunique() < 2 or meta["event"].isna().all():
        import pandas as pd

        res = pd.DataFrame(columns=["feature", "group_a", "group_b", "n_events", "mean_a",
                                    "mean_b", "mean_diff", "ci_low", "ci_high", "p_value",
                                    "p_adjusted", "effect_size", "significant", "note"])
    else:
        res = paired_differences(feats, meta, group=c["group"], n_boot=c["n_boot"],
                                 n_perm=c["n_perm"], seed=run.config["seed"], alpha=c["alpha"],
                                 mixed_model=c["mixed_model"])
    with atomic_write(run.directory / "comparison.csv") as fh:
        res.to_csv(fh, index=False, lineterminator="\n", float_format="%.10g")


def _metrics(run: Run, articles: list, table: Any, comparison: Any) -> None:
    from .corpora import summarize
    from .models import evaluate_classifier, majority_baseline, tfidf_baseline

    cfg = run.config
    m = cfg["model"]
    cols = _feature_columns(table)
    y = table[m["target"]].astype(str).to_numpy()
    groups = table["event"].astype(str).to_numpy() if table["event"].notna().all() else None
    X = table[cols].to_numpy()
    seed = cfg["seed"]
    out: dict[str, Any] = {"corpus": summarize(articles).to_dict(), "classifier": {}}
    counts = table[m["target"]].astype(str).value_counts()
    n_groups = len(set(groups)) if groups is not None else len(y)
    if len(counts) < 2 or counts.min() < 2 or n_groups < m["cv"]:
        out["classifier_note"] = (f"no classifier: {m['target']} needs at least 2 classes with "
                                  f"2 articles each and {m['cv']} events for {m['cv']}-fold CV")
        reports: dict[str, Any] = {}
    else:
        reports = {"framing": evaluate_classifier(X, y, groups, cv=m["cv"], seed=seed,
                                                  n_repeats=m["n_repeats"], feature_names=cols)}
    if reports and m["baselines"]:
        reports["tfidf"] = tfidf_baseline([a.text for a in articles], y, groups, cv=m["cv"],
                                          seed=seed)
        reports["majority"] = majority_baseline(y, groups, cv=m["cv"], seed=seed)
    for name, report in reports.items():
        out["classifier"][name] = json.loads(report.to_json())
    sig = comparison[comparison["significant"].fillna(False).astype(bool)]
    if comparison.empty:
        sig = comparison
    out["comparison"] = {
        "group": cfg["compare"]["group"], "tests": int(comparison["p_value"].notna().sum()),
        "significant": int(len(sig)), "alpha": cfg["compare"]["alpha"],
        "pairs": sorted({f"{a} vs {b}" for a, b in zip(comparison["group_a"],
                                                         comparison["group_b"], strict=True)}),
    }
    _write_json(run.directory / "metrics.json", out)


def _figures(run: Run, table: Any, comparison: Any, metrics: dict[str, Any]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from . import plots
    from .models import ClassifierReport

    d = run.directory / "figures"
    group = run.config["compare"]["group"]
    groups = table[group].astype(str)
    pairs = list(dict.fromkeys(zip(comparison["group_a"], comparison["group_b"], strict=True)))
    for a, b in pairs:
        plots.save_figure(plots.forest_plot(comparison, pair=(a, b),
                                            top=run.config["report"]["top_features"]),
                          d / f"forest-{a}-vs-{b}.png")
    frame_cols = [c for c in table.columns if c.startswith("frames__frame_")]
    if frame_cols:
        shares = table[frame_cols].rename(columns=lambda c: c.split("__", 1)[1])
        plots.save_figure(plots.frame_heatmap(shares, groups), d / "frames-by-group.png")
    for prefix, name in (("source_", "sources"), ("cue_", "cues")):
        cols = [c for c in table.columns if c.startswith(f"attribution__{prefix}")]
        if cols:
            shares = table[cols].rename(columns=lambda c: c.split("__", 1)[1])
            plots.save_figure(plots.mix_bars(shares, groups, prefix=prefix),
                              d / f"{name}-by-group.png")
    if "framing" in metrics["classifier"]:
        report = _report_from_dict(ClassifierReport, metrics["classifier"]["framing"])
        plots.save_figure(plots.confusion_plot(report), d / "confusion.png")
        plots.save_figure(plots.importance_plot(report,
                                                top=run.config["report"]["top_features"]),
                          d / "importance.png")
    (d / ".complete").write_text("", encoding="utf-8")


def _report_from_dict(cls: Any, d: dict[str, Any]) -> Any:
    """Rebuild a :class:`framing.models.ClassifierReport` from its ``to_dict()`` form."""
    import numpy as np

    names = list(d["feature_names"])
    imp = d.get("importance") or {}
    nan = float("nan")
    return cls(model=d["model"], labels=list(d["labels"]), accuracy=d["accuracy"],
               accuracy_sd=d["accuracy_sd"], macro_f1=d["macro_f1"],
               macro_f1_sd=d["macro_f1_sd"], fold_accuracy=d["fold_accuracy"],
               fold_macro_f1=d["fold_macro_f1"], pooled_accuracy=d["pooled_accuracy"],
               pooled_macro_f1=d["pooled_macro_f1"], confusion=np.asarray(d["confusion"]),
               per_class=d["per_class"], feature_names=names,
               importance_mean=np.array([(imp.get(n) or {}).get("mean", nan) or nan
                                         for n in names], dtype=float),
               importance_sd=np.array([(imp.get(n) or {}).get("sd", nan) or nan
                                       for n in names], dtype=float),
               n=d["n"], n_splits=d["n_splits"], cv=d["cv"], seed=d["seed"],
               folds=np.empty(0), predictions=np.empty(0), scoring=d["scoring"],
               extra=d.get("extra", {}))


def clean_cache(runs_root: str | os.PathLike[str] = "runs") -> None:
    """Remove the feature cache under ``runs_root``."""
    shutil.rmtree(Path(runs_root) / ".cache", ignore_errors=True)
