import datetime as dt
from pathlib import Path

import pytest

from thucydides.errors import DataError
from thucydides.evaluate.gold import detokenize, read_gold

XML = """<Validation><Environment><Actorfile>my.actors.txt</Actorfile></Environment>
<Sentences>
<!-- a comment <Sentence id="ignored"> -->
<Sentence date="19950103" id="T-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="064"/>
<Text>
Arnor is about to restore full diplomatic ties
with Gondor.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="20080804" id="T-2" evaluate="true"/>
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences></Validation>"""


def test_petrarch_xml_records_codes_dates_and_dictionaries(tmp_path: Path) -> None:
    path = tmp_path / "gold.xml"
    path.write_text(XML, encoding="utf-8")
    (tmp_path / "my.actors.txt").write_text("ARNOR [ARN]\n", encoding="utf-8")
    gold = read_gold(path)
    assert gold.kind == "events" and [r.id for r in gold.records] == ["T-1", "T-2"]
    first = gold.records[0]
    assert first.text == "Arnor is about to restore full diplomatic ties with Gondor."
    assert first.date == dt.date(1995, 1, 3)
    assert [(e.source, e.target, e.code) for e in first.events] == [("ARN", "GON", "064"), ("GON", "ARN", "064")]
    assert gold.records[1].events == ()
    assert gold.actor_files == [tmp_path / "my.actors.txt"]


def test_gold_jsonl_and_class_tsv(tmp_path: Path) -> None:
    jl = tmp_path / "g.jsonl"
    jl.write_text(
        '{"id": "a", "text": "X met Y.", "date": "2025-01-01", '
        '"events": [{"source": "JPN", "target": "USA", "code": "040"}]}\n',
        encoding="utf-8",
    )
    (rec,) = read_gold(jl).records
    assert rec.events[0].code == "040" and rec.date == dt.date(2025, 1, 1)
    tsv = tmp_path / "c.tsv"
    tsv.write_text("Police fired on protesters.\t4\nThey talked.\t1\n", encoding="utf-8")
    gold = read_gold(tsv)
    assert gold.kind == "classes" and [r.label for r in gold.records] == [4, 1]


def test_span_conll_offsets_point_at_the_spans(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(
        "A O\nSwiss B-S\ncourt I-S\nrejected O\nCroatia B-T\n' I-T\ns I-T\nrequest I-T\n. O\n\nX B-R\n",
        encoding="utf-8",
    )
    gold = read_gold(path)
    first = gold.records[0]
    assert [(r, first.text[s:e]) for r, s, e in first.spans] == [("S", "Swiss court"), ("T", "Croatia's request")]
    assert gold.records[1].spans[0][0] == "R"


def test_detokenize_glues_punctuation() -> None:
    text, starts = detokenize(["Japan", "'s", "navy", ",", "(", "NAF", ")", "said", "."])
    assert text == "Japan's navy, (NAF) said."
    assert text[starts[5] : starts[5] + 3] == "NAF"


def test_unknown_gold_format_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.docx"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(DataError, match="E301"):
        read_gold(path)


def test_plover_csv_with_labels_and_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "stories.csv"
    path.write_text('text,label\n"Police arrested ten activists.",coerce\n"Talks began.",CONSULT\n', encoding="utf-8")
    gold = read_gold(path)
    assert gold.kind == "plover" and [r.plover for r in gold.records] == ["COERCE", "CONSULT"]
    path.write_text("text,label\nSomething happened.,PARTY\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"stories\.csv:2"):
        read_gold(path)


def test_plover_headline_templates_get_names_in_their_slots(tmp_path: Path) -> None:
    from thucydides.actors.kb import load_kb

    path = tmp_path / "headlines.csv"
    path.write_text(
        "event,mode,title\n"
        "ACCUSE,,{country_1} Condemns {country_2} Over Raid\n"
        "PROTEST,,Thousands March in {city}\n"
        "CONSULT,,{country_1} and {country_2} Hold Talks\n",
        encoding="utf-8",
    )
    gold = read_gold(path)
    assert gold.kind == "plover" and [r.plover for r in gold.records] == ["ACCUSE", "PROTEST", "CONSULT"]
    assert all("{" not in r.text for r in gold.records)
    kb = load_kb()
    states = {c.name for c in kb.countries.values() if c.status == "member"}
    capitals = {cap for c in kb.countries.values() for cap in c.capitals}
    first, second = gold.records[0].text.removesuffix(" Over Raid").split(" Condemns ")
    assert first in states and second in states and first != second
    assert gold.records[1].text.removeprefix("Thousands March in ") in capitals
    assert [r.text for r in read_gold(path).records] == [r.text for r in gold.records]  # the same every run


BOM = "\ufeff"


def test_gold_files_starting_with_a_byte_order_mark_read_as_without_it(tmp_path: Path) -> None:
    jl = tmp_path / "g.jsonl"
    jl.write_text(BOM + '{"id": "a", "text": "X met Y.", "events": []}\n', encoding="utf-8")
    assert [r.id for r in read_gold(jl).records] == ["a"]
    tsv = tmp_path / "c.tsv"
    tsv.write_text(BOM + "Police fired on protesters.\t4\n", encoding="utf-8")
    assert [(r.text, r.label) for r in read_gold(tsv).records] == [("Police fired on protesters.", 4)]
    csv = tmp_path / "stories.csv"
    csv.write_text(BOM + 'text,label\n"Talks began.",CONSULT\n', encoding="utf-8")
    assert [(r.text, r.plover) for r in read_gold(csv).records] == [("Talks began.", "CONSULT")]
    conll = tmp_path / "s.txt"
    conll.write_text(BOM + "Swiss B-S\ncourt I-S\nrejected O\n", encoding="utf-8")
    (record,) = read_gold(conll).records
    assert record.text.startswith("Swiss") and record.spans[0][1] == 0
    xml = tmp_path / "gold.xml"
    xml.write_text(BOM + XML, encoding="utf-8")
    assert [r.id for r in read_gold(xml).records] == ["T-1", "T-2"]
