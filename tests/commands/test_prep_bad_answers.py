"""Bad answers files for `revint prep --answers`: one clear message naming the file and the place, exit 2,
never a traceback, nothing written."""

from __future__ import annotations

import json
import os
import pathlib
from collections.abc import Callable
from pathlib import Path

import pytest

from revint_cli import loading
from support_sessions import headings

GOOD = "company: Acme Corp\nrole: Backend Engineer\n"


class Case:
    def __init__(self, name: str, make: Callable[[Path], Path], place: str, says: str):
        self.name, self.make, self.place, self.says = name, make, place, says


def text(content: str, name: str = "answers.yaml") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(content, encoding="utf-8")
        return path

    return make


def raw(content: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "answers.yaml"
        path.write_bytes(content)
        return path

    return make


def missing(folder: Path) -> Path:
    return folder / "answers.yaml"


def directory(folder: Path) -> Path:
    path = folder / "answers.yaml"
    path.mkdir()
    return path


def too_large(folder: Path) -> Path:
    path = folder / "answers.yaml"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(GOOD)
        fh.write(("# padding\n" * 1000) * (loading.MAX_BYTES // 10_000 + 1))
    assert path.stat().st_size > 5 * 1024 * 1024
    return path


def deep(folder: Path) -> Path:
    nested = "research:\n" + "".join("  " * i + "k:\n" for i in range(1, 40))
    return text(GOOD + nested)(folder)


# (name, how to make the file, the place in the message after the file name, what the message says)
CASES = [
    Case("not found", missing, ": ", "no such file"),
    Case("a directory", directory, ": ", "is a directory"),
    Case("not UTF-8", raw(GOOD.encode() + b"notes: caf\xe9\n"), ":3: ", "not UTF-8 text (byte 0xe9)"),
    Case("empty", text(""), ": ", "the file is empty"),
    Case("only comments", text("# nothing yet\n\n# really\n"), ": ", "the file is empty"),
    Case("over 5 MB", too_large, ": ", "too large (at most 5 MB)"),
    Case("syntax error", text(GOOD + "minutes: [20\nstage: final\n"), ":4:6: ", "YAML syntax error"),
    Case("bad indentation", text("company: Acme\n  role: Dev\n"), ":2:7: ", "YAML syntax error"),
    Case("an alias", text("company: &name Acme\nrole: *name\n"), ":1: ", "YAML anchors (&name) are not allowed"),
    Case("deep nesting", deep, ":35: ", "nested deeper than 32 levels"),
    Case(
        "duplicate key",
        text(GOOD + "company: Globex\n"),
        ":3: ",
        "company: duplicate key 'company' (first at line 1)",
    ),
    Case("a list at the top", text("- company: Acme\n- role: Dev\n"), ":1: ", "expected a mapping"),
    Case("minutes not a number", text(GOOD + "minutes: lots\n"), ":3: ", "minutes: must be an integer from 5 to 120"),
    Case("minutes out of range", text(GOOD + "minutes: 500\n"), ":3: ", "minutes: must be an integer from 5 to 120"),
    Case("company a list", text("company: [Acme, Globex]\nrole: Dev\n"), ":1: ", "company: must be text"),
    Case("interviewers not a list", text(GOOD + "interviewers: Sam\n"), ":3: ", "interviewers: must be a list"),
    Case("bad date", text(GOOD + "date: next tuesday\n"), ":3: ", "date: must be a date like 2026-12-01"),
    Case(
        "unknown stage",
        text(GOOD + "stage: finall\n"),
        ":3: ",
        "stage: unknown value 'finall'; did you mean 'final'?",
    ),
    Case(
        "interviewer role",
        text(GOOD + "interviewers:\n  - {name: Sam, role: manger}\n"),
        ":4: ",
        "interviewers[0].role: unknown value 'manger'; did you mean 'manager'?",
    ),
    Case(
        "unknown key",
        text(GOOD + "priorties: [growth]\n"),
        ":3: ",
        "unknown key 'priorties'; did you mean 'priorities'?",
    ),
    Case(
        "unknown nested key",
        text(GOOD + "custom_questions:\n  - {text: What is hard here?, theme: team, minuts: 3}\n"),
        ":4: ",
        "custom_questions[0].minuts: unknown key 'minuts'; did you mean 'minutes'?",
    ),
    Case(
        "unknown theme",
        text(GOOD + "priorities:\n  - growth\n  - autonomi\n"),
        ":5: ",
        "priorities[1]: unknown theme 'autonomi'; did you mean 'autonomy'?",
    ),
    Case(
        "unknown research theme",
        text(GOOD + "research:\n  cultur: blog posts\n"),
        ":4: ",
        "research.cultur: unknown theme 'cultur'; did you mean 'culture'?",
    ),
    Case(
        "unknown custom question theme",
        text(GOOD + "custom_questions:\n  - {text: What is hard here?, theme: tem}\n"),
        ":4: ",
        "custom_questions[0].theme: unknown theme 'tem'; did you mean 'team'?",
    ),
    Case("missing role", text("company: Acme\nminutes: 20\n"), ": ", "missing role"),
    Case("version 2", text("version: 2\n" + GOOD), ":1: ", "unsupported version '2'"),
    Case("a control character", text(GOOD + "notes\x07: x\n"), ":3: ", "character U+0007 is not allowed"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_bad_answers_file_is_one_clear_message(cli, tmp_path: Path, monkeypatch, case: Case) -> None:
    monkeypatch.chdir(tmp_path)
    path = case.make(tmp_path)

    code, out, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])

    assert code == 2
    assert err.startswith(f"{path}{case.place}"), err
    assert case.says in err
    assert "Traceback" not in err
    assert out == ""
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".md"] == []


def test_several_problems_are_listed_at_once_in_line_order(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD + "minutes: lots\nstage: finall\nformat: zoom\n", encoding="utf-8")

    code, _, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])

    assert code == 2
    lines = err.splitlines()
    assert [line.split(": ")[0] for line in lines[:3]] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert lines[3] == "3 problems"


def test_an_unreadable_file(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: make the read fail the way it would for anyone else
        real_open = pathlib.Path.open

        def refuse(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "open", refuse)
    try:
        code, out, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    finally:
        path.chmod(0o644)

    assert code == 2
    assert err == f"{path}: permission denied (cannot read it)\n"
    assert out == ""


def test_a_byte_order_mark_is_accepted(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "answers.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    code, out, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    assert code == 0, err
    assert out.startswith("# Reverse interview: Backend Engineer at Acme Corp\n")


def test_what_is_typed_stays_text(cli, tmp_path: Path, monkeypatch) -> None:
    """`company: NO` is the company "NO" (not false), `role: 1.10` the role "1.10" (not 1.1)."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "norway.yaml"
    path.write_text("company: NO\nrole: 1.10\n", encoding="utf-8")

    code, out, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    assert code == 0, err
    assert headings(out)[0] == ("h1", "Reverse interview: 1.10 at NO")

    code, out, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-", "--format", "json"])
    assert code == 0, err
    sheet = json.loads(out)
    assert (sheet["company"], sheet["role"]) == ("NO", "1.10")
    assert (sheet["profile"]["company"], sheet["profile"]["role"]) == ("NO", "1.10")

    code, _, err = cli(["prep", "--answers", str(path), "--no-input"])
    assert code == 0, err
    written = (tmp_path / "no-1-10.profile.yaml").read_text(encoding="utf-8")
    assert "company: 'NO'\n" in written
    assert "role: '1.10'\n" in written
    code, out, err = cli(["prep", "--answers", str(tmp_path / "no-1-10.profile.yaml"), "-o", "-"])
    assert code == 0, err
    assert headings(out)[0] == ("h1", "Reverse interview: 1.10 at NO")


def test_a_bad_set_names_the_flag(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD, encoding="utf-8")
    code, out, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-", "--set", "minutes=lots"])
    assert code == 2
    assert err.startswith("--set minutes: must be an integer from 5 to 120")
    assert out == ""


def test_an_unknown_theme_is_reported_with_the_other_problems(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    answers = tmp_path / "bad.yaml"
    answers.write_text("company: Acme\nrole: Dev\npriorities: [growth, autonomi]\nminutes: 200\n", encoding="utf-8")

    code, out, err = cli(["prep", "--answers", str(answers), "--no-input", "-o", "-"])

    assert code == 2
    assert out == ""
    assert f"{answers}:3: priorities[1]: unknown theme 'autonomi'; did you mean 'autonomy'?" in err
    assert f"{answers}:4: minutes: must be an integer from 5 to 120" in err
    assert "2 problems" in err


def test_a_country_name_instead_of_its_code_says_what_to_write(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.yaml"
    path.write_text("company: Erasmus MC\nrole: Verpleegkundige\ncountry: Netherlands\n", encoding="utf-8")
    code, _, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    assert code == 2
    assert err.strip() == (
        f"{path}:3: country: 'Netherlands' is not a country code: use two capital letters, such as NL, FR or VN"
    )
