import datetime as dt

from thucydides.analysis import CountryCount, MapPoint, Period
from thucydides.analysis.layout import NetworkLink, NetworkNode, NetworkView
from thucydides.analysis.network import Bloc
from thucydides.web import charts

REDS = {"#b2182b", "#ef8a62", "#fddbc7", charts.CONFLICT}


def test_labels_from_the_store_travel_as_they_are_for_the_browser_to_show_as_text() -> None:
    point = MapPoint("<b>Kyiv</b>", "UP", 50.4, 30.5, 2, 0, 2, -9.5)
    figure = charts.world_map([point], [], "<i>title</i>", "/web/world.json")
    assert figure["points"][0]["hover"] == "<b>Kyiv</b>: 2 events, 0 cooperation, 2 conflict; mean Goldstein -9.5"
    assert figure["title"] == "<i>title</i>" and figure["outline"] == "/web/world.json"
    assert (figure["points"][0]["lon"], figure["points"][0]["lat"]) == (30.5, 50.4)


def test_periods_read_as_days_weeks_months_or_years() -> None:
    day = dt.date(2025, 6, 2)
    labels = [charts.period_label(day, freq) for freq in ("day", "week", "month", "year")]
    assert labels == ["2025-06-02", "week of 2025-06-02", "Jun 2025", "2025"]


def test_the_timeline_stacks_the_four_kinds_and_breaks_the_line_at_an_empty_period() -> None:
    figure = charts.timeline(
        [Period(dt.date(2025, 1, 1), 1, 0, 0, 1, 0.0), Period(dt.date(2025, 2, 1))], "t", "month", "events"
    )
    assert figure["kind"] == "bars" and figure["stacked"] and figure["categories"] == ["Jan 2025", "Feb 2025"]
    assert [s["values"] for s in figure["series"]] == [[1, 0], [0, 0], [0, 0], [1, 0]]
    assert figure["line"]["values"] == [0.0, None] and figure["line"]["range"] == [-10, 10]
    assert figure["series"][3]["hover"][0] == "Jan 2025: 1 events of material conflict"


def test_network_lines_are_coloured_by_tone_and_circles_by_bloc() -> None:
    nodes = [NetworkNode("JPN", "Japan", 0, 0, 5, 5, 0, 0), NetworkNode("CHN", "China", 1, 1, 2, 0, 2, None)]
    view = NetworkView(nodes, [NetworkLink("CHN", "JPN", 2, 0, 2)], [Bloc(("JPN",), 5, 0, 2)], 2)
    figure = charts.network(view, "net")
    assert [(link["colour"], link["href"]) for link in figure["links"]] == [
        (charts.CONFLICT, "/dyad?source=CHN&target=JPN")
    ]
    assert [(n["label"], n["href"]) for n in figure["nodes"]] == [
        ("JPN", "/actor?actor=JPN"),
        ("CHN", "/actor?actor=CHN"),
    ]
    assert [k["label"] for k in figure["legend"]] == ["line: more conflict than cooperation", "bloc 1: JPN", "no bloc"]
    assert figure["nodes"][0]["size"] > figure["nodes"][1]["size"]


def test_cooperation_is_never_drawn_in_the_colour_of_conflict_on_the_map() -> None:
    for mean in (0.01, 0.5, 1.9, 2.0, 4.4, 7.0, 10.0):
        assert charts.goldstein_colour(mean) not in REDS
    for mean in (-0.01, -3.0, -10.0):
        assert charts.goldstein_colour(mean) in REDS
    assert charts.goldstein_colour(0.0) not in REDS and charts.goldstein_colour(None) == charts.NO_EVENTS


def test_countries_get_a_fill_for_each_view_and_every_view_a_legend() -> None:
    countries = [CountryCount("UKR", 40, 2, 38, -8.1), CountryCount("JPN", 3, 3, 0, 3.4)]
    figure = charts.world_map([], countries, "map", "/web/world.json")
    fills = {c["iso3"]: c["fill"] for c in figure["countries"]}
    assert fills["UKR"]["goldstein"] == "#b2182b" and fills["JPN"]["goldstein"] == "#67a9cf"
    assert fills["UKR"]["events"] == charts.EVENT_SHADES[-1] != fills["JPN"]["events"]
    events_legend = [k["label"] for k in figure["views"]["events"]["legend"]]
    assert events_legend[0].startswith("1") and events_legend[-2].endswith("40") and events_legend[-1] == "no events"
    assert figure["views"]["goldstein"]["legend"][0]["colour"] == "#2166ac"


def test_the_events_scale_gives_more_events_a_darker_shade() -> None:
    breaks = charts.event_breaks(1000)
    shades = [charts.events_colour(n, breaks) for n in (1, 10, 100, 1000)]
    assert [charts.EVENT_SHADES.index(s) for s in shades] == sorted(charts.EVENT_SHADES.index(s) for s in shades)
    assert shades[0] != shades[-1] == charts.EVENT_SHADES[-1] and charts.events_colour(0, breaks) == charts.NO_EVENTS


def test_alerts_set_this_week_beside_the_weeks_before_with_their_spread() -> None:
    from thucydides.analysis import Alert

    alert = Alert("RUS", "actor", "conflict", dt.date(2025, 3, 27), 7, (0, 1, 0, 1), "increase")
    figure = charts.alerts([alert], "alerts")
    before, now = figure["series"]
    assert figure["orientation"] == "horizontal" and not figure["stacked"]
    assert before["values"] == [0.5] and before["errors"] == [0.5] and now["values"] == [7]
    assert now["colours"] == [charts.CONFLICT]
