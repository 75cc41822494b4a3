"""Colours of changes: more cooperation is never drawn in the colour of conflict."""

from __future__ import annotations

import pytest

from thucydides.web.views import alert_tone


@pytest.mark.parametrize(
    ("measure", "direction", "tone"),
    [
        ("cooperation", "increase", "towards-cooperation"),
        ("conflict", "decrease", "towards-cooperation"),
        ("conflict", "increase", "towards-conflict"),
        ("cooperation", "decrease", "towards-conflict"),
    ],
)
def test_alert_colour_follows_the_direction_of_the_change(measure: str, direction: str, tone: str) -> None:
    assert alert_tone(measure, direction) == tone


def test_stylesheet_draws_cooperation_blue_and_conflict_red() -> None:
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "thucydides" / "web" / "static" / "style.css").read_text("utf-8")
    assert "td.towards-cooperation { color: var(--q2); }" in css and "td.towards-conflict { color: var(--q4); }" in css
    assert "td.increase" not in css
