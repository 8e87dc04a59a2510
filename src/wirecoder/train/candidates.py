"""Training data for the event judge: the rules' candidates on gold articles, each labelled by the gold."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from wirecoder.train.gold import gold_articles, scorer


@dataclass
class Example:
    """One candidate event with its features and whether the gold codes it."""

    group: str  # the article: folds never split one
    source: str  # which collection the article comes from
    features: dict
    label: str  # the gold type it reports (possibly not the rules' type), or "NONE"
    flagged: bool
    event: dict


def _settings():
    from wirecoder.settings import Settings

    return Settings(event_judge=False)


def collect(folder: Path, source: str, limit: int | None = None) -> tuple[list[Example], dict[str, int]]:
    """Run the frozen rules on every gold article of `folder`; return labelled candidates and gold counts."""
    from wirecoder.errors import WirecoderError
    from wirecoder.extract.events import candidate_events
    from wirecoder.ingest.text import article_from_text
    from wirecoder.pipeline import extract_all, nlp_for

    sc, settings = scorer(), _settings()
    golds = [g for g in gold_articles(folder) if "events" in (g.get("facets") or ["events"])][:limit]
    nlp = nlp_for(settings)
    examples, n_gold = [], {}
    pairs = []
    for g in golds:
        n_gold[g["id"]] = len(g.get("events") or [])
        try:
            pairs.append((article_from_text(g["text"], published=g.get("published"), settings=settings, id=g["id"],
                                            outlet=g.get("outlet"), title=g.get("title")), g))
        except WirecoderError:
            continue  # refused input (e.g. a short line taken for another language): its gold counts as missed
    for doc, (art, g) in nlp.pipe(((a.text, (a, g)) for a, g in pairs), as_tuples=True, batch_size=32):
        extract_all(doc, art, settings)
        cands = candidate_events(doc, doc._.wc_actors, doc._.wc_places or (), doc._.wc_dates or (),
                                 doc._.wc_quantities or (), settings)
        preds = [c.event.model_dump(mode="json", exclude={"evidence"}) for c in cands]
        gold = g.get("events") or []
        labels = _labels(sc, gold, preds)
        for i, c in enumerate(cands):
            examples.append(Example(g["id"], source, c.features, labels[i], c.flagged, preds[i]))
    return examples, n_gold


def _labels(sc, gold: list[dict], preds: list[dict]) -> list[str]:
    """Each candidate's gold type: matched as score.py matches (same type), else by its sentence alone."""
    out = ["NONE"] * len(preds)
    pairs = sc.match(gold, preds, sc.event_score)
    for gi, pi in pairs:
        out[pi] = gold[gi]["type"]
    used_g, used_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    rest_g = [gi for gi in range(len(gold)) if gi not in used_g]
    rest_p = [pi for pi in range(len(preds)) if pi not in used_p]

    def by_sentence(g: dict, p: dict) -> float:
        return sc.event_score(g, {**p, "type": g.get("type")})

    for gi, pi in sc.match([gold[i] for i in rest_g], [preds[i] for i in rest_p], by_sentence):
        out[rest_p[pi]] = gold[rest_g[gi]]["type"]  # the rules saw the event but typed it otherwise
    return out


def save(examples: list[Example], path: Path) -> None:
    """Cache the examples as JSON Lines (features and labels only; no third-party text)."""
    with path.open("w", encoding="utf-8") as fh:
        for e in examples:
            fh.write(json.dumps({"group": e.group, "source": e.source, "features": e.features, "label": e.label,
                                 "flagged": e.flagged, "type": e.event["type"]}) + "\n")
