"""Screenshots of every dashboard page, for docs/web.md (docs/img/web-*.png).

    python scripts/synthetic_stories.py stories.jsonl
    thucydides ingest stories.jsonl --store stories.duckdb
    python scripts/screenshots.py --store stories.duckdb

Starts the server on a free loopback port, opens each page in Debian's headless
Chromium (Playwright with /usr/bin/chromium), waits for its charts, and saves it.
The pair, the actor and the event shown are the store's busiest.
"""

from __future__ import annotations

import argparse
import json
import socket
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import uvicorn
from playwright.sync_api import sync_playwright

from thucydides.web import ServerConfig, create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def start(store: Path) -> tuple[uvicorn.Server, str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(ServerConfig(store)), log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{sock.getsockname()[1]}"


def fetch(base: str, path: str, **params: object) -> object:
    with urllib.request.urlopen(f"{base}{path}?{urlencode(params)}") as response:
        return json.load(response)


def pages(base: str) -> dict[str, str]:
    """Name → path of each page to photograph, picked from what the store holds."""
    top = fetch(base, "/api/dyads", limit=1)
    actors = fetch(base, "/api/actors", limit=1)
    assert isinstance(top, list) and isinstance(actors, list) and top and actors, "the store holds no events"
    pair = {"source": top[0]["source"], "target": top[0]["target"]}
    found = fetch(base, "/api/events", sort="most_reported", limit=1, **pair)
    assert isinstance(found, dict)
    return {
        "overview": "/",
        "events": "/events?" + urlencode({"limit": 12, "quad": 4}),
        "dyad": "/dyad?" + urlencode({**pair, "limit": 8}),
        "actor": "/actor?" + urlencode({"actor": actors[0]["key"], "limit": 6}),
        "network": "/network",
        "map": "/map",
        "alerts": "/alerts",
        "event": f"/events/{found['events'][0]['id']}",
    }


PHONE = 390  # an iPhone 12-15 screen, in CSS pixels
PHONE_PAGES = ("overview", "events", "map", "sql")


def shoot(base: str, out: Path, width: int = 1360) -> list[Path]:
    written = []
    shots = pages(base) | {
        "sql": "/sql?sql=" + urllib.parse.quote("SELECT EventRootCode, count(*) FROM events GROUP BY 1")
    }
    if width == PHONE:
        shots = {name: path for name, path in shots.items() if name in PHONE_PAGES}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=1)
        for name, path in shots.items():
            page.goto(base + path)
            if page.locator(".chart").count():
                page.wait_for_selector(".chart[data-drawn]")
                page.wait_for_timeout(300)  # let the map fetch and draw its country shapes
            target = out / (f"web-{name}-{width}.png" if width == PHONE else f"web-{name}.png")
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("stories.duckdb"), help="the store to show")
    parser.add_argument("--out", type=Path, default=Path("docs/img"), help="where to write web-*.png")
    parser.add_argument("--width", type=int, default=1360, help=f"screen width; {PHONE} writes web-*-{PHONE}.png")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    server, base = start(options.store)
    try:
        for path in shoot(base, options.out, options.width):
            print(f"wrote {path}")
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main()
