"""Sessions written by the first release (`revint.sheet/1`, reasons as English sentences) still work: they
open, show, debrief, compare and start a next round. And a sheet of this release (`revint.sheet/2`, reasons
as codes) reads, in English, word for word as the first release wrote it.

`tests/data/golden/` holds a small bank, the profiles and the debrief, and what the first release wrote
from them (`make.sh` says how); `tests/data/sheet1/sessions/` the two sessions it kept.
"""

from __future__ import annotations

import json
import shutil
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from revint_cli.formats.cheatsheet import read
from revint_cli.formats.reasons import Reach, Reason, Recheck
from revint_cli.render import words

DATA = Path(__file__).resolve().parents[1] / "data"
GOLDEN = DATA / "golden"
UMBRELLA, GLOBEX = "umbrella-platform-engineer", "globex-platform-engineer"
SHEETS = [(r, fmt, compact) for r in (1, 2) for fmt in ("md", "html") for compact in (False, True)]

Cli = Callable[[Sequence[str]], Any]


@pytest.fixture
def run(cli: Cli, work: Path) -> Cli:
    def invoke(argv: Sequence[str]) -> Any:
        return cli(["--no-default-bank", "--bank", str(GOLDEN / "bank.yaml"), *argv])

    return invoke


@pytest.fixture
def first_release(revint_home: Path) -> Path:
    """The sessions the first release kept, in this test's revint home."""
    shutil.copytree(DATA / "sheet1" / "sessions", revint_home / "sessions")
    return revint_home / "sessions"


def golden(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


def shown_sheet(run: Cli, round_: int, fmt: str, compact: bool) -> str:
    argv = ["sheet", UMBRELLA, "--round", str(round_), "--format", fmt, "-o", "-", *(["--compact"] if compact else [])]
    result = run(argv)
    assert result.code == 0, result.err
    return str(result.out)


def same_as_first_release(run: Cli) -> None:
    for round_, fmt, compact in SHEETS:
        name = f"round{round_}{'-compact' if compact else ''}.{fmt}"
        assert shown_sheet(run, round_, fmt, compact) == golden(name), name
    result = run(["compare", UMBRELLA, GLOBEX, "--format", "md"])
    assert result.out == golden("compare.md")
    assert run(["compare", UMBRELLA, GLOBEX]).out == golden("compare.txt")
    assert run(["sessions"]).out == golden("sessions.txt")


# ----- a session of the first release ---------------------------------------------------------------------


def test_a_first_release_sheet_reads_as_legacy_codes_never_parsed(first_release: Path) -> None:
    one = read(first_release / UMBRELLA / "sheet-1.json")
    assert one.schema_ == "revint.sheet/2"
    team = next(u for u in one.uncovered if u.theme == "team")
    text = "no time left: its best question takes 5 minutes (first under If time allows)"
    assert team.reason == Reason(code="legacy", params={"text": text})
    bonus = next(i for i in one.all_items() if i.text == "Is there a bonus?")
    assert [w.code for w in bonus.warnings] == ["legacy", "legacy"]
    assert [words.warning(w) for w in bonus.warnings][0].startswith("looks like a yes/no question")
    reach = next(i.reach for i in one.all_items() if i.reach)
    assert reach == Reach(text="ask to be put in touch with the skip-level manager or the founder")
    two = read(first_release / UMBRELLA / "sheet-2.json")
    rechecks = [i.recheck for i in two.all_items() if i.recheck]
    assert rechecks[0] == Recheck(
        text="asked again to cross-check a red answer from the peer (no one else named to ask)"
    )
    assert rechecks[0].role is None  # the first release kept only the sentence: nothing guesses the role from it


def test_a_first_release_session_shows_as_it_did(run: Cli, first_release: Path) -> None:
    same_as_first_release(run)


def test_a_first_release_session_opens(run: Cli, first_release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    urls: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: urls.append(url) or True)
    result = run(["open", UMBRELLA])
    assert result.code == 0, result.err
    page = first_release / UMBRELLA / "sheet-2.html"
    assert urls == [page.resolve().as_uri()]
    assert page.read_text(encoding="utf-8") == golden("round2.html")


def test_a_first_release_session_debriefs_and_goes_on(run: Cli, first_release: Path, work: Path) -> None:
    two = json.loads((first_release / UMBRELLA / "sheet-2.json").read_text(encoding="utf-8"))
    answers: dict[str, Any] = {q["id"]: {"asked": False} for q in two["questions"]}
    answers["team-a"] = {"asked": True, "rating": "green", "note": "An owner since last month"}
    answers["culture-a"] = {"asked": True, "rating": "red", "note": "Still blamed"}
    path = work / "d2.yaml"
    path.write_text(json.dumps({"version": 1, "answers": answers, "gut": 2}), encoding="utf-8")
    result = run(["debrief", UMBRELLA, "--answers", str(path)])
    assert result.code == 0, result.err
    assert (first_release / UMBRELLA / "debrief-2.yaml").is_file()
    compared = run(["compare", UMBRELLA, GLOBEX, "--format", "json"])
    assert compared.code == 0, compared.err
    umbrella = json.loads(compared.out)["companies"][0]
    assert umbrella["debriefed"]
    assert umbrella["gut"] == 2
    # The next round: the first release's rounds carry over into a sheet of this release.
    result = run(["prep", "--next-round", UMBRELLA, "--no-input", "-o", "r3.json", "-f", "json", "--set", "minutes=20"])
    assert result.code == 0, result.err
    three = json.loads((work / "r3.json").read_text(encoding="utf-8"))
    assert three["schema"] == "revint.sheet/2"
    everything = {q["id"]: q for q in [*three["questions"], *three["backup"]]}
    assert "team-a" not in everything  # green in round 2
    assert everything["culture-a"]["recheck"]["role"] == "peer"  # red twice, of the peer in round 2


# ----- a session of this release ----------------------------------------------------------------------------


@pytest.fixture
def this_release(run: Cli, work: Path, revint_home: Path) -> Path:
    """The same sessions made by this release, as `make.sh` made them with the first."""
    assert run(["prep", "--answers", str(GOLDEN / "round1.yaml"), "-o", "round1.md"]).code == 0
    assert run(["debrief", UMBRELLA, "--answers", str(GOLDEN / "debrief-1.yaml")]).code == 0
    nxt = ["prep", "--next-round", UMBRELLA, "--no-input", "-o", "round2.md", "--set", "minutes=20"]
    assert run([*nxt, "--set", "interviewers=[{role: peer}]"]).code == 0
    globex = work / "globex.yaml"
    globex.write_text(golden("round1.yaml").replace("company: Umbrella", "company: Globex"), encoding="utf-8")
    assert run(["prep", "--answers", str(globex), "-o", "globex.md"]).code == 0
    debrief = work / "globex-debrief.yaml"
    debrief.write_text(golden("debrief-1.yaml").replace("rating: red", "rating: green"), encoding="utf-8")
    assert run(["debrief", GLOBEX, "--answers", str(debrief)]).code == 0
    return revint_home / "sessions"


def test_this_release_reads_word_for_word_as_the_first(run: Cli, this_release: Path) -> None:
    same_as_first_release(run)


def _params(data: dict[str, Any]) -> list[Any]:
    """Every parameter value of every code in a sheet's JSON."""
    items = [*data["questions"], *data["backup"]]
    coded = [*(w for i in items for w in i["warnings"]), *(u["reason"] for u in data["uncovered"])]
    values = [v for c in coded for v in c["params"].values()]
    values += [v for i in items for key in ("recheck", "reach") if key in i for v in i[key].values()]
    return [x for v in values for x in (v if isinstance(v, list) else [v])]


def test_this_release_keeps_codes_with_parameters_never_english(this_release: Path) -> None:
    one = json.loads((this_release / UMBRELLA / "sheet-1.json").read_text(encoding="utf-8"))
    assert one["schema"] == "revint.sheet/2"
    assert [(u["theme"], u["reason"]) for u in one["uncovered"]] == [
        ("team", {"code": "no-time", "params": {"minutes": 5}}),
        ("leadership", {"code": "no-stage-fit", "params": {"stage": "interview"}}),
        (
            "company",
            {
                "code": "no-tag-fit",
                "params": {"seniority": "senior", "role_family": "engineering", "work_mode": "onsite"},
            },
        ),
        ("onboarding", {"code": "researched", "params": {}}),
        ("wellbeing", {"code": "nobody-can-answer", "params": {"audiences": ["founder", "executive"]}}),
    ]
    items = {q["id"]: q for q in [*one["questions"], *one["backup"]]}
    assert items["custom-1"]["warnings"] == [
        {"code": "closed-question", "params": {}},
        {"code": "pay-too-early", "params": {"stage": "interview"}},
    ]
    assert items["custom-2"]["warnings"] == [{"code": "repeats-bank", "params": {"question": "growth-a"}}]
    assert items["custom-4"]["warnings"] == [{"code": "did-not-fit", "params": {"minutes": 22}}]
    assert items["autonomy-a"]["reach"] == {"audiences": ["skip-level", "founder"]}
    two = json.loads((this_release / UMBRELLA / "sheet-2.json").read_text(encoding="utf-8"))
    rechecks = {q["id"]: q["recheck"] for q in [*two["questions"], *two["backup"]] if "recheck" in q}
    assert rechecks == {
        "culture-a": {"role": "peer", "other_named": False},
        "team-a": {"role": "manager", "other_named": True},
    }
    for data in (one, two):  # ids and numbers only: no sentence anywhere in what the planner says
        assert all(isinstance(v, int) or " " not in v for v in _params(data))
