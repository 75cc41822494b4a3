from thucydides.events.taxonomy import five_class, load_taxonomy, quad_class

PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def test_taxonomy_has_every_root_and_a_plover_event_for_each_code() -> None:
    taxonomy = load_taxonomy()
    assert {c for c in taxonomy.codes if len(c) == 2} == {f"{i:02d}" for i in range(1, 21)}
    assert len(taxonomy.codes) >= 300
    for entry in taxonomy.codes.values():
        assert entry.plover.event in PLOVER, entry.code
        assert -10 <= entry.goldstein <= 10
        assert entry.quad_class == quad_class(entry.code)
        assert entry.description


def test_known_goldstein_weights_and_fallback_to_base_code() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.get("042").goldstein == 1.9
    assert taxonomy.get("190").goldstein == -10.0
    assert taxonomy.get("0429").code == "042"


def test_five_class_mapping_follows_the_conflibert_task() -> None:
    assert [five_class(c) for c in ("010", "026", "036", "051", "072", "111", "163", "145", "190")] == [
        0,
        0,
        1,
        1,
        2,
        3,
        3,
        4,
        4,
    ]


def test_every_code_the_control_words_produce_is_a_cameo_code() -> None:
    from thucydides.events.control import load_control

    control = load_control()
    taxonomy = load_taxonomy()
    produced = {code for cat in (*control.categories.values(), control.negation) for code in cat.codes.values()}
    produced |= {cat.default for cat in control.categories.values() if cat.default}
    produced |= set(control.reciprocal)
    assert produced and not {code for code in produced if code not in taxonomy}


def test_a_promised_concession_is_concede_not_agree() -> None:
    # the PLOVER manual: future concessions and announced retreats do not reduce to AGREE
    taxonomy = load_taxonomy()
    for code in ("035", "0351", "0352", "0353", "0354", "0355", "0356"):
        assert taxonomy.get(code).plover.event == "CONCEDE", code
    assert taxonomy.get("036").plover.event == "AGREE"  # a promise to meet is still AGREE
