"""`revint drafts`: unfinished preps and debriefs, damaged ones included; `--clear NAME` removes one."""

from __future__ import annotations

from revint_cli import console
from revint_cli.console import Shown
from revint_cli.errors import RevintError
from revint_cli.i18n import N_, _
from revint_cli.store import draftstore as drafts_mod


# How each kind of draft is continued (prep and brief take --draft NAME; a debrief draft is found by its session).
CONTINUE = {
    "prep": N_("Continue the newest prep: revint prep --resume (or --resume --draft NAME)"),
    "brief": N_("Continue the newest brief: revint brief --resume (or --resume --draft NAME)"),
    "debrief": N_("Continue the newest debrief: revint debrief --resume"),
}


def run(clear: str | None) -> Shown:
    if clear is not None:
        if not drafts_mod.remove(clear):
            raise RevintError(_("no draft named '{name}' (see revint drafts)").format(name=clear))
        return Shown(err=[console.line(_("Removed the draft {name}.").format(name=clear))])
    found, damaged = drafts_mod.scan()
    if not found and not damaged:
        return Shown(out=[console.line(_("No unfinished preps or debriefs."))])
    out: list[object] = []
    for d in found:  # one block per draft: the name to type is never cut, however narrow the terminal
        out.append(console.line((d.name, "bold"), f"  {d.kind} · {d.changed:%Y-%m-%d %H:%M}"))
        company, role = d.company or _("(no company yet)"), d.role or _("(no role yet)")
        out.append(console.line("  " + _("{company} · {role}").format(company=company, role=role)))
    for bad in damaged:
        out.append(console.line((bad.name, "bold"), ("  " + _("damaged"), "red"), f" · {bad.changed:%Y-%m-%d %H:%M}"))
        out.append(console.line(f"  {bad.problem}"))
    out.append(console.line(""))
    for kind in dict.fromkeys(d.kind for d in found):  # newest first: the command that continues each kind
        out.append(console.line(_(CONTINUE.get(kind, CONTINUE["prep"]))))
    if damaged:
        out.append(console.line(_("Remove a damaged one: revint drafts --clear NAME")))
    return Shown(out=out)
