"""revint bank validate and bank schema, and the global bank options (--bank, --no-default-bank, REVINT_BANK)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from builders import CORE_THEMES, FURTHER_THEMES

from revint_cli import __version__
from revint_cli import questionbank as bank

REPO = Path(__file__).resolve().parents[2]
SHIPPED_BANK = REPO / "data" / "question_bank.yaml"

THEME_IDS = [*CORE_THEMES, *FURTHER_THEMES]


def pets_bank(tmp_path: Path, name: str = "pets.yaml", *, qid: str = "pets-dog", theme: bool = True) -> Path:
    text = "version: 1\n"
    if theme:
        text += "themes:\n- id: pets\n  title: Pets\n  summary: Whether the office is friendly to animals.\n"
    text += f"""questions:
- id: {qid}
  theme: pets
  text: Can I bring my dog to the office?
  why: Shows whether the office rules fit your life.
  minutes: 2
  audience: [peer]
  stages: [final]
  seniority: [all]
  role_families: [all]
  work_modes: [onsite]
  follow_ups: ['Which dogs are welcome?', 'Who decided the rule?']
  listen_for: {{green: [a clear rule], red: [it depends]}}
"""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ----- version, validate, schema -------------------------------------------------------------------------


def test_version(cli) -> None:
    assert cli(["--version"]) == (0, f"revint {__version__}\n", "")


def test_validate_the_shipped_bank(cli, raw_bank: dict[str, Any]) -> None:
    code, out, err = cli(["bank", "validate"])
    assert (code, err) == (0, "")
    assert out == f"valid: 17 themes, {len(raw_bank['questions'])} questions (question_bank.yaml)\n"


def test_validate_a_custom_bank(cli, tmp_path: Path, raw_bank: dict[str, Any]) -> None:
    path = pets_bank(tmp_path)
    code, out, err = cli(["bank", "validate", str(path)])
    assert (code, err) == (0, "")
    assert out == f"valid: 18 themes, {len(raw_bank['questions']) + 1} questions (question_bank.yaml, pets.yaml)\n"


def test_validate_a_broken_bank_exits_2_with_every_problem(cli, tmp_path: Path) -> None:
    path = pets_bank(tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("minutes: 2", "minutes: 12").replace("audience: [peer]", "audience: [managr]")
    path.write_text(text, encoding="utf-8")
    code, out, err = cli(["bank", "validate", str(path)])
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    minutes = text.splitlines().index("  minutes: 12") + 1
    assert err.splitlines() == [
        f"{path}:{minutes}: questions[0].minutes: must be an integer from 1 to 10",
        f"{path}:{minutes + 1}: questions[0].audience[0]: unknown value 'managr'; did you mean 'manager'?",
        "2 problems",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"version: 1\nthemes: [\n", r"{path}:3:1: YAML syntax error: .+"),
        (b"version: 1\nx: &a 1\n", r"{path}:2: YAML anchors \(&a\) are not allowed"),
        (b"version: 1\nthemes: caf\xe9\n", r"{path}:2: not UTF-8 text \(byte 0xe9\); save the file as UTF-8"),
        (b"# nothing\n", r"{path}: the file is empty"),
    ],
)
def test_validate_a_file_that_is_not_a_bank(cli, tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    code, out, err = cli(["bank", "validate", str(path)])
    assert (code, out) == (2, "")
    assert re.fullmatch(expected.format(path=re.escape(str(path))) + "\n", err), err


def test_validate_a_missing_file(cli, tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert cli(["bank", "validate", str(path)]) == (2, "", f"{path}: no such file\n")


def test_bank_schema_prints_the_schema(cli) -> None:
    code, out, _ = cli(["bank", "schema"])
    assert code == 0
    assert out == bank.schema_text()
    assert json.loads(out)["title"] == "revint question bank"


# ----- layering through the global options ---------------------------------------------------------------


def test_bank_option_layers_a_file(cli, tmp_path: Path) -> None:
    code, out, _ = cli(["--bank", str(pets_bank(tmp_path)), "themes", "--json"])
    assert code == 0
    assert [t["id"] for t in json.loads(out)] == [*THEME_IDS, "pets"]


def test_no_default_bank_uses_only_the_given_files(cli, tmp_path: Path) -> None:
    code, out, _ = cli(["--no-default-bank", "--bank", str(pets_bank(tmp_path)), "themes", "--json"])
    assert code == 0
    assert json.loads(out) == [
        {
            "id": "pets",
            "title": "Pets",
            "core": False,
            "questions": 1,
            "summary": "Whether the office is friendly to animals.",
        }
    ]
    code, out, _ = cli(["--no-default-bank", "--bank", str(pets_bank(tmp_path)), "questions", "--json"])
    assert [q["id"] for q in json.loads(out)] == ["pets-dog"]


def test_no_default_bank_with_validate_files(cli, tmp_path: Path) -> None:
    code, out, _ = cli(["--no-default-bank", "bank", "validate", str(pets_bank(tmp_path))])
    assert code == 0
    assert re.fullmatch(r"valid: 1 themes?, 1 questions? \(pets\.yaml\)\n", out), out


def test_no_default_bank_without_a_file_is_a_clear_error(cli) -> None:
    expected = "no question bank: --no-default-bank needs at least one --bank FILE\n"
    assert cli(["--no-default-bank", "themes"]) == (2, "", expected)
    assert cli(["--no-default-bank", "bank", "validate"]) == (2, "", expected)


def test_revint_bank_env_takes_paths_separated_by_pathsep(cli, tmp_path: Path, monkeypatch) -> None:
    themes_file = pets_bank(tmp_path, "a.yaml", qid="pets-dog")
    questions_file = pets_bank(tmp_path, "b.yaml", qid="pets-cat", theme=False)
    monkeypatch.setenv("REVINT_BANK", os.pathsep.join([str(themes_file), str(questions_file)]))
    code, out, _ = cli(["--no-default-bank", "questions", "--json"])
    assert code == 0
    assert [q["id"] for q in json.loads(out)] == ["pets-dog", "pets-cat"]
    code, out, _ = cli(["themes", "--json"])
    assert [(t["id"], t["questions"]) for t in json.loads(out)][-1] == ("pets", 2)


def test_a_broken_file_in_revint_bank_fails_every_command(cli, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("version: 1\nquestions: [\n", encoding="utf-8")
    monkeypatch.setenv("REVINT_BANK", str(path))
    code, out, err = cli(["themes"])
    assert (code, out) == (2, "")
    assert err.startswith(f"{path}:3:")
    assert "Traceback" not in err
