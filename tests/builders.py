"""Small in-memory banks and profiles for tests of the tailoring rules and the sheet.

`make_bank` writes the themes and questions as one bank file and loads it through `bank.merge`, so
every hand-built bank passes the same checks as a real one.
"""

from __future__ import annotations

from typing import Any

import yaml

from revint_cli import vocab
from revint_cli import questionbank as bank_mod
from revint_cli.formats.profile import Profile

# The theme ids of the shipped bank: a contract, spelled out here rather than read from the bank.
CORE_THEMES = ("autonomy", "communication", "culture", "growth", "typical-day", "team")
FURTHER_THEMES = (
    "expectations",
    "impact",
    "processes",
    "challenges",
    "leadership",
    "onboarding",
    "company",
    "remote-work",
    "compensation",
    "wellbeing",
    "next-steps",
)

DEFAULT_THEMES = ("alpha", "beta", "gamma", "remote-work", "next-steps")

# Keys as a terminal sends them, for pipe input and pseudo-terminals.
ENTER, UP, DOWN, SPACE, CTRL_C, CTRL_D = "\r", "\x1b[A", "\x1b[B", " ", "\x03", "\x04"


def sheet_fields(**extra: Any) -> dict[str, Any]:
    """A full profile over the default themes: two people, priorities, research, an own question."""
    fields: dict[str, Any] = {
        "company": "Initech",
        "role": "Backend Engineer",
        "date": "2026-12-01",
        "stage": "final",
        "format": "phone",
        "minutes": 14,
        "priorities": ["alpha", "beta"],
        "interviewers": [{"name": "Ana", "role": "manager"}, {"role": "peer"}],
        "research": {"alpha": "They run blameless postmortems"},
        "custom_questions": [{"text": "What would you change about beta first?", "theme": "beta", "minutes": 2}],
    }
    fields.update(extra)
    return fields


def question(qid: str, theme: str, **fields: Any) -> dict[str, Any]:
    """A bank question that admits everyone and everything unless told otherwise."""
    data: dict[str, Any] = {
        "id": qid,
        "theme": theme,
        "text": f"What is the story behind {qid}?",
        "why": f"Shows {qid}.",
        "minutes": 3,
        "audience": list(vocab.AUDIENCES),
        "stages": list(vocab.STAGES),
        "seniority": ["all"],
        "role_families": ["all"],
        "work_modes": ["all"],
        "follow_ups": [f"How did {qid} start?", f"Who decided {qid}?"],
        "listen_for": {"green": [f"{qid} is specific"], "red": [f"{qid} is vague"]},
    }
    data.update(fields)
    return data


def theme(tid: str, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": tid, "title": tid.replace("-", " ").title(), "summary": f"About {tid}."}
    data.update(fields)
    return data


def make_bank(
    questions: list[dict[str, Any]],
    themes: tuple[str, ...] | list[str] = DEFAULT_THEMES,
    *,
    version: int = 1,
    sectors: list[dict[str, Any]] | None = None,
) -> bank_mod.Bank:
    """A bank of format v1 (the default: proves v1 files still load), or v2 with `version=2`, where a
    question may carry `weight`, `topic` and a stage window (`stages` as a list still works: it becomes
    the window from its first to its last stage, as v1 does)."""
    text = yaml.safe_dump(
        {
            "version": version,
            "themes": [theme(t) for t in themes],
            **({"sectors": sectors} if sectors else {}),
            "questions": questions if version == 1 else [_v2(q) for q in questions],
        },
        sort_keys=False,
        allow_unicode=True,
    )
    return bank_mod.merge([("t.yaml", text)])


def _v2(data: dict[str, Any]) -> dict[str, Any]:
    stages = data.get("stages")
    if isinstance(stages, list):
        order = sorted(stages, key=vocab.STAGES.index)
        data = {**data, "stages": {"earliest": order[0], "latest": order[-1]}}
    return data


def window(earliest: str, latest: str | None = None) -> dict[str, str]:
    """A v2 stage window."""
    return {"earliest": earliest, "latest": latest or earliest}


def make_profile(**fields: Any) -> Profile:
    data: dict[str, Any] = {"company": "Initech", "role": "Backend Engineer"}
    data.update(fields)
    return Profile.model_validate(data)


def closing(qid: str = "next-steps-after", minutes: int = 1, **fields: Any) -> dict[str, Any]:
    return question(qid, "next-steps", minutes=minutes, **fields)


def profile_from_answers(bank: bank_mod.Bank, data: dict[str, Any], label: str = "your answers") -> Profile:
    """The profile `revint prep` makes of typed answers (no file): raises RevintError listing every problem."""
    from revint_cli import answers
    from revint_cli.store import draftstore as drafts
    from revint_cli.commands import prep

    got = answers.Gathered(dict(data), label, None, drafts.Recorder("prep", owned=False))
    return prep.validate(bank, got)


def gather_profile(bank: bank_mod.Bank, opts: Any = None, *, interactive: bool = False) -> tuple[Profile, Any]:
    """What `revint prep` does before planning: gather the answers (the wizard in a terminal) and
    validate them. Returns the profile and the `answers.Gathered` it came from."""
    import functools

    from revint_cli import answers
    from revint_cli.commands import prep

    got = answers.gather(
        prep.SPEC,
        opts or answers.Options(),
        interactive=interactive,
        ask=functools.partial(prep._ask, lambda: bank),
    )
    return prep.validate(bank, got), got


def sheet_and_text(bank: bank_mod.Bank, profile: Profile, fmt: str = "md") -> tuple[Any, str]:
    """The sheet `revint prep` plans for `profile`, and its text in `fmt` (md or json)."""
    from revint_cli.render import markdown as render
    from revint_cli.planning import tailor as tailor

    sheet = tailor.plan(bank, profile)
    return sheet, sheet.to_json() if fmt == "json" else render.markdown(sheet)
