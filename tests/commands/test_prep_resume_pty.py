"""End to end in a real pseudo-terminal: Ctrl-C and Ctrl-D at a prompt keep every answer, and
`revint prep --resume` brings them back.

These drive the real CLI (`python -m revint_cli prep`) with pexpect, the way a candidate types.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from support_sessions import spawn_revint, strip_ansi

pexpect = pytest.importorskip("pexpect")

INTERRUPTED = "Interrupted. Your answers are saved: run revint prep --resume to continue."
DOWN, ENTER, CTRL_C, CTRL_D = "\x1b[B", "\r", "\x03", "\x04"


class Session:
    """One `revint prep` in a pseudo-terminal; `seen` is everything it showed, without escape codes."""

    def __init__(self, cwd: Path, *args: str):
        self.child = spawn_revint(cwd, ["prep", *args], timeout=15)
        self.raw = ""

    def expect(self, pattern: str) -> str:
        """Wait for `pattern` (a regex on the raw stream); return what came before it, readable."""
        self.child.expect(pattern)
        before = self.child.before + self.child.after
        self.raw += before
        return strip_ansi(before)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> tuple[int, str]:
        self.child.expect(pexpect.EOF)
        self.raw += self.child.before
        self.child.close()
        return self.child.exitstatus, strip_ansi(self.raw)


def only_draft(home: Path) -> tuple[Path, dict]:
    found = sorted((home / "drafts").glob("*.yaml"))
    assert len(found) == 1, f"expected one draft, found {[p.name for p in found]}"
    return found[0], yaml.safe_load(found[0].read_text(encoding="utf-8"))


def test_ctrl_c_keeps_answers_and_resume_offers_them_as_defaults(tmp_path: Path, revint_home: Path) -> None:
    first = Session(tmp_path)
    first.expect("Which company is the interview with")
    first.send("Acme Corp" + ENTER)
    first.expect("For which role")
    first.send("Backend Engineer" + ENTER)
    first.expect("Which kind of role is it")
    # The guess for a backend engineer is "engineering"; three down is "data", not a default.
    first.send(DOWN * 3 + ENTER)
    first.expect("At which level")
    first.send(CTRL_C)
    code, seen = first.finish()

    assert code == 130
    assert INTERRUPTED in seen
    assert "Traceback" not in seen
    path, draft = only_draft(revint_home)
    assert path.name == "acme-corp-backend-engineer.yaml"
    assert draft == {
        "kind": "prep",
        "answers": {"company": "Acme Corp", "role": "Backend Engineer", "role_family": "data"},
    }
    assert list(tmp_path.glob("*.md")) == []

    again = Session(tmp_path, "--resume")
    listing = again.expect("Keep them and go on where you stopped")
    assert "company: Acme Corp" in listing
    assert "role: Backend Engineer" in listing
    assert "role_family: data" in listing
    again.send("n")  # walk through every prompt, the saved answers as defaults
    again.expect("Which company is the interview with")
    again.expect("Acme Corp")  # the saved answer stands in the prompt, ready to keep with Enter
    again.send(ENTER)
    again.expect("For which role")
    again.expect("Backend Engineer")
    again.send(ENTER)
    again.expect("Which kind of role is it")
    menu = again.expect(r"other")  # the last choice: the whole menu has been drawn
    pointed = [line.strip() for line in menu.splitlines() if line.strip().startswith("»")]
    assert pointed == ["» data"], menu
    again.send(ENTER)
    for prompt in (
        "At which level",
        "In which sector",
        "What kind of employer",
        "In which country",
        "Where would you work",
        "Which stage",
        "How will you meet",
    ):
        again.expect(prompt)
        again.send(ENTER)
    again.expect("How many minutes")
    again.send(ENTER)
    again.expect("When is the interview")
    again.send(ENTER)
    again.expect("Whom will you meet")
    again.send(ENTER)
    again.expect("What matters most")
    again.send(ENTER)
    again.expect("Add a question of your own")
    again.send(ENTER)
    code, seen = again.finish()

    assert code == 0, seen
    sheet = tmp_path / "acme-corp-backend-engineer.md"
    assert sheet.is_file()
    assert sheet.read_text(encoding="utf-8").startswith("# Reverse interview: Backend Engineer at Acme Corp\n")
    profile = yaml.safe_load((tmp_path / "acme-corp-backend-engineer.profile.yaml").read_text(encoding="utf-8"))
    assert (profile["company"], profile["role"], profile["role_family"]) == ("Acme Corp", "Backend Engineer", "data")
    assert list((revint_home / "drafts").glob("*.yaml")) == []


def test_ctrl_d_keeps_answers_and_resume_asks_only_what_is_left(tmp_path: Path, revint_home: Path) -> None:
    first = Session(tmp_path)
    first.expect("Which company is the interview with")
    first.send("Café Zoë" + ENTER)
    first.expect("For which role")
    first.send("Data Analyst" + ENTER)
    first.expect("Which kind of role is it")
    first.send(CTRL_D)  # at a menu
    code, seen = first.finish()

    assert code == 130
    assert INTERRUPTED in seen
    path, draft = only_draft(revint_home)
    assert path.name == "cafe-zoe-data-analyst.yaml"
    assert draft["answers"] == {"company": "Café Zoë", "role": "Data Analyst"}

    again = Session(tmp_path, "--resume")
    again.expect("Keep them and go on where you stopped")
    again.send("y")
    shown = again.expect("Which kind of role is it")
    assert "Which company" not in shown
    assert "For which role" not in shown
    again.send(ENTER)
    for prompt in (
        "At which level",
        "Where would you work",
        "Which stage",
        "How will you meet",
        "How many minutes",
    ):
        again.expect(prompt)
        again.send(ENTER)
    again.expect("When is the interview")
    again.send(CTRL_D)  # at an empty text prompt
    code, seen = again.finish()

    assert code == 130
    assert INTERRUPTED in seen
    path, draft = only_draft(revint_home)
    assert path.name == "cafe-zoe-data-analyst.yaml"
    assert draft["answers"] == {
        "company": "Café Zoë",
        "role": "Data Analyst",
        "role_family": "data",
        "seniority": "mid",
        "work_mode": "onsite",
        "stage": "interview",
        "format": "video",
        "minutes": 20,
    }
    assert list(tmp_path.glob("*.md")) == []
