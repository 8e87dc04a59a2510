"""spaCy components: paragraph-bound sentences, the registry ruler, entity fixes, and one
thin factory per extractor so users can put wirecoder's extractors in their own pipelines."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import IDX
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from wirecoder.nlp import extensions  # noqa: F401  (registers Doc extensions)
from wirecoder.registry import load_registry
from wirecoder.nlp.spans import doc_text
from wirecoder.settings import data_lines

def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of text: a line is a paragraph in wirecoder."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


# "YANGON, Myanmar (Coastline Press) — " or "BAMAKO (AFP) - ": a dateline is not part of the sentence
DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?\s*(?:\([^()\n]{2,60}\))?\s*[—–-]{1,2}\s*")


class ParagraphSplitter:
    """Start a sentence at every paragraph so no sentence crosses a line break."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        bounds = paragraph_bounds(text)
        doc._.wc_paragraphs = bounds
        starts = {s for s, _ in bounds}
        for lo, hi in bounds[:3]:
            m = DATELINE.match(text[lo:hi])  # ("^" would not anchor at lo with match(text, lo))
            if m and lo + m.end() < hi and any(c.islower() for c in text[lo + m.end():hi]):
                starts.add(lo + m.end())
        _mark_sentence_starts(doc, text, starts)
        return doc


def _newline_tokens(text: str, idx: list[int]) -> set[int]:
    """Indices of the tokens whose text holds a line break, found from the text's line breaks
    (bisecting the token offsets) rather than by reading every token."""
    out, p = set(), text.find("\n")
    while p >= 0:
        out.add(bisect_right(idx, p) - 1)
        p = text.find("\n", p + 1)
    return out


def _mark_sentence_starts(doc: Doc, text: str, starts: set[int]) -> None:
    """A line break ends its sentence; a paragraph (or a dateline's end) starts one.

    Only the tokens at a break, after one, or at a start can change, so only those are read:
    creating a Token for every word was most of this component's cost."""
    if len(doc) < 2:
        return
    idx = doc.to_array(IDX).tolist()
    breaks = _newline_tokens(text, idx)
    at = {c: i for i, c in enumerate(idx)}
    for i in sorted(breaks | {b + 1 for b in breaks} | {at[c] for c in starts if c in at}):
        if i == 0 or i >= len(doc):
            continue
        tok = doc[i]
        if tok.is_space and i in breaks:
            tok.is_sent_start = False  # the break belongs to the sentence it ends
        elif tok.idx in starts or i - 1 in breaks:
            tok.is_sent_start = True


@Language.factory("wc_paragraphs", requires=[], assigns=["token.is_sent_start", "doc._.wc_paragraphs"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphSplitter:
    """Sentences never cross a paragraph (a line of the text)."""
    return ParagraphSplitter()


class RegistryRuler:
    """Tag registry aliases as entities before the model's NER, carrying the canonical name as
    the span id. Two phrase matchers: acronyms by exact case ('US' is not 'us'), other aliases
    case-insensitively but only where the text is capitalised ('the cradle of civilization' is
    not The Cradle)."""

    def __init__(self, nlp: Language, registry_files: list[str]) -> None:
        reg = load_registry(tuple(registry_files))
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[str, str]] = {}
        for entry in reg.entries.values():
            key = f"{entry.label}|{entry.name}"
            self.keys[nlp.vocab.strings.add(key)] = (entry.label, entry.name)
            exact, folded = [], []
            for alias in {entry.name, *entry.aliases}:
                (exact if alias.isupper() and len(alias) <= 6 else folded).append(nlp.make_doc(alias))
            if exact:
                self.exact.add(key, exact)
            if folded:
                self.folded.add(key, folded)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.exact(doc):
            label, name = self.keys[match_id]
            spans.append(Span(doc, start, end, label=label, span_id=name))
        for match_id, start, end in self.folded(doc):
            if not any(c.isupper() for c in doc[start:end].text):
                continue
            label, name = self.keys[match_id]
            spans.append(Span(doc, start, end, label=label, span_id=name))
        if spans:
            chosen = filter_spans(spans)
            keep = [e for e in doc.ents if not any(c.start < e.end and e.start < c.end for c in chosen)]
            doc.ents = filter_spans(chosen + keep)
        return doc


@Language.factory("wc_registry_ruler", default_config={"registry_files": []},
                  assigns=["doc.ents"])
def make_registry_ruler(nlp: Language, name: str, registry_files: list[str]) -> RegistryRuler:
    """The actor registry as entities; their spans carry the canonical name as id."""
    return RegistryRuler(nlp, registry_files)


def _load_words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in data_lines(name))


class EntityFixer:
    """Repair the small model's systematic label errors by class, not by word.

    Names of armed groups and institutions tagged PERSON ('Kataeb Hezbollah') become ORG when
    they hold an organisation head word; a leading 'the' is trimmed from entity spans."""

    def __init__(self) -> None:
        self.org_words = _load_words("org_words.txt")

    def __call__(self, doc: Doc) -> Doc:
        ents = []
        lines = {(lo, hi) for lo, hi in (doc._.wc_paragraphs or paragraph_bounds(doc_text(doc)))}
        for ent in doc.ents:
            label = ent.label_
            if label == "PERSON" and not ent.ent_id_ and any(t.lower_ in self.org_words for t in ent):
                label = "ORG"
            start, end = _trimmed(doc, ent.start, ent.end)
            if doc[start].lower_ == "the" and end - start > 1:
                start += 1
            if end <= start or _whole_line(doc, start, end, lines) and not ent.ent_id_:
                continue  # "Army Shells Rebel Positions Near Goma": a title-case headline, not a name
            ents.append(Span(doc, start, end, label=label, kb_id=ent.kb_id, span_id=ent.id))
        doc.ents = filter_spans(ents)
        return doc


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """An entity's tokens without the spaces at its edges, cut at a line break inside it."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    cut = next((t.i for t in doc[start:end] if "\n" in t.text_with_ws[:-1] or t.is_space), None)
    return (start, cut) if cut is not None else (start, end)


HEADLINE_WORDS = 4  # a line that is nothing but a "name" this long is a title-case headline


def _whole_line(doc: Doc, start: int, end: int, lines: set[tuple[int, int]]) -> bool:
    """True when the entity is a whole paragraph of several words (a headline the model read as a name)."""
    span = doc[start:end]
    return sum(t.is_alpha for t in span) >= HEADLINE_WORDS and (span.start_char, span.end_char) in lines


@Language.factory("wc_entity_fixer", requires=["doc.ents"], assigns=["doc.ents"])
def make_entity_fixer(nlp: Language, name: str) -> EntityFixer:
    """Relabel militia and institution names the model tagged PERSON."""
    return EntityFixer()
