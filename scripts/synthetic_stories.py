"""Turn the 4,500 synthetic stories of ../shared/data into JSONL articles with publication dates.

The stories (machine-written to train a PLOVER classifier; their facts are not real)
carry no dates, so each is given one drawn at random (fixed seed) from 2023; the
headline is the first line of the prompt, the source the outlet named in it.

    python scripts/synthetic_stories.py stories.jsonl [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import zipfile
from pathlib import Path

STORIES = Path(__file__).resolve().parents[2] / "shared/data/plover/NGEC_gpt_synthetic_events_2023-10-19_19.csv.zip"
START = dt.date(2023, 1, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(2023)
    with zipfile.ZipFile(STORIES) as archive, archive.open(archive.namelist()[0]) as raw:
        rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    with args.output.open("w", encoding="utf-8") as out:
        for i, row in enumerate(rows[: args.limit]):
            record = {
                "id": f"story-{i}",
                "title": row["prompt"].split("\n")[0].strip(),
                "source": row["source"] or None,
                "date": (START + dt.timedelta(days=rng.randrange(365))).isoformat(),
                "text": row["text"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
