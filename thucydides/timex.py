"""Time expressions of a parsed sentence: "on Tuesday", "yesterday", "last week", "June 3, 2025", "since 2022".

:func:`scan` finds each one with the token it attaches to in the parse; :mod:`thucydides.when` chooses
the one that belongs to an event and turns it into a calendar date.
"""

from __future__ import annotations

import functools
import re

from .parse import Sentence, Token
from .when import TimeExpr, calendar, valid_date

_Match = tuple[int, int, str, tuple[int, ...], int]
_DIGIT = re.compile(r"\d")


# -- finding time expressions ------------------------------------------------------------------


def scan(sentence: Sentence) -> list[TimeExpr]:
    """Every time expression of the sentence, left to right."""
    tokens = sentence.tokens
    found: list[TimeExpr] = []
    starters = _starters()
    i = 0
    while i < len(tokens):
        word = tokens[i].lower.rstrip(".")
        if word not in starters and not _DIGIT.search(word):
            i += 1
            continue
        match = _match_at(tokens, i)
        if match is None:
            i += 1
            continue
        lo, hi, kind, value, shift = match
        since = lo > 0 and tokens[lo - 1].lower in calendar().since
        found.append(TimeExpr(lo, hi, _anchor(sentence, lo, hi), kind, value, shift, since))
        i = hi + 1
    return found


@functools.cache
def _starters() -> frozenset[str]:
    """Every word that can begin a time expression (besides numbers written in digits)."""
    cal = calendar()
    words = set(cal.weekdays) | set(cal.months) | set(cal.numbers) | set(cal.relative_days) | set(cal.shifts)
    words |= cal.month_parts | {"earlier", "later", "last", "this", "next", "the", "a", "an", "few", "couple"}
    words |= {phrase[0] for phrase in cal.told_days} | {phrase[0] for phrase in cal.offset_days}
    return frozenset(words)


def _match_at(tokens: list[Token], i: int) -> _Match | None:
    for matcher in (_told_day, _offset, _iso, _relative_day, _shifted, _ago, _month_date, _day_month, _weekday, _year):
        found = matcher(tokens, i)
        if found is not None:
            return found
    return None


def _word(tokens: list[Token], i: int) -> str:
    return tokens[i].lower.rstrip(".") if 0 <= i < len(tokens) else ""


_NUMERIC_DATES = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), (1, 2, 3)),  # 2025-05-20
    (re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})"), (3, 2, 1)),  # 20/05/2025, 20.05.2025 (day first)
)


def _iso(tokens: list[Token], i: int) -> _Match | None:
    """A date written in digits, which the tokenizer may cut into pieces: 2025-05-20, 20/05/2025, 20.05.2025.

    Day first, as outside the US; 05/20/2025 (a month of 20 cannot be) is read month first."""
    last = i
    while last + 1 < len(tokens) and last - i < 5 and tokens[last].end == tokens[last + 1].start:
        last += 1
    for hi in range(last, i - 1, -1):
        text = "".join(t.text for t in tokens[i : hi + 1])
        for pattern, (y, m, d) in _NUMERIC_DATES:
            found = pattern.fullmatch(text)
            if found is None:
                continue
            year, month, day = int(found[y]), int(found[m]), int(found[d])
            if month > 12 and y == 3:
                month, day = day, month
            if valid_date(year, month, day):
                return i, hi, "date", (year, month, day), 0
    return None


@functools.cache
def _phrases(name: str) -> dict[tuple[str, str], tuple[tuple[str, ...], ...]]:
    """The calendar's phrases of days told before (``told_days``, ``offset_days``; two words or more), by
    their first two words."""
    by_start: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for phrase in getattr(calendar(), name):
        by_start.setdefault((phrase[0], phrase[1]), []).append(phrase)
    return {k: tuple(v) for k, v in by_start.items()}


def _phrases_at(tokens: list[Token], i: int, name: str) -> list[tuple[str, ...]]:
    """The phrases of ``name`` written at token ``i``."""
    found = _phrases(name).get((_word(tokens, i), _word(tokens, i + 1)), ())
    return [p for p in found if all(_word(tokens, i + k) == word for k, word in enumerate(p))]


def _told_day(tokens: list[Token], i: int) -> _Match | None:
    """ "that day", "the same day", "later that day": the day of an act told before."""
    found = _phrases_at(tokens, i, "told_days")
    return (i, i + len(found[0]) - 1, "told", (), 0) if found else None


def _offset(tokens: list[Token], i: int) -> _Match | None:
    """ "a day earlier", "two days later", "the next day": days counted from the day of an act told before.
    A phrase that ends in a preposition counts only where nothing follows it ("the day before", not "the
    day before the vote", which :mod:`thucydides.when` reads as a lag)."""
    cal = calendar()
    for phrase in _phrases_at(tokens, i, "offset_days"):
        end = i + len(phrase) - 1
        if _closed(tokens, end):
            return i, end, "offset", (cal.offset_days[phrase],), 0
    direction = cal.offset_words.get(_word(tokens, i + 2))
    if direction is None:
        return None
    count = _count(_word(tokens, i))
    unit = cal.units.get(_word(tokens, i + 1))
    if count is None or unit not in ("day", "week") or not _closed(tokens, i + 2):
        return None
    return i, i + 2, "offset", (direction * count * (7 if unit == "week" else 1),), 0


def _closed(tokens: list[Token], end: int) -> bool:
    """Whether a phrase ending at ``end`` in a preposition has no object after it."""
    if tokens[end].pos != "ADP" or end + 1 >= len(tokens):
        return True
    return tokens[end + 1].pos in ("PUNCT", "CCONJ")


def _relative_day(tokens: list[Token], i: int) -> _Match | None:
    word = _word(tokens, i)
    if word in calendar().relative_days:
        hi = i + 1 if _word(tokens, i + 1) in calendar().parts_of_day else i
        return i, hi, "relday", (calendar().relative_days[word],), 0
    if word in ("last", "this") and _word(tokens, i + 1) in calendar().parts_of_day:
        return i, i + 1, "relday", (-1 if word == "last" else 0,), 0
    return None


def _shifted(tokens: list[Token], i: int) -> _Match | None:
    """ "last week", "earlier this month", "next year", "last Tuesday", "this weekend"."""
    lo, j = i, i
    if _word(tokens, j) in ("earlier", "later") and _word(tokens, j + 1) == "this":
        j += 1
    word = _word(tokens, j)
    if word not in calendar().shifts or (word == "this" and j == i and _word(tokens, i - 1) == "earlier"):
        return None
    shift = calendar().shifts[word]
    unit = _word(tokens, j + 1)
    if unit in ("week", "month", "year"):
        return lo, j + 1, {"week": "week", "month": "rmonth", "year": "ryear"}[unit], (), shift
    if unit in ("weekend",):
        return lo, j + 1, "weekend", (), shift
    if unit in calendar().weekdays and tokens[j + 1].text[0].isupper():
        hi = j + 2 if _word(tokens, j + 2) in calendar().parts_of_day else j + 1
        return lo, hi, "weekday", (calendar().weekdays[unit],), shift
    return None


def _ago(tokens: list[Token], i: int) -> _Match | None:
    count = _count(_word(tokens, i))
    if count is None:
        return None
    j = i + 1
    if _word(tokens, j) in ("few", "couple"):
        j += 1 + (_word(tokens, j + 1) == "of")
    unit = calendar().units.get(_word(tokens, j))
    if unit is None or _word(tokens, j + 1) != "ago":
        return None
    return i, j + 1, "ago", (count, ("day", "week", "month", "year").index(unit)), -1


def _count(word: str) -> int | None:
    if word.isdigit() and len(word) <= 3:
        return int(word)
    return calendar().numbers.get(word)


def _is_month(tokens: list[Token], i: int) -> bool:
    t = tokens[i] if 0 <= i < len(tokens) else None
    if t is None or _word(tokens, i) not in calendar().months or not t.text[0].isupper():
        return False
    if t.lower in ("may", "march", "mar", "jan", "sat") and (t.tag == "MD" or t.pos in ("VERB", "AUX")):
        return False
    if (
        t.lower == "may"
        and t.ent != "DATE"
        and not _numberish(tokens, i + 1)
        and _word(tokens, i - 1)
        not in ("in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this", "-")
    ):
        return False
    return not (t.lower == "march" and t.ent != "DATE" and t.pos != "PROPN")


def _numberish(tokens: list[Token], i: int) -> bool:
    return 0 <= i < len(tokens) and bool(re.fullmatch(r"\d{1,4}(st|nd|rd|th)?", tokens[i].lower))


def _day_number(tokens: list[Token], i: int) -> int | None:
    if not 0 <= i < len(tokens):
        return None
    m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", tokens[i].lower)
    if m is None or not 1 <= int(m[1]) <= 31:
        return None
    return int(m[1])


def _year_at(tokens: list[Token], i: int) -> int | None:
    if not 0 <= i < len(tokens) or not re.fullmatch(r"(19|20)\d\d", tokens[i].text):
        return None
    return int(tokens[i].text)


def _month_date(tokens: list[Token], i: int) -> _Match | None:
    """ "June 3", "June 3, 2025", "June 2025", "mid-June", "in March"."""
    lo = i
    if _word(tokens, i) in calendar().month_parts:
        i += 1 + (_word(tokens, i + 1) in ("-", "of"))
    if not _is_month(tokens, i):
        return None
    month = calendar().months[_word(tokens, i)]
    day = _day_number(tokens, i + 1)
    if day is not None and _year_at(tokens, i + 1) is None:
        hi = i + 1
        year = _year_at(tokens, hi + 2) if _word(tokens, hi + 1) == "," else _year_at(tokens, hi + 1)
        if year is not None:
            hi += 2 if _word(tokens, hi + 1) == "," else 1
        return lo, hi, "date", (year or 0, month, day), 0
    year = _year_at(tokens, i + 1)
    return lo, i + (year is not None), "month", (year or 0, month), 0


def _day_month(tokens: list[Token], i: int) -> _Match | None:
    """ "3 June", "3 June 2025", "the 3rd of June"."""
    day = _day_number(tokens, i)
    if day is None:
        return None
    j = i + 1 + (_word(tokens, i + 1) == "of")
    if not _is_month(tokens, j):
        return None
    year = _year_at(tokens, j + 1)
    return i, j + (year is not None), "date", (year or 0, calendar().months[_word(tokens, j)], day), 0


def _weekday(tokens: list[Token], i: int) -> _Match | None:
    word = _word(tokens, i)
    if word not in calendar().weekdays or not tokens[i].text[0].isupper():
        return None
    hi = i + 1 if _word(tokens, i + 1) in calendar().parts_of_day else i
    return i, hi, "weekday", (calendar().weekdays[word],), 0


def _year(tokens: list[Token], i: int) -> _Match | None:
    m = re.fullmatch(r"((?:19|20)\d0)s", tokens[i].text)
    if m is not None:
        return i, i, "decade", (int(m[1]),), 0
    year = _year_at(tokens, i)
    if year is None:
        return None
    before = _word(tokens, i - 1)
    if tokens[i].ent == "DATE" or before in calendar().year_prepositions:
        return i, i, "year", (year,), 0
    return None


def _anchor(sentence: Sentence, lo: int, hi: int) -> int:
    """The token outside the expression that it attaches to, skipping a governing preposition."""
    tokens = sentence.tokens
    heads = [k for k in range(lo, hi + 1) if not lo <= tokens[k].head <= hi or tokens[k].head == k]
    if not heads:
        return -1
    j = heads[0]
    for _ in range(4):
        if tokens[j].head == j:
            return -1 if lo <= j <= hi else j
        j = tokens[j].head
        if not (lo <= j <= hi) and tokens[j].dep != "prep":
            return j
    return j
