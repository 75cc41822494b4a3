import datetime as dt
from pathlib import Path

from thucydides.actors.kb import build_kb
from thucydides.actors.petrarch import read_petrarch


def test_petrarch_actor_file_with_synonyms_and_dated_codes(tmp_path: Path) -> None:
    path = tmp_path / "x.actors.txt"
    path.write_text(
        "<!-- header -->\nGONDOR [GON]\n+MINAS_TIRITH\nGOLLUM  # note\n+SMEAGOL\n\t[HOB < 950601]\n"
        "\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n",
        encoding="utf-8",
    )
    records = read_petrarch(path)
    assert records[0] == {"name": "GONDOR", "literal": "GON", "names": ["GONDOR", "MINAS TIRITH"]}
    gollum = records[1]
    assert gollum["aliases"] == ["SMEAGOL"]
    assert [r["actor"] for r in gollum["roles"]] == ["HOB", "HOBGOV", "HOBREB"]
    assert gollum["roles"][1]["start"] == dt.date(1995, 6, 1) and gollum["roles"][1]["end"] == dt.date(1999, 8, 15)
    kb = build_kb([path])
    person = next(iter(kb.people.values()))
    assert person.role_on(dt.date(1997, 1, 1)).actor == "HOBGOV"  # type: ignore[union-attr]


def test_petrarch_agents_file_expands_macros_and_plurals(tmp_path: Path) -> None:
    path = tmp_path / "x.agents.txt"
    path.write_text(
        "!MINST! = MINISTER, MINISTRY\nFOREIGN_!MINST! [~GOV]\nPOLICE {} [~COP]\nCLERIC {CLERICS} [~REL]\n",
        encoding="utf-8",
    )
    records = read_petrarch(path)
    assert records[0] == {"sector": ["GOV"], "terms": ["foreign minister", "foreign ministry"]}
    assert records[2]["terms"] == ["cleric", "clerics"]


def test_a_petrarch_file_starting_with_a_byte_order_mark_keeps_its_first_entry(tmp_path: Path) -> None:
    path = tmp_path / "x.actors.txt"
    path.write_text("\ufeffGONDOR [GON]\n", encoding="utf-8")
    assert read_petrarch(path) == [{"name": "GONDOR", "literal": "GON", "names": ["GONDOR"]}]
