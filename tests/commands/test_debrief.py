"""`revint debrief`: the wizard driven by keys in-process, `--answers` through the CLI, the checks against
the sheet, and `revint sessions`."""

from __future__ import annotations


import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from revint_cli import questionbank as bank_mod
from revint_cli.store import draftstore as drafts
from revint_cli.store.draftstore import Meta
from revint_cli.wizard import outcome as wizard
from revint_cli.answers import Interrupted
from revint_cli.formats.debrief_file import Debrief
from revint_cli.errors import ExitCode
from revint_cli.formats.cheatsheet import Sheet
from support_sessions import (
    keys_in,
    ACME,
    EXAMPLES,
    GLOBEX,
    debrief_data,
    example_debrief,
    prep_examples,
    session_dir,
    sheet_questions,
    write_yaml,
)


ENTER, UP, DOWN, SPACE, CTRL_C = "\r", "\x1b[A", "\x1b[B", " ", "\x03"


@pytest.fixture(scope="module")
def bank() -> bank_mod.Bank:
    return bank_mod.load([])


def item(qid: str, theme: str, role: str | None = "manager") -> dict[str, Any]:
    return {
        "id": qid,
        "theme": theme,
        "text": f"What about {qid}?",
        "minutes": 3,
        "ask": {"role": role} if role else None,
        "listen_for": {"green": ["specifics"], "red": ["vague"]},
    }


SHEET = Sheet.model_validate(
    {
        "company": "Acme",
        "role": "Engineer",
        "profile": {"company": "Acme", "role": "Engineer"},
        "budget_minutes": 20,
        "planned_minutes": 6,
        "questions": [item("growth-q", "growth"), item("team-q", "team", None)],
        "backup": [item("culture-q", "culture", "peer"), item("autonomy-q", "autonomy")],
    }
)


def drive(
    bank: bank_mod.Bank,
    keys: str,
    answers: dict[str, Any] | None = None,
    *,
    review: bool = False,
    meta: Meta | None = None,
    metas: list[Meta] | None = None,
):
    """Run the debrief wizard on `keys`: its result (or the interruption), the answers, a copy of the answers
    saved each time (and in `metas`, of the meta)."""
    saved: list[dict[str, Any]] = []
    metas = [] if metas is None else metas
    answers = answers if answers is not None else {}

    def save(data: dict[str, Any], meta: Meta) -> None:
        saved.append(json.loads(json.dumps(data)))
        metas.append(copy.deepcopy(meta))

    with keys_in(keys):
        try:
            result = wizard.debrief(SHEET, bank, answers, save, meta=meta, review=review)
        except Interrupted as err:
            return err, answers, saved
    return result, answers, saved


def test_the_debrief_wizard_records_every_answer(bank: bank_mod.Bank) -> None:
    keys = "".join(
        [
            SPACE + ENTER,  # also asked the first backup (culture-q)
            ENTER,  # growth-q: asked (yes)
            "Two principal engineers" + ENTER,
            UP + ENTER,  # green
            DOWN + ENTER,  # team-q: not asked
            ENTER,  # culture-q: asked
            "They blamed the on-call" + ENTER,
            DOWN + ENTER,  # red
            "y",  # something not on the sheet
            "How many left this year?" + ENTER,
            ENTER,  # its theme: the first one
            "Two of eight" + ENTER,
            ENTER,  # yellow
            "n",  # nothing else
            UP + ENTER,  # gut: 4
            "Ask the skip-level" + ENTER,
        ]
    )
    metas: list[Meta] = []
    result, answers, saved = drive(bank, keys, metas=metas)

    assert not isinstance(result, Interrupted), result
    first_theme = next(iter(bank.themes))
    assert metas[0].backups == ["culture-q"]  # which backups were ticked, saved before the first question
    assert metas[-1].pending == []
    assert result == {
        "answers": {
            "growth-q": {"asked": True, "rating": "green", "note": "Two principal engineers"},
            "team-q": {"asked": False},
            "culture-q": {"asked": True, "rating": "red", "note": "They blamed the on-call"},
        },
        "extra": [
            {"text": "How many left this year?", "theme": first_theme, "rating": "yellow", "note": "Two of eight"}
        ],
        "gut": 4,
        "notes": "Ask the skip-level",
    }
    Debrief.model_validate(result)
    # Saved after every answer: the backups; that it was asked, the note (before its rating) and the rating
    # of each question asked, and the one not asked; each field of the extra, the extras done; gut; notes.
    assert len(saved) == 15
    assert saved[1]["answers"] == {"growth-q": {"asked": True, "note": ""}}
    assert saved[2]["answers"] == {"growth-q": {"asked": True, "note": "Two principal engineers"}}
    assert saved[3]["answers"] == {"growth-q": {"asked": True, "rating": "green", "note": "Two principal engineers"}}
    assert saved[8]["extra"] == [{"text": "How many left this year?"}]  # its text, before its theme
    assert saved[-2]["gut"] == 4
    assert "notes" not in saved[-2]


def test_ctrl_c_in_the_debrief_keeps_what_was_answered(bank: bank_mod.Bank) -> None:
    keys = ENTER + ENTER + "Clear ladder" + ENTER + UP + ENTER + ENTER + "half an ans" + CTRL_C
    result, answers, saved = drive(bank, keys)

    assert isinstance(result, Interrupted)
    assert result.code == ExitCode.INTERRUPTED
    assert saved[-1]["answers"] == {
        "growth-q": {"asked": True, "rating": "green", "note": "Clear ladder"},
        "team-q": {"asked": True, "note": ""},  # asked, not rated: asked again on resume
    }


def test_resuming_the_debrief_asks_only_what_is_left(bank: bank_mod.Bank) -> None:
    start = {"answers": {"growth-q": {"asked": True, "rating": "green", "note": "Clear ladder"}}}
    keys = DOWN + ENTER + "n" + ENTER + ENTER  # team-q not asked; no extras; gut 3; no notes
    result, _, _ = drive(bank, keys, start, meta=Meta(backups=[]))

    assert not isinstance(result, Interrupted), result
    assert result["answers"] == {
        "growth-q": {"asked": True, "rating": "green", "note": "Clear ladder"},
        "team-q": {"asked": False},
    }
    assert result["gut"] == 3


def test_reviewing_the_debrief_offers_the_saved_answers_as_defaults(bank: bank_mod.Bank) -> None:
    start = {
        "answers": {
            "growth-q": {"asked": True, "rating": "red", "note": "No ladder"},
            "team-q": {"asked": False},
            "autonomy-q": {"asked": True, "rating": "green", "note": "RFCs"},
        },
        "extra": [],
        "gut": 2,
        "notes": "keep",
    }
    # Enter everywhere: the backups as checked, then each saved answer kept.
    keys = ENTER + ENTER + ENTER + ENTER + ENTER + ENTER + ENTER + ENTER + "n" + ENTER + ENTER
    result, _, _ = drive(bank, keys, json.loads(json.dumps(start)), review=True, meta=Meta(backups=["autonomy-q"]))

    assert not isinstance(result, Interrupted), result
    assert result["answers"] == start["answers"]
    assert (result["gut"], result["notes"]) == (2, "keep")


def test_a_ticked_backup_survives_ctrl_c_and_resume(bank: bank_mod.Bank, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ticked, then Ctrl-C before it is reached: on resume it is still planned, counted and asked."""
    from revint_cli.wizard.prompter import Prompter

    headings: list[str] = []
    say = Prompter.say
    monkeypatch.setattr(Prompter, "say", lambda self, text, style="": (headings.append(text), say(self, text, style)))
    record = drafts.Recorder("debrief", "debrief-acme", owned=False)
    keys = SPACE + ENTER + DOWN + ENTER + CTRL_C  # tick culture-q; growth-q not asked; Ctrl-C at team-q
    with keys_in(keys), pytest.raises(Interrupted):
        wizard.debrief(SHEET, bank, {}, record, meta=Meta(session="acme"))
    draft = drafts.latest("debrief", "debrief-acme")  # through the file, as `revint debrief --resume` reads it
    assert draft.meta.backups == ["culture-q"]
    assert [h.split(" ", 1)[0] for h in headings if h.startswith("\n[")] == ["\n[1/3]", "\n[2/3]"]

    headings.clear()
    keys = DOWN + ENTER + ENTER + "Blamed on-call" + ENTER + ENTER + "n" + ENTER + ENTER
    with keys_in(keys):  # team-q not asked; culture-q asked, a note, yellow; no extras; gut 3; no notes
        result = wizard.debrief(SHEET, bank, dict(draft.answers), record, meta=draft.meta)
    assert [h.split(" ", 1)[0] for h in headings if h.startswith("\n[")] == ["\n[2/3]", "\n[3/3]"]
    assert result["answers"]["culture-q"] == {"asked": True, "rating": "yellow", "note": "Blamed on-call"}
    assert set(result["answers"]) == {"growth-q", "team-q", "culture-q"}


def test_a_ticked_backup_not_yet_answered_is_missing(cli, work: Path, revint_home: Path) -> None:
    """`revint debrief --resume` asks for it even when every planned question and the gut are answered."""
    from revint_cli.commands import debrief as debrief_cmd
    from revint_cli.store import sessionstore as sessions

    prep_examples(cli, "globex-platform")
    session = sessions.load(GLOBEX)
    backup = session.sheet().backup[0].id if session.sheet().backup else None
    if backup is None:
        pytest.skip("the shipped bank plans no backup question for this profile")
    data = debrief_data(sheet_questions(revint_home, GLOBEX), {}, gut=3)
    assert debrief_cmd._missing(session, data, Meta(backups=[backup])) == [backup]
    assert debrief_cmd._missing(session, data, Meta(backups=[])) == []


def test_a_resumed_debrief_reads_its_draft_once(cli, work: Path, revint_home: Path, monkeypatch) -> None:
    prep_examples(cli, "globex-platform")
    data = debrief_data(sheet_questions(revint_home, GLOBEX), {}, gut=5)
    del data["version"]
    drafts.save("debrief", f"debrief-{GLOBEX}", data, Meta(session=GLOBEX))
    loaded: list[Path] = []
    load = drafts.load
    monkeypatch.setattr(drafts, "load", lambda path: (loaded.append(path), load(path))[1])

    code, _, err = cli(["debrief", "--resume"])

    assert code == 0, err
    assert loaded == [revint_home / "drafts" / f"debrief-{GLOBEX}.yaml"]


def test_a_debrief_draft_of_the_previous_release_resumes(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    data = debrief_data(sheet_questions(revint_home, GLOBEX), {"growth-ic-track": ("green", "ladder")}, gut=5)
    del data["version"]
    old = {"kind": "debrief", "answers": {"_session": GLOBEX, "_company": "Globex", "_backups_checked": True, **data}}
    (revint_home / "drafts").mkdir(exist_ok=True)
    write_yaml(revint_home / "drafts" / f"debrief-{GLOBEX}.yaml", old)

    code, _, err = cli(["debrief", "--resume"])

    assert code == 0, err
    saved = yaml.safe_load((session_dir(revint_home, GLOBEX) / "debrief-1.yaml").read_text(encoding="utf-8"))
    assert saved["gut"] == 5
    assert list((revint_home / "drafts").glob("*.yaml")) == []


def globex_debrief(home: Path, work: Path) -> tuple[Path, str]:
    """A valid debrief of Globex's sheet (its first question green, one extra question red), independent
    of which questions the shipped bank plans; returns its path and the first question's id."""
    questions = sheet_questions(home, GLOBEX)
    qid = questions[0]["id"]
    extra = [{"text": "What happened after the last outage?", "theme": "culture", "rating": "red", "note": "Blamed"}]
    data = debrief_data(questions, {qid: ("green", "Named owners")}, extra=extra)
    return write_yaml(work / "globex-debrief.yaml", data), qid


# ----- through the CLI -----------------------------------------------------------------------------------


def test_debrief_answers_through_the_cli(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "acme-backend")
    answers = example_debrief(revint_home, ACME, "acme-debrief", work)

    code, out, err = cli(["debrief", ACME, "--answers", str(answers)])

    assert code == 0, err
    saved = yaml.safe_load((session_dir(revint_home, ACME) / "debrief-1.yaml").read_text(encoding="utf-8"))
    example = yaml.safe_load((EXAMPLES / "acme-debrief.yaml").read_text(encoding="utf-8"))
    assert saved["round"] == 1
    assert saved["gut"] == 4
    for qid, answer in example["answers"].items():
        assert saved["answers"][qid] == answer
    assert saved["extra"] == example["extra"]
    lines = [" ".join(line.split()) for line in err.splitlines()]
    # (3*3/4 + 2*1 + 1*1/4 + 1/2*1 + 1/2*1/4 + 1/2*1/2) / (3 + 2 + 1 + 3*1/2) = 43/60: remote-work,
    # challenges and communication are not priorities; next steps are left out.
    assert "Overall fit: 72%, gut feeling 4/5" in lines
    assert "Communication 1 50%" in lines
    assert "Growth ★ 2 75%" in lines
    assert "Team ★ 2 25%" in lines
    assert "Challenges 2 25%" in lines
    assert not any(line.startswith("Next steps") for line in lines)  # left out of the fit
    assert sum(line.startswith("Red flag:") for line in lines) == 2
    assert "Billing has had no owner since the reorg" in " ".join(lines)
    assert f"revint prep --next-round {ACME}" in " ".join(lines)


def test_the_shipped_example_debriefs_replay_as_they_are(cli, work: Path, revint_home: Path) -> None:
    """The README's commands: `revint debrief SESSION --answers examples/...-debrief.yaml`."""
    prep_examples(cli, "acme-backend", "globex-platform")
    for session, name in ((ACME, "acme-debrief"), (GLOBEX, "globex-debrief")):
        example_debrief(revint_home, session, name, work)  # skips while the shipped bank is being rewritten
        code, _, err = cli(["debrief", session, "--answers", str(EXAMPLES / f"{name}.yaml")])
        assert code == 0, err


def test_a_debrief_names_its_session_by_sheet_or_profile_path(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    answers, _ = globex_debrief(revint_home, work)
    saved = session_dir(revint_home, GLOBEX) / "debrief-1.yaml"
    for ref in (f"{GLOBEX}.md", f"{GLOBEX}.profile.yaml", f"{GLOBEX}.md".upper().lower()):
        saved.unlink(missing_ok=True)
        code, _, err = cli(["debrief", ref, "--answers", str(answers)])
        assert code == 0, err
        assert saved.is_file()


def test_an_unknown_question_id_is_exit_2_with_did_you_mean(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    path, qid = globex_debrief(revint_home, work)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["answers"][qid[:-1]] = {"asked": True, "rating": "red", "note": "typo"}
    write_yaml(path, data)

    code, _, err = cli(["debrief", GLOBEX, "--answers", str(path)])

    assert code == 2
    assert f"unknown question '{qid[:-1]}'; did you mean '{qid}'?" in err
    assert not (session_dir(revint_home, GLOBEX) / "debrief-1.yaml").exists()


def test_an_unknown_extra_theme_is_exit_2_with_did_you_mean(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    path, _ = globex_debrief(revint_home, work)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["extra"][0]["theme"] = "cultur"
    write_yaml(path, data)
    code, _, err = cli(["debrief", GLOBEX, "--answers", str(path)])
    assert code == 2
    assert "extra[0].theme: unknown theme 'cultur'; did you mean 'culture'?" in err


def test_an_unknown_question_id_names_the_file_and_line(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    questions = sheet_questions(revint_home, GLOBEX)
    data = debrief_data(questions, {})
    data["answers"] = {"growth-ic-trak": {"asked": False}, **data["answers"]}
    path = write_yaml(work / "d.yaml", data)  # line 1 version, 2 answers, 3 the unknown id
    code, _, err = cli(["debrief", GLOBEX, "--answers", str(path)])
    assert code == 2
    assert err.startswith(f"{path}:3: answers.growth-ic-trak: unknown question"), err


def test_a_mistyped_question_id_is_pointed_out(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    path = work / "d.yaml"
    written, qid = globex_debrief(revint_home, work)
    text = written.read_text(encoding="utf-8")
    path.write_text(text.replace(f"{qid}:", f"{qid[:-1]}:", 1), encoding="utf-8")
    code, _, err = cli(["debrief", GLOBEX, "--answers", str(path)])
    assert code == 2
    assert f"did you mean '{qid}'?" in err


def test_a_question_answered_twice_is_reported(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    path, qid = globex_debrief(revint_home, work)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("answers:\n", f"answers:\n  {qid}:\n    asked: false\n", 1), encoding="utf-8")
    code, _, err = cli(["debrief", GLOBEX, "--answers", str(path)])
    assert code == 2
    assert f"duplicate key '{qid}'" in err


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"gut": 7}, "gut: must be an integer from 1 to 5"),
        ({"round": 2}, "has no sheet for round 2"),
        # no terminal to ask the rating in: the question is named as missing its answer
        ({"answer": {"asked": True}}, "missing {qid}; add them, or run revint debrief in a terminal"),
        ({"answer": {"asked": True, "rating": "amber"}}, "unknown value 'amber'"),
        ({"answer": {"asked": "maybe"}}, "missing {qid}; add them, or run revint debrief in a terminal"),
        ({"extra_key": "x"}, "unknown key 'extra_key'"),
    ],
)
def test_bad_debrief_values_are_exit_2(cli, work: Path, revint_home: Path, change: dict[str, Any], says: str) -> None:
    prep_examples(cli, "globex-platform")
    planned = sheet_questions(revint_home, GLOBEX)
    qid = planned[0]["id"]
    data = debrief_data(planned, {})
    if "answer" in change:
        data["answers"][qid] = change["answer"]
    else:
        data.update(change)
    path = write_yaml(work / "d.yaml", data)
    code, _, err = cli(["debrief", GLOBEX, "--answers", str(path)])
    assert code == 2
    assert says.format(qid=qid) in err
    assert "Traceback" not in err
    assert not (session_dir(revint_home, GLOBEX) / "debrief-1.yaml").exists()


def test_a_debrief_with_missing_answers_and_no_input_is_exit_2(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    qid = sheet_questions(revint_home, GLOBEX)[0]["id"]
    path = write_yaml(work / "d.yaml", {"answers": {qid: {"asked": False}}})
    code, _, err = cli(["debrief", GLOBEX, "--answers", str(path), "--no-input"])
    assert code == 2
    assert err.startswith(f"{path}: missing ")
    assert "gut" in err


def test_an_unknown_session_has_did_you_mean(cli, work: Path) -> None:
    prep_examples(cli, "globex-platform")
    code, _, err = cli(["debrief", "globex-staff-platform-enginer"])
    assert code == 2
    assert f"no session or file named 'globex-staff-platform-enginer'; did you mean '{GLOBEX}'?" in err


def test_a_resumed_debrief_draft_is_saved_and_removed(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    data = debrief_data(sheet_questions(revint_home, GLOBEX), {"growth-ic-track": ("green", "ladder")}, gut=5)
    del data["version"]
    drafts.save("debrief", f"debrief-{GLOBEX}", data, Meta(session=GLOBEX))

    code, _, err = cli(["debrief", "--resume"])

    assert code == 0, err
    saved = yaml.safe_load((session_dir(revint_home, GLOBEX) / "debrief-1.yaml").read_text(encoding="utf-8"))
    assert saved["answers"]["growth-ic-track"] == {"asked": True, "rating": "green", "note": "ladder"}
    assert saved["gut"] == 5
    assert list((revint_home / "drafts").glob("*.yaml")) == []


def test_an_unfinished_debrief_is_not_replaced_by_a_new_one(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    answers, _ = globex_debrief(revint_home, work)
    draft = drafts.save("debrief", f"debrief-{GLOBEX}", {"gut": 2}, Meta(session=GLOBEX))
    before = draft.read_bytes()

    code, _, err = cli(["debrief", GLOBEX, "--answers", str(answers)])

    assert code == 2
    assert "you have an unfinished debrief of this already" in err
    assert f"revint drafts --clear debrief-{GLOBEX}" in err
    assert "revint debrief --resume" in err
    assert draft.read_bytes() == before
    assert not (session_dir(revint_home, GLOBEX) / "debrief-1.yaml").exists()
    listed = cli(["drafts"])[1]
    assert f"debrief-{GLOBEX}" in listed


def test_a_debriefed_round_is_replaced_only_with_force(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    answers, _ = globex_debrief(revint_home, work)
    assert cli(["debrief", GLOBEX, "--answers", str(answers)])[0] == 0
    saved = session_dir(revint_home, GLOBEX) / "debrief-1.yaml"
    before = saved.read_bytes()
    changed = yaml.safe_load(answers.read_text(encoding="utf-8")) | {"gut": 1}
    answers.write_text(yaml.safe_dump(changed), encoding="utf-8")

    code, _, err = cli(["debrief", GLOBEX, "--answers", str(answers)])
    assert code == 2
    assert "already debriefed" in err
    assert "--force" in err
    assert saved.read_bytes() == before

    assert cli(["debrief", GLOBEX, "--answers", str(answers), "--force"])[0] == 0
    assert yaml.safe_load(saved.read_text(encoding="utf-8"))["gut"] == 1


# ----- rounding as people do ---------------------------------------------------------------------------


def test_the_debrief_rounds_percentages_half_up_like_compare(cli, work: Path, revint_home: Path) -> None:
    prep_examples(cli, "globex-platform")
    questions = sheet_questions(revint_home, GLOBEX)
    growth = [q["id"] for q in questions if q["theme"] == "growth"]
    assert len(growth) >= 2
    extra = [
        {"text": "Who was promoted last?", "theme": "growth", "rating": "yellow", "note": ""},
        {"text": "What happens to a stalled career?", "theme": "growth", "rating": "red", "note": ""},
    ]
    # growth: green, green, yellow, red = 5/8 = 62.5%
    data = debrief_data(questions, {growth[0]: ("green", ""), growth[1]: ("green", "")}, extra=extra)
    code, _, err = cli(["debrief", GLOBEX, "--answers", str(write_yaml(work / "d.yaml", data))])
    assert code == 0, err
    lines = [" ".join(line.split()) for line in err.splitlines()]
    assert "Growth ★ 4 63%" in lines, lines


def test_a_sheet_file_with_a_broken_profile_is_exit_2(cli, work: Path) -> None:
    path = work / "old.json"
    path.write_text(json.dumps({"schema": "revint.sheet/1", "profile": {"company": ""}}), encoding="utf-8")
    code, _, err = cli(["debrief", str(path)])
    assert code == 2
    # every problem, with its file and line (the sheet is read through the same model as the session's)
    assert err.startswith(f"{path}:1: ")
    assert f"{path}:1: profile.company: must not be empty" in err.splitlines()
    assert "Traceback" not in err


@pytest.mark.parametrize("content", ["[1, 2]", '{"questions": [{"id": "x"}]}', '{"questions": 3}', "{"])
def test_a_damaged_session_sheet_is_exit_2_naming_it(cli, work: Path, revint_home: Path, content: str) -> None:
    prep_examples(cli, "globex-platform")
    damaged = session_dir(revint_home, GLOBEX) / "sheet-1.json"
    damaged.write_text(content, encoding="utf-8")
    for argv in (["debrief", GLOBEX], ["compare", GLOBEX, GLOBEX]):
        code, _, err = cli(argv)
        assert code == 2, (argv, err)
        assert err.startswith(f"{damaged}"), err
        assert "Traceback" not in err
    for argv in (["sessions"], ["sessions", "--json"]):  # listed with its problem, never hiding the others
        code, out, err = cli(argv)
        assert code == 0, (argv, err)
        assert str(damaged) in out.replace("\\\\", "\\")
