"""Reading and validating corpus files: JSON Lines, CSV, and folders of ``.txt`` articles.

Every record is checked; a problem is reported with its file, line and field.
Readers either stop at the first problem (:class:`CorpusError`) or, with
``skip_invalid=True``, keep going and write each rejected record with its
reason to a rejects file. Nothing is dropped silently, and fields the schema
does not know are kept in :attr:`Article.meta`.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._atomic import atomic_write
from .idset import IdHashSet
from .model import ARTICLE_FIELDS, LEANINGS, Annotation, Article

_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?")
_STRING_FIELDS = ("outlet", "event", "date", "title", "url")
#: File suffixes :func:`read_articles` understands.
SUPPORTED = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".parquet", ".txt",
             "a folder of .txt files")


@dataclass(frozen=True)
class Problem:
    """One problem found in a corpus file.

    Attributes
    ----------
    path : str
        The file.
    line : int or None
        1-based line where the record starts (None for a whole file).
    field : str or None
        The offending field, or None when the record as a whole is bad.
    message : str
        What is wrong and, where possible, how to fix it.
    severity : {"error", "warning"}
        Errors reject the record; warnings (unknown fields) keep it.
    raw : str or None
        The raw record, for the rejects file.
    """

    path: str
    line: int | None
    field: str | None
    message: str
    severity: str = "error"
    raw: str | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        field = f" field '{self.field}':" if self.field else ""
        return f"{where}:{field} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record for the rejects file."""
        return {"file": self.path, "line": self.line, "field": self.field,
                "reason": self.message, "severity": self.severity, "record": self.raw}


class CorpusError(ValueError):
    """A corpus file holds a record that cannot be read; names file, line and field."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


def _decode(raw: bytes, path: str, line: int) -> tuple[str | None, Problem | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, Problem(path, line, None,
                             f"invalid UTF-8 at byte {exc.start + 1} of the line "
                             f"({raw[exc.start:exc.start + 4]!r}); re-encode the file as UTF-8",
                             raw=raw.decode("utf-8", "replace"))


def _iter_jsonl(path: Path) -> Iterator[tuple[int, str, dict[str, Any] | Problem]]:
    opener = gzip.open if _suffix(path) == ".jsonl.gz" else open
    p = str(path)
    with opener(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            text, problem = _decode(raw.rstrip(b"\r\n"), p, lineno)
            if problem is not None:
                yield lineno, problem.raw or "", problem
                continue
            assert text is not None
            if not text.strip():
                continue  # blank lines separate nothing in JSONL; not a record
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield lineno, text, Problem(p, lineno, None, f"broken JSON: {exc.msg} at column "
                                                             f"{exc.colno}", raw=text)
                continue
            if not isinstance(record, dict):
                yield lineno, text, Problem(p, lineno, None, "a record must be a JSON object, got "
                                                             f"{type(record).__name__}", raw=text)
                continue
            yield lineno, text, record


def _iter_csv(path: Path) -> Iterator[tuple[int, str, dict[str, Any] | Problem]]:
    p = str(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        yield line, "", Problem(p, line, None, f"invalid UTF-8 ({data[exc.start:exc.start + 4]!r}); "
                                               "re-encode the file as UTF-8 (nothing was read)")
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    if "text" not in header:
        yield 1, ",".join(header), Problem(p, 1, "text", f"the CSV header has no 'text' column "
                                                         f"(columns: {', '.join(header)})")
        return
    start = reader.line_num + 1
    for row in reader:
        raw = ",".join(row)
        if len(row) != len(header):
            yield start, raw, Problem(p, start, None, f"{len(row)} cells for {len(header)} columns",
                                      raw=raw)
        else:
            record: dict[str, Any] = {k: (v if v != "" else None) for k, v in zip(header, row,
                                                                                 strict=True)}
            for key in ("meta", "annotations"):
                if isinstance(record.get(key), str):
                    try:
                        record[key] = json.loads(record[key])
                    except json.JSONDecodeError as exc:
                        yield start, raw, Problem(p, start, key, f"not valid JSON: {exc.msg}",
                                                  raw=raw)
                        record = {}
                        break
            if record:
                yield start, raw, record
        start = reader.line_num + 1


def _iter_parquet(path: Path, batch_size: int = 1000
                  ) -> Iterator[tuple[int, str, dict[str, Any] | Problem]]:
    """Records of a Parquet corpus (JSONL schema columns), ``batch_size`` rows at a time;
    the "line" of a record is its 1-based row."""
    import pyarrow.parquet as pq

    row = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
        for record in batch.to_pylist():
            row += 1
            record = {k: v for k, v in record.items() if v is not None or k == "text"}
            yield row, json.dumps(record, ensure_ascii=False, default=str), record


def _iter_txt(paths: Iterable[Path], root: Path) -> Iterator[tuple[int, str, dict[str, Any] | Problem]]:
    for f in paths:
        text, problem = _decode(f.read_bytes(), str(f), 1)
        if problem is not None:
            yield 1, "", Problem(str(f), None, None, problem.message)
            continue
        rel = f.relative_to(root) if f != root else Path(f.name)
        yield 1, "", {"id": rel.with_suffix("").as_posix(), "text": text, "_path": str(f)}


def _records(path: Path) -> Iterator[tuple[str, int, str, dict[str, Any] | Problem]]:
    if path.is_dir():
        files = sorted(path.rglob("*.txt"))
        if not files:
            raise CorpusError(Problem(str(path), None, None, "folder holds no .txt files"))
        for lineno, raw, rec in _iter_txt(files, path):
            where = rec.path if isinstance(rec, Problem) else rec.pop("_path")
            yield where, lineno, raw, rec
        return
    suffix = _suffix(path)
    if suffix in (".jsonl", ".jsonl.gz", ".ndjson"):
        it = _iter_jsonl(path)
    elif suffix == ".csv":
        it = _iter_csv(path)
    elif suffix == ".parquet":
        it = _iter_parquet(path)
    elif suffix == ".txt":
        it = ((ln, raw, rec if isinstance(rec, Problem) else
               {k: v for k, v in rec.items() if k != "_path"})
              for ln, raw, rec in _iter_txt([path], path))
    else:
        raise CorpusError(Problem(str(path), None, None,
                                  f"unknown corpus format {suffix!r}; supported: "
                                  f"{', '.join(SUPPORTED)}"))
    for lineno, raw, rec in it:
        yield str(path), lineno, raw, rec


def _check_record(record: dict[str, Any], where: str, line: int,
                  raw: str) -> tuple[Article | None, list[Problem]]:
    problems: list[Problem] = []

    def bad(field: str | None, message: str, severity: str = "error") -> None:
        problems.append(Problem(where, line, field, message, severity, raw))

    text = record.get("text")
    if "text" not in record or text is None:
        bad("text", "missing; every article needs its text")
    elif not isinstance(text, str):
        bad("text", f"must be a string, got {type(text).__name__}")
    elif not text.strip():
        bad("text", "empty text")
    art_id = record.get("id")
    if art_id is None or art_id == "":
        bad("id", "missing; give every article a unique id")
    elif isinstance(art_id, bool) or not isinstance(art_id, str | int):
        bad("id", f"must be a string or an integer, got {type(art_id).__name__}")
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            bad(name, f"must be a string or null, got {type(value).__name__}")
    date = record.get("date")
    if isinstance(date, str) and not _DATE_RE.fullmatch(date):
        bad("date", f"{date!r} is not an ISO 8601 date (YYYY-MM-DD)")
    leaning = record.get("leaning")
    if leaning is not None and leaning not in LEANINGS:
        bad("leaning", f"{leaning!r} is not one of {', '.join(LEANINGS)} (or null)")
    meta = record.get("meta")
    if meta is not None and not isinstance(meta, dict):
        bad("meta", f"must be an object, got {type(meta).__name__}")
    annotations: list[Annotation] = []
    anns = record.get("annotations")
    if anns is not None and not isinstance(anns, list):
        bad("annotations", f"must be a list, got {type(anns).__name__}")
    elif anns and isinstance(text, str):
        for i, ann in enumerate(anns):
            field = f"annotations[{i}]"
            try:
                a = Annotation.from_dict(ann)
            except (KeyError, TypeError, ValueError) as exc:
                bad(field, f"needs integer 'start', 'end' and a 'label' ({exc!r})")
                continue
            if not 0 <= a.start <= a.end <= len(text) or any(
                    not a.start <= s <= e <= a.end for s, e in a.fragments):
                bad(field, f"span {a.start}:{a.end} is outside the text (length {len(text)})")
                continue
            expected = ann.get("text")
            if expected is not None and a.text_in(text) != expected:
                bad(field, f"text[{a.start}:{a.end}] is {a.text_in(text)!r}, not {expected!r}")
                continue
            annotations.append(a)
    unknown = sorted(k for k in record if k not in ARTICLE_FIELDS)
    for key in unknown:
        bad(key, "unknown field (kept in meta)", "warning")
    if any(p.severity == "error" for p in problems):
        return None, problems
    extra = {k: record[k] for k in unknown}
    article = Article(
        id=str(art_id), text=text, outlet=record.get("outlet"), event=record.get("event"),
        date=record.get("date"), title=record.get("title"), url=record.get("url"),
        leaning=leaning, meta={**(meta or {}), **extra}, annotations=annotations,
    )
    return article, problems


#: Duplicate-id confirmations by re-reading before switching to an exact id map.
_MAX_RESCANS = 20


def _id_locations(path: Path, stop: int, only: str | None = None) -> dict[str, str]:
    """First ``file:line`` of each valid record's id among the first ``stop`` records."""
    found: dict[str, str] = {}
    for ordinal, (where, line, _raw, rec) in enumerate(_records(path)):
        if ordinal >= stop:
            break
        if isinstance(rec, Problem):
            continue
        art_id = rec.get("id")
        if art_id is None or (only is not None and str(art_id) != only):
            continue
        article, _ = _check_record(rec, where, line, _raw)
        if article is not None:
            found.setdefault(article.id, f"{where}:{line}")
    return found


def check_corpus(path: str | os.PathLike[str]) -> Iterator[tuple[Article | None, list[Problem]]]:
    """Read every record of ``path`` and yield ``(article or None, problems)``.

    Duplicate ids are reported on the later record. This is the engine behind
    :func:`read_articles`, :func:`iter_articles` and :func:`validate_corpus`.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"corpus not found: {path}")
    ids = IdHashSet()
    exact: dict[str, str] | None = None  # every id's location, once duplicates abound
    rescans = 0
    for ordinal, (where, line, raw, rec) in enumerate(_records(path)):
        if isinstance(rec, Problem):
            yield None, [rec]
            continue
        article, problems = _check_record(rec, where, line, raw)
        if article is not None:
            first: str | None
            if exact is not None:
                first = exact.setdefault(article.id, f"{where}:{line}")
                first = None if first == f"{where}:{line}" else first
            elif ids.add(article.id):
                first = None
            else:  # suspected duplicate: confirm by reading again up to here
                rescans += 1
                if rescans > _MAX_RESCANS:
                    exact = _id_locations(path, ordinal)
                first = (exact.get(article.id) if exact is not None
                         else _id_locations(path, ordinal, article.id).get(article.id))
                if exact is not None and first is None:
                    exact[article.id] = f"{where}:{line}"
            if first is not None:
                problems.append(Problem(where, line, "id", f"duplicate id {article.id!r} "
                                        f"(first at {first})", raw=raw))
                article = None
        yield article, problems


def iter_articles(path: str | os.PathLike[str], *, skip_invalid: bool = False,
                  rejects: str | os.PathLike[str] | None = None) -> Iterator[Article]:
    """Stream the articles of a corpus file or folder.

    Parameters
    ----------
    path : path-like
        A ``.jsonl`` (or ``.jsonl.gz``) file, a ``.csv`` file with a header row
        and a ``text`` column, a ``.parquet`` file with the JSONL schema's
        columns (read in batches; "line" = row), a single ``.txt`` article, or a
        folder of ``.txt`` files (id = path relative to the folder, without
        ``.txt``).
    skip_invalid : bool, default False
        False: raise :class:`CorpusError` at the first invalid record.
        True: skip invalid records and write each one, with its reason, to
        ``rejects``.
    rejects : path-like, optional
        Where rejected records go (JSON Lines) when ``skip_invalid`` is true;
        default ``<path>.rejects.jsonl``. Written atomically, only if a record
        is rejected.

    Yields
    ------
    Article
    """
    rejected: list[Problem] = []
    for article, problems in check_corpus(path):
        if article is None:
            first = next(p for p in problems if p.severity == "error")
            if not skip_invalid:
                raise CorpusError(first)
            rejected.append(first)
            continue
        yield article
    if rejected:
        target = Path(rejects) if rejects is not None else Path(f"{path}.rejects.jsonl")
        with atomic_write(target) as fh:
            for p in rejected:
                fh.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")


def read_articles(path: str | os.PathLike[str], *, skip_invalid: bool = False,
                  rejects: str | os.PathLike[str] | None = None) -> list[Article]:
    """Read every article of a corpus file or folder into a list.

    See :func:`iter_articles` for the formats and parameters.

    Examples
    --------
    >>> arts = read_articles("corpora/seed/seed.jsonl")  # doctest: +SKIP
    >>> arts[0].outlet  # doctest: +SKIP
    'WSWS'
    """
    return list(iter_articles(path, skip_invalid=skip_invalid, rejects=rejects))


def validate_corpus(path: str | os.PathLike[str]) -> tuple[int, list[Problem]]:
    """Check every record of ``path``; return ``(number of valid articles, problems)``."""
    n_ok = 0
    problems: list[Problem] = []
    for article, probs in check_corpus(path):
        n_ok += article is not None
        problems.extend(probs)
    return n_ok, problems
