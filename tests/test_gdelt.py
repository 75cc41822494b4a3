"""The one definition of a GDELT row (thucydides/gdelt.py), shared by the writer and the store."""

from __future__ import annotations

import dataclasses
import datetime as dt

from thucydides.gdelt import GDELT_NAMES, format_row, gdelt_id, gdelt_rows, writable

from .test_writers import make_event


def test_rows_have_the_61_columns_in_gdelt_order_in_the_order_given() -> None:
    first, second = make_event(), make_event(event_id="ff" * 10, cameo="19")
    rows = gdelt_rows([(first, "https://a"), (second, "")])
    assert [len(row) for row in rows] == [61, 61]
    named = [dict(zip(GDELT_NAMES, row, strict=True)) for row in rows]
    assert [r["GlobalEventID"] for r in named] == [gdelt_id(first.event_id), gdelt_id(second.event_id)]
    assert (named[0]["SOURCEURL"], named[1]["SOURCEURL"]) == ("https://a", "a1")
    assert (named[1]["EventCode"], named[1]["EventBaseCode"], named[1]["EventRootCode"]) == ("190", "190", "19")
    assert named[0]["DATEADDED"] == 20250603000000 and named[0]["NumMentions"] == 1
    assert named[0]["AvgTone"] is None and named[0]["Actor1Geo_Type"] is None


def test_a_line_has_four_decimals_of_fraction_date_and_empty_fields_for_null() -> None:
    event = make_event(date=dt.date(2025, 1, 1), location=None)
    line = format_row(gdelt_rows([(event, "x\ty")])[0])
    fields = dict(zip(GDELT_NAMES, line.rstrip("\n").split("\t"), strict=True))
    assert fields["FractionDate"] == "2025.0000" and fields["ActionGeo_FullName"] == ""
    assert fields["SOURCEURL"] == "x y" and line.endswith("\n") and line.count("\n") == 1


def test_only_a_dated_event_with_a_coded_actor_has_a_row() -> None:
    event = make_event()
    uncoded = dataclasses.replace(event.source, code="") if event.source else None
    assert writable(event)
    assert not writable(make_event(date=None))
    assert not writable(make_event(source=uncoded, target=None))
