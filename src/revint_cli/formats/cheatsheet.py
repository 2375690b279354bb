"""The cheat sheet as data: the `revint.sheet/1` contract, one typed model.

The planner (tailor) builds a `Sheet`; the renderers (markdown, JSON) read it; sessions write it as JSON and
read it back through the same model, so a hand-edited sheet fails with its file and line, never deep inside
a command.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from revint_cli import loading
from revint_cli.fields import Id, Line, Note, Strict
from revint_cli.formats.profile import Interviewer, Profile, to_data
from revint_cli.untrusted import to_json
from revint_cli.vocab import CLOSING_THEME

SCHEMA = "revint.sheet/1"
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
    warnings: list[Words] = Field(default_factory=list)
    recheck: Words | None = None  # next round: why it is asked again
    reach: Words | None = None  # nobody named can answer it: whom to ask to be put in touch with


class Uncovered(Strict):
    """A priority theme the sheet could not cover, and why."""

    theme: Id
    reason: Words


class Sheet(Strict):
    schema_: Literal["revint.sheet/1"] = Field("revint.sheet/1", alias="schema")
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

    model_config = {"populate_by_name": True}

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


def read(path: Path) -> Sheet:
    """A sheet revint wrote, checked: any problem is `FILE:LINE: where: what`, exit 2."""
    sheet, _ = loading.load(path, Sheet)
    return sheet
