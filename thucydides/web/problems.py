"""Errors as HTTP answers: a status and a JSON body (API) or an error page (dashboard), never a bare 500.

Every answer carries a numbered error from :mod:`thucydides.errors`: E405 for a bad
query parameter, E406 for a write to a read-only server, E43x for an unknown actor
or value, E41x when the store cannot be read.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ..errors import Errors, ThucydidesError

log = logging.getLogger("thucydides.web")

STATUS = {
    "E405": 400,
    "E406": 403,
    "E411": 409,
    "E413": 503,
    "E415": 403,
    "E431": 404,
    "E433": 404,
    "E434": 404,
    "E432": 400,
    "E461": 401,
    "E462": 404,
    "E464": 404,
    "E465": 400,
}
STORE_TROUBLE = ("E412", "E414", "E416")  # the file is missing or not a store: the server cannot serve


class BadParameter(ThucydidesError):
    """A query parameter the types accept but the request cannot use (E405)."""

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(Errors.E405, name=name, detail=detail)
        self.parameter = name


def status_of(error: ThucydidesError) -> int:
    if error.code in STORE_TROUBLE:
        return 503
    return STATUS.get(error.code, 400)


def body(code: str, message: str, parameter: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "parameter": parameter}}


def validation_problem(error: RequestValidationError) -> tuple[str, str, str | None]:
    """The first thing wrong with a request, as (code, message, parameter)."""
    first = error.errors()[0] if error.errors() else {"loc": ("query", "?"), "msg": "invalid"}
    where = [str(part) for part in first.get("loc", ())]
    if where and where[0] == "body":
        detail = f"{'.'.join(where[1:]) or 'body'}: {first.get('msg', 'invalid')}"
        return "E465", Errors.E465.format(detail=detail), None
    name = where[1] if len(where) > 1 else (where[0] if where else "?")
    detail = str(first.get("msg", "invalid"))
    if "input" in first and first["input"] is not None and not isinstance(first["input"], dict | list):
        detail += f" (got {str(first['input'])[:60]!r})"
    return "E405", Errors.E405.format(name=name, detail=detail), name


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and request.method == "GET"


async def on_validation(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    code, message, parameter = validation_problem(error)
    return _answer(request, 400, code, message, parameter)


async def on_thucydides(request: Request, error: Exception) -> Response:
    assert isinstance(error, ThucydidesError)
    headers = {"Retry-After": "5"} if error.code == "E413" else {}
    if error.code == "E461":
        headers["WWW-Authenticate"] = "Bearer"
    parameter = getattr(error, "parameter", None)
    return _answer(request, status_of(error), error.code, error.message, parameter, headers)


async def on_http(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if error.status_code == 404:
        return _answer(request, 404, "E464", Errors.E464.format(path=request.url.path))
    return _answer(request, error.status_code, "E405", str(error.detail))


async def on_unexpected(request: Request, error: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path, exc_info=error)
    return _answer(request, 500, "E469", Errors.E469.format(detail=type(error).__name__))


def _answer(
    request: Request,
    status: int,
    code: str,
    message: str,
    parameter: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    if wants_html(request):
        from .pages import error_page

        return error_page(request, status, code, message, headers)
    return JSONResponse(body(code, message, parameter), status_code=status, headers=headers)


HANDLERS = {
    RequestValidationError: on_validation,
    ThucydidesError: on_thucydides,
    HTTPException: on_http,
    Exception: on_unexpected,
}
