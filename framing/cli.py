"""The ``framing`` command line: corpus inspection, validation and import; quotations.

Run ``framing --help`` or ``framing corpus --help`` for the commands and
examples.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from . import __version__

EXAMPLES_MAIN = """\
examples:
  framing run experiments/allsides-roundups.toml    # the main job: a report in runs/
  framing corpus info corpora/allsides-roundups/allsides-roundups.jsonl
  framing corpus validate my-articles.jsonl
  framing corpus import allsides-roundups \\
      ../shared/data/allsides-roundups-neus/allsides_headline_roundups_2021-10-19.jsonl \\
      corpora/allsides-roundups
  framing quotes corpora/seed/mosul-2014-06-11.txt --format table
  framing extract corpora/seed/seed.jsonl --features loaded --out seed.csv
"""

EXAMPLES_QUOTES = """\
examples:
  framing quotes corpora/seed/mosul-2014-06-11.txt --format table
  framing quotes corpora/allsides-roundups/allsides-roundups.jsonl > quotes.jsonl
  framing quotes corpora/allsides-roundups/allsides-roundups.jsonl --corpus-types --format table
  echo '"We will win," the mayor said.' | framing quotes -

output (JSON Lines, one object per attribution): doc_id, kind (direct|indirect|mixed),
content, content_start, content_end, content_pieces (a split quote without the narration
between its pieces), speaker (resolved name), speaker_text (as written), speaker_start,
speaker_end, cue, cue_start, cue_end, cue_lemma, cue_category, source_type,
source_type_from (text|corpus), anonymous, negated (a negation before the cue: "has not
said whether"), description, fragments, quoted. Offsets are characters into the article text.
"""

EXAMPLES_RUN = """\
examples:
  framing run experiments/allsides-roundups.toml
  framing corpus import basil ../shared/data/basil corpora/basil   # BASIL is not shipped
  framing run experiments/basil.toml --corpus corpora/basil/basil.jsonl --engine processes
  framing run experiments/seed.toml --out runs/seed

The same config and corpus give byte-identical outputs (except the manifest's times);
running the same command again after an interruption resumes the run.
"""

EXAMPLES_EXTRACT = """\
examples:
  framing extract corpora/allsides-roundups/allsides-roundups.jsonl \\
      --features loaded,attribution,sentiment,readability --out features.parquet
  framing extract corpora/seed/seed.jsonl --features loaded --out seed.csv

Feature sets: loaded, attribution, sentiment, readability, frames, or a versioned
registry name (attribution.v1, attribution_learned.v1, readability.v2, ...). Columns
are named <set>__<feature> (e.g. loaded__violence_narrative_per_1k) after the article
metadata (doc_id, outlet, event, date, leaning). Output is Parquet or CSV by extension,
written atomically.
"""

EXAMPLES_EVIDENCE = """\
examples:
  framing evidence corpora/seed/seed.jsonl --feature loaded > evidence.jsonl
  framing evidence corpora/seed/seed.jsonl --feature loaded__violence_narrative_per_1k
  framing evidence corpora/seed/seed.jsonl --feature loaded --html seed.html

JSON Lines, one object per span: doc_id, feature, start, end, text, weight (offsets are
characters into the article text); --html writes one article with the spans highlighted.
"""

EXAMPLES_CORPUS = """\
examples:
  framing corpus info corpora/seed/seed.jsonl
  framing corpus info --json corpora/allsides-roundups/allsides-roundups.jsonl
  framing corpus validate articles.csv          # every problem, with file:line field
  framing corpus info --skip-invalid --rejects bad.jsonl articles.jsonl
  framing corpus import basil ../shared/data/basil corpora/basil

corpus formats: .jsonl (one JSON object per line: id, text, outlet, event, date,
title, url, leaning, meta, annotations), .jsonl.gz, .csv (header row with a
'text' column), a single .txt article, or a folder of .txt files.
"""


def _add_skip(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--skip-invalid", action="store_true",
                        help="skip invalid records instead of stopping at the first one; every "
                             "rejected record is written with its reason to the rejects file")
    parser.add_argument("--rejects", metavar="FILE",
                        help="rejects file for --skip-invalid (default: PATH.rejects.jsonl)")


def _count(n: int, noun: str) -> str:
    """"1 error", "2 errors"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _shared_data_default() -> str:
    """``$FRAMING_SHARED/data`` when set, else ``../shared/data`` beside the repository."""
    shared = os.environ.get("FRAMING_SHARED")
    if shared:
        return str(Path(shared) / "data")
    return str(Path(__file__).resolve().parents[1].parent / "shared" / "data")


def _add_engine(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=("local", "processes", "dask"), default="local",
                        help='local: this process; processes: a process pool; dask: a Dask '
                             'cluster (needs pip install "dask[distributed]")')
    parser.add_argument("--workers", type=int, metavar="N",
                        help="worker processes (default: all CPUs)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="a running Dask scheduler, tcp://host:8786 (with --engine dask; "
                             "default: a LocalCluster of --workers processes)")
    parser.add_argument("--chunk-size", type=int, default=200, metavar="N",
                        help="articles per chunk (default 200)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``framing`` command."""
    parser = argparse.ArgumentParser(
        prog="framing", description="Media-framing and stance analysis toolkit.",
        epilog=EXAMPLES_MAIN, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    corpus = sub.add_parser("corpus", help="inspect, validate and import corpora",
                            description="Inspect, validate and import corpora.",
                            epilog=EXAMPLES_CORPUS,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    csub = corpus.add_subparsers(dest="corpus_command", metavar="ACTION", required=True)
    info = csub.add_parser("info", help="articles, events, outlets, leanings, words, dates",
                           epilog=EXAMPLES_CORPUS,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    info.add_argument("path", metavar="PATH", help="corpus file or folder")
    info.add_argument("--json", action="store_true", help="print the summary as JSON")
    info.add_argument("--top", type=int, default=10, help="outlets to list (default 10)")
    _add_skip(info)
    validate = csub.add_parser("validate", help="list every problem; exit 1 if there is any",
                               epilog=EXAMPLES_CORPUS,
                               formatter_class=argparse.RawDescriptionHelpFormatter)
    validate.add_argument("path", metavar="PATH", help="corpus file or folder")
    from .corpora.importers import IMPORTERS

    imp = csub.add_parser("import", help="convert a public dataset into the JSONL schema",
                          epilog=EXAMPLES_CORPUS,
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("name", metavar="NAME", choices=sorted(IMPORTERS),
                     help="dataset: " + ", ".join(sorted(IMPORTERS)))
    imp.add_argument("src", metavar="SRC", help="the dataset's file or folder")
    imp.add_argument("dest", metavar="DEST", help="output folder")
    quotes = sub.add_parser("quotes", help="extract attributions (who is quoted, how, with "
                            "which verb)", description="Extract every attribution: direct, "
                            "indirect and mixed quotes with speaker, cue and source type.",
                            epilog=EXAMPLES_QUOTES,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    quotes.add_argument("path", metavar="PATH",
                        help="corpus file or folder, a .txt article, or - for one article on "
                             "stdin")
    quotes.add_argument("--format", choices=("jsonl", "table"), default="jsonl",
                        help="output format (default jsonl)")
    quotes.add_argument("--speech-only", action="store_true",
                        help="reported speech only: leave out attributed beliefs, wishes, "
                             "stances, findings and labels (cue categories belief, intention, "
                             "stance, evidence, naming)")
    quotes.add_argument("--learned", action="store_true",
                        help="add the learned recall booster's attributions (more recall, less "
                             "precision, about half the speed; marked \"learned\": true)")
    quotes.add_argument("--corpus-types", action="store_true",
                        help="fill a named speaker's unknown source type with the type the "
                             "other articles of the corpus give that speaker (two passes over "
                             "PATH; filled records say \"source_type_from\": \"corpus\")")
    quotes.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_skip(quotes)
    extract = sub.add_parser("extract", help="feature table of a corpus (Parquet or CSV)",
                             description="Extract features for every article of a corpus.",
                             epilog=EXAMPLES_EXTRACT,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument("path", metavar="PATH", help="corpus file or folder")
    extract.add_argument("--features", default="loaded,attribution,sentiment,readability",
                         help="comma-separated feature sets (default: loaded, attribution, "
                              "sentiment, readability; frames is the fifth)")
    extract.add_argument("--out", required=True, metavar="FILE",
                         help="output .parquet or .csv")
    extract.add_argument("--corpus-types", action="store_true",
                         help="before counting source types, fill a named speaker's unknown "
                              "source type with the type the other articles of the corpus give "
                              "that speaker (a first pass over PATH, on the same engine; needs "
                              "an attribution set in --features)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_engine(extract)
    _add_skip(extract)
    evidence = sub.add_parser("evidence", help="the spans behind a feature (JSONL or HTML)",
                              description="Show the character spans behind a feature set or "
                                          "one feature column.", epilog=EXAMPLES_EVIDENCE,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    evidence.add_argument("path", metavar="PATH", help="corpus file or folder, or a .txt")
    evidence.add_argument("--feature", required=True,
                          help="a feature set (loaded) or a column (loaded__violence_"
                               "narrative_per_1k)")
    evidence.add_argument("--doc", help="only this article id (default: all; --html: first)")
    evidence.add_argument("--html", metavar="FILE", help="write a highlighted HTML view of one "
                                                         "article instead of JSONL")
    run = sub.add_parser("run", help="run an experiment config into a run directory",
                         description="Run (or resume) an experiment: config in, run directory "
                                     "out (features, evidence, comparison, metrics, figures, "
                                     "report). Prints the run directory as its last line.",
                         epilog=EXAMPLES_RUN, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("config", metavar="CONFIG", help="experiments/NAME.toml")
    run.add_argument("--corpus", help="corpus file (overrides corpus.path)")
    run.add_argument("--out", help="run directory (default runs/NAME-<config+corpus hash>)")
    run.add_argument("--quiet", action="store_true", help="no progress output")
    _add_engine(run)
    train = sub.add_parser("train", help="retrain a shipped model from ../shared/data",
                           description="Retrain the loaded-word tagger (from BABE/MBIC, PTC "
                                       "and the AllSides full texts) or the attribution "
                                       "booster (from PolNeAR train, threshold on dev); "
                                       "deterministic for a seed.")
    train.add_argument("model", choices=("loaded-words", "attribution"))
    train.add_argument("--data", default=_shared_data_default(),
                       help="the shared data folder (default $FRAMING_SHARED/data, else "
                            "../shared/data next to the clone)")
    train.add_argument("--out", default=None,
                       help="model file (default: the package's framing/data/"
                            "loaded_words_model.json or attribution_booster.json)")
    train.add_argument("--seed", type=int, default=0,
                       help="random seed of the splits and folds (default 0, which gives the "
                            "shipped model)")
    train.add_argument("--split", choices=("sentence", "topic"), default="sentence",
                       help="loaded-words only: keep test sentences unseen (sentence, default) "
                            "or whole topics unseen (topic)")
    lex = sub.add_parser("lexicons", help="list the shipped lexicons",
                         description="List the lexicons shipped in framing/lexicons with "
                                     "their entries, categories, source and licence. "
                                     "User lexicons (MPQA, NRC, eMFD, ...) load with "
                                     "framing.lexicons.load(path).")
    lex.add_argument("action", choices=("list",), help="list: one row per lexicon")
    return parser


def _feature_sets(spec: str) -> list[tuple[str, object]]:
    from .features import make, resolve_name

    out = []
    for name in [n.strip() for n in spec.split(",") if n.strip()]:
        out.append((resolve_name(name).split(".v")[0], make(name)))
    if not out:
        raise KeyError("no feature set given")
    return out


def _cmd_extract(args: argparse.Namespace) -> int:
    from .engine import corpus_speaker_types, extract_stream, iter_corpus, write_stream

    out_path = args.out
    suffix = out_path.lower().rsplit(".", 1)[-1]
    if suffix not in ("parquet", "csv"):
        raise ValueError(f"--out must end in .parquet or .csv, got {out_path!r}")
    sets = [n.strip() for n in args.features.split(",") if n.strip()]
    built = _feature_sets(",".join(sets))  # unknown names fail before any work
    show = not args.quiet and sys.stderr.isatty()
    types = None
    if args.corpus_types:  # first pass: what the articles say of their speakers
        attribution_sets = [n for (short, _), n in zip(built, sets, strict=True)
                            if short == "attribution"]
        if not attribution_sets:
            raise ValueError("--corpus-types needs an attribution set in --features, got "
                             f"{args.features!r}")
        types = corpus_speaker_types(
            iter_corpus(args.path, skip_invalid=args.skip_invalid, rejects=args.rejects),
            attribution_sets[0], engine=args.engine, workers=args.workers,
            chunk_size=args.chunk_size, scheduler=args.scheduler, progress=show)
        print(f"speaker types: the corpus types {len(types):,} named speakers", file=sys.stderr)
    articles = iter_corpus(args.path, skip_invalid=args.skip_invalid, rejects=args.rejects)
    frames = extract_stream(articles, sets, engine=args.engine, workers=args.workers,
                            chunk_size=args.chunk_size, scheduler=args.scheduler,
                            progress=show, speaker_types=types)
    n_features = 0

    def counted(stream):
        nonlocal n_features
        for frame in stream:
            n_features = frame.shape[1] - 5
            yield frame

    rows = write_stream(counted(frames), out_path)
    print(f"{out_path}: {rows:,} articles x {n_features:,} features", file=sys.stderr)
    return 0


def _cmd_evidence(args: argparse.Namespace) -> int:
    from .corpora import iter_articles

    set_name, _, column = args.feature.partition("__")
    ((name, transformer),) = _feature_sets(set_name)
    if column and column not in set(transformer.get_feature_names_out()):
        raise KeyError(f"unknown feature {column!r} in {name}; valid: "
                       f"{', '.join(transformer.get_feature_names_out())}")
    articles = [a for a in iter_articles(args.path) if args.doc in (None, a.id)]
    if args.doc and not articles:
        raise KeyError(f"no article with id {args.doc!r} in {args.path}")
    if args.html:
        from ._atomic import atomic_write
        from .highlight import highlight_html

        article = articles[0]
        # in the whole-set view the voice is shown by underlining, so the share features
        # (which would paint every quote) are left out
        ev = [e for e in transformer.evidence([article.text]) if e.feature == column or (
            not column and not e.feature.endswith("_share"))]
        from .features.analysis import analyze

        with atomic_write(args.html) as fh:
            fh.write(highlight_html(article.text, ev, f"{article.id}: {args.feature}",
                                    analyze(article.text).voice_spans))
        print(f"{args.html}: {len(ev):,} spans in {article.id}", file=sys.stderr)
        return 0
    for article in articles:
        for e in transformer.evidence([article.text]):
            if column and e.feature != column:
                continue
            row = {"doc_id": article.id, **e.to_dict()}
            row.pop("doc")
            row["feature"] = f"{name}__{e.feature}"
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from .experiments import run_experiment

    directory = run_experiment(args.config, corpus=args.corpus, out=args.out, quiet=args.quiet,
                               engine=args.engine, workers=args.workers,
                               scheduler=args.scheduler, chunk_size=args.chunk_size)
    print(directory)
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from importlib import resources

    if args.model == "attribution":
        from .attribution.learned import MODEL_RESOURCE, train_booster

        out = args.out or str(resources.files("framing").joinpath(MODEL_RESOURCE))
        result = train_booster(Path(args.data) / "polnear", out, seed=args.seed, verbose=True)
        print(json.dumps(result["metrics"], indent=2, sort_keys=True))
        print(f"wrote {out}", file=sys.stderr)
        return 0
    from .features.loaded_tagger import train_loaded_words

    out = args.out or str(resources.files("framing").joinpath("data/loaded_words_model.json"))
    result = train_loaded_words(args.data, out, seed=args.seed, split=args.split)
    print(json.dumps(result["metrics"]["test"], indent=2, sort_keys=True))
    print(f"wrote {out}", file=sys.stderr)
    return 0


def _cmd_lexicons(args: argparse.Namespace) -> int:
    import textwrap

    from .lexicons.loading import list_lexicons

    rows = list_lexicons()
    print(f"{'name':<24} {'category':<18} {'entries':>7}")
    for r in rows:
        print(f"{r['name']:<24} {r['category']:<18} {r['n_entries']:>7,}")
        for label in ("source", "license"):  # whole, wrapped: never cut mid-word
            print(textwrap.fill(str(r[label]), width=96, initial_indent=f"    {label + ':':<9}",
                                subsequent_indent=" " * 13, break_on_hyphens=False,
                                break_long_words=False))
    return 0


def _cmd_quotes(args: argparse.Namespace) -> int:
    from .attribution import Attribution, SpeakerTypes, extract_attributions
    from .corpora import Article, iter_articles

    stdin_text = sys.stdin.read() if args.path == "-" else None
    show = not args.quiet and sys.stderr.isatty()

    def read(desc: str) -> Iterator[Article]:
        if stdin_text is not None:
            articles: Iterable[Article] = [Article(id="stdin", text=stdin_text)]
        else:
            articles = iter_articles(args.path, skip_invalid=args.skip_invalid,
                                     rejects=args.rejects)
        if show:
            from tqdm import tqdm

            articles = tqdm(articles, total=1 if stdin_text is not None else None,
                            unit="article", file=sys.stderr, desc=desc)
        yield from articles

    def attributions(text: str) -> list[Attribution]:
        return extract_attributions(text, attitudes=not args.speech_only, learned=args.learned)

    types = None
    if args.corpus_types:  # first pass: what the articles say of their speakers
        types = SpeakerTypes()
        for article in read("speaker types"):
            types.update(attributions(article.text))
    out = sys.stdout
    if args.format == "table":
        out.write(f"{'doc_id':<24} {'kind':<8} {'speaker':<28} {'cue':<24} {'source':<13} "
                  "content\n")
    for article in read("attributions"):
        atts = attributions(article.text)
        for att in atts if types is None else types.apply(atts):
            if args.format == "jsonl":
                out.write(json.dumps(att.to_dict(article.id), ensure_ascii=False) + "\n")
            else:
                cue = ("not " if att.extra.get("negated") else "") + (
                    f"{att.cue or '-'} ({att.cue_category or '-'})")
                source = att.source_type + ("*" if att.anonymous else "") + (
                    "~" if att.extra.get("source_type_from") == "corpus" else "")
                content = " ".join(att.content.split())
                content = content if len(content) <= 70 else content[:67] + "..."
                out.write(f"{article.id[:24]:<24} {att.kind:<8} {(att.speaker or '-')[:28]:<28} "
                          f"{cue[:24]:<24} {source:<13} {content}\n")
    if args.format == "table":
        out.write("(* anonymous source" + ("; ~ source type from the other articles)\n"
                                           if types is not None else ")\n"))
    return 0


def _cmd_corpus_info(args: argparse.Namespace) -> int:
    from .corpora import iter_articles, summarize

    summary = summarize(iter_articles(args.path, skip_invalid=args.skip_invalid,
                                      rejects=args.rejects))
    if args.json:
        print(json.dumps(summary.to_dict(), indent=2, sort_keys=True))
    else:
        print(f"corpus:    {args.path}")
        print(summary.format(top=args.top))
    return 0


def _cmd_corpus_validate(args: argparse.Namespace) -> int:
    from .corpora import validate_corpus

    n_ok, problems = validate_corpus(args.path)
    for p in problems:
        print(f"{p.severity}: {p}")
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{args.path}: {_count(n_ok, 'valid article')}, {_count(errors, 'error')}, "
          f"{_count(warnings, 'warning')}",
          file=sys.stderr)
    return 1 if problems else 0


def _cmd_corpus_import(args: argparse.Namespace) -> int:
    from .corpora.importers import IMPORTERS

    report = IMPORTERS[args.name](args.src, args.dest)
    print(json.dumps(report, indent=2, sort_keys=True))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``framing`` console script."""
    from .corpora import CorpusError
    from .experiments import ConfigError

    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {
        ("corpus", "info"): _cmd_corpus_info,
        ("corpus", "validate"): _cmd_corpus_validate,
        ("corpus", "import"): _cmd_corpus_import,
        ("quotes", None): _cmd_quotes,
        ("extract", None): _cmd_extract,
        ("evidence", None): _cmd_evidence,
        ("lexicons", None): _cmd_lexicons,
        ("run", None): _cmd_run,
        ("train", None): _cmd_train,
    }
    handler = handlers[(args.command, getattr(args, "corpus_command", None))]
    try:
        return handler(args)
    except ConfigError as exc:
        print(f"framing: config error: {exc}", file=sys.stderr)
        return 2
    except (CorpusError, FileNotFoundError, NotADirectoryError, KeyError, ValueError,
            ImportError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"framing: error: {message}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:  # Ctrl-C: no traceback; outputs are written atomically
        hint = ("; run the same command again to resume (finished steps are kept)"
                if args.command == "run" else "")
        print(f"framing: interrupted{hint}", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
