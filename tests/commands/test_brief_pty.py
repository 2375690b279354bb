"""One end-to-end `revint brief --record` in a real pseudo-terminal, through the installed `revint` script:
every prompt answered as an interviewer would, a drafted answer given, the rest skipped."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

pexpect = pytest.importorskip("pexpect")

ENTER = "\r"
DOWN = "\x1b[B"


def _revint() -> str:
    script = Path(sys.executable).with_name("revint")  # the venv's console script, as a user runs it
    found = str(script) if script.exists() else shutil.which("revint")
    if found is None:
        pytest.skip("the revint script is not installed")
    return found


def test_brief_wizard_in_a_terminal_records_answers(tmp_path: Path) -> None:
    home = tmp_path / "home"
    work = tmp_path / "work"
    work.mkdir()
    env = {
        **os.environ,
        "REVINT_HOME": str(home),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm-256color",
        "PYTHONIOENCODING": "utf-8",
    }
    child = pexpect.spawn(
        _revint(), ["brief", "--record"], cwd=str(work), env=env, encoding="utf-8", dimensions=(40, 120), timeout=20
    )
    try:
        steps = [
            ("Which company are you hiring for?", "Acme Corp" + ENTER),
            ("For which role?", "Senior Backend Engineer" + ENTER),
            ("Which kind of role is it?", ENTER),
            ("At which level?", ENTER),
            ("In which sector is the employer?", ENTER),
            ("What kind of employer is it?", ENTER),
            ("In which country is the job?", ENTER),
            ("Where will the new hire work?", ENTER),
            ("Which stage of the process is your conversation?", DOWN + ENTER),
            ("Who are you to the candidate?", ENTER),
            ("Your name?", "Sam Lee" + ENTER),
            ("How many minutes", "\x7f\x7f15" + ENTER),
            ("Which themes does the company want to get right?", ENTER),
        ]
        for prompt, keys in steps:
            child.expect_exact(prompt)
            child.send(keys)
        child.expect_exact("Why did you join?")
        child.expect_exact("Your answer:")
        child.send("To build the payments platform from scratch" + ENTER)
        # Every other prompt is left empty (a skipped answer, a skipped example) until the brief is written.
        while child.expect_exact(["Your answer:", "A real example?", "Brief written to"]) != 2:
            child.send(ENTER)
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    brief = work / "acme-corp-senior-backend-engineer-brief.md"
    text = brief.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# Interviewer brief: Senior Backend Engineer at Acme Corp"
    assert "- [ ] Why did you join? To build the payments platform from scratch" in text
    saved = yaml.safe_load((work / "acme-corp-senior-backend-engineer-brief.answers.yaml").read_text(encoding="utf-8"))
    assert saved["answers"] == {"you-why-joined": "To build the payments platform from scratch"}
    assert (saved["stage"], saved["minutes"], saved["interviewer"]) == (
        "final",
        15,
        {"name": "Sam Lee", "role": "manager"},
    )
    assert not list((home / "drafts").glob("*.yaml")), "the draft is removed once the brief is written"
