"""Pass ``classifier``: the statistical layer reorders the rules' events or adds one (see ``model.py``)."""

from __future__ import annotations

from ...doc import Doc
from ...parse import Sentence
from ..candidates import Candidate
from ..control import Control
from ..model import EventModel


class Classifier:
    name = "classifier"

    def __init__(self, model: EventModel, control: Control) -> None:
        self.model = model
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        return self.model.arbitrate(sentence, candidates, self.control, doc.actors)
