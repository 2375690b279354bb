"""`revint brief` through the command line, in-process: --answers replay, --no-input, --set, -o, --format,
no clobbering, --compare; and both sides of the table run and compared."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

Cli = Callable[[Sequence[str]], Any]
BRIEF = "acme-corp-senior-backend-engineer-brief.md"
ANSWERS = "acme-corp-senior-backend-engineer-brief.answers.yaml"
NEEDS_TERMINAL = "revint brief needs a terminal; use --answers FILE (see revint brief --help)"

MANAGER = """\
version: 1
company: Acme Corp
role: Senior Backend Engineer
role_family: engineering
seniority: senior
work_mode: remote
stage: final
interviewer: {name: Sam Lee, role: manager}
minutes: 15
themes: [growth, autonomy]
"""


class _Stdin(io.StringIO):
    def isatty(self) -> bool:
        return False


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr("sys.stdin", _Stdin(""))
    return work


def write(name: str, text: str) -> Path:
    path = Path(name)
    path.write_text(text, encoding="utf-8")
    return path


def test_replay_writes_the_brief_and_the_answers_file(cli: Cli) -> None:
    write("mgr.yaml", MANAGER)
    code, out, err = cli(["brief", "--answers", "mgr.yaml"])
    assert code == 0, err
    assert out == ""
    text = Path(BRIEF).read_text(encoding="utf-8")
    assert text.startswith("# Interviewer brief: Senior Backend Engineer at Acme Corp\n")
    assert "**You:** Sam Lee (manager)" in text
    assert f"Brief written to    {BRIEF}" in err
    assert f"revint brief --compare {ANSWERS} THEIRS" in err
    saved = yaml.safe_load(Path(ANSWERS).read_text(encoding="utf-8"))
    assert saved["interviewer"] == {"name": "Sam Lee", "role": "manager"}
    assert saved["minutes"] == 15
    # The answers file replays to the same brief, and is not rewritten when nothing changed.
    code, again, err = cli(["brief", "--answers", ANSWERS, "-o", "-"])
    assert code == 0, err
    assert again == text
    assert "Answers saved to" not in err


def test_json_is_revint_brief_1(cli: Cli) -> None:
    write("mgr.yaml", MANAGER)
    code, out, err = cli(["brief", "-a", "mgr.yaml", "-o", "-", "--format", "json"])
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "revint.brief/1"
    assert data["budget_minutes"] == 15
    assert 0 < data["planned_minutes"] <= 15
    assert data["questions"][-1]["theme"] == "next-steps"
    assert [p["text"] for p in data["personal"]][0] == "Why did you join?"
    assert "Brief printed to standard output" in err
    assert not Path(ANSWERS).exists(), "a printed brief from an unchanged file writes nothing here"


def test_set_overrides_and_the_drafted_answers_show_in_the_brief(cli: Cli) -> None:
    write("mgr.yaml", MANAGER + 'answers:\n  you-why-stay: "The people, and the on-call rota is fair"\n')
    code, out, err = cli(
        ["brief", "-a", "mgr.yaml", "--set", "interviewer.role=peer", "--set", "minutes=10", "-o", "-"]
    )
    assert code == 0, err
    assert "**You:** Sam Lee (peer)" in out
    assert "10 minutes" in out
    assert "- [ ] Why do you stay? The people, and the on-call rota is fair" in out
    saved = yaml.safe_load(Path(ANSWERS).read_text(encoding="utf-8"))  # something was set: it is kept
    assert saved["interviewer"]["role"] == "peer"
    assert saved["answers"] == {"you-why-stay": "The people, and the on-call rota is fair"}


def test_no_input_and_no_terminal(cli: Cli) -> None:
    code, _, err = cli(["brief"])
    assert code == 2
    assert err.strip() == NEEDS_TERMINAL
    write("half.yaml", "role: Designer\n")
    code, _, err = cli(["brief", "-a", "half.yaml", "--no-input"])
    assert code == 2
    assert err.strip() == "half.yaml: missing company (required with --no-input)"
    write("enough.yaml", "company: Initech\nrole: Designer\n")
    code, out, err = cli(["brief", "-a", "enough.yaml", "--no-input", "-o", "-"])
    assert code == 0, err
    assert "**You:** the manager" in out  # the defaults: a manager, the interview stage
    assert "**Stage:** interview" in out


def test_problems_name_the_file_and_the_line(cli: Cli) -> None:
    write(
        "bad.yaml",
        MANAGER.replace("themes: [growth, autonomy]", "themes: [growth, autonomi]\nanswers:\n  you-why-joind: x"),
    )
    code, _, err = cli(["brief", "-a", "bad.yaml"])
    assert code == 2
    assert "bad.yaml:10: themes[1]: unknown theme 'autonomi'; did you mean 'autonomy'?" in err
    assert "bad.yaml:12: answers.you-why-joind: unknown question 'you-why-joind'; did you mean 'you-why-joined'?" in err
    code, _, err = cli(["brief", "-a", "bad.yaml", "--set", "interviewer.role=boss"])
    assert code == 2
    assert "--set interviewer.role: unknown value 'boss'" in err


def test_no_clobbering_without_force(cli: Cli) -> None:
    write("mgr.yaml", MANAGER)
    assert cli(["brief", "-a", "mgr.yaml"]).code == 0
    before = Path(BRIEF).read_text(encoding="utf-8")
    code, _, err = cli(["brief", "-a", "mgr.yaml", "--set", "minutes=10"])
    assert code == 2
    assert err.strip() == f"{BRIEF} and {ANSWERS} already exist; use --force to replace, or -o to write elsewhere"
    assert Path(BRIEF).read_text(encoding="utf-8") == before
    code, _, err = cli(["brief", "-a", "mgr.yaml", "--set", "minutes=10", "--force"])
    assert code == 0, err
    assert Path(BRIEF).read_text(encoding="utf-8") != before


def test_output_into_a_folder_and_a_named_file(cli: Cli) -> None:
    write("mgr.yaml", MANAGER)
    Path("out").mkdir()
    assert cli(["brief", "-a", "mgr.yaml", "-o", "out"]).code == 0
    assert (Path("out") / BRIEF).exists()
    assert (Path("out") / ANSWERS).exists()
    assert cli(["brief", "-a", "mgr.yaml", "-o", "sam.json", "-f", "json"]).code == 0
    assert json.loads(Path("sam.json").read_text(encoding="utf-8"))["schema"] == "revint.brief/1"
    assert Path("sam.answers.yaml").exists()
    code, _, err = cli(["brief", "-a", "mgr.yaml", "--format", "html"])
    assert code == 2
    assert "--format: unknown value 'html' (known: md, json)" in err


# ----- two interviewers ------------------------------------------------------------------------------------


def test_compare_lists_where_two_interviewers_differ(cli: Cli) -> None:
    write(
        "sam.yaml",
        MANAGER
        + "answers:\n  you-hard-now: The people\n  process-timeline: A decision within 5 days\n"
        + "  process-decides: Sam, with the team's input\n",
    )
    peer = MANAGER.replace("{name: Sam Lee, role: manager}", "{name: Kim, role: peer}")
    write(
        "kim.yaml",
        peer
        + "answers:\n  you-hard-now: the people!\n  you-why-stay: kim's own\n  process-timeline: About two weeks, 10 days\n",
    )
    code, out, err = cli(["brief", "--compare", "sam.yaml", "kim.yaml"])
    assert code == 0, err
    assert out.startswith("# Brief answers compared: Sam Lee (manager) and Kim (peer)\n")
    assert "## What is the timeline, and can you keep to it?" in out
    assert "⚠ the numbers differ: 5 and 10" in out
    assert "## Who decides, and how?" in out
    assert "*only Sam Lee (manager) has an answer*" in out
    assert "What is hard here right now?" not in out  # the same answer, said two ways
    assert "Why do you stay?" not in out  # each interviewer's own reasons are not compared
    assert err.strip() == "2 differences, 1 the same"
    code, out, _ = cli(["brief", "--compare", "sam.yaml", "kim.yaml", "--format", "json"])
    data = json.loads(out)
    assert data["schema"] == "revint.brief-compare/1"
    assert [(d["id"], d["status"]) for d in data["differences"]] == [
        ("process-timeline", "differ"),
        ("process-decides", "only-first"),
    ]


def test_compare_checks_both_files_and_takes_no_other_options(cli: Cli) -> None:
    write("sam.yaml", MANAGER)
    write("bad.yaml", MANAGER.replace("minutes: 15", "minutes: lots"))
    code, _, err = cli(["brief", "--compare", "sam.yaml", "bad.yaml"])
    assert code == 2
    assert err.strip() == "bad.yaml:9: minutes: must be an integer from 5 to 120"
    code, _, err = cli(["brief", "--compare", "sam.yaml", "sam.yaml", "--record"])
    assert code == 2
    assert "--compare takes two answers files" in err
    code, _, err = cli(["brief", "--compare", "sam.yaml"])
    assert code == 2


# ----- both sides of the table -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "stage", "minutes", "themes"),
    [
        ("manager", "final", 15, ["growth", "autonomy"]),
        ("peer", "interview", 20, []),
        ("hr", "offer", 20, ["compensation"]),
        ("founder", "final", 30, ["company", "challenges"]),
        ("recruiter", "screening", 10, []),
    ],
)
def test_the_brief_asks_what_the_mirrored_candidates_prep_would_ask(
    cli: Cli, role: str, stage: str, minutes: int, themes: list[str]
) -> None:
    common = {
        "company": "Acme Corp",
        "role": "Senior Backend Engineer",
        "role_family": "engineering",
        "seniority": "senior",
        "work_mode": "remote",
        "stage": stage,
        "minutes": minutes,
    }
    write("interviewer.yaml", yaml.safe_dump({**common, "interviewer": {"role": role}, "themes": themes}))
    write(
        "candidate.yaml",
        yaml.safe_dump(
            {
                **common,
                "format": "video",
                "date": None,
                "interviewers": [{"role": role}],
                "priorities": themes,
                "research": {},
                "custom_questions": [],
            }
        ),
    )
    code, out, err = cli(["brief", "-a", "interviewer.yaml", "-o", "-", "-f", "json"])
    assert code == 0, err
    brief = json.loads(out)
    code, out, err = cli(["prep", "-a", "candidate.yaml", "-o", "-", "-f", "json", "--no-input"])
    assert code == 0, err
    sheet = json.loads(out)
    assert [q["id"] for q in brief["questions"]] == [q["id"] for q in sheet["questions"]]
    assert [q["id"] for q in brief["also_likely"]] == [q["id"] for q in sheet["backup"]]
    assert [q["why"] for q in brief["questions"]] == [q["why"] for q in sheet["questions"]]
    assert all(q["ask"]["role"] == role for q in sheet["questions"] if "reach" not in q)
    assert brief["planned_minutes"] == sheet["planned_minutes"]


def test_the_readme_example_and_the_example_file_replay(cli: Cli) -> None:
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("### brief: the other side of the table", 1)[1].split("\n## ", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    write("readme.yaml", example)
    code, out, err = cli(["brief", "-a", "readme.yaml", "-o", "-", "--no-input"])
    assert code == 0, err
    assert "- *Your answer:* Two staff engineers, no manager title" in out or "growth-ic-track" not in out
    assert json.loads(section.split("```json\n", 1)[1].split("```", 1)[0])["schema"] == "revint.brief/1"
    code, out, err = cli(["brief", "-a", str(root / "examples" / "acme-manager-brief.yaml"), "-o", "-", "--no-input"])
    assert code == 0, err
    assert out.startswith("# Interviewer brief: Senior Backend Engineer at Acme Corp")
