"""Parse repairs: the small English model's commonest misreadings of news sentences, mended before any
rule reads them (each function takes a sentence's tokens and rewrites their heads and labels in place).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .resources import data_path, load_yaml

if TYPE_CHECKING:
    from .parse import Token


_ORPHAN_DEPS = ("conj", "advcl", "ccomp")


def repair_orphan_subjects(tokens: list[Token]) -> None:
    """Give a second clause back the subject the parser joined to the first clause's object.

    "Japan condemned the launch and South Korea also condemned it": the small English model
    often reads "South Korea" as a conjunct of "the launch", leaving the second "condemned"
    with no subject. A verb conjoined to another verb, with no subject of its own, takes the
    noun conjunct just before it (adverbs and auxiliaries between them aside) as its subject. So does
    a finite verb the parser hung from the first as an adverbial or complement clause with no subject,
    no mark and no auxiliary ("freed the hostages on Monday and Israel released prisoners": "Monday and
    Israel").
    """
    for verb in tokens:
        if verb.pos != "VERB" or verb.dep not in _ORPHAN_DEPS or tokens[verb.head].pos not in ("VERB", "AUX"):
            continue
        if any(tokens[c].dep in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if verb.dep != "conj" and (
            verb.tag not in ("VBD", "VBZ", "VBP") or any(tokens[c].dep in ("mark", "aux") for c in verb.children)
        ):
            continue
        j = verb.i - 1
        while j > verb.head and tokens[j].pos in ("ADV", "AUX", "PART"):
            j -= 1
        noun = tokens[j]
        while noun.dep in ("compound", "flat") and noun.head > noun.i:
            noun = tokens[noun.head]
        if noun.pos not in ("PROPN", "NOUN") or noun.dep != "conj":
            continue
        owner = tokens[noun.head]
        if owner.pos not in ("NOUN", "PROPN", "PRON") or not verb.head < owner.i < noun.i:
            continue
        owner.children.remove(noun.i)
        noun.head, noun.dep = verb.i, "nsubj"
        for c in [c for c in owner.children if tokens[c].dep == "cc" and owner.i < c < noun.i]:
            owner.children.remove(c)
            tokens[c].head = verb.i
            verb.children.append(c)
        verb.children.append(noun.i)
        verb.children.sort()


def repair_said_subjects(tokens: list[Token]) -> None:
    """Give a verb of saying back the clause whose subject the parser took for its object.

    "Nakatani said Japan, having already provided Ukraine with equipment, hoped to deepen its
    cooperation": the small English model reads "Japan" as the object of "said" and hangs "hoped" on
    the sentence's first verb. A verb of saying (``data/parse/clause_verbs.yaml``) with a name or a noun
    for its object and no clause of its own takes the first later finite verb with no subject that
    hangs from an earlier verb (or from it, as an adverbial clause with no mark) as its clause, and the
    object as that clause's subject.
    """
    saying = clause_verbs()
    for verb in tokens:
        if verb.pos != "VERB" or verb.lemma not in saying:
            continue
        objects = [tokens[c] for c in verb.children if tokens[c].dep == "dobj"]
        if len(objects) != 1 or objects[0].pos not in ("PROPN", "NOUN"):
            continue
        if any(tokens[c].dep in ("ccomp", "xcomp") for c in verb.children):
            continue
        said = objects[0]
        clause = next(
            (
                t
                for t in tokens[said.i + 1 :]
                if t.pos == "VERB"
                and t.tag in ("VBD", "VBZ", "VBP")
                and not any(tokens[c].dep in ("nsubj", "nsubjpass", "mark") for c in t.children)
                and ((t.dep == "conj" and t.head < verb.i) or (t.dep == "advcl" and t.head == verb.i))
            ),
            None,
        )
        if clause is None:
            continue
        tokens[clause.head].children.remove(clause.i)
        clause.head, clause.dep = verb.i, "ccomp"
        verb.children.remove(said.i)
        verb.children.append(clause.i)
        verb.children.sort()
        said.head, said.dep = clause.i, "nsubj"
        clause.children.append(said.i)
        # "Japan, having already provided Ukraine with equipment, hoped": the participle is the clause's
        for c in [c for c in verb.children if said.i < c < clause.i and tokens[c].dep in ("advcl", "punct")]:
            verb.children.remove(c)
            tokens[c].head = clause.i
            clause.children.append(c)
        clause.children.sort()


def repair_said_participles(tokens: list[Token]) -> None:
    """Give a verb of saying set inside a sentence the participle clause that follows it.

    "The prisoners were driven into Lithuania, President Nauseda said, thanking the United States": the
    small English model hangs "thanking" on the sentence's main verb, whose subject (the prisoners) then
    thanks. A verb of saying (``data/parse/clause_verbs.yaml``) set in as a parenthesis, with a subject of
    its own, takes the participle clause with no subject that follows it at once (after its comma).
    """
    saying = clause_verbs()
    for said in tokens:
        if said.dep != "parataxis" or said.lemma not in saying or said.head == said.i:
            continue
        if not any(tokens[c].dep == "nsubj" for c in said.children):
            continue
        after = subtree_span(tokens, said)[1] + 1
        while after < len(tokens) and tokens[after].pos == "PUNCT" and tokens[after].text == ",":
            after += 1
        if after >= len(tokens):
            continue
        clause = tokens[after]
        if clause.dep != "advcl" or clause.tag != "VBG" or clause.head != said.head:
            continue
        if any(tokens[c].dep in ("nsubj", "nsubjpass", "mark") for c in clause.children):
            continue
        tokens[clause.head].children.remove(clause.i)
        clause.head = said.i
        said.children.append(clause.i)
        said.children.sort()


def repair_said_conjuncts(tokens: list[Token]) -> None:
    """Give a verb of saying back a second act of its subject that the parser joined to what was said.

    "He said the tariff would take effect on Aug. 1 and ordered an investigation": the small English
    model joins "ordered" to "take", so the tariff orders. When what was said has a subject of its own
    and a modal ("would take"), a finite past verb with no subject joined to it is no part of it (a
    shared modal would leave it bare: "would attack and kill"): it is joined to the verb of saying. So
    is a verb of speaking or promising (``speaking_verbs``) joined to a clause whose subject is a thing, a
    common noun no entity ("said the sanctions breached the deal and promised a reply").
    """
    saying = clause_verbs()
    for verb in tokens:
        if verb.dep != "conj" or verb.tag != "VBD" or verb.head == verb.i:
            continue
        if any(tokens[c].dep in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        said = tokens[verb.head]
        if said.dep != "ccomp" or said.head == said.i:
            continue
        sayer = tokens[said.head]
        if sayer.lemma not in saying or sayer.tag not in ("VBD", "VBZ", "VBP"):
            continue
        if not any(tokens[c].dep == "nsubj" for c in sayer.children):
            continue
        subject = next((tokens[c] for c in said.children if tokens[c].dep == "nsubj"), None)
        if subject is None:
            continue
        modal = any(tokens[c].dep == "aux" and tokens[c].tag == "MD" for c in said.children)
        # "Iran said the sanctions breached the deal and promised a reply": sanctions promise nothing
        thing = subject.pos == "NOUN" and not subject.ent and verb.lemma in speaking_verbs()
        if not (modal or thing):
            continue
        joined = [c for c in said.children if said.i < c < verb.i and tokens[c].dep in ("cc", "punct")]
        for c in [verb.i, *joined]:
            said.children.remove(c)
            tokens[c].head = sayer.i
            sayer.children.append(c)
        sayer.children.sort()


def repair_object_predicates(tokens: list[Token]) -> None:
    """Split "called [the attack barbaric]" back into an object and its predicate.

    The small English model often reads the object of "call", "brand" or "deem" as a compound
    inside the predicate ("the attack" as a modifier of "barbaric"); the object is the compound
    noun with the determiner, the predicate what follows it. With a verb of naming
    (``data/parse/naming_verbs.yaml``) it also reads "called [the attackers cowards]" as one object
    (a plural noun is no compound: the object is the plural, the predicate what follows) and
    "called the detentions unacceptable" as a detention that is unacceptable (an adjective after
    the object is the verb's predicate), and "called the strikes an act of aggression" as strikes that
    are an act (a noun with its article after the object is the verb's predicate).
    """
    naming = naming_verbs()
    for pred in tokens:
        if pred.head == pred.i or not (
            pred.dep == "oprd" or (pred.dep == "dobj" and tokens[pred.head].lemma in naming and pred.pos == "NOUN")
        ):
            continue
        verb = tokens[pred.head]
        if any(tokens[c].dep in ("dobj", "oprd") and c != pred.i for c in verb.children):
            continue
        nouns = [c for c in pred.children if tokens[c].dep == "compound" and tokens[c].pos in ("NOUN", "PROPN")]
        if pred.dep == "dobj":
            nouns = [c for c in nouns if tokens[c].tag in ("NNS", "NNPS") and c == pred.i - 1]
        dets = [c for c in pred.children if tokens[c].dep == "det" and c < pred.i]
        if not nouns or not dets or not dets[0] < nouns[-1] < pred.i:
            continue
        _split_object(tokens, verb, pred, tokens[nouns[-1]])
    for adjective in tokens:
        noun = tokens[adjective.head]
        if adjective.dep != "amod" or adjective.pos != "ADJ" or adjective.i != noun.i + 1 or noun.dep != "dobj":
            continue
        verb = tokens[noun.head]
        if verb.lemma in naming and not any(tokens[c].dep in ("oprd", "ccomp", "xcomp") for c in verb.children):
            noun.children.remove(adjective.i)
            adjective.head, adjective.dep = verb.i, "oprd"
            verb.children.append(adjective.i)
            verb.children.sort()
    for pred in tokens:  # "called India's strikes [an act of aggression]": a noun predicate read as the object's
        noun = tokens[pred.head]
        if pred.dep not in ("npadvmod", "appos", "dobj") or pred.pos != "NOUN" or pred.i < noun.i:
            continue
        # also from inside the object's phrase: "called the case against Bolsonaro [a witch hunt]" (read as
        # Bolsonaro's apposition), "called Saied's move [a coup]" (read as the noun's object)
        held = _naming_object(tokens, noun, naming)
        if held is None or (pred.dep == "dobj" and noun.pos not in ("NOUN", "PROPN")):
            continue
        verb = tokens[held.head]
        if not any(tokens[c].dep in ("oprd", "ccomp", "xcomp") for c in verb.children):
            if not any(tokens[c].dep == "det" for c in pred.children):
                continue  # "called the troops home", an apposition with no article: not what they are called
            start = subtree_span(tokens, pred)[0]
            if start > 0 and tokens[start - 1].lower in (",", "(", "—", "-"):
                continue  # "called the envoy of Chile, a former minister,": an apposition set off by a comma
            noun.children.remove(pred.i)
            pred.head, pred.dep = verb.i, "oprd"
            verb.children.append(pred.i)
            verb.children.sort()
    for verb in tokens:  # "called the attacks cowardly": an adjective in -ly read as the verb's adverb
        if verb.lemma not in naming or any(tokens[c].dep in ("oprd", "ccomp", "xcomp") for c in verb.children):
            continue
        objects = [tokens[c] for c in verb.children if tokens[c].dep == "dobj"]
        if not objects:
            continue
        after = subtree_span(tokens, objects[0])[1] + 1  # the word right after the object's phrase
        for c in verb.children:
            if c == after and tokens[c].dep == "advmod" and tokens[c].lower.endswith("ly"):
                tokens[c].dep = "oprd"


def repair_gerund_objects(tokens: list[Token]) -> None:
    """Give "killed in [Pakistani shelling]" its noun back.

    The small English model reads a noun in -ing after a preposition and a modifier as a clause of the
    verb ("in Pakistani" with "shelling" a participle clause of "killed"); when the word in -ing governs
    nothing but prepositions ("shelling in Kashmir") and follows the preposition's object at once, it is
    that object, and the word before it (with its own modifiers) its modifier.
    """
    for gerund in tokens:
        if gerund.dep != "advcl" or gerund.tag != "VBG" or gerund.i == 0 or gerund.head == gerund.i:
            continue
        before = tokens[gerund.i - 1]
        prep = tokens[before.head]
        if before.dep != "pobj" or prep.dep not in ("prep", "agent") or prep.head != gerund.head:
            continue
        if any(tokens[c].dep not in ("prep", "punct") or c < gerund.i for c in gerund.children):
            continue  # "from Sinai allowing Nasser to mass his divisions": a clause, with what it governs
        verb = tokens[gerund.head]
        verb.children.remove(gerund.i)
        prep.children.remove(before.i)
        for c in [k for k in before.children if k < before.i]:  # "Israeli tank shelling": Israeli shelling
            before.children.remove(c)
            tokens[c].head = gerund.i
            gerund.children.append(c)
        before.head, before.dep = gerund.i, "amod" if before.pos == "ADJ" else "compound"
        gerund.head, gerund.dep, gerund.pos, gerund.tag, gerund.lemma = prep.i, "pobj", "NOUN", "NN", gerund.lower
        gerund.children.append(before.i)
        gerund.children.sort()
        prep.children.append(gerund.i)
        prep.children.sort()


def repair_blamed_on(tokens: list[Token]) -> None:
    """Give "blamed [the bombing of a mosque in Kabul] on Islamic State" its culprit back.

    The small English model hangs the preposition that names whom an act is laid at ("on" for "blame",
    "to" for "attribute": ``data/parse/blaming_verbs.yaml``) on the last noun of the verb's object; a verb of blaming
    with an object and no such preposition of its own takes the last one in its object, unless that one
    belongs to the object's own head ("blamed the attack on the embassy": the attack was on it).
    """
    preposition_of = blaming_words()
    for verb in tokens:
        wanted = preposition_of.get(verb.lemma) if verb.pos == "VERB" else None
        if wanted is None or any(tokens[c].lower == wanted for c in verb.children):
            continue
        obj = next((tokens[c] for c in verb.children if tokens[c].dep == "dobj"), None)
        if obj is None:
            continue
        _lo, hi = subtree_span(tokens, obj)
        prep = next((t for t in reversed(tokens[obj.i + 1 : hi + 1]) if t.dep == "prep" and t.lower == wanted), None)
        if prep is None or prep.head == obj.i or not any(tokens[c].dep == "pobj" for c in prep.children):
            continue
        tokens[prep.head].children.remove(prep.i)
        prep.head = verb.i
        verb.children.append(prep.i)
        verb.children.sort()


def repair_buried_coordination(tokens: list[Token]) -> None:
    """Give back two people joined by "and" that the parser read as one: "[Ethiopian Prime Minister Abiy
    Ahmed] and [Somaliland leader Muse Bihi Abdi] signed" as the subject "Abdi" with "Ahmed" among its
    modifiers and "Somaliland" as Ahmed's conjunct. The first name becomes the subject (or object), the
    second person its conjunct, and the word after "and" goes back to the phrase it opens.

    Only for a name of several words (it has modifiers of its own) heading a phrase that ends in
    another person's name; "the US and British ambassadors" (no name before "and") is left alone."""
    for x in tokens:
        if x.dep not in ("nmod", "compound") or x.pos != "PROPN" or x.ent != "PERSON" or x.head <= x.i:
            continue
        ccs = [c for c in x.children if tokens[c].dep == "cc" and tokens[c].lower == "and" and c > x.i]
        conjs = [c for c in x.children if tokens[c].dep == "conj" and c > x.i]
        if not ccs or not conjs or not any(c < x.i for c in x.children):
            continue
        opened = tokens[x.head]  # the phrase the word after "and" opens ("leader")
        head = opened
        while head.dep in ("compound", "nmod") and head.head > head.i:
            head = tokens[head.head]
        if head.dep not in ("nsubj", "nsubjpass", "dobj") or head.ent != "PERSON" or head.i <= conjs[-1]:
            continue
        governor = tokens[head.head]
        opened.children.remove(x.i)
        x.head, x.dep = governor.i, head.dep
        governor.children.remove(head.i)
        governor.children.append(x.i)
        head.head, head.dep = x.i, "conj"
        x.children.append(head.i)
        for c in conjs:
            x.children.remove(c)
            tokens[c].head, tokens[c].dep = opened.i, "compound"
            opened.children.append(c)
        for t in (x, governor, opened):
            t.children.sort()


def repair_verbless_headline(tokens: list[Token], verbs: frozenset[str]) -> int | None:
    """Find the verb of a headline the parser read as one noun phrase: "Greece denounces actions by
    Jamaica", "Activists in Dili decry new government policy", "Ukraine air force bombs training camp".

    Only in a sentence with no verb at all: the first noun after a noun, followed by more words, whose
    form is a verb's third person ("bombs"), or failing one its base form ("decry"), in ``verbs`` (base
    forms, lower case) becomes the root verb; the words before it are its subject, the phrase after it
    its object (a preposition and what follows attach to the verb). Returns the new root's index, or
    None when nothing was changed."""
    if len(tokens) < 3 or any(t.pos in ("VERB", "AUX") for t in tokens):
        return None
    found = [
        t
        for t in tokens[1:-1]
        if t.pos in ("NOUN", "PROPN")
        and tokens[t.i - 1].pos in ("NOUN", "PROPN")
        and tokens[t.i + 1].pos != "PUNCT"
        and _verb_base(t.lower, verbs)
    ]
    # a third person before a base form: "Ukraine Air Force Bombs Training Camp" is no "air"
    verb = next((t for t in found if _verb_base(t.lower, verbs) != t.lower), found[0] if found else None)
    if verb is None:
        return None
    v = verb.i
    subject = [t for t in tokens[:v] if not 0 <= t.head < v or t.head == t.i]
    rest = [t for t in tokens[v + 1 :] if not v < t.head < len(tokens) or t.head == t.i]
    head = subject[-1]  # the subject's head; the rest of what stood before the verb hangs on it
    for t in subject:
        t.head, t.dep = (v, "nsubj") if t is head else (head.i, "compound")
    has_object = False
    for t in rest:
        if t.pos == "ADP":
            dep = "prep"
        elif t.pos == "PUNCT":
            dep = "punct"
        elif not has_object and t.pos in ("NOUN", "PROPN", "NUM", "PRON"):
            dep, has_object = "dobj", True
        else:
            dep = "dep"
        t.head, t.dep = v, dep
    base = _verb_base(verb.lower, verbs)
    assert base is not None
    third = verb.lower != base
    verb.head, verb.dep, verb.pos, verb.tag, verb.lemma = v, "ROOT", "VERB", "VBZ" if third else "VBP", base
    for t in tokens:
        t.children = []
    for t in tokens:
        if t.head != t.i:
            tokens[t.head].children.append(t.i)
    return v


def _verb_base(form: str, verbs: frozenset[str]) -> str | None:
    """The verb whose base form or third person singular ``form`` is ("decry", "denounces", "bombs")."""
    if form in verbs:
        return form
    for ending, base in (("ies", "y"), ("es", ""), ("s", "")):
        if form.endswith(ending) and len(form) > len(ending) + 2 and form[: -len(ending)] + base in verbs:
            return form[: -len(ending)] + base
    return None


def _naming_object(tokens: list[Token], noun: Token, naming: frozenset[str]) -> Token | None:
    """The object of a verb of naming whose phrase holds ``noun`` (the object itself, or a noun inside its
    phrase, no verb between), or None."""
    t = noun
    for _ in range(len(tokens)):
        if t.dep == "dobj" and t.head != t.i and tokens[t.head].lemma in naming:
            return t
        if t.head == t.i or t.pos in ("VERB", "AUX") or t.dep not in ("dobj", "pobj", "prep", "poss", "compound"):
            return None
        t = tokens[t.head]
    return None


def subtree_span(tokens: list[Token], token: Token) -> tuple[int, int]:
    """Token index range [lo, hi] covered by the subtree of ``token``."""
    lo = hi = token.i
    stack = [token.i]
    while stack:
        t = tokens[stack.pop()]
        lo = min(lo, t.i)
        hi = max(hi, t.i)
        stack.extend(t.children)
    return lo, hi


def _split_object(tokens: list[Token], verb: Token, pred: Token, noun: Token) -> None:
    """Make ``noun``, read as a compound inside ``pred``, the object of ``verb`` and ``pred`` its predicate."""
    for c in [k for k in pred.children if k < noun.i]:  # the determiner and modifiers of the object
        pred.children.remove(c)
        tokens[c].head = noun.i
        noun.children.append(c)
    pred.children.remove(noun.i)
    noun.head, noun.dep = verb.i, "dobj"
    noun.children.sort()
    if pred.dep == "dobj":
        pred.dep = "oprd"
    verb.children.append(noun.i)
    verb.children.sort()


@lru_cache(maxsize=1)
def blaming_words() -> dict[str, str]:
    """The verbs of laying an act at someone's door, each with its preposition ("blame" → "on")."""
    raw = load_yaml(data_path("parse", "blaming_verbs.yaml")) or {}
    return {str(verb): str(prep) for verb, prep in raw.items()}


@lru_cache(maxsize=1)
def clause_verbs() -> frozenset[str]:
    """Verbs of saying that take a clause, never a name, as what they say."""
    return frozenset(str(v) for v in load_yaml(data_path("parse", "clause_verbs.yaml")) or ())


@lru_cache(maxsize=1)
def speaking_verbs() -> frozenset[str]:
    """Verbs only someone does: speaking, promising, asking ("promised a reply", "urged restraint")."""
    return frozenset(str(v) for v in load_yaml(data_path("parse", "speaking_verbs.yaml")) or ())


@lru_cache(maxsize=1)
def naming_verbs() -> frozenset[str]:
    """Verbs that take an object and what it is called ("called the attack barbaric")."""
    return frozenset(str(v) for v in load_yaml(data_path("parse", "naming_verbs.yaml")) or ())
