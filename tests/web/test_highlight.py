from thucydides.analysis.events import ActorRef, TextSpan
from thucydides.web.highlight import Mark, Piece, event_marks, pieces


def test_pieces_mark_each_role_and_keep_the_text_whole() -> None:
    text = "Japan wants to join NATO."
    marks = [Mark(0, 5, "source", "s"), Mark(6, 19, "trigger", "t"), Mark(20, 24, "target", "x")]
    found = pieces(text, marks)
    assert "".join(p.text for p in found) == text
    assert [(p.text, p.role) for p in found if p.role] == [
        ("Japan", "source"),
        ("wants to join", "trigger"),
        ("NATO", "target"),
    ]


def test_the_trigger_wins_where_spans_overlap_and_outside_spans_are_dropped() -> None:
    found = pieces("abcdef", [Mark(0, 6, "target", "x"), Mark(2, 4, "trigger", "t"), Mark(None, None, "source", "s")])
    assert found == [Piece("ab", "target", "x"), Piece("cd", "trigger", "t"), Piece("ef", "target", "x")]
    assert pieces("abc", [Mark(-5, 99, "source", "s")]) == [Piece("abc", "source", "s")]
    assert pieces("", []) == []


def test_event_marks_shift_sentence_offsets_to_the_article() -> None:
    source = ActorRef("JPN", "JPN", "Japan", "Japan", "", 0, 5)
    target = ActorRef("IGOWSTNAT", "NAT", "NATO", "NATO", "", None, None)
    marks = event_marks(source, target, TextSpan("joins", 6, 11), shift=100)
    assert [(m.role, m.start, m.end) for m in marks] == [
        ("source", 100, 105),
        ("target", None, None),
        ("trigger", 106, 111),
    ]
    assert marks[0].label == "source: JPN (Japan)"
