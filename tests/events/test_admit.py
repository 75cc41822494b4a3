import datetime as dt

from thucydides.evaluate.run import reported
from thucydides.events.admit import ATTRIBUTION, NO_ACTORS, NO_TARGET, admit, refusal
from thucydides.events.control import load_control
from thucydides.models import Actor, Article, Event, Span
from thucydides.parse import Sentence, Token
from thucydides.pipeline import Pipeline

from ..test_writers import make_event

SPEECH = frozenset({"say", "tell"})
REPORTERS = Actor("MED", None, None, ("MED",), None, "reporters", 40, 49)
NATO = Actor("IGOWSTNAT", None, "NAT", (), "NATO", "NATO", 40, 44)


def verb(event: Event, lemma: str) -> Sentence:
    """A sentence holding the event's trigger as a verb with the given lemma."""
    token = Token(0, event.trigger.text, event.trigger.start, lemma, "VERB", "VBD", "ROOT", 0)
    return Sentence(0, event.trigger.start, event.trigger.text, [token])


def test_a_statement_without_addressee_is_attribution() -> None:
    said = make_event(cameo="010", target=None, trigger=Span("said", 25, 29))
    assert refusal(said, verb(said, "say"), SPEECH) == ATTRIBUTION
    assert refusal(said, verb(said, "announce"), SPEECH) == NO_TARGET  # not attribution; still aimed at no one


def test_a_statement_to_journalists_is_attribution_but_one_to_an_actor_is_an_event() -> None:
    to_press = make_event(cameo="010", target=REPORTERS, trigger=Span("told", 25, 29))
    to_nato = make_event(cameo="010", target=NATO, trigger=Span("told", 25, 29))
    assert refusal(to_press, verb(to_press, "tell"), SPEECH) == ATTRIBUTION
    assert refusal(to_nato, verb(to_nato, "tell"), SPEECH) is None


def test_an_act_nobody_does_to_anybody_is_refused() -> None:
    assert refusal(make_event(source=None, target=None), None, SPEECH) == NO_ACTORS


def test_an_act_done_to_no_one_is_refused_unless_complete_alone() -> None:
    untargeted = load_control().untargeted
    attacked = make_event(cameo="190", target=None, trigger=Span("attacked", 25, 33))
    tested = make_event(cameo="150", target=None, trigger=Span("tested", 25, 31))
    appeal = make_event(cameo="0233", target=None, trigger=Span("appealed", 25, 33))
    assert refusal(attacked, None, SPEECH, untargeted) == NO_TARGET
    assert refusal(tested, None, SPEECH, untargeted) is None
    assert refusal(appeal, None, SPEECH, untargeted) is None
    assert refusal(make_event(cameo="190"), None, SPEECH, untargeted) is None  # the same act with a target


def test_admit_keeps_the_order_and_gives_reasons() -> None:
    events = [make_event(), make_event(cameo="010", target=None, trigger=Span("said", 25, 29)), make_event()]
    kept, refused = admit(events, verb(events[1], "say"), SPEECH)
    assert kept == [events[0], events[2]]
    assert [r.reason for r in refused] == [ATTRIBUTION] and refused[0].to_dict()["trigger"] == "said"


def test_a_statement_to_ones_own_country_is_attribution_but_one_to_another_state_is_an_event() -> None:
    # "the prime minister told parliament", "told the nation": how it was said, like "told reporters"
    parliament = Actor("JPNLEG", "JPN", None, ("LEG",), "Japan", "parliament", 30, 40)
    korea = Actor("KORGOV", "KOR", None, ("GOV",), "South Korea", "Seoul", 30, 35)
    to_parliament = make_event(cameo="010", target=parliament, trigger=Span("told", 25, 29))
    to_korea = make_event(cameo="010", target=korea, trigger=Span("told", 25, 29))
    assert refusal(to_parliament, verb(to_parliament, "tell"), SPEECH) == ATTRIBUTION
    assert refusal(to_korea, verb(to_korea, "tell"), SPEECH) is None
    # an act that is more than saying, done to one's own country, stays an event
    arrested = make_event(cameo="173", target=parliament, trigger=Span("arrested", 25, 33))
    assert refusal(arrested, verb(arrested, "arrest"), SPEECH) is None


def test_what_a_statement_to_an_actor_carries_in_a_clause_is_the_act_not_the_telling() -> None:
    # "Xi told Trump that the two economies should be partners": the telling is how we know (ANNOTATION.md §1)
    told = make_event(cameo="010", target=NATO, trigger=Span("told", 25, 29))
    sentence = verb(told, "tell")
    clause = Token(1, "should", 35, "should", "VERB", "MD", "ccomp", 0)
    sentence.tokens.append(clause)
    sentence.tokens[0].children.append(1)
    assert refusal(told, sentence, SPEECH) == ATTRIBUTION
    # a more specific code carried by the same verb stays an event ("told NATO it rejected ..." coded 12x)
    assert refusal(make_event(cameo="120", target=NATO, trigger=Span("told", 25, 29)), sentence, SPEECH) is None


def test_a_statement_whose_message_says_what_it_says_in_a_clause_is_how_we_know_it(pipeline: Pipeline) -> None:
    # "issued a statement urging North Korea to comply": the urging is the act, the issuing how it was made
    text = (
        "Foreign ministers of Southeast Asian states issued a statement urging North Korea to halt its missile tests."
    )
    coded = next(iter(pipeline.code([Article(id="s", text=text, date=dt.date(2024, 3, 7))])))
    statements = [r for r in coded.refused if r.event.cameo == "010"]
    assert statements and all(r.reason == ATTRIBUTION for r in statements)
    assert reported(coded)[0].cameo.startswith("02")  # what the sentence reports first is the appeal
    # a statement with no clause of its own, aimed at someone, is still the event it was
    plain = pipeline.code_text("The ministers issued a statement to NATO on Friday.", "2024-03-07")
    assert [e.cameo for e in plain] == ["010"]
