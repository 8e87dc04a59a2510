"""Actor profiles across articles."""
from __future__ import annotations

from corpus_builders import actor, build, event, quote
from wirecoder.corpus import Corpus


def test_profiles_merge_one_actor_across_articles(tmp_path):
    t1 = "Kataeb Hezbollah said it fired the rockets. Its spokesman vowed more."
    t2 = "Drones hit a Kataeb Hezbollah depot, officials said."
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add(build("p1", t1, published="2024-01-02", outlet="A",
                    actors=[actor("Kataeb Hezbollah", aliases=("KH",), kind="group", affiliation="PMF")],
                    quotes=[quote(t1, "it fired the rockets", speaker="Kataeb Hezbollah")],
                    events=[event(t1, t1.split(". ")[0] + ".", actor="Kataeb Hezbollah")]))
        c.add(build("p2", t2, published="2024-02-09", outlet="B",
                    actors=[actor("Kataeb Hezbollah", aliases=("Kataib Hizballah",), kind="group", role="militia")],
                    events=[event(t2, t2, target="Kataeb Hezbollah", mode="drone")]))
        (p,) = c.actors(actor="KH")
        assert p["aliases"] == ["KH", "Kataib Hizballah"]
        assert p["articles"] == 2 and p["outlets"] == ["A", "B"]
        assert p["quotes"] == 1 and p["events_as_actor"] == 1 and p["events_as_target"] == 1
        assert (p["first_seen"], p["last_seen"]) == ("2024-01-02", "2024-02-09")
        assert p["affiliations"] == ["PMF"] and p["roles"][0]["role"] == "militia"
