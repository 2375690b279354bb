"""`revint compare`: companies side by side, weighed by what the candidate cares about."""

from __future__ import annotations

from revint_cli import console, render
from revint_cli.planning import sidebyside as compare_mod
from revint_cli.store import sessionstore as sessions_mod
from revint_cli.questionbank import Bank
from revint_cli.console import Shown
from revint_cli.errors import RevintError
from revint_cli.i18n import N_, _
from revint_cli.loading import unknown

FORMATS = render.formats("compare")


def run(bank: Bank, refs: list[str], priorities: list[str] | None, fmt: str) -> Shown:
    if len(refs) < 2:
        raise RevintError(_("compare needs at least two sessions (see revint sessions)"))
    loaded = [sessions_mod.resolve(ref) for ref in refs]
    twice = [s.name for n, s in enumerate(loaded) if s.name in [o.name for o in loaded[:n]]]
    if twice:
        raise RevintError(_("compare: session {name} is named twice; name each session once").format(name=twice[0]))
    shown = Shown()
    if priorities is not None:
        for i, theme in enumerate(priorities):
            if theme not in bank.themes:
                raise RevintError(
                    _("--priorities: {problem}").format(problem=unknown(N_("theme"), theme, bank.theme_ids()))
                )
            if theme in priorities[:i]:
                raise RevintError(_("--priorities: '{theme}' is listed twice").format(theme=theme))
        chosen = priorities
    else:
        chosen = list(loaded[0].profile.priorities)
        if any(list(s.profile.priorities) != chosen for s in loaded[1:]):
            shown.err.append(
                console.line(
                    (
                        _(
                            "Priorities differ between sessions; using those of {name}: {themes} "
                            "(set them with --priorities)"
                        ).format(name=loaded[0].name, themes=", ".join(chosen) or _("none")),
                        "yellow",
                    )
                )
            )
    entries = [(s.profile.company, s.profile.role, s.name, s.fit(chosen)) for s in loaded]
    data = compare_mod.build(chosen, entries)
    titles = {t.id: t.title for t in bank.themes.values()}
    shown.out += render.renderer("compare", fmt)(data, titles)
    return shown
