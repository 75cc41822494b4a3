"""Who does what to whom in a dependency parse: the grammar every event pass shares.

Plain functions over a :class:`Sentence`; those that need the control words
(light verbs, speech verbs, words of appeal) take the :class:`Control` tables.
"""

from __future__ import annotations

from ..actors.spans import traveller_of
from ..lang import ENGLISH
from ..parse import Sentence, Token
from .control import Control
from .match import is_passive

VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Appeals, demands and threats: with no object, the subject of the clause they govern is addressed
ADDRESSED_ROOTS = frozenset({"02", "10", "13"})
NOT_ACTORS = ENGLISH.labels("not_actor_entities")
_COPULAS = ENGLISH.words("copulas")
_ADDRESS_VERBS = ENGLISH.words("address_verbs")
_CLAUSAL = ENGLISH.labels("clausal")
_DEFAULT_TARGET_PREPS = ENGLISH.word_list("target_prepositions")
_OCCASIONS = ENGLISH.words("occasion_nouns")
_RELATIVE = ENGLISH.words("relative_pronouns")
_OBJECT_CONTROL = ENGLISH.words("object_control_verbs")
_STATIVE_PARTICIPLES = ENGLISH.words("stative_participles")
_OCCASION = ENGLISH.words("occasion_prepositions")
_MESSAGES = ENGLISH.words("message_nouns")
_ISSUING = ENGLISH.words("issuing_verbs")
_BLOCKING = ENGLISH.words("blocking_verbs")
_OCCURRENCE_VERBS = ENGLISH.words("occurrence_verbs")
_BLAMING = ENGLISH.words("blaming_verbs")
_BLAMED_ON = ENGLISH.words("blamed_prepositions")
_CONDITIONS = ENGLISH.words("hypothetical_marks")
ONE_SIDED_VERBS = ENGLISH.words("one_sided_verbs")  # "recognised Guaidó": one side's act, whatever its code
ONE_SIDED = "one-sided"  # the modifier of a candidate that repeats a one-sided act ("did the same")


def light_governor(sentence: Sentence, token: Token, control: Control) -> Token | None:
    """The light verb ("hold talks", "be in talks") whose object is the event noun ``token``."""
    if token.dep in ("dobj", "attr", "nsubjpass", "oprd") or (token.dep == "pobj" and token.head != token.i):
        head = sentence.tokens[token.head]
        if token.dep == "pobj":
            if head.lower not in ("in", "into", "on") or head.dep not in ("prep", "prt"):
                return None
            head = sentence.tokens[head.head]
        if head.pos in ("VERB", "AUX") and (head.lemma == "be" or any(k in control.light for k in verb_keys(head))):
            return head
    return None


def subject(sentence: Sentence, token: Token, depth: int = 0) -> list[int]:
    """Who does what ``token`` says: its subject, or the subject it shares with its governor."""
    if depth > 6:
        return []
    for c in token.children:
        child = sentence.tokens[c]
        if child.dep in ("nsubj", "csubj", "expl") and child.dep != "expl":
            if child.lower in _RELATIVE and token.dep == "relcl":
                return [token.head]
            return [c]
    if is_passive(sentence, token) or (
        token.dep == "acl" and token.tag == "VBN" and token.lemma not in _STATIVE_PARTICIPLES
    ):
        # "was brokered by Qatar", "a deal brokered by Qatar": the agent does it
        agent = sentence.child(token, "agent")
        if agent is not None:
            obj = sentence.child(agent, "pobj")
            return [obj.i] if obj is not None else []
        return []
    head = sentence.tokens[token.head]
    if token.head == token.i:
        return []
    if token.dep == "conj":
        return subject(sentence, head, depth + 1)
    if token.dep in ("xcomp", "advcl", "ccomp"):
        return _clause_subject_of(sentence, token, head, depth)
    if token.dep == "relcl":
        return [token.head]
    if token.dep == "acl" and token.tag != "VBN":
        return _message_maker(sentence, token, head, depth) if head.lemma in _MESSAGES else [token.head]
    if token.dep == "pcomp":
        prep = head
        return subject(sentence, sentence.tokens[prep.head], depth + 1)
    if token.dep in ("acomp", "attr", "oprd") and head.lemma in _COPULAS:  # "it remained committed to"
        return subject(sentence, head, depth + 1)
    return []


def _message_maker(sentence: Sentence, token: Token, message: Token, depth: int) -> list[int]:
    """Who does what a message says ("a statement condemning Iran"): whoever issued it ("G7 leaders issued
    a statement", "said in a statement"), else the maker named on it ("an EU statement"); a message
    someone stopped ("blocked an EU statement criticising China") does nothing."""
    governor = governing_verb(sentence, message, ("dobj", "pobj"))
    if governor is not None and governor.lemma in _BLOCKING:
        return []
    if governor is not None and governor.lemma in _ISSUING:
        return subject(sentence, governor, depth + 1)
    makers = [k.i for k in sentence.kids(message, "poss", "compound", "amod") if k.pos in ("PROPN", "ADJ", "NOUN")]
    if makers:
        return makers[:1]
    return subject(sentence, governor, depth + 1) if governor is not None else [token.head]


def governing_verb(sentence: Sentence, noun: Token, deps: tuple[str, ...]) -> Token | None:
    """The verb whose object ``noun`` is (one of the dependency labels ``deps``), or whose preposition
    governs it: "issued a statement", "agreed ... under a truce"."""
    if noun.head == noun.i:
        return None
    governor = sentence.tokens[noun.head]
    if noun.dep == "pobj" and governor.dep == "prep" and governor.head != governor.i:
        governor = sentence.tokens[governor.head]
    elif noun.dep not in deps:
        return None
    return governor if governor.pos in ("VERB", "AUX") else None


def _clause_subject_of(sentence: Sentence, token: Token, head: Token, depth: int) -> list[int]:
    """The subject of a complement or adverbial clause with none of its own."""
    raised = sentence.child(head, "nsubjpass")
    if token.dep == "xcomp" and raised is not None and sentence.child(head, "agent") is None:
        return [raised.i]  # "Obama is scheduled to attend": Obama attends
    if token.dep == "xcomp" and head.lemma in _OBJECT_CONTROL:
        obj = sentence.child(head, "dobj")
        if obj is None:
            on = next((p for p in sentence.kids(head, "prep") if p.lower in ("on", "upon")), None)
            obj = sentence.child(on, "pobj") if on is not None else None
        if obj is not None:
            return [obj.i]
    if token.dep == "advcl" and sentence.child(token, "mark") is not None:
        return []
    return subject(sentence, head, depth + 1)


def default_source(sentence: Sentence, token: Token, pos: str, control: Control) -> list[int]:
    """Who does what an event word says when its pattern does not name the source."""
    if pos != "noun":
        return subject(sentence, token)
    for child in sentence.kids(token, "poss"):
        return [child.i]
    for child in sentence.kids(token, "compound", "amod", "nmod"):
        if (
            child.i < token.i
            and child.pos in ("PROPN", "ADJ", "NOUN")
            and child.ent in ("GPE", "NORP", "ORG", "PERSON")
        ):
            return [child.i]
    for prep in sentence.kids(token, "prep"):
        if prep.lower == "by":
            obj = sentence.child(prep, "pobj")
            if obj is not None:
                return [obj.i]
    traveller = traveller_of(sentence, token)
    if traveller is not None:
        return [traveller.i]
    blamed = blamed_on(sentence, token)
    if blamed is not None:
        return [blamed.i]
    governor = light_governor(sentence, token, control) or occasion(sentence, token)
    if governor is not None:
        return subject(sentence, governor)
    return []


def blamed_on(sentence: Sentence, noun: Token) -> Token | None:
    """Who an act named by a noun is laid at: "a truck bombing, blamed on al Shabaab, that killed 500",
    "the attack, which New Delhi blamed on Pakistan-based militants", "Kabul blamed the bombing on Islamic
    State", "the bombing was blamed on Islamic State" (ANNOTATION.md §2: the agent of a noun is kept)."""
    clauses = sentence.kids(noun, "acl", "relcl")
    if noun.dep in ("dobj", "nsubjpass") and noun.head != noun.i:
        clauses.append(sentence.tokens[noun.head])  # "blamed the bombing on ...", "the bombing was blamed on ..."
    for clause in clauses:
        if clause.lemma not in _BLAMING:
            continue
        for prep in sentence.kids(clause, "prep"):
            if prep.lower in _BLAMED_ON:
                obj = sentence.child(prep, "pobj")
                if obj is not None:
                    return obj
    return None


def threatened(sentence: Sentence, token: Token) -> list[int]:
    """Whom a threat that names no one is aimed at: the object of the act it threatens ("threatened to block
    Sweden's membership"), else the actor of its condition ("warned of serious consequences if the United
    States sold more weapons", "unless Stockholm cracked down")."""
    acts = sentence.kids(token, "xcomp")
    for act in acts:
        objects = sentence.kids(act, "dobj")
        if objects:
            return [objects[0].i]
    for clause in (token, *acts):
        doers = [k for k in condition_doers(sentence, clause) if sentence.tokens[k].pos in ("PROPN", "NOUN")]
        if doers:
            return doers
    return []


def condition_doers(sentence: Sentence, clause: Token) -> list[int]:
    """The subject of the condition (``hypothetical_marks``: "if X ...", "unless X ...") set on ``clause``."""
    for advcl in sentence.kids(clause, "advcl"):
        if any(m.lower in _CONDITIONS for m in sentence.kids(advcl, "mark")):
            return subject(sentence, advcl)
    return []


def occasion(sentence: Sentence, token: Token) -> Token | None:
    """The verb whose occasion the event noun ``token`` is: "In a phone call, Putin told Aliyev ...",
    "during talks in Beijing, Wang warned Blinken": who called is who told, the one called the one told
    (prepositions: ``occasion_prepositions``)."""
    if token.dep != "pobj" or token.head == token.i:
        return None
    prep = sentence.tokens[token.head]
    if prep.lower not in _OCCASION or prep.head == prep.i:
        return None
    verb = sentence.tokens[prep.head]
    return verb if verb.pos == "VERB" else None


def default_target(
    sentence: Sentence,
    token: Token,
    pos: str,
    sources: set[int],
    control: Control,
    consumed: set[int] | None = None,
    appeal: bool = False,
) -> list[int]:
    """Whom an event is done to when its pattern does not say, best guess first: the object; the
    owner of what the pattern matched ("rejected Greece's request"); a usual preposition's object;
    for demands and appeals, the subject of the clause ("demanded that Hungary stop", "voiced
    hope that the new government will"). The first of these that is an actor is the target."""
    consumed = consumed or set()
    found: list[int] = []
    objs: list[int] = []
    if pos == "verb":
        objs = [c for c in token.children if sentence.tokens[c].dep in ("dobj", "dative") and c not in consumed]
        if is_passive(sentence, token):
            objs = [c for c in token.children if sentence.tokens[c].dep == "nsubjpass"] + objs
        if not objs:  # "allowed observers to monitor": the parser makes the object the infinitive's subject
            objs = [k for k in infinitive_subjects(sentence, token) if k not in consumed]
        found.extend(objs[:1])
    if not objs and (appeal or (pos == "verb" and addressed_by_clause(token, control))):
        found.extend(clause_subject(sentence, token, control))
    elif appeal:  # "voiced hope that the new government will ...": the clause of the object noun
        found.extend(clause_subject(sentence, sentence.tokens[objs[0]], control))
    # what the pattern named of the act, but not the occasion it happened on ("met on the sidelines of a summit")
    named = [k for k in sorted(consumed) if not occasion_word(sentence.tokens[k])]
    for k in named:  # "pessimism about X": the object of a preposition the pattern named
        held = sentence.tokens[k]
        obj = sentence.child(held, "pobj") if held.pos == "ADP" else None
        if held.tag == "VBG" and held.pos == "VERB":  # "stop shelling the town": what the gerund is done to
            obj = sentence.child(held, "dobj")
        found.append(obj.i if obj is not None else k)
    holders = [token, *(sentence.tokens[k] for k in named)]
    governor = light_governor(sentence, token, control) if pos == "noun" else None
    if governor is not None:
        holders.append(governor)
    told = occasion(sentence, token) if pos == "noun" and not found else None
    if told is not None:  # "In a phone call, Putin told Aliyev": the one told
        found.extend(c.i for c in sentence.kids(told, "dobj", "dative"))
    for holder in holders:
        for prep_word in _DEFAULT_TARGET_PREPS:
            for prep in sentence.kids(holder, "prep"):
                obj = sentence.child(prep, "pobj") if prep.lower == prep_word else None
                if obj is not None and obj.i not in sources and not occasion_word(obj):
                    found.append(obj.i)
    for prep in between(sentence, token):
        obj = sentence.child(prep, "pobj")
        if obj is not None:
            found.append(obj.i)
    return [k for k in dict.fromkeys(found) if k not in sources]


def occasion_word(token: Token) -> bool:
    """Whether ``token`` names the occasion an act happened on ("the sidelines of a summit"; ``occasion_nouns``)."""
    return token.lemma in _OCCASIONS or token.lower in _OCCASIONS


def between(sentence: Sentence, token: Token) -> list[Token]:
    """The "between"/"among" phrases of an act: its own, or, for a noun whose verb only says it happened
    ("fighting broke out between Armenia and Azerbaijan", "clashes erupted among rival groups"), the verb's."""
    holders = [token]
    if token.pos == "NOUN" and token.dep == "nsubj" and sentence.tokens[token.head].lemma in _OCCURRENCE_VERBS:
        holders.append(sentence.tokens[token.head])
    return [p for h in holders for p in sentence.kids(h, "prep") if p.lower in ("between", "among")]


def infinitive_subjects(sentence: Sentence, token: Token) -> list[int]:
    """The subject of an infinitive clause under ``token`` ("allowed [observers to monitor]",
    "invited [Iran to join]"): in English the verb's object, which the parser reads as the
    infinitive's subject."""
    found: list[int] = []
    for clause in sentence.kids(token, "ccomp"):
        if any(t.dep == "aux" and t.lower == "to" for t in sentence.kids(clause, "aux")):
            found.extend(t.i for t in sentence.kids(clause, "nsubj"))
    return found


def clause_subject(sentence: Sentence, token: Token, control: Control) -> list[int]:
    """The subject of the clause a demand or an appeal governs, directly or through its light verb."""
    holders = [token]
    governor = light_governor(sentence, token, control) if token.pos == "NOUN" else None
    if governor is not None:
        holders.append(governor)
    for holder in holders:
        for clause in sentence.kids(holder, "ccomp", "acl"):
            found = sentence.child(clause, "nsubj", "nsubjpass")
            if found is not None:
                return [found.i]
    return []


def addressed_by_clause(token: Token, control: Control) -> bool:
    """Whether a verb's addressee may be the subject of its clause (demands, appeals, threats)."""
    name = control.verb_category.get(token.lemma)
    return name is not None and control.categories[name].addressee == "object"


def addressed(sentence: Sentence, token: Token) -> bool:
    """Whether a speech verb names whom it was said to: "told Rutte", "said to reporters"."""
    if any(k in _ADDRESS_VERBS for k in verb_keys(token)):
        obj = sentence.child(token, "dobj", "dative")
        if obj is not None and obj.pos in ("PROPN", "NOUN", "PRON"):
            return True
    return any(p.lower == "to" and sentence.child(p, "pobj") is not None for p in sentence.kids(token, "prep"))


def clause_head(sentence: Sentence, token: Token, control: Control) -> Token:
    """The verb that carries tense, negation and mood for an event: the light verb of an event noun."""
    if token.pos in ("NOUN", "PROPN"):
        governor = light_governor(sentence, token, control)
        if governor is not None and governor.lemma != "be":
            return governor
    return token


def governed_by(sentence: Sentence, k: int, token: Token) -> bool:
    """Whether token ``k`` is in what ``token`` says or claims: its clause, object or conjunct."""
    j = k
    for _ in range(12):
        t = sentence.tokens[j]
        if t.head == j:
            return False
        if t.head == token.i:
            return t.dep in ("ccomp", "xcomp", "parataxis", "advcl", "dobj", "conj")
        j = t.head
    return False


def mood_bearer(sentence: Sentence, token: Token) -> Token:
    """The verb whose auxiliaries give ``token`` its tense and mood: a verb joined to another with no
    subject or auxiliary of its own, in the bare form, shares the other's ("would attack the town and
    kill civilians": the killing is as hypothetical, or as promised, as the attack)."""
    for _ in range(4):
        if token.dep != "conj" or token.head == token.i or token.pos != "VERB" or token.tag != "VB":
            break
        if sentence.child(token, "nsubj", "nsubjpass", "aux", "auxpass") is not None:
            break
        token = sentence.tokens[token.head]
    return token


def depth(sentence: Sentence, i: int) -> int:
    """How many clauses down token ``i`` sits: the main event of a sentence is the shallowest."""
    found = 0
    j = i
    for _ in range(30):
        t = sentence.tokens[j]
        if t.head == j:
            break
        if t.dep in _CLAUSAL:
            found += 1
        j = t.head
    return found


def before_date(sentence: Sentence, token: Token) -> int:
    """ "met with President Bashar Assad Tuesday" parses as a compound headed by the date:
    the name before it is the argument. -1 when there is none."""
    names = [k for k in sentence.kids(token, "compound") if k.ent not in NOT_ACTORS and k.pos == "PROPN"]
    return names[-1].i if names else -1


def verb_keys(token: Token) -> list[str]:
    """The lemma, and base forms guessed from the text for when the lemmatiser errs ("hoped" → "hop")."""
    keys = [token.lemma]
    word = token.lower
    for suffix, repl in (
        ("ied", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("d", ""),
        ("es", ""),
        ("s", ""),
        ("ing", "e"),
        ("ing", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            keys.append(word[: -len(suffix)] + repl)
    return keys
