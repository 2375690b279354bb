"""`revint prep --next-round SESSION`: the next stage, unknown priorities first, yellow answers first in
their themes, green ones not asked again, a red one asked again of someone else and marked.

A small bank of our own (three questions per priority theme, ranked a, b, c by weight) makes each rule
visible: without the carry-over from the debrief, the sheet would be ordered differently.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from revint_cli.formats.reasons import Recheck
from revint_cli.render import words
from support_sessions import ACME, debrief_data, debrief_examples, sheet, write_bank, write_yaml

SESSION = "umbrella-engineer"
PEOPLE = [{"name": "Priya", "role": "peer"}, {"name": "Sam", "role": "manager"}]


@pytest.fixture
def run(cli, work: Path):
    bank = write_bank(work.parent / "bank.yaml")

    def invoke(*argv: str):
        return cli(["--no-default-bank", "--bank", str(bank), *argv])

    return invoke


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [q["id"] for q in items]


def asked_of(data: dict[str, Any], qid: str) -> str | None:
    q = next(q for q in [*data["questions"], *data["backup"]] if q["id"] == qid)
    return (q.get("ask") or {}).get("role")


# Round 1: what was asked, and how it sounded.
ROUND_1 = {
    "growth-b": ("yellow", "a ladder 'is being worked on'"),  # growth-a was not asked: it stays first by rank
    "growth-c": ("green", "two promotions last quarter"),
    "team-a": ("red", "nobody owns billing"),
    "team-b": ("green", "named owners"),
    "culture-a": ("red", "the on-call engineer was blamed"),
    "next-steps-a": ("green", "decision by Friday"),
}  # autonomy: nothing asked


@pytest.fixture
def debriefed(run, work: Path, revint_home: Path) -> dict[str, Any]:
    """Umbrella, round 1 at the interview stage, debriefed; returns its sheet."""
    profile = {
        "company": "Umbrella",
        "role": "Engineer",
        "stage": "interview",
        "minutes": 60,
        "priorities": ["growth", "autonomy", "team"],
        "interviewers": PEOPLE,
    }
    code, _, err = run("prep", "--answers", str(write_yaml(work / "umbrella.yaml", profile)), "-o", "round1.md")
    assert code == 0, err
    first = sheet(revint_home, SESSION, 1)
    # Round 1 as the bank ranks it: every rated question was on the sheet, in bank order within its theme.
    assert ids(first["questions"]) == [
        "growth-a",
        "growth-b",
        "growth-c",
        "autonomy-a",
        "autonomy-b",
        "autonomy-c",
        "team-a",
        "team-b",
        "team-c",
        "culture-a",
        "culture-b",  # the minutes left are filled
        "next-steps-a",
    ]
    data = debrief_data(first["questions"], ROUND_1, gut=3)
    code, _, err = run("debrief", SESSION, "--answers", str(write_yaml(work / "d1.yaml", data)))
    assert code == 0, err
    return first


def worded_recheck(item: dict[str, Any]) -> str:
    return words.recheck(Recheck.model_validate(item["recheck"]))


def next_round(run, work: Path, *extra: str, minutes: int = 60) -> dict[str, Any]:
    argv = ["prep", "--next-round", SESSION, "--no-input", "-o", "next.json", "--format", "json", "--force"]
    code, _, err = run(*argv, "--set", f"minutes={minutes}", *extra)  # the time is asked again each round
    assert code == 0, err
    return json.loads((work / "next.json").read_text(encoding="utf-8"))


def test_the_next_round_follows_every_rule(run, work: Path, revint_home: Path, debriefed: dict[str, Any]) -> None:
    people = "interviewers=[{name: Priya, role: peer}, {name: Sam, role: manager}]"
    data = next_round(run, work, "--set", people)
    questions = data["questions"]
    everything = ids(questions) + ids(data["backup"])

    # The next stage.
    assert data["profile"]["stage"] == "final"
    # The priority nobody asked about comes first on the sheet; the candidate's order of what matters
    # (which weighs the fit) stays as it was.
    assert data["profile"]["priorities"] == ["growth", "autonomy", "team"]
    assert questions[0]["theme"] == "autonomy"
    assert [q["theme"] for q in questions if q["theme"] in ("autonomy", "growth", "team")][:3] == ["autonomy"] * 3
    # A yellow answer first in its theme: growth-b before growth-a, which the bank ranks higher.
    assert [q for q in ids(questions) if q.startswith("growth-")] == ["growth-b", "growth-a"]
    # Green answers are not asked again, anywhere on the sheet.
    for green in ("growth-c", "team-b", "next-steps-a"):
        assert green not in everything
    assert [q["id"] for q in questions if q["theme"] == "next-steps"] == ["next-steps-b"]
    # A red answer is asked again, first in its theme, of someone else, and marked.
    for red in ("team-a", "culture-a"):
        before = asked_of(debriefed, red)
        item = next(q for q in questions if q["id"] == red)
        assert before is not None
        assert item["ask"]["role"] != before
        assert item["recheck"] == {"role": before, "other_named": True}  # data: who gave the red answer
        assert worded_recheck(item) == f"asked again to cross-check a red answer from the {before}"
    assert [q for q in ids(questions) if q.startswith("team-")][0] == "team-a"
    # Nothing else is marked.
    assert [q["id"] for q in [*questions, *data["backup"]] if "recheck" in q] == ["team-a", "culture-a"]

    # The markdown sheet shows the mark.
    code, out, err = run(
        "prep", "--next-round", SESSION, "--no-input", "-o", "-", "--set", people, "--set", "minutes=60"
    )
    assert code == 0, err
    assert out.count("🔁 asked again to cross-check a red answer from the ") == 2


def test_a_red_answer_with_no_one_else_named(run, work: Path, debriefed: dict[str, Any]) -> None:
    before = asked_of(debriefed, "team-a")
    same = next(p for p in PEOPLE if p["role"] == before)
    data = next_round(run, work, "--set", f"interviewers=[{{name: {same['name']}, role: {same['role']}}}]")
    item = next(q for q in data["questions"] if q["id"] == "team-a")
    assert item["ask"] == same
    assert item["recheck"] == {"role": before, "other_named": False}
    assert (
        worded_recheck(item) == f"asked again to cross-check a red answer from the {before} (no one else named to ask)"
    )


def test_a_red_answer_with_nobody_named(run, work: Path, debriefed: dict[str, Any]) -> None:
    data = next_round(run, work)
    assert data["profile"].get("interviewers", []) == []  # the people change from round to round
    item = next(q for q in data["questions"] if q["id"] == "team-a")
    assert item.get("ask") is None
    assert item["recheck"]["other_named"] is False
    assert worded_recheck(item).endswith("(no one else named to ask)")


def test_the_latest_rating_counts_over_rounds(run, work: Path, revint_home: Path, debriefed: dict[str, Any]) -> None:
    people = "interviewers=[{name: Priya, role: peer}, {name: Sam, role: manager}]"
    next_round(run, work, "--set", people)
    second = sheet(revint_home, SESSION, 2)
    assert second["profile"]["stage"] == "final"
    ratings = {
        "team-a": ("green", "the new lead owns billing"),  # red in round 1
        "growth-b": ("green", "the ladder is published"),  # yellow in round 1
        "autonomy-a": ("yellow", "depends on the team"),
    }
    data = debrief_data(second["questions"], ratings, gut=4)
    code, _, err = run("debrief", SESSION, "--answers", str(write_yaml(work / "d2.yaml", data)))
    assert code == 0, err
    assert (revint_home / "sessions" / SESSION / "debrief-2.yaml").is_file()

    code, out, err = run("sessions", "--json")
    assert code == 0, err
    [row] = json.loads(out)
    assert row["rounds"] == 2
    assert row["stage"] == "final"

    other = {"company": "Initech", "role": "Engineer", "stage": "interview", "minutes": 20}
    code, _, err = run("prep", "--answers", str(write_yaml(work / "initech.yaml", other)), "-o", "initech.md")
    assert code == 0, err
    code, out, err = run(
        "compare", SESSION, "initech-engineer", "--format", "json", "--priorities", "growth,autonomy,team"
    )
    assert code == 0, err
    umbrella = json.loads(out)["companies"][0]
    # growth: growth-b green (round 2, over its yellow), growth-c green; autonomy: yellow; team: team-a green
    # (round 2, over its red), team-b green; culture: red.
    assert umbrella["fit"] == {"growth": 1.0, "autonomy": 0.5, "team": 1.0, "culture": 0.0}
    # (3*1 + 2*.5 + 1*1 + .5*0) / (3 + 2 + 1 + .5) = 5 / 6.5
    assert umbrella["overall"] == 0.77
    assert [f["note"] for f in umbrella["red_flags"]] == ["the on-call engineer was blamed"]

    third = next_round(run, work)
    everything = ids(third["questions"]) + ids(third["backup"])
    for settled in ("team-a", "growth-b", "growth-c", "team-b"):
        assert settled not in everything
    assert third["profile"]["stage"] == "offer"
    assert [q for q in ids(third["questions"]) if q.startswith("autonomy-")][0] == "autonomy-a"  # yellow, first


def test_the_next_round_keeps_the_candidates_priority_order(run, work: Path, revint_home: Path, debriefed) -> None:
    next_round(run, work)
    second = sheet(revint_home, SESSION, 2)
    assert second["questions"][0]["theme"] == "autonomy"  # asked first, being unknown
    ratings = {"team-a": ("green", ""), "growth-b": ("green", ""), "autonomy-a": ("yellow", "")}
    data = debrief_data(second["questions"], ratings, gut=4)
    assert run("debrief", SESSION, "--answers", str(write_yaml(work / "d2.yaml", data))).code == 0

    code, out, err = run("sessions", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["fit"] == 0.77  # weighed growth 3, autonomy 2, team 1, as the candidate ranked them


def test_a_session_without_a_debrief_has_no_next_round(run, work: Path) -> None:
    profile = write_yaml(work / "p.yaml", {"company": "Umbrella", "role": "Engineer", "priorities": ["team"]})
    assert run("prep", "--answers", str(profile), "--no-input").code == 0
    code, out, err = run("prep", "--next-round", SESSION, "--no-input", "-o", "-")
    assert code == 2
    assert err == f"session {SESSION} has no debrief yet; run revint debrief {SESSION} first\n"
    assert out == ""


def test_an_unknown_session_for_the_next_round(run) -> None:
    code, _, err = run("prep", "--next-round", "umbrela-engineer", "--no-input", "-o", "-")
    assert code == 2
    assert "no session or file named 'umbrela-engineer'" in err


def test_a_red_answer_is_asked_again_at_the_offer_stage(cli, work: Path, revint_home: Path) -> None:
    debrief_examples(cli, revint_home, work)
    code, _, err = cli(["prep", "--next-round", ACME, "--no-input", "-o", "next.json", "--format", "json"])
    assert code == 0, err
    data = json.loads((work / "next.json").read_text(encoding="utf-8"))
    assert data["profile"]["stage"] == "offer"
    everything = ids(data["questions"]) + ids(data["backup"])
    assert "team-eng-ownership" in everything  # red at Acme
    assert "growth-feedback-between-reviews" in everything  # yellow at Acme


def test_a_red_answer_among_the_backups_is_marked_too(run, work: Path, revint_home: Path) -> None:
    profile = {
        "company": "Umbrella",
        "role": "Engineer",
        "stage": "interview",
        "minutes": 31,  # the priorities, culture-a and the closing question: culture-b is a backup
        "priorities": ["growth", "autonomy", "team"],
        "interviewers": PEOPLE,
    }
    assert run("prep", "--answers", str(write_yaml(work / "umbrella.yaml", profile)), "-o", "r1.md").code == 0
    first = sheet(revint_home, SESSION, 1)
    assert "culture-b" in ids(first["backup"])
    # Both culture questions red; culture is no priority, so the next round has room for one of them.
    data = debrief_data([*first["questions"], *first["backup"]], {"culture-a": ("red", "x"), "culture-b": ("red", "y")})
    assert run("debrief", SESSION, "--answers", str(write_yaml(work / "d1.yaml", data))).code == 0

    people = "interviewers=[{name: Priya, role: peer}, {name: Sam, role: manager}]"
    nxt = next_round(run, work, "--set", people, minutes=31)
    assert "culture-a" in ids(nxt["questions"])

    assert "culture-b" in ids(nxt["backup"])
    item = next(q for q in nxt["backup"] if q["id"] == "culture-b")
    assert "recheck" in item


def test_the_next_round_is_written_as_session_round_n(run, work: Path, debriefed: dict[str, Any]) -> None:
    code, out, err = run("prep", "--next-round", SESSION, "--no-input")
    assert code == 0, err
    assert out == ""
    written = work / f"{SESSION}-round-2.md"
    assert written.is_file()
    assert (work / f"{SESSION}-round-2.profile.yaml").is_file()
    assert f"Sheet written to   {SESSION}-round-2.md" in err
    # a second time (round 2 is not debriefed yet, so it is still round 2): the files are not replaced
    # without --force, refused before anything is asked
    before = written.read_bytes()
    code, _, err = run("prep", "--next-round", SESSION, "--no-input")
    assert code == 2
    assert f"{SESSION}-round-2.md and {SESSION}-round-2.profile.yaml already exist" in err
    assert written.read_bytes() == before


def test_without_input_the_next_round_takes_the_next_stage(run, work: Path, debriefed: dict[str, Any]) -> None:
    """What changes between rounds is suggested (the stage moves on) and, with --no-input, taken as it is;
    --set overrides any of it."""
    code, out, err = run("prep", "--next-round", SESSION, "--no-input", "-o", "-", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["profile"]["stage"] == "final"
    code, out, err = run(
        "prep", "--next-round", SESSION, "--no-input", "-o", "-", "--format", "json", "--set", "stage=offer"
    )
    assert code == 0, err
    assert json.loads(out)["profile"]["stage"] == "offer"
    assert sorted(p.name for p in work.iterdir()) == ["d1.yaml", "round1.md", "round1.profile.yaml", "umbrella.yaml"]


def test_the_next_round_refuses_answers_files_and_resume(run, debriefed: dict[str, Any]) -> None:
    for extra in (["--answers", "x.yaml"], ["--resume"]):
        code, _, err = run("prep", "--next-round", SESSION, *extra)
        assert code == 2
        assert "--next-round starts from the session's profile: change keys with --set" in err


def test_the_session_is_read_once_per_next_round(
    run, work: Path, debriefed: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from revint_cli.store import sessionstore

    calls: list[str] = []
    real = sessionstore.next_round

    def counted(ref: str) -> Any:
        calls.append(ref)
        return real(ref)

    monkeypatch.setattr(sessionstore, "next_round", counted)
    data = next_round(run, work)
    assert calls == [SESSION]
    assert any("recheck" in q for q in data["questions"])  # and its carry-over reached the plan
