"""The sheet as data: the `revint.sheet/1` JSON contract (`Sheet.to_json`), its helpers, and reading a
sheet back (`sheet.read`), where a hand-edited file fails with its file and line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from builders import closing, make_bank, make_profile, question, sheet_fields

from revint_cli.formats import cheatsheet as sheet_mod
from revint_cli.errors import RevintError
from revint_cli.formats.profile import Profile
from revint_cli.planning.tailor import plan

BANK = make_bank([question(f"{t}-{n}", t) for t in ("alpha", "beta", "gamma") for n in (1, 2, 3)] + [closing()])

EVIL_ROLE = "*bold* [link](http://x) `code` ~~gone~~ &copy; _u_ \\"
EVIL_NOTE = "line one\n- not a list\n# not a heading\n<script>alert(1)</script>"


def data_of(profile: Profile) -> dict[str, Any]:
    return json.loads(plan(BANK, profile).to_json())


# Keys every question has; `ask`, `recheck` and `reach` are there only when they say something.
QUESTION_KEYS = {"id", "theme", "text", "minutes", "why", "follow_ups", "listen_for", "source", "warnings"}
OPTIONAL_KEYS = {"ask", "recheck", "reach"}


def test_json_contract() -> None:
    custom = [
        {"text": "Is there a gym?", "theme": "alpha", "minutes": 2},
        {"text": "What would you change about beta first?", "theme": "beta", "minutes": 2},
    ]
    profile = make_profile(**sheet_fields(minutes=30, custom_questions=custom))
    data = data_of(profile)
    assert set(data) == {
        "schema",
        "company",
        "role",
        "profile",
        "budget_minutes",
        "planned_minutes",
        "research",
        "theme_titles",
        "questions",
        "backup",
        "uncovered",
        "missed_topics",
        "audience_labels",
        "facts",
    }
    assert data["schema"] == "revint.sheet/2"
    assert (data["company"], data["role"]) == ("Initech", "Backend Engineer")
    assert Profile.model_validate(data["profile"]) == profile
    assert data["budget_minutes"] == 30
    assert data["planned_minutes"] == sum(q["minutes"] for q in data["questions"]) <= 30
    assert data["research"] == {"alpha": "They run blameless postmortems"}
    assert data["theme_titles"]["alpha"] == "Alpha"
    assert data["uncovered"] == []
    for q in [*data["questions"], *data["backup"]]:
        assert QUESTION_KEYS <= set(q) <= QUESTION_KEYS | OPTIONAL_KEYS
        assert isinstance(q["id"], str)
        assert isinstance(q["theme"], str)
        assert isinstance(q["text"], str)
        assert isinstance(q["minutes"], int)
        assert isinstance(q["why"], str)
        assert q.get("ask") is None or (set(q["ask"]) <= {"name", "role"} and isinstance(q["ask"]["role"], str))
        assert all(isinstance(f, str) for f in q["follow_ups"])
        assert set(q["listen_for"]) == {"green", "red"}
        assert all(isinstance(s, str) for s in q["listen_for"]["green"] + q["listen_for"]["red"])
        assert q["source"] in ("bank", "custom")
        assert all(set(w) <= {"code", "params"} and isinstance(w["code"], str) for w in q["warnings"])
    customs = [q for q in data["questions"] if q["source"] == "custom"]
    assert [(q["id"], q["text"]) for q in customs] == [("custom-1", "Is there a gym?"), ("custom-2", custom[1]["text"])]
    # the own question's warnings are in the JSON (not on the printed sheet), as codes: no English
    assert customs[0]["warnings"] == [{"code": "closed-question", "params": {}}]
    assert not customs[1]["warnings"]
    asked = [q["ask"] for q in data["questions"]]
    assert {"name": "Ana", "role": "manager"} in asked
    assert any(a["role"] == "peer" and a.get("name") is None for a in asked)


def test_json_without_interviewers_assigns_no_one() -> None:
    data = data_of(make_profile(**sheet_fields(interviewers=[])))
    assert all(q.get("ask") is None for q in [*data["questions"], *data["backup"]])
    assert data["profile"]["interviewers"] == []  # kept, empty: the saved profile replays without asking


def test_json_keeps_typed_text_as_is() -> None:
    profile = make_profile(**sheet_fields(company="Café Ünïcode", role=EVIL_ROLE, research={"alpha": EVIL_NOTE}))
    text = plan(BANK, profile).to_json()
    data = json.loads(text)
    assert data["company"] == "Café Ünïcode"
    assert "Café Ünïcode" in text  # not \\u-escaped: readable in any editor
    assert data["role"] == EVIL_ROLE
    assert data["research"]["alpha"] == EVIL_NOTE
    assert data["profile"]["date"] == dt.date(2026, 12, 1).isoformat()


def test_json_escapes_bidi_characters_but_keeps_their_meaning() -> None:
    text = plan(BANK, make_profile(**sheet_fields(company="Evil\u202eCorp"))).to_json()
    assert "\u202e" not in text
    assert "\\u202e" in text
    assert json.loads(text)["company"] == "Evil\u202eCorp"


def test_a_sheet_reads_back_as_the_same_sheet(tmp_path: Path) -> None:
    sheet = plan(BANK, make_profile(**sheet_fields()))
    path = tmp_path / "sheet.json"
    path.write_text(sheet.to_json(), encoding="utf-8")
    assert sheet_mod.read(path) == sheet


def test_a_hand_edited_sheet_fails_with_its_file_and_line(tmp_path: Path) -> None:
    data = data_of(make_profile(**sheet_fields()))
    data["questions"][1]["minutes"] = "lots"
    path = tmp_path / "sheet.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(RevintError) as failed:
        sheet_mod.read(path)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if '"lots"' in text)
    assert failed.value.code == 2
    assert failed.value.message.startswith(f"{path}:{line}: questions[1].minutes: must be a whole number")


def test_themes_in_sheet_order_with_the_closing_theme_last() -> None:
    sheet = plan(BANK, make_profile(**sheet_fields(minutes=60)))
    order = sheet.theme_order()
    assert order[:2] == ["alpha", "beta"]  # the priorities first
    assert order[-1] == "next-steps"
    assert [i.id for i in sheet.closing()] == ["next-steps-after"]
    for theme in order:
        assert sheet.in_theme(theme) == [i for i in sheet.questions if i.theme == theme]
    assert sum(len(sheet.in_theme(t)) for t in order) == len(sheet.questions)


def test_find_and_ids_cover_the_backups_too() -> None:
    sheet = plan(BANK, make_profile(**sheet_fields()))
    assert sheet.backup
    assert sheet.ids() == [i.id for i in [*sheet.questions, *sheet.backup]]
    last = sheet.backup[-1]
    assert sheet.find(last.id) == last
    assert sheet.find("no-such-question") is None


def test_a_title_falls_back_to_the_theme_id() -> None:
    sheet = plan(BANK, make_profile(**sheet_fields()))
    assert sheet.title("alpha") == "Alpha"
    assert sheet.title("not-in-the-bank") == "not-in-the-bank"
