"""Events stage: find event triggers in a parsed sentence and code who did what to whom.

For each sentence the passes of :mod:`thucydides.events.passes` run in order:
every verb, event noun and predicate adjective is matched against the lexicon;
light verbs lend their subject to the event noun they govern; control words
(intent, appeal, demand, threat, rejection) and negation fold the event under
them into one of their own; speech verbs give way to what was said. Source and
target come from the parse and are coded by the document's actor memory; a
conjunction of actors gives one event per actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import registry
from ..doc import Doc
from ..parse import Sentence
from .candidates import Candidate
from .control import Control
from .lexicon import Lexicon
from .model import EventModel
from .passes import RULE_PASSES, EventResources
from .passes.base import EventPass, run_passes


class EventFinder:
    """Finds candidate events in one sentence through an ordered list of named passes."""

    def __init__(
        self,
        lexicon: Lexicon,
        control: Control,
        model: EventModel | None = None,
        passes: Sequence[str] | None = None,
    ) -> None:
        """``passes`` names the passes in order (see :func:`default_passes`); each is found in the registry."""
        self.lexicon = lexicon
        self.control = control
        names = tuple(passes) if passes is not None else default_passes(model is not None)
        resources = EventResources(lexicon, control, model)
        self.passes: list[EventPass] = [registry.get("event_passes", name)(resources) for name in names]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.passes)

    def find(self, doc: Doc, sentence: Sentence) -> list[Candidate]:
        """The candidate events of ``sentence``, main event first, each naming the passes that shaped it."""
        found = run_passes(self.passes, doc, sentence)
        doc.candidates[sentence.index] = found
        return found


def default_passes(classifier: bool) -> tuple[str, ...]:
    """The rule passes, then the statistical layer when there is a model."""
    return (*RULE_PASSES, *(("classifier",) if classifier else ()))
