"""The real-news gold's dates follow ANNOTATION.md §4: no time word in the sentence, the publication date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from gold_dates import GOLD, corrections, undated

LEAD = "KAMPALA, May 29 (Wire) - Soldiers seized the radio station on Sunday, the army said."


def _story(*events: dict) -> dict:  # type: ignore[type-arg]
    text = f"{LEAD}\n\nThe officers said they had closed the borders. Hours later they freed two ministers."
    return {"id": "t1", "date": "2023-05-29", "text": text, "events": list(events)}


def _event(trigger: str, date: str, background: bool = False) -> dict:  # type: ignore[type-arg]
    return {"source": "UGAMIL", "target": "UGA", "code": "191", "trigger": trigger, "date": date,
            "background": background}  # fmt: skip


def test_a_sentence_with_no_time_word_past_its_dateline_is_undated() -> None:
    assert undated("The officers said they had closed the borders.")
    assert undated("NIAMEY, July 27 (Wire) - Soldiers said they had removed the president.")
    for dated in ("Soldiers seized the radio station on Sunday.", "Hours later they freed two ministers.",
                  "Within minutes the envoy issued a statement.", "The army shelled the town in 2017."):  # fmt: skip
        assert not undated(dated)


def test_an_event_in_an_undated_sentence_takes_the_publication_date() -> None:
    (fixed,) = corrections(_story(_event("closed the borders", "2023-05-28")))
    assert (fixed.story, fixed.event, fixed.was, fixed.date) == ("t1", 0, "2023-05-28", "2023-05-29")


def test_dated_sentences_background_and_unplaceable_triggers_keep_the_coders_date() -> None:
    story = _story(
        _event("seized the radio station", "2023-05-28"),  # "on Sunday"
        _event("freed two ministers", "2023-05-28"),  # "Hours later"
        _event("closed the borders", "2023-05-01", background=True),
        _event("the", "2023-05-28"),  # found in more than one sentence
        _event("closed the borders", "2023-05"),  # a month, not a day
    )
    assert list(corrections(story)) == []


def test_the_shipped_gold_dates_follow_the_convention() -> None:
    broken = [
        c
        for path in sorted(GOLD.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for c in corrections(json.loads(line))
    ]
    assert broken == [], f"{len(broken)} gold events: python scripts/gold_dates.py --apply"
