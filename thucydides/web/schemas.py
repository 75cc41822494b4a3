"""Shapes of API answers that are not analysis dataclasses already, for the OpenAPI description."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="The stable error number, e.g. E405.")
    message: str = Field(description="What went wrong and how to fix it.")
    parameter: str | None = Field(default=None, description="The query parameter at fault, if any.")


class ErrorOut(BaseModel):
    error: ErrorDetail


class ActorOut(BaseModel):
    text: str
    kind: str = Field(description="country, group or code (an actor-code prefix).")
    value: str
    name: str | None = None


class PeriodOut(BaseModel):
    start: dt.date
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    total: int
    goldstein_sum: float
    goldstein_mean: float | None


class TimelineOut(BaseModel):
    source: ActorOut | None = None
    target: ActorOut | None = None
    actor: ActorOut | None = None
    directed: bool | None = None
    freq: str
    unit: str
    periods: list[PeriodOut]


class DyadOut(BaseModel):
    source: str
    target: str
    source_name: str | None = None
    target_name: str | None = None
    events: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None


class AlertOut(BaseModel):
    kind: str = Field(description="actor or dyad")
    key: str
    measure: str = Field(description="conflict or cooperation")
    week_end: dt.date
    current: int
    baseline: list[int] = Field(description="The four weeks before, most recent first.")
    baseline_mean: float
    direction: str = Field(description="increase or decrease")
    score: float = Field(description="Standard deviations from the baseline mean.")


class PartnerOut(BaseModel):
    partner: str
    name: str | None = None
    events: int
    cooperation: int
    conflict: int


class RootOut(BaseModel):
    root: str
    name: str | None = None
    events: int


class ActorSummaryOut(BaseModel):
    actor: ActorOut
    as_source: int
    as_target: int
    first_date: dt.date | None
    last_date: dt.date | None
    quad_counts: dict[str, int]
    goldstein_mean: float | None
    partners: list[PartnerOut]
    codes: list[RootOut]


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=1_000_000, description="The article text.")
    id: str | None = Field(default=None, max_length=200)
    date: dt.date | None = Field(default=None, description="Publication date: anchors 'on Tuesday' and offices.")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200, description="The outlet (Reuters, AFP …).")


class IngestOut(BaseModel):
    stored: bool = Field(description="False when the same text was already in the store.")
    sentences: int
    mentions: int = Field(description="Events coded in the article (each a mention of a stored event).")
    new_events: int
    event_ids: list[str] = Field(description="The ids of the events the article reports, for /api/events/{id}.")
