"""An endpoint that waits for the store runs in the pool of threads, and its answer is checked on the event loop."""

from __future__ import annotations

import inspect
import threading
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel, field_validator

from thucydides.web import ServerConfig, create_app
from thucydides.web.threads import in_a_thread

seen: dict[str, str] = {}


class Answer(BaseModel):
    n: int

    @field_validator("n")
    @classmethod
    def _checked(cls, n: int) -> int:
        seen["checked"] = threading.current_thread().name
        return n


async def on_the_loop() -> None:
    seen["loop"] = threading.current_thread().name


app = FastAPI()


@app.get("/double", response_model=Answer)
@in_a_thread
def double(n: int, _: Annotated[None, Depends(on_the_loop)]) -> dict[str, int]:
    """Twice n."""
    seen["view"] = threading.current_thread().name
    return {"n": 2 * n}  # made an Answer, and checked, by FastAPI


def test_the_view_runs_in_a_thread_and_its_answer_is_checked_on_the_loop() -> None:
    seen.clear()
    with TestClient(app) as client:
        answer = client.get("/double", params={"n": 21})
        refused = client.get("/double", params={"n": "many"})
    assert answer.json() == {"n": 42}
    assert refused.status_code == 422  # the view's own parameters, read from its signature
    assert seen["view"] != seen["loop"] and seen["checked"] == seen["loop"]


def test_the_endpoint_keeps_the_views_name_signature_and_documentation() -> None:
    assert double.__name__ == "double" and double.__doc__ == "Twice n."
    assert list(inspect.signature(double).parameters) == ["n", "_"]
    assert inspect.iscoroutinefunction(double)


def test_every_api_endpoint_has_its_answer_checked_on_the_loop(tmp_path: Path) -> None:
    application = create_app(ServerConfig(tmp_path / "store.duckdb"))
    included = [top.original_router.routes if hasattr(top, "original_router") else [top] for top in application.routes]
    routes = [r for group in included for r in group if isinstance(r, APIRoute) and r.path.startswith("/api/")]
    assert len(routes) > 10
    plain = [r.path for r in routes if not inspect.iscoroutinefunction(r.endpoint) and "GET" in r.methods]
    assert plain == []
