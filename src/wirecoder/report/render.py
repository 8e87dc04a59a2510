"""The situation report as Markdown or as one self-contained HTML page."""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

from wirecoder.report.brief import Brief, Source, clean
from wirecoder.report.charts import map_image, map_png, timeline_image, timeline_png

CHART_ALT = {"timeline": "Event clusters per day, stacked by PLOVER type",
             "map": "Event clusters on a world map, sized by number of reports"}


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (a 'javascript:' URL is never shown or linked)."""
    return url if url and re.match(r"https?://", url, re.I) else None


def source_line(s: Source) -> str:
    """'[n] Outlet, “Title”, date, URL' with unknown parts left out."""
    bits = [clean(s.outlet) or "unnamed outlet", f"“{clean(s.title)}”" if s.title else f"article {clean(s.article_id)}",
            s.published or "undated"]
    if safe_url(s.url):
        bits.append(clean(s.url))
    return f"[{s.n}] " + ", ".join(bits)


def to_markdown(brief: Brief, images: dict[str, str] | None = None) -> str:
    """Markdown: sections of cited sentences, then '## Sources' with one '[n] …' line per article.

    `images` maps a chart ('timeline', 'map') to the image file its section links (none: no charts)."""
    images = images or {}
    out = [f"# {brief.title}", ""]
    for sec in brief.sections:
        image = images.get(sec.chart) if sec.chart else None
        if not sec.lines and not image:
            continue
        out += [f"## {sec.title}", ""]
        if image:
            out += [f"![{CHART_ALT[sec.chart]}]({quote(image)})", ""]
        out += [f"- {line.text}" for line in sec.lines]
        if sec.lines:
            out.append("")
    out += ["## Sources", ""]
    out += [source_line(s) + "  " for s in brief.sources]
    return "\n".join(out) + "\n"


def _linked(text: str) -> str:
    return re.sub(r"\[(\d+)\]", r'<a href="#src-\1">[\1]</a>', html.escape(text))


def _source_html(s: Source) -> str:
    text = html.escape(source_line(s))
    url = safe_url(s.url)
    if url:
        text += f' <a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">link</a>'
    return f'<li id="src-{s.n}">{text}</li>'


def to_html(brief: Brief) -> str:
    """A self-contained HTML page: charts as embedded PNGs, citations linking to the Sources list."""
    charts = {"timeline": timeline_png(brief.clusters), "map": map_png(brief.clusters)}
    body = [f"<h1>{html.escape(brief.title)}</h1>"]
    for sec in brief.sections:
        if not sec.lines and not sec.chart:
            continue
        body.append(f"<h2>{html.escape(sec.title)}</h2>")
        if sec.chart:
            body.append(f'<img alt="{CHART_ALT[sec.chart]}" src="data:image/png;base64,{charts[sec.chart]}">')
        if sec.lines:
            body.append("<ul>" + "".join(f"<li>{_linked(line.text)}</li>" for line in sec.lines) + "</ul>")
    body.append('<h2 id="sources">Sources</h2><ol class="sources">'
                + "".join(_source_html(s) for s in brief.sources) + "</ol>")
    style = ("body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.45}"
             "img{max-width:100%}ol.sources{list-style:none;padding-left:0}")
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
            "style-src 'unsafe-inline'\">"
            f"<title>{html.escape(brief.title)}</title><style>{style}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")


def chart_files(out: Path) -> dict[str, Path]:
    """The images a Markdown report links, beside it: report.md -> report-timeline.png, report-map.png."""
    return {chart: out.with_name(f"{out.stem}-{chart}.png") for chart in CHART_ALT}


def write_report(brief: Brief, out: Path) -> list[Path]:
    """Write the report as HTML (.html, .htm; charts embedded) or Markdown (.md; charts as PNGs beside it).

    Returns the image files written beside the report."""
    if out.suffix.lower() in (".html", ".htm"):
        out.write_text(to_html(brief), encoding="utf-8")
        return []
    draw = {"timeline": timeline_image, "map": map_image}
    files = {chart: path for chart, path in chart_files(out).items()
             if any(sec.chart == chart for sec in brief.sections)}
    for chart, path in files.items():
        path.write_bytes(draw[chart](brief.clusters))
    out.write_text(to_markdown(brief, {chart: path.name for chart, path in files.items()}), encoding="utf-8")
    return list(files.values())
