"""Turn candidate events into coded :class:`Event` objects, one per source–target pair."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from ..actors.kb import KnowledgeBase
from ..actors.state import entity
from ..doc import Doc
from ..lang import ENGLISH
from ..models import Actor, Article, Event, Explanation, Plover, Refused, Span, event_id
from ..parse import Sentence, Token
from .candidates import Candidate
from .control import Control
from .extract import EventFinder
from .grammar import ONE_SIDED, ONE_SIDED_VERBS, VIOLENT_ROOTS, governing_verb
from .roles import matched_argument
from .taxonomy import Taxonomy


class EventCoder:
    """Codes the events of one sentence at a time."""

    def __init__(self, finder: EventFinder, taxonomy: Taxonomy) -> None:
        self.finder = finder
        self.taxonomy = taxonomy

    def code(self, doc: Doc, sentence: Sentence) -> list[Event]:
        """The events of ``sentence``: one per source–target pair of each candidate the passes found.

        A candidate a pass refused (an act reported only as denied, the learned layer's own act) gives
        events that go to ``doc.refused`` with the reason instead; those the text reports as
        having happened also to ``doc.found``, the acts the text reports."""
        candidates = self.finder.find(doc, sentence)
        with_actors = [c for c in candidates if c.sources or c.targets or matched_argument(sentence, c)]
        chosen = with_actors if with_actors else candidates[:1]
        events: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        for c in chosen:
            if c.code not in self.taxonomy and c.code[:3] not in self.taxonomy:
                continue  # a code from a user lexicon that the taxonomy does not know
            if c.refusal is None:
                events.extend(self._events(doc.article, sentence, c, seen))
            else:
                made = self._events(doc.article, sentence, c, set())
                doc.refused.extend(Refused(e, c.refusal) for e in made)
                if c.happened:  # an act the text reports, not one it denies or only alleges
                    doc.found.extend(made)
        return events

    def _events(
        self, article: Article, sentence: Sentence, c: Candidate, seen: set[tuple[str, str, str]]
    ) -> list[Event]:
        """One event per source–target pair of ``c`` not in ``seen``, with the mirror of a two-sided act."""
        events: list[Event] = []
        for source, found_target in _pairs(c, self.finder.control, sentence):
            if source is not None and found_target is not None and len(c.sources) > 1 and _same(source, found_target):
                continue  # "the two men ... cooperation with NATO": NATO's side of it is no event
            target = (
                None
                if source is not None and found_target is not None and _same(source, found_target)
                else found_target
            )
            if (target is None or not target.code) and source is not None:
                # no actor named: a domestic event is done to the source's own state
                target = self._domestic(c.code, source) or target
            key = (c.code, source.code if source else "", target.code if target else "")
            if key in seen:
                continue
            seen.add(key)
            events.append(self._event(article, sentence, c, source, target))
            verb = sentence.tokens[c.trigger].lemma
            one_sided = verb in ONE_SIDED_VERBS or ONE_SIDED in c.modifiers
            if not one_sided and self._mirrored(c.code, source, target, verb in _MUTUAL):
                assert source is not None and target is not None
                back = (c.code, target.code, source.code)
                if back not in seen:
                    seen.add(back)
                    events.append(self._event(article, sentence, c, target, source, reciprocal=True))
        return events

    def _mirrored(self, code: str, source: Actor | None, target: Actor | None, mutual: bool = False) -> bool:
        """Whether an event takes two and is coded for each side ("met", "signed a deal with"; ``mutual``:
        its verb takes two whatever its code, "exchanged fire with")."""
        return (
            (mutual or code in self.finder.control.reciprocal)
            and source is not None
            and target is not None
            and bool(source.code)
            and bool(target.code)
            and source.start >= 0
            and target.start >= 0
            and entity(source) != entity(target)
        )

    def _domestic(self, code: str, source: Actor) -> Actor | None:
        return domestic_target(code, source, self.finder.control)

    def _plover(self, cameo: str, plover: Plover, sentence: Sentence, c: Candidate) -> Plover:
        """The PLOVER coding of the event, set by its verb where one CAMEO code holds two PLOVER categories
        ("resigned" is RETREAT, "declared a ceasefire" CONCEDE: control.yaml ``plover_by_verb``)."""
        trigger = sentence.tokens[c.trigger]
        verbs = {trigger.lemma}
        governor = (
            governing_verb(sentence, trigger, ("dobj", "nsubjpass")) if trigger.pos in ("NOUN", "PROPN") else None
        )
        if governor is not None:  # "announced the withdrawal of its troops"
            verbs.add(governor.lemma)
        for rule in self.finder.control.plover_by_verb:
            if rule.applies(cameo, plover.event, verbs):
                plover = Plover(rule.event, rule.mode, plover.context)
        return plover

    def _event(
        self,
        article: Article,
        sentence: Sentence,
        c: Candidate,
        source: Actor | None,
        target: Actor | None,
        reciprocal: bool = False,
    ) -> Event:
        entry = self.taxonomy.get(c.code)
        first = sentence.tokens[c.first]
        last = sentence.tokens[c.last]
        trigger_text = sentence.text[first.start - sentence.start : last.end - sentence.start]
        confidence = _confidence(c, source, target)
        return Event(
            event_id=event_id(
                article.id,
                sentence.index,
                first.start,
                c.code,
                source.code if source else "",
                target.code if target else "",
            ),
            article_id=article.id,
            sentence_index=sentence.index,
            sentence=sentence.text,
            sentence_start=sentence.start,
            date=article.date,
            source=source,
            target=target,
            cameo=entry.code if len(entry.code) >= 3 else c.code,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover=self._plover(c.code, entry.plover, sentence, c),
            trigger=Span(text=trigger_text, start=first.start, end=last.end),
            confidence=confidence,
            explanation=Explanation(
                producer=c.producer,
                rule=c.rule,
                reason=agreeing_reason(c.reason, entry.code if len(entry.code) >= 3 else c.code, c.modifiers)
                + f" ({entry.name})"
                + (_MIRRORED if reciprocal else ""),
                modifiers=(*c.modifiers, "reciprocal") if reciprocal else tuple(c.modifiers),
                passes=tuple(c.passes),
                parts=tuple(c.parts.items()),
                probability=c.probability,
                factuality=c.factuality,
            ),
            current=c.current,
        )


_MIRRORED = "; coded for each side, this is the other"
_ARROW = re.compile(r"→ (\d{2,4})")


def agreeing_reason(reason: str, code: str, modifiers: Iterable[str]) -> str:
    """``reason``, saying what turned the code it names ("→ 050") into the ``code`` given, when they differ."""
    named = _ARROW.findall(reason)
    if not named or named[-1] == code:
        return reason
    return f"{reason}, made {code} by {', '.join(modifiers) or 'a later rule'}"


_RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "18", "19"})
_MUTUAL = ENGLISH.words("mutual_verbs")  # "exchanged fire with", "clashed with": each side does it to the other
EACH_WORDS = ENGLISH.words("each_words")  # "each side blamed the other"


_LIST_MARKS = frozenset({"-", "--", "\u2013", "\u2014", ":"})


def _side(actor: Actor, sentence: Sentence | None) -> int | None:
    """The plural noun whose appositive list names ``actor`` ("six world powers - the United States,
    Britain, ...": one side of the deal), as a token index, or None."""
    if sentence is None or actor.start < 0:
        return None
    inside = [t for t in sentence.tokens if actor.start <= t.start < actor.end]
    token = next((t for t in inside if not actor.start <= sentence.tokens[t.head].start < actor.end), None)
    for _ in range(8):
        if token is None or token.head == token.i:
            return None
        head = sentence.tokens[token.head]
        dash = any(
            sentence.tokens[k].text in _LIST_MARKS and head.i < k < token.i for k in head.children
        )  # "six world powers - the United States, ...": the parser often makes the list a conjunct
        if head.tag == "NNS" and (token.dep == "appos" or (token.dep == "conj" and dash)):
            return head.i
        if token.dep not in ("conj", "appos", "compound", "flat"):
            return None
        token = head
    return None


def _pairs(
    c: Candidate, control: Control, sentence: Sentence | None = None
) -> Iterable[tuple[Actor | None, Actor | None]]:
    sources: list[Actor | None] = list(c.sources) or [None]
    targets: list[Actor | None] = list(c.targets) or [None]
    if len(c.sources) > 1 and sentence is not None and each_other(sentence, sentence.tokens[c.trigger]):
        # "Armenia and Azerbaijan accused each other", "expelled each other's diplomats": each to the other
        for a in c.sources:
            for b in c.sources:
                if a is not b and entity(a) != entity(b):
                    yield a, b
        return
    if c.sources and c.sources == c.targets:
        if len(c.sources) == 1:  # one actor found for both roles: whom it was done to is the surer
            yield None, c.targets[0]
            return
        # "talks between Japan and NATO": each with each other, never with itself
        for a in c.sources:
            for b in c.sources:
                if a is not b:
                    yield a, b
        return
    actor_targets = [t for t in c.targets if t.code]
    own = {entity(a) for a in c.sources}
    if all(entity(t) in own for t in actor_targets):  # "Saudi Arabia and Iran reopened their embassies"
        actor_targets = []
    mutual = sentence is not None and sentence.tokens[c.trigger].lemma in _MUTUAL  # "exchanged prisoners"
    # allies who strike at someone ("the US and Britain struck targets in Yemen") never strike each other;
    # sides named as such ("fighting between the army and the RSF killed dozens") fight each other
    allied = c.code[:2] in VIOLENT_ROOTS and not mutual and sentence is not None and _allied(sentence, c)
    together = (mutual or c.code[:2] in _RECIPROCAL_ROOTS or c.code in control.reciprocal) and not c.code.startswith(
        control.one_sided
    )
    if together and len(c.sources) > 1 and not any(_stateless(a) for a in c.sources) and not allied:
        # "Kyrgyzstan and Tajikistan agreed to a pullback of troops", "Russia and Ukraine agreed to exchange
        # prisoners": a bare sector of no state named in what two parties agree on is no party to it
        actor_targets = [t for t in actor_targets if not _stateless(t)]
    if c.sources and not actor_targets and len(c.sources) > 1 and together and not allied:
        # "Japan and NATO held talks": a reciprocal event between the conjoined actors; the members of one
        # side's list ("Iran and six world powers - the United States, Britain, ...") never with each other
        sides = {id(a): _side(a, sentence) for a in c.sources}
        for a in c.sources:
            for b in c.sources:
                if a is not b and (sides[id(a)] is None or sides[id(a)] != sides[id(b)]):
                    yield a, b
        return
    for source in sources:
        for target in targets:
            yield source, target


def _allied(sentence: Sentence, c: Candidate) -> bool:
    """Whether the doers of a violent act did it together to someone: it has an object the pattern did not
    match ("struck targets", "fired at a base"; not "came to blows", nor a place: "clashed on the border"),
    and its doers are not the sides of a "between"."""
    if not [k for k in c.target_tokens if k not in c.matched and _aimed_at(sentence, sentence.tokens[k])]:
        return False
    for k in c.source_tokens:
        token = sentence.tokens[k]
        if any(p.lower in ("between", "among") for p in sentence.kids(token, "prep")):  # "fighting between"
            return False
        for _ in range(3):
            if token.head == token.i:
                break
            token = sentence.tokens[token.head]
            if token.lower in ("between", "among"):
                return False
    return True


def _aimed_at(sentence: Sentence, token: Token) -> bool:
    """Whether ``token`` is what an act is aimed at: a direct object, or the object of "at" or "against"."""
    if token.dep == "dobj":
        return True
    return token.dep == "pobj" and sentence.tokens[token.head].lower in ("at", "against")


def each_other(sentence: Sentence, trigger: Token) -> bool:
    """Whether the act is aimed at "each other" or "one another", or at what is theirs ("each other's
    diplomats"): its object, the object of its preposition, or their possessor; or, with "each" as its
    subject, at "the other" ("each side blamed the other")."""
    objects = [sentence.tokens[c] for c in trigger.children]
    for _ in range(2):  # "expelled six of each other's diplomats": through a preposition of the object
        objects += [o for p in objects if p.dep == "prep" for o in sentence.kids(p, "pobj")]
        objects += [x for o in objects if o.dep in ("dobj", "pobj") for x in sentence.kids(o, "prep")]
    objects += [o for x in list(objects) for o in sentence.kids(x, "poss")]
    subject = next((sentence.tokens[k] for k in trigger.children if sentence.tokens[k].dep == "nsubj"), None)
    each = subject is not None and (  # "each side blamed the other", "each accused the other"
        subject.lower in EACH_WORDS or any(d.lower in EACH_WORDS for d in sentence.kids(subject, "det"))
    )
    for o in objects:
        if o.dep not in ("dobj", "dative", "pobj", "poss"):
            continue
        before = {sentence.tokens[k].lower for k in o.children if k < o.i}
        after = {sentence.tokens[k].lower for k in o.children if k > o.i}
        if (o.lower == "other" and "each" in before) or (o.lower == "another" and "one" in before):
            return True
        if each and o.lower == "other" and "the" in before:
            return True
        if o.lower == "one" and "another" in after:  # the parser's "one another": "one" with "another" under it
            return True
    return False


def _stateless(actor: Actor) -> bool:
    """A bare sector that names no state or organisation ("troops", "prisoners")."""
    return not actor.country and not actor.group


def _same(a: Actor, b: Actor) -> bool:
    """An actor acting on itself is a coding error, not an event."""
    return a.code == b.code or (a.start == b.start and a.entity_id == b.entity_id)


def _confidence(c: Candidate, source: Actor | None, target: Actor | None) -> float:
    score = 0.45 + min(c.specificity, 6) * 0.04
    if source is not None:
        score += 0.15
    if target is not None:
        score += 0.12
    if c.producer == "model":
        score = min(score, 0.6)
    if c.probability is not None:  # the learned layer ran: half its class probability, half the evidence
        score = (min(score, 0.99) + c.probability) / 2
    return round(min(score, 0.99), 3)


def domestic_target(code: str, source: Actor, control: Control) -> Actor | None:
    """A domestic event with no target named concerns the source's own state."""
    sector = control.domestic_target(code)
    if sector is None or not source.country or source.group:
        return None
    if sector and sector in source.sector:
        return None  # the government acting on itself is no event
    return implied_actor(
        source.country,
        sector,
        None,
        f"domestic event: the target is {source.country}'s own {'government' if sector else 'state'}",
    )


def implied_actor(country: str, sector: str, name: str | None, how: str, mention: Actor | None = None) -> Actor:
    """A state (or one of its sectors) the story implies rather than names: no span of its own, or the
    span of the phrase it stands for (``mention``)."""
    text, start, end = (mention.text, mention.start, mention.end) if mention else ("", -1, -1)
    return Actor(
        code=country + sector,
        country=country,
        group=None,
        sector=(sector,) if sector else (),
        name=name,
        text=text,
        start=start,
        end=end,
        how=how,
        entity_id=country,
    )


def targets_from_places(
    events: list[Event], kb: KnowledgeBase, control: Control, sentence: Sentence | None = None
) -> list[Event]:
    """An event with no target named is done to the country where it happened; an act only a state
    does, reported in the passive with no one named doing it, is done by that country's authorities
    (see control.yaml)."""
    return [
        _state_source(_home_target(_place_target(event, kb, control), kb, control), kb, control, sentence)
        for event in events
    ]


def sources_from_scene(
    events: list[Event], kb: KnowledgeBase, control: Control, sentence: Sentence | None = None
) -> list[Event]:
    """An act only a state does, reported in the passive with no one named doing it and no place in its
    sentence ("Bashir had been arrested"), is done by the authorities of the place the story gives it
    (:meth:`thucydides.situate.Situator.scene`): run after the story's places, as the targets are not.
    A protest placed only by the story is not given its people (a protest told in passing)."""
    return [_state_source(event, kb, control, sentence, crowds=False) for event in events]


def _passive_verb(event: Event, sentence: Sentence | None) -> bool:
    """ "was arrested", "were detained": the trigger is a past participle (never a noun like "the release")."""
    if sentence is None:
        return False
    return any(t.start == event.trigger.start and t.pos == "VERB" and t.tag == "VBN" for t in sentence.tokens)


def _state_source(
    event: Event, kb: KnowledgeBase, control: Control, sentence: Sentence | None, crowds: bool = True
) -> Event:
    """``event`` with the authorities (or, for ``crowds``, the people) of its place as its source, when only
    they can have done it and no one is named doing it."""
    loc = event.location
    crowd = crowds and event.cameo.startswith(control.crowd_acts)
    sector = "CVL" if crowd else control.state_act(event.cameo)
    if sector is None or event.source is not None or loc is None or not loc.country or loc.country not in kb.countries:
        return event
    if not crowd and not _passive_verb(event, sentence):
        return event
    how = (
        f"no one is named doing it: the people where it happened ({loc.name})"
        if crowd
        else f"no one is named doing it, and only a state does it: the authorities where it happened ({loc.name})"
    )
    source = implied_actor(loc.country, sector, kb.countries[loc.country].name, how)
    target = event.target
    if target is None or not target.code:
        # "One of Bongo's sons was detained": a domestic act done to no one coded concerns the state's own
        # society, as it does when the authorities are named (EventCoder._events)
        target = domestic_target(event.cameo, source, control) or target
    return dataclasses.replace(event, source=source, target=target)


def _home_target(event: Event, kb: KnowledgeBase, control: Control) -> Event:
    """The violence of an armed group of one country, done to no one named and placed nowhere else, is done
    to that country ("BLA fighters blew up the track": against Pakistan)."""
    source = event.source
    if (event.target is not None and event.target.code) or source is None or not source.group:
        return event
    if (
        not source.country
        or source.country not in kb.countries
        or not event.cameo.startswith(control.armed_group_domestic)
    ):
        return event
    how = f"an armed group of {kb.countries[source.country].name}, with no one named it is done to: its own state"
    target = implied_actor(source.country, "", kb.countries[source.country].name, how, mention=event.target)
    return dataclasses.replace(event, target=target)


def _place_target(event: Event, kb: KnowledgeBase, control: Control) -> Event:
    loc = event.location
    rule = control.place_target(event.cameo)
    if rule is None or (event.target is not None and event.target.code) or loc is None or not loc.country:
        return event
    source_country = event.source.country if event.source else None
    if loc.country not in kb.countries or (rule == "abroad" and loc.country == source_country):
        return event
    # an object no actor stands for ("an army camp") stays the mention; a place is no mention of an actor
    how = f"the country where it happened ({loc.name})"
    target = implied_actor(loc.country, "", kb.countries[loc.country].name, how, mention=event.target)
    return dataclasses.replace(event, target=target)
