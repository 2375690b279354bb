"""Names and notes in Dutch, French, Vietnamese, with emoji and right-to-left text survive
wizard -> draft -> profile -> sheet -> debrief -> compare unchanged."""

from __future__ import annotations


import json
import unicodedata
from pathlib import Path

import pytest
import yaml

from builders import gather_profile, sheet_and_text
from revint_cli import answers
from revint_cli.store import draftstore as drafts
from revint_cli import questionbank as bank_mod
from revint_cli.commands import prep
from support_sessions import keys_in, headings, sheet_questions, write_yaml


ENTER, DOWN, SPACE = "\r", "\x1b[B", " "

COMPANY = "Nguyễn & Zoë Ĳsselmeer B.V. 🚲"
ROLE = "Ingénieure logicielle — backend"
NAME = "Trần Thị Hương 🌸"
NOTE = "فريق صغير من ٧ أشخاص — l'équipe est à Hà Nội 🚀"
QUESTION = "Hoe ziet een gewone werkdag eruit voor het team in Đà Nẵng? 🇳🇱"


@pytest.fixture(scope="module")
def bank() -> bank_mod.Bank:
    return bank_mod.load([])


def run_wizard(bank: bank_mod.Bank, keys: str) -> tuple[object, answers.Gathered]:
    with keys_in(keys):
        return gather_profile(bank, answers.Options(), interactive=True)


def test_the_wizard_keeps_every_character(
    bank: bank_mod.Bank, cli, tmp_path: Path, revint_home: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first_theme = sorted(bank.themes.values(), key=lambda t: not t.core)[0]
    keys = "".join(
        [
            COMPANY + ENTER,
            ROLE + ENTER,
            ENTER * 8,  # role family, seniority, sector, employer, country, work mode, stage, format: the defaults
            ENTER,  # minutes: 20 (the interview stage's default)
            ENTER,  # no date
            DOWN + ENTER,  # one person
            ENTER,  # the manager
            NAME + ENTER,
            SPACE + ENTER,  # the first theme as the one priority
            NOTE + ENTER,  # what the research found
            "y",  # a question of my own
            QUESTION + ENTER,
            ENTER,  # its theme: the priority
            ENTER,  # 3 minutes
            "n",  # no other
        ]
    )
    profile, source = run_wizard(bank, keys)

    assert source.asked
    assert profile.company == COMPANY
    assert profile.role == ROLE
    assert [iv.name for iv in profile.interviewers] == [NAME]
    assert profile.priorities == [first_theme.id]
    assert profile.research == {first_theme.id: NOTE}
    assert [c.text for c in profile.custom_questions] == [QUESTION]

    # The draft kept them too, after every answer.
    saved = drafts.latest("prep")
    assert saved.company == COMPANY
    assert saved.answers["research"] == {first_theme.id: NOTE}

    # Profile file and sheet.
    opts = prep.Options()
    sheet, text = sheet_and_text(bank, profile, "md")
    written, _name = prep.write(profile, sheet, text, opts, source)
    assert written.sheet is not None
    assert written.profile is not None
    data = yaml.safe_load(written.profile.read_text(encoding="utf-8"))
    assert (data["company"], data["role"]) == (COMPANY, ROLE)
    assert data["interviewers"] == [{"name": NAME, "role": "manager"}]
    assert data["research"] == {first_theme.id: NOTE}
    assert data["custom_questions"][0]["text"] == QUESTION

    sheet = written.sheet.read_text(encoding="utf-8")
    found = headings(sheet)
    assert found[0] == ("h1", f"Reverse interview: {ROLE} at {COMPANY}")
    assert any(tag == "h2" and text.endswith(f" · ask {NAME} (manager)") for tag, text in found)
    texts = _rendered_texts(sheet)
    assert f"You found: {NOTE}" in texts
    assert f"{QUESTION} (~3 min) · ask {NAME} (manager)" in texts  # own questions are assigned too

    # Replaying the written profile gives the same sheet, byte for byte.
    code, out, err = cli(["prep", "--answers", str(written.profile), "-o", "-"])
    assert code == 0, err
    assert out == sheet


def _rendered_texts(markdown: str) -> set[str]:
    """The text of every paragraph as a reader sees it (markup gone, escapes undone)."""
    from markdown_it import MarkdownIt

    texts = set()
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "inline":
            words = "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline", "softbreak"))
            texts.add(words.removeprefix("[ ] "))
    return texts


@pytest.mark.parametrize(
    "company",
    [
        "Café Müller",  # composed é, ü
        unicodedata.normalize("NFD", "Café Müller"),  # the same, decomposed: kept as typed, not normalised
        "שלום עולם בע״מ",  # right-to-left
        "Công ty Cổ phần Việt Nam",
        "🦄 Unicorn ✨",
        "ذ\u200fشركة",  # a right-to-left mark inside
    ],
)
def test_names_survive_an_answers_file_json_sheet_and_profile(cli, tmp_path: Path, monkeypatch, company: str) -> None:
    monkeypatch.chdir(tmp_path)
    answers = write_yaml(
        tmp_path / "in.yaml",
        {"company": company, "role": "Développeur·euse", "research": {"culture": f"{company} — blog ✍️"}},
    )
    code, out, err = cli(["prep", "--answers", str(answers), "--no-input", "-o", "sheet.json", "--format", "json"])
    assert code == 0, err
    sheet = json.loads((tmp_path / "sheet.json").read_text(encoding="utf-8"))
    assert sheet["company"] == company
    assert sheet["role"] == "Développeur·euse"
    assert sheet["research"] == {"culture": f"{company} — blog ✍️"}
    profile = yaml.safe_load((tmp_path / "sheet.profile.yaml").read_text(encoding="utf-8"))
    assert profile["company"] == company
    assert profile["research"]["culture"] == f"{company} — blog ✍️"


def test_debrief_notes_survive_into_compare(cli, tmp_path: Path, revint_home: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    companies = {"Zoë's Bakkerij 🥐": "hoi", "Phở Hà Nội": "xin chào", "شركة الأمل": "مرحبا"}
    names = []
    for company, greeting in companies.items():
        profile = write_yaml(tmp_path / "p.yaml", {"company": company, "role": "Dev", "priorities": ["team"]})
        code, _, err = cli(["prep", "--answers", str(profile), "--no-input", "-o", "-", "--force"])
        assert code == 0, err
        name = sorted(p.name for p in (revint_home / "sessions").iterdir() if p.name not in names)[0]
        names.append(name)
        questions = sheet_questions(revint_home, name)
        team = next(q for q in questions if q["theme"] == "team")
        answers = {q["id"]: {"asked": False} for q in questions}
        answers[team["id"]] = {"asked": True, "rating": "red", "note": f"{greeting} — {company} 🔥"}
        debrief = write_yaml(tmp_path / "d.yaml", {"answers": answers, "gut": 2, "notes": f"{greeting} ✔"})
        code, _, err = cli(["debrief", name, "--answers", str(debrief)])
        assert code == 0, err
        saved = yaml.safe_load((revint_home / "sessions" / name / "debrief-1.yaml").read_text(encoding="utf-8"))
        assert saved["answers"][team["id"]]["note"] == f"{greeting} — {company} 🔥"
        assert saved["notes"] == f"{greeting} ✔"

    code, out, err = cli(["compare", *names, "--format", "json"])
    assert code == 0, err
    data = json.loads(out)
    by_company = {c["company"]: c for c in data["companies"]}
    assert set(by_company) == set(companies)
    for company, greeting in companies.items():
        assert [f["note"] for f in by_company[company]["red_flags"]] == [f"{greeting} — {company} 🔥"]
