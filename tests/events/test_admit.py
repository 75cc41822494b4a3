from thucydides.events.admit import ATTRIBUTION, NO_ACTORS, admit, refusal
from thucydides.models import Actor, Span

from ..test_writers import make_event

SPEECH = frozenset({"say", "tell"})
REPORTERS = Actor("MED", None, None, ("MED",), None, "reporters", 40, 49)
NATO = Actor("IGOWSTNAT", None, "NAT", (), "NATO", "NATO", 40, 44)


def test_a_statement_without_addressee_is_attribution() -> None:
    said = make_event(cameo="010", target=None, trigger=Span("said", 25, 29))
    assert refusal(said, None, SPEECH) == ATTRIBUTION


def test_a_statement_to_journalists_is_attribution_but_one_to_an_actor_is_an_event() -> None:
    to_press = make_event(cameo="010", target=REPORTERS, trigger=Span("told", 25, 29))
    to_nato = make_event(cameo="010", target=NATO, trigger=Span("told", 25, 29))
    assert refusal(to_press, None, SPEECH) == ATTRIBUTION
    assert refusal(to_nato, None, SPEECH) is None


def test_an_act_nobody_does_to_anybody_is_refused() -> None:
    assert refusal(make_event(source=None, target=None), None, SPEECH) == NO_ACTORS


def test_other_acts_without_target_are_kept() -> None:
    assert refusal(make_event(cameo="190", target=None, trigger=Span("attacked", 25, 33)), None, SPEECH) is None


def test_admit_keeps_the_order_and_gives_reasons() -> None:
    events = [make_event(), make_event(cameo="010", target=None, trigger=Span("said", 25, 29)), make_event()]
    kept, refused = admit(events, None, SPEECH)
    assert kept == [events[0], events[2]]
    assert [r.reason for r in refused] == [ATTRIBUTION] and refused[0].to_dict()["trigger"] == "said"
