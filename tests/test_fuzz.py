"""The fuzz run of issue 12, small: odd input files through the code job, hostile requests to the web app.

``scripts/fuzz.py`` makes the full run (10,000 inputs, docs/architecture.md "Errors"); here a fixed seed and a
few hundred inputs must give no exception, no traceback, no 5xx, and counts that add up. The checks the
script makes are pinned too: each must catch what it looks for.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from thucydides.jobs import Summary
from thucydides.models import Rejection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))  # they import one another, as when run
import fuzz_inputs
import fuzz_job
import fuzz_web

SEED = 12


@pytest.mark.slow
def test_odd_files_never_crash_the_job_and_every_article_read_is_coded_or_rejected() -> None:
    report = fuzz_job.fuzz_files(SEED, 150)
    assert report.failures == []
    assert report.cases == 150 and report.read == report.coded + report.rejected
    assert report.coded > 50 and report.rejected > 50  # the mix holds good articles and bad ones
    assert {"E101", "E102", "E103", "E104", "E105", "E107", "E109", "E110", "E122"} <= set(report.codes)


@pytest.mark.slow
def test_hostile_requests_never_get_a_5xx_a_traceback_or_an_echoed_script() -> None:
    report = fuzz_web.fuzz_api(SEED, 600)
    assert report.failures == []
    assert report.requests == 600 and report.statuses["5xx"] == 0
    assert report.statuses["2xx"] > 100 and report.statuses["4xx"] > 100
    assert {"/api/events", "/api/sql", "/", "/events/{event_id}", "/download/{view}.{fmt}"} <= set(report.endpoints)


def test_a_case_is_made_again_from_its_seed_and_number() -> None:
    make = fuzz_inputs.make_case
    assert make(SEED, 7) == make(SEED, 7)
    assert [make(SEED, n) for n in range(20)] != [make(SEED + 1, n) for n in range(20)]


def test_the_answer_checks_catch_5xx_tracebacks_bare_errors_bad_json_and_scripts() -> None:
    numbered = '{"error": {"code": "E405", "message": "Invalid query parameter"}}'
    assert fuzz_web.answer_problems("/api/events", 400, "application/json", numbered) == []
    assert fuzz_web.answer_problems("/api/events", 500, "application/json", numbered) == ["status 500"]
    assert fuzz_web.answer_problems("/api/events", 422, "application/json", '{"detail": "bad"}') == [
        "an error without a numbered code and message"
    ]
    assert "traceback in the body" in fuzz_web.answer_problems("/api/x", 400, "text/plain", "Traceback (most recent")
    assert fuzz_web.answer_problems("/download/sql.json", 200, "application/json", "[NaN]")[0].startswith("the body")
    page = '<p>&lt;script&gt;</p><script type="application/json">{}</script><script src="/static/app.js"></script>'
    assert fuzz_web.answer_problems("/events", 200, "text/html; charset=utf-8", page) == []
    for raw in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">'):
        assert fuzz_web.answer_problems("/events", 200, "text/html", raw), raw


def test_the_count_checks_catch_lost_articles_internal_errors_and_unnamed_files(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": 1}\n', encoding="utf-8")
    wanted = {"a.jsonl": fuzz_job.Expected(0, "jsonl/lines", 3, 3, 1, 0)}
    batch = fuzz_job.Batch([0], ["a.jsonl"], wanted, None, "jsonl", False, None)
    good = Summary(read=3, coded=2, rejected=1, rejections=[Rejection("a.jsonl:2", "E104", "a.jsonl:2: not JSON")])
    assert fuzz_job.check_batch(batch, good, out) == []
    lost = Summary(read=2, coded=1, rejected=1, rejections=good.rejections)
    assert [what for _, what, _ in fuzz_job.check_batch(batch, lost, out)] == ["reads"]
    internal = Rejection("a.jsonl:2", "E121", "a.jsonl:2: coding this article failed (OverflowError)")
    unnamed = Rejection("b.txt", "E101", "the file is empty")
    bad = Summary(read=4, coded=2, rejected=2, rejections=[internal, unnamed])
    found = {(case, what) for case, what, _ in fuzz_job.check_batch(batch, bad, out)}
    assert {(0, "internal-error"), (None, "unnamed-file"), (None, "reads")} <= found
    out.write_text("{not json\n", encoding="utf-8")
    assert [what for _, what, _ in fuzz_job.check_batch(batch, good, out)] == ["output"]
