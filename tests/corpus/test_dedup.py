"""Event clusters across articles, built from records made directly (independent of the extractors)."""
from __future__ import annotations

from corpus_builders import build, event, quote
from wirecoder.corpus import Corpus
from wirecoder.corpus.dedup import counts, period, same_event

# One drone strike told three ways by three outlets, plus a different strike elsewhere.
REPORTS = [
    ("r1", "Wire A", "2024-03-05", "A drone strike hit a militia convoy near Qaim on 4 March, killing three.",
     dict(mode="drone", actor="United States", target="Kataeb Hezbollah", date="2024-03-04",
          date_precision="day", location="Al-Qa'im", lat=34.37, lon=41.09, fatalities=3)),
    ("r2", "Wire B", "2024-03-06", "US forces carried out an air raid on Kataib Hezbollah fighters in western Anbar on Monday.",
     dict(mode="airstrike", actor="US", target="Kataeb Hezbollah", date="2024-03-04", date_precision="day",
          location="Anbar", lat=34.20, lon=41.30)),
    ("r3", "Wire C", "2024-03-20", "Earlier this month an American strike killed four members of the group near the Syrian border.",
     dict(mode="drone", actor="United States", target=None, date="2024-03-01", date_precision="month",
          location="Qaim", lat=34.38, lon=41.10, fatalities=4)),
    ("r4", "Wire A", "2024-03-12", "Rockets struck a base near Erbil on 11 March.",
     dict(mode="rocket", actor=None, target="United States", date="2024-03-11", date_precision="day",
          location="Erbil", lat=36.19, lon=44.01)),
]


def reports_corpus(tmp_path) -> Corpus:
    c = Corpus(tmp_path / "c.sqlite")
    for id, outlet, pub, text, kw in REPORTS:
        quotes = [quote(text, text[:-1], speaker_text="a security source", anonymous=True)] if id == "r4" else []
        c.add(build(id, text, outlet=outlet, published=pub, events=[event(text, text, **kw)], quotes=quotes))
    return c


def test_dedup_merges_three_reports_of_one_event(tmp_path):
    with reports_corpus(tmp_path) as c:
        clusters = c.clusters()
        assert len(clusters) == 2
        big = max(clusters, key=lambda x: x["reports"])
        assert big["reports"] == 3 and big["outlets"] == ["Wire A", "Wire B", "Wire C"]
        assert big["date"] == "2024-03-04" and big["date_precision"] == "day"
        assert big["actor"] == "United States" and big["target"] == "Kataeb Hezbollah"
        assert big["fatalities"] == 4
        assert {e["article_id"] for e in big["evidence"]} == {"r1", "r2", "r3"}
        assert all(e["sentence"] for e in big["evidence"])


def test_dedup_keeps_different_events_apart_and_counts_clusters(tmp_path):
    with reports_corpus(tmp_path) as c:
        assert len(c.events()) == 4
        assert c.counts("type") == [("ASSAULT", 2)]
        assert dict(c.counts("day")) == {"2024-03-04": 1, "2024-03-11": 1}


def test_dedup_flags_anonymous_only_clusters(tmp_path):
    with reports_corpus(tmp_path) as c:
        by_size = {x["reports"]: x for x in c.clusters()}
        assert by_size[1]["anonymous_only"] is True and by_size[1]["sourcing"] == "anonymous"
        assert by_size[3]["anonymous_only"] is False and by_size[3]["sourcing"] == "none"


def base(**kw) -> dict:
    row = dict(type="ASSAULT", article_id="x", idx=0, actor=None, target=None, date=None, date_precision=None,
               location=None, lat=None, lon=None)
    return {**row, **kw}


def test_dedup_same_event_needs_agreeing_evidence():
    a = base(article_id="a", date="2024-01-02", date_precision="day")
    assert not same_event(a, base(article_id="b", date="2024-01-02", date_precision="day"))  # type and date only
    assert same_event({**a, "location": "Tikrit"}, base(article_id="b", date="2024-01-03", location="tikrit"))
    assert not same_event({**a, "location": "Tikrit"}, base(article_id="b", date="2024-01-09", location="Tikrit"))
    assert not same_event({**a, "location": "Tikrit"}, base(article_id="a", idx=1, date="2024-01-02",
                                                            location="Tikrit"))
    far = base(article_id="b", date="2024-01-02", lat=30.5, lon=47.8, location="Basra")
    assert not same_event({**a, "lat": 34.6, "lon": 43.7, "location": "Tikrit"}, far)
    other_type = base(article_id="b", type="COERCE", date="2024-01-02", location="Tikrit")
    assert not same_event({**a, "location": "Tikrit"}, other_type)


def test_dedup_incompatible_actors_block_a_merge():
    a = base(article_id="a", date="2024-01-02", location="Tikrit", actor="Islamic State")
    assert not same_event(a, base(article_id="b", date="2024-01-02", location="Tikrit", actor="Turkish Army"))
    assert same_event(a, base(article_id="b", date="2024-01-02", location="Tikrit", actor="the Islamic State"))


def test_dedup_period_follows_precision():
    assert period("2024-02-01", "month") == (period("2024-02-01", "day")[0], period("2024-02-29", "day")[1])
    assert period(None, "day") is None
    lo, hi = period("2024-02-10", "day", slack=1)
    assert (hi - lo).days == 2


def test_dedup_skips_negated_and_future_reports(tmp_path):
    text = "The group threatened to strike the airport next week."
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add(build("f1", text, events=[event(text, text, future=True, location="Baghdad", date="2024-01-17")]))
        assert len(c.events()) == 1 and c.clusters() == []


def test_dedup_counts_refuse_unknown_keys():
    import pytest

    with pytest.raises(ValueError, match="cannot count by"):
        counts([], "colour")


def test_dedup_neighbouring_towns_same_day_need_actor_and_target():
    a = base(article_id="a", date="2025-03-04", date_precision="day", actor="Russia", target="residential block",
             location="Kramatorsk", lat=48.73, lon=37.57)
    other_town = base(article_id="b", date="2025-03-04", date_precision="day", actor="Russia",
                      target="three people", location="Kostiantynivka", lat=48.53, lon=37.71)
    assert not same_event(a, other_town)  # 25 km apart, one day, one attacker: still two strikes
    same_town = {**other_town, "location": "Kramatorsk", "lat": 48.74, "lon": 37.58}
    assert same_event(a, same_town)  # the same town the same day by the same attacker


def test_dedup_descriptions_never_veto_but_names_do():
    a = base(article_id="a", date="2025-01-12", date_precision="day", actor="Islamic Resistance in Iraq",
             location="Ain al-Asad Air Base", lat=33.79, lon=42.44)
    described = base(article_id="b", date="2025-01-12", date_precision="day", actor="Iran-backed militants",
                     location="al-Asad airbase", lat=33.79, lon=42.44)
    assert same_event(a, described)
    assert not same_event(a, {**described, "actor": "Islamic State"})


def test_dedup_open_range_is_no_day():
    a = base(article_id="a", date="2023-10-07", date_precision="month", target="US forces")
    b = base(article_id="b", date="2023-10-07", date_precision="month", target="Israel")
    assert not same_event(a, b)  # two tallies "since 7 October" share a start, not an event
    assert same_event({**a, "date_precision": "day", "location": "Erbil"},
                      {**b, "date_precision": "day", "target": "US forces", "location": "Erbil"})


def test_dedup_a_province_matches_a_point_inside_it_but_not_one_abroad():
    base_hit = base(article_id="a", date="2025-01-12", date_precision="day", location="Ain al-Asad Air Base",
                    location_kind="base", country="IQ", lat=33.79, lon=42.44)
    province = base(article_id="b", date="2025-01-12", date_precision="day", location="Anbar",
                    location_kind="admin1", country="IQ", lat=33.0, lon=42.0)
    assert same_event(base_hit, province)  # the base lies in Anbar: the same day there is one report
    abroad = {**province, "location": "Deir ez-Zor", "country": "SY", "lat": 35.3, "lon": 40.1}
    assert not same_event(base_hit, abroad)
    assert not same_event(base_hit, {**province, "date": "2025-01-20"})


def test_dedup_report_without_place_uses_its_articles_place(tmp_path):
    text_a = "A Russian missile struck a bus stop in Kramatorsk on 4 March."
    text_b = "Russian forces struck the city centre on 4 March. Kramatorsk was hit again later."
    kw = dict(date="2025-03-04", date_precision="day", mode="missile")
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add(build("a", text_a, outlet="A", published="2025-03-05",
                    events=[event(text_a, text_a, actor="Russia", location="Kramatorsk", lat=48.73, lon=37.57, **kw)]))
        s1, s2 = text_b.split(". ")
        c.add(build("b", text_b, outlet="B", published="2025-03-06",
                    events=[event(text_b, s1 + ".", actor="Russian forces", **kw),
                            event(text_b, s2, type="ACCUSE", location="Kramatorsk", lat=48.73, lon=37.57)]))
        assaults = [x for x in c.clusters() if x["type"] == "ASSAULT"]
        assert len(assaults) == 1 and assaults[0]["articles"] == 2
    elsewhere = base(article_id="b", date="2025-03-04", date_precision="day",
                     home={"location": "Odesa", "lat": 46.48, "lon": 30.72})
    assert not same_event(base(article_id="a", date="2025-03-04", date_precision="day", location="Kramatorsk",
                               lat=48.73, lon=37.57), elsewhere)


def test_dedup_an_umbrella_and_its_faction_are_no_clash_but_rivals_are():
    a = base(article_id="a", date="2025-01-12", date_precision="day", actor="Islamic Resistance in Iraq",
             location="Ain al-Asad Air Base", lat=33.79, lon=42.44)
    faction = {**a, "article_id": "b", "actor": "Kataib Hezbollah"}
    assert same_event(a, faction)  # US officials name the faction, the umbrella claims the strike
    assert not same_event(a, {**faction, "actor": "Islamic State"})
    assert not same_event(faction, {**faction, "article_id": "c", "actor": "Kurdistan Workers' Party"})


def test_dedup_skipping_groups_whose_dates_cannot_meet_changes_no_cluster():
    # the reference: complete linkage asking same_event of every member of every earlier group
    import random

    from wirecoder.corpus.dedup import cluster_events, factual, summarise

    rng = random.Random(7)
    reports = [dict(article_id=f"a{i}", idx=0, type=rng.choice(["ASSAULT", "PROTEST"]),
                    date=rng.choice([None, f"2024-03-{rng.randint(1, 20):02d}"]),
                    date_precision=rng.choice([None, "day", "day", "week", "month"]),
                    location=rng.choice(["Qaim", "Erbil", None]), lat=None, lon=None,
                    actor=rng.choice(["United States", "Kataeb Hezbollah", None]), target=None)
               for i in range(160)]
    reps = sorted(reports, key=lambda r: (r["type"], r.get("date") or "9999", r["article_id"], r["idx"]))
    groups: list[list[dict]] = []
    for r in reps:
        home = next((g for g in groups if g[0]["type"] == r["type"] and all(same_event(r, x) for x in g)), None)
        if home is None:
            groups.append(home := [])
        home.append({**r, "home": None})
    assert all(factual(r) for r in reports)
    assert cluster_events(reports) == [summarise(g) for g in groups]
