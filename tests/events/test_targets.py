"""Targets that are not the grammatical object: inside it, the source's own state, the place, each other."""

import datetime as dt

from thucydides.models import Article, Event
from thucydides.pipeline import Pipeline


def _events(pipeline: Pipeline, text: str, day: str = "2024-05-01") -> list[Event]:
    return pipeline.code_text(text, day)


def _pairs(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.country or e.source.group if e.source else None, e.target.code if e.target else None, e.cameo[:3])
        for e in events
    }


def test_actor_inside_the_object_is_the_target(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Turkey formally requested the extradition of a dozen suspects held by Sweden.")
    assert event.target is not None and event.target.country == "SWE"
    assert event.target.text == "Sweden" and "the actor inside" in event.target.how
    # "from Sweden", which the parser hangs on the suspects, is the request's ("request extradition from *")
    (event,) = _events(pipeline, "Turkey formally requested the extradition of a dozen suspects from Sweden.")
    assert event.target is not None and event.target.country == "SWE" and event.target.text == "Sweden"


def test_domestic_event_with_an_object_that_is_no_actor(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Farmers blocked highways across Poland with hundreds of tractors on Friday.")
    assert event.cameo.startswith("144")
    assert event.target is not None and event.target.country == "POL" and event.target.start == -1


def test_conjoined_subjects_with_an_object_that_is_no_actor_act_on_each_other(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Turkey and Egypt restored full diplomatic relations.")
    assert {(e.source.country, e.target.country) for e in events if e.source and e.target} == {
        ("TUR", "EGY"),
        ("EGY", "TUR"),
    }


def test_an_attack_with_no_victim_named_hits_the_country_where_it_struck(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Militants attacked a checkpoint overnight in Quetta.")
    assert event.cameo.startswith("19") and event.location is not None and event.location.name == "Quetta"
    assert event.target is not None and event.target.code == "PAK"
    assert event.target.text == "a checkpoint"  # the object stays the mention; the code is the country's


def test_a_visit_with_no_host_named_is_paid_to_the_country_visited_never_home(pipeline: Pipeline) -> None:
    visit = _events(pipeline, "Antony Blinken visited a factory in Jerusalem.", "2024-01-09")[0]
    assert visit.cameo == "042" and visit.target is not None and visit.target.country == "ISR"
    ohio = Article(id="t", text="Antony Blinken visited a factory in Ohio.", date=dt.date(2024, 1, 9))
    (coded,) = pipeline.code([ohio])
    assert not coded.events  # a visit with no one visited is found, and refused: no one it is done to
    (home,) = [r.event for r in coded.refused]
    assert home.cameo == "042" and home.target is not None and not home.target.code


def test_a_name_parsed_as_part_of_a_date_is_still_the_target(pipeline: Pipeline) -> None:
    text = "Iraq's national security advisor met with Syrian President Bashar Assad Tuesday to discuss security."
    events = _events(pipeline, text, "2014-10-01")
    assert ("IRQ", "SYRGOV", "040") in _pairs(events)


def test_a_refused_request_targets_whoever_asked(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Germany rejected Greece's request for fresh bailout loans.")
    assert (event.source.country if event.source else None, event.target.country if event.target else None) == (
        "DEU",
        "GRC",
    )
    assert event.cameo == "1221"  # rejecting a request for economic aid


def test_a_demand_that_someone_act_targets_them(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Kyiv demanded that Hungary stop obstructing its EU accession.")
    assert events[0].cameo.startswith("10") and events[0].target is not None
    assert events[0].target.country == "HUN"


def test_own_forces_are_the_means_of_a_show_of_force_not_its_target(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Russia has massed around 100,000 troops near its border with Ukraine.")
    assert event.cameo.startswith("15") and event.target is not None and event.target.country == "UKR"


def test_a_town_where_it_happens_is_no_target_but_a_state_it_concerns_is(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Armenia and Azerbaijan agreed to hold a new round of peace talks in Washington.")
    assert {(e.source.country, e.target.country) for e in events if e.source and e.target} == {
        ("ARM", "AZE"),
        ("AZE", "ARM"),
    }
    (event,) = _events(pipeline, "Saudi Arabia called for a political solution to the conflict in Sudan.")
    assert event.target is not None and event.target.country == "SDN"


def test_a_passive_killing_is_done_by_whoever_owns_the_means(pipeline: Pipeline) -> None:
    text = "Four children were killed in Israeli tank shelling in the east of the Gaza Strip on Friday."
    (event,) = _events(pipeline, text)
    assert event.cameo.startswith("19") and event.source is not None and event.source.country == "ISR"
    assert event.target is not None and event.target.country == "PSE"  # the place, not the adjective of the means


def test_a_hope_or_a_warning_addresses_the_subject_of_its_clause(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Turkey's top diplomat voiced hope that the new government in Greece will help Turkey.")
    assert events[0].cameo.startswith("02") and events[0].target is not None
    assert events[0].target.country == "GRC"


def test_he_after_a_title_and_it_after_a_copula_find_their_source(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Hungary's foreign minister said he was pessimistic about the war in Ukraine.")
    assert event.cameo == "012" and event.source is not None and event.source.code == "HUNGOV"
    (event,) = _events(
        pipeline, "Ethiopia's government said it remained committed to a settlement of its dispute with Egypt."
    )
    assert event.source is not None and event.source.code == "ETHGOV"
    assert event.target is not None and event.target.country == "EGY"  # whom "its dispute" is with


def test_a_suicide_bomber_is_the_source_of_the_bombing(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "A suicide bomber killed dozens of people at a mosque in Peshawar.")
    assert event.cameo == "1831" and event.source is not None and event.source.country == "PAK"


def test_whom_an_attack_was_on_is_never_who_attacked(pipeline: Pipeline) -> None:
    on_base = _events(pipeline, "The attack on the Indian army base killed 19 soldiers.")
    assert not any(e.source is not None and e.source.country == "IND" for e in on_base)
    by_taliban = _events(pipeline, "A Taliban attack on a checkpoint in Helmand killed 10 Afghan soldiers.")
    assert any(e.source is not None and e.source.group == "TAL" and e.cameo.startswith("19") for e in by_taliban)


def test_a_killing_in_shelling_is_the_shelling_of_whoever_shelled(pipeline: Pipeline) -> None:
    for text in (
        "Three Indian soldiers were killed in Pakistani shelling in Kashmir.",
        "Three Indian soldiers were killed by Pakistani shelling in Kashmir.",
    ):
        assert _pairs(_events(pipeline, text)) == {("PAK", "INDMIL", "194")}


def test_what_one_side_does_towards_the_other_is_not_mirrored(pipeline: Pipeline) -> None:
    events = _events(pipeline, "NATO will keep strengthening its ties with South Korea, Rutte said.")
    assert [(e.source.group or e.source.country, e.target.country) for e in events if e.source and e.target] == [
        ("NAT", "KOR")
    ]
    met = _events(pipeline, "Japan's defence minister met NATO's secretary general in Tokyo.")
    assert [(e.source.country or e.source.group, e.target.country or e.target.group) for e in met[:2]] == [
        ("JPN", "NAT"),
        ("NAT", "JPN"),
    ]


def test_conjoined_subjects_acting_on_their_own_things_act_on_each_other(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Saudi Arabia and Iran re-opened their embassies.")
    assert {(e.source.country, e.target.country) for e in events if e.source and e.target} == {
        ("SAU", "IRN"),
        ("IRN", "SAU"),
    }


def test_a_hyphenated_verb_is_one_verb(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "North Korea test-fired two short-range ballistic missiles into the sea on Monday.")
    assert event.cameo.startswith("15") and event.trigger.text == "test-fired"
    assert event.source is not None and event.source.country == "PRK"


def test_a_warning_of_consequences_threatens_and_a_forecast_does_not(pipeline: Pipeline) -> None:
    (threat, *_) = _events(pipeline, "Russia warned NATO against deploying missiles in Poland.")
    assert threat.cameo.startswith("13") and threat.target is not None and threat.target.group == "NAT"
    (threat, *_) = _events(pipeline, "China warned the Philippines that it would pay a price for its provocations.")
    assert threat.cameo.startswith("13") and threat.target is not None and threat.target.country == "PHL"
    (forecast, *_) = _events(pipeline, "The U.N. chief warned on Tuesday that Gaza was on the brink of famine.")
    assert forecast.cameo == "012" and forecast.target is not None and forecast.target.country == "PSE"


def test_an_actor_found_for_both_roles_keeps_the_event_as_its_target(pipeline: Pipeline) -> None:
    # The source ("the U.N. human rights chief") is not resolved yet, so the appeal is found and refused
    # (an event is an actor's act); the Taliban stay its target, not a source appealing to themselves.
    text = "The U.N. human rights chief called on Afghanistan's Taliban authorities to restore the right of women."

    (coded,) = pipeline.code([Article(id="t", text=text, date=dt.date(2024, 5, 1))])
    found = [*coded.events, *(r.event for r in coded.refused)]
    assert found and found[0].cameo.startswith("02")
    assert found[0].target is not None and found[0].target.group == "TAL"


def test_a_deal_brokered_by_a_third_state_is_mediated_for_its_parties(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Armenia and Azerbaijan signed a peace deal brokered by the United States.")
    signed = {
        (e.source.country, e.target.country) for e in events if e.cameo.startswith("057") and e.source and e.target
    }
    assert signed == {("ARM", "AZE"), ("AZE", "ARM")}  # the broker named inside the object is no party
    brokered = {(e.source.country, e.target.country) for e in events if e.cameo == "045" and e.source and e.target}
    assert brokered == {("USA", "ARM"), ("USA", "AZE")}


def test_conjoined_mediators_do_not_mediate_for_each_other(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The truce was brokered by Qatar and Egypt.")
    assert not [e for e in events if e.source and e.target and {e.source.country, e.target.country} == {"QAT", "EGY"}]


def test_a_stative_participle_reports_no_act(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Ethiopian troops raided a border post held by Eritrea.")
    assert not [e for e in events if e.source is not None and e.source.country == "ERI"]


def test_an_arrest_with_no_one_named_is_made_by_the_authorities_where_it_happened(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "A Sudanese opposition leader was arrested in Khartoum on Monday.")
    assert event.cameo == "173"
    assert event.source is not None and event.source.code == "SDNCOP" and event.source.start == -1
    assert "only a state does it" in event.source.how
    assert event.target is not None and event.target.code == "SDNOPP"


def test_who_fought_is_who_killed_when_the_fighting_is_the_subject(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Fighting between the Sudanese army and the RSF killed 40 civilians in Khartoum.")
    assert {e.source.code for e in events if e.source and e.cameo.startswith("19")} == {"SDNMIL", "IMGSDNRSF"}


def test_a_protest_with_no_one_named_is_by_the_people_where_it_happened(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Thousands protested in Tbilisi against the foreign agents law.")
    assert event.cameo.startswith("14")
    assert event.source is not None and event.source.code == "GEOCVL"
    assert "the people where it happened" in event.source.how
    assert event.target is not None and event.target.code == "GEOGOV"


def test_mediators_of_a_truce_act_on_those_who_agreed_under_it(pipeline: Pipeline) -> None:
    text = (
        "Wagner fighters withdrew from Rostov after their chief called off the march under a deal brokered by Belarus."
    )
    brokered = [e for e in _events(pipeline, text) if e.trigger.text == "brokered"]
    assert [(e.source.country if e.source else None, e.target.code if e.target else None) for e in brokered] == [
        ("BLR", "IMGRUSWAG")
    ]


def test_what_a_host_expels_or_bans_is_the_target_never_the_place_it_leaves(pipeline: Pipeline) -> None:
    pairs = _pairs(_events(pipeline, "Russia expelled two British diplomats from Moscow."))
    assert pairs == {("RUS", "GBRGOV", "161")}
    (banned,) = _events(pipeline, "Israel's parliament banned UNRWA from operating inside the country.")
    assert banned.cameo == "1663" and banned.target is not None and banned.target.code == "IGOURW"
    (recalled,) = _events(pipeline, "Russia recalled its ambassador from London.")
    assert recalled.target is not None and recalled.target.country == "GBR"  # a recall leaves the host


def test_the_subject_of_an_infinitive_under_the_verb_is_its_object(pipeline: Pipeline) -> None:
    (allowed,) = _events(pipeline, "Venezuela allowed a team of European Union observers to monitor its elections.")
    assert allowed.cameo.startswith("08") and allowed.target is not None and allowed.target.code == "IGOEUR"


def test_an_event_noun_that_is_a_verbs_occasion_takes_its_subject_and_object(pipeline: Pipeline) -> None:
    text = "In a phone call on Tuesday, Macron told Zelensky that France would send more shells."
    events = _events(pipeline, text)
    assert {("FRA", "UKRGOV", "041"), ("UKR", "FRAGOV", "041")} <= _pairs(events)
    assert not [e for e in events if e.cameo.startswith("10")]  # a fronted adjunct is no demand's complement
    after = _events(pipeline, "After the attack, Israel struck Gaza.")
    assert [e.trigger.text for e in after if e.cameo.startswith("19")] == ["struck"]  # "after" is no occasion


def test_conjoined_parties_that_agree_or_step_back_together_do_it_to_each_other(pipeline: Pipeline) -> None:
    text = "Indian and Chinese troops completed their disengagement at a friction point."
    assert {("IND", "CHN", "087"), ("CHN", "IND", "087")} <= {
        (s, t and t[:3], c) for s, t, c in _pairs(_events(pipeline, text))
    }


def test_an_intent_noun_under_a_light_verb_is_the_subjects_intent(pipeline: Pipeline) -> None:
    # joining a military command is military cooperation (062): the intent to do it is 031 (0312)
    assert ("JPN", "IGOWSTNAT", "031") in _pairs(
        _events(pipeline, "Japan expressed interest in joining NATO's command.")
    )
    # an act that is no event of the lexicon leaves the bare intent to cooperate
    assert ("JPN", "IGOWSTNAT", "030") in _pairs(_events(pipeline, "Japan expressed interest in helping NATO."))


def test_extradition_is_judicial_cooperation_and_a_call_in_a_phone_call_no_demand(pipeline: Pipeline) -> None:
    assert ("BGD", "IND", "021") in _pairs(_events(pipeline, "Bangladesh urged India to extradite Hasina immediately."))
    told = _pairs(_events(pipeline, "Macron told Zelensky in a phone call that France would send more shells."))
    assert ("FRA", "UKRGOV", "041") in told and not [c for _, _, c in told if c.startswith("10")]


def test_the_members_of_one_sides_list_never_act_on_each_other(pipeline: Pipeline) -> None:
    text = "Cuba and three Caribbean nations - Jamaica, Haiti and Barbados - signed a fisheries accord on Monday."
    pairs = {(s, t and t[:3]) for s, t, c in _pairs(_events(pipeline, text)) if c == "057"}
    assert {("CUB", "JAM"), ("JAM", "CUB"), ("CUB", "BRB"), ("HTI", "CUB")} <= pairs
    assert not pairs & {("JAM", "HTI"), ("HTI", "BRB"), ("BRB", "JAM")}
    three = {(s, t and t[:3]) for s, t, c in _pairs(_events(pipeline, "Japan, Australia and India held talks."))}
    assert {("AUS", "IND"), ("IND", "JPN")} <= three  # a plain list: each with each


def test_a_refused_offer_is_refused_to_whoever_made_it(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "The Taliban rejected an offer from the Afghan government to extend a ceasefire.")
    assert event.cameo.startswith("12") and event.source is not None and event.source.group == "TAL"
    assert event.target is not None and event.target.code == "AFGGOV"


def test_a_domestic_dispute_keeps_both_sides_of_one_country(pipeline: Pipeline) -> None:
    for text in (
        "The rebels rejected an offer from the Afghan government.",
        "Afghan rebels rejected the Afghan government's proposal.",
    ):
        (event,) = _events(pipeline, text)
        assert event.source is not None and event.source.code == "AFGREB", text
        assert event.target is not None and event.target.code == "AFGGOV", text
    # the same side of a country is still passed over: its own troops are the means, not whom it is done to
    (massing,) = _events(pipeline, "The Russian army massed its troops near the border with Ukraine.")
    assert massing.target is not None and massing.target.country == "UKR"


def _targets_of(events: list[Event], code_root: str) -> set[str]:
    return {e.target.code for e in events if e.target is not None and e.cameo.startswith(code_root)}


def test_a_group_noun_refers_to_as_many_earlier_actors_as_it_says(pipeline: Pipeline) -> None:
    story = (
        "North Korea fired artillery at a South Korean island on Tuesday. "
        "China, the North's ally, urged both sides to show restraint."
    )
    events = _events(pipeline, story)
    assert _targets_of(events, "02") == {"PRK", "KOR"}
    assert {e.target.text for e in events if e.target is not None and e.cameo.startswith("02")} == {"both sides"}
    # "Thai and Cambodian troops" are two actors for what follows
    story = "Thai and Cambodian troops clashed on the border. China urged both sides to exercise restraint."
    assert _targets_of(_events(pipeline, story), "02") == {"THAMIL", "KHMMIL"}
    story = (
        "Trump raised tariffs on Mexico, Canada and China on Saturday, "
        "accusing the three countries of failing to stop migrants."
    )
    accusations = [e for e in _events(pipeline, story, "2025-02-02") if e.cameo.startswith("112")]
    assert {e.target.code for e in accusations if e.target} == {"MEX", "CAN", "CHN"}
    assert {e.target.text for e in accusations if e.target} == {"the three countries"}


def test_all_sides_are_the_two_sides_of_the_dispute_but_all_countries_are_no_one(pipeline: Pipeline) -> None:
    story = "India struck targets in Pakistan on Wednesday. China urged all sides to stay calm."
    assert _targets_of(_events(pipeline, story), "02") == {"IND", "PAK"}
    story = "Armenia and Azerbaijan exchanged fire overnight. Russia urged all countries to stay out."
    assert not _targets_of(_events(pipeline, story), "02")


def test_a_recalled_envoy_is_the_means_and_where_they_served_the_target(pipeline: Pipeline) -> None:
    (recall,) = _events(pipeline, "Turkey recalled its ambassador to Israel on Tuesday.")
    assert recall.cameo == "161" and recall.target is not None and recall.target.code == "ISR"
    coded = pipeline.code([Article(id="t", text="Turkey recalled its ambassador for consultations.", date=None)])
    (done,) = list(coded)
    assert not done.events  # its own envoy is no one it is done to
    (closing,) = _events(pipeline, "Algeria closed its border with Morocco.")
    assert closing.cameo.startswith("191") and closing.target is not None and closing.target.code == "MAR"


def test_calling_something_by_a_judging_adjective_is_a_criticism(pipeline: Pipeline) -> None:
    story = (
        "Ecuadorean police stormed the Mexican embassy in Quito on Friday. "
        "Mexico's foreign minister called the raid an authoritarian act."
    )
    criticism = [e for e in _events(pipeline, story, "2024-04-06") if e.cameo == "111"]
    assert [(e.source.country if e.source else None) for e in criticism] == ["MEX"]
    assert criticism[0].target is not None and criticism[0].target.code == "ECUCOP"  # who carried out the raid
    # an adjective of another kind judges nothing
    story = "Mexico's foreign minister visited Quito on Friday. He called the visit a useful step."
    assert not [e for e in _events(pipeline, story, "2024-04-06") if e.cameo.startswith("11")]


def test_a_message_says_what_its_issuer_says(pipeline: Pipeline) -> None:
    (condemnation,) = [e for e in _events(pipeline, "Japan issued a statement condemning Iran.") if e.cameo == "111"]
    assert condemnation.source is not None and condemnation.source.code == "JPN"
    assert condemnation.target is not None and condemnation.target.code == "IRN"
    # a message nobody is said to have issued has no source
    assert not _events(pipeline, "The report criticising Iran was published on Monday.")


def test_calling_something_by_a_word_of_praise_is_praise(pipeline: Pipeline) -> None:
    (praise,) = [e for e in _events(pipeline, "The United States called Israel a true friend.") if e.cameo == "051"]
    assert praise.source is not None and praise.source.code == "USA"
    assert praise.target is not None and praise.target.code == "ISR"
    story = "Ethiopia and Eritrea signed a peace accord on Monday. Kenya said the accord was a historic step."
    praised = [e for e in _events(pipeline, story) if e.cameo == "051"]
    assert praised and all(e.source is not None and e.source.code == "KEN" for e in praised)
    assert {e.target.code for e in praised if e.target} <= {"ETH", "ERI"}


def test_a_described_country_is_the_country_named_before_even_in_a_sentence_without_events(
    pipeline: Pipeline,
) -> None:
    story = "Finland joined NATO on Tuesday. NATO welcomed the Nordic country as its newest member."
    (welcome,) = [e for e in _events(pipeline, story, "2023-04-05") if e.cameo == "051"]
    assert welcome.target is not None and welcome.target.code == "FIN"
    assert welcome.target.text == "the Nordic country"
    assert "'the Nordic country' refers to Finland" in welcome.target.how
    story = "Finland joined NATO on Tuesday. The country thanked Turkey."
    (thanks,) = [e for e in _events(pipeline, story, "2023-04-05") if e.cameo == "051"]
    assert thanks.source is not None and thanks.source.code == "FIN"
    assert "'The country' refers to Finland" in thanks.source.how
    # a description is never of what its own sentence names
    story = "Iran seized a tanker on Friday. Britain condemned the Islamic republic."
    (condemnation,) = [e for e in _events(pipeline, story) if e.cameo == "111"]
    assert condemnation.target is not None and condemnation.target.code == "IRN"
    # a country adjective makes it a name of its own, no reference back
    story = "Iran seized a tanker on Friday. Britain condemned the Omani state."
    assert not [e for e in _events(pipeline, story) if e.cameo == "111" and e.target and e.target.code == "IRN"]


def test_a_feeling_tagged_as_a_passive_verb_is_felt_by_its_subject_at_the_by_phrase(pipeline: Pipeline) -> None:
    # "was disappointed by X": the parser makes it a passive verb; the one disappointed criticises X
    for text in (
        "Chile was disappointed by Peru's decision.",
        "Chile said it was deeply disappointed by the decision of Peru.",
        "Malaysia was dismayed by the Thai crackdown on students.",
    ):
        events = [e for e in _events(pipeline, text) if e.cameo.startswith("111")]
        assert events, text
        assert events[0].source is not None and events[0].source.country in ("CHL", "MYS")
        assert events[0].target is not None and events[0].target.country in ("PER", "THA")
    # a true passive keeps its agent as the source
    assert ("RUS", "UKR", "190") in _pairs(_events(pipeline, "Ukraine was attacked by Russia on Monday."))


def test_regret_about_an_actor_is_criticism_concern_a_pessimistic_comment_and_about_no_actor_no_event(
    pipeline: Pipeline,
) -> None:
    assert ("KEN", "UGA", "012") in _pairs(
        _events(pipeline, "The Kenyan government expressed deep concern over Uganda's new border law.")
    )
    assert ("KOR", "PRK", "111") in _pairs(
        _events(pipeline, "Seoul expressed strong regret over the North Korean missile launch.")
    )
    # no actor it is about: no criticism of anyone
    assert not any(e.cameo.startswith("11") for e in _events(pipeline, "Officials voiced concern about rising prices."))


def test_a_share_of_a_place_taken_is_the_place_taken(pipeline: Pipeline) -> None:
    # "most of the city": the lexicon's class of territory looks through the word for a share
    events = _events(pipeline, "Russian forces took most of the city of Kherson in southern Ukraine.")
    assert ("RUS", "UKR", "192") in _pairs(events)
    assert not any(e.cameo.startswith("192") for e in _events(pipeline, "Russian forces took most of the credit."))


def test_calling_a_person_is_a_telephone_call_and_a_day_is_no_call_on(pipeline: Pipeline) -> None:
    events = _events(pipeline, "US President Donald Trump called Ardern on Friday to offer support.", "2019-03-15")
    pairs = _pairs(events)
    assert ("USA", "NZLGOV", "041") in pairs and ("NZL", "USAGOV", "041") in pairs
    assert not any(e.cameo.startswith("02") for e in events)  # "on Friday" does not make "call on", an appeal
    # calling someone something is a judgement, not a call
    assert {e.cameo for e in _events(pipeline, "Netanyahu called Putin a liar.", "2019-03-15")} == {"111"}


def test_standing_behind_or_speaking_in_favour_of_someone_is_support(pipeline: Pipeline) -> None:
    stood = _events(pipeline, "Washington stood firmly behind the Nigerien president.")
    assert ("USA", "NERGOV", "051") in _pairs(stood)
    assert ("MAR", "ESH", "051") in _pairs(
        _events(pipeline, "Morocco spoke in favour of self-determination for Western Sahara.")
    )


def test_coups_dismissals_and_frozen_institutions(pipeline: Pipeline) -> None:
    assert ("SDN", "SDNGOV", "170") in _pairs(
        _events(pipeline, "Soldiers removed President Omar al-Bashir from power on Thursday.", "2019-04-11")
    )
    text = "President Kais Saied froze the assembly and dismissed the defence minister."
    events = _events(pipeline, text, "2021-07-26")
    assert {e.cameo for e in events} == {"172"}
    assert any(e.target is not None and e.target.code == "TUNGOVMIL" for e in events)


def test_shooting_is_one_sided_and_an_exchange_of_fire_is_coded_for_each_side(pipeline: Pipeline) -> None:
    shot = _pairs(_events(pipeline, "Israeli jets shot down the Iranian drones."))
    # shooting down aircraft is military force (190), not a fight with small arms (193)
    assert ("ISR", "IRN", "190") in shot and not any(t and t.startswith("ISR") for s, t, _ in shot if s == "IRN")
    exchanged = _pairs(_events(pipeline, "Indian troops exchanged fire with Pakistani troops."))
    assert {(s, t) for s, t, _ in exchanged} == {("IND", "PAKMIL"), ("PAK", "INDMIL")}


def test_ratifying_is_one_sides_act_and_signing_is_coded_for_each_side(pipeline: Pipeline) -> None:
    ratified = _pairs(_events(pipeline, "Turkey's parliament ratified Sweden's NATO membership.", "2024-01-23"))
    assert ("TUR", "SWE", "057") in ratified and not any(s == "SWE" for s, _, _ in ratified)
    signed = _pairs(_events(pipeline, "Armenia and Azerbaijan signed a peace treaty."))
    assert {(s, t) for s, t, c in signed if c == "057"} == {("ARM", "AZE"), ("AZE", "ARM")}


def test_a_name_counts_as_the_noun_of_what_it_names_and_a_number_of_things_as_the_things(pipeline: Pipeline) -> None:
    sank = _pairs(_events(pipeline, "A North Korean submarine sank the South Korean warship Cheonan.", "2010-03-26"))
    assert ("PRK", "KORMIL", "190") in sank
    fired = _events(pipeline, "Hamas fired a barrage of dozens of rockets at Israel.", "2023-10-07")
    assert any(e.cameo.startswith("19") and e.target is not None and e.target.country == "ISR" for e in fired)


def test_naming_someone_something_is_no_telephone_call(pipeline: Pipeline) -> None:
    text = "President Trump has called Denmark's Prime Minister nasty and cancelled a planned visit."
    events = [e for e in _events(pipeline, text, "2019-08-21") if e.trigger.text == "called"]
    assert {e.cameo for e in events} == {"111"}
    # a name that the parser reads as a person's
    named = _events(pipeline, "Beijing calls the feature Xianbin Jiao and claims almost the whole of the sea.")
    assert not any(e.cameo.startswith("04") for e in named)


def test_trading_fire_is_fighting_coded_for_each_side(pipeline: Pipeline) -> None:
    pairs = _pairs(_events(pipeline, "Armenia and Azerbaijan traded artillery fire on Tuesday."))
    assert {(s, t) for s, t, code in pairs if code.startswith("19")} == {("ARM", "AZE"), ("AZE", "ARM")}


def test_both_sides_are_those_of_the_latest_fighting_not_of_the_latest_words(pipeline: Pipeline) -> None:
    # the threat between two others told last is words; "both sides" are those who fought
    story = (
        "Israel launched air strikes across Iran on Friday, and Iran fired missiles at Israel. "
        "Rubio warned Iran not to target U.S. interests. Guterres urged maximum restraint from both sides."
    )
    assert _targets_of(_events(pipeline, story, "2025-06-13"), "02") == {"ISR", "IRN"}


def test_a_participle_after_a_verb_of_saying_is_done_by_the_one_who_said(pipeline: Pipeline) -> None:
    text = (
        "The released prisoners were driven across the border into Lithuania, President Gitanas Nauseda said, "
        "thanking the United States personally."
    )
    thanked = _pairs([e for e in _events(pipeline, text, "2025-09-12") if e.trigger.text == "thanking"])
    assert thanked == {("LTU", "USA", "051")}


def test_an_attack_laid_at_someones_door_is_theirs(pipeline: Pipeline) -> None:
    for text, group in (
        ("A car bomb blamed on the Islamic State killed 12 people in Baghdad.", "ISI"),
        ("It was the scene of a 2017 truck bombing, blamed on al Shabaab, that killed 500 people.", "SHB"),
    ):
        killed = [e for e in _events(pipeline, text) if e.trigger.text == "killed"]
        assert killed and all(e.source is not None and e.source.group == group for e in killed), text


def test_a_verb_coordinated_with_an_act_of_its_kind_is_done_to_the_same_target(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Saudi Arabia and Bahrain cut ties with Qatar and imposed a boycott.")
    assert {("SAU", "QAT", "163"), ("BHR", "QAT", "163")} <= _pairs(events)
    assert not [e for e in events if e.cameo.startswith("14")]  # a state's boycott is no protest
    events = _events(pipeline, "Police killed three gunmen and seized large quantities of weapons in Kandahar.")
    seized = [e for e in events if e.trigger.text.startswith("seized")]
    assert seized and all(e.target is not None and e.target.code.endswith("UAF") for e in seized)
    # an act of another kind keeps its own target, or none
    events = _events(pipeline, "Japan condemned North Korea and sent aid to the flood victims.")
    assert not [e for e in events if e.cameo.startswith("07") and e.target is not None and e.target.country == "PRK"]


def test_what_a_pattern_matched_as_the_act_is_never_whom_it_is_done_to(pipeline: Pipeline) -> None:
    # "imposed sanctions": the sanctions are the act, no uncoded target standing for someone
    text = "The United Nations imposed various sanctions in relation to Iraq in 1990."
    coded = next(iter(pipeline.code([Article(id="t", text=text, date=dt.date(1990, 12, 1))])))
    (event,) = [e for e in coded.found if e.cameo == "163"]
    assert event.target is None or event.target.text != "various sanctions"
    (event,) = _events(pipeline, "Colonel Goita seized power in August 2020.", "2021-06-01")
    assert event.cameo == "170" and event.target is None


def test_what_an_appeal_is_for_holds_whom_it_is_aimed_at(pipeline: Pipeline) -> None:
    # "called for sanctions against Turkey": the actor inside what is called for
    text = "Greek Foreign Minister Nikos Dendias on Monday called for sanctions against Turkey."
    called = [e for e in _events(pipeline, text) if e.trigger.text.startswith("called")]
    assert called and all(e.target is not None and e.target.code == "TUR" for e in called)
    # what is called for is never itself whom the call is aimed at
    coded = next(iter(pipeline.code([Article(id="t", text="The UN chief called for calm.", date=dt.date(2024, 5, 1))])))
    calls = [e for e in coded.found if e.cameo.startswith("02")]
    assert calls and all(e.target is None for e in calls)


def test_an_armed_groups_violence_with_no_one_named_is_against_its_own_state(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Fighters of the Balochistan Liberation Army blew up the track.")
    assert event.target is not None and event.target.code == "PAK" and "its own state" in event.target.how
    # where it happened, or whom it names, comes first
    (event,) = _events(pipeline, "Hezbollah attacked a military base in northern Israel.")
    assert event.target is not None and event.target.country == "ISR"
    # a state's own forces are no armed group of it
    assert not _events(pipeline, "Pakistani troops blew up the track.")


def test_an_act_laid_at_someones_door_in_the_main_clause_is_theirs(pipeline: Pipeline) -> None:
    # the culprit of "blamed X on Y" is the target of the blame and the doer of X, also when the parser hangs
    # "on Y" on the last noun of X, and in the passive
    events = _events(pipeline, "The Afghan government blamed the bombing of a mosque in Kabul on Islamic State.")
    assert {(e.source.group if e.source else None, e.cameo) for e in events if e.trigger.text == "bombing"} == {
        ("ISI", "183")
    }
    blamed = [e for e in events if e.trigger.text == "blamed"]
    assert blamed and all(e.target is not None and e.target.group == "ISI" for e in blamed)
    events = _events(pipeline, "The kidnapping of the students in Kaduna was blamed on Boko Haram.")
    kidnapping = [e for e in events if e.trigger.text == "kidnapping"]
    assert kidnapping and all(e.source is not None and e.source.group == "BKH" for e in kidnapping)
    # "on" that belongs to the act's own noun stays its target
    events = _events(pipeline, "Kyiv blamed the attack on the dam on Russian forces.")
    assert {(e.source.country, e.target.country) for e in events if e.cameo.startswith("112")} == {("UKR", "RUS")}


def test_the_victim_of_an_act_noun_is_never_its_doer(pipeline: Pipeline) -> None:
    # "the bombing of a mosque killed 20": the mosque was bombed, it did not kill
    events = _events(pipeline, "The bombing of a mosque in Kabul killed 20 worshippers.")
    assert not [e for e in events if e.trigger.text == "killed" and e.source is not None]
    # the act's own doer, when the phrase names one, still did the killing
    for text, country in (
        ("Russia's bombing of the market in Kharkiv killed 12 civilians.", "RUS"),
        ("The shelling of the town by Azerbaijani forces killed four people.", "AZE"),
    ):
        killed = [e for e in _events(pipeline, text) if e.trigger.text == "killed"]
        assert killed and all(e.source is not None and e.source.country == country for e in killed), text


def test_allies_who_strike_at_something_never_strike_each_other(pipeline: Pipeline) -> None:
    struck = _pairs(_events(pipeline, "The United States and Britain struck targets in Yemen on Thursday."))
    assert {("USA", "YEM", "190"), ("GBR", "YEM", "190")} <= struck
    assert not {("USA", "GBR"), ("GBR", "USA")} & {(s, t and t[:3]) for s, t, _c in struck}
    # sides named as such, and acts with no object, are still each other's
    fought = _pairs(
        _events(pipeline, "Fighting between Sudan's army and the paramilitary Rapid Support Forces killed dozens.")
    )
    assert any(s == "SDN" and t and "RSF" in t for s, t, _c in fought)
    clashed = _pairs(_events(pipeline, "Armenian and Azerbaijani troops clashed along the border."))
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= {(s, t and t[:3]) for s, t, _c in clashed}


def test_a_participle_of_aiming_says_whom_the_act_it_describes_is_aimed_at(pipeline: Pipeline) -> None:
    # no attack of its own, and never one of the allies on each other
    text = "Japan, South Korea and Australia announced new sanctions on Russia on Friday, targeting banks."
    events = _events(pipeline, text)
    assert {(e.source.country, e.target.country, e.cameo) for e in events if e.source and e.target} == {
        ("JPN", "RUS", "163"),
        ("KOR", "RUS", "163"),
        ("AUS", "RUS", "163"),
    }
    assert ("ISR", "IMGLBNHEZ", "195") in _pairs(
        _events(pipeline, "Israel launched air strikes targeting Hezbollah commanders in Beirut.")
    )
    assert ("CHN", "USABUS", "163") in _pairs(
        _events(pipeline, "China imposed export controls targeting US defence firms.")
    )
    # an aiming verb that is the act itself stays one
    assert ("ISR", "IMGLBNHEZ", "190") in _pairs(
        _events(pipeline, "Israeli jets targeted Hezbollah positions in Lebanon.")
    )


def test_troops_sent_to_a_border_are_aimed_at_the_state_across_it(pipeline: Pipeline) -> None:
    for verb in ("sent", "deployed", "ordered", "moved thousands of"):
        text = f"Venezuela's President Nicolas Maduro {verb} troops to the border with Guyana."
        assert ("VEN", "GUY", "154") in {(s, t and t[:3], c) for s, t, c in _pairs(_events(pipeline, text))}, verb
    # troops sent to a country are no show of force against it
    assert not [c for _s, _t, c in _pairs(_events(pipeline, "Chad sent troops to Mali.")) if c.startswith("15")]


def test_judging_a_decision_or_a_law_is_a_criticism_of_whoever_made_it(pipeline: Pipeline) -> None:
    for text, target in (
        ("Amnesty International called the EU agreement a dark day for refugee rights.", "IGOEUR"),
        ("The US embassy called the Georgian law a bleak moment for democracy.", "GEO"),
        ("The Kremlin said the EU decision was incompatible with international law.", "IGOEUR"),
    ):
        assert [(t, c) for _s, t, c in _pairs(_events(pipeline, text))] == [(target, "111")], text


def test_what_someone_calls_a_thing_is_aimed_at_whose_thing_it_is(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Orban said Hungary would not take part in what he called a bad decision by the EU.")
    assert ("HUN", "IGOEUR", "111") in _pairs(events)
    events = _events(pipeline, "Iran welcomed the end of what it called Israel's aggression on Lebanon.")
    assert [(s, t) for s, t, c in _pairs(events) if c.startswith("11")] == [("IRN", "ISR")]


def test_a_threat_that_names_no_one_is_aimed_at_the_object_of_its_act_or_the_actor_of_its_condition(
    pipeline: Pipeline,
) -> None:
    text = "China warned of serious consequences if the United States sold more weapons to Taiwan."
    assert ("CHN", "USA", "130") in _pairs(_events(pipeline, text))
    text = "Turkey threatened to block Sweden's membership unless Stockholm cracked down on Kurdish militants."
    assert ("TUR", "SWE", "130") in _pairs(_events(pipeline, text))
    # a condition of something else names no one threatened ("if asked" is no actor)
    assert not [t for _s, t, c in _pairs(_events(pipeline, "Iran warned of consequences if asked.")) if t]


def test_the_sidelines_of_a_summit_are_where_leaders_meet_not_whom_they_meet(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The presidents of Kenya and Uganda met on the sidelines of an African Union summit.")
    assert {(e.source.country if e.source else None, e.target.country if e.target else None) for e in events} == {
        ("KEN", "UGA"),
        ("UGA", "KEN"),
    }
    # whom one meets there is still the one met
    met = _events(pipeline, "Modi met Putin on the sidelines of the SCO summit.")
    assert ("IND", "RUSGOV", "044") in _pairs(met)
