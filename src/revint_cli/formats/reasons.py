"""Why the planner did what it did, as data: a code and its parameters, worded only where it is shown.

The planner, the next round and the fit record these; the renderers word them through one table
(`render.words`), so a message can be reworded or translated without changing what any module decides,
and nothing ever parses a sentence another module wrote.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from revint_cli.fields import Strict

# Why a priority (or a theme the candidate must hear about) has no question on the sheet.
UncoveredCode = Literal[
    "unknown-theme",  # the bank has no such theme
    "no-questions",  # the theme has no questions at all
    "no-time",  # someone named can answer, but time ran out; params: minutes (of its best question)
    "nobody-can-answer",  # no time left to ask to be put in touch; params: audiences (who could answer)
    "no-stage-fit",  # params: stage
    "later-stage",  # a sector's decisive topic asked at other stages; params: stage, stages (their windows)
    "no-tag-fit",  # params: seniority, role_family, work_mode
    "answered-earlier",  # answered well in an earlier round
    "researched",  # the research note answers its questions
    "legacy",  # read from a sheet of the first release; params: text (its English wording)
]
# What the candidate should know about one of their own questions.
WarningCode = Literal[
    "closed-question",  # reads as a yes/no question
    "pay-too-early",  # pay or time off before the final stage; params: stage
    "repeats-bank",  # params: question (the id of the bank question it repeats, left out)
    "did-not-fit",  # params: minutes (the candidate's budget)
    "legacy",  # params: text
]
# A number first: sheets are read back through the YAML reader, which gives every scalar as a string.
Param = Annotated[int | str | list[str], Field(union_mode="left_to_right")]


class Reason(Strict):
    code: UncoveredCode
    params: dict[str, Param] = Field(default_factory=dict)


class Warning(Strict):
    code: WarningCode
    params: dict[str, Param] = Field(default_factory=dict)


class Recheck(Strict):
    """A question asked again because an earlier round's answer was red: who gave that answer, and whether
    someone else is named to ask this time."""

    role: str | None = None  # an audience id, or "interviewer" when the earlier round named nobody; None on a
    # sheet of the first release, which kept only the wording
    other_named: bool = True
    text: str | None = None  # the wording of a sheet of the first release, kept as it was


class Reach(Strict):
    """Nobody met can answer this question: ask to be put in touch with one of `audiences`."""

    audiences: list[str] = Field(default_factory=list)
    text: str | None = None  # the wording of a sheet of the first release, kept as it was
