"""PLOVER event coding by the rules, on short sentences written for these tests.

These tests pin the rule layer (triggers, arguments, flags, merging) with the learned judge and argument ranker off;
`test_events_judge.py` tests what the judge adds."""
from __future__ import annotations

import dataclasses

import pytest

from wirecoder.errors import LexiconError
from wirecoder.extract.events.lexicon import load_lexicon
from wirecoder.settings import Settings


@pytest.fixture(scope="module")
def events(analyze):
    """Events of a text, analysed with a fixed publication date."""

    def run(text: str, settings: Settings | None = None):
        rules = dataclasses.replace(settings or Settings(), event_judge=False, event_args=False)
        return analyze(text, published="2024-03-20", settings=rules).events

    return run


def one(evs, kind):
    found = [e for e in evs if e.type == kind]
    assert len(found) == 1, [(e.type, e.actor, e.target) for e in evs]
    return found[0]


def test_events_verbal_trigger_gives_actor_and_target(events):
    e = one(events("Rebel fighters attacked the army barracks near the river on Monday."), "ASSAULT")
    assert e.actor == "Rebel fighters"
    assert e.target == "army barracks"
    assert e.trigger == "attacked"
    assert e.start == 0 and e.sentence.endswith("Monday.")


def test_events_nominal_trigger_with_on_target(events):
    e = one(events("The militia claimed several attacks on border posts last week."), "ASSAULT")
    assert e.target == "border posts"
    assert e.actor == "militia"


def test_events_passive_agent_is_actor(events):
    e = one(events("The convoy was ambushed by insurgents outside the town."), "ASSAULT")
    assert e.actor == "insurgents"
    assert e.target == "convoy"


def test_events_passive_weapon_sets_mode_not_actor(events):
    e = one(events("A fuel depot was hit by a drone overnight."), "ASSAULT")
    assert e.mode == "drone"
    assert e.actor is None
    assert e.target == "fuel depot"


def test_events_light_verb_carries_noun_event(events):
    evs = events("Police officers made several arrests in the port district.")
    e = one(evs, "COERCE")
    assert e.mode == "arrest"
    assert e.actor == "Police officers"
    assert e.trigger == "arrests"


def test_events_light_verb_carried_out_strikes_on(events):
    e = one(events("The air force carried out strikes on rebel depots."), "ASSAULT")
    assert e.actor == "air force"
    assert e.target == "rebel depots"


def test_events_arrest_of_counted_individuals(events):
    e = one(events("The interior ministry announced the arrest of 13 smugglers."), "COERCE")
    assert e.actor == "interior ministry"
    assert e.target == "13 smugglers"


def test_events_negated_attack_is_left_out(events):
    assert not [e for e in events("The army did not attack the village.") if e.type == "ASSAULT"]


def test_events_negated_attack_kept_with_flag_when_asked(events):
    evs = events("The army did not attack the village.", Settings(event_drop_flags=()))
    assert one(evs, "ASSAULT").negated


def test_events_future_strike_is_threaten(events):
    evs = events("The militia will strike the garrison next week.")
    e = one(evs, "THREATEN")
    assert e.future
    assert not [x for x in evs if x.type == "ASSAULT"]


def test_events_vow_of_attacks_is_threaten_not_assault(events):
    evs = events("The group vowed further attacks against foreign troops.")
    e = one(evs, "THREATEN")
    assert e.actor == "group"
    assert e.target == "foreign troops"
    assert not [x for x in evs if x.type == "ASSAULT"]


def test_events_conditional_response_is_threaten(events):
    evs = events('The minister said the army would "respond to any hostile acts" against its soldiers.')
    assert one(evs, "THREATEN").actor == "army"
    assert not [x for x in evs if x.type == "ASSAULT"]


def test_events_if_clause_attack_is_hypothetical(events):
    evs = events("If the talks collapse, rebels could attack the capital.", Settings(event_drop_flags=()))
    assert one(evs, "ASSAULT").hypothetical
    assert not [e for e in events("If the talks collapse, rebels could attack the capital.") if e.type == "ASSAULT"]


def test_events_refusal_is_reject(events):
    evs = events("Several armed groups rejected the mediation offered by the council.")
    assert one(evs, "REJECT").actor == "armed groups"  # quantifiers trimmed
    assert not [x for x in evs if x.type == "CONSULT"]


def test_events_urging_to_cease_is_request(events):
    evs = events("The cabinet urged the militias to cease targeting the airport.")
    e = one(evs, "REQUEST")
    assert e.actor == "cabinet"
    assert e.target == "militias"
    assert not [x for x in evs if x.type in ("ASSAULT", "RETREAT")]


def test_events_mediation_is_consult(events):
    e = one(events("The governor mediated with tribal elders over the dispute."), "CONSULT")
    assert e.mode == "mediation"
    assert e.target == "tribal elders"


def test_events_calling_attacks_terrorism_is_accuse_of_their_authors(events):
    text = ("Masked gunmen attacked a police station in the north on Sunday. "
            "The governor called the attacks acts of terrorism.")
    evs = events(text)
    accuse = one(evs, "ACCUSE")
    assert accuse.mode == "terrorism"
    assert accuse.target == "Masked gunmen"
    assert len([e for e in evs if e.type == "ASSAULT"]) == 1


def test_events_sanctions_on_country(events):
    e = one(events("The treasury imposed new sanctions on Freedonia."), "SANCTION")
    assert e.mode == "sanctions"
    assert e.actor == "treasury"


def test_events_stationing_troops_is_mobilize(events):
    e = one(events("The government has stationed 900 soldiers along the frontier."), "MOBILIZE")
    assert e.mode == "deployment"
    assert e.actor == "government"


def test_events_drone_strike_with_fatalities(events):
    e = one(events("A drone strike hit a truck on the highway, killing three soldiers."), "ASSAULT")
    assert e.mode == "drone"
    assert e.fatalities == 3
    assert e.target == "truck"


def test_events_two_sentences_about_one_attack_are_one_event(events):
    text = ("Militants shelled the market of the old town on Friday. "
            "The shelling of the market wounded dozens of shoppers, medics said.")
    evs = [e for e in events(text) if e.type == "ASSAULT"]
    assert len(evs) == 1
    assert len(evs[0].evidence) == 1
    assert evs[0].actor == "Militants"


def test_events_historical_event_flagged(events):
    text = "The brigade split from the alliance and attacked its rivals back in 2015."
    assert one(events(text), "ASSAULT").historical  # kept by default, as the gold articles keep them
    dropping = Settings(event_drop_flags=("negated", "hypothetical", "historical"))
    assert not [e for e in events(text, dropping) if e.type == "ASSAULT"]


def test_events_generic_mention_is_not_an_event(events):
    assert not events("Any armed activity outside the law will be considered a crime.")


def test_events_lexicon_rejects_unknown_type(tmp_path):
    bad = tmp_path / "lexicon.yaml"
    bad.write_text("types:\n  FIGHT:\n    verbs: {fight: null}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown PLOVER type"):
        load_lexicon(str(bad))


# ---- round 2: generalisation on wire-style articles ----------------------------------------


def test_events_demonym_names_the_attacking_state(events):
    e = one(events("An Israeli airstrike hit a warehouse in the port on Tuesday."), "ASSAULT")
    assert e.actor == "Israel"
    e = one(events("Russian warplanes bombed a depot near the river on Tuesday."), "ASSAULT")
    assert e.actor == "Russia"


def test_events_coordinated_named_actors_kept_whole(events):
    e = one(events("Chad, Niger and Mali rejected the proposal on Friday."), "REJECT")
    assert e.actor == "Chad, Niger and Mali"


def test_events_negotiators_from_countries_stand_for_them(events):
    e = one(events("Negotiators from Egypt and Qatar met the rebel delegation in Doha on Monday."), "CONSULT")
    assert e.actor == "Egypt and Qatar"


def test_events_date_is_never_an_argument(events):
    e = one(events("Sunday's attack on the fuel depot wounded two guards."), "ASSAULT")
    assert e.actor is None
    assert e.target == "fuel depot"


def test_events_pronoun_in_reported_clause_is_the_speaker(events):
    e = one(events("The relief agency said it delivered food to 3,000 families in the valley."), "AID")
    assert e.actor == "relief agency"


def test_events_definite_group_refers_to_earlier_armed_group(events):
    text = ("Fighters of the Mountain Liberation Front attacked a convoy on Monday. "
            "The group vowed to keep attacking government troops.")
    e = one(events(text), "THREATEN")
    assert e.actor == "Mountain Liberation Front"


def test_events_place_in_actor_name_is_not_the_location(events):
    text = "Gunmen from a militia based in Chad attacked a police post in Abeche on Monday."
    e = one(events(text), "ASSAULT")
    assert e.location == "Abeche"


def test_events_warning_without_threat_is_no_event(events):
    evs = events("The charity warned that its lorries could not reach the northern towns.")
    assert not [e for e in evs if e.type == "THREATEN"]


def test_events_warning_of_response_is_threaten(events):
    e = one(events("The ministry warned the rebels that any new attack would bring a harsh response."), "THREATEN")
    assert e.actor == "ministry"


def test_events_tear_gas_on_protesters_is_coerce(events):
    evs = events("Riot police fired tear gas at hundreds of students outside the university.")
    assert one(evs, "COERCE").mode == "repress"
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_events_shooting_down_missiles_is_no_attack(events):
    evs = events("Air defences shot down 12 missiles and four drones overnight, the air force said.")
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_events_casualty_toll_joins_the_attack(events):
    text = ("Rebels shelled the market in Goma on Friday. "
            "Hospital staff said 14 people were killed.")
    evs = [e for e in events(text) if e.type == "ASSAULT"]
    assert len(evs) == 1 and evs[0].actor == "Rebels"


def test_events_killing_participle_is_one_attack(events):
    evs = events("Militants stormed a border post on Friday, killing six guards and wounding four.")
    assert len([e for e in evs if e.type == "ASSAULT"]) == 1


def test_events_background_attack_joins_its_own_report(events):
    text = ("Jets struck three depots on Monday after a rocket attack on Camp Falcon. "
            "Saturday's rocket attack on Camp Falcon wounded two soldiers.")
    evs = [e for e in events(text) if e.type == "ASSAULT"]
    assert len(evs) == 2
    assert any(e.sentence.startswith("Saturday") for e in evs)


def test_events_followup_with_definite_event_subject_is_one_event(events):
    text = ("Government aircraft bombed rebel positions near Kidal on Sunday. "
            "The strikes hit a fuel store and a garage.")
    assert len([e for e in events(text) if e.type == "ASSAULT"]) == 1


def test_events_predicate_label_is_not_a_new_event(events):
    text = ("Police arrested the editor in the capital on Monday. "
            "\"This is a political arrest,\" his lawyer said.")
    assert len([e for e in events(text) if e.type == "COERCE"]) == 1


def test_events_right_to_protest_is_no_protest(events):
    assert not [e for e in events("The envoy defended the right of students to protest.") if e.type == "PROTEST"]


def test_events_anonymity_request_is_no_request(events):
    evs = events("The army shelled the village on Monday, an officer said, asking not to be named.")
    assert not [e for e in evs if e.type == "REQUEST"]


def test_events_trigger_inside_a_name_is_ignored(events):
    evs = events("The Front for Support of Justice held a meeting with the mayor in the city.")
    assert not [e for e in evs if e.type == "SUPPORT"]


def test_events_past_negation_is_not_rejection(events):
    assert not [e for e in events("The rebels did not attend the meeting in Geneva.") if e.type == "REJECT"]


def test_events_will_not_lift_is_still_rejection(events):
    assert one(events("The government will not lift the curfew."), "REJECT")


def test_events_no_longer_allow_aid_is_coerce(events):
    e = one(events("The ministry said it would no longer allow aid convoys to enter through the crossing."), "COERCE")
    assert e.mode == "restrict"


def test_events_would_not_hesitate_to_act_is_threaten(events):
    assert one(events("The government would not hesitate to act again if the raids continued."), "THREATEN")


def test_events_seizing_towns_is_assault(events):
    evs = events("The rebel alliance has seized several towns and two army posts since October.")
    assert one(evs, "ASSAULT").mode == "ground offensive"
    assert not [e for e in evs if e.type == "COERCE"]


def test_events_leaving_a_bloc_is_retreat(events):
    e = one(events("Three states announced on Monday that they were leaving the regional bloc."), "RETREAT")
    assert e.mode == "withdraw"


def test_events_fighting_between_parties_is_assault(events):
    assert one(events("Heavy fighting erupted in the capital between the army and the militia."), "ASSAULT")


def test_events_reason_gerund_is_no_event(events):
    evs = events("Police arrested 20 people for criticising the new law online.")
    assert not [e for e in evs if e.type == "ACCUSE"]
    assert one(evs, "COERCE")


def test_events_participle_description_is_not_an_event(events):
    evs = events("The rebels work closely with the foreign troops stationed in the north.")
    assert not [e for e in evs if e.type == "MOBILIZE"]


def test_events_reported_threat_belongs_to_named_speaker(events):
    text = "Defence spokesman Alan Brody said the army would respond to any attack on its bases."
    assert one(events(text), "THREATEN").actor == "Alan Brody"


# --- round 3: constructions of news reporting, each on a sentence written for it ---------------

def test_events_ceasefire_taking_effect_is_retreat(events):
    e = one(events("A truce negotiated by tribal leaders took effect at dawn on Friday."), "RETREAT")
    assert e.mode == "ceasefire"


def test_events_returned_fire_is_not_retreat(events):
    evs = events("The border guards said they had returned fire after coming under attack.")
    assert not [e for e in evs if e.type == "RETREAT"]


def test_events_anonymity_clause_is_not_consult(events):
    evs = events("Two soldiers were wounded, an officer said, speaking on condition of anonymity.")
    assert not [e for e in evs if e.type == "CONSULT"]


def test_events_dismissing_remarks_is_reject(events):
    e = one(events("The rebel spokesman dismissed the governor's remarks as propaganda."), "REJECT")
    assert e.target == "governor"


def test_events_denial_that_clause_is_reject(events):
    evs = events("The militia denied that its fighters had looted the market.")
    assert one(evs, "REJECT").actor == "militia"


def test_events_counter_accusation_in_a_rejection_is_accuse(events):
    evs = events("The ministry rejected the report, saying rebel gunmen had opened fire on its checkpoint.")
    e = one(evs, "ACCUSE")
    assert e.actor == "ministry" and e.target == "rebel gunmen"
    assert not [x for x in evs if x.type == "ASSAULT"]


def test_events_terrorist_designation_is_sanction(events):
    e = one(events("Canada designated the militia as a terrorist organisation on Monday."), "SANCTION")
    assert e.mode == "designate"
    assert not [x for x in events("Canada designated the militia as a terrorist organisation.") if x.type == "ACCUSE"]


def test_events_order_to_deploy_is_mobilize_by_the_orderer(events):
    evs = events("The president ordered the Third Division to deploy along the northern border.")
    assert one(evs, "MOBILIZE").actor == "president"
    assert not [e for e in evs if e.type == "REQUEST"]


def test_events_gathering_with_slogans_is_protest(events):
    e = one(events("Hundreds of farmers gathered in the town square, chanting slogans against the governor."),
             "PROTEST")
    assert e.target == "governor"


def test_events_march_to_demand_keeps_the_request(events):
    evs = events("Thousands of students led by Maria Okafor marched to parliament to demand the minister's resignation.")
    assert one(evs, "PROTEST").actor == "Maria Okafor"
    assert one(evs, "REQUEST").target == "minister"


def test_events_reported_threat_of_force(events):
    e = one(events('"Whoever attacks our villages will be hunted down," the district commander said.'), "THREATEN")
    assert e.actor == "district commander"


def test_events_warning_that_names_a_strike_is_threat(events):
    e = one(events("The rebel leader warned that his fighters would strike the capital's airport."), "THREATEN")
    assert e.target == "capital's airport" or e.target == "airport"


def test_events_weapons_that_threaten_are_no_threat(events):
    assert not [e for e in events("Rebel drones threaten the oil terminals on the coast.") if e.type == "THREATEN"]


def test_events_backed_by_is_not_support(events):
    evs = events("Army units, backed by allied militias, repelled a rebel assault on the town.")
    assert not [e for e in evs if e.type == "SUPPORT"]


def test_events_present_tense_relative_clause_is_a_description(events):
    evs = events("The minister condemned officials who arm and finance the rebels.")
    assert not [e for e in evs if e.type == "AID"]


def test_events_accused_of_working_with_is_one_accusation(events):
    evs = events("The government accuses its neighbour of working with the insurgents.")
    assert "neighbour" in one(evs, "ACCUSE").target
    assert not [e for e in evs if e.type == "COOPERATE"]


def test_events_scheduled_meeting_stays_consult_with_both_parties(events):
    evs = events("The two envoys, Lena Brandt and Omar Haddad, will meet in Vienna next month.")
    e = one(evs, "CONSULT")
    assert (e.actor, e.target) == ("Lena Brandt", "Omar Haddad")
    assert not [x for x in evs if x.type == "AGREE"]


def test_events_going_to_negotiate_negated_is_reject(events):
    evs = events('"We are not going to negotiate with the kidnappers," the governor said.')
    assert one(evs, "REJECT")
    assert not [e for e in evs if e.type == "CONSULT"]


def test_events_clash_between_parties_gives_actor_and_target(events):
    e = one(events("Five people were killed in clashes between the Northern Brigade and the Coastal Guard."),
             "ASSAULT")
    assert e.actor == "Northern Brigade" and e.target == "Coastal Guard"


def test_events_actor_is_never_a_count(events):
    evs = events("Four people were killed and 12 wounded in shelling of the market.")
    assert all(e.actor is None or not e.actor.isdigit() for e in evs)


def test_events_coordinated_subject_of_agreement(events):
    e = one(events("Sudan and Chad agreed on Sunday to reopen their shared border."), "AGREE")
    assert (e.actor, e.target) == ("Sudan", "Chad")


def test_events_participle_elaboration_is_one_sanction(events):
    evs = events("The treasury imposed sanctions on three militia leaders, freezing their bank accounts.")
    assert len([e for e in evs if e.type == "SANCTION"]) == 1


def test_events_spoils_of_an_attack_are_not_a_seizure(events):
    evs = events("The insurgents killed eleven soldiers and seized weapons and two trucks.")
    assert not [e for e in evs if e.type == "COERCE"]


def test_events_old_and_new_attacks_stay_apart(events):
    text = ("Rebels shelled the garrison town of Kora on Monday, killing two soldiers. "
            "The same rebels shelled Kora in June 2021, killing dozens of soldiers.")
    evs = events(text, Settings(event_drop_flags=()))
    assert len([e for e in evs if e.type == "ASSAULT"]) == 2


def test_events_statement_location_is_where_it_was_made(events):
    e = one(events("In Benghazi, the eastern administration blamed the authorities in Tripoli for the unrest."),
             "ACCUSE")
    assert e.location == "Benghazi"


def test_events_date_in_a_relative_clause_is_not_historical(events):
    evs = events("The army accused the militia, which was founded in 1994, of shelling the village on Monday.")
    assert not one(evs, "ACCUSE").historical


# --- round 4: quoted statements, restated claims, summaries, protests, places ---

def test_events_quoted_modal_demand_is_a_request_to_its_subject(events):
    e = one(events('"Uganda should settle its disputes through talks, not guns," foreign minister '
                   'Musalia Mudavadi said on Friday.'), "REQUEST")
    assert e.actor == "Musalia Mudavadi"
    assert e.target == "Uganda"


def test_events_partial_quote_after_an_outside_subject_is_no_demand(events):
    evs = events('The envoy said Uganda "should understand the anger of the people".')
    assert not [e for e in evs if e.type == "REQUEST"]


def test_events_quoted_vow_to_hunt_is_a_threat_by_the_speaker(events):
    e = one(events('"We will keep hunting them wherever they hide," army spokesman Richard Omondi '
                   'told reporters.'), "THREATEN")
    assert e.actor == "Richard Omondi"


def test_events_quoted_promise_to_retake_threatens_the_holder(events):
    e = one(events('"Every town seized by the rebels will be taken back," President Felix Tshisekedi '
                   'wrote on Sunday.'), "THREATEN")
    assert e.actor == "Felix Tshisekedi"
    assert e.target == "rebels"


def test_events_claim_of_responsibility_joins_the_attack(events):
    evs = events("Al-Shabaab fighters attacked an army base in Baidoa on Monday, killing nine soldiers. "
                 "Al-Shabaab claimed the attack on Tuesday, saying its fighters had killed 25 soldiers.")
    e = one(evs, "ASSAULT")
    assert len(e.evidence) == 1


def test_events_statistical_summary_is_no_event(events):
    evs = events("The insurgency, which began in 2009, has killed more than 40,000 people.")
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_events_trend_over_years_is_no_event(events):
    evs = events("Al-Shabaab has stepped up attacks in Lower Shabelle over the past two years.")
    assert not evs


def test_events_civilians_blocking_roads_protest(events):
    evs = events("Hundreds of residents marched through Bunia on Friday, blocking roads with burning tyres.")
    e = one(evs, "PROTEST")
    assert not [x for x in evs if x.type == "COERCE"]
    assert e.location == "Bunia"


def test_events_staged_sit_in_is_a_protest(events):
    e = one(events("Dozens of traders staged a sit-in at the market in Kano on Friday."), "PROTEST")
    assert e.actor == "Dozens of traders"
    assert e.mode == "obstruct"


def test_events_closing_a_crossing_restricts(events):
    e = one(events("Chad closed the border crossing at Kousseri on Monday."), "COERCE")
    assert e.mode == "restrict" and e.actor == "Chad"


def test_events_long_accusation_before_a_denial_is_an_accusation(events):
    evs = events("Kenya has long accused Uganda of arming the rebels, a charge Kampala denies.")
    e = one(evs, "ACCUSE")
    assert e.actor == "Kenya" and e.target == "Uganda"
    one(evs, "REJECT")


def test_events_approving_money_for_a_party_is_aid(events):
    evs = events("The Senate approved $40 million for the Kenyan police mission in Haiti.")
    one(evs, "AID")
    assert not [e for e in evs if e.type == "AGREE"]


def test_events_suspending_negotiations_is_a_sanction(events):
    evs = events("President Gustavo Petro suspended the negotiations with the rebels on Tuesday.")
    e = one(evs, "SANCTION")
    assert e.mode == "halt negotiations"
    assert not [x for x in evs if x.type in ("RETREAT", "CONSULT")]


def test_events_suspending_attacks_stays_a_retreat(events):
    one(events("The militia suspended its attacks on the army on Tuesday."), "RETREAT")


def test_events_announced_deployment_in_reported_speech_is_mobilize(events):
    e = one(events("Defence Minister Ivan Petrov said 1,200 more troops would be sent to the border "
                   "by the end of the week."), "MOBILIZE")
    assert e.actor == "Ivan Petrov"


def test_events_conditional_when_clause_of_a_future_act_is_hypothetical(events):
    evs = events('"We will return to the table when the rebels stop attacking civilians," the minister said.')
    assert not [e for e in evs if e.type == "RETREAT"]


def test_events_operation_to_retake_is_an_assault(events):
    evs = events("Kenyan police launched an operation to retake the main road through Solino on Monday.")
    e = one(evs, "ASSAULT")
    assert not e.hypothetical


def test_events_demand_in_a_protest_sentence_takes_its_place(events):
    evs = events("Farmers blocked the road out of Tibu on Tuesday, demanding that the army leave.")
    assert one(evs, "REQUEST").location == "Tibu"


def test_events_generic_relative_clause_is_no_event(events):
    evs = events("Anyone who had worked with the army was taken aside.")
    assert not [e for e in evs if e.type == "COOPERATE"]


# Round 5: one reading of reported speech, modality and background, tested on sentences of our own.

def test_events_reported_would_of_force_is_a_threat_even_when_conditional(events):
    evs = events("The commander said his men would march on the capital if the shelling went on.")
    e = one(evs, "THREATEN")
    assert not e.hypothetical
    assert not [x for x in evs if x.type == "ASSAULT"]


def test_events_reported_would_not_of_talks_is_a_rejection(events):
    e = one(events("The rebel spokesman said the movement would not negotiate with the junta."), "REJECT")
    assert e.actor == "movement" and e.future


def test_events_would_under_a_fear_stays_hypothetical(events):
    evs = events("Villagers said they feared the militia would attack the market again.")
    assert not [e for e in evs if e.type in ("ASSAULT", "THREATEN")]


def test_events_present_negated_talks_state_a_refusal(events):
    one(events('"There is nothing to discuss with kidnappers," the governor told reporters.'), "REJECT")


def test_events_willingness_to_talk_is_no_event(events):
    evs = events("The opposition leader said his party remained ready to negotiate with the government.")
    assert not [e for e in evs if e.type in ("AGREE", "CONSULT")]


def test_events_until_in_a_past_clause_is_no_condition(events):
    evs = events("The two parties fought over the valley from 2015 until the government and the rebels "
                 "signed a peace accord in Nairobi in 2019.")
    one(evs, "AGREE")


def test_events_place_object_selects_territorial_capture(events):
    evs = events("Rebel fighters captured Kidal in a dawn assault on Friday.")
    assert one(evs, "ASSAULT").mode == "ground offensive"
    assert not [e for e in evs if e.type == "COERCE"]


def test_events_cumulative_toll_is_no_event(events):
    evs = events("Local monitors say air strikes have killed more than 300 civilians in the province since 2019.")
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_events_toll_since_a_weekday_is_the_ongoing_clash(events):
    evs = events("Clashes between the army and a militia near the town have killed at least 30 people since "
                 "Monday, officials said.")
    one(evs, "ASSAULT")


def test_events_characterising_noun_is_no_second_attack(events):
    evs = events("The foreign ministry condemned the raid on the village as a massacre.")
    one(evs, "ACCUSE")
    assert not [e for e in evs if e.type == "ASSAULT" and e.trigger == "massacre"]


def test_events_means_of_a_response_is_a_fresh_attack(events):
    evs = events("The army responded with air strikes on rebel positions near the river on Tuesday.")
    assert one(evs, "ASSAULT").mode == "airstrike"


def test_events_circumstance_clause_does_not_lead_an_event(events):
    evs = events("Police shot two smugglers near the port as they withdrew towards the border.")
    one(evs, "ASSAULT")
    assert not [e for e in evs if e.type == "RETREAT"]


def test_events_refusal_to_disclose_is_no_rejection(events):
    evs = events("The police chief said four men had been detained but declined to give their names.")
    one(evs, "COERCE")
    assert not [e for e in evs if e.type == "REJECT"]


def test_events_request_for_anonymity_is_no_request(events):
    evs = events("A relative, who asked that her name be withheld, said soldiers had detained her brother at a checkpoint.")
    one(evs, "COERCE")
    assert not [e for e in evs if e.type == "REQUEST"]
    e = one(events("Qatar had urged the rebel leaders to free the hostages, said an official who asked not to be named."),
            "REQUEST")
    assert e.trigger == "urged"


def test_events_elaborating_clause_of_a_material_act_is_part_of_it(events):
    evs = events("The government imposed sanctions on three generals on Monday, barring them from entering the country.")
    one(evs, "SANCTION")
    assert not [e for e in evs if e.type == "COERCE"]


def test_events_participle_describing_a_party_is_no_event(events):
    evs = events("Chad threatened to withdraw from the regional force fighting the insurgents around the lake.")
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_events_different_victim_counts_are_different_arrests(events):
    evs = events("Police detained 12 students at the university on Monday. "
                 "Hundreds of students were detained during the protests last year, a rights group said.")
    assert len([e for e in evs if e.type == "COERCE"]) == 2


def test_events_quoted_verdict_is_the_speakers_accusation(events):
    evs = events('Gunmen seized the mayor of Tamba on Sunday. "This is a crime against the whole town," '
                 'said Governor Amina Yusuf.')
    assert one(evs, "ACCUSE").actor == "Amina Yusuf"


def test_events_quoted_demand_about_an_act_is_a_request(events):
    evs = events('Soldiers detained the editor of a local paper on Sunday. "The arrests must be reversed at once," '
                 'said opposition leader Samuel Okoro.')
    assert one(evs, "REQUEST").actor == "Samuel Okoro"


def test_events_threat_idioms_are_threats(events):
    assert one(events('"Such provocations will not go unanswered," Foreign Minister Lena Berg said.'),
               "THREATEN")
    e = one(events("A spokesman said the army would make the kidnappers pay for the ambush."), "THREATEN")
    assert e.target == "kidnappers"


def test_events_new_material_triggers(events):
    one(events("Government troops clashed with militants outside Gao on Monday."), "ASSAULT")
    one(events("A police patrol came under fire near the border crossing."), "ASSAULT")
    one(events("Since March the army has set up a dozen new checkpoints along the highway."), "MOBILIZE")
    one(events("Residents said soldiers had barred them from reaching their fields."), "COERCE")
    one(events("The tanker was boarded by coastguard commandos on Sunday."), "COERCE")
    one(events("The authorities suspended two foreign broadcasters over their coverage."), "COERCE")
    one(events("The bloc suspended budget support to the government in 2021."), "SANCTION")


def test_events_lexicon_named_list_in_requires(tmp_path):
    good = tmp_path / "lex.yaml"
    good.write_text("types:\n  ACCUSE:\n    verbs:\n      brand: {requires: [$bad_words]}\nbad_words: [crime, Terror]\n")
    lex = load_lexicon(str(good))
    assert lex.verbs["brand"][0].requires == frozenset({"crime", "terror"})
    bad = tmp_path / "bad.yaml"
    bad.write_text("types:\n  ACCUSE:\n    verbs:\n      brand: {requires: [$missing]}\n")
    with pytest.raises(LexiconError, match="unknown word list"):
        load_lexicon(str(bad))


def test_events_interview_with_a_newspaper_is_no_consult(events):
    assert not [e for e in events("Speaking to the Harbour Times, a ministry aide said the talks had stalled.")
                if e.type == "CONSULT"]
    assert not [e for e in events("The governor spoke to the Coastal Herald by phone on Friday.")
                if e.type == "CONSULT"]
    one(events("The governor spoke to his Qatari counterpart by phone on Friday."), "CONSULT")


def test_events_infinitive_of_proposal_or_ability_is_not_realised(events):
    evs = events("A Dutch proposal to deploy engineers to the port was rejected by Ankara.")
    assert not [e for e in evs if e.type == "MOBILIZE"]
    evs = events("The drill tested the ability of the navy to seize the coast.")
    assert not [e for e in evs if e.type in ("COERCE", "ASSAULT")]


def test_events_comma_conjunct_after_reported_clause_is_the_speakers(events):
    e = one(events("The governor said the mayor was lying to voters, and ordered the police to close the roads."),
            "REQUEST")
    assert e.actor == "governor"
    e = one(events("The minister said the rebels had attacked a village and burned homes."), "ASSAULT")
    assert e.actor == "rebels"


def test_events_raised_readiness_is_mobilize(events):
    e = one(events("The defence chief ordered the navy to raise its combat readiness on Sunday."), "MOBILIZE")
    assert e.mode == "alert"


def test_events_calling_a_strike_stages_it(events):
    e = one(events("Union leaders called a nationwide strike on Monday."), "PROTEST")
    assert e.actor == "Union leaders"
    evs = events("The dock unions called for a general strike.")
    assert not [e for e in evs if e.type == "PROTEST"]
    one(evs, "REQUEST")


def test_events_deadly_crowd_control_is_one_assault(events):
    evs = events("Riot police fired rubber bullets and tear gas at the marchers in the capital, "
                 "killing a teenager and injuring dozens.")
    assert not [e for e in evs if e.type == "COERCE"]
    e = one(evs, "ASSAULT")
    assert e.actor == "Riot police" and e.target == "marchers"
    e = one(events("Riot police fired tear gas at the marchers in the capital, injuring dozens."), "COERCE")
    assert e.target == "marchers"


def test_events_present_tense_when_clause_is_a_habit(events):
    assert not events("When the farmers demand their land back, soldiers shoot at them.")
    assert not [e for e in events("The army shells the town whenever the rebels attack.") if e.type == "ASSAULT"]
    evs = events("When the farmers demanded their land back, soldiers shot at them.")
    one(evs, "ASSAULT")
    one(events("Soldiers shoot at protesters in the capital."), "ASSAULT")


def test_events_agentless_stationed_is_a_presence(events):
    assert not [e for e in events("About 2,000 French soldiers were stationed in Chad before the coup.")
                if e.type == "MOBILIZE"]
    assert not [e for e in events("Some 900 troops are stationed at the base.") if e.type == "MOBILIZE"]
    one(events("Two hundred marines were stationed at the airport on Monday."), "MOBILIZE")
    one(events("The ministry stationed two battalions along the border on Friday."), "MOBILIZE")


def test_events_quoted_rule_with_generic_subject_accuses_no_one(events):
    assert not [e for e in events('"Any shelling of the hospital is a war crime," the ambassador said.')
                if e.type == "ACCUSE"]
    one(events('"This shelling of the hospital is a war crime," the ambassador said.'), "ACCUSE")


def test_events_weapon_subject_reports_the_attack_but_a_bare_toll_does_not(events):
    e = one(events("A car bomb killed 12 people at a market in Mogadishu on Tuesday, police said."), "ASSAULT")
    assert e.fatalities == 12 and e.date == "2024-03-19" and not e.hypothetical
    blast = one(events("A roadside bomb exploded near a police patrol in Kandahar on Monday."), "ASSAULT")
    assert blast.mode == "explosives"
    told = events("Militants stormed a hotel in Mogadishu on Tuesday. Sixteen people were killed.")
    assert len([x for x in told if x.type == "ASSAULT"]) == 1  # the toll joins the attack, it is no second one


def test_events_present_tense_headline_is_a_report_not_a_generalisation(events):
    e = one(events("An Israeli airstrike kills 12 civilians in Rafah, health officials say."), "ASSAULT")
    assert not e.hypothetical and e.actor == "Israel"
    generic = events("A withdrawal takes a year.")
    assert all(x.hypothetical for x in generic if x.type == "RETREAT")
    assert [x.type for x in events("Troops withdrew from the town on Monday.")] == ["RETREAT"]


def test_events_pounded_faulted_and_repealed_are_triggers_the_currency_is_not(events):
    pounded = events("Government warplanes pounded the rebel-held enclave of Ghouta on Friday.")
    assert "Ghouta" in (one(pounded, "ASSAULT").target or "")
    assert one(events("The opposition leader faulted the president over the decision."), "ACCUSE")
    assert one(events("The parliament repealed the boycott law on Monday."), "CONCEDE")
    assert not events("The pound fell against the dollar on Monday.")
