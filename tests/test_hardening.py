"""What a careless or hostile input must never do: lose what was typed, reach the terminal as escape codes,
mix two companies' sessions, take quadratic time, end in exit 3, or write outside its place.

One section per point of the hardening issue; the fuzz test at the end damages session, sheet and draft
files at random and runs the commands that read them: only revint's own errors (exit 2), never exit 3.
"""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from support_examples import examples
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revint_cli import answers
from revint_cli.store import draftstore as drafts
from revint_cli import questionbank as bank_mod
from revint_cli.commands import debrief as debrief_cmd
from revint_cli.commands import prep as prep_cmd
from revint_cli.errors import ExitCode, RevintError

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "acme-backend.yaml"
REVINT = Path(sys.executable).with_name("revint")
ENTER, DOWN, CTRL_C = "\r", "\x1b[B", "\x03"
CONTROL = ("\x1b", "\x07", "\x00", "\u202e", "\x9b")
BANK = bank_mod.load()

Cli = Callable[[Sequence[str]], Any]


def write(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def profile(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "company": "Acme",
        "role": "Analyst",
        "role_family": "data",
        "seniority": "mid",
        "work_mode": "onsite",
        "stage": "interview",
        "format": "video",
        "minutes": 20,
        "date": None,
        "interviewers": [{"role": "manager"}],
        "priorities": ["growth", "team"],
        "research": {},
        "custom_questions": [],
    }
    data.update(fields)
    return data


def prep(cli: Cli, work: Path, name: str, **fields: Any) -> Any:
    return cli(["prep", "--answers", str(write(work / f"{name}.yaml", profile(**fields))), "--no-input", "--force"])


def revint(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(REVINT), *args], capture_output=True, timeout=60, **kwargs)


# ----- 1. nothing typed is lost ---------------------------------------------------------------------------


def drive(keys: str, run: Callable[[], Any]) -> RevintError:
    """Run `run` with `keys` typed at the prompts; it must end interrupted (Ctrl-C)."""
    # ruff's TID253 keeps module-level prompt_toolkit imports to the wizard module
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        with pytest.raises(RevintError) as stopped:
            run()
    assert stopped.value.code == ExitCode.INTERRUPTED
    return stopped.value


def gather_prep(data: dict[str, Any] | None = None) -> Callable[[], Any]:
    def run() -> Any:
        ask = lambda d, meta, save, resumed: prep_cmd._ask(lambda: BANK, d, meta, save, resumed)  # noqa: E731
        return answers.gather(prep_cmd.SPEC, answers.Options(), start=data, interactive=True, ask=ask)

    return run


def saved_draft() -> drafts.Draft:
    found, damaged = drafts.scan()
    assert damaged == []
    assert len(found) == 1
    return found[0]


def saved_prep() -> dict[str, Any]:
    return saved_draft().answers


def test_ctrl_c_at_the_first_prompt_says_nothing_was_saved() -> None:
    stopped = drive(CTRL_C, gather_prep())
    assert stopped.message == "Interrupted before any answer: nothing to save yet."
    assert drafts.scan() == ([], [])


def test_ctrl_c_at_the_second_persons_name_keeps_both_people() -> None:
    start = {
        k: v for k, v in profile().items() if k not in ("interviewers", "priorities", "research", "custom_questions")
    }
    keys = DOWN + DOWN + ENTER + ENTER + "Sam Lee" + ENTER + DOWN + ENTER + "Ana" + CTRL_C
    stopped = drive(keys, gather_prep(start))
    assert "saved" in stopped.message
    assert "--resume" in stopped.message
    saved = saved_draft()
    assert saved.answers["interviewers"] == [{"name": "Sam Lee", "role": "manager"}, {"role": "peer"}]
    assert "interviewers" in saved.meta.pending
    assert not any(str(key).startswith("_") for key in saved.answers)


def test_ctrl_c_at_add_another_keeps_both_own_questions() -> None:
    start = {k: v for k, v in profile().items() if k != "custom_questions"}
    one = "y" + "What did the last hire learn first?" + ENTER + ENTER + ENTER  # add, text, theme, minutes
    two = "y" + "What went wrong last quarter?" + ENTER + ENTER + ENTER
    drive(one + two + CTRL_C, gather_prep(start))  # Ctrl-C at "Add another?"
    saved = saved_prep()
    assert [q["text"] for q in saved["custom_questions"]] == [
        "What did the last hire learn first?",
        "What went wrong last quarter?",
    ]


def test_a_resumed_prep_asks_again_only_the_list_that_was_being_built() -> None:
    start = {k: v for k, v in profile().items() if k not in ("interviewers",)}
    drive(DOWN + ENTER + ENTER + "Sam" + CTRL_C, gather_prep(start))
    saved = saved_draft()
    assert prep_cmd._missing(saved.answers, saved.meta) == ["interviewers"]


@pytest.fixture
def acme_session(cli: Cli, work: Path) -> str:
    assert prep(cli, work, "acme").code == 0
    return "acme-analyst"


def test_ctrl_c_at_the_rating_keeps_the_note(acme_session: str) -> None:
    from revint_cli.store import sessionstore as sessions

    session = sessions.load(acme_session)

    def run() -> Any:
        spec = answers.Spec("debrief", lambda d, m: ["x"], lambda d, m: ["x"], "")
        ask = lambda d, meta, save, resumed: debrief_cmd._ask(BANK, session, d, meta, save, resumed)  # noqa: E731
        meta = drafts.Meta(session=session.name)
        return answers.gather(spec, answers.Options(), meta=meta, interactive=True, ask=ask)

    keys = (ENTER if session.sheet().backup else "") + ENTER + "They own the roadmap" + ENTER + CTRL_C
    drive(keys, run)
    found, _ = drafts.scan()
    first = session.sheet().questions[0].id
    assert found[0].answers["answers"][first] == {"asked": "true", "note": "They own the roadmap"}  # as YAML keeps it
    assert found[0].meta.session == session.name
    assert debrief_cmd._missing(session, found[0].answers, found[0].meta)[0] == first  # asked again: no rating yet


# ----- 2. no escape codes reach the terminal, nor the files ----------------------------------------------

EVIL = "Evil\x1b[31mRED\x1b[2J\x07 \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \u202eCorp\x00"


def test_escape_codes_never_reach_the_terminal_or_the_sheet(cli: Cli, work: Path, revint_home: Path) -> None:
    data = profile(company=EVIL, research={"growth": "a\x1b[2Jb"})
    result = cli(["prep", "--answers", str(write(work / "evil.yaml", data)), "--no-input"])
    assert result.code == 0, result.err
    sheet = next(work.glob("*.md")).read_text(encoding="utf-8")
    for shown in (result.out, result.err, sheet, cli(["sessions"]).out, cli(["drafts"]).out):
        assert not any(c in shown for c in CONTROL), repr(shown)
    session = next((revint_home / "sessions").iterdir())
    sheet_json = (session / "sheet-1.json").read_text(encoding="utf-8")
    assert "\u202e" not in sheet_json
    assert "\x1b" not in sheet_json
    assert json.loads(sheet_json)["company"] == EVIL  # the data keeps what was typed


@pytest.mark.parametrize(
    ("fmt", "compact"), [("md", False), ("md", True), ("html", False), ("html", True), ("json", False)]
)
def test_escape_codes_never_reach_a_sheet_in_any_format(cli: Cli, work: Path, fmt: str, compact: bool) -> None:
    data = profile(company=EVIL, role="<script>alert(1)</script>", research={"growth": "a\x1b[2Jb <b>x</b>"})
    args = ["prep", "--answers", str(write(work / "evil.yaml", data)), "--no-input", "-f", fmt, "-o", f"s.{fmt}"]
    result = cli([*args, *(["--compact"] if compact else [])])
    assert result.code == 0, result.err
    again = cli(["sheet", str(work / f"s.{fmt}"), "-f", fmt, "-o", "-", *(["--compact"] if compact else [])])
    written = (work / f"s.{fmt}").read_text(encoding="utf-8")
    assert again.out == written
    assert not any(c in written for c in CONTROL), repr(written)
    if fmt == "html":  # typed markup is text: the page has no element the sheet does not write itself
        assert "<script>" not in written
        assert "<b>x</b>" not in written
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in written


def test_error_messages_show_control_characters_visibly(cli: Cli, work: Path) -> None:
    result = cli(["prep", "--answers", str(write(work / "a.yaml", profile(stage="final\x1b[2J"))), "--no-input"])
    assert result.code == 2
    assert "final\\x1b[2J" in result.err
    assert "\x1b" not in result.err


def test_rich_markup_in_a_bank_is_shown_as_typed(cli: Cli, work: Path) -> None:
    themes = [{"id": "hobbies", "title": "[link=https://evil.example]Hobbies[/link]", "summary": "[/bold] x"}]
    path = write(work / "b.yaml", {"version": 2, "themes": themes, "questions": []})
    result = cli(["--bank", str(path), "themes"])
    assert result.code == 0, result.err
    assert "[link=https://evil.example]Hobbies[/link]" in result.out


# ----- 3. sessions never collide ------------------------------------------------------------------------


def test_companies_whose_names_read_alike_get_separate_sessions(cli: Cli, work: Path, revint_home: Path) -> None:
    for n, company in enumerate(["株式会社トヨタ", "ソニー株式会社", "🚀🚀", "🌟", "A|B", "A B"]):
        assert prep(cli, work, f"p{n}", company=company, role="エンジニア").code == 0
    names = sorted(p.name for p in (revint_home / "sessions").iterdir())
    assert len(names) == 6
    assert "株式会社トヨタ-エンジニア" in names


def test_a_second_company_never_inherits_anothers_debrief(cli: Cli, work: Path, revint_home: Path) -> None:
    assert prep(cli, work, "first", company="A|B").code == 0
    (first,) = list((revint_home / "sessions").iterdir())
    (first / "debrief-1.yaml").write_text("version: 1\nround: 1\ngut: 1\n", encoding="utf-8")
    assert prep(cli, work, "second", company="A B").code == 0
    second = [p for p in (revint_home / "sessions").iterdir() if p != first]
    assert len(second) == 1
    assert not (second[0] / "debrief-1.yaml").exists()
    assert "A B" in (second[0] / "profile.yaml").read_text(encoding="utf-8")
    assert "A|B" in (first / "profile.yaml").read_text(encoding="utf-8")


# ----- 4. validation lists at most 50 problems (its time is measured in benchmarks/validation.py) -------


def test_thousands_of_problems_are_counted_not_listed(cli: Cli, work: Path) -> None:
    path = work / "many.yaml"
    path.write_text("company: A\nrole: B\npriorities:\n" + "".join(f"- nope{i}\n" for i in range(3000)), "utf-8")
    result = cli(["prep", "--answers", str(path), "--no-input"])
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 52
    assert lines[-2] == "... and 2950 more"
    assert lines[-1] == "3000 problems"


# ----- 5. the user's own situation is exit 2 with one line, never exit 3 ---------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_exit_2() -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run([str(REVINT), "--version"], stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1
    assert b"No space left" in done.stderr


def test_a_terminal_that_is_not_utf8_still_gets_the_questions() -> None:
    done = revint("questions", "--theme", "culture", env={**os.environ, "PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 0, done.stderr


def test_closed_stdout_and_stdin_are_exit_2_with_one_line() -> None:
    closed_out = subprocess.run(f"exec {REVINT} themes >&-", shell=True, capture_output=True, timeout=60)
    assert closed_out.returncode == 2
    assert closed_out.stderr.decode().count("\n") == 1
    closed_in = subprocess.run(f"exec {REVINT} prep <&-", shell=True, capture_output=True, timeout=60)
    assert closed_in.returncode == 2
    assert b"needs a terminal" in closed_in.stderr


def test_a_broken_pipe_ends_quietly_with_141() -> None:
    done = subprocess.run(
        f"{REVINT} questions | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 141
    assert done.stderr == b""


def test_names_and_homes_that_cannot_work_are_exit_2(
    cli: Cli, revint_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(["debrief", "a" * 300]).code == 2
    (revint_home / "drafts" / "x.yaml").mkdir(parents=True)
    assert cli(["drafts", "--clear", "x"]).code == 2
    home_file = tmp_path / "home-file"
    home_file.write_text("", encoding="utf-8")
    monkeypatch.setenv("REVINT_HOME", str(home_file))
    result = cli(["sessions"])
    assert result.code == 2
    assert "not a folder" in result.err


@pytest.mark.parametrize(
    "damage",
    [
        lambda q: q.update(ask="manager"),
        lambda q: q.update(listen_for=["green"]),
        lambda q: q.pop("id"),
    ],
)
def test_a_hand_edited_sheet_is_exit_2_with_its_line(
    cli: Cli, acme_session: str, revint_home: Path, damage: Callable[[dict[str, Any]], None]
) -> None:
    path = revint_home / "sessions" / acme_session / "sheet-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    damage(data["questions"][0])
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    for argv in (
        ["debrief", acme_session, "--no-input"],
        ["prep", "--next-round", acme_session, "--no-input"],
    ):
        result = cli(argv)
        assert result.code == 2, (argv, result.err)
        assert f"{path}:" in result.err
    listing = cli(["sessions"])  # the listing shows the damaged session with its file and line, beside the rest
    assert listing.code == 0
    assert f"damaged: {path}:" in listing.out


# ----- 6. writes stay in their place ------------------------------------------------------------------------


def test_symlinked_folders_in_the_home_are_refused(cli: Cli, work: Path, revint_home: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (revint_home / "sessions").symlink_to(outside)
    result = prep(cli, work, "a")
    assert result.code == 2
    assert "symbolic link" in result.err
    assert list(outside.iterdir()) == []


def test_output_replaces_only_regular_files(cli: Cli, work: Path) -> None:
    answers_file = write(work / "a.yaml", profile())
    result = cli(["prep", "--answers", str(answers_file), "--no-input", "-o", "/dev/null", "--force"])
    assert result.code == 2
    assert "not a regular file" in result.err
    assert Path("/dev/null").is_char_device()


def test_printing_the_sheet_writes_nothing_here(cli: Cli, work: Path) -> None:
    answers_file = write(work / "a.yaml", profile())
    result = cli(["prep", "--answers", str(answers_file), "--no-input", "-o", "-"])
    assert result.code == 0
    assert result.out.startswith("# Reverse interview")
    assert sorted(p.name for p in work.iterdir()) == ["a.yaml"]


# ----- 7. damaged drafts are listed, with their line, and can be removed -----------------------------------


def test_damaged_drafts_are_listed_with_their_line(cli: Cli, revint_home: Path) -> None:
    folder = revint_home / "drafts"
    folder.mkdir()
    (folder / "broken.yaml").write_text("kind: prep\nanswers:\n  company: [unclosed\n", encoding="utf-8")
    (folder / "odd.yaml").write_text("# a draft\nkind: nonsense\nanswers: {}\n", encoding="utf-8")
    listing = cli(["drafts"]).out
    assert "broken" in listing
    assert "damaged" in listing
    assert re.search(r"broken\.yaml:\d+:\d+: YAML syntax error", listing)
    assert "odd.yaml:2: kind" in listing
    assert cli(["drafts", "--clear", "broken"]).code == 0
    assert not (folder / "broken.yaml").exists()


# ----- 8. own questions never vanish --------------------------------------------------------------------------


def test_every_own_question_is_on_the_sheet_or_in_the_backups(cli: Cli, work: Path) -> None:
    own = [{"text": f"What happened in project {n}?", "theme": "culture", "minutes": 5} for n in range(12)]
    answers_file = write(work / "a.yaml", profile(minutes=30, custom_questions=own))
    result = cli(["prep", "--answers", str(answers_file), "--no-input", "-o", "-", "--format", "json"])
    assert result.code == 0, result.err
    sheet = json.loads(result.out)
    kept = [q["id"] for q in [*sheet["questions"], *sheet["backup"]] if q["source"] == "custom"]
    assert sorted(kept, key=lambda i: int(i.split("-")[1])) == [f"custom-{n}" for n in range(1, 13)]
    assert sheet["planned_minutes"] <= 30
    left_out = [q for q in sheet["backup"] if q["source"] == "custom"]
    assert left_out
    assert all({"code": "did-not-fit", "params": {"minutes": 30}} in q["warnings"] for q in left_out)


# ----- 9. the next round ---------------------------------------------------------------------------------------


def debrief_first_red(cli: Cli, work: Path, session: str, revint_home: Path) -> str:
    sheet = json.loads((revint_home / "sessions" / session / "sheet-1.json").read_text(encoding="utf-8"))
    rated = {q["id"]: {"asked": True, "rating": "green"} for q in sheet["questions"]}
    red = sheet["questions"][0]["id"]
    rated[red] = {"asked": True, "rating": "red", "note": "vague"}
    path = write(work / "debrief.yaml", {"version": 1, "answers": rated, "gut": 3})
    assert cli(["debrief", session, "--answers", str(path)]).code == 0
    return red


def test_the_next_round_has_its_own_files_and_keeps_red_answers(
    cli: Cli, work: Path, acme_session: str, revint_home: Path
) -> None:
    red = debrief_first_red(cli, work, acme_session, revint_home)
    result = cli(["prep", "--next-round", acme_session, "--no-input", "--format", "json"])
    assert result.code == 0, result.err
    written = json.loads((work / f"{acme_session}-round-2.json").read_text(encoding="utf-8"))
    assert written["profile"]["stage"] == "final"  # the stage after the interview, as suggested
    assert written["profile"]["minutes"] == 20  # the previous round's minutes
    item = next(q for q in [*written["questions"], *written["backup"]] if q["id"] == red)
    first = json.loads((revint_home / "sessions" / acme_session / "sheet-1.json").read_text(encoding="utf-8"))
    before = next(q for q in first["questions"] if q["id"] == red).get("ask") or {"role": "interviewer"}
    assert item["recheck"]["role"] == before["role"]  # whose red answer is cross-checked, as data


def test_the_next_round_reads_its_session_once_and_keeps_its_meta_apart(
    cli: Cli, work: Path, acme_session: str, revint_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revint_cli.store import sessionstore as sessions

    debrief_first_red(cli, work, acme_session, revint_home)
    calls: list[str] = []
    next_round = sessions.next_round

    def counted(ref: str) -> Any:
        calls.append(ref)
        session, start, carried = next_round(ref)
        assert not any(str(key).startswith("_") for key in start)  # the suggestions travel in the meta
        return session, start, carried

    monkeypatch.setattr(sessions, "next_round", counted)
    result = cli(["prep", "--next-round", acme_session, "--no-input", "--format", "json"])
    assert result.code == 0, result.err
    assert calls == [acme_session]


def test_the_next_round_refuses_to_clobber_before_the_first_question(
    cli: Cli, work: Path, acme_session: str, revint_home: Path
) -> None:
    debrief_first_red(cli, work, acme_session, revint_home)
    (work / f"{acme_session}-round-2.md").write_text("mine", encoding="utf-8")
    result = cli(["prep", "--next-round", acme_session])  # no terminal: it would need one only later
    assert result.code == 2
    assert "already exists" in result.err
    assert (work / f"{acme_session}-round-2.md").read_text(encoding="utf-8") == "mine"


# ----- 10. rough edges -------------------------------------------------------------------------------------------


def test_the_sheet_keeps_what_was_typed_and_names_people_well(cli: Cli, work: Path) -> None:
    answers_file = write(
        work / "a.yaml",
        profile(company="Bakkerij Ö&Zn", research={"growth": "Series B (EUR 30m)"}, interviewers=[{"role": "hr"}]),
    )
    sheet = cli(["prep", "--answers", str(answers_file), "--no-input", "-o", "-"]).out
    assert "Bakkerij Ö&Zn" in sheet
    assert "Series B (EUR 30m)" in sheet
    assert "ask HR" in sheet
    assert "the hr" not in sheet


def test_a_screening_call_defaults_to_a_short_phone_call(cli: Cli, work: Path) -> None:
    data = {"company": "Acme", "role": "Analyst", "stage": "screening"}
    result = cli(["prep", "--answers", str(write(work / "a.yaml", data)), "--no-input", "-o", "-", "--format", "json"])
    assert result.code == 0, result.err
    written = json.loads(result.out)["profile"]
    assert (written["minutes"], written["format"]) == (10, "phone")


def test_a_yes_no_warning_goes_to_the_terminal_not_the_sheet(cli: Cli, work: Path) -> None:
    own = [{"text": "Is there a budget for training?", "theme": "growth", "minutes": 2}]
    result = cli(
        ["prep", "--answers", str(write(work / "a.yaml", profile(custom_questions=own))), "--no-input", "-o", "-"]
    )
    assert "yes/no" in result.err
    assert "yes/no" not in result.out
    assert "Is there a budget for training?" in result.out


def test_compare_says_when_a_session_was_never_debriefed(cli: Cli, work: Path) -> None:
    assert prep(cli, work, "a", company="Acme").code == 0
    assert prep(cli, work, "b", company="Globex").code == 0
    result = cli(["compare", "acme-analyst", "globex-analyst", "--format", "md"])
    assert result.code == 0, result.err
    assert "| Red flags | not debriefed | not debriefed |" in result.out


def test_session_names_are_never_cut(cli: Cli, work: Path) -> None:
    company = "The Very Long Name Of A Consultancy In Amsterdam"
    assert prep(cli, work, "a", company=company, role="Senior Data Analyst Lead").code == 0
    name = "the-very-long-name-of-a-consultancy-in-amsterdam-senior-data-analyst-lead"
    assert name in cli(["sessions"]).out.split()


# ----- fuzz: damaged session, sheet and draft files -----------------------------------------------------------


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The files of a debriefed session and a draft, made once, by revint itself."""
    from revint_cli.cli import run

    home = tmp_path_factory.mktemp("home")
    old = os.environ.get("REVINT_HOME")
    os.environ["REVINT_HOME"] = str(home)
    try:
        answers_file = write(home / "a.yaml", profile())
        assert run(["prep", "--answers", str(answers_file), "--no-input", "-o", str(home / "s.md")]) == 0
        session = home / "sessions" / "acme-analyst"
        sheet = json.loads((session / "sheet-1.json").read_text(encoding="utf-8"))
        rated = {q["id"]: {"asked": True, "rating": "yellow", "note": "n"} for q in sheet["questions"]}
        assert (
            run(["debrief", "acme-analyst", "--answers", str(write(home / "d.yaml", {"answers": rated, "gut": 3}))])
            == 0
        )
        drafts.save("prep", "acme-analyst", profile(), drafts.Meta(pending=["interviewers"]))
        files = {str(p.relative_to(home)): p.read_bytes() for p in [*session.iterdir(), *(home / "drafts").iterdir()]}
    finally:
        os.environ["REVINT_HOME"] = old or ""
    return files


@st.composite
def damaged(draw: st.DrawFn, files: dict[str, bytes]) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(files)))
    data = files[name]
    how = draw(st.sampled_from(["truncate", "flip", "insert", "replace-value"]))
    at = draw(st.integers(0, max(len(data) - 1, 0)))
    if how == "truncate":
        return name, data[:at]
    if how == "flip":
        return name, data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    if how == "insert":
        return name, data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    junk = draw(st.sampled_from([b"null", b"[]", b"{}", b"-1", b'"x"', b"true", b"1e999", b'"\\u202e"']))
    end = data.find(b"\n", at)
    return name, data[:at] + junk + (data[end:] if end >= 0 else b"")


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_damaged_files_are_exit_2_never_exit_3(
    cli: Cli, revint_home: Path, work: Path, pristine: dict[str, bytes], data: st.DataObject
) -> None:
    name, content = data.draw(damaged(pristine))
    for rel, original in pristine.items():
        path = revint_home / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if rel == name else original)
    for argv in (
        ["sessions"],
        ["drafts"],
        ["debrief", "acme-analyst", "--no-input", "--force"],
        ["prep", "--next-round", "acme-analyst", "--no-input", "-o", "-", "--force"],
        ["prep", "--resume", "--no-input", "-o", "-", "--force"],
        ["compare", "acme-analyst", "acme-analyst"],
    ):
        result = cli(argv)
        assert result.code in (0, 2), (argv, name, result.err)
        assert "unexpected error" not in result.err
