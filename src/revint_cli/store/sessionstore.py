"""Sessions: every finished prep is kept in revint's home, one folder per company and role.

sessions/acme-corp-senior-backend-engineer/
    profile.yaml      the latest profile
    sheet-1.json      the sheet of each round (revint.sheet/2; a sheet/1 of the first release still reads)
    debrief-1.yaml    what the employer answered in that round
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from revint_cli.store.transaction import Writes
from revint_cli.planning import fit as fit_mod
from revint_cli import loading, paths
from revint_cli.formats.debrief_file import Debrief
from revint_cli.formats.debrief_file import to_yaml as debrief_yaml
from revint_cli.errors import RevintError
from revint_cli.i18n import _
from revint_cli.fsutil import atomic_write
from revint_cli.formats.profile import Profile, name_hash, to_data, to_yaml
from revint_cli.formats.cheatsheet import Sheet
from revint_cli.formats.cheatsheet import read as read_sheet
from revint_cli.planning.draft import Carry
from revint_cli.vocab import STAGES

_ROUND = re.compile(r"^(sheet|debrief)-(\d+)\.(json|yaml)$")


@dataclass
class Session:
    name: str
    path: Path
    profile: Profile
    sheets: dict[int, Sheet]
    debriefs: dict[int, Debrief]

    @property
    def latest_round(self) -> int:
        return max(self.sheets, default=0)

    def sheet(self, round_: int | None = None) -> Sheet:
        r = round_ or self.latest_round
        if r not in self.sheets:
            rounds = ", ".join(map(str, sorted(self.sheets))) or "none"
            raise RevintError(
                _("session {name} has no sheet for round {round} (rounds: {rounds})").format(
                    name=self.name, round=r, rounds=rounds
                )
            )
        return self.sheets[r]

    def ratings(self) -> list[fit_mod.Rated]:
        """Every rated answer over all rounds, the latest rating of each question winning."""
        rounds: list[dict[str, fit_mod.Rated]] = []
        for r in sorted(self.debriefs):
            debrief = self.debriefs[r]
            sheet = self.sheets.get(r)
            ratings: dict[str, fit_mod.Rated] = {}
            for qid, answer in debrief.answers.items():
                q = sheet.find(qid) if sheet else None
                if answer.asked and answer.rating and q:
                    key = qid if q.source == "bank" else f"{r}:{qid}"
                    ratings[key] = fit_mod.Rated(q.theme, q.text, answer.rating, answer.note)
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
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name or len(name) > 200:
        raise RevintError(_("no session named '{name}' (see revint sessions)").format(name=name[:80]))
    return paths.sessions_dir() / name


def _same_candidacy(a: Profile, b: Profile) -> bool:
    return name_hash(a.company, a.role) == name_hash(b.company, b.role)


def name_for(profile: Profile) -> str:
    """The session of this company and role: its readable name, or that name with a hash when another
    company or role already has it ("Acme|Corp" and "Acme Corp" never share a session), and a number after
    the hash when even that is taken by another (a company whose readable name equals a hashed one). Hold
    `locks.sessions()` from choosing a name to recording under it."""
    base = profile.slug
    tag = name_hash(profile.company, profile.role)
    for name in (base, f"{base}-{tag}", *(f"{base}-{tag}-{n}" for n in range(2, 1000))):
        kept = _kept_profile(name)
        if kept is None or _same_candidacy(kept, profile):
            return name
    raise RevintError(_("{name}: too many sessions share this name; remove some with their folders").format(name=base))


def _kept_profile(name: str) -> Profile | None:
    folder = _folder(name)
    if not paths.checked_dir(folder) or not (folder / "profile.yaml").exists():
        return None
    kept, _doc = loading.load(folder / "profile.yaml", Profile, kept=True)
    return kept


def record(name: str, profile: Profile, sheet: Sheet, batch: Writes) -> int:
    """Add to `batch` what keeps the profile and the sheet in session `name`: a sheet for a round not yet
    debriefed is replaced, else a new round starts. Returns the round. Hold `locks.session(name)`."""
    folder = _folder(name)
    debriefed = []
    if paths.checked_dir(folder):
        debriefed = [int(m.group(2)) for p in folder.glob("debrief-*.yaml") if (m := _ROUND.match(p.name))]
    round_ = max(debriefed, default=0) + 1
    batch.add(folder / "profile.yaml", to_yaml(profile), replace=True, make_folder=True)
    batch.add(folder / f"sheet-{round_}.json", sheet.to_json(), replace=True, make_folder=True)
    return round_


def load(name: str) -> Session:
    folder = _folder(name)
    if not paths.checked_dir(folder) or not (folder / "profile.yaml").is_file():
        raise RevintError(_("no session named '{name}' (see revint sessions)").format(name=name))
    profile, _doc = loading.load(folder / "profile.yaml", Profile, kept=True)
    sheets: dict[int, Sheet] = {}
    debriefs: dict[int, Debrief] = {}
    for path in sorted(folder.iterdir()):
        m = _ROUND.match(path.name)
        if not m or not path.is_file():
            continue
        r = int(m.group(2))
        if m.group(1) == "sheet":
            sheets[r] = read_sheet(path)
        else:
            debriefs[r], _doc = loading.load(path, Debrief, kept=True)
    return Session(name, folder, profile, sheets, debriefs)


def names() -> list[str]:
    root = paths.sessions_dir()
    if not paths.checked_dir(root):
        return []
    return sorted(
        p.name for p in root.iterdir() if p.is_dir() and not p.is_symlink() and (p / "profile.yaml").is_file()
    )


def resolve(ref: str) -> Session:
    """A session by name, or by the path of a sheet (.md, .html or .json) or a profile written by revint prep."""
    known = names()
    if ref in known:
        return load(ref)
    path = Path(ref)
    try:
        is_file = path.is_file()
    except OSError:  # a name too long for the file system is no file
        is_file = False
    if is_file:
        name = _name_of_file(path)
        if name in known:
            return load(name)
        raise RevintError(
            _("{path}: no recorded session for it; run revint prep first (see revint sessions)").format(path=path)
        )
    hint = loading.did_you_mean(ref, known)
    shown = ref if len(ref) <= 80 else ref[:77] + "..."
    raise RevintError(_("no session or file named '{name}'{hint} (see revint sessions)").format(name=shown, hint=hint))


def _name_of_file(path: Path) -> str:
    if path.suffix == ".json":
        return name_for(read_sheet(path).profile)
    if path.suffix in (".md", ".html"):
        beside = path.with_name(f"{path.stem}.profile.yaml")
        if not beside.is_file():
            return path.stem
        path = beside
    profile, _doc = loading.load(path, Profile)
    return name_for(profile)


def save_debrief(session: Session, debrief: Debrief, *, force: bool = False) -> Path:
    """Keep a debrief, already checked against its sheet, for its round: under the session's lock, and only
    when the round's sheet is still the one the debrief was checked against (a prep may have planned the
    round again meanwhile) and, without `force`, the round has no debrief yet (another may have saved one)."""
    from revint_cli.store import locks

    round_ = debrief.round or session.latest_round
    path = session.path / f"debrief-{round_}.yaml"
    with locks.session(session.name):
        now = load(session.name)
        if now.sheets.get(round_) != session.sheets.get(round_):
            raise RevintError(
                _(
                    "the sheet of round {round} of {name} changed while you debriefed it; run revint debrief "
                    "{name} again to rate the questions it holds now"
                ).format(round=round_, name=session.name)
            )
        if round_ in now.debriefs and not force:
            raise RevintError(
                _("round {round} of {name} is already debriefed; use --force to replace that debrief").format(
                    round=round_, name=session.name
                )
            )
        atomic_write(path, debrief_yaml(debrief.model_copy(update={"round": round_})))
    session.debriefs[round_] = debrief
    return path


def next_stage(stage: str) -> str:
    i = STAGES.index(stage)
    return STAGES[min(i + 1, len(STAGES) - 1)]


# What changes from one round to the next and so is asked again, with the last round's answer as the
# suggested default where one makes sense: the stage, the people, the time, the date, the format.
PER_ROUND = ("stage", "date", "interviewers", "minutes", "format", "custom_questions")


def next_round(ref: str) -> tuple[Session, dict[str, Any], Carry]:
    """The session, the starting answers and the carry-over for the next round of a session."""
    session = resolve(ref)
    if not session.debriefs:
        raise RevintError(
            _("session {name} has no debrief yet; run revint debrief {name} first").format(name=session.name)
        )
    fit = session.fit()
    assert fit is not None
    profile = session.profile
    data = to_data(profile)
    for key in PER_ROUND:
        data.pop(key, None)  # asked again; the next round's draft meta suggests stage, minutes and format
    return session, data, carry(session, fit)


def carry(session: Session, fit: fit_mod.Fit) -> Carry:
    """What the debriefs say for the next round: green answers are done, yellow and red ones are asked
    again first in their theme, a red one to someone else; priorities nobody answered come first."""
    first: list[str] = []
    done: set[str] = set()
    recheck: dict[str, str] = {}
    for r in sorted(session.debriefs):
        sheet = session.sheets.get(r)
        for qid, answer in session.debriefs[r].answers.items():
            item = sheet.find(qid) if sheet else None
            if not answer.asked or item is None or item.source != "bank":
                continue
            first = [q for q in first if q != qid]
            done.discard(qid)
            recheck.pop(qid, None)
            if answer.rating == "green":
                done.add(qid)
            elif answer.rating in ("yellow", "red"):
                first.append(qid)
            if answer.rating == "red":
                recheck[qid] = item.ask.role if item.ask else "interviewer"
    unknown = [t for t in session.profile.priorities if t in fit.unknown]
    return Carry(first=first, done=done, recheck=recheck, themes_first=unknown)
