"""The situation report's content: sentences generated from corpus records, each citing its articles."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from wirecoder.corpus import Corpus

MAX_DEVELOPMENTS = 8
MAX_SPEAKERS = 6
MAX_UNITS = 8
MAX_ANONYMOUS = 8


@dataclass
class Source:
    """One cited article: its number in the Sources list and its metadata."""

    n: int
    article_id: str
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None


@dataclass
class Line:
    """One generated sentence, the sources it cites, and the facts (article id, text) each source holds."""

    text: str
    cites: list[int]
    facts: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Section:
    """A titled list of sentences, optionally with a chart."""

    title: str
    lines: list[Line]
    chart: str | None = None


@dataclass
class Brief:
    """The whole report: title, sections, numbered sources and the records the charts are drawn from."""

    title: str
    sections: list[Section]
    sources: list[Source]
    clusters: list[dict]


def clean(text: str | None, n: int = 0) -> str:
    """Record text fit for a sentence: one line, no square brackets (they mark citations), optionally cut."""
    text = " ".join((text or "").split()).replace("[", "(").replace("]", ")")
    return text if not n or len(text) <= n else text[: n - 1].rstrip() + "…"


class Citations:
    """Numbers articles in order of first citation."""

    def __init__(self, corpus: Corpus) -> None:
        self.conn = corpus.conn
        self.numbers: dict[str, int] = {}

    def cite(self, article_ids) -> list[int]:
        """The numbers of these articles, numbering new ones."""
        out = []
        for aid in article_ids:
            if aid not in self.numbers:
                self.numbers[aid] = len(self.numbers) + 1
            if self.numbers[aid] not in out:
                out.append(self.numbers[aid])
        return out

    def sources(self) -> list[Source]:
        """The cited articles in citation order."""
        out = []
        for aid, n in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            r = self.conn.execute("SELECT outlet, title, published, url FROM articles WHERE id = ?", (aid,)).fetchone()
            out.append(Source(n, aid, r["outlet"], r["title"], r["published"], r["url"]))
        return out


def marks(numbers: list[int]) -> str:
    """Citation markers: '[1][3]'."""
    return "".join(f"[{n}]" for n in numbers)


def number(v: float) -> str:
    """A figure as written in prose: 70,000,000 rather than 7e+07."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0")


def _where(c: dict) -> str:
    bits = []
    if c.get("actor"):
        bits.append(f" by {clean(c['actor'])}")
    if c.get("target"):
        bits.append(f" against {clean(c['target'])}")
    if c.get("location"):
        bits.append(f" at {clean(c['location'])}")
    return "".join(bits)


def development(c: dict, cites: Citations) -> Line:
    """One key development: what, who, where, when, the toll and how widely it was reported."""
    ev = c["evidence"]
    ids = [e["article_id"] for e in ev]
    when = f"On {c['date']}, " if c.get("date") else ""
    toll = f", with {c['fatalities']} reported killed" if c.get("fatalities") else ""
    outlets = ", ".join(clean(o) for o in c["outlets"]) or "unnamed outlets"
    n = c["articles"]
    art = "an" if c["type"][0] in "AEIOU" else "a"
    text = (f"{when}{art if when else art.title()} {c['type']} event{_where(c)} was reported in {n} "
            f"article{'s' if n != 1 else ''} ({outlets}){toll} {marks(cites.cite(ids))}.")
    return Line(text[0].upper() + text[1:], cites.cite(ids), [(e["article_id"], e["sentence"]) for e in ev])


def evidence_line(c: dict, cites: Citations) -> Line:
    """The first report's own sentence for a cluster, quoted."""
    e = c["evidence"][0]
    num = cites.cite([e["article_id"]])
    return Line(f"{clean(e['outlet']) or 'One report'} wrote: “{clean(e['sentence'], 300)}” {marks(num)}.", num,
                [(e["article_id"], e["sentence"])])


def key_developments(clusters: list[dict], cites: Citations) -> Section:
    """The largest, most-reported clusters first."""
    top = sorted(clusters, key=lambda c: (-c["articles"], -c["reports"], -(c.get("fatalities") or 0),
                                          c.get("date") or "9999"))[:MAX_DEVELOPMENTS]
    lines = []
    for c in top:
        lines += [development(c, cites), evidence_line(c, cites)]
    return Section("Key developments", lines)


def _salience(q: dict) -> tuple:
    n = len(q["text"])
    return (q["kind"] == "direct", 40 <= n <= 320, min(n, 320))


def actors_said(quotes: list[dict], cites: Citations) -> Section:
    """The most quoted named speakers and their most salient quotes."""
    by: dict[str, list[dict]] = {}
    for q in quotes:
        if q["speaker"] and not q["anonymous"]:
            by.setdefault(q["speaker"], []).append(q)
    lines = []
    for speaker, qs in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_SPEAKERS]:
        for q in sorted(qs, key=_salience, reverse=True)[:2]:
            num = cites.cite([q["article_id"]])
            verb = "said" if q["kind"] == "direct" else "said, in substance,"
            lines.append(Line(f"{clean(speaker)} {verb} “{clean(q['text'], 320)}” "
                              f"({clean(q['outlet']) or 'unnamed outlet'}, {q['published'] or 'undated'}) "
                              f"{marks(num)}.", num, [(q["article_id"], q["text"])]))
    return Section("Actors and what they said", lines)


def _unit(u: str) -> str:
    return re.sub(r"(ies|es|s)$", "", u.strip().lower())


def numbers_reported(claims: list[dict], cites: Citations) -> list[Line]:
    """Per thing counted, every figure with who gave it, and whether sources disagree."""
    groups: dict[str, list[dict]] = {}
    seen = set()
    for c in claims:
        k = (_unit(c["unit"]), c["reporter"], c["value"], c["article_id"])
        if _unit(c["unit"]) and k not in seen:
            seen.add(k)
            groups.setdefault(k[0], []).append(c)
    lines = []
    for _, cs in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:MAX_UNITS]:
        parts, ids = [], []
        for c in cs[:6]:
            num = cites.cite([c["article_id"]])
            ids.append(c["article_id"])
            who = clean(c["reporter"]) or "an unattributed source"
            qual = f"{clean(c['qualifier'])} " if c.get("qualifier") else ""
            parts.append(f"{who} gave {qual}{number(c['value'])} ({clean(c['outlet']) or 'unnamed outlet'}, "
                         f"{c['published'] or 'undated'}) {marks(num)}")
        if any(c["disagrees"] for c in cs[:6]):
            parts.append("sources disagree")
        text = f"Figures for {clean(cs[0]['unit'])}: " + "; ".join(parts) + "."
        lines.append(Line(text, cites.cite(ids), [(c["article_id"], c["text"]) for c in cs[:6]]))
    return lines


def anonymous_only(clusters: list[dict], quotes: list[dict], cites: Citations) -> Section:
    """Events whose every report rests on anonymous sources, and what anonymous sources said."""
    lines = []
    for c in [c for c in clusters if c["anonymous_only"]][:MAX_ANONYMOUS]:
        ids = [e["article_id"] for e in c["evidence"]]
        when = f" on {c['date']}" if c.get("date") else ""
        num = cites.cite(ids)
        lines.append(Line(f"The {c['type']} event{_where(c)}{when} rests only on anonymous sourcing {marks(num)}.",
                          num, [(e["article_id"], e["sentence"]) for e in c["evidence"]]))
    for q in [q for q in quotes if q["anonymous"]][:MAX_ANONYMOUS]:
        num = cites.cite([q["article_id"]])
        who = clean(q["speaker_text"]) or "an unnamed source"
        lines.append(Line(f"Attributed only to {who}: “{clean(q['text'], 320)}” "
                          f"({clean(q['outlet']) or 'unnamed outlet'}) {marks(num)}.", num,
                          [(q["article_id"], q["text"])]))
    return Section("What rests only on anonymous sourcing", lines)


def build_brief(corpus: Corpus, **filters) -> Brief:
    """The report's sections from the corpus records matching the filters (since, until, actor, place)."""
    filters = {k: v for k, v in filters.items() if v}
    clusters = corpus.clusters(**filters)
    cites = Citations(corpus)
    sections = [key_developments(clusters, cites)]
    sections.append(Section("Timeline", [], chart="timeline"))
    sections.append(Section("Map", [], chart="map"))
    sections.append(actors_said(corpus.quotes(**filters), cites))
    sections.append(Section("Numbers reported and who reported them", numbers_reported(corpus.claims(**filters),
                                                                                      cites)))
    sections.append(anonymous_only(clusters, corpus.quotes(**filters), cites))
    scope = ", ".join(f"{k} {v}" for k, v in filters.items())
    title = "Situation report" + (f" ({scope})" if scope else "")
    return Brief(title, sections, cites.sources(), clusters)
