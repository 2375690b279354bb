"""What the employer answered: the debrief format (a contract) and its checks against the sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field, model_validator

from revint_cli import loading, yamlio
from revint_cli.i18n import N_, _
from revint_cli.fields import Gut, Id, Note, OwnQuestionText, Strict, int_range, version
from revint_cli.vocab import Rating

if TYPE_CHECKING:
    from revint_cli.formats.cheatsheet import Sheet

Version = version(1)
SCORE = {"green": 1.0, "yellow": 0.5, "red": 0.0}


class Answer(Strict):
    asked: bool
    rating: Rating | None = None
    note: Note = ""

    @model_validator(mode="after")
    def _rated_when_asked(self) -> Answer:
        if self.asked and self.rating is None:
            raise ValueError(_("an asked question needs a rating: green, yellow or red"))
        return self


class Extra(Strict):
    text: OwnQuestionText
    theme: Id
    rating: Rating
    note: Note = ""


class Debrief(Strict):
    version: Version = 1  # type: ignore[valid-type]
    round: int_range(1, 99) | None = None  # type: ignore[valid-type]
    answers: dict[str, Answer] = Field(default_factory=dict)
    extra: list[Extra] = Field(default_factory=list)
    gut: Gut | None = None
    notes: Note = ""


def check_against_sheet(debrief: Debrief, sheet: Sheet, theme_ids: list[str]) -> list[loading.Problem]:
    """Question ids the sheet does not hold and themes the bank does not know."""
    ids = sheet.ids()
    problems: list[loading.Problem] = []
    for qid in debrief.answers:
        if qid not in ids:
            problems.append((("answers", qid), loading.unknown(N_("question"), qid, ids)))
    for i, extra in enumerate(debrief.extra):
        if extra.theme not in theme_ids:
            problems.append((("extra", i, "theme"), loading.unknown(N_("theme"), extra.theme, theme_ids)))
    return problems


def to_yaml(debrief: Debrief) -> str:
    data = debrief.model_dump(mode="json", exclude_none=True)
    for answer in data.get("answers", {}).values():
        if not answer.get("note"):
            answer.pop("note", None)
    return "# revint debrief: what the employer answered.\n" + yamlio.dump(data)
