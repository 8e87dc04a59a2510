"""Choosing each name's entry: a prior by kind and population, plus the countries and states the
rest of the article names, plus hints in the text ('Hasakah city', 'Springfield, Ill.'); curated
regions, countries and states beat small namesake towns the text does not qualify."""
from __future__ import annotations

import math
from collections import Counter

from spacy.tokens import Doc

from wirecoder.extract.places.candidates import _Cand
from wirecoder.extract.places.gazetteer import Entry, key
from wirecoder.extract.places.kinds import COUNTRY_SIZE_WEIGHT, _entry_prior, _famous, _far, km
from wirecoder.extract.places.lexicon import BROAD_KINDS
from wirecoder.extract.places.scan import _text
from wirecoder.settings import Settings


def _mine(own: tuple | None, country: str | None, admin1: str | None = None) -> int:
    """Votes a name gave its own first reading, in country (and admin1 if given): they do not count
    for it, however often it is repeated ('Alexandria' four times must not outvote Washington)."""
    if not own or own[0] != country or admin1 is not None and own[1] != admin1:
        return 0
    return own[2]


def _score(c: _Cand, e: Entry, main: bool, countries: Counter, admin1s: Counter, settings: Settings,
           own: tuple | None = None) -> float:
    s = _entry_prior(e)
    if not main:
        s -= settings.place_alternate_name_penalty
    if e.country and e.kind != "country":
        votes = countries[e.country] - _mine(own, e.country)
        if votes > 0:
            weight = 1.0 if e.kind in ("city", "town", "base", "county", "admin2") else 0.35
            s += settings.place_context_country_bonus * weight * (1.0 + 0.25 * min(votes - 1, 4))
    if e.country and e.admin1 and e.kind not in ("country",):
        votes = admin1s[(e.country, e.admin1)] - _mine(own, e.country, e.admin1)
        s += settings.place_context_admin1_bonus * max(0, min(votes, 2))
    if e.geonameid is not None and e.geonameid in c.close:
        s += settings.place_neighbour_bonus
    if c.hint and (e.kind == c.hint or c.hint == "city" and e.kind in ("town",)):
        s += settings.place_kind_hint_bonus
    if c.country and e.country == c.country:
        s += settings.place_kind_hint_bonus
    if e.kind == "country" and e.country:  # 'Congo' among Goma and Kinshasa is the DRC
        votes = countries[e.country] - _mine(own, e.country)
        if votes > 0:
            s += settings.place_context_country_bonus * 0.35 * (1.0 + 0.25 * min(votes - 1, 4))
        s += COUNTRY_SIZE_WEIGHT * math.log10(e.population + 1)
    return s


def _local(e: Entry, local: Counter, admin1s: Counter, settings: Settings, own=None) -> bool:
    """The article is local to e's state or country: other places in its state, or enough
    sub-national places (not the country or its capital) in its country."""
    if e.country is None:
        return False
    same_state = admin1s[(e.country, e.admin1)] - _mine(own, e.country, e.admin1) if e.admin1 else 0
    votes = local[e.country] - _mine(own, e.country)
    return same_state > 0 or votes >= settings.place_local_min_votes


def _broad_rival(c: _Cand, best: tuple, scored: list, settings: Settings) -> tuple | None:
    """A curated region, continent or first-level division of the same name that beats a small town
    far from it: context may count for the town ('Middle East' among Maryland places), but only the
    text qualifies a name down to a town ('Florida, Colombia', 'the town of Florida')."""
    e, main = best[1], best[2]
    if e.kind != "city" or _famous(e, main, settings) or c.hint == "city" or c.country:
        return None
    # a country's namesake is a town only with its state named close by ('Lebanon and Hershey in
    # Pennsylvania'): US towns named after countries are common, towns named after regions are not
    qualified = (e.country, e.admin1) in c.near
    rivals = [x for x in scored if x[2] and _far(x[1], e, settings)
              and (x[1].kind in BROAD_KINDS or x[1].kind == "country" and not qualified)]
    return max(rivals, key=lambda x: x[0]) if rivals else None


def _state_over_country(best: tuple, scored: list, countries: Counter, settings: Settings, own) -> tuple | None:
    """'Georgia' in an article about American places is the state: a country no other name points to
    yields to a first-level division of the country the article is about."""
    e = best[1]
    if e.kind != "country" or countries[e.country] - _mine(own, e.country) > 0:
        return None
    rivals = [x for x in scored if x[1].kind == "admin1" and x[2] and x[1].country
              and countries[x[1].country] >= settings.place_local_min_votes]
    return max(rivals, key=lambda x: x[0]) if rivals else None


def _best(c: _Cand, countries: Counter, admin1s: Counter, settings: Settings, own=None,
          local: Counter | None = None) -> tuple[Entry, float, float]:
    scored = sorted(((_score(c, e, m, countries, admin1s, settings, own), e, m) for e, m in c.hits),
                    key=lambda x: -x[0])
    best, second = scored[0], (scored[1][0] if len(scored) > 1 else -math.inf)
    best = _broad_rival(c, best, scored, settings) or best
    if local is not None:
        best = _state_over_country(best, scored, countries, settings, own) or best
    if local is not None:
        best = _demote_small(c, best, scored, (countries, admin1s, local), settings, own)
    return best[1], best[0], second


def _hamlet(c: _Cand, e: Entry, settings: Settings) -> bool:
    return e.population < settings.place_hamlet_population and (e.country, e.admin1) not in c.near


def _home(e: Entry, countries: Counter, local: Counter, settings: Settings, own) -> bool:
    """The article is about e's country: enough places below the country level there, and more
    votes for it than for every other country together (the name's own first reading aside)."""
    def votes(cc):
        return countries[cc] - _mine(own, cc)
    others = sum(votes(cc) for cc in countries if cc != e.country)
    return local[e.country] - _mine(own, e.country) >= settings.place_local_min_votes \
        and votes(e.country) > others


def _demote_small(c: _Cand, best: tuple, scored: list, counts: tuple, settings: Settings, own) -> tuple:
    """Context alone must not turn 'Jordan' or 'Rotterdam' into a small namesake town: a small town
    needs local context, and a hamlet its state named close by; else a famous namesake wins ('based
    in London' beside Los Angeles). In an article about the hamlet's country, a town of that
    country that is no hamlet comes first ('Athens' beside Meigs County is not Athens, Greece)."""
    e, (countries, admin1s, local) = best[1], counts
    small = e.kind == "city" and e.population < settings.place_small_town_population
    if not small or _famous(e, best[2], settings) or c.hint or c.country:
        return best
    hamlet = _hamlet(c, e, settings)
    if not hamlet and _local(e, local, admin1s, settings, own):
        return best
    home = hamlet and _home(e, countries, local, settings, own)
    towns = [x for x in scored if home and x[2] and x[1].kind == "city" and x[1].country == e.country
             and not _hamlet(c, x[1], settings)]
    if towns:
        return max(towns, key=lambda x: x[0])
    rivals = [x for x in scored if _famous(x[1], x[2], settings)]
    return max(rivals, key=lambda x: _entry_prior(x[1])) if rivals else best


def _qualifier_hints(doc: Doc, cands: list[_Cand], settings: Settings) -> None:
    """'Springfield, Ill.', 'Spokane, Washington' and 'Tripoli, Lebanon': the qualifier picks the
    state or country of the name before it, and is itself that state or country."""
    by_start = {c.start: c for c in cands}
    for c in cands:
        q = by_start.get(c.end + 1)
        if q is None or doc[c.end].text != ",":
            continue
        after = q.end + 1 if q.end < len(doc) and doc[q.end].lower_ in (",", "and", "or") else None
        if after is not None and after in by_start:
            continue  # 'Moscow, Washington and Brussels' is a list, not a town and its state
        pairs = [(qe, qm, ce, cm) for qe, qm in q.hits if qe.kind in ("admin1", "country") and qe.country
                 for ce, cm in c.hits if ce.kind not in ("country", "continent") and ce.country == qe.country
                 and (qe.kind == "country" or ce.admin1 == qe.admin1)]
        if not pairs:
            continue
        top = max(pairs, key=lambda x: (x[0].kind == "country", _entry_prior(x[2])))[0]
        if not any(e.kind == "city" and m and e.population >= settings.place_min_population_famous
                   and (e.country, e.admin1) == (top.country, top.admin1) for e, m in q.hits):
            q.hits = [(e, m) for e, m in q.hits if e == top]  # ... but 'Rego Park, New York' may be the city
        if top.kind == "admin1":
            c.hits = [(e, m) for e, m in c.hits if (e.country, e.admin1) == (top.country, top.admin1)]
        else:
            c.hits = [(e, m) for e, m in c.hits if e.country == top.country]


def _states_near(doc: Doc, cands: list[_Cand], first: list[Entry], settings: Settings) -> None:
    """Give each candidate the first-level divisions named within place_state_window tokens of it in
    its sentence: 'Lebanon and Hershey in Pennsylvania' places Lebanon in Pennsylvania."""
    states = [(c, e) for c, e in zip(cands, first) if e.kind == "admin1" and e.country and e.admin1]
    for c in cands:
        sent = doc[c.start].sent
        c.near = frozenset((e.country, e.admin1) for s, e in states if s is not c and s.start >= sent.start
                           and s.end <= sent.end and min(abs(s.start - c.end), abs(c.start - s.end))
                           <= settings.place_state_window)


def _towns(c: _Cand) -> list[Entry]:
    return [e for e, main in c.hits if main and e.kind == "city" and e.lat is not None and e.geonameid is not None]


def _neighbours(doc: Doc, cands: list[_Cand], settings: Settings) -> None:
    """Mark each candidate's towns that lie within place_neighbour_km of a town that another name
    of the article may be: local news names places near one another ('Columbus' and 'Norfolk' are
    both Nebraska's, far from Ohio's and Virginia's). Points are bucketed by degree, so only towns
    in neighbouring cells are compared."""
    names: dict[str, list[Entry]] = {}
    for c in cands:
        names.setdefault(key(_text(doc, c.start, c.end)), []).extend(_towns(c))
    grid: dict[tuple[int, int], list[tuple[str, Entry]]] = {}
    for name, towns in names.items():
        for e in {t.geonameid: t for t in towns}.values():
            grid.setdefault((math.floor(e.lat), math.floor(e.lon)), []).append((name, e))
    for c in cands:
        name, close = key(_text(doc, c.start, c.end)), set()
        for e in _towns(c):
            cy, cx = math.floor(e.lat), math.floor(e.lon)
            if any(n != name and km(e.lat, e.lon, o.lat, o.lon) <= settings.place_neighbour_km
                   for dy in (-1, 0, 1) for dx in (-1, 0, 1) for n, o in grid.get((cy + dy, cx + dx), ())):
                close.add(e.geonameid)
        c.close = frozenset(close)
