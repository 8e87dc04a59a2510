"""Plain text: decoding checks, reposting boilerplate, bylines and the English check."""
from __future__ import annotations

import functools
import hashlib
import re
from datetime import date

from wirecoder.errors import (BinaryInputError, DateFormatError, EmptyInputError, EncodingError,
                              InputTooLargeError, LanguageError)
from wirecoder.records import Article
from wirecoder.settings import DEFAULT, Settings, data_lines

_BYLINE = re.compile(r"^\s*(?:by|written by|reporting by)\s+(?P<who>[^\n]{2,120})$", re.I)
_ENGLISH = frozenset(
    "the of and to in a is that for it as was with on by be are this from at or have an which not "
    "has were but they their his its been will would who had he she said".split()
)


def _boilerplate() -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in data_lines("boilerplate.txt")]


_BOILERPLATE = _boilerplate()


def decode(data: bytes, source: str) -> str:
    """Bytes to text, refusing binary and non-UTF-8 input with a message that says so."""
    if not data.strip():
        raise EmptyInputError("the input is empty", source=source)
    if b"\x00" in data[:4096]:
        raise BinaryInputError("the input is a binary file, not text or HTML", source=source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"the input is not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first",
                            source=source) from None
    return text


def parse_published(value, source: str | None = None) -> date | None:
    """A YYYY-MM-DD (or longer ISO) string or date to a date; None stays None."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise DateFormatError(f"publication date {value!r} is not YYYY-MM-DD", source=source) from None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _looks_like_byline(who: str) -> bool:
    """'Our Baghdad Correspondent', 'Jane Doe and John Roe': short, no sentence, not a date
    ('By August 2023 fighters had seized the town.' is the article's first sentence)."""
    words = who.split()
    return 0 < len(words) <= 10 and not who.rstrip().endswith((".", "!", "?", ":")) \
        and not words[0][:1].isdigit() and not words[0].lower().startswith(_MONTHS) \
        and words[0].lower() not in ("then", "now", "late", "early", "mid", "dawn", "nightfall", "noon")


def clean_text(text: str) -> tuple[str, str | None]:
    """Blank out reposting boilerplate and a leading byline, keeping every other character in place.

    The cleaning never changes the text's length, so offsets into the result are offsets into
    the input as the user gave it."""
    text = re.sub(r"\r(?=\n)", " ", text).replace("\r", "\n").replace("\u2028", "\n").replace("\xa0", " ")
    out, byline, seen_text = [], None, False
    for line in text.split("\n"):
        stripped = line.strip()
        blank = False
        if stripped:
            if any(p.search(stripped) for p in _BOILERPLATE):
                blank = True
            else:
                m = _BYLINE.match(stripped)
                if m and byline is None and not seen_text and _looks_like_byline(m.group("who")):
                    byline, blank = m.group("who").strip(), True
                else:
                    seen_text = True
        out.append(" " * len(line) if blank else line)
    return "\n".join(out), byline


# Languages whose function words tell a short foreign text from a short English headline.
_FOREIGN_LANGS = ("fr", "es", "de", "it", "pt", "nl", "id", "tr", "ro", "pl", "sv", "da", "nb", "ca", "tl", "hu",
                  "cs", "fi")
_ARTICLE_WORDS = 40  # from this many words the English function-word share alone is reliable


@functools.lru_cache(maxsize=1)
def _foreign_words() -> frozenset[str]:
    """Function words of other Latin-script languages that are not English words too."""
    import importlib

    from spacy.lang.en.stop_words import STOP_WORDS as english

    words: set[str] = set()
    for lang in _FOREIGN_LANGS:
        words |= importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS
    return frozenset(w for w in words - english if len(w) > 1 and w.isalpha())


def _latin_share(words: list[str]) -> float:
    letters = "".join(words)
    return sum(c < "\u0250" for c in letters) / max(1, len(letters))


def looks_english(text: str, settings: Settings = DEFAULT) -> bool:
    """Whether a text reads as English: by its function words, and for a headline or lede (under 40
    words, where few function words is normal) unless another language's function words outnumber them."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < 8:
        return True
    sample = words[:3000]
    english = sum(w in _ENGLISH for w in sample) / len(sample)
    if english >= settings.min_english_share:
        return True
    if len(sample) >= _ARTICLE_WORDS or _latin_share(sample) < 0.5:
        return False
    foreign = sum(w in _foreign_words() for w in sample) / len(sample)
    return not (foreign > english and foreign >= 0.15)


def check_english(text: str, source: str, settings: Settings = DEFAULT) -> None:
    """Refuse text whose words are mostly not English, so nothing is coded from noise."""
    if not looks_english(text, settings):
        raise LanguageError("the text does not look like English; wirecoder analyses English articles",
                            source=source)


def article_id(text: str) -> str:
    """A stable id from the text when the input gives none."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_from_text(text: str, *, id: str | None = None, source: str = "<text>", title: str | None = None,
                      url: str | None = None, outlet: str | None = None, byline: str | None = None,
                      published=None, settings: Settings = DEFAULT) -> Article:
    """Check and clean plain text into an Article."""
    if len(text) > settings.max_chars:
        raise InputTooLargeError(f"the text has {len(text):,} characters, over the {settings.max_chars:,} cap",
                                 source=source)
    cleaned, found_byline = clean_text(text)
    if not cleaned.strip():
        raise EmptyInputError("the input has no text", source=source)
    check_english(cleaned, source, settings)
    return Article(id=id or article_id(cleaned), text=cleaned, title=title, url=url, outlet=outlet,
                   byline=byline or found_byline, published=parse_published(published, source), source=source)
