"""Hold the real-news gold's dates to ANNOTATION.md §4: an event whose sentence has no time word is dated by
the publication date.

    python scripts/gold_dates.py            # list the gold events that break the convention (exit 1 if any)
    python scripts/gold_dates.py --apply    # date them by the publication date, and log each in
                                            # corpus/realnews/adjudication_log.jsonl

The two coders of the corpus often carried the day of a story's lead ("on Wednesday") to the sentences after
it that name no day ("The officers said they had suspended all institutions"); the convention the
independent gold sets follow dates those by the story's date. Only what the convention decides is changed:
an event that is not background, dated to the day, whose trigger is found in exactly one sentence of the
story, and whose sentence, past its dateline, holds no word that says or hints when (a weekday, a month, a
year, "yesterday", "overnight", "within minutes", "afterwards", "before", "during", ...: the list is wide on
purpose, so that every sentence a coder could date from its own words keeps the coder's date).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "realnews" / "gold"
LOG = ROOT / "corpus" / "realnews" / "adjudication_log.jsonl"

TIME_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"yesterday|today|tonight|tomorrow|overnight|earlier|later|ago|last|next|previous|former|then|now|"
    r"week|weeks|weekend|month|months|year|years|morning|afternoon|evening|night|nightly|late-night|nightfall|"
    r"dawn|dusk|midnight|noon|minutes?|hours?|days?|moments?|since|until|recently|shortly|soon|meanwhile|"
    r"afterwards?|before|after|during|while|when|once|\d{4}|\d{1,2}/\d{1,2})\b",
    re.IGNORECASE,
)
DATELINE = re.compile(r"^[A-Z][^\n]{0,60}?\(\w+\)\s+[-–—]\s+")  # "NIAMEY, July 27 (Wire) - "
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


def sentences(text: str) -> list[str]:
    """The story's sentences, paragraph by paragraph (a plain split: the gold's triggers are matched in them)."""
    return [s for paragraph in text.split("\n") for s in _SENTENCE_END.split(paragraph) if s.strip()]


def undated(sentence: str) -> bool:
    """The sentence, past a dateline, holds no word that says or hints when."""
    return TIME_WORDS.search(DATELINE.sub("", sentence)) is None


@dataclass(frozen=True)
class Correction:
    story: str
    event: int  # index in the story's events
    trigger: str
    was: str
    date: str  # the publication date


def corrections(story: dict) -> Iterator[Correction]:  # type: ignore[type-arg]
    """The events of one gold story dated otherwise than the convention dates them."""
    published = story.get("date")
    if not published:
        return
    said = sentences(story.get("text", ""))
    for n, event in enumerate(story.get("events", [])):
        date, trigger = event.get("date"), event.get("trigger") or ""
        if event.get("background") or not date or len(date) != 10 or date == published or not trigger:
            continue
        holding = [s for s in said if trigger in s]
        if len(holding) == 1 and undated(holding[0]):
            yield Correction(story["id"], n, trigger, date, published)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--apply", action="store_true", help="rewrite the gold files and log each change")
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    found: list[Correction] = []
    for path in sorted(args.gold.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        stories = [json.loads(line) for line in lines if line.strip()]
        fixed = [c for story in stories for c in corrections(story)]
        found += fixed
        if args.apply and fixed:
            by_story = {s["id"]: s for s in stories}
            for c in fixed:
                by_story[c.story]["events"][c.event]["date"] = c.date
            path.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stories), encoding="utf-8")
            with LOG.open("a", encoding="utf-8") as log:
                for c in fixed:
                    entry = {"batch": path.stem, "id": c.story, "kind": "date", "resolution": "convention",
                             "rule": f"ANNOTATION.md §4: no time word in the sentence, the publication date "
                                     f"({c.was} -> {c.date}, trigger {c.trigger!r})"}  # fmt: skip
                    log.write(json.dumps(entry, ensure_ascii=False) + "\n")
    for c in found:
        print(f"{c.story}\t{c.was} -> {c.date}\t{c.trigger}")
    done = " (fixed)" if args.apply else ""
    print(f"{len(found)} gold events dated against ANNOTATION.md §4{done}", file=sys.stderr)
    return 1 if found and not args.apply else 0


if __name__ == "__main__":
    sys.exit(main())
