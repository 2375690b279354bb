"""Fixtures shared by every test: an isolated revint home, a fixed terminal, and running the CLI in-process."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import pytest

# Variables that would make output depend on the machine running the tests (colours forced on, a CI runner
# that typer treats as a terminal, a fixed terminal width).
_UNSTABLE_ENV = (
    "FORCE_COLOR",
    "PY_COLORS",
    "CLICOLOR_FORCE",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "TERMINAL_WIDTH",
    "GITHUB_ACTIONS",
    "LINES",
)


@pytest.fixture(scope="session")
def shipped_bank_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, bytes]:
    """The cache file of the shipped bank (its name and bytes), made once per test process: each revint home
    starts with it, so that a test parses the shipped bank only when it asks to (`cache=False`, an empty
    cache folder). Parsing and validating it again in each of several hundred homes was most of their time."""
    from revint_cli.questionbank import load

    home = tmp_path_factory.mktemp("bank-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REVINT_HOME", str(home))
        load()
    (cached,) = (home / "cache").glob("bank-*.marshal")
    return cached.name, cached.read_bytes()


@pytest.fixture(autouse=True)
def revint_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped_bank_cache: tuple[str, bytes]) -> Path:
    """Every test gets its own revint home (its cache holding the shipped bank), no bank or debug settings
    of the developer, and an 80-column, colourless, dumb terminal. Subprocesses inherit all of this through
    os.environ."""
    home = tmp_path / "revint-home"
    (home / "cache").mkdir(parents=True)
    name, data = shipped_bank_cache
    (home / "cache" / name).write_bytes(data)
    monkeypatch.setenv("REVINT_HOME", str(home))
    for name in ("REVINT_BANK", "REVINT_DEBUG", *_UNSTABLE_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("NO_COLOR", "1")
    return home


class Result(NamedTuple):
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[[Sequence[str]], Result]:
    """Run `revint ARGV...` in-process: `code, out, err = cli(["themes", "--json"])`."""
    from revint_cli.cli import run

    def invoke(argv: Sequence[str]) -> Result:
        capsys.readouterr()  # drop whatever the test printed before
        code = run(list(argv))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return invoke


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder
