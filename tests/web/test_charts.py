import datetime as dt

from thucydides.analysis import MapPoint, Period
from thucydides.analysis.layout import NetworkLink, NetworkNode, NetworkView
from thucydides.analysis.network import Bloc
from thucydides.web import charts


def test_labels_from_the_store_are_escaped_for_plotly() -> None:
    point = MapPoint("<b>Kyiv</b>", "UP", 50.4, 30.5, 2, 0, 2, -9.5)
    figure = charts.world_map([point], "<i>title</i>", "/web/world.json")
    assert figure["data"][0]["hovertext"] == [
        "&lt;b&gt;Kyiv&lt;/b&gt;: 2 events, 0 cooperation, 2 conflict; mean Goldstein -9.5"
    ]
    assert figure["layout"]["title"]["text"] == "&lt;i&gt;title&lt;/i&gt;" and figure["outline"] == "/web/world.json"


def test_periods_read_as_days_weeks_months_or_years() -> None:
    day = dt.date(2025, 6, 2)
    labels = [charts.period_label(day, freq) for freq in ("day", "week", "month", "year")]
    assert labels == ["2025-06-02", "week of 2025-06-02", "Jun 2025", "2025"]


def test_an_empty_period_has_no_goldstein_point() -> None:
    figure = charts.timeline(
        [Period(dt.date(2025, 1, 1), 1, 0, 0, 1, 0.0), Period(dt.date(2025, 2, 1))], "t", "month", "events"
    )
    assert figure["data"][4]["y"] == [0.0, None] and figure["data"][3]["y"] == [1, 0]


def test_network_lines_are_coloured_by_tone_and_circles_by_bloc() -> None:
    nodes = [NetworkNode("JPN", "Japan", 0, 0, 5, 5, 0, 0), NetworkNode("CHN", "China", 1, 1, 2, 0, 2, None)]
    view = NetworkView(nodes, [NetworkLink("CHN", "JPN", 2, 0, 2)], [Bloc(("JPN",), 5, 0, 2)], 2)
    figure = charts.network(view, "net")
    lines = [t for t in figure["data"] if t.get("mode") == "lines"]
    assert [(t["name"], t["line"]["color"]) for t in lines] == [
        ("line: more conflict than cooperation", charts.CONFLICT)
    ]
    circles = [t for t in figure["data"] if t.get("mode") == "markers+text"]
    assert [t["name"] for t in circles] == ["bloc 1: JPN", "no bloc"]
    assert circles[0]["customdata"] == ["/actor?actor=JPN"]
