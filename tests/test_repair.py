"""Parse repairs (thucydides/repair.py): each misreading of the small English model, mended."""

from thucydides.parse import sentence_from_conll
from thucydides.repair import (
    repair_blamed_on,
    repair_buried_coordination,
    repair_gerund_objects,
    repair_object_predicates,
    repair_said_conjuncts,
    repair_said_participles,
    repair_verbless_headline,
)


def test_a_plural_object_read_as_a_compound_of_its_predicate_is_split_back() -> None:
    # "called the attackers cowards": the small model reads "attackers" as a compound of the object "cowards"
    rows = """
1 Mohamud Mohamud PROPN NNP _ 2 nsubj
2 called call VERB VBD _ 0 ROOT
3 the the DET DT _ 5 det
4 attackers attacker NOUN NNS _ 5 compound
5 cowards coward NOUN NNS _ 2 dobj
"""
    s = sentence_from_conll(rows)
    repair_object_predicates(s.tokens)
    called, attackers, cowards = s.tokens[1], s.tokens[3], s.tokens[4]
    assert (attackers.dep, attackers.head) == ("dobj", called.i)
    assert (cowards.dep, cowards.head) == ("oprd", called.i)
    assert s.tokens[2].head == attackers.i  # the determiner goes with the object


def test_a_singular_compound_object_of_naming_is_left_alone() -> None:
    rows = """
1 Kenya Kenya PROPN NNP _ 2 nsubj
2 called call VERB VBD _ 0 ROOT
3 the the DET DT _ 5 det
4 peace peace NOUN NN _ 5 compound
5 talks talk NOUN NNS _ 2 dobj
"""
    s = sentence_from_conll(rows)
    repair_object_predicates(s.tokens)
    assert (s.tokens[4].dep, s.tokens[3].dep) == ("dobj", "compound")


def test_an_adjective_after_the_object_of_naming_is_its_predicate() -> None:
    # "called the detentions unacceptable": read as an adjective of "detentions"
    rows = """
1 Washington Washington PROPN NNP _ 2 nsubj
2 called call VERB VBD _ 0 ROOT
3 the the DET DT _ 4 det
4 detentions detention NOUN NNS _ 2 dobj
5 unacceptable unacceptable ADJ JJ _ 4 amod
"""
    s = sentence_from_conll(rows)
    repair_object_predicates(s.tokens)
    assert (s.tokens[4].dep, s.tokens[4].head) == ("oprd", 1)
    assert 4 not in s.tokens[3].children and 4 in s.tokens[1].children
    # the same adjective under a verb that names nothing stays where the parser put it
    other = sentence_from_conll(rows.replace("called call", "released release"))
    repair_object_predicates(other.tokens)
    assert other.tokens[4].dep == "amod"


def test_a_noun_with_its_article_read_as_a_modifier_of_the_object_of_naming_is_its_predicate() -> None:
    # "called India's strikes an act of aggression": the small model hangs "act" from "strikes"
    rows = """
1 Pakistan Pakistan PROPN NNP _ 2 nsubj
2 called call VERB VBD _ 0 ROOT
3 India India PROPN NNP _ 5 poss
4 's 's PART POS _ 3 case
5 strikes strike NOUN NNS _ 2 dobj
6 an an DET DT _ 7 det
7 act act NOUN NN _ 5 npadvmod
8 of of ADP IN _ 7 prep
9 aggression aggression NOUN NN _ 8 pobj
"""
    s = sentence_from_conll(rows)
    repair_object_predicates(s.tokens)
    assert (s.tokens[6].dep, s.tokens[6].head) == ("oprd", 1)
    assert 6 not in s.tokens[4].children and 6 in s.tokens[1].children
    # not under a verb that names nothing, nor a bare noun ("ordered the troops home")
    other = sentence_from_conll(rows.replace("called call", "condemned condemn"))
    repair_object_predicates(other.tokens)
    assert other.tokens[6].dep == "npadvmod"
    bare = sentence_from_conll(rows.replace("6 an an DET DT _ 7 det", "6 one one NUM CD _ 7 nummod"))
    repair_object_predicates(bare.tokens)
    assert bare.tokens[6].dep == "npadvmod"


def test_a_noun_predicate_read_into_the_objects_phrase_is_the_verbs() -> None:
    # "called the case against Bolsonaro a witch hunt": read as Bolsonaro's apposition
    rows = """
1 Trump Trump PROPN NNP _ 2 nsubj
2 called call VERB VBD _ 0 ROOT
3 the the DET DT _ 4 det
4 case case NOUN NN _ 2 dobj
5 against against ADP IN _ 4 prep
6 Bolsonaro Bolsonaro PROPN NNP _ 5 pobj
7 a a DET DT _ 9 det
8 witch witch NOUN NN _ 9 compound
9 hunt hunt NOUN NN _ 6 appos
"""
    s = sentence_from_conll(rows)
    repair_object_predicates(s.tokens)
    assert (s.tokens[8].dep, s.tokens[8].head) == ("oprd", 1)
    assert 8 not in s.tokens[5].children and 8 in s.tokens[1].children
    # "called Saied's move a coup": read as the object of the noun
    rows = """
1 Ennahda Ennahda PROPN NNP _ 2 nsubj
2 called call VERB VBD _ 0 ROOT
3 Saied Saied PROPN NNP _ 5 poss
4 's 's PART POS _ 3 case
5 move move NOUN NN _ 2 dobj
6 a a DET DT _ 7 det
7 coup coup NOUN NN _ 5 dobj
"""
    s = sentence_from_conll(rows)
    repair_object_predicates(s.tokens)
    assert (s.tokens[6].dep, s.tokens[6].head) == ("oprd", 1)


def test_an_apposition_set_off_by_a_comma_inside_the_object_stays_one() -> None:
    rows = """
1 Russia Russia PROPN NNP _ 2 nsubj
2 called call VERB VBD _ 0 ROOT
3 the the DET DT _ 4 det
4 envoy envoy NOUN NN _ 2 dobj
5 of of ADP IN _ 4 prep
6 Chile Chile PROPN NNP _ 5 pobj
7 , , PUNCT , _ 6 punct
8 a a DET DT _ 10 det
9 former former ADJ JJ _ 10 amod
10 minister minister NOUN NN _ 6 appos
"""
    s = sentence_from_conll(rows)
    repair_object_predicates(s.tokens)
    assert (s.tokens[9].dep, s.tokens[9].head) == ("appos", 5)


def test_a_noun_in_ing_read_as_a_clause_after_a_preposition_is_its_object() -> None:
    # "killed in Israeli tank shelling": the small model reads "in tank" and a clause "shelling"
    rows = """
1 civilians civilian NOUN NNS _ 3 nsubjpass
2 were be AUX VBD _ 3 auxpass
3 killed kill VERB VBN _ 0 ROOT
4 in in ADP IN _ 3 prep
5 Israeli israeli ADJ JJ _ 6 amod
6 tank tank NOUN NN _ 4 pobj
7 shelling shell VERB VBG _ 3 advcl
8 in in ADP IN _ 7 prep
9 Gaza Gaza PROPN NNP _ 8 pobj
"""
    s = sentence_from_conll(rows)
    repair_gerund_objects(s.tokens)
    shelling = s.tokens[6]
    assert (shelling.dep, shelling.head, shelling.pos, shelling.lemma) == ("pobj", 3, "NOUN", "shelling")
    assert (s.tokens[5].dep, s.tokens[5].head) == ("compound", 6) and s.tokens[4].head == 6  # Israeli shelling
    assert 6 in s.tokens[3].children and 6 not in s.tokens[2].children
    # a participle clause of its own stays one: "killed in Gaza, prompting protests"
    own = sentence_from_conll(
        """
1 civilians civilian NOUN NNS _ 3 nsubjpass
2 were be AUX VBD _ 3 auxpass
3 killed kill VERB VBN _ 0 ROOT
4 in in ADP IN _ 3 prep
5 Gaza Gaza PROPN NNP _ 4 pobj
6 , , PUNCT , _ 3 punct
7 prompting prompt VERB VBG _ 3 advcl
8 protests protest NOUN NNS _ 7 dobj
"""
    )
    repair_gerund_objects(own.tokens)
    assert own.tokens[6].dep == "advcl"


def test_an_adjective_in_ly_read_as_an_adverb_after_the_object_of_naming_is_its_predicate() -> None:
    # "called the attacks cowardly": the small model tags "cowardly" as the verb's adverb
    rows = """
1 Widodo Widodo PROPN NNP _ 2 nsubj
2 called call VERB VBD _ 0 ROOT
3 the the DET DT _ 4 det
4 attacks attack NOUN NNS _ 2 dobj
5 cowardly cowardly ADV RB _ 2 advmod
"""
    s = sentence_from_conll(rows)
    repair_object_predicates(s.tokens)
    assert (s.tokens[4].dep, s.tokens[4].head) == ("oprd", 1)
    # not after a verb that names nothing, nor an adverb that does not follow the object
    other = sentence_from_conll(rows.replace("called call", "condemned condemn"))
    repair_object_predicates(other.tokens)
    assert other.tokens[4].dep == "advmod"
    early = sentence_from_conll(
        """
1 Widodo Widodo PROPN NNP _ 3 nsubj
2 publicly publicly ADV RB _ 3 advmod
3 called call VERB VBD _ 0 ROOT
4 the the DET DT _ 5 det
5 attacks attack NOUN NNS _ 3 dobj
"""
    )
    repair_object_predicates(early.tokens)
    assert early.tokens[1].dep == "advmod"


def test_a_participle_after_a_verb_of_saying_set_in_the_sentence_is_the_sayers() -> None:
    # "..., President Nauseda said, thanking the United States": read as the prisoners' thanks
    rows = """
1 prisoners prisoner NOUN NNS _ 3 nsubjpass
2 were be AUX VBD _ 3 auxpass
3 driven drive VERB VBN _ 0 ROOT
4 , , PUNCT , _ 6 punct
5 Nauseda Nauseda PROPN NNP _ 6 nsubj
6 said say VERB VBD _ 3 parataxis
7 , , PUNCT , _ 6 punct
8 thanking thank VERB VBG _ 3 advcl
9 Washington Washington PROPN NNP _ 8 dobj
"""
    s = sentence_from_conll(rows)
    repair_said_participles(s.tokens)
    assert (s.tokens[7].dep, s.tokens[7].head) == ("advcl", 5) and 7 in s.tokens[5].children
    assert 7 not in s.tokens[2].children
    # a participle that does not follow the verb of saying stays where the parser put it
    early = sentence_from_conll(
        rows.replace("6 said say VERB VBD _ 3 parataxis", "6 left leave VERB VBD _ 3 parataxis")
    )
    repair_said_participles(early.tokens)
    assert early.tokens[7].head == 2


def test_a_past_verb_joined_to_what_was_said_with_a_modal_is_the_sayers() -> None:
    # "He said the tariff would take effect and ordered an investigation": read as the tariff ordering
    rows = """
1 Trump Trump PROPN NNP _ 2 nsubj
2 said say VERB VBD _ 0 ROOT
3 tariff tariff NOUN NN _ 5 nsubj
4 would would AUX MD _ 5 aux
5 take take VERB VB _ 2 ccomp
6 effect effect NOUN NN _ 5 dobj
7 and and CCONJ CC _ 5 cc
8 ordered order VERB VBD _ 5 conj
9 investigation investigation NOUN NN _ 8 dobj
"""
    s = sentence_from_conll(rows)
    repair_said_conjuncts(s.tokens)
    assert (s.tokens[7].dep, s.tokens[7].head) == ("conj", 1) and s.tokens[6].head == 1
    assert 7 not in s.tokens[4].children
    # a bare verb shares the modal ("would take effect and end"): it stays in what was said
    shared = sentence_from_conll(rows.replace("8 ordered order VERB VBD", "8 end end VERB VB"))
    repair_said_conjuncts(shared.tokens)
    assert shared.tokens[7].head == 4


def test_two_people_joined_by_and_read_as_one_subject_are_given_back() -> None:
    # "Ethiopian Prime Minister Abiy Ahmed and Somaliland leader Muse Bihi Abdi signed ...": the small model
    # makes "Abdi" the subject, "Ahmed" its modifier and "Somaliland" Ahmed's conjunct
    rows = """
1 Ethiopian Ethiopian ADJ JJ _ 3 amod
2 Prime Prime PROPN NNP _ 3 compound
3 Minister Minister PROPN NNP _ 5 compound
4 Abiy Abiy PROPN NNP _ 5 nmod PERSON
5 Ahmed Ahmed PROPN NNP _ 8 nmod PERSON
6 and and CCONJ CC _ 5 cc
7 Somaliland Somaliland PROPN NNP _ 5 conj
8 leader leader NOUN NN _ 11 compound
9 Muse Muse PROPN NNP _ 11 compound PERSON
10 Bihi Bihi PROPN NNP _ 11 compound PERSON
11 Abdi Abdi PROPN NNP _ 12 nsubj PERSON
12 signed sign VERB VBD _ 0 ROOT
"""
    s = sentence_from_conll(rows)
    repair_buried_coordination(s.tokens)
    ahmed, somaliland, leader, abdi, signed = (s.tokens[k] for k in (4, 6, 7, 10, 11))
    assert (ahmed.dep, ahmed.head) == ("nsubj", signed.i)
    assert (abdi.dep, abdi.head) == ("conj", ahmed.i)
    assert (somaliland.dep, somaliland.head) == ("compound", leader.i)
    assert abdi.i not in signed.children and ahmed.i in signed.children and somaliland.i in leader.children


def test_a_coordination_of_modifiers_before_one_noun_is_left_alone() -> None:
    rows = """
1 The the DET DT _ 5 det
2 US US PROPN NNP _ 5 compound GPE
3 and and CCONJ CC _ 2 cc
4 British british ADJ JJ _ 2 conj
5 ambassadors ambassador NOUN NNS _ 6 nsubj
6 met meet VERB VBD _ 0 ROOT
"""
    s = sentence_from_conll(rows)
    repair_buried_coordination(s.tokens)
    assert (s.tokens[1].dep, s.tokens[4].dep, s.tokens[3].head) == ("compound", "nsubj", 1)


VERBS = frozenset({"denounce", "bomb", "air", "force", "rally", "action"})


def test_a_headline_read_as_one_noun_phrase_gets_its_verb_subject_and_object_back() -> None:
    # "Greece denounces actions by Jamaica": the small model reads "denounces" as a compound of "actions"
    rows = """
1 Greece greece PROPN NNP _ 2 compound
2 denounces denounce NOUN NNS _ 3 compound
3 actions action NOUN NNS _ 0 ROOT
4 by by ADP IN _ 3 prep
5 Jamaica jamaica PROPN NNP _ 4 pobj
"""
    s = sentence_from_conll(rows)
    assert repair_verbless_headline(s.tokens, VERBS) == 1
    greece, denounces, actions, by = s.tokens[:4]
    assert (denounces.pos, denounces.dep, denounces.lemma, denounces.tag) == ("VERB", "ROOT", "denounce", "VBZ")
    assert (greece.dep, greece.head) == ("nsubj", 1) and (actions.dep, actions.head) == ("dobj", 1)
    assert by.head == actions.i  # what hung inside the object stays there
    assert sorted(denounces.children) == [0, 2]


def test_a_third_person_is_the_headlines_verb_before_a_base_form() -> None:
    # "Ukraine Air Force Bombs Training Camp": "air" and "force" are verbs too, "bombs" is the verb
    rows = """
1 Ukraine ukraine PROPN NNP _ 3 compound
2 Air air PROPN NNP _ 3 compound
3 Force force PROPN NNP _ 6 compound
4 Bombs bomb NOUN NNS _ 6 compound
5 Training training NOUN NN _ 6 compound
6 Camp camp NOUN NN _ 0 ROOT
"""
    s = sentence_from_conll(rows)
    assert repair_verbless_headline(s.tokens, VERBS) == 3
    assert s.tokens[2].dep == "nsubj" and s.tokens[2].head == 3  # "Force" heads the subject
    assert s.tokens[0].head == 2 and s.tokens[5].dep == "dobj"


def test_a_sentence_with_a_verb_or_a_noun_phrase_alone_is_left_as_parsed() -> None:
    with_verb = sentence_from_conll(
        """
1 Hundreds hundred NOUN NNS _ 2 nsubj
2 attended attend VERB VBD _ 0 ROOT
3 rallies rally NOUN NNS _ 2 dobj
"""
    )
    assert repair_verbless_headline(with_verb.tokens, VERBS) is None
    caption = sentence_from_conll(
        """
1 Protests protest NOUN NNS _ 0 ROOT
2 Against against ADP IN _ 1 prep
3 Violence violence NOUN NN _ 2 pobj
"""
    )
    assert repair_verbless_headline(caption.tokens, VERBS) is None
    assert [t.dep for t in caption.tokens] == ["ROOT", "prep", "pobj"]


def test_the_culprit_hung_on_the_last_noun_of_what_was_blamed_goes_back_to_the_verb() -> None:
    # "blamed the bombing of a mosque on Islamic State": the small model hangs "on" on "mosque"
    rows = """
1 Kabul Kabul PROPN NNP _ 2 nsubj
2 blamed blame VERB VBD _ 0 ROOT
3 the the DET DT _ 4 det
4 bombing bombing NOUN NN _ 2 dobj
5 of of ADP IN _ 4 prep
6 a a DET DT _ 7 det
7 mosque mosque NOUN NN _ 5 pobj
8 on on ADP IN _ 7 prep
9 Islamists Islamist PROPN NNPS _ 8 pobj
"""
    s = sentence_from_conll(rows)
    repair_blamed_on(s.tokens)
    assert (s.tokens[7].head, 7 in s.tokens[1].children, 7 in s.tokens[6].children) == (1, True, False)
    # an "on" of the object's own head ("the attack on the embassy") is the act's, not the culprit
    own = sentence_from_conll(rows.replace("8 on on ADP IN _ 7 prep", "8 on on ADP IN _ 4 prep"))
    repair_blamed_on(own.tokens)
    assert own.tokens[7].head == 3
    # nor does a verb that blames nobody take it ("reported the bombing of a mosque on Friday")
    other = sentence_from_conll(rows.replace("blamed blame", "reported report"))
    repair_blamed_on(other.tokens)
    assert other.tokens[7].head == 6


def test_each_verb_of_blaming_takes_only_its_own_preposition() -> None:
    # "blamed hackers linked to Iran": "to" is the participle's, blame lays an act "on" someone
    rows = """
1 Tirana Tirana PROPN NNP _ 2 nsubj
2 blamed blame VERB VBD _ 0 ROOT
3 hackers hacker NOUN NNS _ 2 dobj
4 linked link VERB VBN _ 3 acl
5 to to ADP IN _ 4 prep
6 Iran Iran PROPN NNP _ 5 pobj
"""
    s = sentence_from_conll(rows)
    repair_blamed_on(s.tokens)
    assert s.tokens[4].head == 3
    # "attributed the hack of the ministry to Iran": "to" is attribute's
    rows = """
1 Tirana Tirana PROPN NNP _ 2 nsubj
2 attributed attribute VERB VBD _ 0 ROOT
3 the the DET DT _ 4 det
4 hack hack NOUN NN _ 2 dobj
5 of of ADP IN _ 4 prep
6 the the DET DT _ 7 det
7 ministry ministry NOUN NN _ 5 pobj
8 to to ADP IN _ 7 prep
9 Iran Iran PROPN NNP _ 8 pobj
"""
    s = sentence_from_conll(rows)
    repair_blamed_on(s.tokens)
    assert s.tokens[7].head == 1


def test_a_promise_joined_to_what_a_thing_did_goes_back_to_the_speaker() -> None:
    # "Iran said the sanctions breached the deal and promised a reply": sanctions promise nothing
    rows = """
1 Iran Iran PROPN NNP _ 2 nsubj
2 said say VERB VBD _ 0 ROOT
3 the the DET DT _ 4 det
4 sanctions sanction NOUN NNS _ 5 nsubj
5 breached breach VERB VBD _ 2 ccomp
6 the the DET DT _ 7 det
7 deal deal NOUN NN _ 5 dobj
8 and and CCONJ CC _ 5 cc
9 promised promise VERB VBD _ 5 conj
10 a a DET DT _ 11 det
11 reply reply NOUN NN _ 9 dobj
"""
    s = sentence_from_conll(rows)
    repair_said_conjuncts(s.tokens)
    assert s.tokens[8].head == 1 and 8 in s.tokens[1].children
    # a verb anyone may do stays with what was said ("said the attackers crossed the border and killed six")
    other = sentence_from_conll(rows.replace("promised promise", "killed kill"))
    repair_said_conjuncts(other.tokens)
    assert other.tokens[8].head == 4
    # and so does a promise of someone named ("said Tehran breached the deal and promised ..." is Tehran's)
    named = sentence_from_conll(
        rows.replace("4 sanctions sanction NOUN NNS _ 5 nsubj", "4 Tehran Tehran PROPN NNP _ 5 nsubj")
    )
    repair_said_conjuncts(named.tokens)
    assert named.tokens[8].head == 4
