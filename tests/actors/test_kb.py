import datetime as dt
from pathlib import Path

import pytest

from thucydides.actors.kb import KnowledgeBase, build_kb, load_kb, tokenize_name
from thucydides.actors.mentions import find_hits
from thucydides.errors import DataError
from thucydides.parse import SpacyParser, convert_doc


def test_tokenize_name_splits_like_spacy() -> None:
    assert tokenize_name("U.S.") == ["U.S."]
    assert tokenize_name("Kim Jong-un") == ["Kim", "Jong", "-", "un"]
    assert tokenize_name("People's Liberation Army") == ["People", "'s", "Liberation", "Army"]


def test_person_role_on_date_picks_the_office_held_then(mini_kb: KnowledgeBase) -> None:
    rutte = mini_kb.people["mark-rutte"]
    assert rutte.role_on(dt.date(2015, 1, 1)).actor == "NLD"  # type: ignore[union-attr]
    assert rutte.role_on(dt.date(2025, 4, 8)).actor == "IGOWSTNAT"  # type: ignore[union-attr]
    assert rutte.role_on(dt.date(2024, 8, 1)) is None


def test_org_code_resolves_known_group(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.org_code("NAT") == "IGOWSTNAT"
    assert mini_kb.org_code("IGOWSTNAT") == "IGOWSTNAT"


def test_malformed_user_file_names_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("- name: Someone\n  roles:\n    - {actor: JPN, title: x}\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        build_kb([bad])
    assert "mine.yaml" in str(err.value) and "E201" in str(err.value)


def test_user_file_adds_an_actor_to_the_shipped_knowledge_base(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "- name: Jane Placeholder\n  surname: Placeholder\n  country: JPN\n  roles:\n"
        "    - {actor: JPN, sector: [GOV], title: Envoy, start: 2020-01-01}\n",
        encoding="utf-8",
    )
    kb = load_kb([mine])
    assert "jane-placeholder" in kb.people
    assert "JPN" in kb.countries


def test_shipped_knowledge_base_covers_every_un_member() -> None:
    kb = load_kb()
    members = [c for c in kb.countries.values() if c.status == "member"]
    assert len(members) == 193
    for code in ("JPN", "CHN", "PRK", "RUS", "USA", "UKR", "TWN", "XKX", "PSE", "VAT", "ESH"):
        assert code in kb.countries, code


def test_a_country_inside_the_name_of_a_sea_is_no_mention(parser: SpacyParser) -> None:
    kb = load_kb()
    (sentence,) = convert_doc(
        parser.nlp("Chinese ships sailed from China into the South China Sea and the Gulf of Mexico."), 0, 0
    )
    named = [(sentence.tokens[h.lo].text, h.first("country", "adjective")) for h in find_hits(sentence, kb)]
    refs = [(text, entry.ref) for text, entry in named if entry is not None]
    assert refs == [("Chinese", "CHN"), ("China", "CHN")]
