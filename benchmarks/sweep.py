"""How full the sheets are: random realistic profiles through `revint prep --answers`, per stage and per sector.

Run: python benchmarks/sweep.py [PROFILES] [-v]   (default 2,000, the same seeded profiles every run; -v lists
the reasons given for uncovered priorities)

Each profile is written as an answers file and prepared in this interpreter with `cli.run` (JSON sheet),
so the sweep measures whatever revint is importable, through its public interface only: point PYTHONPATH
at another checkout's `src` to compare releases. Per stage it prints:
- covered: the share of the candidate's priorities with at least one question on the sheet;
- reported: the share of the rest that the sheet names under `uncovered` with a reason;
- silent: priorities neither covered nor reported (the number that must be 0);
- budget used: planned minutes over the candidate's minutes (mean, and the share of sheets under 80%).
Per sector (profiles drawn with a sector, a family and a kind of employer that go together, and a country or
none), the same, and for the topics that decide the sector's jobs (the bank's `sectors:` blocks) and are
the candidate's: the share on the sheet, reported under `missed_topics`, and silent (must be 0); "not
theirs" counts the topics whose questions are all written for other levels or kinds of role.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

STAGES = ("screening", "interview", "final", "offer")
ROLES = ("manager", "peer", "hr", "recruiter", "skip-level", "founder", "executive")
SENIORITIES = ("junior", "mid", "senior", "lead", "executive")
FAMILIES = ("engineering", "product", "design", "data", "sales", "marketing", "operations", "people", "finance")
MODES = ("onsite", "hybrid", "remote")
MINUTES = {"screening": (10, 20), "interview": (15, 30), "final": (20, 45), "offer": (15, 30)}
# whom candidates usually meet at each stage
PEOPLE = {
    "screening": ("recruiter", "hr", "manager"),
    "interview": ("manager", "peer", "peer", "skip-level"),
    "final": ("manager", "skip-level", "founder", "executive", "peer"),
    "offer": ("manager", "hr", "founder", "executive", "recruiter"),
}


# The families and kinds of employer of each sector's people (None: a profile that names no sector).
SECTOR_PEOPLE: dict[str | None, tuple[tuple[str, ...], tuple[str, ...]]] = {
    None: (FAMILIES, ("startup", "company")),
    "technology": (("engineering", "product", "design", "data"), ("startup", "company")),
    "healthcare": (("clinical", "operations"), ("hospital",)),
    "education": (("teaching", "operations"), ("school",)),
    "public-sector": (("policy", "operations", "finance"), ("public-body",)),
    "hospitality": (("trades", "operations", "customer-service"), ("company", "small-business")),
    "retail": (("sales", "operations"), ("company",)),
    "research": (("research", "data"), ("public-body", "charity")),
    "legal": (("legal",), ("partnership", "company")),
    "consulting": (("consulting",), ("partnership", "company")),
    "non-profit": (("operations", "marketing", "people"), ("charity",)),
    "logistics": (("trades", "operations"), ("company",)),
    "finance": (("finance", "data"), ("company",)),
}
COUNTRIES = (None, None, "NL", "FR", "VN", "DE", "GB", "US", "BE", "ES")


def decisive_topics() -> tuple[dict[str, list[str]], dict[str, str], Callable[[dict[str, object], str], bool]]:
    """The decisive topics of each sector, the topic of each question, and whether a topic is the
    candidate's (one of its questions is written for their level, kind of role and way of working, at any
    stage: the planner reports only those), from the shipped bank."""
    from revint_cli import questionbank
    from revint_cli.formats.profile import Profile
    from revint_cli.planning import tailor

    bank = questionbank.load()

    def theirs(profile: dict[str, object], topic: str) -> bool:
        p = Profile.model_validate(profile)
        return any(tailor.fits_candidate(q, p, carried=True) for q in bank.questions.values() if q.topic_id == topic)

    return (
        {sid: list(info.decisive_topics) for sid, info in bank.sectors.items()},
        {q.id: q.topic_id for q in bank.questions.values()},
        theirs,
    )


def bank_themes(run: Callable[[list[str]], int]) -> list[str]:
    """The themes of the bank revint ships (`revint themes --json`), the closing one aside: a candidate's
    priorities are drawn from them."""
    shown = io.StringIO()
    with contextlib.redirect_stdout(shown):
        run(["themes", "--json"])
    return [t["id"] for t in json.loads(shown.getvalue()) if t["id"] != "next-steps"]


def profile(rng: random.Random, n: int, themes: list[str]) -> dict[str, object]:
    stage = rng.choice(STAGES)
    people = rng.sample(PEOPLE[stage], rng.choice((0, 1, 1, 2)))
    sector = rng.choice(list(SECTOR_PEOPLE))
    families, employers = SECTOR_PEOPLE[sector]
    where = {"sector": sector, "employer": rng.choice(employers), "country": rng.choice(COUNTRIES)}
    return {
        "company": f"Company {n}",
        "role": "Role",
        **{k: v for k, v in where.items() if v is not None},
        "role_family": rng.choice(families),
        "seniority": rng.choice(SENIORITIES),
        "work_mode": rng.choice(MODES),
        "stage": stage,
        "minutes": rng.randint(*MINUTES[stage]),
        "interviewers": [{"role": r} for r in people],
        "priorities": rng.sample(themes, rng.randint(1, 3)),
    }


def worded(reason: str | dict[str, object]) -> str:
    """A reason as the sheet words it: a code of revint.sheet/2 through its renderer; the sentence of a
    revint.sheet/1 (an older release on PYTHONPATH) as it is."""
    if isinstance(reason, str):
        return reason
    from revint_cli.formats.reasons import Reason
    from revint_cli.render import words

    return words.reason(Reason.model_validate(reason))


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    count = int(numbers[0]) if numbers else 2000
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REVINT_HOME"] = str(Path(tmp) / "home")
        from revint_cli.cli import run

        themes = bank_themes(run)
        decisive, topic_of, theirs = decisive_topics()
        by_sector: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        rng = random.Random(20261122)
        stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        reasons: Counter[tuple[str, str, str]] = Counter()
        for n in range(count):
            p = profile(rng, n, themes)
            answers, out = Path(tmp) / "p.yaml", Path(tmp) / "sheet.json"
            answers.write_text(json.dumps(p), encoding="utf-8")  # JSON is YAML
            argv = ["prep", "--answers", str(answers), "-f", "json", "-o", str(out), "--force", "--no-input"]
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = run(argv)
            if code != 0:
                sys.exit(f"prep failed ({code}) for {p}")
            sheet = json.loads(out.read_text(encoding="utf-8"))
            on_sheet = {q["theme"] for q in sheet["questions"]}
            reported = {u["theme"] for u in sheet.get("uncovered", [])}
            for u in sheet.get("uncovered", []):
                reasons[(str(p["stage"]), u["theme"], worded(u["reason"]))] += 1
            s = stats[str(p["stage"])]
            s["sheets"] += 1
            s["priorities"] += len(p["priorities"])  # type: ignore[arg-type]
            s["covered"] += sum(t in on_sheet for t in p["priorities"])  # type: ignore[union-attr]
            s["reported"] += sum(t not in on_sheet and t in reported for t in p["priorities"])  # type: ignore[union-attr]
            used = sheet["planned_minutes"] / sheet["budget_minutes"]
            s["used"] += used
            s["under80"] += used < 0.8
            d = by_sector[str(p.get("sector") or "(none)")]
            d["sheets"] += 1
            d["used"] += used
            d["under80"] += used < 0.8
            d["priorities"] += len(p["priorities"])  # type: ignore[arg-type]
            d["silent"] += sum(t not in on_sheet and t not in reported for t in p["priorities"])  # type: ignore[union-attr]
            topics = {topic_of.get(q["id"]) for q in sheet["questions"]}
            missed = {m["topic"] for m in sheet.get("missed_topics", [])}
            for topic in decisive.get(str(p.get("sector")), []):
                if not theirs(sheet["profile"], topic):
                    d["not_theirs"] += 1
                    continue
                d["topics"] += 1
                d["on_sheet"] += topic in topics
                d["missed"] += topic not in topics and topic in missed
    print(f"{count} profiles")
    print(f"{'stage':<10} {'sheets':>6} {'covered':>8} {'reported':>9} {'silent':>7} {'budget used':>12} {'<80%':>6}")
    for stage in STAGES:
        s = stats[stage]
        pri, sheets = s["priorities"], s["sheets"]
        silent = pri - s["covered"] - s["reported"]
        print(
            f"{stage:<10} {sheets:>6.0f} {s['covered'] / pri:>8.0%} {s['reported'] / pri:>9.0%} "
            f"{silent / pri:>7.0%} {s['used'] / sheets:>12.0%} {s['under80'] / sheets:>6.0%}"
        )
    print()
    head = (
        f"{'sector':<14} {'sheets':>6} {'silent':>7} {'decisive':>9} {'reported':>9} {'silent':>7} {'not theirs':>11}"
        f" {'budget used':>12} {'<80%':>6}"
    )
    print(head)
    for sector in sorted(by_sector):
        d = by_sector[sector]
        topics = d["topics"] or 1
        print(
            f"{sector:<14} {d['sheets']:>6.0f} {d['silent'] / d['priorities']:>7.0%} {d['on_sheet'] / topics:>9.0%} "
            f"{d['missed'] / topics:>9.0%} {(d['topics'] - d['on_sheet'] - d['missed']) / topics:>7.0%} "
            f"{d['not_theirs'] / ((d['topics'] + d['not_theirs']) or 1):>11.0%} "
            f"{d['used'] / d['sheets']:>12.0%} {d['under80'] / d['sheets']:>6.0%}"
        )
    if "-v" in sys.argv:
        for (stage, theme, reason), n in sorted(reasons.items()):
            print(f"{n:>5}  {stage:<10} {theme:<14} {reason}")


if __name__ == "__main__":
    main()
