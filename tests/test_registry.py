"""The curated actor registry: data/actors.yaml is well formed, unambiguous, and steers the pipeline."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest
import yaml

from wirecoder.errors import RegistryError
from wirecoder.registry import KINDS, load_registry, norm
from wirecoder.settings import Settings, data_path

# All-caps aliases of up to six characters match exact case; these are still English words or
# everyday abbreviations in running text and headlines, so none may be an alias.
WORD_ACRONYMS = {"IT", "IS", "AS", "AT", "AN", "ON", "OR", "IN", "NO", "SO", "TO", "WE", "AM", "BE",
                 "DO", "GO", "HE", "ME", "MY", "OF", "OK", "UP", "AA", "PA", "PDF", "MIT", "CAR", "AID",
                 "ARM", "ALL", "AND", "THE", "NEW", "MEMO", "JAS", "AES", "PLC"}


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    """The shipped YAML as plain data, before the loader's defaults."""
    return yaml.safe_load(data_path("actors.yaml").read_text(encoding="utf-8"))


def _label_of(nlp, text: str, mention: str):
    doc = nlp(text)
    for ent in doc.ents:
        if ent.text == mention:
            return ent.label_, ent.ent_id_
    return None, None


def test_registry_loads_hundreds_of_entries(raw):
    reg = load_registry()
    assert isinstance(raw, list)
    assert len(reg) == len(raw) >= 300


def test_registry_names_are_unique(raw):
    counts: dict[str, int] = defaultdict(int)
    for item in raw:
        counts[item["name"]] += 1
    assert [n for n, c in counts.items() if c > 1] == []


def test_registry_member_of_names_an_entry(raw):
    names = {item["name"] for item in raw}
    dangling = [(i["name"], i["member_of"]) for i in raw if i.get("member_of") and i["member_of"] not in names]
    assert dangling == []


def test_registry_alias_belongs_to_one_entry(raw):
    owners: dict[str, set[str]] = defaultdict(set)
    for item in raw:
        for alias in (item["name"], *(item.get("aliases") or ())):
            owners[norm(str(alias))].add(item["name"])
    shared = {alias: sorted(names) for alias, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_registry_fields_are_valid(raw):
    allowed = {"name", "aliases", "kind", "country", "sector", "member_of", "wikidata", "role"}
    for item in raw:
        assert set(item) <= allowed, item["name"]
        assert item.get("kind", "organization") in KINDS, item["name"]
        assert isinstance(item.get("aliases") or [], list), item["name"]
        if "country" in item:
            assert isinstance(item["country"], str) and re.fullmatch(r"[A-Z]{2}", item["country"]), item["name"]
        if "wikidata" in item:
            assert re.fullmatch(r"Q\d+", str(item["wikidata"])), item["name"]
        if "role" in item:
            assert item.get("kind") == "person", item["name"]


def test_registry_states_have_country_codes(raw):
    states = [i for i in raw if i.get("kind") == "state"]
    assert len(states) >= 193
    assert all(i.get("country") for i in states)
    assert len({i["country"] for i in states}) == len(states)


def test_registry_no_acronym_is_an_english_word(raw):
    aliases = {str(a) for i in raw for a in (i["name"], *(i.get("aliases") or ()))}
    assert aliases & WORD_ACRONYMS == set()


def test_registry_us_and_uk_canonical_names():
    reg = load_registry()
    for text in ("United States", "U.S.", "USA", "America", "the US"):
        assert reg.lookup(text).name == "US"
    for text in ("United Kingdom", "Britain", "U.K."):
        assert reg.lookup(text).name == "UK"


def test_registry_transliterations_share_a_canonical_name(nlp):
    _, first = _label_of(nlp, "Kata'ib Hizballah claimed the drone strike on Monday.", "Kata'ib Hizballah")
    _, second = _label_of(nlp, "Kataeb Hezbollah claimed the drone strike on Monday.", "Kataeb Hezbollah")
    _, curly = _label_of(nlp, "Kata’ib Hezbollah claimed the drone strike on Monday.", "Kata’ib Hezbollah")
    assert first == second == curly == "Kataeb Hezbollah"


def test_registry_longer_alias_wins_over_houthis(nlp):
    label, ent_id = _label_of(nlp, "A statement by Ansar Allah al-Awfiya denied any role.", "Ansar Allah al-Awfiya")
    assert (label, ent_id) == ("ORG", "Ansar Allah al-Awfiya")
    _, houthis = _label_of(nlp, "A statement by Ansar Allah denied any role.", "Ansar Allah")
    assert houthis == "Houthis"


def test_registry_lebanese_hezbollah_is_not_an_iraqi_faction(nlp):
    doc = nlp("Hezbollah and Kataeb Hezbollah both issued statements.")
    ids = {ent.text: ent.ent_id_ for ent in doc.ents}
    assert ids.get("Hezbollah") == "Hezbollah"
    assert ids.get("Kataeb Hezbollah") == "Kataeb Hezbollah"


def test_registry_militia_tagged_person_becomes_org(nlp):
    # the small model calls this faction a PERSON, and no org head word saves it
    label, ent_id = _label_of(nlp, "A statement from Asaib Ahl al-Haq denied the claim.", "Asaib Ahl al-Haq")
    assert (label, ent_id) == ("ORG", "Asaib Ahl al-Haq")


def test_registry_location_entries_are_not_actors(analyze):
    result = analyze("Aid convoys reached Gaza on Monday, the Red Cross said.")
    names = {a.registry_name or a.name for a in result.actors}
    assert "International Committee of the Red Cross" in names
    assert "Gaza" not in names and "Gaza Strip" not in names


def test_registry_extra_file_adds_an_actor(tmp_path, analyze):
    extra = tmp_path / "mine.yaml"
    extra.write_text("- name: Zorvani Defence Brigade\n  aliases: [ZDB]\n  kind: organization\n"
                     "  sector: militia\n  country: IQ\n", encoding="utf-8")
    reg = load_registry((str(extra),))
    assert reg.lookup("ZDB").name == "Zorvani Defence Brigade"
    assert reg.lookup("Kataeb Hezbollah") is not None  # the shipped entries stay
    result = analyze("Fighters of the ZDB clashed with police near the river.",
                     settings=Settings(extra_registries=(extra,)))
    actor = next(a for a in result.actors if a.registry_name == "Zorvani Defence Brigade")
    assert actor.registry and actor.sector == "militia"


def test_registry_bad_kind_is_reported(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: Somebody\n  kind: alien\n", encoding="utf-8")
    with pytest.raises(RegistryError):
        load_registry((str(bad),))
