"""The pipeline's attribute ruler, matched by table lookup: the same matches and the same values
as spaCy's `AttributeRuler`. Nearly all of its patterns test one token for equality or set
membership ({"TAG": "NN"}, {"LOWER": {"IN": [...]}, "TAG": "VBZ"}); spaCy runs them through the
general Matcher, which evaluated ~17 predicates per token and cost ~8 ms of a ~50 ms parse. Here
such patterns are dictionary lookups on the Doc's attribute arrays, only the rest (regular
expressions, several tokens) go through a Matcher, and the values are written in one
`Doc.from_array` call."""
from __future__ import annotations

import itertools

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
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
        def hashed(v):
            return int(v) if isinstance(v, bool) else vocab.strings.add(v) if isinstance(v, str) else None
        if isinstance(cond, dict):
            if len(cond) != 1 or not ({"IN", "NOT_IN"} & set(cond)):
                return None
            (op, vals), = cond.items()
            values = [hashed(v) for v in vals]
            if None in values:
                return None
            if op == "IN":
                cols.append(attr); choices.append(values)
            else:
                excluded.append((attr, frozenset(values)))
        else:
            value = hashed(cond)
            if value is None:
                return None
            cols.append(attr); choices.append([value])
    if not cols:
        return None
    return tuple(cols), list(itertools.product(*choices)), tuple(excluded)


class LookupAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, matching one-token patterns by lookup and writing arrays once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._reset_lookup()

    def _reset_lookup(self) -> None:
        self._tables: dict[tuple, _Table] = {}
        self._rest = Matcher(self.vocab, validate=self.validate)
        self._cols: list[int] = []

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
                rest.append(pattern)
                continue
            cols, value_rows, excluded = form
            table = self._tables.setdefault(cols, _Table(cols))
            for values in value_rows:
                table.add(values, attr_id, match_id, excluded)
            for attr in (*cols, *(c for c, _ in excluded)):
                if attr not in self._cols:
                    self._cols.append(attr)
        if rest:
            self._rest.add(match_id, rest)

    def match(self, doc: Doc):
        """The Matcher's matches, sorted by rule as spaCy sorts them (later rules win)."""
        found: set = set()
        if len(self._rest):
            for m_id, start, end in self._rest(doc, allow_missing=True, as_spans=False):
                found.add((int(self.vocab.strings[m_id]), m_id, start, end))
        if self._tables and len(doc):
            arr = doc.to_array(self._cols).reshape(len(doc), len(self._cols))
            col_of = {attr: j for j, attr in enumerate(self._cols)}
            for table in self._tables.values():
                table.find(arr, col_of, found)
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
