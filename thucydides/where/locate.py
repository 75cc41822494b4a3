"""The place of one event among the place names of its sentence.

A phrase attached to its trigger, else one in its clause or on one of its
participants, else one in a clause that governs it, else a place named elsewhere
in the sentence outside phrases of time or cause, else nothing (docs/places.md).
"""

from __future__ import annotations

from ..parse import Sentence, Token
from ..when import clause_chain, clause_of, height, scene_of
from .gazetteer import finer
from .mentions import Mention, Words


class Locator:
    """Picks the place of an event from the mentions :class:`~thucydides.where.places.Placer` found."""

    def __init__(self, words: Words) -> None:
        self.words = words

    def locate(self, sentence: Sentence, trigger: list[int], cameo: str, mentions: list[Mention]) -> Mention | None:
        """The place of the event whose trigger is at ``trigger``, or None when the sentence gives none."""
        if not trigger or not mentions:
            return None
        ranked = [(self._tier(sentence, trigger, cameo, m), abs(m.lo - trigger[0]), m.lo, m) for m in mentions]
        usable = sorted((r for r in ranked if r[0] is not None), key=lambda r: r[:3])
        if not usable:
            return None
        best = usable[0]
        closer = [r for r in usable[1:] if r[0] <= best[0] + 2 and finer(r[3].place, best[3].place)]  # type: ignore[operator]
        return closer[0][3] if closer else best[3]

    def _tier(self, sentence: Sentence, trigger: list[int], cameo: str, m: Mention) -> float | None:
        """How closely a mention belongs to the event; lower is closer, None is not at all."""
        own = set(trigger)
        chain = clause_chain(sentence, trigger)
        clause = chain[0]
        antecedent = self._antecedent(sentence, clause)
        if (m.lo <= antecedent <= m.hi and self._relative_where(sentence, clause)) or (
            m.role == "pp" and m.attach == antecedent >= 0
        ):
            return 2
        if self._visited(sentence, m, trigger):
            return 1.5  # "criticised Iran during a visit to Morocco": where the visitor was
        if m.role in ("obj", "of") and m.attach in own:
            return 1 if self._object_place(sentence, m, cameo) else None
        if m.role == "mod":
            return 2 if m.attach in own else None
        if m.role != "pp" or not self._fits(m, cameo.startswith(self.words.place_codes)):
            return None
        # "to Ukraine" names a recipient as often as a place: it gives way to "in Wiesbaden".
        weaker = 0.0 if m.prep in self.words.locative else 3.5 if m.place.feature in ("country", "adm1") else 0.5
        if m.prep in self.words.source:  # "burst into Israel from Gaza": where they came from
            weaker += 1.0
        if m.attach in own or self._light(sentence, m.attach, own):
            return weaker
        if m.prep in self.words.directional and m.attach == self._journey(sentence, clause):
            return 1.5  # "flew to Colombo to meet the president": the meeting is where the journey ends
        here = clause_of(sentence, m.attach)
        if sentence.tokens[m.attach].pos in ("VERB", "AUX") and scene_of(sentence, m.attach) in chain:
            return (1 if scene_of(sentence, m.attach) == clause else 1.5) + weaker
        if m.prep not in self.words.locative:
            return None
        if any(self._argument(sentence, m.attach, own | {antecedent}, c) for c in chain):
            return 2
        if m.attach == here and self._governs(sentence, here, clause):
            return 3
        return 4 if not cameo.startswith("01") and self._named_nearby(sentence, m, own) else None

    def _visited(self, sentence: Sentence, m: Mention, trigger: list[int]) -> bool:
        """Whether the mention is where a visit took the actor when the event happened: "during a visit to
        Morocco", "on a trip to Beijing" (a phrase of the event), "while visiting New Delhi" (a clause of
        it), "visited Kyiv on Tuesday and urged Zelenskiy to ..." (the visit the event is told with)."""
        tokens = sentence.tokens
        visit = tokens[m.attach] if m.attach >= 0 else None
        if visit is None or visit.lemma not in self.words.visit_words or visit.i in trigger:
            return False
        if not ((m.role == "pp" and m.prep in self.words.directional) or (m.role == "obj" and visit.pos == "VERB")):
            return False
        top = min(trigger, key=lambda k: height(sentence, k))
        event = tokens[top]
        if visit.dep == "pobj":  # "during a visit to Morocco", "on a trip to Beijing"
            prep = tokens[visit.head]
            return prep.lower in self.words.visit_prepositions and prep.head == top
        if visit.dep == "advcl" and visit.head == top:  # "while visiting New Delhi"
            return True
        return event.dep == "conj" and event.head == visit.i  # "visited Kyiv and urged Zelenskiy"

    def _journey(self, sentence: Sentence, clause: int) -> int:
        """The verb of travel a clause of purpose says why of ("flew to Colombo *to meet* the president"),
        or -1."""
        head = sentence.tokens[clause]
        if head.dep != "advcl" or head.tag != "VB" or head.head == head.i:
            return -1
        if not any(a.lower == "to" for a in sentence.kids(head, "aux")):
            return -1
        governor = sentence.tokens[head.head]
        return governor.i if governor.lemma in self.words.travel_verbs else -1

    def _named_nearby(self, sentence: Sentence, m: Mention, own: set[int]) -> bool:
        """The last resort: a place named in the sentence, unless it sits in a phrase of time or cause
        ("after a collision near the shoal"), in a clause about something else ("the man who fled to Kyiv")
        or in a clause of another act, with a subject of its own."""
        tokens = sentence.tokens
        j = m.attach
        for _ in range(len(tokens)):
            t = tokens[j]
            if j in own or t.head == j:
                return True
            if t.dep == "pobj" and self._aside(sentence, tokens[t.head]):
                return False
            if (t.dep in ("relcl", "acl", "csubj") or self._other_act(sentence, t, own)) and not any(
                _under(sentence, k, j) for k in own
            ):
                return False
            j = t.head
        return False

    @staticmethod
    def _other_act(sentence: Sentence, t: Token, own: set[int]) -> bool:
        """A clause with a subject of its own, told beside the event or quoted by another verb ("as Trump
        declared the war over at a summit in Egypt", "explosions were reported in Quito", '"they run
        Venezuela from an office in Washington," Maduro told supporters, accusing ...'): its places are
        that act's. The complement of the event's own verb is the event's."""
        if t.dep not in ("advcl", "ccomp", "conj", "parataxis") or t.pos not in ("VERB", "AUX"):
            return False
        if t.dep == "ccomp" and t.head in own:
            return False
        return bool(sentence.kids(t, "nsubj", "nsubjpass", "expl"))

    def _object_place(self, sentence: Sentence, m: Mention, cameo: str) -> bool:
        """Whether the object of the trigger is where it happened ("visited Tokyo", "recaptured Sudzha")."""
        return cameo.startswith(self.words.object_codes) or sentence.tokens[m.attach].lemma in self.words.object_verbs

    def _fits(self, m: Mention, placed: bool) -> bool:
        """Whether a prepositional phrase says where: "in Tokyo" always; "to Japan" only for visits and acts."""
        if m.prep == "on":
            return m.place.feature in self.words.on_features or placed
        if m.prep in self.words.locative:
            return True
        return placed or m.place.feature in ("city", "site")

    def _antecedent(self, sentence: Sentence, clause: int) -> int:
        """The noun a relative clause is about ("the command in Wiesbaden, which coordinates aid";
        "talks in Tokyo, where Nakatani said Japan hoped to deepen ties")."""
        tokens = sentence.tokens
        head = tokens[clause]
        for _ in range(4):
            if head.dep in ("relcl", "acl") and head.head != head.i:
                return _named_thing(sentence, head.head)
            if head.dep not in ("ccomp", "xcomp", "conj") or head.head == head.i:
                return -1
            head = tokens[clause_of(sentence, head.head)]
        return -1

    def _relative_where(self, sentence: Sentence, clause: int) -> bool:
        """Whether the relative clause says where ("Tokyo, where Nakatani said ...", "the town in which ..."),
        not what was done to the place ("arms sent to Russia, which both governments deny")."""
        tokens = sentence.tokens
        head = tokens[clause]
        for _ in range(4):
            if head.dep in ("relcl", "acl"):
                break
            if head.head == head.i:
                return False
            head = tokens[clause_of(sentence, head.head)]
        for k in head.children:
            kid = tokens[k]
            if kid.lower == "where" or (
                kid.dep == "prep"
                and kid.lower in self.words.locative
                and any(tokens[j].lower == "which" for j in kid.children)
            ):
                return True
        return False

    def _argument(self, sentence: Sentence, noun: int, own: set[int], clause: int) -> bool:
        """Whether a noun belongs to the event ("police in Paris arrested", "clashed with rebels in Rakhine").

        Not a noun in a phrase of time or cause ("after a collision near the shoal").
        """
        tokens = sentence.tokens
        j = noun
        for _ in range(3):
            if j in own or j == clause:
                return True
            t = tokens[j]
            if t.head == j or t.pos not in ("NOUN", "PROPN", "PRON", "NUM"):
                return False
            if t.dep == "pobj":
                prep = tokens[t.head]
                if self._aside(sentence, prep):
                    return False
                j = prep.head
            else:
                j = t.head
        return j in own or j == clause

    def _aside(self, sentence: Sentence, prep: Token) -> bool:
        """A phrase of time, cause or topic ("after the collision"), or of a goal inside a noun phrase
        ("a threat to security")."""
        if prep.lower in self.words.aside:
            # "on the sidelines of a summit in Jakarta" says where, "talks on the war in Gaza" what about
            return not any(o.lower in self.words.scene_nouns for o in sentence.kids(prep, "pobj"))
        return prep.lower in self.words.goal and sentence.tokens[prep.head].pos == "NOUN"

    def _light(self, sentence: Sentence, attach: int, own: set[int]) -> bool:
        """A light verb whose object is the trigger ("held talks in Tokyo")."""
        return any(sentence.tokens[k].head == attach and sentence.tokens[k].dep in ("dobj", "attr") for k in own)

    def _governs(self, sentence: Sentence, clause: int, inner: int) -> bool:
        """Whether ``clause`` is ``inner`` or one of the clauses above it, or a participle hanging from one."""
        tokens = sentence.tokens
        head = tokens[clause]
        if head.dep in ("advcl", "acl") and head.tag in ("VBG", "VBN") and not sentence.kids(head, "nsubj", "mark"):
            clause = clause_of(sentence, head.head)
        j = inner
        for _ in range(8):
            if j == clause:
                return True
            if tokens[j].head == j or tokens[j].dep in ("relcl", "acl"):
                return False
            j = clause_of(sentence, tokens[j].head)
        return False

    # -- finding names --------------------------------------------------------------------


def _named_thing(sentence: Sentence, i: int) -> int:
    """The noun a relative clause is about, past a date the parser hung it from ("a massacre in Pont-Sondé
    on Oct. 3, in which gunmen killed ...": the massacre)."""
    tokens = sentence.tokens
    for _ in range(4):
        t = tokens[i]
        if t.ent != "DATE" or t.head == i:
            return i
        i = t.head if t.dep != "pobj" else tokens[t.head].head
    return i


def _under(sentence: Sentence, k: int, top: int) -> bool:
    """Whether token ``k`` lies in the subtree of token ``top``."""
    tokens = sentence.tokens
    for _ in range(len(tokens)):
        if k == top:
            return True
        if tokens[k].head == k:
            return False
        k = tokens[k].head
    return False
