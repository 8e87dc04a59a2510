"""Quantities: counts with their qualifier, counted noun and casualty/arrest role.

Conventions (pinned by tests/extract/test_quantities.py; words live in data/quantity_lexicon.yaml):
- `unit` is the head noun of the counted phrase as written (lower-cased unless a proper noun:
  "soldiers", "attacks", "Palestinians"); `unit_text` keeps its modifiers ("American soldiers").
  A count without a noun ("wounding 40", "more than 30") has unit "" ("people" is not guessed).
- `qualifier` is the phrase before the number as written, lower-cased ("at least", "approximately").
- Vague plurals take the smallest value they allow and name themselves as qualifier: "dozens of
  rockets" is 24 with qualifier "dozens" (hundreds 200, thousands 2000, scores 40); "a dozen" is 12.
- Percentages have unit "percent"; money has the ISO currency code as unit ("$10 million" is
  10000000 USD).
- Skipped: calendar years and anything spaCy tags DATE/TIME or a date the time extractor found,
  ordinals, durations and ages ("two years", "a 35-year-old"), labels ("Resolution 2334",
  "Flight 17"), numbers inside names, hyphenated codes ("F-16", "10-14"), and "one" unless it
  counts casualties or arrests (alone it is mostly a pronoun).
- `role` is fatalities, injuries or arrests when a role word governs the count: "killed three
  soldiers", "three soldiers were killed", "three soldiers dead", "wounding 40", "40 injured",
  "13 individuals were detained", "the death toll rose to 30", "12 deaths".
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml
from spacy.tokens import Doc, Token

from wirecoder.records import Quantity
from wirecoder.settings import DEFAULT, Settings, data_path
from wirecoder.nlp.spans import doc_text

LEXICON_FILE = "quantity_lexicon.yaml"
DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
YEAR_LIKE = re.compile(r"^(?:1[89]|20)\d\d$")
# Entities whose numbers are not counts: dates and times, ordinals, and names.
SKIP_LABELS = frozenset({"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT",
                         "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "NORP"})
NOMINAL = ("NOUN", "PROPN")
PASSIVE_AUX = frozenset({"be", "get"})
MAX_UNIT_TOKENS = 5  # longest counted phrase looked at ("three senior pro-Iranian commanders")
MAX_LOOKAROUND = 4  # tokens bridged between a count and its role word


@dataclass(frozen=True)
class QuantityLexicon:
    """The quantity lexicon of data/quantity_lexicon.yaml."""

    qualifiers: re.Pattern
    numbers: dict[str, int]
    scales: dict[str, int]
    vague: tuple[tuple[tuple[str, ...], int], ...]
    needs_role: frozenset[str]
    durations: frozenset[str]
    labels: frozenset[str]
    percent: tuple[tuple[str, ...], ...]
    currency_signs: dict[str, str]
    currency_words: dict[str, str]
    roles: dict[str, str]
    intransitive: frozenset[str]
    bridges: frozenset[str]
    subsets: tuple[tuple[str, ...], ...]


def _lower_set(words) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)


@functools.lru_cache(maxsize=1)
def lexicon() -> QuantityLexicon:
    """The quantity lexicon, loaded once."""
    raw = yaml.safe_load(data_path(LEXICON_FILE).read_text(encoding="utf-8"))
    quals = sorted((str(q) for q in raw["qualifiers"]), key=len, reverse=True)
    qual_re = re.compile(r"(?i:\b(" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in quals) + r"))\s+$")
    roles = {str(w).lower(): role for role, words in raw["roles"].items() for w in words}
    return QuantityLexicon(
        qualifiers=qual_re,
        numbers={str(k).lower(): int(v) for k, v in raw["units_words"].items()},
        scales={str(k).lower(): int(v) for k, v in raw["scales"].items()},
        vague=tuple(sorted(((tuple(str(k).lower().split()), int(v)) for k, v in raw["vague"].items()),
                           key=lambda kv: -len(kv[0]))),
        needs_role=_lower_set(raw["needs_role"]),
        durations=_lower_set(raw["duration_units"]),
        labels=_lower_set(raw["label_words"]),
        percent=tuple(tuple(str(p).lower().split()) for p in raw["percent_words"]),
        currency_signs={str(k): v for k, v in raw["currency_signs"].items()},
        currency_words={str(k).lower(): v for k, v in raw["currency_words"].items()},
        roles=roles,
        intransitive=_lower_set(raw["intransitive"]),
        bridges=_lower_set(raw["bridge_words"]),
        subsets=tuple(tuple(str(p).lower().split()) for p in raw["subset_words"]),
    )


# --- reading numbers --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Number:
    value: float
    start: int  # token indices [start, end)
    end: int
    vague: str | None = None
    word: str | None = None  # the number word when spelled out ("one")


def _words_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words))


def _spelled(doc: Doc, i: int, lex: QuantityLexicon) -> _Number | None:
    """Spelled-out numbers: "three", "twenty-five", "two hundred and fifty", "a dozen"."""
    total = current = 0
    k, seen = i, False
    if doc[i].lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in lex.scales:
        return _Number(float(lex.scales[doc[i + 1].lower_]), i, i + 2)
    if _words_at(doc, i, ("half", "a")) and i + 2 < len(doc) and doc[i + 2].lower_ in lex.scales:
        return _Number(lex.scales[doc[i + 2].lower_] / 2, i, i + 3)
    while k < len(doc):
        w = doc[k].lower_
        nxt = doc[k + 1].lower_ if k + 1 < len(doc) else ""
        if w in lex.numbers:
            current += lex.numbers[w]
        elif w in lex.scales and seen:
            current = max(current, 1) * lex.scales[w]
            if lex.scales[w] >= 1000:
                total, current = total + current, 0
        elif w in ("-", "and") and seen and nxt in lex.numbers and (w == "-" or doc[k - 1].lower_ in lex.scales):
            pass
        else:
            break
        seen, k = True, k + 1
    if not seen:
        return None
    word = doc[i].lower_ if k == i + 1 else None
    return _Number(float(total + current), i, k, word=word)


def _read_number(doc: Doc, i: int, lex: QuantityLexicon) -> _Number | None:
    tok = doc[i]
    for words, value in lex.vague:
        if tok.lower_ == words[0] and _words_at(doc, i, words):
            return _Number(float(value), i, i + len(words), vague=" ".join(words))
    if DIGITS.match(tok.text):
        value, k = float(tok.text.replace(",", "")), i + 1
        while k < len(doc) and doc[k].lower_ in lex.scales:
            value, k = value * lex.scales[doc[k].lower_], k + 1
        return _Number(value, i, k)
    return _spelled(doc, i, lex)


def _number_starts(doc: Doc, lex: QuantityLexicon) -> set[int]:
    """Indices of the tokens _read_number can start a number at, found in one pass over the Doc.

    A number begins with digits, a number word, the first word of a vague count, or "a"/"an"/"half"
    ("a dozen", "half a million"); _read_number returns None at every other token, so the scan
    need not call it (and read the tokens after it) there."""
    first = {w for w in lex.numbers} | {words[0] for words, _ in lex.vague} | {"a", "an", "half"}
    return {t.i for t in doc if not t.is_space and (t.lower_ in first or DIGITS.match(t.text))}


# --- filters ----------------------------------------------------------------------------------

def _blocked_tokens(doc: Doc) -> tuple[set[int], set[int]]:
    """(tokens that cannot be counts, tokens of dates and times a counted phrase must stop at)."""
    dates = doc._.wc_dates
    blocked, temporal = set(), set()
    for e in doc.ents:
        if e.label_ not in SKIP_LABELS:
            continue
        if dates is not None and len(e) == 1 and e[0].is_digit and e.label_ == "DATE":
            continue  # a lone number spaCy calls DATE: the time extractor has the final word on years
        blocked.update(t.i for t in e)
        if e.label_ in ("DATE", "TIME"):
            temporal.update(t.i for t in e)
    for d in dates or ():
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None:
            temporal.update(range(span.start, span.end))
    return blocked | temporal, temporal


def _glued(a: Token, b: Token) -> bool:
    return not a.whitespace_ and b.i == a.i + 1


def _is_label_or_code(doc: Doc, num: _Number, lex: QuantityLexicon) -> bool:
    first, last = doc[num.start], doc[num.end - 1]
    prev = doc[num.start - 1] if num.start > 0 else None
    nxt = doc[num.end] if num.end < len(doc) else None
    if prev is not None and (prev.lower_ in lex.labels or (prev.text in "-/:" and _glued(prev, first))):
        return True
    if nxt is not None and nxt.text in ("-", "/", ":", "–") and _glued(last, nxt):
        return True
    if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and first.head == prev \
            and DIGITS.match(first.text):
        return True  # "Brigade 30", "Camp 22"
    return False


def _is_year(doc: Doc, text: str, num: _Number) -> bool:
    from wirecoder.extract.time import lexicon as time_lexicon  # the date prepositions live there

    tok = doc[num.start]
    if num.end - num.start != 1 or not YEAR_LIKE.match(tok.text):
        return False
    return bool(time_lexicon().prepositions.search(text[max(0, tok.idx - 20):tok.idx]))


# --- counted noun, qualifier, role ------------------------------------------------------------

def _unit(doc: Doc, j: int, temporal: set[int]) -> tuple[int | None, int]:
    """(index of the counted head noun or None, index where the phrase starts)."""
    if j < len(doc) and doc[j].lower_ == "of":
        j += 1
        if j < len(doc) and doc[j].pos_ == "DET":
            j += 1
    start, head, k = j, None, j
    while k < len(doc) and k - start < MAX_UNIT_TOKENS and not (k > start and doc[k].is_sent_start) \
            and k not in temporal:
        tok = doc[k]
        if tok.pos_ in NOMINAL and not tok.like_num:
            head = k
        elif tok.text == "-" and head is None and k > start and _glued(doc[k - 1], tok):
            pass
        elif head is None and not tok.like_num and (
                tok.pos_ == "ADJ" or tok.tag_ == "VBN" or (tok.pos_ != "VERB" and tok.dep_ in ("amod", "compound"))
                or (tok.pos_ == "ADV" and k + 1 < len(doc) and doc[k + 1].pos_ == "ADJ")):
            pass  # "American", "armed", "pro-Iranian", "predominantly Muslim"
        else:
            break
        k += 1
    return head, start


def _role_word(tok: Token, lex: QuantityLexicon) -> str | None:
    return lex.roles.get(tok.lower_) or lex.roles.get(tok.lemma_.lower())


def _role_right(doc: Doc, k: int, has_unit: bool, lex: QuantityLexicon) -> str | None:
    """'three soldiers were killed', 'three soldiers dead', '40 injured'."""
    passive = False
    for _ in range(MAX_LOOKAROUND):
        if k >= len(doc) or doc[k].is_sent_start:
            return None
        tok = doc[k]
        if tok.pos_ in ("AUX", "ADV", "PART"):
            passive = passive or tok.lemma_.lower() in PASSIVE_AUX
            k += 1
            continue
        role = _role_word(tok, lex)
        if role is None:
            return None
        if (tok.pos_ == "ADJ" or tok.tag_ == "VBN" or passive or tok.lemma_.lower() in lex.intransitive
                or not has_unit):
            return role
        return None
    return None


def _role_left(doc: Doc, k: int, lex: QuantityLexicon) -> str | None:
    """'killed three soldiers', 'wounding 40', 'the arrest of 13', 'the death toll rose to 30'."""
    for _ in range(MAX_LOOKAROUND + 1):
        if k < 0:
            return None
        tok = doc[k]
        role = _role_word(tok, lex)
        if role is not None:
            return role
        if tok.lower_ not in lex.bridges or tok.is_sent_start:
            return None
        k -= 1
    return None


def _role_tree(anchor: Token, lex: QuantityLexicon) -> str | None:
    """The dependency parse when words stand between the count and its verb."""
    node = anchor
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    head = node.head
    role = _role_word(head, lex) if head != node else None
    if role and (node.dep_ in ("nsubjpass", "dobj", "obj")
                 or (node.dep_ == "nsubj" and head.lemma_.lower() in lex.intransitive)):
        return role
    for child in node.children:
        if child.dep_ in ("acl", "relcl") and _role_word(child, lex) and (
                child.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in child.children)):
            return _role_word(child, lex)
    return None


def _is_subset(doc: Doc, k: int, lex: QuantityLexicon) -> bool:
    return any(_words_at(doc, k - len(p) + 1, p) for p in lex.subsets if k - len(p) + 1 >= 0)


def _tail_unit(doc: Doc, num: _Number, lex: QuantityLexicon) -> tuple[str | None, int]:
    """Percent or currency word after the number: (unit, end token index)."""
    for words in lex.percent:
        if _words_at(doc, num.end, words):
            return "percent", num.end + len(words)
    if num.end < len(doc) and doc[num.end].lower_ in lex.currency_words:
        return lex.currency_words[doc[num.end].lower_], num.end + 1
    return None, num.end


def _quantity(doc: Doc, text: str, num: _Number, lex: QuantityLexicon, temporal: set[int]) -> Quantity | None:
    first = doc[num.start]
    start_char = first.idx
    unit, end = _tail_unit(doc, num, lex)
    prev = doc[num.start - 1] if num.start > 0 else None
    if prev is not None and prev.text in lex.currency_signs:
        unit, start_char = lex.currency_signs[prev.text], prev.idx
    head = unit_text = None
    if unit is None:
        head_i, phrase_start = _unit(doc, num.end, temporal)
        if head_i is not None:
            head, end = doc[head_i], head_i + 1
            if head.lemma_.lower() in lex.durations or head.lower_ in lex.durations:
                return None
            unit = head.text if head.pos_ == "PROPN" else head.lower_
            unit_text = doc[phrase_start:head_i + 1].text
    qual = lex.qualifiers.search(text[max(0, start_char - 30):start_char])
    qualifier = " ".join(qual.group(1).lower().split()) if qual else num.vague
    if qual:
        start_char -= len(qual.group(0))
    left_i = doc.char_span(start_char, start_char + 1, alignment_mode="expand").start - 1
    anchor = head if head is not None else doc[num.end - 1]
    role = None
    if unit not in ("percent", *lex.currency_signs.values(), *lex.currency_words.values()):
        role = (lex.roles.get(head.lemma_.lower()) if head is not None and head.pos_ == "NOUN" else None) \
            or _role_right(doc, end, head is not None, lex) or _role_left(doc, left_i, lex) \
            or _role_tree(anchor, lex)
    if num.word in lex.needs_role and role is None:
        return None
    end_char = doc[end - 1].idx + len(doc[end - 1].text)
    return Quantity(value=num.value, unit=unit or "", qualifier=qualifier, text=text[start_char:end_char],
                    start=start_char, end=end_char, role=role, unit_text=unit_text,
                    subset=_is_subset(doc, left_i, lex))


def extract_quantities(doc: Doc, settings: Settings = DEFAULT) -> tuple[Quantity, ...]:
    """Counts with qualifiers and units."""
    lex = lexicon()
    blocked, temporal = _blocked_tokens(doc)
    text = doc_text(doc)  # joined once per Doc
    out: list[Quantity] = []
    starts = _number_starts(doc, lex)
    i = 0
    while i < len(doc):
        num = _read_number(doc, i, lex) if i in starts and i not in blocked else None
        if num is None or any(k in blocked for k in range(num.start, num.end)) \
                or _is_label_or_code(doc, num, lex) or _is_year(doc, text, num):
            i += 1 if num is None else num.end - num.start
            continue
        q = _quantity(doc, text, num, lex, temporal)
        if q is not None and q.subset and q.role is None and out and out[-1].role \
                and doc[num.start].sent.start_char <= out[-1].start:
            q = q.model_copy(update={"role": out[-1].role})  # "30 killed, including 12 soldiers"
        if q is not None:
            out.append(q)
        i = num.end
    return tuple(out)


def casualties_in(quantities, start_char: int, end_char: int) -> tuple[int | None, int | None]:
    """(fatalities, injuries) counted inside [start_char, end_char): conjoined counts add up, subsets do not."""
    totals = []
    for role in ("fatalities", "injuries"):
        found = [q for q in quantities if q.role == role and start_char <= q.start and q.end <= end_char]
        main = [q for q in found if not q.subset] or found
        totals.append(int(sum(q.value for q in main)) if main else None)
    return totals[0], totals[1]
