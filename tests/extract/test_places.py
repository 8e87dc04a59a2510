"""Places: toponyms found and resolved offline by article context."""
from __future__ import annotations

import pytest

from wirecoder.extract.places import country_of_demonym, extract_places, unique_places
from wirecoder.records import Article


@pytest.fixture(scope="module")
def places(nlp):
    """Places of a text parsed with the real pipeline (outlet optional)."""

    def run(text: str, outlet: str | None = None):
        doc = nlp(text)
        doc._.wc_article = Article(id="t", text=text, outlet=outlet)
        return extract_places(doc)

    return run


def _by_name(found, name):
    hits = [p for p in found if p.name == name]
    assert hits, f"{name!r} not among {[p.name for p in found]}"
    return hits[0]


def test_places_washington_is_the_capital_in_world_news(places):
    found = places("Officials in Washington warned Iran and Iraq that the United States would respond.")
    w = _by_name(found, "Washington")
    assert (w.country, w.admin1, w.kind) == ("US", "DC", "city")


def test_places_washington_is_the_state_in_local_context(places):
    found = places("Wildfires spread across Washington after dry weeks in Spokane and Yakima, "
                   "and crews from Seattle were sent east.")
    w = _by_name(found, "Washington")
    assert (w.country, w.kind, w.admin1) == ("US", "admin1", "WA")


def test_places_georgia_is_the_country_beside_tbilisi(places):
    found = places("Protesters in Tbilisi said Georgia must not drift back toward Russia.")
    assert _by_name(found, "Georgia").country == "GE"


def test_places_georgia_is_the_us_state_beside_atlanta(places):
    found = places("The storm moved from Atlanta to Savannah and Macon before leaving Georgia.")
    g = _by_name(found, "Georgia")
    assert (g.country, g.admin1) == ("US", "GA")


def test_places_tripoli_follows_the_country_named(places):
    lebanon = places("Clashes in Tripoli spread while Lebanon's army deployed in Beirut.")
    libya = places("Militias fought in Tripoli as Libya's rival governments traded blame.")
    assert _by_name(lebanon, "Tripoli").country == "LB"
    assert _by_name(libya, "Tripoli").country == "LY"


def test_places_hasakah_city_and_province(places):
    city = _by_name(places("A drone struck a base in Syria's Hasakah city on Monday."), "Hasakah")
    province = _by_name(places("Kurdish forces patrolled Hasakah province on Monday."), "Hasakah")
    assert city.country == province.country == "SY"
    assert city.kind == "city"
    assert province.kind == "admin1"


def test_places_possessive_is_not_part_of_the_name(places):
    found = places("Iraq's prime minister met officials from Syria's government.")
    names = {p.name for p in found}
    assert {"Iraq", "Syria"} <= names
    assert not any("'s" in n or "’s" in n for n in names)


def test_places_base_from_the_curated_gazetteer(places):
    base = _by_name(places("Rockets hit Ain al-Asad on Tuesday, the coalition said."), "Ain al-Asad")
    assert base.country == "IQ"
    assert base.kind == "base"
    assert base.source == "wirecoder-gazetteer"
    assert base.lat == pytest.approx(33.79, abs=0.2)


def test_places_arabic_place_found_through_the_gazetteer(places, nlp):
    text = "US aircraft bombed positions near Jurf al-Nasr and Sinjar overnight."
    found = places(text)
    jurf = _by_name(found, "Jurf al-Nasr")
    assert jurf.country == "IQ"
    assert _by_name(found, "Sinjar").country == "IQ"
    # the small model does not call both of them places: the gazetteer scan is what finds them
    labels = {e.text: e.label_ for e in nlp(text).ents}
    assert labels.get("Jurf al-Nasr") != "GPE" or labels.get("Sinjar") != "GPE"


def test_places_names_inside_organisations_are_not_places(places):
    found = places("Fighters of the Imam Ali Brigades spoke to the Center for Political Thinking in Baghdad.")
    assert [p.name for p in found] == ["Baghdad"]


def test_places_person_names_are_not_places(places):
    found = places("Defense Secretary Lloyd Austin spoke with Ali Hussein on Monday. Austin said talks went well.")
    assert found == ()


def test_places_outlet_name_is_not_a_place(places):
    text = "Middle East Eye reported that a convoy reached Gaza on Sunday."
    names = [p.name for p in places(text, outlet="Middle East Eye")]
    assert names == ["Gaza"]


def test_places_demonyms_are_not_places_by_default(places):
    found = places("Iraqi and American officials met in Baghdad.")
    assert [p.name for p in found] == ["Baghdad"]


def test_places_country_of_demonym():
    assert country_of_demonym("Iraqi") == "IQ"
    assert country_of_demonym("Syrians") == "SY"
    assert country_of_demonym("American") == "US"
    assert country_of_demonym("Israeli") == "IL"
    assert country_of_demonym("Palestinian") == "PS"
    assert country_of_demonym("Baghdad") is None


def test_places_country_short_forms(places):
    found = places("The U.S. and the UK urged America's allies to act.")
    assert {p.country for p in found} == {"US", "GB"}


def test_places_unique_places_keeps_first_mention_per_referent(places):
    found = places("The US warned Iraq. America later said Iraq must act, and the US agreed.")
    uniq = unique_places(found)
    assert [p.name for p in uniq] == ["US", "Iraq"]
    assert [p.name for p in unique_places(found, by="name")] == ["US", "Iraq", "America"]
