"""`revint sheet SESSION`: the sheet written again from the session's JSON, byte for byte what prep wrote, in
every format; never over a file without --force; a missing session or round is one line, exit 2."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ACME = "acme-corp-senior-backend-engineer"

Cli = Callable[[Sequence[str]], Any]
FORMATS = ["md", "html", "json", "compact-md", "compact-html"]


def options(key: str) -> list[str]:
    """`compact-html` -> `--format html --compact`."""
    fmt = key.removeprefix("compact-")
    return ["--format", fmt, *(["--compact"] if key != fmt else [])]


@pytest.fixture
def prepped(cli: Cli, work: Path) -> dict[str, str]:
    """Acme prepared once per format: what prep wrote, by format (the files are then removed: lost)."""
    written = {}
    for key in FORMATS:
        out = work / f"prep.{key}"
        code, _, err = cli(["prep", "--answers", str(EXAMPLES / "acme-backend.yaml"), *options(key), "-o", str(out)])
        assert code == 0, err
        written[key] = out.read_text(encoding="utf-8")
        for path in work.iterdir():
            path.unlink()
    return written


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_sheet_comes_back_as_prep_wrote_it(cli: Cli, work: Path, prepped: dict[str, str], fmt: str) -> None:
    name = fmt.removeprefix("compact-")
    code, out, err = cli(["sheet", ACME, *options(fmt)])
    assert code == 0, err
    assert out == ""
    path = work / f"{ACME}.{name}"
    assert err == f"Sheet of {ACME}, round 1, written to {path.name}\n"
    assert path.read_text(encoding="utf-8") == prepped[fmt]
    assert sorted(p.name for p in work.iterdir()) == [path.name]  # the sheet only, no profile


def test_standard_output_a_folder_and_a_path(cli: Cli, work: Path, prepped: dict[str, str]) -> None:
    code, out, err = cli(["sheet", ACME, "-o", "-"])
    assert code == 0, err
    assert out == prepped["md"]
    (work / "out").mkdir()
    assert cli(["sheet", ACME, "-o", "out", "-f", "html"]).code == 0
    assert (work / "out" / f"{ACME}.html").read_text(encoding="utf-8") == prepped["html"]
    assert cli(["sheet", ACME, "-o", "mine.txt"]).code == 0
    assert (work / "mine.txt").read_text(encoding="utf-8") == prepped["md"]


def test_a_sheet_path_names_its_session(cli: Cli, work: Path, prepped: dict[str, str]) -> None:
    assert cli(["prep", "--answers", str(EXAMPLES / "acme-backend.yaml"), "-f", "html", "-o", "a.html"]).code == 0
    code, out, err = cli(["sheet", "a.html", "-o", "-"])
    assert code == 0, err
    assert out == prepped["md"]


def test_an_existing_file_is_replaced_only_with_force(cli: Cli, work: Path, prepped: dict[str, str]) -> None:
    target = work / f"{ACME}.md"
    target.write_text("my notes\n", encoding="utf-8")
    code, out, err = cli(["sheet", ACME])
    assert code == 2
    assert err == f"{target.name} already exists; use --force to replace it, or -o to write elsewhere\n"
    assert target.read_text(encoding="utf-8") == "my notes\n"
    assert cli(["sheet", ACME, "--force"]).code == 0
    assert target.read_text(encoding="utf-8") == prepped["md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere"], "no session or file named 'nowhere' (see revint sessions)"),
        ([ACME, "--round", "2"], f"session {ACME} has no sheet for round 2 (rounds: 1)"),
        ([ACME, "-f", "pdf"], "--format: unknown value 'pdf' (known: md, json, html)"),
        (
            [ACME, "-f", "json", "--compact"],
            "--compact goes with --format md or html: the JSON always holds the whole sheet",
        ),
    ],
    ids=["unknown session", "unknown round", "unknown format", "compact json"],
)
def test_mistakes_are_one_line_and_exit_2(
    cli: Cli, work: Path, prepped: dict[str, str], args: list[str], message: str
) -> None:
    code, out, err = cli(["sheet", *args])
    assert (code, out, err) == (2, "", message + "\n")
    assert list(work.iterdir()) == []


def test_a_later_round_is_named_after_it(cli: Cli, work: Path, revint_home: Path, prepped: dict[str, str]) -> None:
    folder = revint_home / "sessions" / ACME
    (folder / "sheet-2.json").write_bytes((folder / "sheet-1.json").read_bytes())
    assert cli(["sheet", ACME]).code == 0
    assert (work / f"{ACME}-round-2.md").read_text(encoding="utf-8") == prepped["md"]
    assert cli(["sheet", ACME, "--round", "1"]).code == 0
    assert (work / f"{ACME}.md").is_file()


def test_a_damaged_session_sheet_names_its_file(
    cli: Cli, work: Path, revint_home: Path, prepped: dict[str, str]
) -> None:
    path = revint_home / "sessions" / ACME / "sheet-1.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"minutes": 30', '"minutes": "many"', 1), encoding="utf-8")
    code, _, err = cli(["sheet", ACME, "-o", "-"])
    assert code == 2
    assert str(path) in err
