from pathlib import Path

import pytest

from thucydides.analysis import actor_network, alerts, dyad_timeline, plot_alerts, plot_dyad, plot_network
from thucydides.errors import StoreError
from thucydides.store import Store

from ..store.factory import event, story


@pytest.fixture()
def filled(store: Store) -> Store:
    store.ingest(
        [
            story(
                i,
                event("JPN", "NAT", "036", day=f"2025-0{1 + i % 6}-10"),
                event("CHN", "NAT", "111", day=f"2025-0{1 + i % 6}-12"),
            )
            for i in range(12)
        ]
    )
    return store


def test_dyad_plot_is_written_as_png_and_svg_with_its_title(filled: Store, tmp_path: Path) -> None:
    timeline = dyad_timeline(filled, "JPN", "NAT")
    png = plot_dyad(timeline, tmp_path / "dyad.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = plot_dyad(timeline, tmp_path / "dyad.svg").read_text(encoding="utf-8")
    assert "JPN → NAT" in svg and "verbal cooperation" in svg and "Goldstein" in svg


def test_network_and_alert_plots_are_written(filled: Store, tmp_path: Path) -> None:
    assert plot_network(actor_network(filled), tmp_path / "network.png").stat().st_size > 10_000
    assert plot_alerts(alerts(filled), tmp_path / "alerts.svg").exists()


def test_an_unknown_image_suffix_is_a_numbered_error(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        plot_dyad(dyad_timeline(filled, "JPN", "NAT"), tmp_path / "dyad.gif")
    assert caught.value.code == "E432"
