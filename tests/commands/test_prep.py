"""`revint prep` through the command line, in-process: answers files, --set, -o, --format, --force."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from revint_cli.formats.profile import Profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ACME = EXAMPLES / "acme-backend.yaml"
ACME_SHEET = "acme-corp-senior-backend-engineer.md"
ACME_PROFILE = "acme-corp-senior-backend-engineer.profile.yaml"
NEEDS_TERMINAL = "revint prep needs a terminal; use --answers FILE (see revint prep --help)"

Cli = Callable[[Sequence[str]], Any]


class _Stdin(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__("")
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, with a stdin that is not a terminal unless a test says otherwise."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr("sys.stdin", _Stdin(tty=False))
    return work


def write_answers(path: Path, **changes: Any) -> Path:
    """The Acme example with some keys changed (None: removed)."""
    data = yaml.safe_load(ACME.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_replay_writes_the_default_named_sheet_and_profile(cli: Cli, workdir: Path) -> None:
    code, out, err = cli(["prep", "--answers", str(ACME)])
    assert code == 0, err
    assert out == ""
    assert sorted(p.name for p in workdir.iterdir()) == [ACME_SHEET, ACME_PROFILE]
    sheet = (workdir / ACME_SHEET).read_text(encoding="utf-8")
    assert sheet.startswith("# Reverse interview: Senior Backend Engineer at Acme Corp\n")
    assert ACME_SHEET in err
    assert ACME_PROFILE in err
    saved = Profile.model_validate(yaml.safe_load((workdir / ACME_PROFILE).read_text(encoding="utf-8")))
    assert saved == Profile.model_validate(yaml.safe_load(ACME.read_text(encoding="utf-8")))


def test_the_saved_profile_replays_to_the_same_bytes(cli: Cli, workdir: Path) -> None:
    assert cli(["prep", "--answers", str(ACME)]).code == 0
    code, _, err = cli(["prep", "--answers", ACME_PROFILE, "-o", "again.md"])
    assert code == 0, err
    assert (workdir / "again.md").read_bytes() == (workdir / ACME_SHEET).read_bytes()
    assert (workdir / "again.profile.yaml").read_bytes() == (workdir / ACME_PROFILE).read_bytes()


def test_stdout_gets_the_sheet_and_stderr_the_summary(cli: Cli, workdir: Path) -> None:
    code, out, err = cli(["prep", "--answers", str(ACME), "-o", "-"])
    assert code == 0, err
    assert list(workdir.iterdir()) == []
    assert cli(["prep", "--answers", str(ACME)]).code == 0
    assert out == (workdir / ACME_SHEET).read_text(encoding="utf-8")
    assert "revint debrief acme-corp-senior-backend-engineer" in err
    assert "revint debrief" not in out
    assert "questions" in err
    assert "of 30 minutes planned" in err


def test_json_format(cli: Cli, workdir: Path) -> None:
    code, _, err = cli(["prep", "--answers", str(ACME), "--format", "json"])
    assert code == 0, err
    data = json.loads((workdir / "acme-corp-senior-backend-engineer.json").read_text(encoding="utf-8"))
    assert data["schema"] == "revint.sheet/2"
    assert (data["company"], data["role"], data["budget_minutes"]) == ("Acme Corp", "Senior Backend Engineer", 30)
    assert (workdir / ACME_PROFILE).exists()
    code, out, _ = cli(["prep", "--answers", str(ACME), "-f", "json", "-o", "-"])
    assert code == 0
    assert json.loads(out) == data


def test_set_changes_the_budget_and_is_saved(cli: Cli, workdir: Path) -> None:
    code, _, err = cli(["prep", "--answers", str(ACME), "--set", "minutes=10", "--format", "json"])
    assert code == 0, err
    data = json.loads((workdir / "acme-corp-senior-backend-engineer.json").read_text(encoding="utf-8"))
    assert data["budget_minutes"] == 10
    assert data["planned_minutes"] == sum(q["minutes"] for q in data["questions"]) <= 10
    assert yaml.safe_load((workdir / ACME_PROFILE).read_text(encoding="utf-8"))["minutes"] == 10


def test_set_out_of_range_names_the_flag(cli: Cli, workdir: Path) -> None:
    code, out, err = cli(["prep", "--answers", str(ACME), "--set", "minutes=999"])
    assert code == 2
    assert "--set minutes" in err
    assert "5 to 120" in err
    assert str(ACME) not in err  # the file is not to blame
    assert list(workdir.iterdir()) == []


def test_missing_company_with_no_input(cli: Cli, workdir: Path, tmp_path: Path) -> None:
    answers = write_answers(tmp_path / "no-company.yaml", company=None)
    code, _, err = cli(["prep", "--answers", str(answers), "--no-input"])
    assert code == 2
    assert "company" in err
    assert str(answers) in err
    assert "role" not in err.split("missing", 1)[1]
    assert list(workdir.iterdir()) == []


def test_missing_company_without_a_terminal(cli: Cli, tmp_path: Path) -> None:
    answers = write_answers(tmp_path / "no-company.yaml", company=None)
    code, _, err = cli(["prep", "--answers", str(answers)])
    assert code == 2
    assert "company" in err


def test_no_terminal_and_no_answers(cli: Cli, workdir: Path) -> None:
    code, out, err = cli(["prep"])
    assert code == 2
    assert err == NEEDS_TERMINAL + "\n"
    assert out == ""
    assert list(workdir.iterdir()) == []


def test_missing_keys_are_asked_in_a_terminal(
    cli: Cli, workdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revint_cli.store.draftstore import Meta
    from revint_cli.wizard import candidate as wizard

    asked: list[dict[str, Any]] = []

    def fake_prep(
        bank: Any, answers: dict[str, Any], on_answer: Any, *, meta: Meta, resumed: bool = False
    ) -> dict[str, Any]:
        asked.append(dict(answers))
        answers["minutes"] = 15
        on_answer(answers, meta)
        return answers

    monkeypatch.setattr("sys.stdin", _Stdin(tty=True))
    monkeypatch.setattr(wizard, "prep", fake_prep)
    answers = write_answers(tmp_path / "no-minutes.yaml", minutes=None)
    code, _, err = cli(["prep", "--answers", str(answers), "-f", "json"])
    assert code == 0, err
    assert len(asked) == 1
    assert "minutes" not in asked[0]
    assert asked[0]["company"] == "Acme Corp"
    data = json.loads((workdir / "acme-corp-senior-backend-engineer.json").read_text(encoding="utf-8"))
    assert data["budget_minutes"] == 15


def test_complete_answers_are_not_asked_in_a_terminal(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from revint_cli.wizard import candidate as wizard

    def fail(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the wizard was started")

    monkeypatch.setattr("sys.stdin", _Stdin(tty=True))
    monkeypatch.setattr(wizard, "prep", fail)
    code, _, err = cli(["prep", "--answers", str(ACME)])
    assert code == 0, err


def test_existing_sheet_is_kept_without_force(cli: Cli, workdir: Path) -> None:
    (workdir / ACME_SHEET).write_text("my notes\n", encoding="utf-8")
    code, _, err = cli(["prep", "--answers", str(ACME)])
    assert code == 2
    assert ACME_SHEET in err
    assert "--force" in err
    assert (workdir / ACME_SHEET).read_text(encoding="utf-8") == "my notes\n"
    assert not (workdir / ACME_PROFILE).exists()


def test_existing_profile_is_kept_without_force(cli: Cli, workdir: Path) -> None:
    (workdir / ACME_PROFILE).write_text("# mine\n", encoding="utf-8")
    code, _, err = cli(["prep", "--answers", str(ACME)])
    assert code == 2
    assert ACME_PROFILE in err
    assert (workdir / ACME_PROFILE).read_text(encoding="utf-8") == "# mine\n"
    assert not (workdir / ACME_SHEET).exists()


def test_force_replaces(cli: Cli, workdir: Path) -> None:
    (workdir / ACME_SHEET).write_text("my notes\n", encoding="utf-8")
    (workdir / ACME_PROFILE).write_text("# mine\n", encoding="utf-8")
    code, _, err = cli(["prep", "--answers", str(ACME), "--force"])
    assert code == 0, err
    assert (workdir / ACME_SHEET).read_text(encoding="utf-8").startswith("# Reverse interview: ")
    assert (workdir / ACME_PROFILE).read_text(encoding="utf-8") != "# mine\n"


def test_bad_theme_in_priorities_names_file_line_and_suggests(cli: Cli, tmp_path: Path) -> None:
    answers = tmp_path / "typo.yaml"
    answers.write_text(
        "company: Acme Corp\nrole: Engineer\nminutes: 20\npriorities:\n  - growth\n  - autonomi\n", encoding="utf-8"
    )
    code, _, err = cli(["prep", "--answers", str(answers), "--no-input"])
    assert code == 2
    assert f"{answers}:6: priorities[1]: unknown theme 'autonomi'; did you mean 'autonomy'?" in err


def test_closed_custom_question_carries_its_warning(cli: Cli, tmp_path: Path) -> None:
    custom = [{"text": "Do you offer remote work?", "theme": "remote-work", "minutes": 2}]
    answers = write_answers(tmp_path / "custom.yaml", custom_questions=custom)
    code, out, err = cli(["prep", "--answers", str(answers), "-f", "json", "-o", "-"])
    assert code == 0, err
    data = json.loads(out)
    (mine,) = [q for q in data["questions"] if q["source"] == "custom"]
    assert mine["id"] == "custom-1"
    assert mine["text"] == "Do you offer remote work?"
    assert {"code": "closed-question", "params": {}} in mine["warnings"]
    assert "yes/no" in err  # a warning, shown, and the sheet is still written: exit 0


@pytest.mark.parametrize(
    ("role", "family", "seniority"),
    [("Chief Financial Officer", "finance", "executive"), ("Junior Data Analyst", "data", "junior")],
)
# The summary names the keys and their values as a person reads them, never bare ids.
def test_a_left_out_family_and_seniority_are_guessed_from_the_role_and_said(
    cli: Cli, tmp_path: Path, role: str, family: str, seniority: str
) -> None:
    answers = write_answers(tmp_path / "a.yaml", role=role, role_family=None, seniority=None)
    code, out, err = cli(["prep", "--answers", str(answers), "-f", "json", "-o", "-"])
    assert code == 0, err
    profile = json.loads(out)["profile"]
    assert (profile["role_family"], profile["seniority"]) == (family, seniority)
    from revint_cli import labels

    said = f"kind of role: {labels.ROLE_FAMILY[family]}, level: {labels.SENIORITY[seniority]}"
    assert f"Not in your answers, so read from the role: {said}" in err
    assert "(to change, set role_family, seniority" in err


def test_a_family_and_seniority_given_are_never_guessed(cli: Cli, tmp_path: Path) -> None:
    answers = write_answers(tmp_path / "a.yaml", role="Chief Financial Officer", role_family="other", seniority="mid")
    code, out, err = cli(["prep", "--answers", str(answers), "-f", "json", "-o", "-"])
    assert code == 0, err
    profile = json.loads(out)["profile"]
    assert (profile["role_family"], profile["seniority"]) == ("other", "mid")
    assert "role_family" not in err
    assert "seniority" not in err


def test_an_output_folder_that_does_not_exist_is_refused_and_not_made(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    answers = write_answers(tmp_path / "a.yaml")
    code, _, err = cli(["prep", "--answers", str(answers), "--no-input", "-o", str(tmp_path / "typo" / "x.md")])
    assert code == 2
    assert err.strip().endswith("typo: no such folder; create it first, or choose another -o")
    assert not (tmp_path / "typo").exists()
