"""`revint sheet SESSION`: write a sheet again from the copy its session keeps (`sheet-N.json`), in any
format, when the file was lost or another format is wanted. The same sheet gives the same file, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from revint_cli import console, render
from revint_cli.store import sessionstore as sessions
from revint_cli.console import Shown
from revint_cli.i18n import _
from revint_cli.store.transaction import Writes


@dataclass
class Options:
    output: str | None = None
    fmt: str = "md"
    compact: bool = False
    force: bool = False
    round: int | None = None


def base_name(session: sessions.Session, round_: int) -> str:
    """The name prep gave the files of this round: `NAME` for the first, `NAME-round-N` after it."""
    return session.name if round_ == 1 else f"{session.name}-round-{round_}"


def target(session: sessions.Session, round_: int, opts: Options) -> Path | None:
    """Where the sheet goes: None prints it (`-o -`); a folder gets the default name inside it."""
    if opts.output == "-":
        return None
    default = f"{base_name(session, round_)}.{opts.fmt}"
    path = Path(opts.output) if opts.output else Path(default)
    return path / default if path.is_dir() else path


def run(ref: str, opts: Options) -> Shown:
    session = sessions.resolve(ref)
    round_ = opts.round or session.latest_round
    text = render.sheet(session.sheet(round_), opts.fmt, compact=opts.compact)
    path = target(session, round_, opts)
    if path is None:
        return Shown(out=[text])
    writes = Writes()  # the one check before replacing a file, and its one wording
    writes.add(path, text, replace=opts.force)
    writes.commit()
    done = _("Sheet of {name}, round {round}, written to {path}").format(name=session.name, round=round_, path=path)
    return Shown(err=[console.plain(done)])
