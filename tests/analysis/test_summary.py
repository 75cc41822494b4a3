import datetime as dt
from pathlib import Path

from thucydides.analysis import Scope, resolve_actor
from thucydides.analysis.actors import actor_key
from thucydides.analysis.dyads import QUAD_FIELDS
from thucydides.analysis.scope import quad_sums
from thucydides.analysis.summary import ActorSummary, actor_summary
from thucydides.store import Store

from ..store.factory import event, random_stories, story


def test_actor_summary_counts_sides_partners_and_roots_of_one_actor(store: Store) -> None:
    store.ingest(
        [
            story(1, event("USA", "CHN", "036"), event("CHN", "USA", "173", day="2025-06-05")),
            story(2, event("USA", "RUS", "173", day="2025-06-01"), event("GBR", "USA", "036")),
            story(3, event("RUS", "CHN", "173")),  # without the actor
        ]
    )
    summary = actor_summary(store, "USA")
    assert (summary.as_source, summary.as_target) == (2, 2)
    assert (summary.first_date, summary.last_date) == (dt.date(2025, 6, 1), dt.date(2025, 6, 5))
    assert summary.quad_counts == {
        "verbal_cooperation": 2, "material_cooperation": 0, "verbal_conflict": 0, "material_conflict": 2,
    }  # fmt: skip
    # two events with China come first; the partners with one event each follow by their key
    assert [(p["partner"], p["events"], p["cooperation"], p["conflict"]) for p in summary.partners] == [
        ("CHN", 2, 1, 1),
        ("GBR", 1, 1, 0),
        ("RUS", 1, 0, 1),
    ]
    assert summary.codes == [{"root": "03", "events": 2}, {"root": "17", "events": 2}]
    assert [p["partner"] for p in actor_summary(store, "USA", top=1).partners] == ["CHN"]


def test_actor_summary_outside_its_scope_is_empty_not_an_error(store: Store) -> None:
    store.ingest([story(1, event("USA", "CHN", "036"))])
    summary = actor_summary(store, "USA", Scope(start=dt.date(2030, 1, 1)))
    assert (summary.as_source, summary.as_target, summary.first_date, summary.goldstein_mean) == (0, 0, None, None)
    assert summary.partners == [] and summary.codes == []


def test_a_shorter_summary_on_a_store_file_is_the_start_of_the_kept_one(tmp_path: Path) -> None:
    from thucydides.analysis.summary import _summary

    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([story(i, event("USA", p, c)) for i, (p, c) in enumerate(PAIRS)])
        short = actor_summary(store, "USA", top=2)
        made = _summary.__wrapped__(store, "USA", Scope(), 2)  # made afresh with the same top, not kept
        assert short == made and len(short.partners) == 2
        assert actor_summary(store, "USA", top=3).partners[:2] == short.partners
        store.ingest([story(99, event("JPN", "USA", "173"))])  # a second ingest into the same store
        assert actor_summary(store, "USA", top=2) == _summary.__wrapped__(store, "USA", Scope(), 2)
        assert actor_summary(store, "USA").as_target == 1


PAIRS = [("CHN", "036"), ("CHN", "173"), ("RUS", "173"), ("GBR", "036"), ("FRA", "036"), ("RUS", "036")]


def _summary_with_grouping_sets(store: Store, name: str, scope: Scope, top: int) -> ActorSummary:
    """The summary as it was made before the two groupings over the union: one query, grouping sets, OR."""
    spec = resolve_actor(store, name)
    (as1, p1), (as2, p2) = spec.condition(1), spec.condition(2)
    where, params = scope.where()
    partner = f"CASE WHEN {as1} THEN {actor_key(2)} ELSE {actor_key(1)} END"
    rows = store.rows(
        "SELECT grouping(partner) = 1 AS by_partner, grouping(root) = 1 AS by_root, partner, root, "
        "sum(CASE WHEN is_source THEN w ELSE 0 END) AS as_source, sum(CASE WHEN is_target THEN w ELSE 0 END) "
        f"AS as_target, min(event_date) AS first_date, max(event_date) AS last_date, {quad_sums('w')} "
        f"FROM (SELECT {partner} AS partner, EventRootCode AS root, {as1} AS is_source, {as2} AS is_target, "
        f"{scope.weight} AS w, event_date, QuadClass, GoldsteinScale "
        f"FROM events WHERE {where} AND (({as1}) OR ({as2}))) "
        "GROUP BY GROUPING SETS ((), (partner), (root))",
        [*p1, *p1, *p2, *params, *p1, *p2],
    )
    head = next(r for r in rows if r["by_partner"] and r["by_root"])
    total = int(head["total"] or 0)
    partners = [r for r in rows if not r["by_partner"] and r["partner"] is not None]
    partners.sort(key=lambda r: (-r["total"], r["partner"]))
    codes = [r for r in rows if not r["by_root"]]
    codes.sort(key=lambda r: (-r["total"], r["root"] is None, r["root"] or ""))
    return ActorSummary(
        actor=spec,
        as_source=int(head["as_source"] or 0),
        as_target=int(head["as_target"] or 0),
        first_date=head["first_date"],
        last_date=head["last_date"],
        quad_counts={q: int(head[f"q{i}"] or 0) for i, q in enumerate(QUAD_FIELDS, start=1)},
        goldstein_mean=round(float(head["goldstein_sum"]) / total, 3) if total else None,
        partners=[
            {
                "partner": r["partner"],
                "events": int(r["total"]),
                "cooperation": int(r["q1"] + r["q2"]),
                "conflict": int(r["q3"] + r["q4"]),
            }
            for r in partners[:top]
        ],
        codes=[{"root": r["root"], "events": int(r["total"])} for r in codes[:top]],
    )


SUMMARY_SCOPES = [
    Scope(),
    Scope(unit="mentions"),
    Scope(background=True, quad_classes=(1, 4)),
    Scope(start=dt.date(2024, 5, 1), end=dt.date(2025, 1, 31), codes=("17", "03")),
    Scope(start=dt.date(2030, 1, 1)),  # nothing
]


def test_summaries_from_two_groupings_equal_those_of_grouping_sets_before_and_after_an_ingest(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:  # a file: summaries are kept, and must follow the ingest
        for first, seed in ((0, 41), (60, 42)):
            store.ingest(random_stories(first, 60, seed))
            store.ingest([story(900 + first, event("USA", "USA", "173"), event(None, "USA", "057"))])
            with store.reading():  # one connection for the checks
                for name in ("USA", "JPN", "NAT", "USAMIL", "code:JPNGOV", "UNO"):
                    for scope in SUMMARY_SCOPES:
                        for top in (3, 100):
                            expected = _summary_with_grouping_sets(store, name, scope, top)
                            assert actor_summary(store, name, scope, top) == expected, (name, scope, top)
