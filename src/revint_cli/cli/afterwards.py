"""Commands after the interview: sessions, debrief, compare."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from revint_cli.cli import base
from revint_cli.cli.base import AnswersFile, JsonFlag, NoInput, app, option


@app.command()
def sessions(json_out: JsonFlag = False) -> None:
    """List your sessions: one per company and role, kept after each prep."""
    from revint_cli.commands import sessions as command

    base.show(command.run(json_out=json_out))


@app.command()
def debrief(
    session: Annotated[
        Optional[str],
        typer.Argument(
            metavar="SESSION",
            help="A session name (see revint sessions), or a sheet or profile path.",
            show_default=False,
        ),
    ] = None,
    answers: AnswersFile = None,
    no_input: NoInput = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted debrief.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace the debrief of a round already debriefed.")] = False,
) -> None:
    """Record what the employer answered: asked or not, a note, green, yellow or red."""
    from revint_cli import answers as answers_mod
    from revint_cli.commands import debrief as command

    opts = answers_mod.Options(answers, [], no_input, resume)
    base.show(command.run(base.load_bank(), session, opts, force=force, interactive=base.interactive()))


@app.command()
def compare(
    session_refs: Annotated[
        list[str], typer.Argument(metavar="SESSION", help="Two or more sessions (names or paths).")
    ],
    priorities: Annotated[
        Optional[str],
        option(
            "--priorities",
            metavar="IDS",
            help="Theme ids, most important first, comma-separated (default: the first session's).",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table, md or json.")] = "table",
) -> None:
    """Put companies side by side, weighed by what you care about."""
    from revint_cli.commands import compare as command

    fmt = base.check_format(fmt, command.FORMATS)
    chosen = [t.strip() for t in priorities.split(",") if t.strip()] if priorities is not None else None
    base.show(command.run(base.load_bank(), session_refs, chosen, fmt))
