"""The readable terminal report of one analysis."""
from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table

from wirecoder.records import Analysis


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_text(res: Analysis, console: Console) -> None:
    """Print actors with roles, quotes grouped by speaker, events, places and counts."""
    a = res.article
    head = a.title or a.id
    meta = " · ".join(x for x in (a.outlet, a.byline, a.published.isoformat() if a.published else None) if x)
    console.rule(f"[bold]{head}[/bold]" + (f"  [dim]{meta}[/dim]" if meta else ""))

    if res.actors:
        t = Table(title="Actors", title_justify="left", show_lines=False)
        for col in ("name", "kind", "role", "affiliation", "aliases", "mentions"):
            t.add_column(col)
        for x in sorted(res.actors, key=lambda x: -len(x.mentions)):
            t.add_row(x.name, x.kind, x.role or "", x.affiliation or "", ", ".join(x.aliases), str(len(x.mentions)))
        console.print(t)

    if res.quotes:
        console.print("[bold]Quotes by speaker[/bold]")
        groups = defaultdict(list)
        for q in res.quotes:
            groups[q.speaker or "(unattributed)"].append(q)
        for speaker, qs in groups.items():
            anon = qs[0].anonymous
            tag = f" [dim](anonymous{', ' + qs[0].source_type if qs[0].source_type else ''})[/dim]" if anon else ""
            console.print(f"  [cyan]{speaker}[/cyan]{tag}")
            for q in qs:
                mark = "“”" if q.kind == "direct" else "  "
                console.print(f"    {mark[0]}{_short(q.text)}{mark[1]}  [dim]{q.cue or ''} @{q.start}[/dim]")

    if res.events:
        t = Table(title="Events (PLOVER)", title_justify="left")
        for col in ("type", "mode", "actor", "target", "date", "location", "dead", "flags"):
            t.add_column(col)
        for e in res.events:
            flags = ",".join(k for k in ("negated", "hypothetical", "future", "historical") if getattr(e, k))
            t.add_row(e.type, e.mode or "", e.actor or "", e.target or "", e.date or "", e.location or "",
                      "" if e.fatalities is None else str(e.fatalities), flags)
        console.print(t)

    if res.places:
        from wirecoder.contract import unique_places

        line = "; ".join(f"{p.name} ({p.country or '?'}"
                         + (f" {p.lat:.2f},{p.lon:.2f}" if p.lat is not None else "") + ")"
                         for p in unique_places(res.places))
        console.print(f"[bold]Places[/bold] {line}")
    if res.dates:
        console.print("[bold]Dates[/bold] " + "; ".join(
            f"{d.text} → {d.value.isoformat() if d.value else '?'}" + (" …" if d.open_end else "")
            for d in res.dates))
    if res.quantities:
        console.print("[bold]Quantities[/bold] " + "; ".join(
            f"{(q.qualifier + ' ') if q.qualifier else ''}{q.value:g} {q.unit}" for q in res.quantities))
    console.print()
