"""Builders for corpus tests: Analysis records made directly (no NLP) and short generated articles."""
from __future__ import annotations

from datetime import date

from wirecoder.records import Actor, Analysis, Article, DateRef, Event, Place, Quantity, Quote, Span

PLACES = [("Ramadi", 33.42, 43.30), ("Tikrit", 34.60, 43.68), ("Kirkuk", 35.47, 44.39), ("Erbil", 36.19, 44.01),
          ("Basra", 30.51, 47.78), ("Mosul", 36.34, 43.13), ("Najaf", 32.03, 44.35), ("Samarra", 34.20, 43.87)]
GROUPS = ["the Harakat al-Nujaba", "Kataeb Hezbollah", "the Badr Organization", "Asaib Ahl al-Haq"]
VERBS = ["struck", "attacked", "shelled", "hit"]


def build(id: str, text: str, *, published: str | None = "2024-01-10", outlet: str | None = "Wire",
          events=(), quotes=(), quantities=(), dates=(), actors=(), places=()) -> Analysis:
    """An Analysis with the given records; sentences split on '. ' for claims."""
    art = Article(id=id, text=text, outlet=outlet, published=date.fromisoformat(published) if published else None,
                  source=f"test:{id}")
    sents, start = [], 0
    for part in text.split(". "):
        end = min(len(text), start + len(part) + 1)
        sents.append(Span(start=start, end=end, text=text[start:end]))
        start = end + 1
    return Analysis(article=art, events=tuple(events), quotes=tuple(quotes), quantities=tuple(quantities),
                    dates=tuple(dates), actors=tuple(actors), places=tuple(places), sentences=tuple(sents))


def event(text: str, sentence: str, **kw) -> Event:
    """An Event whose evidence is `sentence` found in `text`."""
    start = text.index(sentence)
    return Event(sentence=sentence, start=start, end=start + len(sentence), **{"type": "ASSAULT", **kw})


def quote(text: str, words: str, **kw) -> Quote:
    """A Quote over `words` in `text`."""
    start = text.index(words)
    return Quote(text=words, start=start, end=start + len(words), **{"kind": "indirect", **kw})


def quantity(text: str, words: str, value: float, unit: str, **kw) -> Quantity:
    """A Quantity over `words` in `text`."""
    start = text.index(words)
    return Quantity(value=value, unit=unit, text=words, start=start, end=start + len(words), **kw)


def dateref(text: str, words: str, value: str, **kw) -> DateRef:
    """A DateRef over `words` in `text`."""
    start = text.index(words)
    return DateRef(text=words, start=start, end=start + len(words), value=date.fromisoformat(value), **kw)


def actor(name: str, **kw) -> Actor:
    """An Actor."""
    return Actor(name=name, **kw)


def place(text: str, name: str, lat: float, lon: float, **kw) -> Place:
    """A Place over its name in `text`."""
    start = text.index(name)
    return Place(name=name, text=name, start=start, end=start + len(name), lat=lat, lon=lon, **kw)


def short_articles(n: int) -> list[dict]:
    """n short, distinct articles (two or three sentences) as JSON Lines records."""
    out = []
    for i in range(n):
        town, _, _ = PLACES[i % len(PLACES)]
        group = GROUPS[i % len(GROUPS)]
        day = 1 + i % 27
        out.append({
            "id": f"gen-{i:04d}", "outlet": f"Outlet {i % 5}", "published": f"2024-02-{day + 1:02d}",
            "text": (f"Rockets {VERBS[i % 4]} a checkpoint near {town} on {day} February, killing {i % 7 + 1} "
                     f"soldiers, police said. {group[0].upper() + group[1:]} denied any role in attack number {i}."),
        })
    return out
