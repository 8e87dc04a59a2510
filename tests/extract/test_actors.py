"""Actor resolution within an article: registry, acronyms, surnames, titles, appositions."""
from __future__ import annotations


def actor(res, name):
    hits = [a for a in res.actors if a.name == name]
    assert hits, f"{name!r} not in {[a.name for a in res.actors]}"
    return hits[0]


def test_actors_acronym_defined_in_parentheses(analyze):
    res = analyze("The Harbor Defence League (HDL) claimed the attack. Later HDL denied any role.")
    a = actor(res, "Harbor Defence League")
    assert "HDL" in a.aliases
    assert len(a.mentions) >= 2


def test_actors_surname_back_reference(analyze):
    res = analyze("Foreign Minister Nadia Qureshi arrived in Geneva. Qureshi met the envoy on Monday.")
    a = actor(res, "Nadia Qureshi")
    assert a.kind == "person"
    assert "Qureshi" in a.aliases
    assert len(a.mentions) == 2


def test_actors_preceding_title_is_role(analyze):
    res = analyze("Government spokesman Fawzi Haddad denied the report.")
    assert actor(res, "Fawzi Haddad").role.lower() == "government spokesman"


def test_actors_apposition_gives_role_and_affiliation(analyze):
    res = analyze("Malik Serwan, a commander of the Northern Shield Brigades, said the town had fallen.")
    a = actor(res, "Malik Serwan")
    assert a.role and "commander" in a.role
    assert a.affiliation and "Northern Shield Brigades" in a.affiliation


def test_actors_registry_canonicalises_transliterations(analyze):
    a = analyze("Kata'ib Hizballah fighters were seen near the road.")
    b = analyze("Kataeb Hezbollah fighters were seen near the road.")
    keys_a = {x.registry_name for x in a.actors}
    keys_b = {x.registry_name for x in b.actors}
    assert "Kataeb Hezbollah" in keys_a and "Kataeb Hezbollah" in keys_b
    # the article's own form is the display name; the registry name is the key across articles
    assert "Kata'ib Hizballah" in {x.name for x in a.actors}


def test_actors_registry_membership_is_affiliation(analyze):
    res = analyze("Kataeb Hezbollah said it would continue its operations.")
    assert actor(res, "Kataeb Hezbollah").affiliation == "Popular Mobilization Units"


def test_actors_militia_tagged_person_becomes_organization(analyze):
    res = analyze("The Saraya Northern Brigades and Jaysh al-Qadim Brigades issued a joint statement.")
    kinds = {a.name: a.kind for a in res.actors}
    assert all(k == "organization" for n, k in kinds.items() if "Brigades" in n)


def test_actors_title_words_swept_into_a_name_are_dropped(analyze):
    res = analyze("US Secretary of Defense Lloyd Austin spoke with the premier.")
    a = actor(res, "Lloyd Austin")
    assert a.kind == "person"
    assert all(x.name != "State" and x.name != "Defense" for x in res.actors)


def test_actors_outlet_is_not_a_place_actor(analyze):
    res = analyze("A source told The Northern Ledger that the bridge was closed.", outlet="The Northern Ledger")
    kinds = {a.name: a.kind for a in res.actors}
    assert kinds.get("Northern Ledger", "organization") == "organization"


def test_actors_title_back_reference(analyze):
    res = analyze("Prime Minister Ayla Demir condemned the bombing. Hours later the premier met the army chief. "
                  "The prime minister said that the border would stay closed.")
    a = actor(res, "Ayla Demir")
    assert {m.text.lower() for m in a.mentions} >= {"the premier", "the prime minister"}
    q = [q for q in res.quotes if "border would stay closed" in q.text][0]
    assert q.speaker == "Ayla Demir"


def test_actors_long_form_defined_by_acronym_the_model_missed(analyze):
    res = analyze("The US Africa Command (AFRICOM) said it struck a camp. AFRICOM said no civilians were hurt.")
    a = actor(res, "US Africa Command")
    assert "AFRICOM" in a.aliases
    # a quote speaker names the body both ways, and resolves back to the actor
    assert all(q.speaker == "US Africa Command (AFRICOM)" for q in res.quotes)


def test_actors_definite_head_word_refers_to_earlier_organisation(analyze):
    res = analyze("The Lakeland Relief Council said it opened two camps near the border. "
                  "The council said that more tents were needed.")
    a = actor(res, "Lakeland Relief Council")
    assert any(m.text == "The council" for m in a.mentions)
    q = [q for q in res.quotes if "more tents" in q.text][0]
    assert q.speaker == "Lakeland Relief Council"


def test_actors_head_word_and_the_group_refer_back(analyze):
    text = ("Police clashed with gunmen from the Harbour Brigade at the edge of the camp. "
            "One member of the Brigade was killed, according to the group.")
    res = analyze(text)
    a = actor(res, "Harbour Brigade")
    assert {"Brigade", "the group"} <= {m.text for m in a.mentions}
    assert res.quotes[0].speaker == "Harbour Brigade"
