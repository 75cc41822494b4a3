"""Event finding as an ordered list of named passes, each named in the explanation of what it changed."""

from __future__ import annotations

import pytest

from thucydides.events.control import load_control
from thucydides.events.extract import EventFinder, default_passes
from thucydides.events.passes import RULE_PASSES
from thucydides.pipeline import Pipeline


def _events(pipeline: Pipeline, text: str) -> list:  # type: ignore[type-arg]
    return pipeline.code_text(text, "2025-06-03")


def test_passes_run_in_the_documented_order(pipeline: Pipeline) -> None:
    assert pipeline.coder.finder.names == default_passes(True)
    assert default_passes(False) == RULE_PASSES
    assert RULE_PASSES[0] == "triggers" and RULE_PASSES[-1] == "order"


def test_explanation_names_the_control_pass_that_folded_an_intent(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Japan hoped for closer cooperation with NATO.")
    event = next(e for e in events if e.cameo.startswith("03"))
    assert event.explanation.passes[:2] == ("triggers", "controls")
    assert "actors" in event.explanation.passes


def test_explanation_names_the_negation_pass(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Iran did not cooperate with the IAEA.")
    assert [e.cameo for e in events] == ["120"]
    assert events[0].explanation.passes == ("triggers", "negation", "actors")


def test_pass_left_out_of_the_list_does_not_run(pipeline: Pipeline) -> None:
    without = [name for name in default_passes(False) if name != "negation"]
    finder = EventFinder(pipeline.lexicon, load_control(), passes=without)
    original = pipeline.coder.finder
    try:
        pipeline.coder.finder = finder
        events = _events(pipeline, "Iran did not cooperate with the IAEA.")
    finally:
        pipeline.coder.finder = original
    assert [e.cameo[:2] for e in events] == ["05"]
    assert not any("negation" in e.explanation.passes for e in events)


def test_doc_keeps_the_candidates_of_every_sentence(pipeline: Pipeline) -> None:
    from thucydides.clean import clean
    from thucydides.models import Article

    parsed = next(
        iter(pipeline.parser.parse([clean(Article(id="a", text="Japan praised NATO. Russia attacked Ukraine."))]))
    )
    doc = pipeline.doc(parsed)
    for sentence in doc.sentences:
        doc.actors.start(sentence)
        pipeline.coder.code(doc, sentence)
        doc.actors.finish()
    assert sorted(doc.candidates) == [0, 1]
    assert doc.candidates[1][0].code.startswith("19")


def test_an_appeal_folds_an_infinitive_the_parser_reads_as_an_adverbial_clause(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Erdogan called on Washington to extradite him.")
    coded = [(e.source.country if e.source else None, e.target.country if e.target else None, e.cameo) for e in events]
    assert coded == [("TUR", "USA", "0213")]


def test_an_appeal_or_demand_to_intend_something_is_an_appeal_or_demand_for_it(pipeline: Pipeline) -> None:
    codes = {e.cameo for e in _events(pipeline, "The EU urged Serbia and Kosovo to reach a deal.")}
    assert codes == {"027"}
    control = load_control()
    assert control.categories["appeal"].combine("0356") == "0256"
    assert control.categories["demand"].combine("0344") == "1044"
    assert control.categories["appeal"].combine("036") == "026"


def test_a_plan_the_story_tells_is_an_intent_not_the_act(pipeline: Pipeline) -> None:
    # ANNOTATION.md §1: "will meet X on Wednesday" is 036; the meeting is coded when it has happened
    for text in (
        "The Japanese foreign minister will meet his Chinese counterpart in Beijing next week.",
        "Armenian officials are to meet Azerbaijani officials on Thursday.",
    ):
        codes = {e.cameo for e in _events(pipeline, text)}
        assert codes == {"036"}, text
    assert "040" in {e.cameo for e in _events(pipeline, "The Japanese foreign minister met his Chinese counterpart.")}
    # a conflictual act in the future is no plan to code as an intent
    assert not any(e.cameo.startswith("03") for e in _events(pipeline, "Russia will attack Ukraine."))


def test_agreeing_to_do_something_is_an_intent_not_accord(pipeline: Pipeline) -> None:
    # ANNOTATION.md §1: intentions stated are 03x; "agreed on Friday" is no "agree on" (a day is no topic)
    events = _events(pipeline, "Saudi Arabia and Iran agreed on Friday to revive a security pact.")
    coded = {(e.source.country, e.target.country, e.cameo) for e in events if e.explanation.producer == "rule"}
    assert coded == {("SAU", "IRN", "030"), ("IRN", "SAU", "030")}
    assert all("agree on" not in e.explanation.rule for e in events)
    # agreeing with someone stays accord
    accord = _events(pipeline, "Russia agreed with China that the sanctions were illegal.")
    assert "019" in {e.cameo for e in accord if e.explanation.producer == "rule"}


def test_a_vow_to_destroy_or_punish_a_named_enemy_is_a_threat_not_an_intent_to_cooperate(pipeline: Pipeline) -> None:
    vow = {
        e.cameo[:2] for e in _events(pipeline, "Netanyahu vowed to destroy Hamas.") if e.explanation.producer == "rule"
    }
    assert vow == {"13"}
    pledge = _events(pipeline, "The president pledged to punish the rebels.")
    assert {e.cameo for e in pledge if e.explanation.producer == "rule"} == {"137"}


def test_a_verb_of_going_on_passes_its_act_to_the_word_of_intent_above_it(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Germany wanted to keep talking with Moscow.")
    assert {(e.source.country, e.target.country, e.cameo) for e in events if e.explanation.producer == "rule"} == {
        ("DEU", "RUS", "036")
    }


def test_what_a_state_warns_it_will_do_is_a_threat_aimed_at_whom_it_warns(pipeline: Pipeline) -> None:
    coded = {
        (e.source.country, e.target.country, e.cameo[:2])
        for e in _events(pipeline, "North Korea warned that it would strike South Korea again without hesitation.")
        if e.explanation.producer == "rule" and e.source and e.target
    }
    assert ("PRK", "KOR", "13") in coded
    # "it" is the one who warns, and the threat is aimed at the one warned
    told = [e for e in _events(pipeline, "Iran warned Israel that it would retaliate.") if e.cameo.startswith("13")]
    assert [(e.source.country, e.target.country) for e in told if e.source and e.target] == [("IRN", "ISR")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia said it would not hesitate to attack NATO convoys.",
        "Turkey warned it would not hesitate to strike Kurdish militias.",
        "China would not hesitate to strike Taiwan, the defence ministry said.",
    ],
)
def test_what_a_state_says_it_would_not_hesitate_to_do_is_a_threat_not_the_act(pipeline: Pipeline, text: str) -> None:
    coded = [e for e in _events(pipeline, text) if e.explanation.producer == "rule"]
    assert coded and all(e.cameo.startswith("13") for e in coded)


def test_joining_an_alliance_is_signing_and_applying_to_join_is_an_intent(pipeline: Pipeline) -> None:
    joined = _events(pipeline, "Finland formally joined NATO on Tuesday.")
    assert {(e.source.country or e.source.group, e.cameo) for e in joined if e.explanation.producer == "rule"} == {
        ("FIN", "057"),
        ("NAT", "057"),
    }
    applied = _events(pipeline, "Sweden applied to join NATO in May.")
    assert {e.cameo[:2] for e in applied if e.explanation.producer == "rule"} == {"03"}


def test_an_act_supposed_in_the_subject_of_a_conditional_is_no_event(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Moscow warned that Ukraine joining NATO would have very negative consequences.")
    assert not any(e.cameo == "057" for e in events)


def test_wanting_to_join_a_military_command_is_an_intent_of_military_cooperation(pipeline: Pipeline) -> None:
    text = (
        "Japan's defence minister told NATO's Secretary General Mark Rutte on Tuesday that Japan wants to join "
        "the alliance's Ukraine assistance command in Wiesbaden."
    )
    joined = [e for e in _events(pipeline, text) if e.trigger.text == "wants to join"]
    assert [(e.source.country, e.target.group, e.cameo) for e in joined] == [("JPN", "NAT", "0312")]
    # "the alliance" after its Secretary General is the organisation, named as such, not the person
    assert joined[0].target.name == "North Atlantic Treaty Organization"


def test_an_act_joined_by_or_to_a_negated_verb_is_negated_too(pipeline: Pipeline) -> None:
    text = "Venezuela and Guyana agreed on Thursday not to threaten or use force against each other."
    events = _events(pipeline, text)
    assert not any(e.cameo.startswith(("13", "17", "18", "19")) for e in events)
    assert not _events(pipeline, "Israel did not bomb the camp or shell the town.")
    assert not _events(pipeline, "Moscow neither confirmed nor denied the report.")
    # "but" does not carry the negation: the shelling happened
    shelled = _events(pipeline, "Russia did not attack Kyiv but shelled Lviv.")
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in shelled] == [("RUS", "UKR", "19")]


def test_an_act_someone_is_only_challenged_or_allowed_to_do_is_no_event(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Zelenskiy challenged Putin to meet him in Turkey.")
    assert not any(e.cameo.startswith("04") for e in events)
    authorised = _events(pipeline, "The cabinet authorised the army to strike rebel positions in Syria.")
    assert not any(e.cameo.startswith("19") for e in authorised)
    needed = _events(pipeline, "Sweden and Finland signed the accord. Hungary still needs to ratify the accord.")
    assert not any(e.cameo.startswith("05") and e.source.country == "HUN" for e in needed)
    # the meeting that did happen beside the challenge is kept
    forced = _events(pipeline, "Zelenskiy met Erdogan in Ankara after he had challenged Putin to talks.")
    assert any(e.cameo.startswith("04") and e.target.country == "TUR" for e in forced)


def test_urging_someone_to_consider_a_ceasefire_is_an_appeal_to_de_escalate(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Orban urged President Volodymyr Zelenskiy to consider a quick ceasefire.")
    assert [(e.source.country, e.target.country, e.cameo) for e in events] == [("HUN", "UKR", "0256")]
    # weighing a policy with no ceasefire in it stays a plain appeal
    plain = _events(pipeline, "Orban urged Zelenskiy to consider his options.")
    assert [e.cameo for e in plain] == ["020"]


def test_a_message_someone_stopped_does_nothing_and_one_issued_is_its_issuers(pipeline: Pipeline) -> None:
    blocked = _events(pipeline, "Hungary blocked an EU statement criticising China.")
    assert not any(e.cameo.startswith("11") for e in blocked)
    issued = _events(pipeline, "G7 leaders issued a statement condemning Iran.")
    assert [(e.source.group, e.target.country) for e in issued if e.cameo.startswith("11")] == [("GOS", "IRN")]
    own = _events(pipeline, "China's statement criticising NATO angered its allies.")
    assert [e.source.country for e in own if e.cameo.startswith("11")] == ["CHN"]


def test_a_verb_joined_to_a_modal_one_shares_its_mood(pipeline: Pipeline) -> None:
    # "would attack the town and kill civilians": the killing is threatened, not done
    said = [e for e in _events(pipeline, "Officials said the rebels would attack the town and kill civilians.")]
    assert not any(e.cameo.startswith("19") for e in said)
    assert any(e.cameo.startswith("13") and e.trigger.text == "kill" for e in said)
    # a finite verb of its own carries its own tense: "had struck Gaza and killed" both happened
    struck = _events(pipeline, "Officials said Israeli jets had struck Gaza and killed ten Hamas fighters.")
    assert any(e.cameo.startswith("19") and e.trigger.text == "killed" for e in struck)


def _coded(pipeline: Pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    return {
        (
            e.source.country or e.source.group if e.source else None,
            e.target.country or e.target.group if e.target else None,
            e.cameo,
        )
        for e in _events(pipeline, text)
    }


def test_what_one_says_another_must_or_should_do_is_a_demand_on_them(pipeline: Pipeline) -> None:
    # the act in the clause is not reported as done: the saying is the event, aimed at the clause's subject
    assert _coded(pipeline, "Peru said Chile must withdraw its troops from the border.") == {("PER", "CHL", "1056")}
    coded = _coded(pipeline, "Brazil's foreign ministry said on Monday that Paraguay should stop building the dam.")
    assert {(s, t, c[:2]) for s, t, c in coded} == {("BRA", "PRY", "10")}
    # a modal about the sayer itself, a copula (an opinion) and a fate (a threat) are no demand
    for text in (
        "Peru said it must defend its border.",
        "Peru told Chile that the two neighbours should be friends.",
        "Peru said the attackers should expect harsh retaliation.",
    ):
        assert not any(c.startswith("10") for _, _, c in _coded(pipeline, text)), text


def test_a_clause_saying_its_subject_poses_a_threat_is_a_criticism_of_it(pipeline: Pipeline) -> None:
    # as "called the cooperation of X a threat": the sayer criticises X (ANNOTATION.md §1, criticising: 111)
    coded = _coded(pipeline, "Sweden said the military cooperation of Iran and Belarus posed a threat to Europe.")
    assert coded == {("SWE", "IRN", "111"), ("SWE", "BLR", "111")}
    assert _coded(pipeline, "Kenya said Somalia's raid constituted a war crime.") == {("KEN", "SOM", "111")}
    assert _coded(pipeline, "Kenya said Somalia represented a danger to the region.") == {("KEN", "SOM", "111")}
    assert not any(c == "111" for _, _, c in _coded(pipeline, "Sweden said Iran did not pose a threat."))


def test_a_clause_saying_its_subject_made_a_bad_choice_is_a_criticism_of_it(pipeline: Pipeline) -> None:
    assert _coded(pipeline, "Hungary said the EU had made a bad decision.") == {("HUN", "EUR", "111")}
    assert _coded(pipeline, "Kenya said Somalia had made a grave mistake.") == {("KEN", "SOM", "111")}
    # what it made is judged only by a word of the verdicts: a proposal is no criticism
    assert not any(c == "111" for _, _, c in _coded(pipeline, "Kenya said Somalia had made a new proposal."))


def test_a_verdict_joined_to_another_predicate_by_and_still_judges(pipeline: Pipeline) -> None:
    assert _coded(pipeline, "Ukraine said the NATO communique was unheard of and ridiculous.") == {
        ("UKR", "NAT", "111")
    }
    assert _coded(pipeline, "Kenya said Somalia's raid was sudden and illegal.") == {("KEN", "SOM", "111")}
    assert not any(c == "111" for _, _, c in _coded(pipeline, "Kenya said Somalia's offer was generous and timely."))


def test_taking_part_in_a_military_body_is_military_cooperation_with_its_owner(pipeline: Pipeline) -> None:
    for text in (
        "Chile wants to take part in NATO's training mission in Iraq.",
        "Chile wants to participate in NATO's training mission in Iraq.",
    ):
        assert _coded(pipeline, text) == {("CHL", "NAT", "0312")}, text


def test_a_journey_of_someone_is_theirs_and_an_opinion_of_it_is_aimed_at_them(pipeline: Pipeline) -> None:
    # "the visit to Kenya of X": the parser hangs the "of" on the place; the visit is X's, praised in X
    coded = _coded(pipeline, "Ruto praised the visit to Kenya of Indian Prime Minister Narendra Modi.")
    assert ("KEN", "IND", "051") in coded and ("IND", "KEN", "042") in coded
    assert ("IND", "KEN", "042") in _coded(
        pipeline, "Ruto praised the visit of Indian Prime Minister Narendra Modi to Kenya."
    )
    (visit,) = [
        e for e in _events(pipeline, "The visit to Kenya of Narendra Modi angered Pakistan.") if e.cameo == "042"
    ]
    assert visit.target is not None and visit.target.text == "Kenya"  # a place is never "of" a person
    # "of" a place's name or "of" a stretch of time names no traveller
    coded = _coded(pipeline, "Ruto praised the visit to the Republic of Korea by Indian Prime Minister Narendra Modi.")
    assert ("KEN", "IND", "051") in coded
    assert not any(t == "KOR" for _, t, c in coded if c == "051")
    assert ("JPN", "VNM", "042") in _coded(pipeline, "Japan's prime minister paid a visit of three days to Vietnam.")


def test_ground_taken_from_someone_is_taken_from_them(pipeline: Pipeline) -> None:
    coded = _coded(pipeline, "Malian soldiers recaptured the presidential palace from the Wagner group.")
    assert {(s, c) for s, _, c in coded} == {("MLI", "192")}
    assert not any(t == "MLI" for _, t, _ in coded)  # the palace is no actor; whom it was taken from is
    assert ("ARM", "AZE", "192") in _coded(pipeline, "Armenian forces retook Shusha from Azerbaijani troops.")


def test_a_negated_future_with_going_to_negates_the_act(pipeline: Pipeline) -> None:
    text = "Ecuador's president said the government is not going to negotiate with the gangs."
    assert {e.cameo for e in _events(pipeline, text) if e.trigger.text == "negotiate"} == {"125"}


def test_what_an_actor_can_do_is_no_act_and_what_it_cannot_do_is_a_refusal(pipeline: Pipeline) -> None:
    assert not _events(pipeline, "Israel can strike Iran's nuclear sites at any time, Netanyahu said.")
    refused = _events(pipeline, "Bangladesh said it cannot accept any more refugees from Myanmar.")
    assert [(e.source.country, e.cameo[:2]) for e in refused if e.source is not None] == [("BGD", "12")]
