"""Read PETRARCH/TABARI dictionaries (actors and agents) as thucydides actor records.

Users moving from PETRARCH can pass their ``*.actors.txt`` and ``*.agents.txt`` files
to ``--actors`` unchanged. Supported: ``NAME [CODE]`` lines (underscores for
spaces), ``+SYNONYM`` lines, codes on continuation lines, date-restricted codes
(``[HOBGOV 19950601 - 19990815]``, ``[HOB < 950601]``, ``[HOBREB > 990816]``),
``#`` comments, ``<!-- -->`` blocks, agent lines ``NAME {PLURAL} [~GOV]`` and
``!MACRO! = A, B`` substitutions.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..encoding import read_text

_CODE = re.compile(r"\[\s*([^\]]*?)\s*\]")
_MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_FAR_PAST = dt.date(1800, 1, 1)


def is_petrarch_file(path: Path) -> bool:
    return path.suffix.lower() == ".txt"


def read_petrarch(path: Path) -> list[dict[str, Any]]:
    """Records in the knowledge-base schema (see docs/actors.md) from a PETRARCH dictionary."""
    lines = _strip(read_text(path, errors="replace"))
    if any("[~" in line or "~]" in line for line in lines):
        return _agents(lines)
    return _actors(lines)


def _strip(text: str) -> list[str]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line)
    return out


def _name(word: str) -> str:
    return word.strip().strip("_").replace("_", " ").strip()


def _actors(lines: list[str]) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for line in lines:
        codes = _CODE.findall(line)
        head = _CODE.sub("", line).strip()
        if head.startswith("+"):
            if current is not None:
                current["names"].append(_name(head[1:]))
        elif head and not line[0].isspace():
            current = {"names": [_name(head)], "codes": []}
            records.append(current)
        if current is not None:
            current["codes"].extend(codes)
    return [r for rec in records if (r := _actor_record(rec)) is not None]


def _actor_record(rec: dict[str, Any]) -> dict[str, Any] | None:
    names = [n for n in rec["names"] if n]
    codes = [c for c in rec["codes"] if c and c not in ("---", "+++")]
    if not names or not codes:
        return None
    roles = [_dated(c) for c in codes]
    if len(roles) == 1 and roles[0][1] is None:
        return {"name": names[0], "literal": roles[0][0], "names": names}
    return {
        "name": names[0],
        "aliases": names[1:],
        "surname": None,
        "country": None,
        "roles": [
            {"actor": code, "sector": [], "title": "PETRARCH code", "start": start or _FAR_PAST, "end": end}
            for code, start, end in roles
        ],
    }


def _dated(spec: str) -> tuple[str, dt.date | None, dt.date | None]:
    parts = spec.split()
    code = parts[0].split("/")[0]
    rest = " ".join(parts[1:])
    if not rest:
        return code, None, None
    if rest.startswith("<"):
        return code, _FAR_PAST, _petrarch_date(rest[1:])
    if rest.startswith(">"):
        return code, _petrarch_date(rest[1:]), None
    if "-" in rest:
        lo, hi = rest.split("-", 1)
        return code, _petrarch_date(lo), _petrarch_date(hi)
    return code, None, None


def _petrarch_date(text: str) -> dt.date:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{1900 + year if year > 30 else 2000 + year}{digits[2:]}"
    return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def _agents(lines: list[str]) -> list[dict[str, Any]]:
    macros: dict[str, list[str]] = {}
    records: list[dict[str, Any]] = []
    for line in lines:
        macro = _MACRO.match(line.strip())
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        sector = _agent_sector(codes[0])
        if not sector:
            continue
        head = _CODE.sub("", line)
        plural = re.findall(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        terms = [_name(t).lower() for t in _expand(head, macros)]
        terms += [_name(p).lower() for p in plural if p.strip()]
        records.append({"sector": sector, "terms": [t for t in terms if t]})
    return records


def _agent_sector(code: str) -> list[str]:
    code = code.replace("~", "").strip()
    return [code[i : i + 3] for i in range(0, len(code), 3) if len(code[i : i + 3]) == 3]


def _expand(text: str, macros: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", text)
    if not match or match.group(1) not in macros:
        return [text]
    out: list[str] = []
    for word in macros[match.group(1)]:
        out.extend(_expand(text[: match.start()] + word + text[match.end() :], macros))
    return out
