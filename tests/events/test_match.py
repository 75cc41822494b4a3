"""The matcher with the shipped lexicon: what a pattern's object class accepts."""

from thucydides.models import Event
from thucydides.pipeline import Pipeline

DAY = "2024-03-07"


def _coded(events: list[Event], trigger: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
        if e.trigger.text.startswith(trigger)
    ]


def test_a_load_is_what_it_holds(pipeline: Pipeline) -> None:
    # "a shipment of tanks" is weapons, "a tranche of weapons" no money: the contents decide the code
    assert _coded(pipeline.code_text("Germany pledged a shipment of tanks to Ukraine.", DAY), "pledged") == [
        ("DEU", "UKR", "0332")
    ]
    assert _coded(pipeline.code_text("Germany pledged a new tranche of weapons to Ukraine.", DAY), "pledged") == [
        ("DEU", "UKR", "0332")
    ]
    assert _coded(pipeline.code_text("Germany pledged a new tranche of loans to Ukraine.", DAY), "pledged") == [
        ("DEU", "UKR", "0331")
    ]
    sent = pipeline.code_text("The United States sent a batch of artillery shells to Ukraine.", DAY)
    assert _coded(sent, "sent") == [("USA", "UKR", "072")]


def test_a_measure_of_something_is_that_thing(pipeline: Pipeline) -> None:
    sent = pipeline.code_text("India sent 50 tonnes of medicine to Myanmar.", DAY)
    assert _coded(sent, "sent") == [("IND", "MMR", "073")]
    flown = pipeline.code_text("France flew three planeloads of tents and blankets to Morocco.", DAY)
    assert [c[:2] for _, _, c in _coded(flown, "flew")] == ["07"]


def test_launchers_are_weapons(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Germany pledged two Patriot launchers to Ukraine.", DAY)
    assert _coded(events, "pledged") == [("DEU", "UKR", "0332")]


def test_people_shot_may_be_named_or_described_by_their_standing(pipeline: Pipeline) -> None:
    for text in (
        "Gunmen shot two opposition figures in Maputo on Friday.",
        "Gunmen shot Venancio Mondlane in Maputo on Friday.",
    ):
        (shot,) = [e for e in pipeline.code_text(text, DAY) if e.trigger.text == "shot"]
        assert shot.cameo.startswith("19") or shot.cameo.startswith("18"), text
        assert shot.target is not None


def test_pressing_someone_on_a_matter_is_the_appeal_for_it(pipeline: Pipeline) -> None:
    assert _coded(pipeline.code_text("Obama pressed Cuba on human rights.", DAY), "pressed") == [
        ("USAELI", "CUB", "0243")
    ]
    over = pipeline.code_text("Blinken pressed China over the release of detained Americans.", DAY)
    assert [code for _, _, code in _coded(over, "pressed")] == ["0253"]


def test_a_phrasal_verb_is_matched_by_the_pattern_that_names_its_particle(pipeline: Pipeline) -> None:
    # "shoot {military_target}" (193, small arms) also fits "shot down", but "shoot down" is its own verb
    downed = _coded(pipeline.code_text("Polish jets shot down Russian drones over Poland.", DAY), "shot")
    assert downed and all(code == "190" for _, _, code in downed)
    # the bare verb's patterns still serve a verb with no particle
    shot = _coded(pipeline.code_text("Gunmen shot two soldiers in Maiduguri.", DAY), "shot")
    assert shot and all(code.startswith("19") and code != "190" for _, _, code in shot)


def test_a_class_word_of_several_words_may_be_joined_by_of(pipeline: Pipeline) -> None:
    # "act_of_aggression" (pejorative) is "an act of aggression", its predicate read by the parse repair
    text = "India launched missile strikes on Pakistan on Wednesday. Pakistan called the strikes an act of war."
    called = _coded(pipeline.code_text(text, DAY), "called")
    assert called and all(source == "PAK" and target == "IND" and code == "111" for source, target, code in called)


def test_calling_an_act_a_coup_or_a_war_crime_criticises_it(pipeline: Pipeline) -> None:
    # a characterisation is a judgement of the act named, not the act it names (no coup was staged), and
    # "called the strike on the hospital ..." is no "call on" (an appeal): the object comes between
    text = (
        "Russian missiles struck a children's hospital in Kyiv. "
        "Kyiv called the Russian strike on the hospital a war crime."
    )
    called = _coded(pipeline.code_text(text, DAY), "called")
    assert called and all(code == "111" and target == "RUS" for _, target, code in called)
    text = (
        "Tunisia's president suspended parliament on Sunday. "
        "Tunisia's opposition called Saied's move a coup against the revolution."
    )
    events = pipeline.code_text(text, DAY)
    assert not [e for e in events if e.cameo.startswith("17") and e.trigger.text == "coup"]
    assert [code for _, _, code in _coded(events, "called")] == ["111"]


def test_the_gerund_a_verb_of_stopping_takes_is_the_act_stopped(pipeline: Pipeline) -> None:
    # "stop fighting" is a ceasefire as "stop the fighting" is; the appeal or intent over it takes its code,
    # and the gerund is no event of its own
    urged = pipeline.code_text("Brazil urged Venezuela to stop attacking Guyana.", DAY)
    assert _coded(urged, "urged") == [("BRA", "VEN", "0256")]
    assert not [e for e in urged if e.cameo_root == "19"]
    agreed = pipeline.code_text("Kyrgyzstan and Tajikistan agreed to stop fighting.", DAY)
    assert {e.cameo for e in agreed} == {"0356"}
    # what the stopped act was done to is the target
    halted = pipeline.code_text("Russia halted bombing Ukrainian cities.", DAY)
    assert ("RUS", "UKR", "0871") in _coded(halted, "halted")
    # a denial's gerund is the deed denied, not a thing of the pattern's class
    denied = pipeline.code_text("Rwanda denied arming the rebels.", DAY)
    assert [e.cameo for e in denied if e.trigger.text.startswith("denied")] == ["016"]


def test_a_preposition_the_parser_hangs_inside_the_object_is_still_the_patterns(pipeline: Pipeline) -> None:
    # the parser hangs "to Nepal" on "doctors", the last noun of the object
    text = "The United States and India have sent emergency supplies and personnel such as doctors to Nepal."
    assert set(_coded(pipeline.code_text(text, DAY), "sent")) == {("USA", "NPL", "073"), ("IND", "NPL", "073")}


def test_a_verb_of_going_with_an_object_is_no_journey(pipeline: Pipeline) -> None:
    stopped = pipeline.code_text("The Iranian president stopped in Caracas on his way to Havana.", DAY)
    assert [e.cameo for e in stopped if e.trigger.text.startswith("stopped")] == ["042"]
    for text in ("Gunmen stopped the school van in Mingora.", "A helicopter flew the hostages to Bogotá."):
        assert not [e for e in pipeline.code_text(text, DAY) if e.cameo.startswith("04")], text


def test_halting_a_provocation_or_an_aggression_is_a_de_escalation(pipeline: Pipeline) -> None:
    urged = pipeline.code_text("China urged Manila to stop its provocations in the South China Sea.", DAY)
    assert _coded(urged, "urged") == [("CHN", "PHLGOV", "0256")]
    demanded = pipeline.code_text("Russia demanded that Ukraine end its aggression.", DAY)
    assert [e.cameo for e in demanded] == ["1056"]


def test_an_adjective_the_parser_hangs_on_as_is_what_something_is_called(pipeline: Pipeline) -> None:
    # "described the move as legally baseless": the parser makes "baseless" a modifier of "as", not its object
    events = pipeline.code_text("Iran described the move by Britain, France and Germany as legally baseless.", DAY)
    assert sorted(_coded(events, "described")) == [("IRN", "DEU", "111"), ("IRN", "FRA", "111"), ("IRN", "GBR", "111")]


def test_a_term_of_several_words_is_as_specific_as_a_pattern_with_a_phrase(pipeline: Pipeline) -> None:
    # "joint exercises" says more than "exercises off <place>": the navies exercised together
    events = pipeline.code_text("The navies of Chile and Argentina held joint exercises off Tierra del Fuego.", DAY)
    assert {(s, t, c[:3]) for s, t, c in _coded(events, "joint")} == {
        ("CHLMIL", "ARGMIL", "062"),
        ("ARGMIL", "CHLMIL", "062"),
    }


def test_a_modifier_inside_a_term_of_several_words_does_not_break_it(pipeline: Pipeline) -> None:
    # "joint maritime patrols" is a joint patrol; "maritime" is no part of the term, and no other word may be
    events = pipeline.code_text("The Philippines and Japan held joint maritime patrols in the South China Sea.", DAY)
    assert {(s, t, c) for s, t, c in _coded(events, "joint")} == {("PHL", "JPN", "062"), ("JPN", "PHL", "062")}
