"""An article's records as character spans, and its text cut into segments marked with every facet covering them."""
from __future__ import annotations

import json
import re
import sqlite3

FACETS = ("event", "quote", "actor", "place", "date", "quantity")


def _rows(conn: sqlite3.Connection, sql: str, article_id: str) -> list[sqlite3.Row]:
    return list(conn.execute(sql, (article_id,)))


def _actor_spans(conn: sqlite3.Connection, article_id: str, text: str) -> list[dict]:
    """Where each actor's name or a recorded alias occurs (the store keeps counts, not offsets)."""
    forms = []
    for r in _rows(conn, "SELECT idx, name, aliases_json, kind FROM article_actors WHERE article_id = ?", article_id):
        if r["kind"] == "location":
            continue
        for f in {r["name"], *json.loads(r["aliases_json"] or "[]")}:
            if len(f) > 1:
                forms.append((f, r["name"], r["idx"]))
    out, taken = [], []
    for form, name, idx in sorted(forms, key=lambda x: -len(x[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if not any(m.start() < e and m.end() > s for s, e in taken):
                taken.append((m.start(), m.end()))
                out.append({"facet": "actor", "start": m.start(), "end": m.end(), "label": name,
                            "title": f"actor: {name}", "idx": idx})
    return sorted(out, key=lambda r: r["start"])


def facets(conn: sqlite3.Connection, article_id: str, text: str) -> list[dict]:
    """Every record of an article with its span, label, hover title and anchor id."""
    recs = []
    for r in _rows(conn, "SELECT idx, type, actor, target, start, \"end\", date, location FROM events "
                         "WHERE article_id = ?", article_id):
        who = " → ".join(x for x in (r["actor"], r["target"]) if x)
        recs.append({"facet": "event", "start": r["start"], "end": r["end"], "label": r["type"],
                     "title": f"event {r['type']}" + (f": {who}" if who else ""), "idx": r["idx"],
                     "detail": {k: r[k] for k in ("actor", "target", "date", "location")}})
    for r in _rows(conn, "SELECT idx, speaker, speaker_text, anonymous, kind, start, \"end\" FROM quotes "
                         "WHERE article_id = ?", article_id):
        who = r["speaker"] or r["speaker_text"] or "unattributed"
        recs.append({"facet": "quote", "start": r["start"], "end": r["end"], "label": who,
                     "title": f"quote ({r['kind']}) by {who}" + (" · anonymous" if r["anonymous"] else ""),
                     "idx": r["idx"]})
    for table, label in (("places", "name"), ("dates", "value"), ("quantities", "unit")):
        facet = {"places": "place", "dates": "date", "quantities": "quantity"}[table]
        extra = ", value" if table == "quantities" else ""
        for r in _rows(conn, f"SELECT idx, text, start, \"end\", {label}{extra} FROM {table} "
                             "WHERE article_id = ? AND start IS NOT NULL", article_id):
            name = f"{r['value']:g} {r['unit']}" if table == "quantities" else (r[label] or r["text"])
            recs.append({"facet": facet, "start": r["start"], "end": r["end"], "label": name,
                         "title": f"{facet}: {name}", "idx": r["idx"]})
    recs += _actor_spans(conn, article_id, text)
    for r in recs:
        r["id"] = f"{r['facet']}-{r['idx']}" + (f"-{r['start']}" if r["facet"] == "actor" else "")
    return [r for r in recs if 0 <= r["start"] < r["end"] <= len(text)]


def highlight(text: str, recs: list[dict]) -> list[dict]:
    """The text cut at every record boundary; each piece lists its facets, hover titles and anchors."""
    cuts = sorted({0, len(text), *(r["start"] for r in recs), *(r["end"] for r in recs)})
    starts: dict[int, list[str]] = {}
    for r in recs:
        starts.setdefault(r["start"], []).append(r["id"])
    segments = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [r for r in recs if r["start"] <= a and r["end"] >= b]
        segments.append({"text": text[a:b], "anchors": starts.get(a, []),
                         "classes": " ".join(sorted({"f-" + r["facet"] for r in cover})),
                         "title": " | ".join(r["title"] for r in cover if r["facet"] != "event")
                                  or " | ".join(r["title"] for r in cover)})
    return segments
