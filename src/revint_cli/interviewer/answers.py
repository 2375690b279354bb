"""The interviewer's answers file: the role, who they are to the candidate, and their drafted answers.

`BriefProfile` is the file's model, used both to read it (`check_against_bank` adds what needs the bank) and
to write it back (`to_data`, `to_yaml`). The prompts every brief opens and closes with are listed here,
since their ids are keys of `answers:` beside the bank's question ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field, model_validator

from revint_cli import loading, yamlio
from revint_cli.fields import Id, Note, ProfileMinutes, Strict
from revint_cli.formats.profile import Interviewer, Job
from revint_cli.i18n import N_, _
from revint_cli.vocab import STAGES, minutes_default

if TYPE_CHECKING:
    from revint_cli.questionbank import Bank

# The prompts every brief opens and closes with, by id: the ids are the keys of `answers:`. Translated where
# they are shown.
PERSONAL: tuple[tuple[str, str], ...] = (
    ("you-why-joined", N_("Why did you join?")),
    ("you-why-stay", N_("Why do you stay?")),
    ("you-hard-now", N_("What is hard here right now?")),
    ("you-role-helps", N_("How does this role help fix it?")),
)
PROCESS: tuple[tuple[str, str], ...] = (
    ("process-steps", N_("Which steps remain after this conversation?")),
    ("process-timeline", N_("What is the timeline, and can you keep to it?")),
    ("process-decides", N_("Who decides, and how?")),
    ("process-hear-back", N_("When will the candidate hear back, and from whom?")),
)
PROMPT_IDS = tuple(pid for pid, _text in (*PERSONAL, *PROCESS))
OWN_REASONS = ("you-why-joined", "you-why-stay")  # each interviewer's own: never compared


class DraftAnswer(Strict):
    """What the interviewer means to say, and a real example; `id: "text"` is short for `{answer: text}`."""

    answer: Note = ""
    example: Note = ""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return {"answer": data} if isinstance(data, str) else data


class BriefProfile(Job):
    """The interviewer's answers file: the role, who they are to the candidate, and their drafted answers."""

    interviewer: Interviewer = Field(default_factory=lambda: Interviewer(role="manager"))
    minutes: ProfileMinutes = 20  # the default depends on the stage, as for a candidate  # type: ignore[valid-type]
    themes: list[Id] = Field(default_factory=list, description="What the company wants to get right, first first.")
    answers: dict[Id, DraftAnswer] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        if isinstance(data.get("interviewer"), str):  # `interviewer: manager`
            data = {**data, "interviewer": {"role": data["interviewer"]}}
        if "minutes" not in data:
            stage = str(data["stage"]) if data.get("stage") in STAGES else "interview"
            data = {**data, "minutes": minutes_default(stage)}
        return data

    def answer(self, key: str) -> DraftAnswer:
        return self.answers.get(key) or DraftAnswer()


def check_against_bank(data: Any, bank: Bank) -> list[loading.Problem]:
    """Unknown theme ids in `themes`, and `answers` keys that name neither a prompt nor a bank question."""
    from revint_cli.formats.profile import check_against_bank as check_profile

    if not isinstance(data, dict):
        return []
    problems = [(("themes", *loc[1:]), msg) for loc, msg in check_profile({"priorities": data.get("themes")}, bank)]
    given = data.get("answers")
    known = [*PROMPT_IDS, *bank.questions]
    for key in given if isinstance(given, dict) else {}:
        if isinstance(key, str) and key not in bank.questions and key not in PROMPT_IDS:
            problems.append((("answers", key), loading.unknown(N_("question"), key, known)))
    return problems


def to_data(profile: BriefProfile) -> dict[str, Any]:
    """The answers file as plain data: every asked key kept (replaying it asks nothing again), answers last."""
    data = profile.model_dump(mode="json")
    if data["interviewer"].get("name") is None:
        del data["interviewer"]["name"]
    data["answers"] = {
        key: ({"answer": a["answer"], "example": a["example"]} if a["example"] else a["answer"])
        for key, a in data["answers"].items()
        if a["answer"] or a["example"]
    }
    if not data["answers"]:
        del data["answers"]
    return data


def to_yaml(profile: BriefProfile) -> str:
    header = _(
        "# revint brief: replay with `revint brief --answers THIS_FILE`; edit freely.\n"
        "# Draft your answers under `answers:` (question id: your answer, or {answer: ..., example: ...}),\n"
        "# then compare with a colleague's file: `revint brief --compare THIS_FILE THEIRS`.\n"
    )
    return header + yamlio.dump(to_data(profile))


def prompt_texts(bank: Bank) -> dict[str, str]:
    """Every id an answer may have, with its question: the prompts (translated) and the bank's questions."""
    prompts = {pid: _(text) for pid, text in PERSONAL}
    return {**prompts, **{q.id: q.text for q in bank.questions.values()}, **{pid: _(t) for pid, t in PROCESS}}
