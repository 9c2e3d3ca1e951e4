"""A faster matcher for the model's attribute_ruler, with identical output.

Why: the stock AttributeRuler runs a general spaCy Matcher with ~180
patterns over every token; on this model that was about 15% of the whole
``nlp.pipe`` (as much as the parser), though nearly every pattern is "one
token with this TAG (and this LOWER)". Here each pattern is indexed by the
TAG and LOWER values its first token requires, so a token is checked only
against the one or two patterns that can match it, on the integer attribute
array rather than Token objects. The ruler keeps its own
``set_annotations`` (same order: pattern index, then position), so only
*finding* the matches changes; :class:`FastMatch` refuses any pattern it
cannot compile, and a unit test compares the result with the stock ruler.

It goes in as a registered spaCy component, not a patch: the factory
``fast_attribute_ruler`` makes a :class:`FastAttributeRuler` (the stock
class, with ``match`` replaced), and :func:`pipeline.nlp.parsing.model.get_nlp`
loads the model with its ``attribute_ruler`` built by that factory. The
model's patterns load into it exactly as into the stock ruler.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

#: Columns of the attribute array this matcher reads.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]


def _predicate(value, strings) -> Callable[[int], bool]:
    """One token condition as a test on the attribute's hash (or bool)."""
    def h(v):
        return v if isinstance(v, bool) else strings.add(v)
    if not isinstance(value, dict):
        want = h(value)
        return lambda v: v == want
    (op, arg), = value.items()
    if op == "IN":
        allowed = frozenset(h(a) for a in arg)
        return lambda v: v in allowed
    if op == "NOT_IN":
        banned = frozenset(h(a) for a in arg)
        return lambda v: v not in banned
    if op == "REGEX":
        rx, seen = re.compile(arg), {}
        def search(v):  # the Matcher searches, too; memoised per word
            if v not in seen:
                seen[v] = bool(rx.search(strings[v]))
            return seen[v]
        return search
    raise ValueError(f"unsupported operator {op}")


def _positive(value, strings) -> frozenset | None:
    """The values a condition requires (== or IN), usable as index keys."""
    def h(v):
        return v if isinstance(v, bool) else strings.add(v)
    if not isinstance(value, dict):
        return frozenset([h(value)])
    return frozenset(h(v) for v in value["IN"]) if "IN" in value else None


class _Pattern:
    def __init__(self, key: int, match_id: int, spec: list[dict], strings):
        for tok in spec:
            if set(tok) - _COLUMNS.keys():
                raise ValueError(f"unsupported attributes {set(tok) - _COLUMNS.keys()}")
        self.key, self.match_id, self.length = key, match_id, len(spec)
        self.tests = [[(_COLUMNS[a], _predicate(v, strings)) for a, v in tok.items()]
                      for tok in spec]
        self.trivial = False  # set by the index: the index key is the whole test

    def matches(self, rows: list, i: int) -> bool:
        if self.trivial:
            return True
        if i + self.length > len(rows):
            return False
        return all(test(rows[i + k][col]) for k, tok in enumerate(self.tests)
                   for col, test in tok)


#: Index kinds, most selective first: a pattern goes under the first kind
#: its first token requires positively (== or IN); its value(s) are the keys.
_KINDS = (("TAG", "LOWER"), ("TAG",), ("LOWER",), ("DEP",), ("IS_SPACE",))


class FastMatch:
    """Drop-in for ``AttributeRuler.match``: the same sorted match list."""

    def __init__(self, ruler: AttributeRuler):
        self.strings = ruler.vocab.strings
        self.index: dict[tuple, list[_Pattern]] = {}
        self.rest: list[_Pattern] = []
        for key in range(len(ruler.attrs)):
            match_id = self.strings[str(key)]
            for spec in ruler.matcher.get(match_id)[1]:
                self._add(_Pattern(key, match_id, spec, self.strings), spec[0])

    def _add(self, pattern: _Pattern, first: dict) -> None:
        for kind in _KINDS:
            required = [_positive(first[a], self.strings) if a in first else None for a in kind]
            values = [v for v in required if v is not None]
            if len(values) < len(kind):
                continue
            keys = [(kind, v) for v in values[0]] if len(kind) == 1 else [
                (kind, (a, b)) for a in values[0] for b in values[1]]
            for k in keys:
                self.index.setdefault(k, []).append(pattern)
            pattern.trivial = pattern.length == 1 and set(first) == set(kind)
            return
        self.rest.append(pattern)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array(_ARRAY).tolist()
        found, get, empty = set(), self.index.get, ()
        for i, (tag, lower, dep, space) in enumerate(rows):
            for group in (get((_KINDS[0], (tag, lower)), empty), get((_KINDS[1], tag), empty),
                          get((_KINDS[2], lower), empty), get((_KINDS[3], dep), empty),
                          get((_KINDS[4], bool(space)), empty), self.rest):
                for p in group:
                    if p.matches(rows, i):
                        found.add((p.key, p.match_id, i, i + p.length))
        return sorted(found)


#: The factory name the model's attribute_ruler is built with (see model.py).
FACTORY = "fast_attribute_ruler"


class FastAttributeRuler(AttributeRuler):
    """The stock AttributeRuler, finding its matches with :class:`FastMatch`.

    The index is built on first use and dropped whenever patterns change
    (``from_disk`` clears, then adds the model's patterns).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._fast: FastMatch | None = None

    def clear(self) -> None:
        super().clear()
        self._fast = None

    def add(self, *args, **kwargs) -> None:
        super().add(*args, **kwargs)
        self._fast = None

    def match(self, doc: Doc):
        if self._fast is None:
            self._fast = FastMatch(self)
        return self._fast(doc)


@Language.factory(FACTORY, default_config={
    "validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_fast_attribute_ruler(nlp: Language, name: str, validate: bool,
                              scorer: Callable | None) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
