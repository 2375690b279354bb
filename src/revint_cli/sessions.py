"""Sessions: every finished prep is kept in revint's home, one folder per company and role.

sessions/acme-corp-senior-backend-engineer/
    profile.yaml      the latest profile
    sheet-1.json      the sheet of each round (revint.sheet/1)
    debrief-1.yaml    what the employer answered in that round
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from revint_cli import fit as fit_mod
from revint_cli import loading, paths
from revint_cli.bank import STAGES, Bank
from revint_cli.debrief import Debrief
from revint_cli.debrief import to_yaml as debrief_yaml
from revint_cli.errors import RevintError
from revint_cli.fsutil import atomic_write
from revint_cli.profile import Profile, to_data, to_yaml
from revint_cli.tailor import Carry

_ROUND = re.compile(r"^(sheet|debrief)-(\d+)\.(json|yaml)$")


@dataclass
class Session:
    name: str
    path: Path
    profile: Profile
    sheets: dict[int, dict[str, Any]]
    debriefs: dict[int, Debrief]

    @property
    def latest_round(self) -> int:
        return max(self.sheets, default=0)

    def sheet(self, round_: int | None = None) -> dict[str, Any]:
        r = round_ or self.latest_round
        if r not in self.sheets:
            raise RevintError(
                f"session {self.name} has no sheet for round {r} (rounds: {', '.join(map(str, sorted(self.sheets)))})"
            )
        return self.sheets[r]

    def ratings(self) -> list[fit_mod.Rated]:
        """Every rated answer over all rounds, the latest rating of each question winning."""
        rounds: list[dict[str, fit_mod.Rated]] = []
        for r in sorted(self.debriefs):
            debrief = self.debriefs[r]
            questions = {
                q["id"]: q
                for q in [*self.sheets.get(r, {}).get("questions", []), *self.sheets.get(r, {}).get("backup", [])]
            }
            ratings: dict[str, fit_mod.Rated] = {}
            for qid, answer in debrief.answers.items():
                q = questions.get(qid)
                if answer.asked and answer.rating and q:
                    key = qid if not qid.startswith("custom-") else f"{r}:{qid}"
                    ratings[key] = fit_mod.Rated(q["theme"], q["text"], answer.rating, answer.note)
            for i, extra in enumerate(debrief.extra):
                ratings[f"{r}:extra-{i}"] = fit_mod.Rated(extra.theme, extra.text, extra.rating, extra.note)
            rounds.append(ratings)
        return fit_mod.latest_ratings(rounds)

    def fit(self, priorities: list[str] | None = None) -> fit_mod.Fit | None:
        if not self.debriefs:
            return None
        gut = self.debriefs[max(self.debriefs)].gut
        return fit_mod.compute(self.profile.priorities if priorities is None else priorities, self.ratings(), gut)


def _folder(name: str) -> Path:
    return paths.sessions_dir() / name


def record(profile: Profile, sheet: dict[str, Any]) -> str:
    """Keep the profile and the sheet; a sheet for a round not yet debriefed is replaced, else a new round starts."""
    folder = _folder(profile.slug)
    debriefed = (
        [int(m.group(2)) for p in folder.glob("debrief-*.yaml") if (m := _ROUND.match(p.name))]
        if folder.is_dir()
        else []
    )
    round_ = max(debriefed, default=0) + 1
    atomic_write(folder / "profile.yaml", to_yaml(profile))
    atomic_write(folder / f"sheet-{round_}.json", json.dumps(sheet, indent=2, ensure_ascii=False) + "\n")
    return profile.slug


def load(name: str) -> Session:
    folder = _folder(name)
    if not (folder / "profile.yaml").is_file():
        raise RevintError(f"no session named '{name}' (see revint sessions)")
    profile, _ = loading.load(folder / "profile.yaml", Profile)
    sheets: dict[int, dict[str, Any]] = {}
    debriefs: dict[int, Debrief] = {}
    for path in sorted(folder.iterdir()):
        m = _ROUND.match(path.name)
        if not m:
            continue
        r = int(m.group(2))
        if m.group(1) == "sheet":
            sheets[r] = _read_sheet(path)
        else:
            debriefs[r], _ = loading.load(path, Debrief)
    return Session(name, folder, profile, sheets, debriefs)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(loading.read_text(path))
    except json.JSONDecodeError as exc:
        raise RevintError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None


def _read_sheet(path: Path) -> dict[str, Any]:
    """A sheet revint wrote (revint.sheet/1): questions and backups, each with an id, a theme and a text."""
    data = _read_json(path)
    if not isinstance(data, dict) or not all(_items_ok(data.get(key, [])) for key in ("questions", "backup")):
        raise RevintError(f"{path}: not a revint sheet (questions with an id, a theme and a text)")
    return data


def _items_ok(items: object) -> bool:
    return isinstance(items, list) and all(
        isinstance(q, dict) and all(isinstance(q.get(f), str) for f in ("id", "theme", "text")) for q in items
    )


def names() -> list[str]:
    root = paths.sessions_dir()
    return sorted(p.name for p in root.iterdir() if (p / "profile.yaml").is_file()) if root.is_dir() else []


def resolve(ref: str) -> Session:
    """A session by name, or by the path of a sheet (.md or .json) or a profile written by revint prep."""
    if ref in names():
        return load(ref)
    path = Path(ref)
    if path.is_file():
        slug = _slug_of_file(path)
        if slug in names():
            return load(slug)
        raise RevintError(f"{path}: no recorded session for it; run revint prep first (see revint sessions)")
    hint = loading.did_you_mean(ref, names())
    raise RevintError(f"no session or file named '{ref}'{hint} (see revint sessions)")


def _slug_of_file(path: Path) -> str:
    if path.suffix == ".json":
        data = _read_json(path)
        profile_data = data.get("profile") if isinstance(data, dict) else None
        if not isinstance(profile_data, dict):
            raise RevintError(f"{path}: not a revint sheet (no profile in it)")
        try:
            return Profile.model_validate(profile_data).slug
        except ValidationError as err:
            loc, msg = loading.explain(Profile, err)[0]
            raise RevintError(
                f"{path}: not a revint sheet (its profile: {loading.dotted(loc) or 'profile'}: {msg})"
            ) from None
    if path.suffix == ".md":
        stem = path.name[: -len(".md")]
        beside = path.with_name(f"{stem}.profile.yaml")
        if beside.is_file():
            path = beside
        else:
            return stem
    profile, _ = loading.load(path, Profile)
    return profile.slug


def save_debrief(session: Session, debrief: Debrief) -> Path:
    """Keep a debrief, already checked against its sheet (see commands.debrief), for its round."""
    round_ = debrief.round or session.latest_round
    path = session.path / f"debrief-{round_}.yaml"
    atomic_write(path, debrief_yaml(debrief.model_copy(update={"round": round_})))
    session.debriefs[round_] = debrief
    return path


def next_stage(stage: str) -> str:
    i = STAGES.index(stage)
    return STAGES[min(i + 1, len(STAGES) - 1)]


# What changes from one round to the next and so is asked again: the people, the time, the date.
PER_ROUND = ("date", "interviewers", "minutes", "format", "custom_questions")


def next_round(bank: Bank, ref: str) -> tuple[dict[str, Any], Carry]:
    """The starting answers and the carry-over for the next round of a session."""
    session = resolve(ref)
    if not session.debriefs:
        raise RevintError(f"session {session.name} has no debrief yet; run revint debrief {session.name} first")
    fit = session.fit()
    assert fit is not None
    profile = session.profile
    unknown = [t for t in profile.priorities if t in fit.unknown]
    data = to_data(profile)
    data["stage"] = next_stage(profile.stage)
    for key in PER_ROUND:
        data.pop(key, None)
    first: list[str] = []
    done: set[str] = set()
    recheck: dict[str, str] = {}
    for r in sorted(session.debriefs):
        sheet = session.sheets.get(r, {})
        asked_by = {
            q["id"]: (q.get("ask") or {}).get("role") for q in [*sheet.get("questions", []), *sheet.get("backup", [])]
        }
        for qid, answer in session.debriefs[r].answers.items():
            if not answer.asked or qid.startswith("custom-"):
                continue
            first = [q for q in first if q != qid]
            done.discard(qid)
            recheck.pop(qid, None)
            if answer.rating == "green":
                done.add(qid)
            elif answer.rating == "yellow":
                first.append(qid)
            elif answer.rating == "red":
                first.append(qid)
                recheck[qid] = asked_by.get(qid) or "interviewer"
    # The candidate's priorities keep their order (they weigh the fit); the sheet covers the unknown first.
    return data, Carry(first=first, done=done, recheck=recheck, themes_first=unknown)
