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

from support_sessions import (
    ACME,
    GLOBEX,
    Saved,
    debrief_data,
    debrief_examples,
    replay_once,
    restore,
    sheet,
    write_bank,
    write_yaml,
)

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


def _three(cli, home: Path, work: Path, initech_priorities: list[str]) -> dict[str, str]:
    debrief_examples(cli, home, work)
    return make_initech(cli, home, work, initech_priorities)


@pytest.fixture(scope="module")
def three_saved(tmp_path_factory: pytest.TempPathFactory) -> Saved:
    return replay_once(
        tmp_path_factory, lambda cli, home, work: _three(cli, home, work, ["growth", "autonomy", "team"])
    )


@pytest.fixture(scope="module")
def three_other_priorities_saved(tmp_path_factory: pytest.TempPathFactory) -> Saved:
    return replay_once(tmp_path_factory, lambda cli, home, work: _three(cli, home, work, ["team", "growth"]))


@pytest.fixture
def three(three_saved: Saved, revint_home: Path, work: Path) -> dict[str, str]:
    """Acme and Globex (the example debriefs) and Initech, replayed once per module."""
    return restore(three_saved, revint_home, work)


@pytest.fixture
def three_other_priorities(three_other_priorities_saved: Saved, revint_home: Path, work: Path) -> dict[str, str]:
    """The same, with Initech's priorities team, growth."""
    return restore(three_other_priorities_saved, revint_home, work)


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
        assert list(c) == [
            "company",
            "role",
            "session",
            "fit",
            "overall",
            "unknown",
            "red_flags",
            "gut",
            "debriefed",
        ]
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
            "question": question_text(revint_home, ACME, "challenges-scaling-limits"),
            "theme": "challenges",
            "note": "Billing falls over at every month-end; the fix waits 'between projects'",
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


@pytest.mark.usefixtures("three_other_priorities")
def test_differing_priorities_use_the_first_sessions_and_say_so(cli) -> None:
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


@pytest.mark.usefixtures("three_other_priorities")
def test_priorities_option_overrides_and_silences_the_notice(cli) -> None:
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


# ----- sessions on a bank of our own: independent of the shipped bank ----------------------------------------

UMBRELLA, HOOLI = "umbrella-engineer", "hooli-developer"


def _small_sessions(cli, home: Path, work: Path) -> Path:
    """Umbrella (debriefed) and Hooli (never debriefed), on the small bank: 60 minutes hold every question,
    so which ones are on the sheet does not depend on the shuffle of ties."""
    bank = write_bank(work / "bank.yaml")
    run = ["--no-default-bank", "--bank", str(bank)]
    for company, role, priorities in (
        ("Umbrella", "Engineer", ["growth", "autonomy", "team"]),
        ("Hooli", "Developer", ["team"]),
    ):
        profile = {"company": company, "role": role, "minutes": 60, "priorities": priorities}
        answers = write_yaml(work / f"{company}.yaml", profile)
        code, _, err = cli([*run, "prep", "--answers", str(answers), "--no-input"])
        assert code == 0, err
    questions = sheet(home, UMBRELLA)["questions"]
    closing = next(q["id"] for q in questions if q["theme"] == "next-steps")
    ratings = {
        "growth-a": ("green", "Two promotions last quarter"),
        "growth-b": ("yellow", "A ladder is being worked on"),
        "team-a": ("red", "Nobody owns billing"),
        "culture-a": ("green", "Blameless postmortems"),
        closing: ("red", ""),
    }
    data = debrief_data(questions, ratings, gut=4)
    code, _, err = cli([*run, "debrief", UMBRELLA, "--answers", str(write_yaml(work / "d.yaml", data))])
    assert code == 0, err
    return bank


@pytest.fixture(scope="module")
def small_saved(tmp_path_factory: pytest.TempPathFactory) -> Saved:
    return replay_once(tmp_path_factory, _small_sessions)


@pytest.fixture
def small(small_saved: Saved, revint_home: Path, work: Path, cli):
    bank = restore(small_saved, revint_home, work)

    def invoke(*argv: str):
        return cli(["--no-default-bank", "--bank", str(bank), "compare", *argv])

    return invoke


def test_a_debriefed_and_a_new_session_cell_by_cell(small, revint_home: Path) -> None:
    code, out, err = small(UMBRELLA, HOOLI, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["priorities"] == ["growth", "autonomy", "team"]  # the first session's
    assert "Priorities differ" in err
    umbrella, hooli = data["companies"]
    # growth: green + yellow; autonomy: not asked (a priority: unknown, never 0); team: red; culture: green
    assert umbrella["fit"] == {"growth": 0.75, "autonomy": None, "team": 0.0, "culture": 1.0}
    # (3 * .75 + 1 * 0 + .5 * 1) / (3 + 1 + .5): autonomy, unknown, weighs nothing
    assert umbrella["overall"] == 0.61
    assert umbrella["unknown"] == ["autonomy"]
    assert [(f["theme"], f["note"]) for f in umbrella["red_flags"]] == [
        ("team", "Nobody owns billing"),
        ("next-steps", ""),  # a red answer about next steps is a red flag, though it weighs no fit
    ]
    assert umbrella["red_flags"][0]["question"] == "What can you tell me about team a?"
    assert (umbrella["gut"], umbrella["debriefed"]) == (4, True)
    assert hooli["overall"] is None
    assert hooli["unknown"] == ["growth", "autonomy", "team"]
    assert set(hooli["fit"].values()) == {None}
    assert (hooli["red_flags"], hooli["gut"], hooli["debriefed"]) == ([], None, False)


def test_a_session_never_debriefed_says_so_in_the_red_flags_row(small) -> None:
    code, out, err = small(UMBRELLA, HOOLI, "--format", "md")
    assert code == 0, err
    assert _md_row(out, "Theme") == ["Umbrella", "Hooli"]
    assert _md_row(out, "Growth ★") == ["75%", "unknown"]
    assert _md_row(out, "Culture") == ["100%", "not asked"]
    assert _md_row(out, "**Overall fit**") == ["**61%**", "unknown"]
    assert _md_row(out, "Gut feeling") == ["4/5", "–"]
    assert _md_row(out, "Red flags") == ["2", "not debriefed"]
    code, table, err = small(UMBRELLA, HOOLI)
    assert code == 0, err
    (row,) = [line for line in table.splitlines() if line.startswith("Red flags")]
    assert row.split() == ["Red", "flags", "2", "not", "debriefed"]
    assert "Hooli: must know before deciding: Growth, Autonomy, Team" in table
    assert "Umbrella red flag: What can you tell me about team a? — Nobody owns billing" in table


def test_the_priorities_option_weighs_the_fit_and_silences_the_notice(small) -> None:
    code, out, err = small(UMBRELLA, HOOLI, "--priorities", "culture, team", "--format", "json")
    assert code == 0, err
    assert "Priorities differ" not in err
    umbrella, _ = json.loads(out)["companies"]
    assert list(umbrella["fit"])[:2] == ["culture", "team"]
    # culture 1 (w2), team 0 (w1), growth .75 (w .5): (2 + 0 + .375) / 3.5
    assert umbrella["overall"] == 0.68
    assert umbrella["unknown"] == []


def test_an_unknown_priority_theme_has_did_you_mean_on_any_bank(small) -> None:
    code, out, err = small(UMBRELLA, HOOLI, "--priorities", "growth,autonmy")
    assert code == 2
    assert "--priorities: unknown theme 'autonmy'; did you mean 'autonomy'?" in err
    assert out == ""
    code, _, err = small(UMBRELLA, HOOLI, "--priorities", "growth,growth")
    assert code == 2
    assert "--priorities: 'growth' is listed twice" in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([UMBRELLA], "compare needs at least two sessions"),
        ([UMBRELLA, "hooli-develper"], f"did you mean '{HOOLI}'?"),
        ([UMBRELLA, HOOLI, "--format", "xml"], "--format: unknown value 'xml'"),
    ],
)
def test_bad_arguments_are_exit_2(small, argv: list[str], says: str) -> None:
    code, out, err = small(*argv)
    assert code == 2
    assert says in err
    assert out == ""


def test_sessions_named_by_sheet_or_profile_path(small, work: Path) -> None:
    by_name = small(UMBRELLA, HOOLI, "--format", "json")
    by_path = small(str(work / f"{UMBRELLA}.md"), str(work / f"{HOOLI}.profile.yaml"), "--format", "json")
    assert by_path.code == by_name.code == 0
    assert by_path.out == by_name.out


def test_next_steps_as_a_priority_is_no_row_and_never_unknown_on_any_bank(small) -> None:
    code, out, err = small(UMBRELLA, HOOLI, "--priorities", "next-steps,growth", "--format", "json")
    assert code == 0, err
    umbrella, hooli = json.loads(out)["companies"]
    assert "next-steps" not in umbrella["fit"]
    assert umbrella["unknown"] == []
    assert hooli["unknown"] == ["growth"]


def test_a_session_named_twice_is_refused(cli, revint_home: Path, work: Path) -> None:  # type: ignore[no-untyped-def]
    from support_sessions import prep_examples

    prep_examples(cli, "acme-backend")
    (session,) = [p.name for p in (revint_home / "sessions").iterdir()]
    code, _, err = cli(["compare", session, session])
    assert code == 2
    assert err.strip() == f"compare: session {session} is named twice; name each session once"
