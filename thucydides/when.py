"""Event dates from the publication date and the time expressions of a sentence.

:func:`thucydides.timex.scan` finds the time expressions of a parsed sentence ("on Tuesday",
"yesterday", "last week", "June 3, 2025", "in March", "since 2022") and the token
each one attaches to in the parse. :func:`date_event` picks the expression that
belongs to an event (one attached to its trigger wins over one elsewhere in its
clause; a date in another clause does not apply) and :func:`resolve` turns it into
a calendar date with a precision (day, week, month or year), counting back from
the publication date for past events and forward for plans and the future tense.
A date of week, month or year precision is the first day of that period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .lang import ENGLISH
from .parse import Sentence, Token
from .timewords import calendar

CLAUSE_DEPS = ENGLISH.labels("clause_links")
STALE_DAYS = 31
_Match = tuple[int, int, str, tuple[int, ...], int]


@dataclass(frozen=True, slots=True)
class When:
    """A resolved date: the first day of the period and how precise it is."""

    date: dt.date
    precision: str
    since: bool = False


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression at tokens ``lo``..``hi`` that attaches to token ``anchor`` (-1: none).

    ``kind`` is one of weekday, relday, date, month, year, decade (named periods), week, rmonth, ryear,
    weekend (periods relative to publication), ago, told (the day of an act told before: "that day") and
    offset (days from that day: "a day earlier", "the next day"); ``value`` holds its numbers; ``shift`` is
    -1 for "last", +1 for "next", 0 otherwise.
    """

    lo: int
    hi: int
    anchor: int
    kind: str
    value: tuple[int, ...]
    shift: int = 0
    since: bool = False


# -- clauses ---------------------------------------------------------------------------------


def clause_of(sentence: Sentence, i: int) -> int:
    """The head of the clause that token ``i`` belongs to (a verb, or the sentence root)."""
    tokens = sentence.tokens
    j = i
    for _ in range(len(tokens)):
        t = tokens[j]
        if t.head == j or t.dep in CLAUSE_DEPS or (t.dep == "conj" and t.pos in ("VERB", "AUX")):
            return j
        j = t.head
    return j


def scene_of(sentence: Sentence, i: int) -> int:
    """The clause of token ``i``, counting a bare participle ("Speaking in Warsaw, ...") with its governor."""
    clause = clause_of(sentence, i)
    head = sentence.tokens[clause]
    if head.dep not in ("advcl", "acl") or head.tag not in ("VBG", "VBN") or sentence.kids(head, "nsubj", "mark"):
        return clause
    if any(a.lower == "having" for a in sentence.kids(head, "aux", "auxpass")):
        return clause
    return clause_of(sentence, head.head)


def trigger_tokens(sentence: Sentence, start: int, end: int) -> list[int]:
    """Indices of the tokens inside the article offsets ``start``..``end``."""
    return [t.i for t in sentence.tokens if start <= t.start < end]


def height(sentence: Sentence, i: int) -> int:
    """Distance of token ``i`` from the root of the sentence."""
    tokens = sentence.tokens
    depth = 0
    while tokens[i].head != i and depth < len(tokens):
        i = tokens[i].head
        depth += 1
    return depth


# -- choosing and resolving ---------------------------------------------------------------------


def date_event(
    sentence: Sentence,
    trigger: Iterable[int],
    exprs: list[TimeExpr],
    published: dt.date | None,
    others: Iterable[int] = (),
    told: When | None = None,
) -> When | None:
    """The date of the event whose trigger is at the given tokens, or None when the text gives none.

    ``others`` are the trigger tokens of the sentence's other events: a month or a year on an event
    that is the object of this one ("praised the visit in March") is that event's, not this one's.
    An event with no time of its own in its clause shares the time of a verb coordinated with it
    ("cut ties and imposed a boycott in June 2017") or of the clause an adverbial clause of time
    hangs from ("broke off relations on Wednesday after Washington recognised ...", a day earlier
    for "a day after"); failing those, the time of the sentence's main clause ("said on Monday that
    3,000 people were detained"), except in a clause about a noun ("the minister, who visited Kyiv, ...").
    """
    trigger = list(trigger)
    taken = {k for k in others if k not in trigger and _object_of(sentence, k, trigger)}
    usable = [e for e in exprs if e.anchor not in taken or e.kind in _RECENT]
    when = _dated(sentence, trigger, usable, published, 0, told)
    if when is not None or not trigger:
        return when
    when = _begun(sentence, trigger, usable, published)
    if when is not None:
        return when
    when = _antecedent_date(sentence, trigger, usable, published, told)
    if when is not None or not _told_in_main_time(sentence, trigger):
        return when
    return _dated(sentence, [sentence.root], usable, published, 0, told)


def _antecedent_date(
    sentence: Sentence, trigger: list[int], exprs: list[TimeExpr], published: dt.date | None, told: When | None
) -> When | None:
    """The date of the thing a relative clause is about ("a massacre on Oct. 3, in which gunmen killed
    100 people"; "Sunday's vote, in which ..."): the act it tells happened then."""
    clause = sentence.tokens[clause_of(sentence, min(trigger, key=lambda k: height(sentence, k)))]
    if clause.dep != "relcl" or clause.head == clause.i:
        return None
    noun = clause.head
    found = next((e for e in exprs if e.lo <= noun <= e.hi or e.anchor == noun), None)
    if found is None:
        return None
    return resolve_told(found, told, published, direction(sentence, clause.i))


def _begun(sentence: Sentence, trigger: list[int], exprs: list[TimeExpr], published: dt.date | None) -> When | None:
    """When an act named by a noun began, as a clause about the noun says ("the protests, which began on
    Sept. 25, ..."): from then on, so background, as with "since"."""
    tokens = sentence.tokens
    for i in trigger:
        if tokens[i].pos not in ("NOUN", "PROPN"):
            continue
        for clause in sentence.kids(tokens[i], "relcl"):
            particles = [p.lower for p in sentence.kids(clause, "prt")]
            if not {clause.lemma, *(f"{clause.lemma} {p}" for p in particles)} & calendar().beginning_verbs:
                continue
            found = next((e for e in exprs if e.kind != "told" and _within(sentence, e.anchor, clause.i)), None)
            when = resolve(found, published, -1) if found is not None else None
            if when is not None:
                return When(when.date, when.precision, since=True)
    return None


def narrated(sentence: Sentence, trigger: Iterable[int]) -> bool:
    """Whether an act may be told in the time of the story's last dated act: not in the present
    perfect, which tells where things stand ("rioters have set fire to banks"), nor in a clause
    about a noun ("a massacre in which gunmen killed 100 people")."""
    trigger = list(trigger)
    if not trigger:
        return False
    for i in trigger:
        aux = {a.lower for a in sentence.kids(sentence.tokens[i], "aux", "auxpass")}
        if aux & {"has", "have", "'ve", "'s"}:
            return False
    return _told_in_main_time(sentence, trigger)


def _told_in_main_time(sentence: Sentence, trigger: list[int]) -> bool:
    """Whether the trigger's clause is told in the time of the main clause: not a clause about a noun
    ("the minister, who visited Kyiv, ...") nor an adverbial clause of cause or condition ("because ...")."""
    tokens = sentence.tokens
    j = min(trigger, key=lambda k: height(sentence, k))
    for _ in range(len(tokens)):
        t = tokens[j]
        if t.head == j:
            return True
        if t.dep in ("relcl", "acl"):
            return False
        marks = [m.lower for m in sentence.kids(t, "mark")] if t.dep == "advcl" else []
        if marks and marks[0] not in calendar().shared_time_marks:
            return False
        j = t.head
    return True


def _dated(
    sentence: Sentence,
    trigger: list[int],
    exprs: list[TimeExpr],
    published: dt.date | None,
    depth: int,
    told: When | None = None,
) -> When | None:
    expr = choose(sentence, trigger, exprs)
    if expr is not None:
        tense = 0 if _noun_date(sentence, expr) else direction(sentence, expr.anchor)
        return resolve_told(expr, told, published, tense)
    if not trigger or depth > 2:
        return None
    tokens = sentence.tokens
    clause = tokens[scene_of(sentence, min(trigger, key=lambda k: height(sentence, k)))]
    for conj in sentence.kids(clause, "conj"):
        if conj.pos in ("VERB", "AUX") and (found := choose(sentence, [conj.i], exprs)) is not None:
            return resolve_told(found, told, published, direction(sentence, found.anchor))
    if (since := _since_clause(sentence, clause, exprs, published)) is not None:
        return since
    for purpose in sentence.kids(clause, "advcl"):
        found = next((e for e in exprs if e.anchor == purpose.i), None) if _purpose(sentence, purpose) else None
        if found is not None:
            return resolve_told(found, told, published, direction(sentence, clause.i))
    if clause.dep != "advcl" or clause.head == clause.i:
        return None
    marks = [m.lower for m in sentence.kids(clause, "mark")]
    lag = _lag(sentence, clause, marks)
    if lag is None and not (marks and marks[0] in calendar().shared_time_marks):
        return None
    when = _dated(sentence, [clause.head], exprs, published, depth + 1, told)
    if when is None and lag and published is not None:
        when = When(published, "day")  # "it came nine days after ...": the clause it hangs from is of the story's day
    if when is None or not lag or when.precision != "day":
        return when
    return When(when.date + dt.timedelta(days=lag), when.precision, when.since)


def _since_clause(sentence: Sentence, clause: Token, exprs: list[TimeExpr], published: dt.date | None) -> When | None:
    """The date of a clause that opens with "since", the start of the period the act has lasted ("has
    blockaded Gaza since Hamas seized control there in 2007": background, from 2007)."""
    for kid in sentence.kids(clause, "prep", "advcl"):
        marks = [kid.lower] if kid.dep == "prep" else [m.lower for m in sentence.kids(kid, "mark")]
        if not set(marks) & calendar().since:
            continue
        found = next((e for e in exprs if e.kind in _NAMED and _within(sentence, e.anchor, kid.i)), None)
        when = resolve(found, published, -1) if found is not None else None
        if when is not None:
            return When(when.date, when.precision, since=True)
    return None


def _within(sentence: Sentence, k: int, top: int) -> bool:
    """Whether token ``k`` lies in the subtree of token ``top``."""
    tokens = sentence.tokens
    for _ in range(len(tokens)):
        if k == top:
            return True
        if k < 0 or tokens[k].head == k:
            return False
        k = tokens[k].head
    return False


def _purpose(sentence: Sentence, clause: Token) -> bool:
    """A bare infinitive of purpose ("telephoned him on Wednesday to condemn the attack"), which the parser
    often gives the time of the act it serves: that act's time too."""
    return (
        clause.tag == "VB"
        and any(a.lower == "to" for a in sentence.kids(clause, "aux"))
        and not sentence.kids(clause, "nsubj", "nsubjpass", "mark")
    )


def _lag(sentence: Sentence, clause: Token, marks: list[str]) -> int | None:
    """The days between a clause and the one it hangs from: -1 for "a day after", 2 for "two days before"."""
    sign = calendar().lag_marks.get(marks[0]) if marks else None
    if sign is None:
        return None
    measures = [*sentence.kids(clause, "npadvmod")]
    for mark in sentence.kids(clause, "mark"):
        measures += sentence.kids(mark, "npadvmod")  # "nine days after": the measure hangs from "after"
    for measure in measures:
        unit = calendar().lag_days.get(measure.lower)
        if unit is None:
            continue
        count = next((calendar().numbers.get(k.lower) for k in sentence.kids(measure, "det", "nummod")), None)
        if count is not None:
            return sign * unit * count
    return None


def _noun_date(sentence: Sentence, expr: TimeExpr) -> bool:
    """A date that names a thing rather than tells when: "Sunday's election", "its Oct. 7 attack"."""
    if expr.anchor < 0 or sentence.tokens[expr.anchor].pos not in ("NOUN", "PROPN"):
        return False
    tokens = sentence.tokens
    top = next((k for k in range(expr.lo, expr.hi + 1) if not expr.lo <= tokens[k].head <= expr.hi), expr.lo)
    if tokens[top].dep not in ("poss", "nmod", "compound"):
        return False
    # "congratulated him during Friday's call", "at Wednesday's session": the act happened within the thing
    thing = tokens[expr.anchor]
    return not (thing.dep == "pobj" and tokens[thing.head].lower in calendar().within_prepositions)


_RECENT = frozenset({"weekday", "relday", "week", "weekend", "ago", "offset"})
_NAMED = frozenset({"date", "month", "year", "decade"})


def _object_of(sentence: Sentence, k: int, trigger: list[int]) -> bool:
    t = sentence.tokens[k]
    return t.pos == "NOUN" and t.head in trigger and t.dep in ("dobj", "nsubjpass", "attr")


def choose(sentence: Sentence, trigger: list[int], exprs: list[TimeExpr]) -> TimeExpr | None:
    """A time expression attached to the trigger, else one in its clause, else one in a governing clause.

    A date that names another thing of the clause ("detained after Sunday's election") is that thing's."""
    if not trigger or not exprs:
        return None
    own = set(trigger)
    direct = [e for e in exprs if e.anchor in own]
    if direct:
        return min(direct, key=lambda e: height(sentence, e.anchor))
    clauses = clause_chain(sentence, trigger)
    for clause in clauses:
        here = [
            e for e in exprs if e.anchor >= 0 and scene_of(sentence, e.anchor) == clause and not _noun_date(sentence, e)
        ]
        if here:
            return here[0]
    return None


def clause_chain(sentence: Sentence, trigger: list[int]) -> list[int]:
    """The trigger's clause, then the clauses it shares a time with (through xcomp and conj)."""
    tokens = sentence.tokens
    top = min(trigger, key=lambda k: height(sentence, k))
    chain = [scene_of(sentence, top)]
    for _ in range(4):
        head = tokens[chain[-1]]
        if head.dep not in ("xcomp", "conj") or head.head == head.i:
            break
        chain.append(scene_of(sentence, head.head))
    return chain


def direction(sentence: Sentence, anchor: int) -> int:
    """+1 when the anchor speaks of the future, -1 of the past, 0 when the tense does not tell."""
    if anchor < 0:
        return 0
    tokens = sentence.tokens
    if tokens[anchor].lemma in calendar().future_governors and tokens[anchor].pos in ("ADJ", "NOUN"):
        return 1
    j = anchor
    for _ in range(4):
        t = tokens[j]
        if t.pos in ("VERB", "AUX") or t.head == j:
            break
        j = t.head
    return _tense(sentence, tokens[j], 0)


def _tense(sentence: Sentence, t: Token, depth: int) -> int:
    aux = [a.lower for a in sentence.kids(t, "aux", "auxpass")]
    if any(a in calendar().future_auxiliaries for a in aux):
        return 1
    if "to" in aux or t.dep == "xcomp":
        head = sentence.head_of(t)
        if head.lemma in calendar().future_governors or head.lower in calendar().future_governors:
            return 1
        if "to" in aux and head.i != t.i and head.lower in calendar().scheduling_be:
            return 1  # "are to meet on Thursday": scheduled
        if depth < 3 and head.i != t.i and head.pos in ("VERB", "AUX", "ADJ"):
            return _tense(sentence, head, depth + 1)
        return 1 if head.pos == "NOUN" else 0
    if any(a in ("had", "has", "have", "did", "was", "were") for a in aux) or t.tag in ("VBD", "VBN"):
        return -1
    if t.tag in ("VBZ", "VBP") and t.lemma not in calendar().present_reporting:
        return 1
    if t.tag == "VBG" and any(a in ("is", "are", "am", "'s", "'re") for a in aux):
        return 1
    return 0


def resolve_told(expr: TimeExpr, told: When | None, published: dt.date | None, tense: int) -> When | None:
    """The date an expression names, where the day of the act told before (``told``) counts: "that day" is
    that day, "a day earlier" the day before it (before the day of publication when no act was dated)."""
    if expr.kind == "told":
        return told
    if expr.kind == "offset":
        base = told.date if told is not None and told.precision == "day" else published
        return When(base + dt.timedelta(days=expr.value[0]), "day") if base is not None else None
    return resolve(expr, published, tense)


def resolve(expr: TimeExpr, published: dt.date | None, tense: int) -> When | None:
    """The date an expression names, counted from ``published`` in the direction of ``tense``."""
    kind, value = expr.kind, expr.value
    if kind in ("year", "decade"):
        return When(dt.date(value[0], 1, 1), "year", expr.since)
    if kind == "date" and value[0]:
        return _when(value[0], value[1], value[2], "day", expr.since)
    if kind == "month" and value[0]:
        return _when(value[0], value[1], 1, "month", expr.since)
    if published is None:
        return None
    try:
        found = _relative(expr, published, tense)
    except (OverflowError, ValueError):  # counted from a publication date at the calendar's edge (year 1 or 9999)
        return None
    return When(found[0], found[1], expr.since) if found is not None else None


def _when(year: int, month: int, day: int, precision: str, since: bool) -> When | None:
    return When(dt.date(year, month, day), precision, since) if valid_date(year, month, day) else None


def _relative(expr: TimeExpr, pub: dt.date, tense: int) -> tuple[dt.date, str] | None:
    kind, value, shift = expr.kind, expr.value, expr.shift
    if kind == "weekday":
        return _weekday_date(pub, value[0], shift, tense), "day"
    if kind == "relday":
        return pub + dt.timedelta(days=value[0]), "day"
    if kind == "date":
        month, day = value[1], value[2]
        return _nearest(pub, tense, lambda y: dt.date(y, month, day) if valid_date(y, month, day) else None)
    if kind == "month":
        return _month_date_of(pub, value[1], tense), "month"
    if kind in ("week", "weekend"):
        return _week(pub, shift, kind, tense)
    if kind == "rmonth":
        return month_shift(pub, shift), "month"
    if kind == "ryear":
        return dt.date(pub.year + shift, 1, 1), "year"
    if kind == "ago":
        return _ago_date(pub, value[0], value[1])
    return None


def _weekday_date(pub: dt.date, weekday: int, shift: int, tense: int) -> dt.date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if shift < 0:
        return pub - dt.timedelta(days=back or 7)
    if shift > 0:
        return pub + dt.timedelta(days=ahead or 7)
    if tense > 0:
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


def _nearest(pub: dt.date, tense: int, make: Callable[[int], dt.date | None]) -> tuple[dt.date, str] | None:
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := make(y)) is not None]
    if not options:
        return None
    slack = dt.timedelta(days=2)
    if tense < 0:
        past = [d for d in options if d <= pub + slack]
        return (max(past), "day") if past else None
    if tense > 0:
        future = [d for d in options if d >= pub - slack]
        return (min(future), "day") if future else None
    return min(options, key=lambda d: abs((d - pub).days)), "day"


def _month_date_of(pub: dt.date, month: int, tense: int) -> dt.date:
    if tense > 0:
        return dt.date(pub.year + (month < pub.month), month, 1)
    if tense < 0 or month <= pub.month + 2:
        return dt.date(pub.year - (month > pub.month), month, 1)
    return dt.date(pub.year - 1, month, 1)


def _week(pub: dt.date, shift: int, kind: str, tense: int) -> tuple[dt.date, str]:
    monday = pub - dt.timedelta(days=pub.weekday())
    if kind == "week":
        return monday + dt.timedelta(weeks=shift), "week"
    saturday = monday + dt.timedelta(days=5)
    if shift < 0 or (shift == 0 and tense <= 0 and saturday > pub):
        saturday -= dt.timedelta(weeks=1)
    elif shift > 0 and saturday <= pub:
        saturday += dt.timedelta(weeks=1)
    return saturday, "week"


def _ago_date(pub: dt.date, count: int, unit: int) -> tuple[dt.date, str]:
    if unit == 0:
        return pub - dt.timedelta(days=count), "day"
    if unit == 1:
        day = pub - dt.timedelta(weeks=count)
        return day - dt.timedelta(days=day.weekday()), "week"
    if unit == 2:
        months = pub.year * 12 + pub.month - 1 - count
        return dt.date(months // 12, months % 12 + 1, 1), "month"
    return dt.date(pub.year - count, 1, 1), "year"


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1800 < year < 2200


def month_shift(day: dt.date, shift: int) -> dt.date:
    months = day.year * 12 + day.month - 1 + shift
    return dt.date(months // 12, months % 12 + 1, 1)


def period_end(when: When) -> dt.date:
    """The last day of the period a date stands for."""
    if when.precision == "week":
        return when.date + dt.timedelta(days=6)
    if when.precision == "month":
        return month_shift(when.date, 1) - dt.timedelta(days=1)
    if when.precision == "year":
        return dt.date(when.date.year, 12, 31)
    return when.date


def told_as_background(sentence: Sentence, trigger: Iterable[int]) -> bool:
    """A perfect participle ("having provided"), a past perfect ("had sent") or "already"."""
    for i in trigger:
        t = sentence.tokens[i]
        aux = {a.lower for a in sentence.kids(t, "aux", "auxpass")}
        if "having" in aux or ("had" in aux and t.tag == "VBN"):
            return True
        if any(a.lower == "already" for a in sentence.kids(t, "advmod")):
            return True
    return False


def is_background(when: When | None, published: dt.date | None) -> bool:
    """A period that began with "since", or ended well before the story, is background."""
    if when is None:
        return False
    if when.since:
        return True
    if published is None:
        return False
    if when.precision == "year" and when.date.year < published.year:
        return True
    try:
        return period_end(when) < published - dt.timedelta(days=STALE_DAYS)
    except (OverflowError, ValueError):  # a period at the calendar's edge (year 1 or 9999) is no old story
        return False
