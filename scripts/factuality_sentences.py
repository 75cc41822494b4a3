"""Sentences written for this project to teach the learned layer factuality.

Every sentence marks one act (its trigger words) and says whether the story asserts it, negates it,
holds it hypothetical (a plan, a possibility, a condition), reports it as someone's claim, or recalls it
as background. Templates and vocabulary are the project's own; a seed makes the set reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FACT_LABELS = ("asserted", "negated", "hypothetical", "claimed", "background")

ACTORS = (
    "Russia", "Ukraine", "the Israeli army", "Hamas", "Iran", "the United States", "China", "Japan", "NATO",
    "the European Union", "Turkish forces", "Kurdish fighters", "the Syrian government", "rebels",
    "the Indian navy", "Pakistan", "police", "protesters", "the Nigerian military", "Boko Haram",
    "the Venezuelan government", "Colombia", "Egyptian security forces", "the Houthis", "Saudi Arabia",
    "South Korea", "North Korea", "the French president", "the German chancellor", "the United Nations",
    "Sudan's army", "the Rapid Support Forces", "Ethiopia", "Somali troops", "al-Shabaab militants",
)  # fmt: skip
CLAIMERS = (
    "officials", "witnesses", "the ministry", "a spokesman", "state media", "the army", "rights groups",
    "the opposition", "local residents", "a senior diplomat", "the government", "analysts",
)  # fmt: skip
# past, base, past participle, gerund, object word that follows ("" for none)
VERBS = (
    ("attacked", "attack", "attacked", "attacking"), ("shelled", "shell", "shelled", "shelling"),
    ("bombed", "bomb", "bombed", "bombing"), ("invaded", "invade", "invaded", "invading"),
    ("sanctioned", "sanction", "sanctioned", "sanctioning"), ("met", "meet", "met", "meeting"),
    ("condemned", "condemn", "condemned", "condemning"), ("threatened", "threaten", "threatened", "threatening"),
    ("expelled", "expel", "expelled", "expelling"), ("arrested", "arrest", "arrested", "arresting"),
    ("blockaded", "blockade", "blockaded", "blockading"), ("praised", "praise", "praised", "praising"),
    ("visited", "visit", "visited", "visiting"), ("criticised", "criticise", "criticised", "criticising"),
    ("supported", "support", "supported", "supporting"), ("recognised", "recognise", "recognised", "recognising"),
    ("hosted", "host", "hosted", "hosting"), ("raided", "raid", "raided", "raiding"),
    ("ambushed", "ambush", "ambushed", "ambushing"), ("accused", "accuse", "accused", "accusing"),
    ("aided", "aid", "aided", "aiding"), ("rejected", "reject", "rejected", "rejecting"),
    ("punished", "punish", "punished", "punishing"), ("welcomed", "welcome", "welcomed", "welcoming"),
    ("abducted", "abduct", "abducted", "abducting"), ("besieged", "besiege", "besieged", "besieging"),
)  # fmt: skip
TIMES = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "")
YEARS = ("1999", "2003", "2008", "2011", "2014", "2016", "2019", "2020", "2022")
PLACES = ("near the border", "in the capital", "in the north", "outside the city", "at the port", "")

# {A} {B} actors, {C} claimer; {V} the marked trigger in the form given by the letter after it
FRAMES: dict[str, tuple[str, ...]] = {
    "asserted": (
        "{A} {Vp} {B} {T}.",
        "{T2} {A} {Vp} {B} {P}.",
        "{A} {Vp} {B} {P} {T}, hours after talks collapsed.",
        "{A} has {Vn} {B} {P}.",
        "{A} {Vp} {B} again {T}, the latest in a string of incidents.",
        "{A} {Vp} {B} {T} after {Z} {Xp} it.",
        "{A} {Vp} {B}, ending weeks of calm.",
    ),
    "negated": (
        "{A} did not {Vb} {B} {T}.",
        "{A} has not {Vn} {B}.",
        "{A} never {Vp} {B}, {C} said.",
        "{A} denied that it had {Vn} {B}.",
        "There is no evidence that {A} {Vp} {B} {P}.",
        "{A} stopped short of {Vg} {B}.",
        "{A} refused to {Vb} {B} {T}.",
        "{A} declined to {Vb} {B}.",
        "{A} insisted it would not {Vb} {B}.",
        "{A} neither confirmed nor denied {Vg} {B}.",
    ),
    "hypothetical": (
        "{A} could {Vb} {B} within days.",
        "{A} may {Vb} {B} {P}.",
        "{A} plans to {Vb} {B} next week.",
        "If {A} decides to {Vb} {B}, the talks will collapse.",
        "{A} is expected to {Vb} {B} later this month.",
        "{A} would {Vb} {B} if the ceasefire failed, {C} warned.",
        "{A} is considering whether to {Vb} {B}.",
        "{C} fear that {A} might {Vb} {B} {P}.",
        "{A} is ready to {Vb} {B}, a move that would anger {Z}.",
        "Should {A} {Vb} {B}, prices would rise.",
    ),
    "claimed": (
        "{A} {Vp} {B} {P}, {C} said.",
        "According to {C}, {A} {Vp} {B} {T}.",
        "{C} said {A} had {Vn} {B}.",
        "{A} reportedly {Vp} {B} {P}.",
        "{A} allegedly {Vp} {B}.",
        "{C} claimed that {A} {Vp} {B} {T}.",
        "{A} is said to have {Vn} {B}.",
        "{C} accused {A} of {Vg} {B}.",
        "{A} {Vp} {B} {T}, according to {C}, though the report could not be verified.",
    ),
    "background": (
        "{A}, which {Vp} {B} in {Y}, {Xp} {Z} {T}.",
        "Since {A} {Vp} {B} in {Y}, relations have been frozen.",
        "{A} had {Vn} {B} years earlier.",
        "The dispute dates back to {Y}, when {A} {Vp} {B}.",
        "{A} first {Vp} {B} in {Y}.",
        "In {Y}, {A} {Vp} {B}, a move that still shapes the region.",
        "Ever since {A} {Vp} {B} in {Y}, the two sides have not spoken.",
        "{A} {Xp} {Z} {T}, years after it {Vp} {B}.",
    ),
}


@dataclass(frozen=True)
class FactSentence:
    words: tuple[str, ...]
    trigger: tuple[int, int]  # first and last word of the marked act
    label: str


def generate(n: int, seed: int = 7) -> list[FactSentence]:
    """``n`` sentences, the five labels equally often, reproducible from ``seed``."""
    rng = random.Random(seed)
    out: list[FactSentence] = []
    while len(out) < n:
        label = FACT_LABELS[len(out) % len(FACT_LABELS)]
        out.append(_one(rng, label, rng.choice(FRAMES[label])))
    return out


def _one(rng: random.Random, label: str, frame: str) -> FactSentence:
    a, b, z = rng.sample(ACTORS, 3)
    verb, other = rng.sample(VERBS, 2)
    time = rng.choice(TIMES)
    fill = {
        "A": a, "B": b, "Z": z, "C": rng.choice(CLAIMERS), "T": time, "T2": time.capitalize() + ("," if time else ""),
        "P": rng.choice(PLACES), "Y": rng.choice(YEARS), "Xp": other[0],
    }  # fmt: skip
    forms = {"Vp": verb[0], "Vb": verb[1], "Vn": verb[2], "Vg": verb[3]}
    words: list[str] = []
    trigger = (0, 0)
    for piece in frame.replace(",", " ,").replace(".", " .").split():
        key = piece.strip("{}")
        if key in forms:
            trigger = (len(words), len(words))
            words.append(forms[key])
            continue
        text = fill.get(key, piece) if piece.startswith("{") else piece
        words.extend(text.split())
    if words and words[0][0].islower():
        words[0] = words[0][0].upper() + words[0][1:]
    return FactSentence(words=tuple(words), trigger=trigger, label=label)
