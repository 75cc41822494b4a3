"""Language profiles: the word lists and label names the coder reads, as data.

A profile is a directory ``data/lang/<code>/`` with ``language.yaml`` (the code
and the spaCy model), ``words.yaml`` (named word lists: pronouns, copulas,
prepositions of place ...) and ``labels.yaml`` (the groups of dependency labels and
entity types the code reads, and ``map``: how the parser's own labels translate
to them). English ships with the package; another language registers its
directory in the registry (category ``languages``) and gives a spaCy model, and
:func:`relabel` maps its parser's labels onto the ones the code is written against.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from . import registry
from .errors import DataError, Errors
from .parse import ParsedArticle, Sentence
from .resources import DATA_DIR, load_yaml


@dataclass(frozen=True)
class Language:
    code: str
    model: str
    word_lists: dict[str, tuple[str, ...]]
    label_groups: dict[str, tuple[str, ...]]
    label_map: dict[str, str]
    path: Path

    def words(self, name: str) -> frozenset[str]:
        """The word list ``name`` as a set (E003 when the profile has none)."""
        return frozenset(self.word_list(name))

    def word_list(self, name: str) -> tuple[str, ...]:
        """The word list ``name`` in its order (for lists where order says which comes first)."""
        return self._get(self.word_lists, name, "words.yaml")

    def labels(self, name: str) -> frozenset[str]:
        return frozenset(self.label_list(name))

    def label_list(self, name: str) -> tuple[str, ...]:
        return self._get(self.label_groups, name, "labels.yaml")

    def _get(self, table: dict[str, tuple[str, ...]], name: str, file: str) -> tuple[str, ...]:
        found = table.get(name)
        if found is None:
            raise DataError(Errors.E003, path=self.path / file, where=name, detail="the list is missing")
        return found


def read_language(path: Path) -> Language:
    """The profile in the directory ``path``."""
    about = load_yaml(path / "language.yaml") or {}
    words = load_yaml(path / "words.yaml") or {}
    labels = load_yaml(path / "labels.yaml") or {}
    return Language(
        code=str(about["code"]),
        model=str(about["model"]),
        word_lists={str(k): tuple(str(w) for w in v) for k, v in words.items()},
        label_groups={str(k): tuple(str(w) for w in v) for k, v in (labels.get("groups") or {}).items()},
        label_map={str(k): str(v) for k, v in (labels.get("map") or {}).items()},
        path=path,
    )


registry.register("languages", "en", lambda: DATA_DIR / "lang" / "en")


def load_language(code: str) -> Language:
    """The profile registered as ``code``: its factory gives the profile's directory."""
    return read_language(Path(registry.get("languages", code)()))


def relabel(parsed: ParsedArticle, language: Language) -> ParsedArticle:
    """``parsed`` with its parser's dependency labels mapped to the ones the code reads."""
    if not language.label_map:
        return parsed
    return dataclasses.replace(parsed, sentences=[_relabel(s, language.label_map) for s in parsed.sentences])


def _relabel(sentence: Sentence, mapping: dict[str, str]) -> Sentence:
    tokens = [dataclasses.replace(t, dep=mapping.get(t.dep, t.dep)) for t in sentence.tokens]
    return dataclasses.replace(sentence, tokens=tokens)


ENGLISH = read_language(DATA_DIR / "lang" / "en")
