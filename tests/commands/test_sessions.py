"""revint sessions: the table and its JSON, over debriefed and new sessions."""

from __future__ import annotations

import json
from pathlib import Path

from support_sessions import ACME, GLOBEX, debrief_examples, write_yaml


def test_sessions_json(cli, work: Path, revint_home: Path, monkeypatch) -> None:
    debrief_examples(cli, revint_home, work)
    profile = write_yaml(work / "initech.yaml", {"company": "Initech", "role": "Dev"})
    assert cli(["prep", "--answers", str(profile), "--no-input"]).code == 0

    code, out, err = cli(["sessions", "--json"])

    assert code == 0, err
    assert json.loads(out) == [
        {
            "session": ACME,
            "company": "Acme Corp",
            "role": "Senior Backend Engineer",
            "stage": "final",
            "date": "2026-12-01",
            "rounds": 1,
            "fit": 0.72,
        },
        {
            "session": GLOBEX,
            "company": "Globex",
            "role": "Staff Platform Engineer",
            "stage": "interview",
            "date": "2026-12-04",
            "rounds": 1,
            "fit": 0.85,
        },
        {
            "session": "initech-dev",
            "company": "Initech",
            "role": "Dev",
            "stage": "interview",
            "date": None,
            "rounds": 1,
            "fit": None,
        },
    ]

    monkeypatch.setenv("COLUMNS", "40")  # a block per session: the name alone on its line, never cut
    code, out, _ = cli(["sessions"])
    lines = out.splitlines()
    rows = {name: details for name, details in zip(lines[::2], lines[1::2], strict=True)}
    assert list(rows) == [ACME, GLOBEX, "initech-dev"]
    assert "72%" in rows[ACME]
    assert "85%" in rows[GLOBEX]
    assert "not debriefed" in rows["initech-dev"]


def test_sessions_json_with_none(cli) -> None:
    code, out, _ = cli(["sessions", "--json"])
    assert (code, json.loads(out)) == (0, [])
