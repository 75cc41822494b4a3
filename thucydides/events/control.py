"""Control words (intent, appeal, demand, threat, rejection), negation, speech and light verbs."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..resources import data_path, load_yaml


@dataclass(frozen=True)
class Responses:
    """Words of responding, and when a response is a threat (control.yaml ``response``)."""

    code: str = "130"
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    promises: frozenset[str] = frozenset()
    readiness: frozenset[str] = frozenset()
    fates: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    recode_roots: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Claims:
    """Responsibility claims for acts the story told before (control.yaml ``claims``)."""

    code: str = "015"
    acts: tuple[str, ...] = ()  # the kinds of act a claim names (CAMEO prefixes)
    perpetration: frozenset[str] = frozenset()  # "said it carried out the bombings": verbs of doing an act
    credited_sectors: frozenset[str] = frozenset()  # an act's unnamed doers of these sectors give way to the claimant


@dataclass(frozen=True)
class Echoes:
    """Words that repeat the act told before with new actors (control.yaml ``echo``)."""

    verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # verb -> objects that make it a repetition
    as_verbs: frozenset[str] = frozenset()  # "as did France": verbs whose "as" clause repeats its host's act


@dataclass(frozen=True)
class Riots:
    """Force used by a crowd is violent protest (control.yaml ``riots``)."""

    code: str = "145"
    codes: frozenset[str] = frozenset()
    crowds: frozenset[str] = frozenset()
    armed: frozenset[str] = frozenset()
    protests: frozenset[str] = frozenset()  # and a state's demonstration is a complaint
    state: frozenset[str] = frozenset()
    complaint: str = "114"


@dataclass(frozen=True)
class Assistance:
    """A show of force sent to help is help (control.yaml ``assistance``)."""

    verbs: frozenset[str] = frozenset()
    codes: dict[str, str] = field(default_factory=dict)  # code prefix -> code of the help

    def code_for(self, code: str) -> str | None:
        """The code of help for a show of force coded ``code`` (the longest listed prefix), if any."""
        return by_prefix(self.codes, code)


def by_prefix(codes: dict[str, str], code: str) -> str | None:
    """The value ``codes`` gives the longest prefix of ``code`` (full, base or root) it lists, if any."""
    for size in (4, 3, 2):
        if code[:size] in codes:
            return codes[code[:size]]
    return None


CATEGORIES = ("intent", "appeal", "demand", "threaten", "warn", "reject")


@dataclass(frozen=True)
class Category:
    name: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    addressee: str
    default: str
    codes: dict[str, str]
    drop: frozenset[str]

    def combine(self, code: str | None) -> str | None:
        """The code for this control word over a complement coded ``code`` (None: no event)."""
        if code is None:
            return self.default
        if code[:2] in self.drop:
            return None
        found = by_prefix(self.codes, code)
        return found if found is not None else self.default


@dataclass(frozen=True)
class PloverByVerb:
    """A PLOVER category set by the act's verb (control.yaml ``plover_by_verb``)."""

    codes: tuple[str, ...]  # CAMEO codes (by prefix) it applies to
    plover_from: str  # or: the PLOVER category so far it applies to
    verbs: frozenset[str]
    event: str
    mode: str | None = None

    def applies(self, cameo: str, plover: str, verbs: set[str]) -> bool:
        return self.covers(cameo, plover) and not self.verbs.isdisjoint(verbs)

    def covers(self, cameo: str, plover: str) -> bool:
        """Whether the rule is about events of CAMEO code ``cameo`` and PLOVER category ``plover``."""
        return (bool(self.codes) and cameo.startswith(self.codes)) or plover == self.plover_from


def plover_events(rules: tuple[PloverByVerb, ...], cameo: str, plover: str) -> frozenset[str]:
    """The PLOVER categories an event of CAMEO code ``cameo`` (category ``plover`` in the taxonomy) may take
    by its verb: "0831" is CONCEDE or RETREAT, "0871" RETREAT or CONCEDE."""
    found = {plover}
    for rule in rules:
        if any(rule.covers(cameo, p) for p in tuple(found)):
            found.add(rule.event)
    return frozenset(found)


def _plover_rule(raw: dict[str, Any]) -> PloverByVerb:
    return PloverByVerb(
        codes=tuple(str(c) for c in raw.get("codes") or ()),
        plover_from=str(raw.get("plover_from") or ""),
        verbs=frozenset(str(v).lower() for v in raw["verbs"]),
        event=str(raw["event"]),
        mode=raw.get("mode"),
    )


@dataclass(frozen=True)
class Control:
    categories: dict[str, Category]
    negation: Category
    speech: frozenset[str]
    light: frozenset[str]
    plover_by_verb: tuple[PloverByVerb, ...] = ()  # PLOVER categories set by the act's verb (control.yaml)
    verb_category: dict[str, str] = field(default_factory=dict)
    noun_category: dict[str, str] = field(default_factory=dict)
    domestic: tuple[str, ...] = ()
    domestic_government: tuple[str, ...] = ()
    armed_group_domestic: tuple[str, ...] = ()
    place_abroad: tuple[str, ...] = ()
    place_anywhere: tuple[str, ...] = ()
    reciprocal: frozenset[str] = frozenset()
    instruments: tuple[str, ...] = ()
    act_judgements: tuple[str, ...] = ()
    act_denials: tuple[str, ...] = ()
    act_accusations: tuple[str, ...] = ()
    material_roots: tuple[str, ...] = ()
    provocations: tuple[str, ...] = ()
    mediations: tuple[str, ...] = ()
    mediated: tuple[str, ...] = ()
    calls: tuple[str, ...] = ()
    postures: tuple[str, ...] = ()
    complaints: tuple[str, ...] = ()
    threats: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    inquired: tuple[str, ...] = ()  # the acts a call for an investigation with no one named is about
    statements: tuple[str, ...] = ()
    agreement_acts: tuple[str, ...] = ()
    ratifications: tuple[str, ...] = ()  # one party's act on an agreement named by a noun ("approved the deal")
    state_acts: dict[str, str] = field(default_factory=dict)
    one_sided: tuple[str, ...] = ()
    crowd_acts: tuple[str, ...] = ()
    untargeted: tuple[str, ...] = ()
    verdicts: tuple[tuple[str, str], ...] = ()  # (lexicon class, code): words that judge, and what judging is
    denied_approval: tuple[frozenset[str], str] = (frozenset(), "")  # words of approval a verdict denies, its code
    retribution_code: str = ""
    response: Responses = field(default_factory=Responses)
    claims: Claims = field(default_factory=Claims)
    echo: Echoes = field(default_factory=Echoes)
    riots: Riots = field(default_factory=Riots)
    assistance: Assistance = field(default_factory=Assistance)
    retribution_verbs: frozenset[str] = frozenset()
    fates: dict[str, frozenset[str]] = field(default_factory=dict)

    def domestic_target(self, code: str) -> str | None:
        """For a domestic event with no target: "GOV" (against the government), "" (the state), or None."""
        if not code.startswith(self.domestic):
            return None
        return "GOV" if code.startswith(self.domestic_government) else ""

    def state_act(self, code: str) -> str | None:
        """The sector of the state that alone does the act ``code`` (an arrest: "COP"), or None."""
        for k in range(len(code), 0, -1):
            if code[:k] in self.state_acts:
                return self.state_acts[code[:k]]
        return None

    def place_target(self, code: str) -> str | None:
        """Whether an event with no target is done to where it happened: "abroad", "anywhere" or None."""
        if code.startswith(self.place_abroad):
            return "abroad"
        return "anywhere" if code.startswith(self.place_anywhere) else None


def _category(name: str, raw: dict[str, Any]) -> Category:
    return Category(
        name=name,
        verbs=frozenset(str(v).lower() for v in raw.get("verbs") or []),
        nouns=frozenset(str(v).lower() for v in raw.get("nouns") or []),
        addressee=str(raw.get("addressee") or "complement"),
        default=str(raw.get("default") or ""),
        codes={str(k): str(v) for k, v in (raw.get("codes") or {}).items()},
        drop=frozenset(str(v) for v in raw.get("drop") or []),
    )


@lru_cache(maxsize=1)
def load_control() -> Control:
    raw = load_yaml(data_path("events", "control.yaml"))
    categories = {name: _category(name, raw[name]) for name in CATEGORIES}
    verb_category: dict[str, str] = {}
    noun_category: dict[str, str] = {}
    for name, category in categories.items():
        for verb in category.verbs:
            verb_category.setdefault(verb, name)
        for noun in category.nouns:
            noun_category.setdefault(noun, name)
    return Control(
        categories=categories,
        negation=_category("negation", raw["negation"]),
        speech=frozenset(raw["speech"]["verbs"]),
        light=frozenset(raw["light"]["verbs"]),
        plover_by_verb=tuple(_plover_rule(r) for r in raw["plover_by_verb"]),
        verb_category=verb_category,
        noun_category=noun_category,
        domestic=tuple(str(c) for c in raw["domestic"]["codes"]),
        domestic_government=tuple(str(c) for c in raw["domestic"]["government"]),
        armed_group_domestic=tuple(str(c) for c in raw["domestic"]["armed_group"]),
        place_abroad=tuple(str(c) for c in raw["place_target"]["abroad"]),
        place_anywhere=tuple(str(c) for c in raw["place_target"]["anywhere"]),
        reciprocal=frozenset(str(c) for c in raw["reciprocal"]),
        instruments=tuple(str(c) for c in raw["instruments"]),
        act_judgements=tuple(str(c) for c in raw["act_reference"]["judgements"]),
        act_denials=tuple(str(c) for c in raw["act_reference"]["denials"]),
        act_accusations=tuple(str(c) for c in raw["act_reference"]["accusations"]),
        material_roots=tuple(str(c) for c in raw["act_reference"]["material_roots"]),
        provocations=tuple(str(c) for c in raw["act_reference"]["provocations"]),
        mediations=tuple(str(c) for c in raw["act_reference"]["mediations"]),
        mediated=tuple(str(c) for c in raw["act_reference"]["mediated"]),
        calls=tuple(str(c) for c in raw["act_reference"]["calls"]),
        postures=tuple(str(c) for c in raw["act_reference"]["postures"]),
        complaints=tuple(str(c) for c in raw["act_reference"]["complaints"]),
        threats=tuple(str(c) for c in raw["act_reference"]["threats"]),
        conflicts=tuple(str(c) for c in raw["act_reference"]["conflicts"]),
        inquired=tuple(str(c) for c in raw["act_reference"]["inquired"]),
        statements=tuple(str(c) for c in raw["act_reference"]["statements"]),
        agreement_acts=tuple(str(c) for c in raw["act_reference"]["agreements"]),
        ratifications=tuple(str(c) for c in raw["act_reference"]["ratifications"]),
        state_acts={str(k): str(v) for k, v in raw["state_acts"].items()},
        one_sided=tuple(str(c) for c in raw["one_sided"]),
        crowd_acts=tuple(str(c) for c in raw["crowd_acts"]),
        untargeted=tuple(str(c) for c in raw["untargeted"]),
        verdicts=tuple((str(v["class"]), str(v["code"])) for v in raw["verdict"]),
        denied_approval=(
            frozenset(str(w) for w in raw["verdict_denied"]["words"]),
            str(raw["verdict_denied"]["code"]),
        ),
        retribution_code=str(raw["retribution"]["code"]),
        retribution_verbs=frozenset(str(v) for v in raw["retribution"]["verbs"]),
        fates={str(k): frozenset(str(w) for w in v or []) for k, v in raw["retribution"]["fates"].items()},
        response=_responses(raw["response"]),
        claims=Claims(
            code=str(raw["claims"]["code"]),
            acts=tuple(str(c) for c in raw["claims"]["acts"]),
            perpetration=frozenset(str(v) for v in raw["claims"]["perpetration"]),
            credited_sectors=frozenset(str(v) for v in raw["claims"]["credited_sectors"]),
        ),
        echo=Echoes(
            verbs={str(k): frozenset(str(w) for w in v) for k, v in raw["echo"]["verbs"].items()},
            as_verbs=frozenset(str(v) for v in raw["echo"]["as_verbs"]),
        ),
        riots=Riots(
            code=str(raw["riots"]["code"]),
            codes=frozenset(str(r) for r in raw["riots"]["codes"]),
            crowds=frozenset(str(w) for w in raw["riots"]["crowds"]),
            armed=frozenset(str(w) for w in raw["riots"]["armed"]),
            protests=frozenset(str(c) for c in raw["riots"]["protests"]),
            state=frozenset(str(w) for w in raw["riots"]["state"]),
            complaint=str(raw["riots"]["complaint"]),
        ),
        assistance=Assistance(
            verbs=frozenset(str(v) for v in raw["assistance"]["verbs"]),
            codes={str(k): str(v) for k, v in raw["assistance"]["codes"].items()},
        ),
    )


def _responses(raw: dict[str, Any]) -> Responses:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in raw.get(key) or [])

    return Responses(
        code=str(raw["code"]),
        verbs=words("verbs"),
        nouns=words("nouns"),
        promises=words("promises"),
        readiness=words("readiness"),
        fates=words("fates"),
        prepositions=words("prepositions"),
        recode_roots=frozenset(str(r) for r in raw.get("recode_roots") or []),
    )
