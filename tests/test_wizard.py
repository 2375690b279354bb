"""The prep wizard driven in-process through prompt_toolkit pipe input: keys in, answers out.

The pipe is closed after the keys are sent, so a wizard that asks more than expected ends with an
interruption (a failing test) instead of waiting for input forever.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from builders import CTRL_C, DOWN, ENTER, SPACE, make_bank, profile_from_answers, question

from revint_cli import loading, vocab
from revint_cli.answers import Interrupted
from revint_cli.errors import ExitCode
from revint_cli.formats.profile import Profile
from revint_cli import questionbank as bank_mod
from revint_cli.questionbank import Bank
from revint_cli.store.draftstore import Meta
from revint_cli.wizard import candidate as wizard
from revint_cli.wizard.prompter import Prompter


SHIPPED = bank_mod.load()
SMALL = make_bank([question(f"{t}-1", t) for t in ("alpha", "beta", "gamma", "remote-work", "next-steps")])


def drive(
    keys: str,
    answers: dict[str, Any] | None = None,
    *,
    resumed: bool = False,
    bank: Bank = SHIPPED,
    seen: list[dict[str, Any]] | None = None,
    meta: Meta | None = None,
    pending: list[list[str]] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Run the wizard on `keys`; return its answers and a copy of the answers saved each time (and in
    `pending`, the keys the meta marked pending each time)."""
    # ruff's TID253 keeps module-level prompt_toolkit imports to the wizard module
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    seen = [] if seen is None else seen
    pending = [] if pending is None else pending

    def save(answers: dict[str, Any], meta: Meta) -> None:
        seen.append(copy.deepcopy(answers))
        pending.append(list(meta.pending))

    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(keys)
        inp.close()
        result = wizard.prep(bank, {} if answers is None else answers, save, meta=meta, resumed=resumed)
    return result, seen


def valid(bank: Bank, data: dict[str, Any]) -> Profile:
    return profile_from_answers(bank, data)


# Everything after the company and role, for tests about the first prompts.
def after_role(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "work_mode": "onsite",
        "stage": "interview",
        "format": "video",
        "minutes": 20,
        "date": None,
        "interviewers": [],
        "priorities": [],
        "research": {},
        "custom_questions": [],
    }
    data.update(changes)
    return data


FULL_WALK = "".join(
    [
        "Café Ünïcode GmbH" + ENTER,  # company
        "Senior Backend Engineer" + ENTER,  # role
        ENTER * 5,  # role family, seniority, sector and employer: the guesses; country: none
        DOWN * 2 + ENTER,  # work mode: remote
        DOWN + ENTER,  # stage: final (from interview)
        ENTER,  # format: video
        "\x7f\x7f" + "25" + ENTER,  # minutes: 30 (the final stage's default) erased, 25 typed
        "2026-12-01" + ENTER,  # date
        DOWN + ENTER,  # one person
        DOWN + ENTER,  # who they are: peer
        "Zoë Ångström" + ENTER,  # their name
        SPACE + DOWN + SPACE + ENTER,  # the first two themes
        DOWN + ENTER,  # the second matters most
        "Blameless postmortems on their blog" + ENTER,  # research for the first priority
        ENTER,  # nothing found for the second
        ENTER,  # no question of my own
    ]
)


def test_full_walk_makes_a_valid_profile() -> None:
    result, _ = drive(FULL_WALK)
    profile = valid(SHIPPED, result)
    core = [t.id for t in SHIPPED.themes.values() if t.core]
    assert profile.company == "Café Ünïcode GmbH"
    assert profile.role == "Senior Backend Engineer"
    assert (profile.role_family, profile.seniority, profile.work_mode) == ("engineering", "senior", "remote")
    assert (profile.stage, profile.format, profile.minutes) == ("final", "video", 25)
    assert profile.date is not None
    assert profile.date.isoformat() == "2026-12-01"
    assert [(iv.name, iv.role) for iv in profile.interviewers] == [("Zoë Ångström", "peer")]
    assert profile.priorities == [core[1], core[0]]
    assert profile.research_notes() == {core[1]: "Blameless postmortems on their blog"}
    assert profile.custom_questions == []


def test_on_answer_gets_the_growing_answers_after_each_prompt() -> None:
    pending: list[list[str]] = []
    result, seen = drive(FULL_WALK, pending=pending)
    assert seen[0] == {"company": "Café Ünïcode GmbH"}
    assert seen[1] == {"company": "Café Ünïcode GmbH", "role": "Senior Backend Engineer"}
    for n, (before, after) in enumerate(zip(seen, seen[1:], strict=False)):
        assert set(before) <= set(after)
        # a finished answer never changes; one still pending (a list being built) grows item by item
        assert all(after[k] == v for k, v in before.items() if k not in pending[n])
    keys_in_order = list(dict.fromkeys(k for snapshot in seen for k in snapshot))
    assert keys_in_order == [p.key for p in wizard.PROMPTS]
    assert set(wizard.ASKED_KEYS) == set(keys_in_order) - {"sector", "employer", "country"}
    assert seen[-1] == result
    assert pending[-1] == []
    assert not any(str(k).startswith("_") for snapshot in seen for k in snapshot)
    # the research notes are saved one theme at a time, the most important theme first
    first, second = result["priorities"]
    notes = [s["research"] for s in seen if "research" in s]
    assert notes[:2] == [
        {first: "Blameless postmortems on their blog"},
        {first: "Blameless postmortems on their blog", second: ""},
    ]
    # until the last note is given, research is marked pending: a resumed draft asks for it again
    pending_at_research = [p for s, p in zip(seen, pending, strict=True) if "research" in s]
    assert pending_at_research[0] == ["research"]
    assert "research" not in pending_at_research[1]


def test_the_interviewers_are_saved_one_by_one_and_pending_until_the_last() -> None:
    pending: list[list[str]] = []
    _, seen = drive(FULL_WALK, pending=pending)
    people = [
        (s["interviewers"], "interviewers" in p) for s, p in zip(seen, pending, strict=True) if "interviewers" in s
    ]
    assert people[0] == ([{}], True)  # how many, saved before the first person is asked
    assert people[1] == ([{"role": "peer"}], True)  # the role, saved before the name is asked
    assert people[2] == ([{"name": "Zoë Ångström", "role": "peer"}], True)
    assert people[3] == ([{"name": "Zoë Ångström", "role": "peer"}], False)  # done


def test_a_pending_list_is_asked_again_with_what_was_saved() -> None:
    saved = {
        "company": "Acme",
        **after_role(role="Engineer", role_family="engineering", seniority="mid"),
        "interviewers": [{"role": "peer"}],
    }
    del saved["priorities"], saved["research"], saved["custom_questions"]
    # how many people (1, the saved count), who (peer, saved), the name typed now; then nothing else
    keys = ENTER + ENTER + "Priya" + ENTER + ENTER + "n"
    meta = Meta(pending=["interviewers"])
    result, _ = drive(keys, saved, bank=SMALL, meta=meta)
    assert result["interviewers"] == [{"name": "Priya", "role": "peer"}]
    assert meta.pending == []


def test_prefilled_answers_are_not_asked_again() -> None:
    saved = {"company": "Acme", "role": "Engineer", "role_family": "engineering", "seniority": "mid", **after_role()}
    del saved["minutes"]
    result, seen = drive("\x7f\x7f" + "45" + ENTER, dict(saved))
    assert result == {**saved, "minutes": 45}
    assert seen == [result]


def test_review_offers_the_saved_answers_as_defaults() -> None:
    saved = loading.parse(loading.read_text(_example()), "acme").data
    expected = Profile.model_validate(saved)
    # company, role, 8 menus, minutes, date, how many people, 2 x (role, name), priorities, 2 "which first",
    # 3 research notes, keep my questions, add another: 25 prompts, each kept with Enter
    # resumed: the saved answers are shown, and "n" (do not keep them as they are) goes through them all
    result, seen = drive("n" + ENTER * 25, copy.deepcopy(saved), resumed=True)
    got = Profile.model_validate(result)
    assert got.research_notes() == expected.research_notes()  # themes asked about and left empty add ""
    assert got.model_copy(update={"research": expected.research}) == expected
    assert len(seen) >= 13


def _example() -> Path:
    return Path(__file__).resolve().parents[1] / "examples" / "acme-backend.yaml"


@pytest.mark.parametrize(
    ("role", "family", "seniority"),
    [
        ("Senior Backend Engineer", "engineering", "senior"),
        ("Staff Data Scientist", "data", "lead"),
        ("Junior Account Executive", "sales", "junior"),
        ("Florist", "other", "mid"),
    ],
)
def test_role_family_and_seniority_are_guessed_from_the_title(role: str, family: str, seniority: str) -> None:
    result, _ = drive(role + ENTER * 6, {"company": "Acme", **after_role()})
    assert (result["role_family"], result["seniority"]) == (family, seniority)


def test_a_guess_can_be_overridden() -> None:
    result, _ = drive(
        "Senior Backend Engineer" + ENTER + DOWN + ENTER + DOWN + ENTER + ENTER * 3, {"company": "Acme", **after_role()}
    )
    families, levels = vocab.ROLE_FAMILIES, vocab.SENIORITIES
    assert result["role_family"] == families[families.index("engineering") + 1]
    assert result["seniority"] == levels[levels.index("senior") + 1]


def test_ctrl_c_stops_the_wizard_with_interrupted_130() -> None:
    with pytest.raises(Interrupted) as stopped:
        drive("Acme" + ENTER + CTRL_C + "Engineer" + ENTER)
    assert stopped.value.code == ExitCode.INTERRUPTED == 130


def test_ctrl_d_at_a_menu_stops_the_wizard_too() -> None:
    with pytest.raises(Interrupted):
        drive("\x04" + ENTER, {"company": "Acme", "role": "Engineer"})


def test_ctrl_c_keeps_what_was_answered() -> None:
    seen: list[dict[str, Any]] = []
    with pytest.raises(Interrupted):
        drive("Acme" + ENTER + CTRL_C + "Engineer" + ENTER, seen=seen)
    assert seen == [{"company": "Acme"}]


def test_ctrl_c_in_a_menu_stops_too() -> None:
    with pytest.raises(Interrupted) as stopped:
        drive(DOWN + CTRL_C + ENTER, {"company": "Acme", "role": "Engineer"})
    assert stopped.value.code == 130


def test_priorities_are_ordered_by_which_matters_most() -> None:
    answers = {"company": "Acme", "role": "Engineer", "role_family": "other", "seniority": "mid", **after_role()}
    del answers["priorities"]
    keys = (
        SPACE
        + DOWN
        + SPACE
        + DOWN
        + SPACE
        + ENTER  # alpha, beta, gamma
        + DOWN * 2
        + ENTER  # gamma matters most
        + DOWN
        + ENTER  # then beta
    )
    result, _ = drive(keys, answers, bank=SMALL)
    assert result["priorities"] == ["gamma", "beta", "alpha"]
    assert valid(SMALL, result).priorities == ["gamma", "beta", "alpha"]


def test_more_than_five_priorities_are_refused() -> None:
    answers = {"company": "Acme", "role": "Engineer", "role_family": "other", "seniority": "mid", **after_role()}
    del answers["priorities"]
    six = "".join(SPACE + DOWN for _ in range(6))
    # Enter is refused with six; the sixth is unticked (Up, space), then Enter; then Enter for each order
    keys = six + ENTER + "\x1b[A" + SPACE + ENTER + ENTER * 4
    result, _ = drive(keys, answers)
    assert len(result["priorities"]) == 5


def test_a_closed_own_question_is_flagged_and_can_be_rewritten() -> None:
    answers = after_role(company="Acme", role="Analyst", role_family="data", seniority="mid")
    del answers["custom_questions"]
    keys = "".join(
        [
            "y",  # add a question of your own
            "Is there an on-call rota?" + ENTER,
            "n",  # warned it looks closed: do not keep it as it is
            "\x15" + "How is the on-call rota shared out?" + ENTER,  # Ctrl-U clears the old text
            ENTER,  # theme: the first one offered
            ENTER,  # minutes: 3
            "n",  # no other question
        ]
    )
    result, _ = drive(keys, answers)
    assert result["custom_questions"] == [
        {"text": "How is the on-call rota shared out?", "theme": "autonomy", "minutes": 3}
    ]


def test_a_closed_own_question_can_be_kept_on_purpose() -> None:
    answers = after_role(company="Acme", role="Analyst", role_family="data", seniority="mid")
    del answers["custom_questions"]
    keys = "y" + "Is there an on-call rota?" + ENTER + "y" + ENTER + ENTER + "n"
    result, _ = drive(keys, answers)
    assert [q["text"] for q in result["custom_questions"]] == ["Is there an on-call rota?"]


@pytest.mark.parametrize(
    ("count_keys", "expected"),
    [
        (DOWN + ENTER, ["Who is the person you will meet?"]),
        (DOWN * 2 + ENTER, ["Who is the first person?", "Who is the second person?"]),
    ],
)
def test_the_people_are_asked_for_by_how_many_there_are(monkeypatch, count_keys: str, expected: list[str]) -> None:
    asked: list[str] = []
    select = Prompter.select

    def recording(self: Prompter, message: str, *args: Any, **kwargs: Any) -> str:
        asked.append(message)
        return select(self, message, *args, **kwargs)

    monkeypatch.setattr(Prompter, "select", recording)
    answers = after_role(company="Acme", role="Engineer", role_family="other", seniority="mid")
    del answers["interviewers"]
    people = len(expected)
    drive(count_keys + (ENTER + ENTER) * people, answers, bank=SMALL)
    assert [m for m in asked if m.startswith("Who is")] == expected


def test_the_review_shows_each_person_apart_and_leaves_out_one_not_described_yet() -> None:
    from revint_cli.wizard.prompts import _brief

    assert _brief([{"name": "Bram", "role": "manager"}, {"role": "peer"}]) == "name Bram, role manager; role peer"
    assert _brief([{"name": "Bram", "role": "manager"}, {}]) == "name Bram, role manager"
