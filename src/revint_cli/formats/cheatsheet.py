"""The cheat sheet as data: the `revint.sheet/2` contract, one typed model.

The planner (`planning.tailor`) builds a `Sheet`; the renderers (`render`) read it; sessions write it as JSON
and read it back through the same model, so a hand-edited sheet fails with its file and line, never deep
inside a command. What the planner says about a question or a theme (a warning, why it is asked again, whom
to ask to be put in touch with, why a priority is not covered) is a code with parameters
(`formats.reasons`), worded only by `render.words`.

A sheet of the first release (`revint.sheet/1`) held those as English sentences: it is read all the same,
each sentence kept as the `text` of a `legacy` code (never parsed), and shown as it was written.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from revint_cli import loading
from revint_cli.fields import Id, Line, Note, Strict
from revint_cli.formats.profile import Interviewer, Profile, to_data
from revint_cli.formats.reasons import Reach, Reason, Recheck, Warning
from revint_cli.untrusted import to_json
from revint_cli.vocab import CLOSING_THEME

SCHEMA = "revint.sheet/2"
FIRST_RELEASE = "revint.sheet/1"
Words = Annotated[str, Field(max_length=2000)]


class Signals(Strict):
    green: list[Words] = Field(default_factory=list)
    red: list[Words] = Field(default_factory=list)


class Item(Strict):
    """One question on the sheet, from the bank or the candidate's own."""

    id: Id
    theme: Id
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    minutes: Annotated[int, Field(ge=1, le=10)]
    ask: Interviewer | None = None
    why: Words = ""
    follow_ups: list[Words] = Field(default_factory=list)
    listen_for: Signals = Field(default_factory=Signals)
    source: Literal["bank", "custom"] = "bank"
    warnings: list[Warning] = Field(default_factory=list)  # the candidate's own question: what to know about it
    recheck: Recheck | None = None  # next round: why it is asked again
    reach: Reach | None = None  # nobody named can answer it: whom to ask to be put in touch with


class Uncovered(Strict):
    """A priority theme the sheet could not cover, and why."""

    theme: Id
    reason: Reason


class MissedTopic(Strict):
    """A topic that decides jobs in the profile's sector, not on the sheet: the question that would ask it,
    and why it is not there."""

    topic: Id
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    question: str = ""  # the id of the bank question that would ask it
    theme: str = ""
    reason: Reason


class Fact(Strict):
    """A dated, sourced fact of the job's country on a topic the sheet asks about (data/countries.yaml)."""

    topic: Id
    country: Line
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    source: Annotated[str, Field(min_length=1, max_length=500)]
    as_of: dt.date


class Sheet(Strict):
    schema_: Literal["revint.sheet/2"] = Field("revint.sheet/2", alias="schema")
    company: Line
    role: Line
    profile: Profile
    budget_minutes: Annotated[int, Field(ge=1, le=1000)]
    planned_minutes: Annotated[int, Field(ge=0, le=1000)]
    research: dict[Id, Note] = Field(default_factory=dict)
    theme_titles: dict[Id, Line] = Field(default_factory=dict)
    questions: list[Item] = Field(default_factory=list)
    backup: list[Item] = Field(default_factory=list)
    uncovered: list[Uncovered] = Field(default_factory=list)
    missed_topics: list[MissedTopic] = Field(default_factory=list)  # the sector's decisive topics not fitted
    audience_labels: dict[Id, Line] = Field(default_factory=dict)  # how the sector calls the people met
    facts: list[Fact] = Field(default_factory=list)  # the country's facts on the topics asked

    model_config = {"populate_by_name": True}

    @model_validator(mode="before")
    @classmethod
    def _first_release(cls, data: Any) -> Any:
        return from_first_release(data)

    def all_items(self) -> Iterator[Item]:
        yield from self.questions
        yield from self.backup

    def ids(self) -> list[str]:
        return [item.id for item in self.all_items()]

    def find(self, question_id: str) -> Item | None:
        return next((item for item in self.all_items() if item.id == question_id), None)

    def in_theme(self, theme: str) -> list[Item]:
        return [item for item in self.questions if item.theme == theme]

    def theme_order(self) -> list[str]:
        """The themes of the planned questions, in sheet order (the closing theme last)."""
        return list(dict.fromkeys(item.theme for item in self.questions))

    def title(self, theme: str) -> str:
        return self.theme_titles.get(theme, theme)

    def closing(self) -> list[Item]:
        return self.in_theme(CLOSING_THEME)

    def to_json(self) -> str:
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        data["profile"] = to_data(self.profile)
        return to_json(data)


def from_first_release(data: Any) -> Any:
    """The data of a `revint.sheet/1` sheet as `revint.sheet/2`: each English sentence becomes the `text` of
    a `legacy` code, as it was. Anything else (a sheet/2, or data that is no sheet) is returned unchanged,
    for the model to check."""
    if not isinstance(data, dict) or data.get("schema") != FIRST_RELEASE:
        return data
    out = {**data, "schema": SCHEMA}
    for key in ("questions", "backup"):
        if isinstance(data.get(key), list):
            out[key] = [_legacy_item(item) for item in data[key]]
    if isinstance(data.get("uncovered"), list):
        out["uncovered"] = [_legacy_field(gap, "reason", _coded) for gap in data["uncovered"]]
    return out


def _coded(text: str) -> dict[str, Any]:
    return {"code": "legacy", "params": {"text": text}}


def _worded(text: str) -> dict[str, Any]:
    return {"text": text}


def _legacy_item(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    item = _legacy_field(_legacy_field(item, "recheck", _worded), "reach", _worded)
    if isinstance(item.get("warnings"), list):
        item = {**item, "warnings": [_coded(w) if isinstance(w, str) else w for w in item["warnings"]]}
    return item


def _legacy_field(data: Any, key: str, convert: Callable[[str], dict[str, Any]]) -> Any:
    """`data` with its sentence under `key` (if it is one) converted."""
    if isinstance(data, dict) and isinstance(data.get(key), str):
        return {**data, key: convert(data[key])}
    return data


def read(path: Path) -> Sheet:
    """A sheet revint wrote, of this release or the first, checked: any problem is `FILE:LINE: where: what`,
    exit 2."""
    sheet, _doc = loading.load(path, Sheet)
    return sheet
