"""The brief wizard driven in-process through prompt_toolkit pipe input: keys in, answers out.

The pipe is closed after the keys are sent, so a wizard that asks more than expected ends with an
interruption (a failing test) instead of waiting for input forever.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from builders import CTRL_C, DOWN, ENTER, SPACE, make_bank, question

from revint_cli.answers import Interrupted
from revint_cli.interviewer.answers import BriefProfile
from revint_cli.store.draftstore import Meta
from revint_cli.wizard import interviewer as wizard


BANK = make_bank([question(f"{t}-1", t) for t in ("alpha", "beta", "gamma", "remote-work", "next-steps")])


def drive(
    keys: str, answers: dict[str, Any] | None = None, *, drafting: Any = None, resumed: bool = False
) -> tuple[dict[str, Any], list[dict[str, Any]], list[Meta]]:
    """Run the wizard on `keys`; return its answers, and a copy of the answers and of the meta saved each time."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    seen: list[dict[str, Any]] = []
    metas: list[Meta] = []

    def save(answers: dict[str, Any], meta: Meta) -> None:
        seen.append(copy.deepcopy(answers))
        metas.append(copy.deepcopy(meta))

    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(keys)
        inp.close()
        result = wizard.brief(BANK, {} if answers is None else answers, save, resumed=resumed, drafting=drafting)
    return result, seen, metas


FULL_WALK = "".join(
    [
        "Acme Corp" + ENTER,  # company
        "Senior Backend Engineer" + ENTER,  # role
        ENTER,  # role family: guessed engineering
        ENTER,  # seniority: guessed senior
        ENTER * 3,  # sector, employer: the guesses; country: none
        DOWN + DOWN + ENTER,  # work mode: remote
        DOWN + ENTER,  # stage: from interview to final
        ENTER,  # who you are: manager
        "Sam Lee" + ENTER,  # name
        "\x7f\x7f15" + ENTER,  # minutes: 30 at the final stage, changed to 15
        SPACE + DOWN + DOWN + SPACE + ENTER,  # themes: the first and the third
    ]
)


def test_a_full_walk_gives_a_valid_answers_file_and_saves_every_answer() -> None:
    result, seen, metas = drive(FULL_WALK)
    profile = BriefProfile.model_validate(result)
    assert (profile.company, profile.role) == ("Acme Corp", "Senior Backend Engineer")
    assert (profile.role_family, profile.seniority, profile.work_mode, profile.stage) == (
        "engineering",
        "senior",
        "remote",
        "final",
    )
    assert profile.interviewer.label() == "Sam Lee (manager)"
    assert profile.minutes == 15
    assert profile.themes == ["alpha", "gamma"]
    assert seen[-1] == result
    assert [list(s) for s in seen][:2] == [["company"], ["company", "role"]]
    first = next(n for n, s in enumerate(seen) if "interviewer" in s)
    assert seen[first]["interviewer"] == {"role": "manager"}, "the role is saved before the name is asked"
    assert metas[first].pending == ["interviewer"]
    assert metas[-1].pending == []
    asked = tuple(dict.fromkeys(k for s in seen for k in s))
    assert asked == tuple(p.key for p in wizard.PROMPTS)
    assert wizard.ASKED_KEYS == tuple(k for k in asked if k not in ("sector", "employer", "country"))


def test_answered_keys_are_not_asked_again() -> None:
    given = {"company": "A", "role": "B", "role_family": "other", "seniority": "mid", "work_mode": "onsite"}
    result, _, _ = drive(DOWN + ENTER + DOWN + DOWN + ENTER + ENTER + ENTER + ENTER, dict(given, stage="interview"))
    assert result["interviewer"] == {"role": "peer"}  # stage was given: the first select is the role
    assert result["minutes"] == 20
    assert result["themes"] == []


def test_drafting_walks_through_every_item_and_skips_empty_answers() -> None:
    items = [
        ("you-why-stay", "Why do you stay?", [], False),
        ("alpha-1", "What is the story behind alpha-1?", ["They want to learn: Shows alpha-1.", "Name it"], True),
        ("process-steps", "Which steps remain after this conversation?", [], False),
    ]
    given = {
        "company": "A",
        "role": "B",
        "role_family": "other",
        "seniority": "mid",
        "work_mode": "onsite",
        "stage": "final",
        "interviewer": {"role": "manager"},
        "minutes": 20,
        "themes": [],
    }
    keys = "The people" + ENTER + "Priya owns billing" + ENTER + "The billing rewrite" + ENTER + ENTER
    result, seen, metas = drive(keys, given, drafting=lambda data: items)
    assert result["answers"] == {
        "you-why-stay": {"answer": "The people"},
        "alpha-1": {"answer": "Priya owns billing", "example": "The billing rewrite"},
    }
    assert metas[-1].pending == []
    assert metas[1].pending == ["answers"]
    assert seen[1]["answers"]["alpha-1"] == {"answer": "Priya owns billing"}, "the answer is saved before the example"
    # Resumed: what was drafted (or skipped) is not asked again.
    again, _, _ = drive(
        "", copy.deepcopy(result) | {"answers": {**result["answers"], "process-steps": ""}}, drafting=lambda d: items
    )
    assert again["answers"] == result["answers"]


def test_ctrl_c_interrupts_with_the_answers_saved() -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        seen: list[dict[str, Any]] = []
        inp.send_text("Acme" + ENTER + CTRL_C)
        with pytest.raises(Interrupted):
            wizard.brief(BANK, {}, lambda answers, meta: seen.append(dict(answers)))
    assert seen[-1] == {"company": "Acme"}


def test_a_resumed_draft_shows_its_answers_and_goes_on() -> None:
    saved = {"company": "A", "role": "B", "role_family": "other", "seniority": "mid", "work_mode": "onsite"}
    result, _, _ = drive(ENTER + ENTER + ENTER + ENTER + ENTER + ENTER, dict(saved), resumed=True)
    assert result["stage"] == "interview"
    assert result["company"] == "A"
