"""revint questions: browsing the bank by theme and stage."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from rich.cells import cell_len

from revint_cli.vocab import STAGES


def test_questions_of_a_theme_fit_in_80_columns(cli, raw_bank: dict[str, Any]) -> None:
    code, out, err = cli(["questions", "--theme", "autonomy"])
    assert (code, err) == (0, "")
    too_wide = [line for line in out.splitlines() if cell_len(line) > 80]
    assert too_wide == []
    autonomy = [q["id"] for q in raw_bank["questions"] if q["theme"] == "autonomy"]
    others = [q["id"] for q in raw_bank["questions"] if q["theme"] != "autonomy"]
    # a wrapped tags line may also start with a word and a dot ("interview-offer · weight 3"): ids only
    shown = set(re.findall(r"^ {4}([a-z0-9-]+) · ", out, flags=re.MULTILINE)) & {*autonomy, *others}
    assert shown == set(autonomy)
    assert not shown & set(others)
    assert out.rstrip().endswith(f"{len(autonomy)} questions.")


def in_window(q: dict[str, Any], stage: str) -> bool:
    """Whether a question as written in the bank file (format v2) admits `stage`: its window, by default all."""
    window = q.get("stages", {})
    first, last = window.get("earliest", STAGES[0]), window.get("latest", STAGES[-1])
    return STAGES.index(first) <= STAGES.index(stage) <= STAGES.index(last)


@pytest.mark.parametrize("stage", STAGES)
def test_stage_filter(cli, raw_bank: dict[str, Any], stage: str) -> None:
    code, out, _ = cli(["questions", "--stage", stage, "--json"])
    assert code == 0
    listed = json.loads(out)
    assert listed, f"no question for the {stage} stage"
    assert all(in_window(q, stage) for q in listed)
    expected = [q["id"] for q in raw_bank["questions"] if in_window(q, stage)]
    assert [q["id"] for q in listed] == expected


def test_theme_and_stage_together(cli, raw_bank: dict[str, Any]) -> None:
    code, out, _ = cli(["questions", "--theme", "team", "-s", "screening", "--json"])
    assert code == 0
    expected = [q["id"] for q in raw_bank["questions"] if q["theme"] == "team" and in_window(q, "screening")]
    assert [q["id"] for q in json.loads(out)] == expected


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--theme", "autonmy"], "--theme: unknown theme 'autonmy'; did you mean 'autonomy'?"),
        (["--stage", "finl"], "--stage: unknown stage 'finl'; did you mean 'final'?"),
        (["--stage", "zzz"], "--stage: unknown stage 'zzz' (known: screening, interview, final, offer)"),
    ],
)
def test_unknown_theme_or_stage(cli, argv: list[str], message: str) -> None:
    code, out, err = cli(["questions", *argv])
    assert (code, out) == (2, "")
    assert err == message + "\n"


def test_ids_and_formats_are_read_whatever_their_case(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli(["questions", "--theme", "Growth", "--stage", "Final"]).code == 0
    answers = tmp_path / "a.yaml"
    answers.write_text("company: Acme\nrole: Dev\nstage: Final\nwork_mode: Remote\ncountry: nl\n", encoding="utf-8")
    code, out, err = cli(["prep", "--answers", str(answers), "--no-input", "--format", "JSON", "-o", "-"])
    assert code == 0, err
    import json

    profile = json.loads(out)["profile"]
    assert (profile["stage"], profile["work_mode"], profile["country"], profile["minutes"]) == (
        "final",
        "remote",
        "NL",
        30,
    )
