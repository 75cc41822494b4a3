"""Which coded events are emitted: the last look before an event leaves the coder.

A careful coder does not record attribution as an event ("police said", "told
reporters", "according to officials": the saying is how we know, the event is what
was said), nor an act that nobody does to anybody. This stage sets such events aside
as *refused*, each with the reason, so that ``--explain`` can show them and the
sentence-level scores can still see what a sentence says.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..lang import ENGLISH
from ..models import Actor, Event, Refused
from ..parse import Sentence, Token

STATEMENT_ROOT = "01"
PLAIN_STATEMENT = "010"  # a statement that no more specific code fits (ANNOTATION.md §1)
_CONTENT_DEPS = frozenset({"ccomp", "parataxis"})  # the clause that holds what was said
_MESSAGES = ENGLISH.words("message_nouns")  # "a statement urging ...": a message whose clause says what it says
NO_ACTORS = "neither a source nor a target was found"
NO_SOURCE = "no one was found doing it: an event is an actor's act"
NO_TARGET = "no one was found it is done to: only tests, exercises, denials, coups and appeals to all stand alone"
ATTRIBUTION = "a verb of saying with no political actor it is aimed at is attribution, not an event"
MEDIA_SECTORS = ("MED",)
CLAIM_RULE = "claims:"  # the rule of the events the claims pass makes (thucydides/events/passes/claims.py)

__all__ = ["Refused", "admit", "refusal"]


def _coded(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.code)


def _addressee(actor: Actor | None) -> bool:
    """An actor a statement can be aimed at: coded, and not a newspaper or a journalist."""
    return _coded(actor) and actor is not None and not any(s in MEDIA_SECTORS for s in actor.sector)


def _own_audience(event: Event) -> bool:
    """A statement to one's own country ("told the nation", "told parliament", "told a crowd") is how
    it was said, not an act on someone: attribution, as "told reporters" is."""
    source, target = event.source, event.target
    return source is not None and target is not None and source.country is not None and source.country == target.country


def _trigger_token(event: Event, sentence: Sentence | None) -> Token | None:
    if sentence is not None:
        for token in sentence.tokens:
            if token.start == event.trigger.start:
                return token
    return None


def _trigger_lemma(event: Event, sentence: Sentence | None) -> str:
    token = _trigger_token(event, sentence)
    if token is not None:
        return token.lemma.lower()
    return event.trigger.text.split()[0].lower() if event.trigger.text else ""


def _tells_content(event: Event, sentence: Sentence | None) -> bool:
    """ "Xi told Trump that the two economies should be partners": a plain statement (010) that carries what
    was said in a clause is how we know it; what was said is the act (coded as its own event, or none). So
    is one whose message says it in a clause of its own: "issued a statement urging North Korea to comply"."""
    token = _trigger_token(event, sentence)
    if sentence is None or token is None or event.cameo != PLAIN_STATEMENT:
        return False
    if any(sentence.tokens[c].dep in _CONTENT_DEPS for c in token.children):
        return True
    messages = [token, *(sentence.tokens[c] for c in token.children if sentence.tokens[c].dep == "dobj")]
    return any(
        m.lemma in _MESSAGES
        and any(sentence.tokens[c].dep == "acl" and sentence.tokens[c].pos == "VERB" for c in m.children)
        for m in messages
    )


def refusal(
    event: Event, sentence: Sentence | None, speech: Iterable[str], untargeted: tuple[str, ...] = ()
) -> str | None:
    """The reason an event is not emitted, or None when it is.

    ``untargeted``: code prefixes of acts complete without a target (control.yaml); an event
    of any other code with no coded target is refused. A claim of an act (the ``claims`` pass: "Islamic
    State claimed the attack") is an act whoever hears it, never attribution.
    """
    if not _coded(event.source):
        return NO_ACTORS if not _coded(event.target) else NO_SOURCE
    claim = event.explanation.rule.startswith(CLAIM_RULE)
    saying = event.cameo_root == STATEMENT_ROOT and not claim and _trigger_lemma(event, sentence) in speech
    if saying and (not _addressee(event.target) or _own_audience(event)):
        return ATTRIBUTION
    if _tells_content(event, sentence):
        return ATTRIBUTION
    if not _coded(event.target) and not event.cameo.startswith(untargeted):
        return NO_TARGET
    return None


def admit(
    events: list[Event], sentence: Sentence | None, speech: frozenset[str], untargeted: tuple[str, ...] = ()
) -> tuple[list[Event], list[Refused]]:
    """Split a sentence's events into those emitted and those refused (with the reason)."""
    kept: list[Event] = []
    refused: list[Refused] = []
    for event in events:
        reason = refusal(event, sentence, speech, untargeted)
        if reason is None:
            kept.append(event)
        else:
            refused.append(Refused(event, reason))
    return kept, refused
