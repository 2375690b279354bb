"""Helpers for the tests of drafts, debriefs, sessions, compare and the next round.

Sessions are made the way a candidate makes them: `revint prep --answers` then `revint debrief --answers`,
in-process through `revint_cli.cli.run`. A small bank of our own (`write_bank`) keeps the tests of the
next round independent of how the shipped bank ranks its questions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from revint_cli import bank as bank_mod

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
ACME = "acme-corp-senior-backend-engineer"
GLOBEX = "globex-staff-platform-engineer"

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>]")


def strip_ansi(text: str) -> str:
    """What a person would read on the terminal: escape sequences and carriage returns removed."""
    return _ANSI.sub("", text).replace("\r", "")


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(dump(data), encoding="utf-8")
    return path


def session_dir(home: Path, name: str) -> Path:
    return home / "sessions" / name


def sheet(home: Path, name: str, round_: int = 1) -> dict[str, Any]:
    return json.loads((session_dir(home, name) / f"sheet-{round_}.json").read_text(encoding="utf-8"))


def sheet_questions(home: Path, name: str, round_: int = 1) -> list[dict[str, Any]]:
    return list(sheet(home, name, round_)["questions"])


def debrief_data(
    questions: Sequence[dict[str, Any]],
    ratings: dict[str, tuple[str, str] | None],
    *,
    gut: int = 3,
    extra: Sequence[dict[str, Any]] = (),
    round_: int | None = None,
) -> dict[str, Any]:
    """A debrief answering every planned question: `ratings[id] = (rating, note)`, absent or None: not asked."""
    answers: dict[str, Any] = {}
    for q in questions:
        rated = ratings.get(q["id"])
        answers[q["id"]] = {"asked": False} if rated is None else {"asked": True, "rating": rated[0], "note": rated[1]}
    unknown = set(ratings) - set(answers)
    assert not unknown, f"ratings for questions not on the sheet: {sorted(unknown)}"
    data: dict[str, Any] = {"version": 1}
    if round_ is not None:
        data["round"] = round_
    data.update({"answers": answers, "extra": list(extra), "gut": gut, "notes": ""})
    return data


# ----- a small bank of our own ---------------------------------------------------------------------------

SMALL_THEMES = ("growth", "autonomy", "team", "culture", "next-steps")


def _question(qid: str, theme: str, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": qid,
        "theme": theme,
        "text": f"What can you tell me about {qid.replace('-', ' ')}?",
        "why": f"Shows {qid}.",
        "minutes": 3,
        "audience": list(bank_mod.AUDIENCES),
        "stages": list(bank_mod.STAGES),
        "seniority": ["all"],
        "role_families": ["all"],
        "work_modes": ["all"],
        "follow_ups": [f"How did {qid} start?", f"Who decided {qid}?"],
        "listen_for": {"green": [f"{qid} is specific"], "red": [f"{qid} is vague"]},
    }
    data.update(fields)
    return data


def small_bank() -> dict[str, Any]:
    """Three questions per priority theme, two culture questions, two closing ones; the bank order ranks."""
    questions = [_question(f"{theme}-{c}", theme) for theme in ("growth", "autonomy", "team") for c in "abc"]
    questions += [_question("culture-a", "culture"), _question("culture-b", "culture")]
    questions += [
        _question("next-steps-a", "next-steps", minutes=1),
        _question("next-steps-b", "next-steps", minutes=1),
    ]
    themes = [{"id": t, "title": t.replace("-", " ").title(), "summary": f"About {t}."} for t in SMALL_THEMES]
    return {"version": 1, "themes": themes, "questions": questions}


def write_bank(path: Path) -> Path:
    return write_yaml(path, small_bank())


Cli = Callable[[Sequence[str]], Any]
