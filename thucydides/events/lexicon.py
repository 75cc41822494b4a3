"""The event lexicon: patterns of verbs, event nouns and adjectives that give CAMEO codes.

The pattern language is specified in docs/lexicon.md. This module parses the YAML
files into :class:`Pattern` objects indexed by trigger word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError, Errors
from ..resources import DATA_DIR, cached, fingerprint, load_yaml, yaml_files

PREPOSITIONS = frozenset(
    """
with to against on of for from in into over about at by out up off down back away across through
toward towards between among under upon onto behind after around as like within without beyond near
along amid amidst despite during inside outside past since than via before aside together ahead forward
""".split()
)
POSITIONS = ("verb", "noun", "adjective")
_SECTIONS = {"verbs": "verb", "nouns": "noun", "adjectives": "adjective"}


@dataclass(frozen=True, slots=True)
class Slot:
    """One requirement after the trigger.

    ``prep`` is the preposition or particle that must hang off the trigger (None for
    the direct object). ``role`` is what fills the slot: "target", "source", "match"
    (an object whose lemma is in ``words``) or "" (the preposition alone).
    """

    prep: str | None
    role: str
    words: frozenset[str] = frozenset()
    label: str = ""


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    pos: str
    trigger: tuple[str, ...]
    slots: tuple[Slot, ...]
    text: str
    origin: str

    @property
    def head(self) -> str:
        return self.trigger[-1]

    @property
    def specificity(self) -> int:
        return 2 * len(self.slots) + 2 * (len(self.trigger) - 1) + sum(1 for s in self.slots if s.role == "match")

    @property
    def has_target(self) -> bool:
        return any(s.role == "target" for s in self.slots)

    @property
    def has_source(self) -> bool:
        return any(s.role == "source" for s in self.slots)


@dataclass
class Lexicon:
    patterns: dict[str, dict[str, list[Pattern]]] = field(default_factory=lambda: {p: {} for p in POSITIONS})
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    count: int = 0

    def lookup(self, pos: str, word: str) -> list[Pattern]:
        return self.patterns[pos].get(word, [])

    def add(self, pattern: Pattern) -> None:
        bucket = self.patterns[pattern.pos].setdefault(pattern.head, [])
        for k, existing in enumerate(bucket):
            if existing.text == pattern.text:
                bucket[k] = pattern
                return
        bucket.append(pattern)
        self.count += 1

    def all_patterns(self) -> Iterable[Pattern]:
        for by_word in self.patterns.values():
            for bucket in by_word.values():
                yield from bucket

    def patient_nouns(self, roots: frozenset[str]) -> frozenset[str]:
        """Event nouns of CAMEO ``roots`` whose "of" object is whom the act is done to, by a pattern of their own
        ("bombing of *", "killing of *"): "the bombing of a mosque" names the mosque bombed, not who bombed it."""
        return frozenset(
            pattern.head
            for bucket in self.patterns["noun"].values()
            for pattern in bucket
            if pattern.code[:2] in roots
            and pattern.slots
            and pattern.slots[0].prep == "of"
            and pattern.slots[0].role == "target"
        )


def lexicon_files(extra: Iterable[Path] = ()) -> tuple[list[Path], list[Path]]:
    base = DATA_DIR / "events"
    classes = yaml_files(base / "classes") if (base / "classes").exists() else []
    lexicon = yaml_files(base / "lexicon") if (base / "lexicon").exists() else []
    return classes, [*lexicon, *(Path(p) for p in extra)]


def load_lexicon(extra: Iterable[Path] = ()) -> Lexicon:
    classes, files = lexicon_files(extra)
    key = fingerprint([*classes, *files, Path(__file__)])
    return cached("lexicon", key, lambda: build_lexicon(classes, files))


def build_lexicon(class_files: Iterable[Path], files: Iterable[Path]) -> Lexicon:
    lexicon = Lexicon()
    merged: dict[str, set[str]] = {}
    for path in class_files:
        data = load_yaml(path) or {}
        if not isinstance(data, dict):
            raise DataError(
                Errors.E003, path=path, where="top level", detail="classes must be a mapping of name to words"
            )
        for name, words in data.items():
            merged.setdefault(str(name), set()).update(_norm(w) for w in words or [])
    lexicon.classes = {k: frozenset(v) for k, v in merged.items()}
    for path in files:
        data = load_yaml(path) or []
        if not isinstance(data, list):
            raise DataError(
                Errors.E003, path=path, where="top level", detail="a lexicon file must be a list of entries"
            )
        for number, entry in enumerate(data, start=1):
            _load_entry(lexicon, path, number, entry)
    return lexicon


def _load_entry(lexicon: Lexicon, path: Path, number: int, entry: Any) -> None:
    where = f"entry {number}"
    if not isinstance(entry, dict) or "code" not in entry:
        raise DataError(Errors.E003, path=path, where=where, detail="each entry needs a 'code'")
    code = str(entry["code"]).strip()
    if not re.fullmatch(r"\d{2,4}", code):
        raise DataError(Errors.E202, path=path, code=code)
    for section, pos in _SECTIONS.items():
        for text in entry.get(section) or []:
            first, _, rest = str(text).strip().partition(" ")
            for trigger in first.split("|"):
                line = f"{trigger} {rest}".strip()
                lexicon.add(parse_pattern(line, code, pos, lexicon.classes, f"{path.name}:{where}"))


def _norm(word: Any) -> str:
    return str(word).strip().lower().replace(" ", "_")


def parse_pattern(text: str, code: str, pos: str, classes: dict[str, frozenset[str]], origin: str) -> Pattern:
    """Parse one pattern line (see docs/lexicon.md)."""
    words = text.strip().split()
    if not words:
        raise DataError(Errors.E003, path=origin, where=text, detail="empty pattern")
    trigger = tuple(w.lower() for w in words[0].split("_") if w)
    slots: list[Slot] = []
    for word in words[1:]:
        lowered = word.lower()
        if lowered in PREPOSITIONS:
            slots.append(Slot(prep=lowered, role=""))
            continue
        if word == "*":
            filler = Slot(prep=None, role="target", label="*")
        elif word == "@":
            filler = Slot(prep=None, role="source", label="@")
        elif word.startswith("{") and word.endswith("}"):
            name = word[1:-1]
            if name not in classes:
                raise DataError(Errors.E003, path=origin, where=text, detail=f"unknown class '{name}'")
            filler = Slot(prep=None, role="match", words=classes[name], label=word)
        else:
            filler = Slot(prep=None, role="match", words=frozenset(_norm(w) for w in word.split("|")), label=word)
        if slots and slots[-1].role == "" and slots[-1].prep is not None:
            prep = slots.pop().prep
            slots.append(Slot(prep=prep, role=filler.role, words=filler.words, label=filler.label))
        else:
            slots.append(filler)
    return Pattern(code=code, pos=pos, trigger=trigger, slots=tuple(slots), text=text.strip(), origin=origin)
