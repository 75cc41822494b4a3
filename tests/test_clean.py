from thucydides.clean import clean, normalise
from thucydides.models import Article


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
