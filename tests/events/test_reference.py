"""The ``act-reference`` pass: a judged act's doer is the target; a denial answers its accuser."""

import datetime as dt

from thucydides.models import Article, Event
from thucydides.pipeline import Pipeline


def _coded(events: list[Event], trigger: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
        if e.trigger.text.startswith(trigger)
    ]


def test_condemning_an_act_named_by_its_noun_targets_who_did_it(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Azerbaijani forces shelled an Armenian village on Sunday. France condemned the shelling.", "2024-02-12"
    )
    (condemned,) = [e for e in events if e.trigger.text == "condemned"]
    assert condemned.target is not None and condemned.target.country == "AZE"
    assert condemned.target.text == "the shelling"
    assert "act-reference" in condemned.explanation.passes
    assert "the act of" in condemned.target.how


def test_an_act_pronoun_after_a_judgement_is_the_same_act(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Iran seized a tanker in the Gulf on Tuesday. Britain condemned the seizure and Germany also criticised it.",
        "2024-02-14",
    )
    assert [t for _, t, _ in _coded(events, "criticised")] == ["IRN"]


def test_an_act_of_any_kind_is_the_latest_material_act_of_another_actor(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Ethiopian troops raided a border post held by Eritrea. Kenya criticised the operation.", "2024-03-01"
    )
    (criticised,) = [e for e in events if e.trigger.text == "criticised"]
    assert criticised.target is not None and criticised.target.country == "ETH"


def test_a_thing_that_is_no_act_is_left_alone(pipeline: Pipeline) -> None:
    text = "Ethiopian troops raided a border post. Kenya criticised the island."
    (coded,) = pipeline.code([Article(id="t", text=text, date=dt.date(2024, 3, 1))])
    found = [*coded.events, *(r.event for r in coded.refused)]
    (criticised,) = [e for e in found if e.trigger.text == "criticised"]
    assert criticised.target is None or not criticised.target.code
    assert criticised not in coded.events  # criticism of no one is refused


def test_a_denial_answers_the_accuser(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Lithuania accused Belarus of flying balloons across the border. Minsk denied the accusation.", "2024-03-01"
    )
    (denial,) = [e for e in events if e.trigger.text == "denied"]
    assert denial.source is not None and denial.source.country == "BLR"
    assert denial.target is not None and denial.target.country == "LTU"
    # the act Belarus is accused of is alleged, not reported as fact: no event of its own
    assert not [e for e in events if e.trigger.text.startswith("flying")]


def test_a_state_condemning_an_attack_by_its_own_citizens_targets_them(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Japanese gunmen attacked a school in Nara. Prime Minister Fumio Kishida called the attack barbaric.",
        "2024-03-01",
    )
    (called,) = [e for e in events if e.trigger.text == "called"]
    assert called.cameo.startswith("11")
    assert called.target is not None and called.target.code == "JPNUAF"


def test_an_agreement_noun_is_done_to_each_party_of_the_agreement(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Ghana and Togo signed a border accord on Monday. Nigeria welcomed the accord.", "2024-03-01"
    )
    assert {t for _, t, code in _coded(events, "welcomed")} == {"GHA", "TGO"}
    # an agreement noun never names an attack: the latest material act is not its doer
    events = pipeline.code_text(
        "Rebels shelled a town in Mali on Monday. Mali and Niger signed a pact. Chad praised the pact.", "2024-03-01"
    )
    assert {t for _, t, code in _coded(events, "praised")} == {"MLI", "NER"}


def test_saying_that_an_act_was_illegal_criticises_its_doer(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Gabon expelled three Cameroonian diplomats on Monday. Cameroon said the expulsion was unacceptable.",
        "2024-03-01",
    )
    assert _coded(events, "said") == [("CMR", "GAB", "111")]
    assert _coded(pipeline.code_text("Ghana said Togo's decision was illegal.", "2024-03-01"), "said") == [
        ("GHA", "TGO", "111")
    ]
    # no verdict when the clause denies it, or when nothing pejorative is said
    for text in ("Ghana said Togo's decision was not illegal.", "Ghana said Togo's decision was final."):
        assert not [e for e in pipeline.code_text(text, "2024-03-01") if e.cameo == "111"]


def test_saying_an_act_was_not_legitimate_or_neither_free_nor_fair_criticises_its_doer(pipeline: Pipeline) -> None:
    for text in ("Ghana said Togo's decision was not legitimate.", "Ghana said Togo's vote was neither free nor fair."):
        said = _coded(pipeline.code_text(text, "2024-03-01"), "said")
        assert said == [("GHA", "TGO", "111")], text
        explained = next(e for e in pipeline.code_text(text, "2024-03-01") if e.cameo == "111")
        assert "denies" in explained.explanation.reason
    # approval said, not denied, is no criticism
    for text in ("Ghana said Togo's vote was free and fair.", "Ghana said Togo's decision was legitimate."):
        assert not [e for e in pipeline.code_text(text, "2024-03-01") if e.cameo == "111"]


def test_a_call_for_an_investigation_is_addressed_to_whoever_did_the_latest_act_of_force(pipeline: Pipeline) -> None:
    text = (
        "Mozambican police shot dead 30 protesters in Maputo on Monday. The European Union condemned the "
        "killings and called for a swift and transparent investigation."
    )
    called = _coded(pipeline.code_text(text, "2024-11-07"), "called")
    assert called == [("IGOEUR", "MOZCOP", "020")]
    text = "Israeli commandos stormed a Turkish aid ship on Monday. The European Union demanded a full inquiry."
    assert [t for _, t, _ in _coded(pipeline.code_text(text, "2010-06-01"), "demanded")] == ["ISRMIL"]
    # a march is no act of force: the call has no one it is addressed to
    text = "Protesters marched in Caracas on Monday. The United Nations called for an investigation."
    assert _coded(pipeline.code_text(text, "2024-11-07"), "called") == []


def test_a_party_approving_or_welcoming_the_deal_does_so_towards_the_other_parties(pipeline: Pipeline) -> None:
    text = "Israel and Hezbollah agreed to a ceasefire on Tuesday. Israel's security cabinet approved the deal."
    assert _coded(pipeline.code_text(text, "2024-11-27"), "approved") == [("ISRGOV", "IMGLBNHEZ", "057")]
    text = "Russia and Ukraine signed a grain deal in Istanbul. Russia welcomed the deal."
    assert _coded(pipeline.code_text(text, "2022-07-22"), "welcomed") == [("RUS", "UKR", "051")]
    # one who is no party welcomes it towards each party
    text = "Russia and Ukraine signed a grain deal in Istanbul. Turkey welcomed the deal."
    assert sorted(t for _, t, _ in _coded(pipeline.code_text(text, "2022-07-22"), "welcomed")) == ["RUS", "UKR"]


def test_promising_someone_retribution_threatens_them(pipeline: Pipeline) -> None:
    events = pipeline.code_text("The Ukrainian president said Russia would pay dearly for the attack.", "2024-03-01")
    assert _coded(events, "said") == [("UKRGOV", "RUS", "130")]
    events = pipeline.code_text("Kenya's president vowed that Somalia would face consequences.", "2024-03-01")
    assert ("KENGOV", "SOM", "130") in _coded(events, "vowed")
    # paying for something is no fate, and a denied fate no threat
    for text in ("Peru said Chile would pay for the damage.", "Peru said Chile would not pay dearly."):
        assert not [e for e in pipeline.code_text(text, "2024-03-01") if e.cameo.startswith("13")]


def test_condemning_what_someone_called_an_attack_targets_the_attackers(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Rebels shelled a market in Goma on Monday. The French minister condemned what he called a barbaric attack.",
        "2024-03-01",
    )
    (shelled,) = [e for e in events if e.trigger.text == "shelled"]
    assert shelled.source is not None
    assert [(s and s[:3], t) for s, t, _ in _coded(events, "condemned")] == [("FRA", shelled.source.code)]


def test_a_coup_with_no_government_named_is_against_the_countrys_own() -> None:
    from thucydides.events.coder import domestic_target
    from thucydides.events.control import load_control
    from thucydides.models import Actor

    soldiers = Actor("NERMIL", "NER", None, ("MIL",), "Niger", "Soldiers", 0, 8)
    target = domestic_target("170", soldiers, load_control())
    assert target is not None and target.code == "NERGOV"
    junta = Actor("NERGOV", "NER", None, ("GOV",), "Niger", "the government", 0, 14)
    assert domestic_target("170", junta, load_control()) is None  # a government does not overthrow itself


def test_a_mediation_with_no_one_named_is_done_to_both_parties_of_the_latest_act_between_two_others(
    pipeline: Pipeline,
) -> None:
    events = pipeline.code_text(
        "Ethiopia and Eritrea agreed on Monday to restore diplomatic ties. "
        "The United Arab Emirates mediated the talks.",
        "2018-07-09",
    )
    mediation = [e for e in events if e.cameo.startswith("045")]
    assert {e.target.country for e in mediation if e.target} == {"ETH", "ERI"}
    assert {e.source.country for e in mediation if e.source} == {"ARE"}
    assert all("the mediation is between" in (e.target.how if e.target else "") for e in mediation)


def test_talks_brokered_by_a_third_state_are_its_mediation_between_the_sides_that_agreed(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Armenia and Azerbaijan agreed to open a border crossing after talks in Doha brokered by Qatar.",
        "2024-05-01",
    )
    mediation = [e for e in events if e.cameo.startswith("045") and e.source and e.target]
    pairs = {(e.source.country, e.target.country) for e in mediation if e.source and e.target}
    assert pairs == {("QAT", "ARM"), ("QAT", "AZE")}


def test_a_mediator_is_never_one_of_the_parties(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Kenya thanked Turkey for its mediation.",
        "2024-05-01",
    )
    assert not [e for e in events if e.cameo.startswith("045")]


def test_a_denial_with_no_accusation_in_the_story_answers_whoever_last_acted_against_the_denier(
    pipeline: Pipeline,
) -> None:
    events = pipeline.code_text(
        "Britain expelled four Iranian diplomats on Thursday over a bomb plot. "
        "Tehran has repeatedly denied any involvement.",
        "2024-05-01",
    )
    (denial,) = [e for e in events if e.cameo.startswith("016")]
    assert denial.source is not None and denial.source.country == "IRN"
    assert denial.target is not None and denial.target.country == "GBR"
    assert "the denial answers" in denial.target.how and "latest act" in denial.target.how


def test_an_act_named_by_another_noun_of_its_kind_is_the_first_such_act_of_the_story(pipeline: Pipeline) -> None:
    # "the attack" names no earlier "attack": it is the story's first act of its kind (the bombing the
    # story leads with), not the latest (the army's reply)
    events = pipeline.code_text(
        "Al-Shabaab militants bombed a hotel in Mogadishu on Sunday. "
        "Somali troops later shelled the militants' positions. Kenya condemned the attack.",
        "2024-05-01",
    )
    (condemned,) = [e for e in events if e.trigger.text == "condemned"]
    assert condemned.target is not None and condemned.target.group == "SHB"


def test_a_denial_with_no_accusation_answers_a_statement_about_the_denier_just_before(pipeline: Pipeline) -> None:
    text = (
        "India's army chief said the raids had ended. He said he had informed his Pakistani counterpart. "
        "Pakistan's army denied that any such strikes took place."
    )
    denial = next(e for e in pipeline.code_text(text, "2016-09-29") if e.cameo == "016")
    assert denial.target is not None and denial.target.country == "IND"
    assert "statement about the denier" in denial.explanation.reason
    # a statement that does not name the denier's state is not what it denies
    other = (
        "India's army chief said the raids had ended. He said he had informed his counterpart. "
        "Pakistan's army denied that any such strikes took place."
    )
    denied = next(e for e in pipeline.code_text(other, "2016-09-29") if e.cameo == "016")
    assert denied.target is None or denied.target.country != "IND"


def test_condemning_an_act_done_to_someone_targets_its_named_doer(pipeline: Pipeline) -> None:
    # the actor inside "of ..." is whom the act was done to; the condemnation is aimed at who did it
    events = pipeline.code_text("France condemned the invasion of Ukraine by Russia.", "2024-02-12")
    assert _coded(events, "condemned") == [("FRA", "RUS", "111")]
    events = pipeline.code_text(
        "The European Union condemned the killing of two opposition leaders by Islamic State fighters in Maputo.",
        "2024-02-12",
    )
    (condemned,) = [e for e in events if e.trigger.text == "condemned"]
    assert condemned.target is not None and condemned.target.group == "ISI"
    assert "the act of" in condemned.target.how


def test_condemning_an_act_done_to_someone_targets_its_doer_told_before(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Russian forces invaded Ukraine on Thursday. France condemned the invasion of Ukraine.", "2024-02-12"
    )
    (condemned,) = [e for e in events if e.trigger.text == "condemned"]
    assert condemned.target is not None and condemned.target.country == "RUS"
    # with no doer named anywhere, whom the act was done to stays the target
    alone = pipeline.code_text("France condemned the invasion of Ukraine.", "2024-02-12")
    assert [t for s, t, _ in _coded(alone, "condemned")] == ["UKR"]


def test_a_call_for_calm_with_no_one_named_is_addressed_to_both_sides_of_the_latest_clash(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "North Korea fired artillery shells at a South Korean island on Tuesday. China urged restraint.", "2024-03-07"
    )
    urged = [e for e in events if e.trigger.text == "urged"]
    assert {e.target.country for e in urged if e.target} == {"PRK", "KOR"}
    assert all(e.source is not None and e.source.country == "CHN" for e in urged)
    assert all("both sides of" in (e.target.how if e.target else "") for e in urged)
    # a call for something else, or with no clash told before, is aimed at no one
    trade = pipeline.code_text(
        "North Korea fired artillery shells at a South Korean island on Tuesday. China called for talks on trade.",
        "2024-03-07",
    )
    assert not [e for e in trade if e.trigger.text == "called" and e.target and e.target.country == "PRK"]
    alone = pipeline.code_text("China urged restraint on Tuesday.", "2024-03-07")
    assert not [e for e in alone if e.trigger.text == "urged"]


def test_opposing_another_actors_act_is_a_rejection_aimed_at_its_doer(pipeline: Pipeline) -> None:
    # a noun object of "reject"/"oppose" is another's act: opposed, not refused by its doer
    events = pipeline.code_text("Germany opposed Russia's invasion of Ukraine.", "2024-03-07")
    assert _coded(events, "opposed") == [("DEU", "RUS", "120")]
    told = pipeline.code_text("Israel occupied Gaza on Monday. Egypt rejected the occupation of Gaza.", "2024-03-07")
    assert _coded(told, "rejected") == [("EGY", "ISR", "120")]
    # refusing to do it oneself is still nothing that happened; nor is refusing to give up one's own act
    assert not pipeline.code_text("Kyiv refused to attack Russia.", "2024-03-07")
    assert not _coded(pipeline.code_text("The ELN has refused to give up kidnapping.", "2024-03-07"), "refused")


def test_a_mobilisation_with_no_one_named_answers_the_latest_attack_on_the_actor(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Azerbaijan attacked Armenian positions on Sunday. Armenia ordered a general mobilisation.", "2024-03-07"
    )
    assert _coded(events, "general mobilisation") == [("ARM", "AZE", "154")]
    # nothing done to it before: aimed at no one; a missile test is never aimed
    assert _coded(pipeline.code_text("Armenia ordered a general mobilisation.", "2024-03-07"), "general") == [
        ("ARM", None, "154")
    ]
    tested = pipeline.code_text(
        "South Korea fired shells at North Korean positions on Monday. North Korea tested a ballistic missile.",
        "2024-03-07",
    )
    assert all(not t for s, t, code in _coded(tested, "tested") if code.startswith("15"))


def test_a_complaint_with_no_one_named_answers_the_latest_act_against_the_complainer(pipeline: Pipeline) -> None:
    text = "North Korea fired a ballistic missile over Japan on Tuesday. Tokyo lodged a protest."
    assert _coded(pipeline.code_text(text, "2024-03-07"), "protest") == [("JPNGOV", "PRK", "114")]
    # with nothing done to the complainer before, it is aimed at no one and refused
    assert _coded(pipeline.code_text("Japan lodged a protest.", "2024-03-07"), "protest") == []


def test_a_threat_aimed_at_no_one_answers_the_latest_act_against_the_threatener(pipeline: Pipeline) -> None:
    text = (
        "Israel struck the Iranian consulate in Damascus on Monday. "
        "Iran's foreign ministry warned that its answer would be far harsher."
    )
    threats = [e for e in pipeline.code_text(text, "2024-04-02") if e.cameo.startswith("13")]
    assert [(e.source.country, e.target.country) for e in threats] == [("IRN", "ISR")]


def test_a_threat_aimed_at_no_one_is_aimed_at_the_threateners_counterpart_in_the_story(pipeline: Pipeline) -> None:
    text = (
        "Ukraine asked Hungary on Monday to respect the rights of its citizens. "
        "Hungary accused Ukraine of discriminating against ethnic Hungarians. "
        "Orban threatened to block the accession talks."
    )
    threats = [e for e in pipeline.code_text(text, "2023-12-14") if e.cameo.startswith("13")]
    assert [(e.source.country, e.target.country) for e in threats] == [("HUN", "UKR")]
    # a threat against one's own people keeps its target
    own = "The prime minister vowed to punish the army commanders who deserted."
    assert all(e.target is not None for e in pipeline.code_text(own, "2014-06-11") if e.cameo.startswith("13"))


def test_never_accepting_anothers_act_rejects_it_and_its_doer(pipeline: Pipeline) -> None:
    text = "Ukraine will never accept the annexation of Crimea by Russia."
    events = pipeline.code_text(text, "2014-03-20")
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in events] == [("UKR", "RUS", "12")]
    # a plain acceptance is no rejection
    accepted = pipeline.code_text("Ukraine accepted the offer of talks from Russia.", "2014-03-20")
    assert not any(e.cameo.startswith("12") for e in accepted)
