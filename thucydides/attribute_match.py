"""The matches of spaCy's attribute ruler, found by a lookup per token instead of its general matcher.

The ``attribute_ruler`` of the English pipelines maps each token's fine tag (and a few words) to its
coarse tag and morphology with 179 patterns of one or two tokens, run through spaCy's ``Matcher``: about
12 % of the whole parse. Every pattern here tests plain token attributes (the lowercase form, the tag,
the dependency label, whitespace) for equality, membership or a regular expression, so the same matches
can be found by looking up each token's form and tag. :func:`fast_attribute_ruler` puts such a matcher
in the ruler's place only when every pattern is of that kind; the ruler then sets the attributes itself,
from the same matches in the same order, so the annotations are the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.strings import get_string_id

Row = tuple[int, int, int, int]  # one token's LOWER, TAG, DEP and IS_SPACE, as spaCy's string ids
Test = Callable[[Row], bool]
Entry = tuple[int, list[list[Test]]]  # a rule's number and, for each token of its pattern, its tests
_FIELDS = ("LOWER", "TAG", "DEP", "IS_SPACE")
KNOWN_ROWS = 100_000  # distinct tokens whose one-token rules are kept (about 20 MB); past it, they are forgotten


def _test(attr: str, spec: Any, strings: Any) -> Test | None:
    """A test of one token attribute, or None for a kind of pattern this matcher does not know."""
    if attr not in _FIELDS:
        return None
    k = _FIELDS.index(attr)
    if isinstance(spec, bool) and attr == "IS_SPACE":
        flag = int(spec)
        return lambda t: t[k] == flag
    if isinstance(spec, str) and attr != "IS_SPACE":
        key = get_string_id(spec)
        return lambda t: t[k] == key
    if isinstance(spec, dict) and len(spec) == 1 and attr != "IS_SPACE":
        ((op, value),) = spec.items()
        if op == "IN":
            within = frozenset(get_string_id(v) for v in value)
            return lambda t: t[k] in within
        if op == "NOT_IN":
            outside = frozenset(get_string_id(v) for v in value)
            return lambda t: t[k] not in outside
        if op == "REGEX":
            search = re.compile(value).search
            return lambda t: search(strings[t[k]]) is not None
    return None


def _keys(first: dict[str, Any]) -> tuple[int, frozenset[int]] | None:
    """The field and values under which a pattern is looked up: its first token's form, tag or dependency
    when one is required (alone or as one of a list); None when it must be tried at every token."""
    for k, attr in enumerate(_FIELDS[:3]):
        spec = first.get(attr)
        if isinstance(spec, str):
            return k, frozenset({get_string_id(spec)})
        if isinstance(spec, dict) and list(spec) == ["IN"]:
            return k, frozenset(get_string_id(v) for v in spec["IN"])
    return None


@dataclass
class _Rules:
    """Rules looked up by their first token's form, tag or dependency; ``rest``: those tried at every token."""

    by: tuple[dict[int, list[Entry]], ...] = field(default_factory=lambda: ({}, {}, {}))
    rest: list[Entry] = field(default_factory=list)

    def at(self, row: Row) -> list[Entry]:
        """The rules that may match at a token with these attributes."""
        by_lower, by_tag, by_dep = self.by
        return [*by_lower.get(row[0], ()), *by_tag.get(row[1], ()), *by_dep.get(row[2], ()), *self.rest]


class AttributeMatch:
    """Finds the matches of an attribute ruler's patterns (see :meth:`compile`)."""

    def __init__(self, ruler: Any) -> None:
        self.ids = [ruler.vocab.strings[str(i)] for i in range(len(ruler.attrs))]
        self.one, self.more = _Rules(), _Rules()  # the rules of one token, and those of several
        self.single: dict[Row, tuple[int, ...]] = {}  # the one-token rules a token's attributes satisfy

    @classmethod
    def compile(cls, ruler: Any) -> AttributeMatch | None:
        """The matcher of ``ruler``'s patterns, or None if one of them uses what it does not handle."""
        out = cls(ruler)
        strings = ruler.vocab.strings
        for i, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tests: list[list[Test]] = []
                for token in pattern:
                    made = [_test(attr, spec, strings) for attr, spec in token.items()]
                    if not made or any(t is None for t in made):
                        return None  # an operator or attribute not handled here: keep spaCy's matcher
                    tests.append([t for t in made if t is not None])
                rules = out.one if len(tests) == 1 else out.more
                keys = _keys(pattern[0])
                if keys is None:
                    rules.rest.append((i, tests))
                else:
                    for key in keys[1]:
                        rules.by[keys[0]].setdefault(key, []).append((i, tests))
        return out

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """The ruler's matches in ``doc``, as its ``match`` gives them: (rule, key, start, end), sorted."""
        if not len(doc):
            return []
        rows: list[Row] = [tuple(r) for r in doc.to_array(list(_FIELDS)).tolist()]
        n = len(rows)
        found: set[tuple[int, int, int, int]] = set()
        for s, row in enumerate(rows):
            single = self.single.get(row)
            if single is None:
                if len(self.single) > KNOWN_ROWS:
                    self.single.clear()
                single = self.single[row] = tuple(i for i, tests in self.one.at(row) if _all(tests, rows, s))
            found.update((i, self.ids[i], s, s + 1) for i in single)
            for i, tests in self.more.at(row):
                e = s + len(tests)
                if e <= n and _all(tests, rows, s):
                    found.add((i, self.ids[i], s, e))
        return sorted(found)


def _all(tests: list[list[Test]], rows: list[Row], s: int) -> bool:
    return all(test(rows[s + j]) for j, each in enumerate(tests) for test in each)


def fast_attribute_ruler(nlp: Any) -> bool:
    """Give the pipeline's attribute ruler the lookup matcher, where its patterns allow; True if done."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    match = AttributeMatch.compile(ruler)
    if match is None:
        return False
    ruler.match = match
    return True
