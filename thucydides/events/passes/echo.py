"""Pass ``echo``: "Canada, Brazil and Peru did the same" repeats the act told before, by new actors.

"The United States recognised Guaidó as interim president. Canada, Brazil and Peru did the same":
a careful coder codes the recognition once for each country that did the same (ANNOTATION.md §2,
several actors). So with "Britain followed suit" and with "Russia called for a ceasefire, as did
France and the EU". The words are in ``data/events/control.yaml`` (``echo``): a verb and the object
that makes it a repetition (``do`` + ``same``, ``follow`` + ``suit``), and ``as_verbs``, verbs whose
"as" clause repeats the act of the clause it hangs on ("as did France"). The act repeated is the one
the "as" clause hangs on, else the latest act of another actor earlier in the story (a statement
alone is never repeated so); the new event takes its code and its targets, and the subject of the
repeating verb as its source.
"""

from __future__ import annotations

from ...doc import Doc
from ...models import Actor
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Control
from ..grammar import ONE_SIDED, ONE_SIDED_VERBS, subject
from ..lexicon import Lexicon
from .reference import earlier_acts, names_of

_SAYING = "01"


class Echo:
    name = "echo"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.words = control.echo

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        out = list(candidates)
        for token in sentence.tokens:
            if token.lemma not in self.words.verbs and token.lemma not in self.words.as_verbs:
                continue
            found = self._repeated(doc, sentence, token, candidates)
            if found is None:
                continue
            act, act_sentence, sources = found
            why = f"'{token.text}' repeats '{act_sentence.tokens[act.trigger].text}', done by {names_of(sources)}"
            echo = Candidate(
                trigger=token.i,
                first=token.i,
                last=token.i,
                code=act.code,
                source_tokens=subject(sentence, token),
                target_tokens=[],
                rule=f"echo: {why}",
                reason=f"{why} → {act.code}",
                specificity=act.specificity,
                modifiers=[*act.modifiers, "echo", *self._sided(act_sentence, act)],
                current=act.current,
            )
            echo.sources = sources
            echo.targets = [a for a in act.targets if a.code and a.code not in {s.code for s in sources}]
            out.append(echo)
        return out

    @staticmethod
    def _sided(sentence: Sentence, act: Candidate) -> list[str]:
        """ "did the same" after "recognised Guaidó": the repetition is one-sided as the act is."""
        return [ONE_SIDED] if sentence.tokens[act.trigger].lemma in ONE_SIDED_VERBS else []

    def _repeated(
        self, doc: Doc, sentence: Sentence, token: Token, here: list[Candidate]
    ) -> tuple[Candidate, Sentence, list[Actor]] | None:
        """The act ``token`` repeats, the sentence it is in and the new actors doing it; None when it repeats none."""
        sources = [a for i in subject(sentence, token) for a in doc.actors.actors(i) if a.code]
        if not sources:
            return None
        if token.lemma in self.words.as_verbs and token.dep == "advcl" and token.head != token.i:
            if any(m.lower == "as" for m in sentence.kids(token, "mark")):
                host = sentence.tokens[token.head]  # "called for a ceasefire, as did France"
                act = next((c for c in here if c.trigger == host.i or c.first <= host.i <= c.last), None)
                return (act, sentence, sources) if act is not None and act.refusal is None else None
            return None
        objects = self.words.verbs.get(token.lemma, frozenset())
        if not any(k.lemma in objects or k.lower in objects for k in sentence.kids(token, "dobj", "advmod")):
            return None
        new = {a.code for a in sources}
        probe = Candidate(token.i, token.i, token.i, "", [], [], "", "", 0)
        for s, act in earlier_acts(doc, sentence, probe, here):
            if act.code.startswith(_SAYING) or not act.targets:
                continue
            if not new & {a.code for a in act.sources}:
                return act, s, sources
        return None
