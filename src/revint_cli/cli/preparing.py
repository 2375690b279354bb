"""Commands before the interview: prep and drafts, and the sheet again (sheet, open)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from revint_cli.cli import base
from revint_cli.cli.base import (
    AnswersFile,
    Compact,
    Draft,
    NoInput,
    SessionRef,
    SheetFormat,
    app,
    option,
    output_option,
    sets_option,
)
from revint_cli.errors import RevintError
from revint_cli.i18n import _

Sets = Annotated[
    Optional[list[str]], sets_option("a profile key", "--set minutes=30, --set priorities=\\[growth,team]")
]
Output = Annotated[Optional[str], output_option("sheet", "COMPANY-ROLE.md here")]
NextRound = Annotated[
    Optional[str],
    option(
        "--next-round",
        metavar="SESSION",
        help="Prepare the next stage of a session (see revint sessions), from its debrief.",
    ),
]


@app.command()
def prep(
    answers: AnswersFile = None,
    sets: Sets = None,
    no_input: NoInput = False,
    output: Output = None,
    fmt: SheetFormat = "md",
    compact: Compact = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing sheet or profile.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the last interrupted prep.")] = False,
    draft: Draft = None,
    next_round: NextRound = None,
) -> None:
    """Prepare your questions for an interview and write a cheat sheet.

    Asks who you will meet, for which role, at which stage, how many minutes you will have, what matters to you and what you already found out; then picks the questions that fit.
    """
    from revint_cli import answers as answers_mod
    from revint_cli.commands import prep as command

    fmt = base.check_format(fmt, command.FORMATS)
    command.check_compact(fmt, compact)
    base.check_draft(draft, resume)
    if next_round is not None and (answers is not None or resume):
        raise RevintError(
            _("--next-round starts from the session's profile: change keys with --set, not --answers or --resume")
        )
    given = answers_mod.Options(answers, list(sets or []), no_input, resume, draft)
    opts = command.Options(given, output, fmt, force, next_round, compact)
    # A custom bank is checked before the first question; the shipped one loads when first needed.
    base.show(command.run(base.load_bank, opts, interactive=base.interactive(), eager=bool(base.State.bank_files)))


@app.command()
def drafts(
    clear: Annotated[Optional[str], option("--clear", metavar="NAME", help="Remove the draft with this name.")] = None,
) -> None:
    """List unfinished preps and debriefs (saved after every answer), or remove one."""
    from revint_cli.commands import drafts as command

    base.show(command.run(clear))


@app.command("sheet")
def sheet_command(
    session: SessionRef,
    output: Annotated[
        Optional[str], output_option("sheet", "SESSION.md here (SESSION-round-N.md after the first round)")
    ] = None,
    fmt: SheetFormat = "md",
    compact: Compact = False,
    round_: Annotated[
        Optional[int],
        typer.Option("--round", metavar="N", min=1, help="Which round (default: the latest).", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a session's sheet again, in any format, from the copy revint keeps (when the file was lost)."""
    from revint_cli.commands import prep
    from revint_cli.commands import sheet as command

    fmt = base.check_format(fmt, prep.FORMATS)
    prep.check_compact(fmt, compact)
    base.show(command.run(session, command.Options(output, fmt, compact, force, round_)))


@app.command("open")
def open_command(session: SessionRef, compact: Compact = False) -> None:
    """Open the latest sheet of a session in your browser, to read or print (or print its path)."""
    from revint_cli.commands import open as command

    base.show(command.run(session, compact=compact))
