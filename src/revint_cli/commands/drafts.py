"""`revint drafts`: unfinished preps and debriefs, damaged ones included; `--clear NAME` removes one."""

from __future__ import annotations

from revint_cli import console
from revint_cli.store import draftstore as drafts_mod
from revint_cli.console import Shown
from revint_cli.errors import RevintError


def run(clear: str | None) -> Shown:
    if clear is not None:
        if not drafts_mod.remove(clear):
            raise RevintError(f"no draft named '{clear}' (see revint drafts)")
        return Shown(err=[console.line(f"Removed the draft {clear}.")])
    found, damaged = drafts_mod.scan()
    if not found and not damaged:
        return Shown(out=[console.line("No unfinished preps or debriefs.")])
    out: list[object] = []
    for d in found:  # one block per draft: the name to type is never cut, however narrow the terminal
        out.append(console.line((d.name, "bold"), f"  {d.kind} · {d.changed:%Y-%m-%d %H:%M}"))
        out.append(console.line(f"  {d.company or '(no company yet)'} · {d.role or '(no role yet)'}"))
    for bad in damaged:
        out.append(console.line((bad.name, "bold"), ("  damaged", "red"), f" · {bad.changed:%Y-%m-%d %H:%M}"))
        out.append(console.line(f"  {bad.problem}"))
    out.append(console.line("\nContinue the newest: revint prep --resume (or --resume --draft NAME)"))
    if damaged:
        out.append(console.line("Remove a damaged one: revint drafts --clear NAME"))
    return Shown(out=out)
