"""The English check: short English ledes and headlines pass, foreign text of any length is refused."""
from __future__ import annotations

import json

import pytest

from wirecoder.errors import LanguageError
from wirecoder.ingest.text import check_english, clean_text, looks_english

LEDES = [  # PLV items the function-word share alone refused
    "Iran's Foreign Ministry's spokesman Bahram Qassemi strongly condemned the Quetta suicide terrorist attack.",
    "Israel's air force carried out strikes Friday evening against Hamas targets throughout the Gaza Strip.",
    "Mexican President Andrés Manuel López Obrador on Thursday defended Mexico's restrictive immigration policy.",
    "Hamas fighters fire rockets at Israeli towns as IDF strikes Gaza militants overnight, killing 12",
]
FOREIGN = [
    "Les forces de sécurité ont arrêté six hommes mardi après une attaque contre l'aéroport de la ville.",
    "Die Sicherheitskräfte haben am Dienstag sechs Männer nach einem Raketenangriff auf den Flughafen festgenommen.",
    "Силы безопасности задержали шесть человек во вторник после ракетного удара по аэропорту",
    "Pasukan keamanan menahan enam pria pada hari Selasa setelah serangan roket ke bandara",
]


@pytest.mark.parametrize("text", LEDES)
def test_text_short_english_ledes_are_english(text):
    assert looks_english(text)
    check_english(text, "lede")  # no error


@pytest.mark.parametrize("text", FOREIGN)
def test_text_foreign_sentences_are_refused(text):
    assert not looks_english(text)
    with pytest.raises(LanguageError, match="English"):
        check_english(text, "foreign")


def test_text_long_text_without_english_function_words_is_refused():
    gibberish = " ".join(f"zorb{i % 7}x qwel plimt" for i in range(30))
    assert not looks_english(gibberish)
    assert looks_english(LEDES[0] + " " + "The army said it would investigate the attack on the town. " * 5)


def test_text_no_plv_news_item_is_refused(shared_dir):
    files = sorted((shared_dir / "devsets" / "plv-train").glob("*.json"))
    if not files:
        pytest.skip("no plv-train dev set")
    refused = [f.name for f in files if not looks_english(clean_text(json.loads(f.read_text("utf-8"))["text"])[0])]
    assert len(files) > 1000 and refused == []
