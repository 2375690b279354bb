"""The README promises what revint does: its sample sheet and its commands are checked here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_the_sample_sheet_is_an_excerpt_of_what_revint_writes(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, sheet, err = cli(["prep", "--answers", str(ROOT / "examples" / "acme-backend.yaml"), "-o", "-"])
    assert code == 0, err
    sample = [line for line in _blocks("markdown")[0].splitlines() if line.strip() and line != "..."]
    assert len(sample) > 10
    written = sheet.splitlines()
    at = 0
    for line in sample:  # every line of the sample, in the same order
        assert line in written[at:], f"README sample line not in the sheet (or out of order): {line}"
        at = written.index(line, at) + 1


def test_the_quick_start_has_the_two_commands_and_ci_runs_the_test_command_exactly() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [block.strip() for block in re.findall(r"```sh\n(.*?)```", quick_start, flags=re.S)]
    assert len(commands) == 2
    install_and_run, install_and_test = commands
    assert "revint prep" in install_and_run
    assert "pytest" in install_and_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci, "the CI script must run the README's test command as it is written"


def test_every_command_is_in_the_readme() -> None:
    from typer.main import get_command

    from revint_cli.cli import app

    group = get_command(app)
    names = list(group.commands)  # type: ignore[attr-defined]
    assert len(names) >= 8
    for name in names:
        assert f"revint {name}" in README, f"revint {name} is not described in the README"


def test_the_bank_size_in_the_readme_is_the_shipped_one() -> None:
    from revint_cli import questionbank as bank

    shipped = bank.load(cache=False)
    found = re.search(r"(\d+) original questions in (\d+) themes", " ".join(README.split()))
    assert found, "the README no longer says how many questions the bank holds"
    assert (int(found[1]), int(found[2])) == (len(shipped.questions), len(shipped.themes))
