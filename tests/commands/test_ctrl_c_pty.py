"""Ctrl-C at every prompt of `revint prep`, `revint debrief` and `revint brief --record`, in a real
pseudo-terminal: the run ends with exit code 130 and says the answers are saved, and the draft on disk
holds every answer given before that prompt. Then the races: Ctrl-C in the same write as Enter, and
Ctrl-C as the next prompt opens; never a silent exit, never a prompt left waiting, the answer just
given kept.

Each command's walk is a list of steps (the prompt, the keys typed, what the draft holds once they are
typed); a case runs the walk up to its prompt and presses Ctrl-C there. One test per prompt is in the
slow run (`-m slow`, about two minutes); the default run keeps a few of them (the number of people, an own
question's and an extra question's later fields, a brief's example), the resumed runs and the first of
the eight races of each command.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from support_sessions import ACME, Cli, Saved, prep_examples, replay_once, restore, sheet, spawn_revint, strip_ansi

pexpect = pytest.importorskip("pexpect")

DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"
NOTHING_YET = "Interrupted before any answer: nothing to save yet."
RACE_RUNS = 8


def saved_line(command: str) -> str:
    return f"Interrupted. Your answers are saved: run revint {command} --resume to continue."


# ----- what a draft holds -----------------------------------------------------------------------------

Keys = tuple[Any, ...]  # keys into the draft's answers; "meta" first: into its meta; `len`: the length


def at(draft: dict[str, Any], path: Keys) -> Any:
    value: Any = draft.get("meta", {}) if path[0] == "meta" else draft.get("answers", {})
    for key in path[1:] if path[0] == "meta" else path:
        if key is len:
            return len(value)
        if isinstance(value, list):
            value = value[key] if isinstance(key, int) and key < len(value) else None
        elif isinstance(value, dict):
            value = value.get(key)
        else:
            return None
    return value


@dataclass(frozen=True)
class Step:
    prompt: str  # shown when the prompt opens (after `anchor`, when there is one)
    keys: str
    kept: tuple[tuple[Keys, Any], ...] = ()  # what the draft holds once the keys are typed
    anchor: str | None = None  # shown just before the prompt: tells apart prompts of one wording
    name: str = ""

    @property
    def id(self) -> str:
        return self.name or self.prompt


def kept(*pairs: tuple[Keys, Any]) -> tuple[tuple[Keys, Any], ...]:
    return pairs


# ----- the walks ----------------------------------------------------------------------------------------

# The sheet of examples/acme-backend.yaml plans 10 questions and backups: the walk's prompts, known before
# the session is made (the steps' ids name no question).
PLANNED = 11
STATIC_SHEET = {"questions": [{"id": f"q{n}"} for n in range(1, PLANNED)], "backup": [{"id": "b1"}]}

CUSTOM = "How did the team handle the last missed deadline?"

# What prep and brief both ask after the company (the wizards' shared `job_prompts`).
JOB: list[Step] = [
    Step("For which role?", "Backend Engineer" + ENTER, kept((("role",), "Backend Engineer"))),
    Step("Which kind of role is it?", DOWN * 3 + ENTER, kept((("role_family",), "data"))),
    Step("At which level?", ENTER, kept((("seniority",), "mid"))),
    Step("In which sector is the employer?", ENTER, kept((("sector",), "technology"))),
    Step("What kind of employer is it?", ENTER, kept((("employer",), "company"))),
    Step("In which country is the job?", ENTER, kept((("country",), None))),
]

PREP: list[Step] = [
    Step("Which company is the interview with?", "Acme Corp" + ENTER, kept((("company",), "Acme Corp"))),
    *JOB,
    Step("Where would you work?", DOWN + ENTER, kept((("work_mode",), "hybrid"))),
    Step("Which stage of the process is this?", ENTER, kept((("stage",), "interview"))),
    Step("How will you meet?", ENTER, kept((("format",), "video"))),
    Step("How many minutes will you have", "\x7f\x7f25" + ENTER, kept((("minutes",), 25))),
    Step("When is the interview?", "2026-12-01" + ENTER, kept((("date",), "2026-12-01"))),
    Step("Whom will you meet?", DOWN * 2 + ENTER, kept((("interviewers", len), 2))),
    Step("Who is the first person?", ENTER, kept((("interviewers", 0, "role"), "manager"))),
    Step("Their name?", "Sam Lee" + ENTER, kept((("interviewers", 0, "name"), "Sam Lee")), name="first name"),
    Step("Who is the second person?", DOWN + ENTER, kept((("interviewers", 1, "role"), "peer"))),
    Step(
        "Their name?",
        ENTER,
        kept((("interviewers",), [{"name": "Sam Lee", "role": "manager"}, {"role": "peer"}])),
        anchor="Who is the second person?",
        name="second name",
    ),
    Step("What matters most to you?", SPACE + DOWN * 3 + SPACE + ENTER, kept((("priorities", len), 2))),
    Step("Which of these matters most?", DOWN + ENTER, kept((("priorities", 0), "growth"))),
    Step(
        "What did you find out about growth?",
        "A clear ladder" + ENTER,
        kept((("research", "growth"), "A clear ladder")),
    ),
    Step("What did you find out about autonomy?", "Flat teams" + ENTER, kept((("research", "autonomy"), "Flat teams"))),
    Step("Add a question of your own?", "y"),
    Step("Your question:", CUSTOM + ENTER, kept((("custom_questions", 0, "text"), CUSTOM))),
    Step("Which theme does it belong to?", ENTER, kept((("custom_questions", 0, "theme"), "growth"))),
    Step("Minutes to ask it", "\x7f4" + ENTER, kept((("custom_questions", 0, "minutes"), 4))),
    Step("Add another?", ENTER),
]


def debrief_walk(sheet: dict[str, Any], *, noted: int | None = None) -> list[Step]:
    """The first backup ticked; every planned question (the first `noted` ones, and the backup) asked,
    noted and rated, the others not asked; one question not on the sheet, the gut feeling and the notes."""
    backup = sheet["backup"][0]["id"]
    questions = [q["id"] for q in sheet["questions"]]
    assert len(questions) == PLANNED - 1, "the example's sheet plans another number of questions"
    planned = questions + [backup]
    steps = [
        Step(
            "Did you also ask any of the 'If time allows' questions?",
            SPACE + ENTER,
            kept((("meta", "backups"), [backup])),
            name="backups",
        )
    ]
    for n, qid in enumerate(planned, start=1):
        counter = f"[{n}/{len(planned)}]"
        if noted is not None and noted < n < len(planned):
            steps.append(
                Step(
                    "Did you ask it?",
                    DOWN + ENTER,
                    kept((("answers", qid), {"asked": False})),
                    anchor=counter,
                    name=f"{n} asked",
                )
            )
            continue
        steps += [
            Step("Did you ask it?", ENTER, kept((("answers", qid, "asked"), True)), anchor=counter, name=f"{n} asked"),
            Step(
                "What did they answer?",
                f"note {n}" + ENTER,
                kept((("answers", qid, "note"), f"note {n}")),
                name=f"{n} note",
            ),
            Step("How did it sound?", DOWN + ENTER, kept((("answers", qid, "rating"), "red")), name=f"{n} rating"),
        ]
    steps += [
        Step("Did you ask anything that was not on the sheet?", "y", name="extra?"),
        Step(
            "What did you ask?",
            "Who is on call at night?" + ENTER,
            kept((("extra", 0, "text"), "Who is on call at night?")),
        ),
        Step(
            "Which theme does it belong to?",
            DOWN + ENTER,
            kept((("extra", 0, "theme"), "communication")),
            name="extra theme",
        ),
        Step(
            "What did they answer? (optional)",
            "a rota" + ENTER,
            kept((("extra", 0, "note"), "a rota")),
            anchor="Which theme",
            name="extra note",
        ),
        Step("How did it sound?", ENTER, kept((("extra", 0, "rating"), "yellow")), name="extra rating"),
        Step("Another one?", ENTER, name="another extra"),
        Step("Overall, what does your gut say?", DOWN + ENTER, kept((("gut",), 2)), name="gut"),
        Step("Anything else to remember?", "call back" + ENTER, name="notes"),
    ]
    return steps


BRIEF: list[Step] = [
    Step("Which company are you hiring for?", "Acme Corp" + ENTER, kept((("company",), "Acme Corp"))),
    *JOB,
    Step("Where will the new hire work?", DOWN + ENTER, kept((("work_mode",), "hybrid"))),
    Step("Which stage of the process is your conversation?", ENTER, kept((("stage",), "interview"))),
    Step("Who are you to the candidate?", DOWN + ENTER, kept((("interviewer", "role"), "peer"))),
    Step("Your name?", "Sam Lee" + ENTER, kept((("interviewer",), {"name": "Sam Lee", "role": "peer"}))),
    Step("How many minutes are set aside", "\x7f\x7f15" + ENTER, kept((("minutes",), 15))),
    Step("Which themes does the company want to get right?", SPACE + ENTER, kept((("themes",), ["autonomy"]))),
    Step(
        "Your answer:",
        "To build payments" + ENTER,
        kept((("answers", "you-why-joined", "answer"), "To build payments")),
        anchor="[1/",
        name="answer 1",
    ),
    Step("Your answer:", ENTER, kept((("answers", "you-why-stay"), {"answer": ""})), anchor="[2/", name="answer 2"),
    Step("Your answer:", ENTER, anchor="[3/", name="answer 3"),
    Step("Your answer:", ENTER, anchor="[4/", name="answer 4"),
    Step("Your answer:", "Anyone can propose" + ENTER, kept((("answers", len), 5)), anchor="[5/", name="answer 5"),
    Step("A real example?", "The queue rewrite" + ENTER, name="example 5"),
    Step("Your answer:", ENTER, anchor="[6/", name="answer 6"),
]


@dataclass(frozen=True)
class Command:
    name: str
    args: tuple[str, ...]
    draft: str  # the draft's file name once the company and role are known


PREP_RUN = Command("prep", ("prep",), "acme-corp-backend-engineer.yaml")
DEBRIEF_RUN = Command("debrief", ("debrief", ACME), f"debrief-{ACME}.yaml")
BRIEF_RUN = Command("brief", ("brief", "--record"), "brief-acme-corp-backend-engineer.yaml")


# ----- driving revint in a pseudo-terminal ------------------------------------------------------------


class Terminal:
    """One revint in a pseudo-terminal, in `cwd`, with the tests' REVINT_HOME."""

    def __init__(self, cwd: Path, args: Sequence[str]):
        self.child = spawn_revint(cwd, args, timeout=10)
        self.child.delaybeforesend = None  # each step waits for its prompt already
        self.seen = ""

    def wait_for(self, text: str) -> None:
        try:
            self.child.expect_exact(text)
        except pexpect.TIMEOUT:
            pytest.fail(f"no {text!r} in time; last shown: {strip_ansi(self.child.before)[-600:]!r}")
        self.seen += self.child.before + self.child.after

    def at(self, step: Step) -> None:
        if step.anchor is not None:
            self.wait_for(step.anchor)
        self.wait_for(step.prompt)

    def walk(self, steps: Sequence[Step]) -> None:
        for step in steps:
            self.at(step)
            self.child.send(step.keys)

    def finish(self) -> tuple[int, str]:
        """Wait for the end; a prompt left waiting is a failure, not a hang."""
        try:
            self.child.expect(pexpect.EOF)
        except pexpect.TIMEOUT:
            shown = strip_ansi(self.seen + str(self.child.before))[-600:]
            self.child.close(force=True)
            pytest.fail(f"revint still waits after Ctrl-C; last shown: {shown!r}")
        self.seen += self.child.before
        self.child.close()
        return self.child.exitstatus, strip_ansi(self.seen)


def drafts_in(home: Path) -> dict[str, dict[str, Any]]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((home / "drafts").glob("*.yaml"))}


def the_draft(home: Path, command: Command) -> dict[str, Any]:
    """The one draft; named after the company and the role once both are known (a debrief's: its session)."""
    ((name, draft),) = drafts_in(home).items()
    named = command.name == "debrief" or {"company", "role"} <= set(draft["answers"])
    assert name == (command.draft if named else "untitled.yaml")
    return draft


def assert_kept(draft: dict[str, Any], steps: Sequence[Step]) -> None:
    """Every answer of `steps` is in the draft."""
    for step in steps:
        for path, value in step.kept:
            assert at(draft, path) == value, f"after '{step.id}': {path} is {at(draft, path)!r}, not {value!r}"


def interrupted_at(cwd: Path, home: Path, command: Command, steps: Sequence[Step], n: int) -> dict[str, Any] | None:
    """Walk the first `n` steps, press Ctrl-C at the next prompt; return the draft (None: none was saved)."""
    run = Terminal(cwd, command.args)
    run.walk(steps[:n])
    run.at(steps[n])
    run.child.send(CTRL_C)
    code, seen = run.finish()
    assert code == 130, seen[-600:]
    assert "Traceback" not in seen
    if not drafts_in(home):
        assert NOTHING_YET in seen, seen[-600:]
        return None
    assert saved_line(command.name) in seen, seen[-600:]
    return the_draft(home, command)


# ----- the sessions a debrief needs ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def debriefable(tmp_path_factory: pytest.TempPathFactory) -> Saved:
    """A revint home holding the session of examples/acme-backend.yaml, made once; its value is the sheet."""

    def build(cli: Cli, home: Path, _work: Path) -> dict[str, Any]:
        prep_examples(cli, "acme-backend")
        return sheet(home, ACME)

    return replay_once(tmp_path_factory, build)


def debrief_steps(saved: Saved, home: Path, tmp_path: Path, noted: int | None) -> list[Step]:
    """The session to debrief copied into the test's revint home; returns the debrief's walk."""
    steps = debrief_walk(restore(saved, home, tmp_path / "session-work"), noted=noted)
    assert [s.id for s in steps] == [s.id for s in debrief_walk(STATIC_SHEET, noted=noted)], "the sheet changed"
    return steps


# ----- every walk, to its end -----------------------------------------------------------------------------


@pytest.mark.slow
def test_the_prep_walk_writes_the_sheet(tmp_path: Path, revint_home: Path) -> None:
    run = Terminal(tmp_path, PREP_RUN.args)
    run.walk(PREP)
    code, seen = run.finish()
    assert code == 0, seen[-600:]
    profile = yaml.safe_load((tmp_path / "acme-corp-backend-engineer.profile.yaml").read_text(encoding="utf-8"))
    assert_kept({"answers": profile}, PREP)
    assert drafts_in(revint_home) == {}


@pytest.mark.slow
@pytest.mark.parametrize("noted", [None, 1])
def test_the_debrief_walk_saves_the_debrief(
    tmp_path: Path, revint_home: Path, debriefable: Saved, noted: int | None
) -> None:
    run = Terminal(tmp_path, DEBRIEF_RUN.args)
    run.walk(debrief_steps(debriefable, revint_home, tmp_path, noted))
    code, seen = run.finish()
    assert code == 0, seen[-600:]
    assert "Debrief saved to" in seen
    assert drafts_in(revint_home) == {}


@pytest.mark.slow
def test_the_brief_walk_writes_the_brief(tmp_path: Path, revint_home: Path) -> None:
    run = Terminal(tmp_path, BRIEF_RUN.args)
    run.walk(BRIEF)
    while run.child.expect_exact(["Your answer:", "A real example?", "Brief written to"]) != 2:
        run.child.send(ENTER)
    code, seen = run.finish()
    assert code == 0, seen[-600:]
    assert drafts_in(revint_home) == {}


# ----- Ctrl-C at every prompt -----------------------------------------------------------------------------

PREP_DEFAULT = ("Who is the first person?",)


def cases(steps: Sequence[Step], default: Sequence[str]) -> list[Any]:
    """One case per prompt; those not in `default` only in the slow run."""
    return [
        pytest.param(n, id=step.id, marks=() if step.id in default else pytest.mark.slow)
        for n, step in enumerate(steps)
    ]


@pytest.mark.parametrize("n", cases(PREP, PREP_DEFAULT))
def test_ctrl_c_at_a_prep_prompt_keeps_every_answer_before_it(tmp_path: Path, revint_home: Path, n: int) -> None:
    draft = interrupted_at(tmp_path, revint_home, PREP_RUN, PREP, n)
    assert (draft is None) == (n == 0)
    assert_kept(draft or {}, PREP[:n])
    assert [p.name for p in tmp_path.iterdir()] == ["revint-home"]


def test_ctrl_c_at_the_first_prompt_saves_nothing_and_says_so(tmp_path: Path, revint_home: Path) -> None:
    assert interrupted_at(tmp_path, revint_home, PREP_RUN, PREP, 0) is None


DEBRIEF_SHORT = ("extra note",)
DEBRIEF_CASES = [
    *(
        pytest.param(1, step.id, id=f"short-{step.id}")
        for step in debrief_walk(STATIC_SHEET, noted=1)
        if step.id in DEBRIEF_SHORT
    ),
    *(pytest.param(None, step.id, id=step.id, marks=pytest.mark.slow) for step in debrief_walk(STATIC_SHEET)),
]


@pytest.mark.parametrize(("noted", "prompt"), DEBRIEF_CASES)
def test_ctrl_c_at_a_debrief_prompt_keeps_every_answer_before_it(
    tmp_path: Path, revint_home: Path, debriefable: Saved, noted: int | None, prompt: str
) -> None:
    steps = debrief_steps(debriefable, revint_home, tmp_path, noted)
    n = [s.id for s in steps].index(prompt)
    draft = interrupted_at(tmp_path, revint_home, DEBRIEF_RUN, steps, n)
    if n == 0:
        assert draft is None
        return
    assert draft is not None
    assert_kept(draft, steps[:n])
    assert draft["meta"]["session"] == ACME
    assert not (revint_home / "sessions" / ACME / "debrief-1.yaml").exists()


BRIEF_DEFAULT = ("example 5",)


@pytest.mark.parametrize("n", cases(BRIEF, BRIEF_DEFAULT))
def test_ctrl_c_at_a_brief_prompt_keeps_every_answer_before_it(tmp_path: Path, revint_home: Path, n: int) -> None:
    draft = interrupted_at(tmp_path, revint_home, BRIEF_RUN, BRIEF, n)
    assert (draft is None) == (n == 0)
    assert_kept(draft or {}, BRIEF[:n])
    assert [p.name for p in tmp_path.iterdir()] == ["revint-home"]


# ----- the races ------------------------------------------------------------------------------------------

# How Ctrl-C follows Enter: in the same write, else after a pause growing run by run (in milliseconds),
# so that it lands while the answer is saved, between the prompts, and as the next prompt opens.
# The default run keeps the first (Ctrl-C in the same write as Enter); the slow run all eight.
RACES = [
    pytest.param(None, id="same-write"),
    *(pytest.param(ms, id=f"after-{ms}ms", marks=pytest.mark.slow) for ms in (0, 3, 6, 10, 15, 20, 30)),
]
assert len(RACES) == RACE_RUNS


def race(run: Terminal, step: Step, pause_ms: int | None) -> tuple[int, str]:
    """Answer `step` and press Ctrl-C right after; the run must end, and say what was kept."""
    run.at(step)
    if pause_ms is None:
        run.child.send(step.keys + CTRL_C)
    else:
        run.child.send(step.keys)
        time.sleep(pause_ms / 1000)  # not an assertion: where Ctrl-C lands
        run.child.send(CTRL_C)
    code, seen = run.finish()
    assert code == 130, seen[-600:]
    assert "Traceback" not in seen
    return code, seen


@pytest.mark.parametrize("pause_ms", RACES)
def test_ctrl_c_right_after_a_prep_answer_keeps_it(tmp_path: Path, revint_home: Path, pause_ms: int | None) -> None:
    """The role, typed then Enter then Ctrl-C: the next prompt is a menu (which never saw Ctrl-C as a key
    when it came as a signal)."""
    run = Terminal(tmp_path, PREP_RUN.args)
    run.walk(PREP[:1])
    _code, seen = race(run, PREP[1], pause_ms)
    assert saved_line("prep") in seen, seen[-600:]
    assert_kept(the_draft(revint_home, PREP_RUN), PREP[:2])


@pytest.mark.parametrize("pause_ms", RACES)
def test_ctrl_c_right_after_a_debrief_note_keeps_it(
    tmp_path: Path, revint_home: Path, debriefable: Saved, pause_ms: int | None
) -> None:
    steps = debrief_steps(debriefable, revint_home, tmp_path, 1)
    note = [s.id for s in steps].index("1 note")
    run = Terminal(tmp_path, DEBRIEF_RUN.args)
    run.walk(steps[:note])
    _code, seen = race(run, steps[note], pause_ms)
    assert saved_line("debrief") in seen, seen[-600:]
    assert_kept(the_draft(revint_home, DEBRIEF_RUN), steps[: note + 1])


# ----- what a resumed run offers ------------------------------------------------------------------------


def test_a_resumed_prep_finishes_the_own_question_and_keeps_the_two_people(tmp_path: Path, revint_home: Path) -> None:
    theme = [s.id for s in PREP].index("Which theme does it belong to?")
    interrupted_at(tmp_path, revint_home, PREP_RUN, PREP, theme)
    again = Terminal(tmp_path, ("prep", "--resume"))
    again.wait_for("Keep them and go on where you stopped?")
    again.child.send("y")
    again.wait_for("Keep your own question?")
    again.child.send("y")
    again.walk(PREP[theme:])
    code, seen = again.finish()
    assert code == 0, seen[-600:]
    profile = yaml.safe_load((tmp_path / "acme-corp-backend-engineer.profile.yaml").read_text(encoding="utf-8"))
    assert profile["custom_questions"] == [{"text": CUSTOM, "theme": "growth", "minutes": 4}]
    assert profile["interviewers"] == [{"name": "Sam Lee", "role": "manager"}, {"role": "peer"}]


def test_a_resumed_debrief_finishes_the_extra_question(tmp_path: Path, revint_home: Path, debriefable: Saved) -> None:
    steps = debrief_steps(debriefable, revint_home, tmp_path, 1)
    theme = [s.id for s in steps].index("extra theme")
    interrupted_at(tmp_path, revint_home, DEBRIEF_RUN, steps, theme)
    again = Terminal(tmp_path, ("debrief", "--resume"))
    again.walk(steps[theme : theme + 3])  # its theme, note and rating: its text is kept
    again.walk(steps[-3:])  # no other one, the gut feeling, the notes
    code, seen = again.finish()
    assert code == 0, seen[-600:]
    saved = yaml.safe_load((revint_home / "sessions" / ACME / "debrief-1.yaml").read_text(encoding="utf-8"))
    assert saved["extra"] == [
        {"text": "Who is on call at night?", "theme": "communication", "note": "a rota", "rating": "yellow"}
    ]
