"""Token attributes written as arrays: the pipeline's attribute ruler and lemmatizer, with the
same output as spaCy's and without spaCy's per-token Python work.

The attribute ruler is matched by table lookup: the same matches and the same values as spaCy's
`AttributeRuler`. Nearly all of its patterns test one token for equality or set
membership ({"TAG": "NN"}, {"LOWER": {"IN": [...]}, "TAG": "VBZ"}); spaCy runs them through the
general Matcher, which evaluated ~17 predicates per token and cost ~8 ms of a ~50 ms parse. Here
such patterns are dictionary lookups on the Doc's attribute arrays, only the rest (regular
expressions, several tokens) go through a Matcher, and the values are written in one
`Doc.from_array` call.

The lemmatizer remembers each (word, part of speech, morphology)'s lemma: spaCy's rule lemmatizer
caches only some of them and builds a Token, a MorphAnalysis and a feature dict per token for the
rest."""
from __future__ import annotations

import itertools
import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a one-token pattern may test by lookup (as the Matcher reads them: lexeme
# attributes for LOWER/NORM/ORTH, token attributes for TAG/DEP, a flag for IS_SPACE).
LOOKUP_KEYS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP,
               "IS_SPACE": IS_SPACE}
# Token attributes that from_array sets exactly as spaCy's set_token_attrs does (none of them is
# a lexeme attribute); any other (DEP, extensions) goes through spaCy's own setter.
ARRAY_ATTRS = (POS, TAG, LEMMA, MORPH)


class _Table:
    """One-token patterns that test the same attributes for equality: values -> matches."""

    def __init__(self, cols: tuple[int, ...]):
        self.cols = cols
        self.rows: dict[tuple, list[tuple[int, int, tuple]]] = {}
        self.firsts = numpy.zeros(0, dtype=numpy.uint64)

    def add(self, values: tuple, attr_id: int, match_id: int, excluded: tuple) -> None:
        self.rows.setdefault(values, []).append((attr_id, match_id, excluded))
        self.firsts = numpy.fromiter({v[0] for v in self.rows}, dtype=numpy.uint64)

    def find(self, arr: numpy.ndarray, col_of: dict[int, int], out: set) -> None:
        """Add (attr_id, match_id, start, end) of every token these patterns match to `out`."""
        hits = numpy.flatnonzero(numpy.isin(arr[:, col_of[self.cols[0]]], self.firsts))
        if not len(hits):
            return
        sub = arr[hits][:, [col_of[c] for c in self.cols]].tolist()
        full = arr[hits].tolist()
        for i, values, row in zip(hits.tolist(), sub, full):
            for attr_id, match_id, excluded in self.rows.get(tuple(values), ()):
                if all(row[col_of[c]] not in banned for c, banned in excluded):
                    out.add((attr_id, match_id, i, i + 1))


def _lookup_form(vocab, token_pattern: dict):
    """(columns, value tuples, excluded sets) for a one-token pattern a table can match, else None."""
    cols, choices, excluded = [], [], []
    for key, cond in token_pattern.items():
        attr = LOOKUP_KEYS.get(key)
        if attr is None:
            return None
        if isinstance(cond, dict):
            if len(cond) != 1 or not ({"IN", "NOT_IN"} & set(cond)):
                return None
            (op, vals), = cond.items()
            values = [_hashed(vocab, v) for v in vals]
            if None in values:
                return None
            if op == "IN":
                cols.append(attr); choices.append(values)
            else:
                excluded.append((attr, frozenset(values)))
        else:
            value = _hashed(vocab, cond)
            if value is None:
                return None
            cols.append(attr); choices.append([value])
    if not cols:
        return None
    return tuple(cols), list(itertools.product(*choices)), tuple(excluded)


def _hashed(vocab, value):
    """The Matcher's integer for a pattern value (a string's hash, a flag's 0/1), else None."""
    if isinstance(value, bool):
        return int(value)
    return vocab.strings.add(value) if isinstance(value, str) else None


def _sequence_form(vocab, pattern: list[dict]):
    """Per token, the (attribute, test, argument) conditions of a pattern without operators, else None."""
    tokens = []
    for spec in pattern:
        conds = []
        for key, cond in spec.items():
            attr = LOOKUP_KEYS.get(key)
            if attr is None:
                return None  # "OP" and attributes the lookup does not read
            if not isinstance(cond, dict):
                cond = {"IN": [cond]}
            if len(cond) != 1:
                return None
            (op, arg), = cond.items()
            if op == "REGEX" and isinstance(arg, str):
                conds.append((attr, "regex", re.compile(arg)))
            elif op in ("IN", "NOT_IN") and all(_hashed(vocab, v) is not None for v in arg):
                conds.append((attr, op, frozenset(_hashed(vocab, v) for v in arg)))
            else:
                return None
        tokens.append(conds)
    return tokens


class _Sequence:
    """A pattern of one or more tokens with set and regular-expression tests (Matcher semantics:
    a regular expression is searched in the attribute's string)."""

    def __init__(self, tokens: list[list[tuple]], attr_id: int, match_id: int):
        self.tokens, self.attr_id, self.match_id = tokens, attr_id, match_id
        self.cols = {attr for conds in tokens for attr, _, _ in conds}
        self._regex_hits: dict[tuple[int, int], bool] = {}

    def _passes(self, conds, row: list[int], col_of: dict[int, int], strings) -> bool:
        for attr, op, arg in conds:
            value = row[col_of[attr]]
            if op == "IN" and value not in arg or op == "NOT_IN" and value in arg:
                return False
            if op == "regex":
                key = (id(arg), value)
                hit = self._regex_hits.get(key)
                if hit is None:
                    hit = self._regex_hits[key] = bool(arg.search(strings[value]))
                if not hit:
                    return False
        return True

    def find(self, arr: numpy.ndarray, rows: list, col_of: dict[int, int], strings, out: set) -> None:
        """Add (attr_id, match_id, start, end) of every place this pattern matches to `out`."""
        span = len(self.tokens)
        # the first token's test, applied once per distinct value, picks the places to try
        attr, _, _ = self.tokens[0][0]
        column = arr[:max(len(rows) - span + 1, 0), col_of[attr]]
        only = [c for c in self.tokens[0] if c[0] == attr]
        keys = [v for v in numpy.unique(column).tolist() if self._passes(only, [v], {attr: 0}, strings)]
        starts = numpy.flatnonzero(numpy.isin(column, numpy.array(keys, dtype=numpy.uint64))).tolist()
        for i in starts:
            if all(self._passes(conds, rows[i + j], col_of, strings) for j, conds in enumerate(self.tokens)):
                out.add((self.attr_id, self.match_id, i, i + span))


class LookupAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, matching one-token patterns by lookup and writing arrays once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._reset_lookup()

    def _reset_lookup(self) -> None:
        self._tables: dict[tuple, _Table] = {}
        self._sequences: list[_Sequence] = []
        self._rest = Matcher(self.vocab, validate=self.validate)
        self._cols: list[int] = []

    def _use(self, attrs) -> None:
        for attr in attrs:
            if attr not in self._cols:
                self._cols.append(attr)

    def clear(self) -> None:
        """Reset all patterns."""
        super().clear()
        self._reset_lookup()

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        """Add patterns as spaCy does, and file each one-token pattern in its lookup table."""
        super().add(patterns, attrs, index)
        attr_id = len(self.attrs) - 1
        match_id = self.vocab.strings[str(attr_id)]
        rest = []
        for pattern in patterns:
            form = _lookup_form(self.vocab, pattern[0]) if len(pattern) == 1 else None
            if form is None:
                tokens = _sequence_form(self.vocab, pattern) if pattern else None
                if tokens is None:
                    rest.append(pattern)
                else:
                    self._sequences.append(_Sequence(tokens, attr_id, match_id))
                    self._use(sorted(self._sequences[-1].cols))
                continue
            cols, value_rows, excluded = form
            table = self._tables.setdefault(cols, _Table(cols))
            for values in value_rows:
                table.add(values, attr_id, match_id, excluded)
            self._use((*cols, *(c for c, _ in excluded)))
        if rest:
            self._rest.add(match_id, rest)

    def match(self, doc: Doc):
        """The Matcher's matches, sorted by rule as spaCy sorts them (later rules win)."""
        found: set = set()
        if len(self._rest):
            for m_id, start, end in self._rest(doc, allow_missing=True, as_spans=False):
                found.add((int(self.vocab.strings[m_id]), m_id, start, end))
        if (self._tables or self._sequences) and len(doc):
            arr = doc.to_array(self._cols).reshape(len(doc), len(self._cols))
            col_of = {attr: j for j, attr in enumerate(self._cols)}
            for table in self._tables.values():
                table.find(arr, col_of, found)
            rows = arr.tolist() if self._sequences else []
            for seq in self._sequences:
                seq.find(arr, rows, col_of, doc.vocab.strings, found)
        return sorted(found)

    def set_annotations(self, doc: Doc, matches) -> None:
        """Apply every match in order (later rules win), writing the arrays once."""
        values: dict[int, dict[int, int]] = {}
        rest = []
        for attr_id, _match_id, start, end in matches:
            index = self.indices[attr_id]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                return super().set_annotations(doc, matches)  # spaCy raises its own error
            for attr, value in self.attrs[attr_id].items():
                if attr in ARRAY_ATTRS:
                    values.setdefault(attr, {})[i] = value
                else:
                    rest.append((i, {attr: value}))
        if values:
            attrs = [a for a in ARRAY_ATTRS if a in values]
            arr = doc.to_array(attrs).reshape(len(doc), len(attrs))
            for col, attr in enumerate(attrs):
                column = values[attr]
                idx = numpy.fromiter(column.keys(), dtype=numpy.int64, count=len(column))
                arr[idx, col] = numpy.fromiter(column.values(), dtype=numpy.uint64, count=len(column))
            doc.from_array(attrs, arr)
        for i, attrs_one in rest:
            set_token_attrs(doc[i], attrs_one)


@Language.factory("wc_attribute_ruler", default_config={
    "validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer) -> LookupAttributeRuler:
    """The lookup attribute ruler, to be filled with an existing ruler's patterns."""
    return LookupAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def use_lookup_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's spaCy attribute ruler for the lookup one with the same patterns."""
    name = "attribute_ruler"
    if name not in nlp.pipe_names or type(nlp.get_pipe(name)) is not AttributeRuler:
        return
    patterns = nlp.get_pipe(name).patterns
    nlp.replace_pipe(name, "wc_attribute_ruler").add_patterns(patterns)


class MemoLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with every lemma remembered and the lemmas written at once."""

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token that has none (or all, with overwrite), as spaCy does."""
        if not self._validated:
            self._validate_tables()
        memo = self.__dict__.setdefault("_memo", {})
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(len(doc), 4)
        lemmas = arr[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not self.overwrite:
                continue
            # the lemma depends on nothing else: text, part of speech and morphology
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = memo[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = value
        if len(doc):
            doc.from_array([LEMMA], lemmas.reshape(len(doc), 1))
        return doc


@Language.factory("wc_lemmatizer", default_config={
    "model": None, "mode": "rule", "overwrite": False, "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_lemmatizer(nlp: Language, name: str, model, mode: str, overwrite: bool, scorer) -> MemoLemmatizer:
    """The remembering lemmatizer, to be given an existing lemmatizer's tables."""
    return MemoLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def use_memo_lemmatizer(nlp: Language) -> None:
    """Swap the pipeline's English rule lemmatizer for the remembering one with the same tables."""
    name = "lemmatizer"
    if name not in nlp.pipe_names:
        return
    old = nlp.get_pipe(name)
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return
    new = nlp.replace_pipe(name, "wc_lemmatizer", config={"mode": old.mode, "overwrite": old.overwrite})
    new.lookups = old.lookups
