"""Responsibility claims for acts told before: the claimant did the act, and the claim is an event (015)."""

from __future__ import annotations

from thucydides.events.control import load_control
from thucydides.events.credit import unnamed
from thucydides.models import Actor, Event
from thucydides.pipeline import Pipeline


def _coded(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.group or e.source.country if e.source else None, e.target.country if e.target else None, e.cameo)
        for e in events
        if e.explanation.producer == "rule"
    }


def test_a_claim_of_an_act_told_before_makes_the_claimant_its_doer(pipeline: Pipeline) -> None:
    events = pipeline.code_text(
        "Gunmen attacked a police post in Niger. Islamic State claimed the attack. "
        "The United Nations condemned the attack.",
        "2025-06-03",
    )
    coded = _coded(events)
    assert ("ISI", "NER", "190") in coded  # the gunmen are the group that claimed them
    assert ("ISI", "NER", "015") in coded  # the claim, aimed at the attack's victims
    attack = next(e for e in events if e.cameo == "190")
    assert "claimed it" in attack.explanation.reason and "claimed it" in (attack.source.how if attack.source else "")
    condemned = next(e for e in events if e.cameo == "111")
    assert condemned.target is not None and condemned.target.group == "ISI"  # later references find the claimant


def test_a_claim_in_what_a_group_said_gives_an_act_no_one_was_named_doing_its_doer(pipeline: Pipeline) -> None:
    text = (
        "Two car bombs exploded near the Education Ministry in Mogadishu, killing 100 people. "
        "Al Shabaab said in a statement that it carried out the bombings."
    )
    coded = _coded(pipeline.code_text(text, "2025-06-03"))
    assert ("SHB", "SOM", "1832") in coded  # refused for want of a doer until the claim, then admitted
    assert ("SHB", "SOM", "015") in coded
    assert not any(code == "1832" and source is None for source, _, code in coded)


def test_a_claim_never_replaces_a_named_doer_and_a_new_act_said_is_no_claim(pipeline: Pipeline) -> None:
    shelled = pipeline.code_text("Russian troops shelled Kharkiv. The Wagner group claimed the attack.", "2025-06-03")
    shelling = next(e for e in shelled if e.cameo == "194")
    assert shelling.source is not None and shelling.source.country == "RUS"
    said = pipeline.code_text("Islamic State said it carried out an attack on a police post in Niger.", "2025-06-03")
    assert "015" not in {e.cameo for e in said}
    assert ("ISI", "NER", "190") in _coded(said)


def test_the_classifier_adds_no_statement_on_a_verb_that_claims_or_reports_a_found_act(pipeline: Pipeline) -> None:
    # the statistical layer reads these sentences as statements; the saying is how the act is known
    for text in (
        "The Islamic State claimed responsibility for the bombing of a Shi'ite mosque in Kunduz.",
        "Police said gunmen attacked a convoy near Peshawar.",
    ):
        events = pipeline.code_text(text, "2025-06-03")
        assert any(e.cameo.startswith(("18", "19")) for e in events)
        assert not any(e.cameo.startswith("01") for e in events), [(e.cameo, e.trigger.text) for e in events]


def test_only_unnamed_doers_of_the_credited_sectors_give_way() -> None:
    sectors = load_control().claims.credited_sectors

    def actor(code: str, country: str | None, group: str | None, sector: tuple[str, ...], name: str | None) -> Actor:
        return Actor(code, country, group, sector, name, "x", 0, 1)

    assert unnamed(None, sectors)
    assert unnamed(actor("UAF", None, None, ("UAF",), None), sectors)  # "gunmen"
    assert unnamed(actor("IDNCVL", "IDN", None, ("CVL",), None), sectors)  # "a family"
    assert not unnamed(actor("RUSMIL", "RUS", None, ("MIL",), None), sectors)  # a state's forces
    assert not unnamed(actor("IMGPAKTTP", "PAK", "TTP", ("INS",), "Tehrik-i-Taliban Pakistan"), sectors)


def test_an_act_claimed_in_the_passive_is_done_by_the_agent(pipeline: Pipeline) -> None:
    coded = _coded(pipeline.code_text("The bombing of a mosque in Kabul was claimed by Islamic State.", "2025-06-03"))
    assert ("ISI", "AFG", "183") in coded
    events = pipeline.code_text(
        "Gunmen attacked a police post in Niger. The attack was claimed by Islamic State.", "2025-06-03"
    )
    coded = _coded(events)
    assert ("ISI", "NER", "190") in coded and ("ISI", "NER", "015") in coded
