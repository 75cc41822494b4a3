"""The API half of the fuzz run (``scripts/fuzz.py``): hostile GET requests to the web app, in-process.

A store of made-up coded articles (400 synthetic events, and a few whose text, title, source, url and
place carry markup, controls and odd Unicode, or dates on the calendar's first and last day) is served by
FastAPI's TestClient on 127.0.0.1. Every GET endpoint of the OpenAPI description, and every dashboard
page, is asked with good and hostile values for random subsets of its query parameters, repeated or
unknown ones, and raw query strings. No answer may be a 5xx or show a traceback; an /api/ error is JSON
with a numbered code and a message; a page never echoes a script or a javascript: link.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import re
import tempfile
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fuzz_inputs import CODE, Failure, case_rng, strict_json


@dataclass
class ApiReport:
    seed: int
    requests: int = 0
    statuses: Counter[str] = field(default_factory=Counter)  # "2xx", "3xx", "4xx", "5xx"
    endpoints: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)


HOSTILE = (
    "", " ", "\t", "-1", "0", "-0", "1e309", "NaN", "-inf", "Infinity", "9" * 40, "-" + "9" * 40,
    "18446744073709551616", "9223372036854775808", "0x10", "1_000", "٣", "½", "1.5", "true", "null", "None", "[]",
    "{}", "' OR '1'='1", "'; DROP TABLE events; --", '" OR ""="', "1; SELECT * FROM articles", "%", "%00", "%%", "\x00",
    "a\x00b", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "file:///etc/passwd",
    "<script>alert(1)</script>", '"><script>alert(1)</script>', "<ScRiPt>alert(1)</sCrIpT>",
    "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "{% for x in y %}", "\u202e", "\ufeff",
    "\u200b", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "🇺🇦", "Ünïcödé", "日本", "\r\n", "\n", "2025-02-30", "2025-13-01", "0000-00-00", "0001-01-01",
    "9999-12-31", "-2025-01-01", "2025/01/01", "01.02.2025", "20250101", "2025-01-01T00:00:00Z", "2025-W01",
    "  2025-01-01 ", "+002025-01-01",
)  # fmt: skip
SQL = (
    "SELECT 1", "SELECT * FROM events", "SELECT * FROM articles", "SELECT * FROM mentions", "SELECT * FROM one_a_day",
    "SELECT 'nan'::DOUBLE AS x", "SELECT 'inf'::DOUBLE AS x", "SELECT '\\xFF'::BLOB AS b", "SELECT INTERVAL 1 DAY AS i",
    "SELECT gen_random_uuid() AS u", "SELECT {'a': 1} AS s", "SELECT [1, 2] AS l", "SELECT MAP {'k': 1} AS m",
    "SELECT 170141183460469231731687303715884105727::HUGEINT AS h", "SELECT TIME '12:00' AS t",
    "SELECT TIMESTAMPTZ '2025-01-01 00:00+02' AS t", "SELECT 1::DECIMAL(38,10) AS d", "SELECT '101'::BIT AS b",
    "SELECT NULL AS n", "SELECT 'infinity'::DATE AS d", "SELECT '-infinity'::TIMESTAMP AS t", "SELECT 1, 1",
    "SELECT 1 AS a, 2 AS a", "SELECT * FROM read_csv('/etc/passwd')", "COPY events TO '/tmp/x.csv'", "ATTACH 'x.db'",
    "INSTALL httpfs", "LOAD httpfs", "PRAGMA version", "SET threads = 4", "SELECT 1; SELECT 2", "DROP TABLE events",
    "SELECT ?", "SELECT $1", "SELECT * FROM nowhere", "SELEC 1", ";", "--", "/*", "WITH x AS (SELECT 1) SELECT x",
    "SELECT getenv('HOME')", "SELECT * FROM duckdb_settings()", "SELECT * FROM glob('/*')", "SELECT 1/0",
    "SELECT 'a'::INTEGER", "SELECT error('boom')", "CALL pragma_version()", "EXPLAIN SELECT 1", "SUMMARIZE events",
    "DESCRIBE events", "SHOW TABLES", "VACUUM", "CHECKPOINT", "SELECT repeat('x', 100000) AS x",
    "SELECT * FROM range(20000)", "SELECT '\x00' AS nul", "SELECT '<script>alert(1)</script>' AS x",
    "SELECT 'a'::ENUM('a', 'b') AS e", "SELECT 1e308 * 10 AS big", "SELECT -0.0 AS z", "SELECT 'NaN'::FLOAT AS f",
    "SELECT union_value(k := 1) AS u", "SELECT [1.5, 'nan'::DOUBLE] AS l", "SELECT ['\\xFF'::BLOB] AS l",
)  # fmt: skip
GOOD = {
    "actor": ("USA", "CHN", "RUS", "NAT", "JPNGOV", "Japan", "usa", "IGOWSTNAT", "Atlantis"),
    "code": ("01", "19", "190", "1901", "036", "99", "0000"),
    "place": ("UKR", "JPN", "usa", "CHN", "XXX"),
    "q": ("attack", "pact", "Japan", "synthetic", "script", "DROP"),
    "search": ("US", "Japan", "NAT", "gov", "<"),
    "sql": SQL,
    "view": ("overview", "events", "dyad", "actors", "actor", "network", "map", "alerts", "sql"),
    "fmt": ("csv", "json"),
    "file": ("app.js", "style.css", "../app.py", "missing.png"),
}
RAW_PATHS = ("%ff%fe", "%00", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%c0%ae%c0%ae", "%", "%zz", "a%2fb")
GOOD["source"] = GOOD["target"] = GOOD["name"] = GOOD["actor"]
# Markup of the hostile values and the stored articles that must never come back unescaped: tags with handlers, the
# stored <b>Ukraine</b> and <i>War</i>, javascript: links. Script tags: INLINE_SCRIPT (pages have only their own).
RAW_MARKUP = re.compile(
    r"<(?:img|svg|iframe)\b[^>]*\bon\w+\s*=|<b>Ukraine|<i>War|(?:href|src|action)\s*=\s*[\"']?\s*javascript:", re.I
)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|type=\"application/json\"))[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Endpoint:
    """A GET route to ask: an API endpoint (from the OpenAPI description) or a page, with its parameters."""

    path: str
    params: tuple[tuple[str, str, dict[str, Any]], ...]  # (name, "query" or "path", schema)
    page: bool


SCRIPT = "<script>alert('stored')</script>"


@dataclass(frozen=True)
class Told:
    """A stored sentence and its event: who (code, words) did what (trigger, CAMEO code) to whom, on which day."""

    text: str
    source: tuple[str, str]
    target: tuple[str, str]
    trigger: str
    cameo: str
    day: str | None


TOLD = (
    Told(f"{SCRIPT} Russia attacked <b>Ukraine</b> again.", ("RUS", "Russia"), ("UKR", "<b>Ukraine</b>"), "attacked",
         "190", "2025-03-20"),
    Told("Japan \u202e signed {{7*7}} a pact with NATO ${7*7}.", ("JPN", "Japan"), ("NAT", "NATO"), "signed", "057",
         "2025-03-21"),
    Told("China'; DROP TABLE events; -- criticised NATO\x00 today.", ("CHN", "China'"), ("NAT", "NATO"), "criticised",
         "111", None),
    Told("Turkey accused Greece at the end of time.", ("TUR", "Turkey"), ("GRC", "Greece"), "accused", "111",
         "9999-12-31"),
    Told("Egypt signed a pact with Israel in year one.", ("EGY", "Egypt"), ("ISR", "Israel"), "signed", "057",
         "0001-01-01"),
)  # fmt: skip
KINDS = {"190": (4, -10.0, "ASSAULT"), "057": (1, 8.0, "AGREE"), "111": (3, -2.0, "ACCUSE")}


def hostile_articles() -> list[Any]:
    """Coded articles whose text, title, source, url and place carry markup, controls and odd Unicode, and
    events dated on the first and the last day of the calendar."""
    from thucydides.models import Actor, Article, CodedArticle, Event, Explanation, Location, Plover, Span

    made = []
    for i, told in enumerate(TOLD):
        text = told.text
        actors = [
            Actor(code, code[:3], None, (), words, words, text.index(words), text.index(words) + len(words))
            for code, words in (told.source, told.target)
        ]
        at = text.index(told.trigger)
        quad, goldstein, plover = KINDS[told.cameo]
        day = dt.date.fromisoformat(told.day) if told.day else None
        place = Location(f"{SCRIPT}Kyiv", "UKR", 50.45, 30.52, geonames_id=703448, full_name=SCRIPT)
        event = Event(
            f"{0xF0000 + i:016x}", f"hostile-{i}", 0, text, 0, day, actors[0], actors[1], told.cameo, quad, goldstein,
            Plover(plover), Span(told.trigger, at, at + len(told.trigger)), 0.9, Explanation("rule", SCRIPT, SCRIPT),
            place if i % 2 == 0 else None,
        )  # fmt: skip
        article = Article(f"hostile-{i}", text, day, f"{SCRIPT}<i>War</i>", "javascript:alert(1)",
                          "<img src=x onerror=alert(1)>")  # fmt: skip
        made.append(CodedArticle(article, (event,), 1))
    return made


def make_store(path: Path, seed: int) -> list[str]:
    """A store of 400 synthetic events and the hostile articles; returns some of its event ids."""
    from thucydides.store import Store
    from thucydides.store.bench import make_articles

    with Store.open(path) as store:
        store.ingest([*make_articles(400, seed), *hostile_articles()])
        ids = [str(row["GlobalEventID"]) for row in store.rows("SELECT GlobalEventID FROM events LIMIT 20")]
    return ids


def endpoints(app: Any) -> list[Endpoint]:
    """Every GET endpoint of the OpenAPI description, and the dashboard's pages with all the query parameters."""
    from thucydides.web.views import PAGE_VIEWS

    found: list[Endpoint] = []
    shared: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for path, operations in app.openapi()["paths"].items():
        if "get" not in operations:
            continue
        params = tuple((p["name"], p["in"], _schema(p["schema"])) for p in operations["get"].get("parameters", []))
        found.append(Endpoint(path, params, page=False))
        shared |= {name: (name, where, schema) for name, where, schema in params if where == "query"}
    query = tuple(shared.values())
    pages = [*PAGE_VIEWS, "/events/{event_id}", "/download/{view}.{fmt}", "/static/{file}"]
    for page in pages:
        fill = tuple((name, "path", {"type": "string"}) for name in re.findall(r"{(\w+)}", page))
        found.append(Endpoint(page, fill + query, page=True))
    return found


def _schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema without its ``anyOf [..., null]`` wrapping."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    return options[0] if options else schema


def hostile(rng: random.Random) -> str:
    """A value from the hostile list, repeated up to 400 times, random Unicode, or SQL."""
    draw = rng.random()
    if draw < 0.7:
        return rng.choice(HOSTILE)
    if draw < 0.8:
        return rng.choice(HOSTILE) * rng.randint(2, 400)
    if draw < 0.9:
        return "".join(
            chr(rng.choice((rng.randint(1, 0xD7FF), rng.randint(0xE000, 0x10FFFF)))) for _ in range(rng.randint(1, 300))
        )
    return rng.choice(SQL)


def value(rng: random.Random, name: str, schema: dict[str, Any], ids: list[str], share: float) -> str:
    """A valid value (``share`` of the time) or a hostile one."""
    return valid(rng, name, schema, ids) if rng.random() < share else hostile(rng)


def valid(rng: random.Random, name: str, schema: dict[str, Any], ids: list[str]) -> str:
    """A value the parameter accepts, or nearly (bounds ± 1), so that requests reach the code behind the checks."""
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    if "enum" in schema:
        return str(rng.choice(schema["enum"]))
    if name == "event_id":
        return rng.choice(ids)
    if name in GOOD:
        return rng.choice(GOOD[name])
    if schema.get("format") == "date":
        return (dt.date(2021, 12, 1) + dt.timedelta(days=rng.randint(0, 1200))).isoformat()
    kind = schema.get("type")
    if kind == "boolean":
        return rng.choice(("true", "false", "1", "0", "yes", "off"))
    if kind in ("integer", "number"):
        low, high = schema.get("minimum", -10), schema.get("maximum", 1000)
        number = rng.choice((low - 1, low, high, high + 1, rng.uniform(low, high)))
        return str(int(number)) if kind == "integer" else f"{number:g}"
    return rng.choice(GOOD["actor"])


def make_request(rng: random.Random, endpoint: Endpoint, ids: list[str]) -> tuple[str, list[tuple[str, str]] | str]:
    """A path and its query: random parameters with good and hostile values, repeated, unknown; or a raw query."""
    path = endpoint.path
    pairs: list[tuple[str, str]] = []
    share = rng.choice((0.3, 0.7, 0.95))  # some requests get past the checks, to reach the code behind them
    for name, where, schema in endpoint.params:
        if where == "path":
            raw = rng.choice(RAW_PATHS) if rng.random() < 0.05 else quote(value(rng, name, schema, ids, share), safe="")
            path = path.replace("{" + name + "}", raw)
        elif rng.random() < 0.3:
            repeat = rng.randint(1, 6) if schema.get("type") == "array" else rng.choice((1, 1, 1, 2, 3))
            pairs += [(name, value(rng, name, schema, ids, share)) for _ in range(repeat)]
    if rng.random() < 0.1:
        pairs.append((hostile(rng) or "x", hostile(rng)))
    rng.shuffle(pairs)
    if rng.random() < 0.05:
        return path, rng.choice(
            ("actor=%ff%fe", "from=%", "quad=%zz&quad=", "&&&=&a=b=c", "sql=%00%27", "q=" + "%" * 50)
        )
    return path, pairs


def answer_problems(path: str, status: int, content_type: str, body: str) -> list[str]:
    """What is wrong with an answer: a 5xx, a traceback, an API error without its numbered code, an echoed script."""
    problems = []
    if status >= 500:
        problems.append(f"status {status}")
    if "Traceback" in body:
        problems.append("traceback in the body")
    if "json" in content_type:
        try:
            data = strict_json(body)
        except ValueError as err:
            return [*problems, f"the body is not JSON ({err})"]
        if status >= 400 and not _numbered(data):
            problems.append("an error without a numbered code and message")
    elif path.startswith("/api/") and status >= 400:
        problems.append(f"an API error as {content_type or 'nothing'}, not JSON")
    if "text/html" in content_type:
        problems += [f"raw markup {m!r} in the page" for m in RAW_MARKUP.findall(body)]
        problems += [f"inline script {s!r}" for s in INLINE_SCRIPT.findall(body)]
        if status >= 400 and not re.search(r"E\d{3}", body):
            problems.append("an error page without a numbered code")
    return problems


def _numbered(data: Any) -> bool:
    error = data.get("error") if isinstance(data, dict) else None
    return isinstance(error, dict) and bool(CODE.match(str(error.get("code")))) and bool(error.get("message"))


class Caught(logging.Handler):
    """Keeps the exceptions the app logs (its answer to them is a 500), to say what failed."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.last = ""

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None:
            self.last = "".join(traceback.format_exception(record.exc_info[1])[-3:]).strip()


def fuzz_api(seed: int, count: int, only: int | None = None) -> ApiReport:
    """Send ``count`` hostile GET requests to the app in-process (loopback only) and check every answer."""
    from fastapi.testclient import TestClient

    from thucydides.web import ServerConfig, create_app

    report = ApiReport(seed)
    caught = Caught()
    logging.getLogger("thucydides.web").addHandler(caught)
    with tempfile.TemporaryDirectory(prefix="thucydides-fuzz-api-") as tmp:
        store = Path(tmp) / "fuzz.duckdb"
        ids = make_store(store, seed)
        app = create_app(ServerConfig(store))
        found = endpoints(app)
        with TestClient(
            app, base_url="http://127.0.0.1", raise_server_exceptions=False, follow_redirects=False
        ) as client:
            for case in [only] if only is not None else range(count):
                ask(client, case, case_rng(seed, "api", case), found, ids, report, caught)
    logging.getLogger("thucydides.web").removeHandler(caught)
    return report


def ask(client: Any, case: int, rng: random.Random, found: list[Endpoint], ids: list[str], report: ApiReport,
        caught: Caught) -> None:  # fmt: skip
    page = rng.random() < 0.3
    endpoint = rng.choice([e for e in found if e.page == page])
    path, query = make_request(rng, endpoint, ids)
    caught.last = ""
    try:
        response = client.get(path + "?" + query) if isinstance(query, str) else client.get(path, params=query)
    except Exception as err:  # the client could not even send it: a generator bug, reported all the same
        report.failures.append(Failure("api", case, "client", f"{path} {query!r}: {err!r}"))
        return
    report.requests += 1
    report.endpoints[endpoint.path] += 1
    report.statuses[f"{response.status_code // 100}xx"] += 1
    problems = answer_problems(response.url.path, response.status_code, response.headers.get("content-type", ""),
                               response.text)  # fmt: skip
    for problem in problems:
        detail = f"GET {str(response.url)[:300]} -> {response.status_code}" + (
            f"\n{caught.last}" if caught.last else ""
        )
        report.failures.append(Failure("api", case, problem, detail))
