"""`revint open SESSION`: the latest sheet of a session as a page in the browser.

The page is rendered from the session's sheet (`sheet-N.json`) into the session's folder as `sheet-N.html`
(or `sheet-N-compact.html`), a file revint owns and rewrites each time, and handed to the standard library's
`webbrowser`. Where no browser can be started (a server, a container, `BROWSER` set to a command that
fails), the path is printed so that it can be opened or copied by hand; that is no error.
"""

from __future__ import annotations

import webbrowser
from pathlib import Path

from revint_cli import console, render
from revint_cli.store import sessionstore as sessions
from revint_cli.console import Shown
from revint_cli.i18n import _
from revint_cli.fsutil import atomic_write


def page(session: sessions.Session, *, compact: bool) -> Path:
    """Write the page of the session's latest sheet and return its path."""
    round_ = session.latest_round
    path = session.path / f"sheet-{round_}{'-compact' if compact else ''}.html"
    atomic_write(path, render.sheet(session.sheet(round_), "html", compact=compact))
    return path


def launch(path: Path) -> bool:
    """Whether a browser could be started for `path` (False when none is known or its command failed)."""
    try:
        return webbrowser.open(path.resolve().as_uri())
    except (webbrowser.Error, OSError):
        return False


def run(ref: str, *, compact: bool = False) -> Shown:
    session = sessions.resolve(ref)
    path = page(session, compact=compact)
    if launch(path):
        return Shown(err=[console.plain(_("Opened in your browser: {path}").format(path=path))])
    return Shown(
        out=[console.plain(str(path))],
        err=[console.plain(_("No browser could be started; open the file above in one, or print it from there."))],
    )
