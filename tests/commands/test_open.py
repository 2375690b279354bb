"""`revint open SESSION`: the latest sheet as a page in the session's folder, handed to the browser; with no
browser (none known, a command that fails, an error), the path on standard output and exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from revint_cli import render
from revint_cli.formats.cheatsheet import read

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ACME = "acme-corp-senior-backend-engineer"
REVINT = Path(sys.executable).with_name("revint")
NO_BROWSER = "No browser could be started; open the file above in one, or print it from there.\n"

Cli = Callable[[Sequence[str]], Any]


@pytest.fixture
def session(cli: Cli, work: Path, revint_home: Path) -> Path:
    code, _, err = cli(["prep", "--answers", str(EXAMPLES / "acme-backend.yaml")])
    assert code == 0, err
    return revint_home / "sessions" / ACME


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs handed to the browser, which starts."""
    urls: list[str] = []

    def fake_open(url: str, *args: Any, **kwargs: Any) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    return urls


def test_the_page_opens_in_the_browser(cli: Cli, session: Path, opened: list[str]) -> None:
    code, out, err = cli(["open", ACME])
    assert code == 0, err
    page = session / "sheet-1.html"
    assert opened == [page.resolve().as_uri()]
    assert out == ""
    assert err == f"Opened in your browser: {page}\n"
    assert page.read_text(encoding="utf-8") == render.sheet(read(session / "sheet-1.json"), "html")


def test_compact_has_its_own_page(cli: Cli, session: Path, opened: list[str]) -> None:
    assert cli(["open", ACME, "--compact"]).code == 0
    page = session / "sheet-1-compact.html"
    assert opened == [page.resolve().as_uri()]
    assert '<body class="compact">' in page.read_text(encoding="utf-8")


def test_the_page_is_written_again_each_time(cli: Cli, session: Path, opened: list[str]) -> None:
    page = session / "sheet-1.html"
    page.write_text("stale", encoding="utf-8")
    assert cli(["open", ACME]).code == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert cli(["sessions"]).out.count(ACME) == 1  # the page is no round of its own


def test_a_sheet_path_opens_its_session(cli: Cli, session: Path, work: Path, opened: list[str]) -> None:
    assert cli(["open", str(work / f"{ACME}.md")]).code == 0
    assert opened == [(session / "sheet-1.html").resolve().as_uri()]


@pytest.mark.parametrize("failure", ["declined", "error"])
def test_without_a_browser_the_path_is_printed(
    cli: Cli, session: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    def no_browser(url: str, *args: Any, **kwargs: Any) -> bool:
        if failure == "error":
            raise webbrowser.Error("could not locate runnable browser")
        return False

    monkeypatch.setattr(webbrowser, "open", no_browser)
    code, out, err = cli(["open", ACME])
    assert (code, out, err) == (0, f"{session / 'sheet-1.html'}\n", NO_BROWSER)
    assert (session / "sheet-1.html").is_file()


def test_a_browser_command_that_fails_prints_the_path(session: Path, tmp_path: Path) -> None:
    """The real webbrowser module, in a fresh process, with BROWSER set to a command that fails."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["BROWSER"] = "false"
    done = subprocess.run(
        [str(REVINT), "open", ACME], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{session / 'sheet-1.html'}\n"
    assert done.stderr == NO_BROWSER


def test_an_unknown_session_is_exit_2(cli: Cli, work: Path, opened: list[str]) -> None:
    code, out, err = cli(["open", "nowhere"])
    assert (code, out, err) == (2, "", "no session or file named 'nowhere' (see revint sessions)\n")
    assert opened == []


def test_a_link_in_place_of_the_page_is_refused(cli: Cli, session: Path, tmp_path: Path, opened: list[str]) -> None:
    outside = tmp_path / "outside.html"
    outside.write_text("mine", encoding="utf-8")
    (session / "sheet-1.html").symlink_to(outside)
    code, _, err = cli(["open", ACME])
    assert code == 2
    assert "sheet-1.html: not a regular file" in err
    assert outside.read_text(encoding="utf-8") == "mine"
    assert opened == []
