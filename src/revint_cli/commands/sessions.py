"""`revint sessions`: one per company and role, with the fit once debriefed."""

from __future__ import annotations

from revint_cli import console
from revint_cli.store import sessionstore as sessions_mod
from revint_cli.console import Shown
from revint_cli.i18n import _, ngettext
from revint_cli.planning.fit import rounded
from revint_cli.render.words import percent
from revint_cli.untrusted import to_json


def _read_all() -> tuple[list[sessions_mod.Session], list[tuple[str, str]]]:
    """Every session that reads, and beside them each damaged one with its problem: one bad file never
    hides the others."""
    from revint_cli.errors import RevintError

    found, damaged = [], []
    for name in sessions_mod.names():
        try:
            found.append(sessions_mod.load(name))
        except RevintError as err:
            damaged.append((name, err.lines[0]))
    return found, damaged


def run(*, json_out: bool) -> Shown:
    found, damaged = _read_all()
    fits = [s.fit() for s in found]
    if json_out:
        rows = [
            {
                "session": s.name,
                "company": s.profile.company,
                "role": s.profile.role,
                "stage": s.profile.stage,
                "date": s.profile.date.isoformat() if s.profile.date else None,
                "rounds": s.latest_round,
                "fit": rounded(fit.overall) if fit else None,
            }
            for s, fit in zip(found, fits, strict=True)
        ]
        rows += [{"session": name, "damaged": problem} for name, problem in damaged]
        return Shown(out=[to_json(rows)])
    if not found and not damaged:
        return Shown(out=[console.line(_("No sessions yet: each finished revint prep is kept as one."))])
    out: list[object] = []
    for s, fit in zip(found, fits, strict=True):  # the name to type on a line of its own, never cut
        fit_text = _("not debriefed") if fit is None else _("fit {percent}").format(percent=percent(fit.overall))
        date = f" · {s.profile.date.isoformat()}" if s.profile.date else ""
        out.append(console.line((s.name, "bold")))
        rounds = ngettext("{n} round", "{n} rounds", s.latest_round).format(n=s.latest_round)
        out.append(
            console.line(f"  {s.profile.company} · {s.profile.role} · {s.profile.stage}{date} · {rounds} · {fit_text}")
        )
    for name, problem in damaged:
        out.append(console.line((name, "bold")))
        out.append(console.line(_("  damaged: {problem}").format(problem=problem)))
    return Shown(out=out)
