"""Claims: reported tallies with reporter, anonymity, period, evolution and disagreements."""
from __future__ import annotations

from corpus_builders import build, dateref, quantity, quote
from wirecoder.corpus import Corpus
from wirecoder.corpus.claims import claims_of

T1 = "Officials counted at least 60 attacks since mid-October, defence sources said. Talks went on."
T2 = "There have been about 75 attacks since mid-October, General Ray Holt told reporters."
T3 = "Local monitors put the figure at 90 attacks since mid-October."


def first_report():
    return build("c1", T1, outlet="Paper A", published="2023-11-20",
                 quantities=[quantity(T1, "at least 60 attacks", 60, "attacks", qualifier="at least")],
                 dates=[dateref(T1, "since mid-October", "2023-10-15", precision="month", open_end=True)],
                 quotes=[quote(T1, T1.split(". ")[0], speaker_text="defence sources", anonymous=True)])


def test_claims_of_links_reporter_period_and_anonymity():
    (c,) = claims_of(first_report())
    assert (c["value"], c["unit"], c["qualifier"]) == (60, "attacks", "at least")
    assert c["reporter"] == "defence sources" and c["sourcing"] == "anonymous"
    assert (c["period_text"], c["period_start"], c["period_end"]) == ("since mid-October", "2023-10-15", "2023-11-20")
    assert c["sentence"].startswith("Officials counted")


def test_claims_without_a_quote_are_the_outlets_own():
    res = build("c3", T3, outlet="Monitor Daily", published="2023-12-01",
                quantities=[quantity(T3, "90 attacks", 90, "attacks")])
    (c,) = claims_of(res)
    assert c["reporter"] == "Monitor Daily" and c["sourcing"] == "outlet" and c["period_text"] is None


def test_claims_show_evolution_and_disagreement(tmp_path):
    second = build("c2", T2, outlet="Paper B", published="2023-11-21",
                   quantities=[quantity(T2, "about 75 attacks", 75, "attacks", qualifier="about")],
                   dates=[dateref(T2, "since mid-October", "2023-10-15", precision="month", open_end=True)],
                   quotes=[quote(T2, T2.split(",")[0], speaker="Ray Holt")])
    third = build("c3", T3, outlet="Monitor Daily", published="2024-01-10",
                  quantities=[quantity(T3, "90 attacks", 90, "attacks")],
                  dates=[dateref(T3, "since mid-October", "2023-10-15", precision="month", open_end=True)])
    with Corpus(tmp_path / "c.sqlite") as corpus:
        for res in (third, first_report(), second):
            corpus.add(res)
        rows = corpus.claims(about="attack")
        assert [r["value"] for r in rows] == [60, 75, 90]
        assert [r["previous"] for r in rows] == [None, 60, 75]
        assert rows[0]["anonymous_only"] is True and rows[1]["anonymous_only"] is False
        assert rows[1]["disagrees"] and "defence sources: 60" in rows[1]["disagrees_with"]
        assert rows[2]["disagrees"] is False  # a later count of an open period is an update, not a dispute
        assert corpus.claims(about="soldiers") == []


def test_claims_actor_filter_matches_whole_names_only(tmp_path):
    t_kh = "KH fighters fired 12 rockets at the base, the monitor said."
    t_kharkiv = "Kharkiv was hit by 12 rockets overnight."
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.add(build("k1", t_kh, outlet="Paper A", published="2024-02-01",
                         quantities=[quantity(t_kh, "12 rockets", 12, "rockets")]))
        corpus.add(build("k2", t_kharkiv, outlet="Paper B", published="2024-02-02",
                         quantities=[quantity(t_kharkiv, "12 rockets", 12, "rockets")]))
        rows = corpus.claims(actor="KH")
        assert [r["article_id"] for r in rows] == ["k1"]  # "KH" is not a word of "Kharkiv"
        assert len(corpus.claims(about="rockets")) == 2
