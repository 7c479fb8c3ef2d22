"""Run reports: ``report.md`` and ``report.html`` from a run directory's results.

The report holds the corpus summary, the method, the paired comparison table
(CIs and corrected p-values), the classifier beside its baselines, the
figures, and a few sample events with the outlets' articles side by side —
quotes, speakers and loaded words highlighted in the HTML. Every number is
read from ``metrics.json`` and ``comparison.csv``, so the report and the files
always agree.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

from ._atomic import atomic_write

_LOADED_COLOUR = "#ffd54f"
_QUOTE_COLOUR = "#b3e5fc"
_SPEAKER_COLOUR = "#c5e1a5"


def _fmt(x: Any, digits: int = 3) -> str:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    if v != v:
        return "–"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    if v != 0 and abs(v) < 10 ** -digits:
        return f"{v:.1e}"
    return f"{v:.{digits}f}"


def comparison_rows(comparison: Any, top: int) -> Any:
    """The ``top`` comparison rows, significant first, then by adjusted p and |effect|."""
    df = comparison[comparison["p_value"].notna()].copy()
    df["_abs"] = -df["effect_size"].abs()
    df = df.sort_values(["p_adjusted", "_abs", "feature", "group_a", "group_b"], kind="mergesort")
    return df.drop(columns="_abs").head(top)


def figure_caption(stem: str) -> str:
    """A caption for a run's figure, from its file name ("forest-left-vs-right")."""
    if stem.startswith("forest-") and "-vs-" in stem:
        a, b = stem[len("forest-"):].split("-vs-", 1)
        return (f"Within-event differences {a} − {b}, largest effects (filled: significant "
                "after Benjamini–Hochberg correction; CIs are not adjusted)")
    return {"confusion": "Classifier confusion matrix (cross-validated, grouped by event)",
            "importance": "Features that separate the groups (permutation importance on "
                          "held-out folds)",
            "frames-by-group": "Mean frame distribution by group",
            "sources-by-group": "Mix of source types by group",
            "cues-by-group": "Mix of reporting-verb categories by group"}.get(stem, stem)


def sample_events(table: Any, group: str, n: int) -> list[str]:
    """The first ``n`` events (sorted by id) in which every group has an article."""
    if n <= 0 or table["event"].isna().all():
        return []
    all_groups = set(table[group].dropna().astype(str))
    full = table.groupby("event")[group].agg(lambda s: set(s.dropna().astype(str)))
    return [e for e in sorted(full.index, key=str) if full[e] >= all_groups][:n]


def _markdown(cfg: dict[str, Any], metrics: dict[str, Any], comparison: Any, figures: list[str],
              samples: list[tuple[str, list[tuple[Any, list[Any], list[str]]]]]) -> str:
    c = metrics["corpus"]
    comp = metrics["comparison"]
    top = cfg["report"]["top_features"]
    lines = [f"# {cfg['name']}: framing comparison by {comp['group']}", "",
             "## Corpus", "",
             f"- corpus: `{cfg['corpus']['path']}`",
             f"- articles: {c['articles']:,}; events: {c['events']:,}; outlets: "
             f"{len(c['outlets']):,}; words: {c['words']:,}",
             f"- leanings: {', '.join(f'{k} {v:,}' for k, v in c['leanings'].items()) or '-'}",
             f"- dates: {c['first_date'] or '-'} .. {c['last_date'] or '-'}", "",
             "## Method", "",
             f"- features: {', '.join(cfg['features']['extractors'])} (framing "
             "toolkit; every number traceable to spans in `evidence.jsonl`)",
             (f"- comparison: within-event paired differences by {comp['group']} "
              f"({', '.join(comp['pairs'])}); {cfg['compare']['n_boot']:,} "
              "bootstrap resamples "
              f"over events for 95% CIs; paired sign-flip permutation test "
              f"({cfg['compare']['n_perm']:,} permutations, exact for ≤ 12 events); "
              "Benjamini–Hochberg correction across all features and pairs; effect size d_z"
              if comp["tests"] else f"- comparison: none (no event is covered by two "
              f"{comp['group']}s)"),
             (f"- classifier: {cfg['model']['target']} from the framing features, "
              f"{cfg['model']['cv']}-fold cross-validation grouped by event, beside a TF-IDF "
              "bag-of-words baseline and the majority baseline; permutation importance on "
              "held-out folds" if not metrics.get("classifier_note")
              else f"- classifier: not run ({metrics['classifier_note']})"),
             f"- seed: {cfg['seed']}", "",
             "## Paired comparison", ""]
    if comp["tests"]:
        lines += [f"{comp['significant']:,} of {comp['tests']:,} feature × pair tests are "
                  f"significant after correction (α = {comp['alpha']}). Top {top}:", "",
                  "| feature | pair | events | mean A | mean B | difference [95% CI] | p (BH) "
                  "| d_z |", "|---|---|---|---|---|---|---|---|"]
    else:
        lines += [f"No paired comparison: the corpus has no events shared by two "
                  f"{comp['group']}s."]
    for _, r in comparison_rows(comparison, top).iterrows():
        lines.append(f"| {r['feature']} | {r['group_a']} − {r['group_b']} | {int(r['n_events'])} "
                     f"| {_fmt(r['mean_a'])} | {_fmt(r['mean_b'])} | {_fmt(r['mean_diff'])} "
                     f"[{_fmt(r['ci_low'])}, {_fmt(r['ci_high'])}] | {_fmt(r['p_adjusted'])} "
                     f"| {_fmt(r['effect_size'], 2)} |")
    lines += ["", "## Classifier", ""]
    if metrics.get("classifier_note"):
        lines += [metrics["classifier_note"] + "."]
    else:
        lines += ["| model | accuracy | macro-F1 | n |", "|---|---|---|---|"]
    for name, label in (("framing", "framing features"), ("tfidf", "TF-IDF baseline"),
                        ("majority", "majority baseline")):
        r = metrics["classifier"].get(name)
        if r:
            lines.append(f"| {label} | {_fmt(r['accuracy'])} ± {_fmt(r['accuracy_sd'])} | "
                         f"{_fmt(r['macro_f1'])} ± {_fmt(r['macro_f1_sd'])} | {r['n']:,} |")
    imp = (metrics["classifier"].get("framing") or {}).get("importance") or {}
    ranked = sorted(((v.get("mean") or 0.0, k) for k, v in imp.items()), reverse=True)[:10]
    if ranked:
        lines += ["", "Features that separate the groups (permutation importance, drop in "
                  "accuracy):", ""]
        lines += [f"{i}. `{k}` {_fmt(v)}" for i, (v, k) in enumerate(ranked, 1)]
    lines += ["", "## Figures", ""] + [f"![{figure_caption(Path(f).stem)}](figures/{f})"
                                       for f in figures]
    if samples:
        lines += ["", "## Sample events", ""]
        for event, rows in samples:
            lines.append(f"### Event {event}")
            lines.append("")
            for article, atts, loaded in rows:
                lines.append(f"**{_source_label(article)}** — {article.title or article.id}")
                for a in atts:
                    who = a.speaker or "(unattributed)"
                    lines.append(f"- {a.kind}, {who} ({a.cue or '-'}, {a.cue_category or '-'}): "
                                 f"“{' '.join(a.content.split())[:160]}”")
                if loaded:
                    lines.append(f"- loaded words: {', '.join(loaded)}")
                lines.append("")
    return "\n".join(lines) + "\n"


def _article_html(article: Any, atts: list[Any], loaded_spans: list[tuple[int, int]]) -> str:
    from .highlight import mark_spans

    spans = [(s, e, "loaded word") for s, e in loaded_spans]
    for a in atts:
        spans += [(s, e, f"quote ({a.kind}, {a.speaker or 'unknown'})") for s, e in a.fragments]
        if a.speaker_start is not None:
            spans.append((a.speaker_start, a.speaker_end, f"speaker: {a.speaker}"))
    colour = {label: (_LOADED_COLOUR if label == "loaded word" else _SPEAKER_COLOUR
                      if label.startswith("speaker") else _QUOTE_COLOUR) for _, _, label in spans}
    body = mark_spans(article.text, spans, colour)
    return (f"<td><p class='h'><b>{html.escape(_source_label(article))}</b>"
            f"<br><i>{html.escape(article.title or '')}</i>"
            f"</p><div class='t'>{body}</div></td>")


def _source_label(article: Any) -> str:
    """"left · Guardian", or whichever of leaning and outlet the article has."""
    return " · ".join(p for p in (article.leaning, article.outlet) if p) or str(article.id)


def _html(md: str, cfg: dict[str, Any], metrics: dict[str, Any], comparison: Any,
          figures: list[str], samples_html: str) -> str:
    body = []
    in_table = False
    in_list = False
    for line in md.splitlines():
        if line.startswith("## Sample events"):
            break
        if line.startswith("|"):
            cells = [html.escape(c.strip()) for c in line.strip("|").split("|")]
            if set(line) <= set("|-"):
                continue
            if not in_table:
                body.append("<table><tr>" + "".join(f"<th>{c}</th>" for c in cells) + "</tr>")
                in_table = True
            else:
                body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
            continue
        if in_table:
            body.append("</table>")
            in_table = False
        if line.startswith(("- ", "1. ", "2. ", "3. ", "4. ", "5. ", "6. ", "7. ", "8. ",
                            "9. ", "10. ")):
            if not in_list:
                body.append("<ul>")
                in_list = True
            item = line.split(" ", 1)[1]
            body.append(f"<li>{_inline(item)}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.startswith("## "):
            body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("!["):
            name = line[line.index("(") + 1:-1]
            caption = figure_caption(Path(name).stem)
            body.append(f"<figure><img src='{html.escape(name)}' alt='{html.escape(caption)}'>"
                        f"<figcaption>{html.escape(caption)}</figcaption></figure>")
        elif line.strip():
            body.append(f"<p>{_inline(line)}</p>")
    if in_table:
        body.append("</table>")
    if in_list:
        body.append("</ul>")
    return ("<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
            f"<title>{html.escape(cfg['name'])}</title><style>"
            "body{font-family:system-ui,sans-serif;max-width:72em;margin:2em auto;"
            "line-height:1.45}table{border-collapse:collapse;font-size:90%}"
            "td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}"
            "figure img{max-width:100%}.side td{width:33%;font-family:Georgia,serif}"
            ".side .t{font-size:92%}.h{font-family:system-ui;font-size:90%}"
            "mark{padding:0 1px}</style></head><body>" + "\n".join(body) + samples_html
            + "</body></html>\n")


def _inline(text: str) -> str:
    out = html.escape(text)
    parts = out.split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts)).replace(
        "**", "")


def write_reports(directory: str | os.PathLike[str], articles: list[Any], table: Any,
                  comparison: Any, metrics: dict[str, Any], cfg: dict[str, Any]) -> None:
    """Write ``report.md`` and ``report.html`` into ``directory`` (atomically)."""
    from .features import AttributionFeatures, LoadedLanguageFeatures, make
    from .features.loaded import LOADED_CATEGORIES

    d = Path(directory)
    figures = sorted(p.name for p in (d / "figures").glob("*.png"))
    group = cfg["compare"]["group"]
    by_id = {a.id: a for a in articles}
    loaded = LoadedLanguageFeatures()
    # the attributions shown are those of the run's attribution set (speech only for
    # attribution.v1, with the learned booster for attribution_learned.v1)
    attribution = next((t for t in (make(n) for n in cfg["features"]["extractors"]
                                    if n.startswith("attribution"))
                        if isinstance(t, AttributionFeatures)), AttributionFeatures())
    if cfg["features"].get("corpus_types"):  # the speaker types the features were counted with
        from .attribution import SpeakerTypes

        attribution.set_params(speaker_types=SpeakerTypes.from_dict(json.loads(
            (d / "speaker_types.json").read_text(encoding="utf-8"))))
    samples = []
    html_parts = []
    for event in sample_events(table, group, cfg["report"]["sample_events"]):
        ids = table[table["event"] == event].sort_values([group, "doc_id"])["doc_id"]
        rows = []
        cells = []
        for doc_id in ids:
            article = by_id[doc_id]
            atts = attribution.attributions(article.text)
            spans = [(e.start, e.end) for e in loaded.evidence([article.text])
                     if e.feature.rsplit("_", 3)[0] in LOADED_CATEGORIES
                     and e.feature.endswith("_per_1k")]
            words = list(dict.fromkeys(article.text[s:e].lower() for s, e in sorted(spans)))
            rows.append((article, atts, words))
            cells.append(_article_html(article, atts, sorted(set(spans))))
        samples.append((event, rows))
        html_parts.append(f"<h3>Event {html.escape(str(event))}</h3><table class='side'><tr>"
                          + "".join(cells) + "</tr></table>")
    md = _markdown(cfg, metrics, comparison, figures, samples)
    samples_html = ""
    if html_parts:
        samples_html = ("<h2>Sample events</h2><p>Highlighted: <mark style='background:"
                        f"{_QUOTE_COLOUR}'>attributed content</mark>, <mark style='background:"
                        f"{_SPEAKER_COLOUR}'>speaker</mark>, <mark style='background:"
                        f"{_LOADED_COLOUR}'>loaded word</mark> (hover for details).</p>"
                        + "".join(html_parts))
    page = _html(md, cfg, metrics, comparison, [f"figures/{f}" for f in figures], samples_html)
    page = page.replace("src='figures/figures/", "src='figures/")
    with atomic_write(d / "report.md") as fh:
        fh.write(md)
    with atomic_write(d / "report.html") as fh:
        fh.write(page)
