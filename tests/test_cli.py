"""The command line, run as a user runs it: a real process, real files, real exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from thucydides.cli.code import example_path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "thucydides", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def example_events() -> list[dict]:  # type: ignore[type-arg]
    result = run("code", "--example", "--workers", "1")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_code_example_writes_jsonl_events_in_sentence_order(example_events: list[dict]) -> None:  # type: ignore[type-arg]
    assert len(example_events) >= 5
    indexes = [e["sentence_index"] for e in example_events]
    assert indexes == sorted(indexes)
    text = example_path().read_text(encoding="utf-8")
    for event in example_events:
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        for role in ("source", "target"):
            actor = event[role]
            if actor is not None:
                assert text[actor["start"] : actor["end"]] == actor["text"]


def test_bad_inputs_are_reported_counted_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Russia attacked Ukraine on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "Japan met NATO."}\n{broken\n', encoding="utf-8")
    result = run("code", str(tmp_path), "--date", "2025-06-03", "--workers", "1")
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "E101" in result.stderr
    assert "bad.jsonl:2" in result.stderr and "E104" in result.stderr
    assert "read 4 articles: coded 2, rejected 2" in result.stderr
    ids = {json.loads(line)["article_id"] for line in result.stdout.splitlines()}
    assert ids <= {"ok", "x"} and ids


def test_stdin_and_formats(tmp_path: Path) -> None:
    result = run(
        "code", "-", "--format", "gdelt", "--date", "2025-06-03", "--workers", "1", stdin="Russia attacked Ukraine."
    )
    assert result.returncode == 0, result.stderr
    assert all(len(line.split("\t")) == 61 for line in result.stdout.splitlines())
    out = tmp_path / "events.csv"
    result = run("code", "-", "--format", "csv", "-o", str(out), "--workers", "1", stdin="Russia attacked Ukraine.")
    assert result.returncode == 0 and out.read_text(encoding="utf-8").startswith("event_id,")


def test_two_workers_give_the_same_events_as_one(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"a{i}", "text": t, "date": "2025-06-03"})
        for i, t in enumerate(
            [
                "Russia attacked Ukraine.",
                "Japan held talks with NATO.",
                "China criticised NATO.",
                "Israel accused Hamas.",
            ]
            * 5
        )
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    one = run("code", str(path), "--workers", "1")
    two = run("code", str(path), "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and one.stdout


def test_usage_errors_are_clear() -> None:
    result = run("code")
    assert result.returncode == 2 and "PATH" in result.stderr
    result = run("code", "-", "--date", "June 3", stdin="x")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_actors_resolve_shows_role_on_date() -> None:
    result = run("actors", "resolve", "Mark Rutte", "--date", "2025-04-08")
    assert result.returncode == 0, result.stderr
    assert "IGOWSTNAT" in result.stdout and "Secretary General" in result.stdout


@pytest.mark.slow
def test_eval_scores_a_story_corpus_strictly_with_error_classes() -> None:
    fixture = Path(__file__).parent / "fixtures" / "stories_mini.jsonl"
    result = run("eval", str(fixture), "--json", "--workers", "1", "--rules-only")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)[0]
    assert figures["kind"] == "stories" and figures["gold events"] == 4
    assert 0.0 <= figures["strict precision"] <= 1.0 and isinstance(figures["errors"], dict)
    test_half = run("eval", str(fixture), "--json", "--workers", "1", "--half", "test")
    dev_half = run("eval", str(fixture), "--json", "--workers", "1", "--half", "dev")
    halves = [json.loads(r.stdout)[0]["records"] for r in (test_half, dev_half)]
    assert sum(halves) == 2


@pytest.mark.parametrize(("prefix", "says"), [("99", "no CAMEO code starts with '99'"), ("abc", "not a CAMEO code")])
def test_codes_with_a_prefix_no_code_has_is_an_error(prefix: str, says: str) -> None:
    from click.testing import CliRunner

    from thucydides.cli import cli

    result = CliRunner().invoke(cli, ["codes", prefix])
    assert result.exit_code == 2 and says in result.output


def test_codes_lists_the_codes_of_a_prefix() -> None:
    from click.testing import CliRunner

    from thucydides.cli import cli

    result = CliRunner().invoke(cli, ["codes", "19"])
    assert result.exit_code == 0 and result.output.startswith("19 ") and "190 " in result.output


def test_coder_option_chooses_the_layers_and_every_event_says_which() -> None:
    story = "Russian troops shelled Kharkiv on Monday, killing three civilians."
    rules = run("code", "-", "--coder", "rules", "--date", "2025-06-03", "--workers", "1", stdin=story)
    hybrid = run("code", "-", "--date", "2025-06-03", "--workers", "1", stdin=story)
    assert rules.returncode == hybrid.returncode == 0, rules.stderr + hybrid.stderr
    rule_events = [json.loads(line) for line in rules.stdout.splitlines()]
    hybrid_events = [json.loads(line) for line in hybrid.stdout.splitlines()]
    assert rule_events and all(e["coder"]["code"] == "rules" and e["probability"] is None for e in rule_events)
    assert hybrid_events and hybrid_events[0]["probability"] is not None
    assert run("code", "-", "--coder", "neural", stdin=story).returncode == 2


def test_explain_lists_the_events_found_and_refused_with_the_reason() -> None:
    story = "Police said the crowd was dispersed. Russia criticised NATO on Monday."
    args = ("code", "-", "--coder", "rules", "--date", "2025-06-03", "--workers", "1", "--min-confidence", "0")
    explained = run(*args, "--explain", stdin=story)
    plain = run(*args, stdin=story)
    assert explained.returncode == plain.returncode == 0, explained.stderr + plain.stderr
    records = [json.loads(line) for line in explained.stdout.splitlines()]
    refused = [r for r in records if r.get("refused")]
    assert refused and all(r["explanation"]["reason"] for r in refused)
    emitted = [json.loads(line) for line in plain.stdout.splitlines()]
    assert emitted and all("refused" not in r for r in emitted)
    assert len(records) == len(emitted) + len(refused)
    assert f"{len(refused)} found and refused" in plain.stderr
