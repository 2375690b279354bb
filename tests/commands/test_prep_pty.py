"""One end-to-end `revint prep` in a real pseudo-terminal: every prompt answered as a person would."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ENTER = "\r"
COMPANY = "Zürich Ünïcode AG"
ROLE = "Senior Backend Engineer"


def test_wizard_in_a_terminal_writes_the_sheet(tmp_path: Path) -> None:
    home = tmp_path / "home"
    work = tmp_path / "work"
    work.mkdir()
    env = {
        **os.environ,
        "REVINT_HOME": str(home),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm-256color",  # a real terminal: the fixtures' TERM=dumb would change prompt_toolkit's screen
        "PYTHONIOENCODING": "utf-8",
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "revint_cli", "prep"],
        cwd=str(work),
        env=env,
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=15,
    )
    try:
        steps = [
            ("Which company is the interview with?", COMPANY + ENTER),
            ("For which role?", ROLE + ENTER),
            ("Which kind of role is it?", ENTER),
            ("At which level?", ENTER),
            ("In which sector is the employer?", ENTER),
            ("What kind of employer is it?", ENTER),
            ("In which country is the job?", ENTER),
            ("Where would you work?", ENTER),
            ("Which stage of the process is this?", ENTER),
            ("How will you meet?", ENTER),
            ("How many minutes", ENTER),
            ("When is the interview?", "2026-12-01" + ENTER),
            ("Whom will you meet?", ENTER),
            ("What matters most to you?", " " + ENTER),
            ("What did you find out about", "Their blog says teams choose their own tools" + ENTER),
            ("Add a question of your own?", ENTER),
        ]
        for prompt, keys in steps:
            child.expect_exact(prompt)
            child.send(keys)
        child.expect_exact("Sheet written to")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    sheet = work / "zurich-unicode-ag-senior-backend-engineer.md"
    assert sheet.exists(), sorted(p.name for p in work.iterdir())
    text = sheet.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# Reverse interview: {ROLE} at {COMPANY}"
    assert "Their blog says teams choose their own tools" in text
    assert (work / "zurich-unicode-ag-senior-backend-engineer.profile.yaml").exists()
    assert not list((home / "drafts").glob("*.yaml")), "the draft is removed once the sheet is written"
