"""The event coder's explanations agree with the codes they explain."""

from thucydides.events.coder import agreeing_reason


def test_a_reason_naming_another_code_says_what_changed_it() -> None:
    reason = "'agreed' matches the verb pattern 'agree to' → 050"
    told = agreeing_reason(reason, "032", ("negation",))
    assert told.startswith(reason) and "made 032 by negation" in told


def test_a_reason_naming_the_code_is_left_as_it_is() -> None:
    reason = "'agreed' matches the verb pattern 'agree to' → 050"
    assert agreeing_reason(reason, "050", ()) == reason
    assert agreeing_reason("the model's best guess", "032", ()) == "the model's best guess"
