"""The lookup attribute ruler and the remembering lemmatizer give spaCy's exact output."""
from __future__ import annotations

import pytest
import spacy

from wirecoder.nlp.attributes import (LookupAttributeRuler, MemoLemmatizer, use_lookup_attribute_ruler,
                                      use_memo_lemmatizer)
from wirecoder.nlp.loader import resolve_model_name

# Sentences that reach every kind of pattern in the stock ruler: plain tags, word-and-tag
# exceptions, word sets, negations, dependency tests, whitespace tokens, and the multi-token and
# regular-expression patterns left to the Matcher ("gonna", "ain't", "y'all", "nothin'").
TEXTS = [
    "The militia said it had not attacked the base, but officials don't believe it.",
    "We're gonna hit them again, y'all know that, and it ain't over, he said.\n\n  Nothin' changed.",
    "There were 12 rockets fired at the base; whether they hit anything is unclear.",
    "Let's see what the ministers do: they have said they will, though I'm not sure.",
    "Police arrested five men   in   Kano on Tuesday.\tThat is what they did to him and to it.",
]


def _signature(doc):
    return [(t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(resolve_model_name())
    lookup = spacy.load(resolve_model_name())
    use_lookup_attribute_ruler(lookup)
    use_memo_lemmatizer(lookup)
    return stock, lookup


def test_attributes_same_output_as_spacy_ruler(pipelines):
    stock, lookup = pipelines
    assert type(stock.get_pipe("attribute_ruler")) is not LookupAttributeRuler
    assert isinstance(lookup.get_pipe("attribute_ruler"), LookupAttributeRuler)
    for text in TEXTS:
        assert _signature(lookup(text)) == _signature(stock(text)), text


def test_attributes_same_matches_as_spacy_ruler(pipelines):
    stock, lookup = pipelines
    names = [n for n in stock.pipe_names if n != "attribute_ruler"]
    for text in TEXTS:
        with stock.select_pipes(enable=[n for n in names if n in ("tok2vec", "tagger", "parser")]):
            doc = stock(text)
        expected = stock.get_pipe("attribute_ruler").match(doc)
        assert expected, text
        assert lookup.get_pipe("attribute_ruler").match(doc) == expected, text


def test_attributes_patterns_kept_for_serialisation(pipelines):
    stock, lookup = pipelines
    assert lookup.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    ruler = lookup.get_pipe("attribute_ruler")
    assert ruler._sequences and ruler._tables  # regex and multi-token patterns, one-token lookups


def test_attributes_lemmas_same_when_remembered(pipelines):
    stock, lookup = pipelines
    assert type(stock.get_pipe("lemmatizer")) is not MemoLemmatizer
    assert isinstance(lookup.get_pipe("lemmatizer"), MemoLemmatizer)
    text = "The rebels were shelling the towns; they had shelled them before and are still shelling."
    first, second = lookup(text), lookup(text)  # the second reads every lemma from memory
    expected = [t.lemma_ for t in stock(text)]
    assert [t.lemma_ for t in first] == expected == [t.lemma_ for t in second]
    assert "shell" in expected and "be" in expected
