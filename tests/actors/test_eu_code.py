"""The European Union is coded as the annotation conventions code it (principal EUR)."""

import datetime as dt

from thucydides.actors.kb import load_kb
from thucydides.evaluate.principal import principal


def test_the_european_union_has_the_principal_eur() -> None:
    eu = next(o for o in load_kb([]).organisations.values() if o.name == "European Union")
    assert principal(eu.code) == "EUR" and eu.group == "EUR"


def test_the_union_named_in_a_story_is_coded_eur(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.code_text("The European Union condemned Russia on Monday.", dt.date(2025, 6, 3))
    assert any(e.source is not None and principal(e.source.code) == "EUR" for e in events)
