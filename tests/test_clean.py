from thucydides.clean import MAX_PARAGRAPH_CHARS, clean, dateline, normalise
from thucydides.models import Article
from thucydides.pipeline import Pipeline


def test_normalise_keeps_length_and_straightens_quotes() -> None:
    text = "\u201cJapan\u2019s\u00a0navy\u201d\nsailed"
    out = normalise(text)
    assert len(out) == len(text)
    assert out == '"Japan\'s navy" sailed'


def test_paragraph_offsets_point_into_the_original_text() -> None:
    text = "Headline here\n\n  First para line one\nline two.\n\n\nSecond para."
    cleaned = clean(Article(id="a", text=text))
    assert [p.text for p in cleaned.paragraphs] == ["Headline here", "First para line one line two.", "Second para."]
    for p in cleaned.paragraphs:
        assert normalise(text[p.start : p.start + len(p.text)]) == p.text


def test_a_wire_dateline_is_a_paragraph_of_its_own() -> None:
    cases = {
        "MOSCOW (Reuters) - Russia accused Ukraine.": ["MOSCOW (Reuters)", "Russia accused Ukraine."],
        "Title\n\nTOKYO, June 3 - Japan's minister met Rutte.": [
            "Title",
            "TOKYO, June 3",
            "Japan's minister met Rutte.",
        ],
        "GAZA CITY, Palestinian Territories: Four children were killed.": [
            "GAZA CITY, Palestinian Territories",
            "Four children were killed.",
        ],
        "WASHINGTON \u2014 The United States imposed sanctions.": [
            "WASHINGTON",
            "The United States imposed sanctions.",
        ],
        # a country whose name has small words in it
        "KINGSTOWN, St Vincent and the Grenadines, Dec 15 (Wire) - Guyana and Venezuela met.": [
            "KINGSTOWN, St Vincent and the Grenadines, Dec 15 (Wire)",
            "Guyana and Venezuela met.",
        ],
        # not datelines: an actor before a colon, a dash inside a sentence
        "NATO: allies agree to spend more.": ["NATO: allies agree to spend more."],
        "Japan wants to join the command - officials said.": ["Japan wants to join the command - officials said."],
    }
    for text, paragraphs in cases.items():
        cleaned = clean(Article(id="a", text=text))
        assert [p.text for p in cleaned.paragraphs] == paragraphs, text
        for p in cleaned.paragraphs:
            assert normalise(text[p.start : p.start + len(p.text)]) == p.text


def test_a_dateline_is_not_taken_for_the_subject(pipeline: Pipeline) -> None:
    (event,) = pipeline.code_text("MOSCOW (Reuters) - Russia accused Ukraine of attacking a power plant.", "2024-01-01")
    assert event.source is not None and event.source.text == "Russia"
    # two towns joined by a slash are one dateline: Dubai is not the attacker
    text = "JERUSALEM/DUBAI, June 13 (Wire) - Israel struck Iran's nuclear sites on Friday."
    assert [(e.source.country if e.source else None) for e in pipeline.code_text(text, "2025-06-13")] == ["ISR"]
    found = dateline(text)
    assert found is not None and found.town == "JERUSALEM" and text[found.line_end :].startswith("Israel")


def test_a_paragraph_too_long_for_the_parser_is_cut_after_a_sentence_keeping_offsets() -> None:
    sentence = "Russia attacked Ukraine on Monday and Kyiv condemned it. "
    text = "Title\n\n" + sentence * (3 * MAX_PARAGRAPH_CHARS // len(sentence))
    cleaned = clean(Article(id="a", text=text))
    assert len(cleaned.paragraphs) >= 4
    for p in cleaned.paragraphs:
        assert len(p.text) <= MAX_PARAGRAPH_CHARS
        assert normalise(text[p.start : p.start + len(p.text)]) == p.text
    assert all(p.text.endswith("condemned it.") for p in cleaned.paragraphs[1:-1])
    assert "".join(p.text for p in cleaned.paragraphs[1:]).replace(".R", ". R") == text[7:].strip()


def test_dateline_gives_the_town_and_its_qualifier_with_offsets() -> None:
    text = "Talks collapse\n\nAL-ULA, Saudi Arabia, Jan 5 (Wire) - The summit opened."
    found = dateline(text)
    assert found is not None and (found.town, found.qualifier) == ("AL-ULA", "Saudi Arabia")
    assert text[found.start : found.end] == "AL-ULA"


def test_dateline_skips_the_date_and_the_agency() -> None:
    found = dateline("VIENNA, July 14 (Wire) - Negotiators agreed.")
    assert found is not None and (found.town, found.qualifier) == ("VIENNA", "")


def test_a_story_that_opens_with_a_sentence_has_no_dateline() -> None:
    assert dateline("Police in Vienna said on Monday that two men were held.") is None


def test_a_dateline_with_accented_capitals_is_a_paragraph_of_its_own() -> None:
    text = "BOGOTÁ, July 3 (Wire) - The army freed the hostages."
    paragraphs = clean(Article(id="a", text=text)).paragraphs
    assert [p.text for p in paragraphs] == ["BOGOTÁ, July 3 (Wire)", "The army freed the hostages."]
    found = dateline(text)
    assert found is not None and found.town == "BOGOTÁ"
