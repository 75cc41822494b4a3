"""Gold-standard readers for ``thucydides eval``.

Five formats are read:

- PETRARCH validation XML (``<Sentence date id>`` with ``<EventCoding sourcecode
  targetcode eventcode/>`` and ``<Text>``), as in PETRARCH's unit tests;
- thucydides gold JSONL: ``{"id", "text", "date", "events": [{"source", "target", "code"}]}``;
- sentence-class TSV: ``sentence<TAB>label`` with the five coarse CAMEO classes;
- source/target span CoNLL: ``token TAG`` lines, tags B/I-S (source), B/I-T
  (target), B/I-R (both), blank line between sentences;
- PLOVER-labelled CSV (or a zip holding one): stories or sentences with ``text`` and ``label``, or
  headline templates with ``title`` and ``event`` whose ``{country_1}``/``{city}`` slots are filled.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..encoding import open_text, read_text, wrap_text
from ..errors import DataError, Errors


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str | None
    target: str | None
    code: str
    # the fields of a story's event (corpus/realnews, ../shared/ANNOTATION.md §5); empty elsewhere
    acceptable_codes: tuple[str, ...] = ()
    trigger: str | None = None
    date: dt.date | None = None
    place: str | None = None
    place_country: str | None = None
    place_is_country: bool = False
    background: bool = False
    date_precision: str = "day"  # "month" for a gold date written 2022-12, "year" for 2022

    @property
    def acceptable(self) -> tuple[str, ...]:
        """The codes a careful coder would accept: the code and the listed alternatives."""
        return (self.code, *(c for c in self.acceptable_codes if c != self.code))


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    date: dt.date | None = None
    events: tuple[GoldEvent, ...] = ()
    label: int | None = None
    spans: tuple[tuple[str, int, int], ...] = ()
    skip: bool = False
    plover: str | None = None


@dataclass
class GoldSet:
    path: Path
    kind: str  # events | stories | classes | spans | plover
    records: list[GoldRecord] = field(default_factory=list)
    actor_files: list[Path] = field(default_factory=list)


def read_gold(path: Path) -> GoldSet:
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return read_petrarch_xml(path)
    if suffix in (".jsonl", ".ndjson"):
        return read_gold_jsonl(path)
    if suffix == ".tsv":
        return read_class_tsv(path)
    if suffix in (".txt", ".conll"):
        return read_span_conll(path)
    if path.name.lower().endswith((".csv", ".csv.zip")):
        return read_plover_csv(path)
    raise DataError(Errors.E301, path=path)


# -- PETRARCH XML ------------------------------------------------------------------------

_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"|(\w+)\s*=\s*\'([^\']*)\'')
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def _attrs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(text):
        if m.group(1):
            out[m.group(1).lower()] = m.group(2)
        else:
            out[m.group(3).lower()] = m.group(4)
    return out


def read_petrarch_xml(path: Path) -> GoldSet:
    raw = read_text(path, errors="replace")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    gold = GoldSet(path=path, kind="events")
    env = re.search(r"<Environment>(.*?)</Environment>", raw, re.S)
    if env:
        for tag in ("Actorfile", "Agentfile"):
            for m in re.finditer(rf"<{tag}>(.*?)</{tag}>", env.group(1)):
                for name in m.group(1).split(","):
                    candidate = path.parent / name.strip()
                    if candidate.exists():
                        gold.actor_files.append(candidate)
    for number, m in enumerate(_SENTENCE.finditer(raw), start=1):
        gold.records.append(_xml_record(path, number, m.group(1), m.group(2)))
    if not gold.records:
        raise DataError(Errors.E301, path=path)
    return gold


def _xml_record(path: Path, number: int, head: str, body: str) -> GoldRecord:
    attrs = _attrs(head)
    text_match = _TEXT.search(body)
    if text_match is None:
        raise DataError(Errors.E302, path=path, line=number, detail="no <Text>")
    text = " ".join(html.unescape(text_match.group(1)).split())
    events: list[GoldEvent] = []
    skip = False
    for coding in _CODING.finditer(body):
        a = _attrs(coding.group(1))
        if "error" in a:
            skip = True
        if "eventcode" in a:
            events.append(GoldEvent(_code(a.get("sourcecode")), _code(a.get("targetcode")), a["eventcode"].strip()))
    return GoldRecord(
        id=attrs.get("id", f"{path.stem}-{number}"),
        text=text,
        date=_xml_date(attrs.get("date")),
        events=tuple(events),
        skip=skip,
    )


def _code(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().strip('"')
    if not value or value in ("---", "+++") or " " in value:
        return None
    return value.upper()


def _xml_date(value: str | None) -> dt.date | None:
    if not value or len(value) < 8:
        return None
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


# -- JSONL -----------------------------------------------------------------------------


_STORY_FIELDS = ("acceptable_codes", "background", "place_country")


def read_gold_jsonl(path: Path) -> GoldSet:
    """Gold JSONL: sentences with their events, or whole stories in the format of ANNOTATION.md §5.

    A file whose events carry the story fields (``acceptable_codes``, ``background``,
    ``place_country``) is a story file, scored strictly (``evaluate/story.py``).
    """
    gold = GoldSet(path=path, kind="events")
    for number, rec in json_lines(path):
        try:
            events = tuple(_gold_event(e) for e in rec.get("events", []))
            if any(k in e for e in rec.get("events", []) for k in _STORY_FIELDS):
                gold.kind = "stories"
            date = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
            gold.records.append(GoldRecord(id=str(rec.get("id", number)), text=rec["text"], date=date, events=events))
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise DataError(Errors.E302, path=path, line=number, detail=str(err)) from None
    return gold


def json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSONL file with their line numbers; E302 names a line that is not one."""
    with open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise DataError(Errors.E302, path=path, line=number, detail=str(err)) from None
            if not isinstance(rec, dict):
                raise DataError(Errors.E302, path=path, line=number, detail="the line is not a JSON object")
            yield number, rec


def _gold_event(e: dict[str, object]) -> GoldEvent:
    place = e.get("place")
    country = _code(_str(e.get("place_country")))
    return GoldEvent(
        source=_code(_str(e.get("source"))),
        target=_code(_str(e.get("target"))),
        code=str(e["code"]),
        acceptable_codes=tuple(str(c) for c in e.get("acceptable_codes") or ()),  # type: ignore[attr-defined]
        trigger=_str(e.get("trigger")),
        date=_partial_date(e.get("date")),
        date_precision=_precision(e.get("date")),
        place=_str(place),
        place_country=country,
        place_is_country=bool(place) and bool(e.get("place_is_country", _names_country(str(place), country))),
        background=bool(e.get("background", False)),
    )


def _partial_date(value: object) -> dt.date | None:
    """A gold date: a day (2024-03-07), or the first day of a month (2024-03) or of a year (2024)."""
    if not value:
        return None
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return dt.date(int(text[:4]), int(text[5:]), 1)
    return dt.date.fromisoformat(text)


def _precision(value: object) -> str:
    text = str(value or "")
    return {4: "year", 7: "month"}.get(len(text), "day")


def _str(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _names_country(place: str, country: str | None) -> bool:
    """Whether a gold place is the name of its own country ("Sudan", "the Philippines")."""
    from ..actors.kb import fold, tokenize_name

    node = _names()
    for word in tokenize_name(place.removeprefix("the ").removeprefix("The ")):
        node = node.get(fold(word), {})
    return any(e.kind == "country" and e.ref == country for e in node.get("", []))


@functools.cache
def _names() -> dict[str, Any]:
    """The knowledge base's names, loaded once: a corpus asks about places thousands of times."""
    from ..actors.kb import load_kb

    return load_kb().trie


# -- five-class TSV ----------------------------------------------------------------------


def read_class_tsv(path: Path) -> GoldSet:
    gold = GoldSet(path=path, kind="classes")
    with open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            parts = line.rstrip("\n").rsplit("\t", 1)
            if len(parts) != 2 or not parts[1].strip().isdigit():
                if number == 1:
                    continue
                raise DataError(Errors.E302, path=path, line=number, detail="expected sentence<TAB>label")
            gold.records.append(GoldRecord(id=f"{path.stem}-{number}", text=parts[0].strip(), label=int(parts[1])))
    return gold


# -- span CoNLL --------------------------------------------------------------------------

_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "'s",
    "’s",
    "n't",
    "%",
    "'",
    "’",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "-"}


def detokenize(tokens: list[str]) -> tuple[str, list[int]]:
    """Join tokens into readable text; return it with each token's start offset."""
    text = ""
    starts: list[int] = []
    for k, tok in enumerate(tokens):
        glue = k == 0 or tok in _NO_SPACE_BEFORE or tokens[k - 1] in _NO_SPACE_AFTER or tok == "-"
        if tok in ("s",) and k > 0 and tokens[k - 1] in ("’", "'"):
            glue = True
        if not glue:
            text += " "
        starts.append(len(text))
        text += tok
    return text, starts


def read_span_conll(path: Path) -> GoldSet:
    gold = GoldSet(path=path, kind="spans")
    sentence: list[tuple[str, str]] = []
    number = 0

    def flush() -> None:
        nonlocal sentence
        if sentence:
            gold.records.append(_span_record(path, len(gold.records) + 1, sentence))
        sentence = []

    with open_text(path) as handle:
        for line in handle:
            number += 1
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            parts = line.rsplit(" ", 1)
            if len(parts) != 2:
                raise DataError(Errors.E302, path=path, line=number, detail="expected 'token TAG'")
            sentence.append((parts[0], parts[1]))
    flush()
    return gold


def _span_record(path: Path, n: int, rows: list[tuple[str, str]]) -> GoldRecord:
    tokens = [t for t, _ in rows]
    text, starts = detokenize(tokens)
    spans: list[tuple[str, int, int]] = []
    current: list[int] | None = None
    role = ""
    for k, (_tok, tag) in enumerate(rows):
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or tag[2:] != role)):
            if current is not None:
                spans.append((role, starts[current[0]], starts[current[-1]] + len(tokens[current[-1]])))
            current, role = [k], tag[2:]
        elif tag.startswith("I-") and current is not None:
            current.append(k)
        else:
            if current is not None:
                spans.append((role, starts[current[0]], starts[current[-1]] + len(tokens[current[-1]])))
            current = None
    if current is not None:
        spans.append((role, starts[current[0]], starts[current[-1]] + len(tokens[current[-1]])))
    return GoldRecord(id=f"{path.stem}-{n}", text=text, spans=tuple(spans))


# -- PLOVER-labelled stories -----------------------------------------------------------------

PLOVER_EVENTS = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT".split()
)


def read_plover_csv(path: Path) -> GoldSet:
    """Stories or sentences with a PLOVER event type: a CSV (or a zip holding one) with ``text`` and ``label``,
    or headline templates with ``title`` and ``event`` (``fill_template`` puts names in their slots)."""
    gold = GoldSet(path=path, kind="plover")
    for number, row in enumerate(_csv_rows(path), start=2):
        if "text" not in row and "title" in row:
            row = {"text": fill_template(row["title"] or "", number), "label": row.get("event") or ""}
        label = (row.get("label") or "").strip().upper()
        text = row.get("text") or ""
        if label not in PLOVER_EVENTS or not text.strip():
            raise DataError(Errors.E302, path=path, line=number, detail="needs a 'text' and a PLOVER event 'label'")
        gold.records.append(GoldRecord(id=f"{path.stem}-{number}", text=text, plover=label))
    return gold


_SLOT = re.compile(r"\{(country)_(\d)\}|\{(city)\}")


def fill_template(title: str, number: int) -> str:
    """A headline template's slots filled with names: ``{country_1}``, ``{country_2}`` … with UN member
    states, ``{city}`` with a capital, chosen by the record's line number (the same names every run;
    the slots of one headline name different states)."""
    states = _member_states()

    def name(match: re.Match[str]) -> str:
        if match.group(3):
            capitals = states[(number * 29 + 7) % len(states)].capitals
            return capitals[0] if capitals else states[0].capitals[0]
        return states[(number * 31 + int(match.group(2)) * 17) % len(states)].name

    return _SLOT.sub(name, title).strip()


@functools.cache
def _member_states() -> list[Any]:
    from ..actors.kb import load_kb

    members = (c for c in load_kb().countries.values() if c.status == "member" and c.capitals)
    return sorted(members, key=lambda c: c.name)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    import csv
    import zipfile

    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive, archive.open(archive.namelist()[0]) as handle:
            return list(csv.DictReader(wrap_text(handle, newline="")))
    with open_text(path, newline="") as handle:
        return list(csv.DictReader(handle))
