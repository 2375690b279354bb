"""`revint compare`: three companies side by side, checked cell by cell in the `revint.compare/1` JSON,
with "unknown" in the markdown and the table, and the priorities each comparison is weighed by.

The expected numbers are worked out by hand from the example debriefs (see each comment); the third
company, Initech, is debriefed here by position in its own sheet.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support_sessions import ACME, GLOBEX, debrief_data, debrief_examples, sheet, write_yaml

INITECH = "initech-software-engineer"


def question_text(home: Path, session: str, qid: str) -> str:
    data = sheet(home, session)
    return next(q["text"] for q in [*data["questions"], *data["backup"]] if q["id"] == qid)


def make_initech(cli, home: Path, folder: Path, priorities: list[str]) -> dict[str, str]:
    """Prep and debrief Initech: growth green + red, team yellow, autonomy not asked, next steps red,
    an extra culture question green. Returns the ids of the red answers, by theme."""
    profile = {
        "company": "Initech",
        "role": "Software Engineer",
        "role_family": "engineering",
        "stage": "interview",
        "minutes": 20,
        "priorities": priorities,
    }
    code, _, err = cli(["prep", "--answers", str(write_yaml(folder / "initech.yaml", profile)), "--no-input"])
    assert code == 0, err
    questions = sheet(home, INITECH)["questions"]
    by_theme: dict[str, list[str]] = {}
    for q in questions:
        by_theme.setdefault(q["theme"], []).append(q["id"])
    assert len(by_theme["growth"]) >= 2
    assert by_theme["team"]
    assert by_theme["next-steps"]
    ratings = {
        by_theme["growth"][0]: ("green", "Mentoring budget per person"),
        by_theme["growth"][1]: ("red", "No budget for courses"),
        by_theme["team"][0]: ("yellow", "Depends on the project"),
        by_theme["next-steps"][0]: ("red", "No timeline at all"),
    }
    extra = [{"text": "How do you run postmortems?", "theme": "culture", "rating": "green", "note": "Blameless"}]
    data = debrief_data(questions, ratings, gut=2, extra=extra)
    code, _, err = cli(["debrief", INITECH, "--answers", str(write_yaml(folder / "initech-debrief.yaml", data))])
    assert code == 0, err
    return {"growth": by_theme["growth"][1], "next-steps": by_theme["next-steps"][0]}


@pytest.fixture
def three(cli, work: Path, revint_home: Path) -> dict[str, str]:
    debrief_examples(cli, revint_home, work)
    return make_initech(cli, revint_home, work, ["growth", "autonomy", "team"])


def compare_json(cli, *args: str) -> tuple[dict[str, Any], str]:
    code, out, err = cli(["compare", *args, "--format", "json"])
    assert code == 0, err
    return json.loads(out), err


def test_three_companies_cell_by_cell(cli, revint_home: Path, three: dict[str, str]) -> None:
    data, err = compare_json(cli, ACME, GLOBEX, INITECH)

    assert "Priorities differ" not in err
    assert data["schema"] == "revint.compare/1"
    assert data["priorities"] == ["growth", "autonomy", "team"]
    assert [c["session"] for c in data["companies"]] == [ACME, GLOBEX, INITECH]
    acme, globex, initech = data["companies"]
    for c in data["companies"]:
        assert list(c) == ["company", "role", "session", "fit", "overall", "unknown", "red_flags", "gut"]
        assert list(c["fit"])[:3] == ["growth", "autonomy", "team"]  # priorities first
        assert list(c["fit"]) == list(acme["fit"])  # every company has every row

    assert (acme["company"], acme["role"]) == ("Acme Corp", "Senior Backend Engineer")
    # growth: green, yellow; autonomy: green; team: red + an extra yellow; remote-work: green;
    # challenges: custom yellow + backup red; communication: yellow; next steps left out.
    assert acme["fit"] == {
        "growth": 0.75,
        "autonomy": 1.0,
        "team": 0.25,
        "remote-work": 1.0,
        "challenges": 0.25,
        "communication": 0.5,
        "culture": None,
    }
    # (3*.75 + 2*1 + 1*.25 + .5*1 + .5*.25 + .5*.5) / (3 + 2 + 1 + .5 + .5 + .5) = 5.375 / 7.5
    assert acme["overall"] == 0.72
    assert acme["unknown"] == []
    assert acme["red_flags"] == [
        {
            "question": question_text(revint_home, ACME, "team-eng-ownership"),
            "theme": "team",
            "note": "Billing has had no owner since the reorg",
        },
        {
            "question": question_text(revint_home, ACME, "challenges-tech-debt"),
            "theme": "challenges",
            "note": "Debt work happens 'between projects', which never comes",
        },
    ]
    assert acme["gut"] == 4

    assert (globex["company"], globex["role"]) == ("Globex", "Staff Platform Engineer")
    assert globex["fit"] == {
        "growth": 1.0,
        "autonomy": None,  # a priority nobody asked about: unknown, not 0
        "team": 1.0,
        "remote-work": 0.5,
        "challenges": None,
        "communication": None,
        "culture": 0.0,  # asked, and red: zero, not unknown
    }
    # (3*1 + 1*1 + .5*.5 + .5*0) / (3 + 1 + .5 + .5) = 4.25 / 5
    assert globex["overall"] == 0.85
    assert globex["unknown"] == ["autonomy"]
    assert globex["red_flags"] == [
        {
            "question": "What happened after the last outage?",
            "theme": "culture",
            "note": "The on-call engineer was named in the all-hands",
        }
    ]
    assert globex["gut"] == 3

    assert (initech["company"], initech["role"]) == ("Initech", "Software Engineer")
    assert initech["fit"] == {
        "growth": 0.5,
        "autonomy": None,
        "team": 0.5,
        "remote-work": None,
        "challenges": None,
        "communication": None,
        "culture": 1.0,
    }
    # (3*.5 + 1*.5 + .5*1) / (3 + 1 + .5) = 2.5 / 4.5 = 0.5555...
    assert initech["overall"] == 0.56
    assert initech["unknown"] == ["autonomy"]
    assert initech["red_flags"] == [
        {
            "question": question_text(revint_home, INITECH, three["growth"]),
            "theme": "growth",
            "note": "No budget for courses",
        },
        {
            "question": question_text(revint_home, INITECH, three["next-steps"]),
            "theme": "next-steps",
            "note": "No timeline at all",
        },
    ]
    assert initech["gut"] == 2


def _md_row(markdown: str, first_cell: str) -> list[str]:
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == first_cell:
            return cells[1:]
    raise AssertionError(f"no row {first_cell!r} in:\n{markdown}")


@pytest.mark.usefixtures("three")
def test_markdown_shows_unknown_and_not_asked(cli) -> None:
    code, out, err = cli(["compare", ACME, GLOBEX, INITECH, "--format", "md"])
    assert code == 0, err
    assert _md_row(out, "Theme") == ["Acme Corp", "Globex", "Initech"]
    assert _md_row(out, "Autonomy ★") == ["100%", "unknown", "unknown"]
    assert _md_row(out, "Growth ★") == ["75%", "100%", "50%"]
    assert _md_row(out, "Culture") == ["not asked", "0%", "100%"]
    assert _md_row(out, "**Overall fit**") == ["**72%**", "**85%**", "**56%**"]
    assert _md_row(out, "Gut feeling") == ["4/5", "3/5", "2/5"]
    assert _md_row(out, "Red flags") == ["2", "1", "2"]
    assert "## Globex: Staff Platform Engineer" in out
    assert "Must know before deciding: Autonomy." in out


@pytest.mark.usefixtures("three")
def test_the_table_shows_unknown(cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    code, out, err = cli(["compare", ACME, GLOBEX, INITECH])
    assert code == 0, err
    rows = {line.split("★")[0].strip(): line.split() for line in out.splitlines() if "★" in line}
    assert rows["Autonomy"][-3:] == ["100%", "unknown", "unknown"]
    assert rows["Growth"][-3:] == ["75%", "100%", "50%"]
    assert "Globex: must know before deciding: Autonomy" in out
    assert "Initech: must know before deciding: Autonomy" in out


@pytest.mark.usefixtures("three")
def test_a_session_not_debriefed_is_all_unknown(cli, work: Path) -> None:
    profile = write_yaml(work / "hooli.yaml", {"company": "Hooli", "role": "Dev", "priorities": ["team"]})
    assert cli(["prep", "--answers", str(profile), "--no-input"]).code == 0

    data, err = compare_json(cli, ACME, "hooli-dev")

    hooli = data["companies"][1]
    assert hooli["overall"] is None
    assert hooli["unknown"] == ["growth", "autonomy", "team"]  # the first session's priorities
    assert set(hooli["fit"].values()) == {None}
    assert (hooli["red_flags"], hooli["gut"]) == ([], None)
    assert "Priorities differ" in err


def test_differing_priorities_use_the_first_sessions_and_say_so(cli, work: Path, revint_home: Path) -> None:
    debrief_examples(cli, revint_home, work)
    make_initech(cli, revint_home, work, ["team", "growth"])

    data, err = compare_json(cli, INITECH, ACME, GLOBEX)

    notice = " ".join(err.split())
    assert f"Priorities differ between sessions; using those of {INITECH}: team, growth" in notice
    assert data["priorities"] == ["team", "growth"]
    initech, acme, globex = data["companies"]
    assert list(acme["fit"])[:2] == ["team", "growth"]
    assert acme["unknown"] == []
    # team .25 (w2), growth .75 (w1), autonomy 1, remote-work 1, challenges .25, communication .5 (w .5 each):
    # (.5 + .75 + .5 + .5 + .125 + .25) / (2 + 1 + 4*.5) = 2.625 / 5 = 0.525, half up
    assert acme["overall"] == 0.53
    # team 1 (w2), growth 1 (w1), remote-work .5, culture 0 (w .5 each): (2 + 1 + .25) / 4
    assert globex["overall"] == 0.81
    assert globex["unknown"] == []  # autonomy is no priority here
    # team .5 (w2), growth .5 (w1), culture 1 (w .5): (1 + .5 + .5) / 3.5
    assert initech["overall"] == 0.57


def test_priorities_option_overrides_and_silences_the_notice(cli, work: Path, revint_home: Path) -> None:
    debrief_examples(cli, revint_home, work)
    make_initech(cli, revint_home, work, ["team", "growth"])

    data, err = compare_json(cli, ACME, GLOBEX, INITECH, "--priorities", "culture, team")

    assert "Priorities differ" not in err
    assert data["priorities"] == ["culture", "team"]
    acme, globex, initech = data["companies"]
    assert list(acme["fit"])[:2] == ["culture", "team"]
    assert acme["unknown"] == ["culture"]
    # culture unknown; team .25 (w1); growth .75, autonomy 1, remote-work 1, challenges .25,
    # communication .5 (w .5 each): (.25 + .375 + .5 + .5 + .125 + .25) / (1 + 2.5) = 2 / 3.5
    assert acme["overall"] == 0.57
    # culture 0 (w2), team 1 (w1), growth 1, remote-work .5 (w .5 each): (0 + 1 + .5 + .25) / 4
    assert globex["overall"] == 0.44
    assert globex["unknown"] == []
    # culture 1 (w2), team .5 (w1), growth .5 (w .5): (2 + .5 + .25) / 3.5
    assert initech["overall"] == 0.79


@pytest.mark.usefixtures("three")
def test_an_unknown_priority_theme_has_did_you_mean(cli) -> None:
    code, out, err = cli(["compare", ACME, GLOBEX, "--priorities", "growth,autonmy"])
    assert code == 2
    assert "--priorities: unknown theme 'autonmy'; did you mean 'autonomy'?" in err
    assert out == ""


@pytest.mark.usefixtures("three")
def test_a_priority_listed_twice_is_refused(cli) -> None:
    code, _, err = cli(["compare", ACME, GLOBEX, "--priorities", "growth,growth,team", "--format", "json"])
    assert code == 2
    assert "listed twice" in err


@pytest.mark.usefixtures("three")
@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([ACME], "compare needs at least two sessions"),
        ([ACME, "globex-staff-platform-enginer"], f"did you mean '{GLOBEX}'?"),
        ([ACME, GLOBEX, "--format", "xml"], "--format: unknown value 'xml'"),
    ],
)
def test_bad_compare_arguments_are_exit_2(cli, argv: list[str], says: str) -> None:
    code, _, err = cli(["compare", *argv])
    assert code == 2
    assert says in err


@pytest.mark.usefixtures("three")
def test_sessions_can_be_named_by_sheet_path(cli, work: Path) -> None:
    by_name, _ = compare_json(cli, ACME, GLOBEX)
    by_path, _ = compare_json(cli, str(work / f"{ACME}.md"), str(work / f"{GLOBEX}.profile.yaml"))
    assert by_path == by_name


@pytest.mark.usefixtures("three")
def test_next_steps_as_a_priority_is_no_row_and_never_unknown(cli) -> None:
    data, _ = compare_json(cli, ACME, GLOBEX, "--priorities", "next-steps,autonomy")
    assert data["priorities"] == ["next-steps", "autonomy"]
    acme, globex = data["companies"]
    assert "next-steps" not in acme["fit"]
    assert list(acme["fit"])[0] == "autonomy"
    assert acme["unknown"] == []
    assert globex["unknown"] == ["autonomy"]
