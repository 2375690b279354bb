"""The interviewer's brief: the other side of the table. Pure functions; no terminal, no files.

An interviewer describes the role and who they are to the candidate (a `BriefProfile`). The brief mirrors
that into the profile of a candidate who meets this one person (`mirrored_profile`) and lets the planner
choose exactly the questions that candidate's `revint prep` would ask them (`tailor.plan`, the same rules).
Each question then says what the candidate wants to learn (the bank's `why`), what an honest strong answer
contains (the green signals rewritten as guidance, `interviewer.guidance`), and what worries a prepared
candidate (the red signals). Around them: the personal prompts first, the process checklist last.
`Brief` is the output contract (`revint.brief/1`); its markdown is `render.brief_md`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from revint_cli.formats.reasons import Reach
from revint_cli.fields import Id, Line, Note, Strict
from revint_cli.formats.cheatsheet import Item, Uncovered
from revint_cli.formats.profile import Interviewer, Job, Profile
from revint_cli.i18n import _
from revint_cli.interviewer.answers import PERSONAL, PROCESS, BriefProfile, to_data
from revint_cli.interviewer.guidance import guidance, worry
from revint_cli.untrusted import to_json

if TYPE_CHECKING:
    from revint_cli.questionbank import Bank

Words = Annotated[str, Field(max_length=2000)]


def mirrored_profile(profile: BriefProfile) -> Profile:
    """The candidate on the other side: the same role and stage, meeting only this interviewer (by role),
    with the company's themes as their priorities and no research yet."""
    return Profile(
        **{key: getattr(profile, key) for key in Job.model_fields},  # the job, as both sides describe it
        minutes=profile.minutes,
        interviewers=[Interviewer(role=profile.interviewer.role)],
        priorities=list(profile.themes),
    )


class Prompt(Strict):
    """A personal prompt or a step of the process checklist, with the interviewer's drafted answer."""

    id: Id
    text: Words
    answer: Note = ""


class BriefItem(Strict):
    """One question a candidate is likely to ask this interviewer, and how to prepare for it."""

    id: Id
    theme: Id
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    minutes: Annotated[int, Field(ge=1, le=10)]
    why: Words = ""  # what the candidate is trying to learn
    strong: list[Words] = Field(default_factory=list)  # what an honest strong answer contains
    worries: list[Words] = Field(default_factory=list)  # what worries a prepared candidate
    follow_ups: list[Words] = Field(default_factory=list)  # what they ask when the answer stays vague
    refer: Words | None = None  # nobody else is named: whom to offer to put them in touch with
    answer: Note = ""
    example: Note = ""


class Brief(Strict):
    """The `revint.brief/1` contract: what `--format json` prints, and what reads it back."""

    schema_: Literal["revint.brief/1"] = Field("revint.brief/1", alias="schema")
    company: Line
    role: Line
    profile: BriefProfile
    budget_minutes: Annotated[int, Field(ge=1, le=1000)]
    planned_minutes: Annotated[int, Field(ge=0, le=1000)]
    theme_titles: dict[Id, Line] = Field(default_factory=dict)
    personal: list[Prompt] = Field(default_factory=list)
    questions: list[BriefItem] = Field(default_factory=list)
    also_likely: list[BriefItem] = Field(default_factory=list)
    uncovered: list[Uncovered] = Field(default_factory=list)
    process: list[Prompt] = Field(default_factory=list)

    model_config = {"populate_by_name": True}

    def title(self, theme: str) -> str:
        return self.theme_titles.get(theme, theme)

    def ids(self) -> list[str]:
        return [item.id for item in (*self.questions, *self.also_likely)]

    def to_json(self) -> str:
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        data["profile"] = to_data(self.profile.model_copy(update={"answers": {}}))
        return to_json(data)


def _refer(reach: Reach | None) -> str | None:
    """Whom the interviewer offers to put the candidate in touch with, worded by `render.words`."""
    from revint_cli.render import words

    return words.refer(reach) if reach else None


def _item(item: Item, profile: BriefProfile) -> BriefItem:
    drafted = profile.answer(item.id)
    return BriefItem(
        id=item.id,
        theme=item.theme,
        text=item.text,
        minutes=item.minutes,
        why=item.why,
        strong=[guidance(g) for g in item.listen_for.green],
        worries=[worry(r) for r in item.listen_for.red],
        follow_ups=list(item.follow_ups),
        refer=_refer(item.reach),
        answer=drafted.answer,
        example=drafted.example,
    )


def _prompts(prompts: Iterable[tuple[str, str]], profile: BriefProfile) -> list[Prompt]:
    return [Prompt(id=pid, text=_(text), answer=profile.answer(pid).answer) for pid, text in prompts]


def plan(bank: Bank, profile: BriefProfile) -> Brief:
    """The brief: the questions the mirrored candidate's sheet holds, in its order, seen from this side."""
    from revint_cli.planning import tailor as tailor

    sheet = tailor.plan(bank, mirrored_profile(profile))
    items = [_item(i, profile) for i in sheet.questions]
    spare = [_item(i, profile) for i in sheet.backup if i.source == "bank"]
    titles = {t.id: t.title for t in bank.themes.values()}
    return Brief(
        company=profile.company,
        role=profile.role,
        profile=profile,
        budget_minutes=profile.minutes,
        planned_minutes=sheet.planned_minutes,
        theme_titles={t: titles[t] for t in dict.fromkeys(i.theme for i in (*items, *spare)) if t in titles},
        personal=_prompts(PERSONAL, profile),
        questions=items,
        also_likely=spare,
        uncovered=list(sheet.uncovered),
        process=_prompts(PROCESS, profile),
    )
