"""The event coder's explanations agree with the codes they explain."""

from thucydides.events.coder import agreeing_reason
from thucydides.pipeline import Pipeline


def test_a_reason_naming_another_code_says_what_changed_it() -> None:
    reason = "'agreed' matches the verb pattern 'agree to' → 050"
    told = agreeing_reason(reason, "032", ("negation",))
    assert told.startswith(reason) and "made 032 by negation" in told


def test_a_reason_naming_the_code_is_left_as_it_is() -> None:
    reason = "'agreed' matches the verb pattern 'agree to' → 050"
    assert agreeing_reason(reason, "050", ()) == reason
    assert agreeing_reason("the model's best guess", "032", ()) == "the model's best guess"


def test_a_bare_sector_in_what_two_parties_agree_on_is_no_party(pipeline: Pipeline) -> None:
    # "a pullback of troops", "prisoners": troops of no state named; the agreement is between the two
    events = pipeline.code_text(
        "Kyrgyzstan and Tajikistan agreed on Friday to a ceasefire and a pullback of troops.", "2024-03-07"
    )
    pairs = {(e.source.code if e.source else None, e.target.code if e.target else None) for e in events}
    assert ("KGZ", "TJK") in pairs and ("TJK", "KGZ") in pairs
    assert all(e.target is not None and (e.target.country or e.target.group) for e in events)
    swapped = pipeline.code_text(
        "Russia and Ukraine agreed on Friday to exchange 1,000 prisoners of war each.", "2024-03-07"
    )
    assert {(e.source.code, e.target.code) for e in swapped if e.source and e.target} >= {
        ("RUS", "UKR"),
        ("UKR", "RUS"),
    }


def test_a_passive_state_act_placed_only_by_the_story_is_done_by_the_authorities_there(pipeline: Pipeline) -> None:
    # no place in its sentence: the dateline's town places it, and only a state arrests
    events = pipeline.code_text(
        "KHARTOUM, March 7 (Wire) - Sudan's army ousted President Omar al-Bashir on Thursday. "
        "Defence Minister Awad Ibn Auf said on state television that Bashir had been arrested.",
        "2024-03-07",
    )
    (arrested,) = [e for e in events if e.trigger.text == "arrested"]
    assert arrested.source is not None and arrested.source.code == "SDNCOP"
    assert "only a state does it" in arrested.source.how
    # without the dateline nothing places it, and no one is named doing it: no event
    bare = pipeline.code_text(
        "Sudan's army ousted President Omar al-Bashir on Thursday. "
        "Defence Minister Awad Ibn Auf said on state television that Bashir had been arrested.",
        "2024-03-07",
    )
    assert not [e for e in bare if e.trigger.text == "arrested"]


def test_fighting_that_broke_out_between_two_states_is_between_them(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Heavy fighting broke out between Armenia and Azerbaijan on Sunday.", "2024-03-07")
    pairs = {(e.source.code, e.target.code, e.cameo) for e in events if e.source and e.target}
    assert {("ARM", "AZE", "190"), ("AZE", "ARM", "190")} <= pairs


def test_ordering_an_act_named_by_a_noun_is_doing_it(pipeline: Pipeline) -> None:
    # "ordered the release of ...": the state releases; "ordered the army to attack" stays an order
    events = pipeline.code_text(
        "President Mohammed Shahabuddin of Bangladesh ordered the release of the jailed opposition leader Khaleda Zia.",
        "2024-03-07",
    )
    assert [(e.source.code if e.source else None, e.cameo) for e in events] == [("BGDGOV", "0841")]
    ordered = pipeline.code_text("Putin ordered the army to attack Ukraine.", "2024-03-07")
    assert [e.cameo[:2] for e in ordered] == ["10"]


def test_an_act_aimed_at_each_other_is_done_by_each_side_to_the_other(pipeline: Pipeline) -> None:
    for text in (
        "Armenia and Azerbaijan accused each other of violating the ceasefire.",
        "Russia and Ukraine blamed one another for the attack on the dam.",
        "Canada and India expelled six of each other's diplomats on Monday.",
    ):
        pairs = {(e.source.country, e.target.country) for e in pipeline.code_text(text, "2024-10-14") if e.target}
        assert len(pairs) == 2 and {(b, a) for a, b in pairs} == pairs, text
        assert all(a != b for a, b in pairs), text


def test_telling_a_diplomat_to_leave_is_an_expulsion(pipeline: Pipeline) -> None:
    for text in (
        "Niger's military rulers ordered France's ambassador to leave the country within 48 hours.",
        "Burkina Faso told France's ambassador to leave the country.",
        "Venezuela gave American diplomats 72 hours to leave.",
    ):
        events = pipeline.code_text(text, "2023-08-26")
        assert [(e.target.country, e.cameo) for e in events] == [(events[0].target.country, "161")], text
        assert events[0].target.country in ("FRA", "USA"), text
    # one's own troops told to leave are withdrawn, not expelled
    own = pipeline.code_text("The junta ordered its troops to leave the capital.", "2023-08-26")
    assert not any(e.cameo.startswith("16") for e in own)


def test_what_two_parties_exchange_is_done_between_them_whatever_its_code(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Russia and Ukraine exchanged 95 prisoners of war each on Friday.", "2024-03-07")
    assert {(e.source.code, e.target.code) for e in events if e.source and e.target} == {("RUS", "UKR"), ("UKR", "RUS")}


def test_a_declared_ceasefire_is_a_concession_and_one_carried_out_a_retreat(pipeline: Pipeline) -> None:
    # PLOVER: declaring or announcing a ceasefire or withdrawal is CONCEDE; RETREAT once it is put into effect
    declared = pipeline.code_text("The rebels declared a ceasefire with the government of Sudan.", "2024-03-07")
    assert [e.cameo for e in declared][:1] == ["0871"]
    assert declared[0].plover.event == "CONCEDE"
    announced = pipeline.code_text(
        "Russia announced the withdrawal of its troops from Ukraine's Kherson region.", "2024-03-07"
    )
    assert announced and announced[0].cameo.startswith("087")
    assert announced[0].plover.event == "CONCEDE"
    done = pipeline.code_text("Russian troops withdrew from Ukraine's Kherson region on Friday.", "2024-03-07")
    assert done and done[0].cameo.startswith("087")
    assert done[0].plover.event == "RETREAT"


def test_stepping_down_is_a_retreat_and_conceding_defeat_a_concession(pipeline: Pipeline) -> None:
    # CAMEO 0831 holds both; PLOVER codes an official actually stepping down RETREAT (mode "resign")
    resigned = pipeline.code_text("Peru's President Pedro Castillo resigned on Friday.", "2024-03-07")
    assert resigned and resigned[0].cameo == "0831"
    assert (resigned[0].plover.event, resigned[0].plover.mode) == ("RETREAT", "resign")
    conceded = pipeline.code_text("Peru's President Pedro Castillo conceded defeat to the opposition.", "2024-03-07")
    assert conceded and conceded[0].cameo == "0831"
    assert conceded[0].plover.event == "CONCEDE"


def test_an_arrest_by_unnamed_authorities_of_someone_uncoded_concerns_the_state_itself(pipeline: Pipeline) -> None:
    # the authorities come from the story's place; the arrested are no coded actor: the domestic act's
    # target is the state, as when the police are named ("police in Gabon detained two advisers")
    events = pipeline.code_text(
        "LIBREVILLE, Aug 30 (Wire) - Soldiers in Gabon said they had taken power. "
        "Three nephews of the former first lady were detained overnight on suspicion of treason, the soldiers said.",
        "2023-08-30",
    )
    arrests = [e for e in events if e.cameo == "173"]
    assert [(e.source.code, e.target.code) for e in arrests if e.source and e.target] == [("GABCOP", "GAB")]


def test_each_side_acting_on_the_other_is_each_to_the_other(pipeline: Pipeline) -> None:
    lead = "Thai and Cambodian troops exchanged fire along the border on Thursday. "
    for follow in (
        "Each side blamed the other for starting the clash.",
        "Each accused the other of violating the truce.",
    ):
        events = pipeline.code_text(lead + follow, "2024-03-07")
        blamed = {(e.source.country, e.target.country) for e in events if e.cameo.startswith("112") and e.target}
        assert blamed == {("THA", "KHM"), ("KHM", "THA")}, follow
    # "each of" names its own members, not the sides before
    events = pipeline.code_text(lead + "Each of the commanders praised the other units.", "2024-03-07")
    assert not [e for e in events if e.cameo.startswith("05")]


def test_the_sides_are_the_pair_the_story_tells_most_of_not_the_latest_pair(pipeline: Pipeline) -> None:
    # a host and a caller come after the parties to a ceasefire: "each side" is still one of those parties
    text = (
        "Thailand and Cambodia agreed on Monday to an immediate ceasefire. Cambodian Prime Minister Hun Manet "
        "and Thailand's acting prime minister, Phumtham Wechayachai, reached the deal at talks hosted by "
        "Malaysian Prime Minister Anwar Ibrahim. US President Donald Trump had telephoned Anwar on Saturday. "
        "Each side has blamed the other for firing first."
    )
    events = pipeline.code_text(text, "2025-07-28")
    blamed = {(e.source.country, e.target.country) for e in events if e.cameo.startswith("112") and e.target}
    assert blamed == {("THA", "KHM"), ("KHM", "THA")}
