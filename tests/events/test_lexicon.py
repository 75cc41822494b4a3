import datetime as dt
from pathlib import Path

import pytest

from thucydides.errors import DataError
from thucydides.events.lexicon import Lexicon, build_lexicon, load_lexicon, parse_pattern
from thucydides.events.taxonomy import load_taxonomy
from thucydides.models import Article
from thucydides.pipeline import Pipeline

CLASSES = {"weapon": frozenset({"weapon", "arms"})}


def test_pattern_with_target_after_preposition_and_class() -> None:
    p = parse_pattern("provide {weapon} to *", "072", "verb", CLASSES, "test")
    assert p.trigger == ("provide",)
    assert [(s.prep, s.role) for s in p.slots] == [(None, "match"), ("to", "target")]
    assert p.slots[0].words == CLASSES["weapon"]


def test_particles_alternatives_compounds_and_source_slot() -> None:
    p = parse_pattern("pull out of *", "166", "verb", CLASSES, "test")
    assert [(s.prep, s.role) for s in p.slots] == [("out", ""), ("of", "target")]
    q = parse_pattern("lift|ease sanction", "085", "verb", CLASSES, "test")
    assert (q.slots[0].words == frozenset({"lift", "ease"}) and q.trigger == ("sanction",)) or q.slots[
        0
    ].words == frozenset({"sanction"})
    r = parse_pattern("air_strike on *", "195", "noun", CLASSES, "test")
    assert r.trigger == ("air", "strike") and r.head == "strike"
    s = parse_pattern("receive {weapon} from @", "072", "verb", CLASSES, "test")
    assert s.has_source and not s.has_target


def test_unknown_class_is_a_clear_error() -> None:
    with pytest.raises(DataError, match="unknown class 'missile'"):
        parse_pattern("fire {missile} at *", "190", "verb", CLASSES, "test")


def test_more_specific_pattern_scores_higher() -> None:
    general = parse_pattern("accuse *", "112", "verb", CLASSES, "t")
    specific = parse_pattern("accuse * of {weapon}", "1121", "verb", CLASSES, "t")
    assert specific.specificity > general.specificity


def test_user_entry_with_same_pattern_replaces_builtin(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text('- code: "040"\n  verbs:\n    - meet *\n', encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text('- code: "043"\n  verbs:\n    - meet *\n', encoding="utf-8")
    lexicon: Lexicon = build_lexicon([], [base, mine])
    (only,) = lexicon.lookup("verb", "meet")
    assert only.code == "043"


def test_shipped_lexicon_covers_every_cameo_code_with_known_codes() -> None:
    lexicon = load_lexicon()
    taxonomy = load_taxonomy()
    codes = {p.code for p in lexicon.all_patterns()}
    assert codes <= set(taxonomy.codes), sorted(codes - set(taxonomy.codes))
    detailed = {c for c in taxonomy.codes if len(c) >= 3}
    missing = sorted(detailed - codes)
    assert not missing, f"codes without any pattern: {missing}"


def test_armed_men_seizing_civilians_abduct_them_while_seized_weapons_are_confiscated(pipeline: Pipeline) -> None:
    def codes(text: str) -> list[str]:
        """The codes of every event found, emitted or refused (a confiscation names no one to target)."""
        (coded,) = pipeline.code([Article(id="t", text=text, date=dt.date(2024, 5, 9))])
        return [e.cameo for e in (*coded.events, *(r.event for r in coded.refused))]

    assert codes("Gunmen seized dozens of villagers from a market in Zamfara state.") == ["181"]
    assert codes("Rebels seized 40 schoolchildren from a boarding school in northern Nigeria.") == ["181"]
    assert codes("Police seized a cache of rockets in a raid on a farm near Lagos.")[:1] == ["1711"]
