"""The command line: a thin typer layer. Every command imports what it needs when it runs, so that
`revint --help` stays fast, and questionary is only imported where a prompt is shown."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from revint_cli import __version__
from revint_cli.errors import ExitCode, RevintError

if TYPE_CHECKING:
    from revint_cli.bank import Bank

app = typer.Typer(
    name="revint",
    help="A coach for the reverse interview: the questions you ask the employer.\n\n"
    "Start with [bold]revint prep[/bold] the evening before an interview.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
bank_app = typer.Typer(help="Check and inspect question banks.", no_args_is_help=True)
app.add_typer(bank_app, name="bank")


class _State:
    bank_files: list[Path] = []
    default_bank: bool = True


def _version(value: bool) -> None:
    if value:
        typer.echo(f"revint {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    bank: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--bank",
            envvar="REVINT_BANK",
            help="A bank file layered over the shipped one (repeatable; REVINT_BANK takes a list of paths, separated like PATH).",
            show_default=False,
        ),
    ] = None,
    no_default_bank: Annotated[bool, typer.Option("--no-default-bank", help="Use only the --bank files.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    _State.bank_files = list(bank or [])
    _State.default_bank = not no_default_bank


def load_bank() -> Bank:
    from revint_cli import bank

    return bank.load(_State.bank_files, include_default=_State.default_bank)


def _console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


# ----- browsing the bank -----------------------------------------------------------------------------


@app.command()
def themes(json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False) -> None:
    """List the themes of the question bank."""
    loaded = load_bank()
    rows = [(t, len(loaded.in_theme(t.id))) for t in loaded.themes.values()]
    if json_out:
        from revint_cli.render import to_json

        sys.stdout.write(
            to_json(
                [{"id": t.id, "title": t.title, "core": t.core, "questions": n, "summary": t.summary} for t, n in rows]
            )
        )
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("title")
    table.add_column("core", justify="center")
    table.add_column("questions", justify="right")
    for t, n in rows:
        table.add_row(t.id, t.title, "yes" if t.core else "", str(n))
    console = _console()
    console.print(table)
    console.print(
        f"\n{sum(n for _, n in rows)} questions in {len(rows)} themes. Browse one: revint questions --theme ID"
    )


@app.command()
def questions(
    theme: Annotated[Optional[str], typer.Option("--theme", "-t", help="Only this theme (see revint themes).")] = None,
    stage: Annotated[
        Optional[str],
        typer.Option("--stage", "-s", help="Only questions for this stage: screening, interview, final, offer."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Browse the questions of the bank, with why to ask them and what to listen for."""
    from revint_cli import bank as bank_mod
    from revint_cli.loading import unknown

    loaded = load_bank()
    if theme is not None and theme not in loaded.themes:
        raise RevintError(f"--theme: {unknown('theme', theme, loaded.theme_ids())}")
    if stage is not None and stage not in bank_mod.STAGES:
        raise RevintError(f"--stage: {unknown('stage', stage, bank_mod.STAGES)}")
    chosen = [
        q
        for q in loaded.questions.values()
        if (theme is None or q.theme == theme) and (stage is None or q.stages.admits(stage))
    ]
    if json_out:
        from revint_cli.render import to_json

        sys.stdout.write(to_json([q.model_dump(mode="json") for q in chosen]))
        return
    from revint_cli.browse import print_questions

    print_questions(_console(), loaded, chosen)


@bank_app.command("validate")
def bank_validate(
    files: Annotated[
        Optional[list[Path]], typer.Argument(help="Bank files to check, layered over the shipped bank.")
    ] = None,
) -> None:
    """Check bank files: every problem is listed as FILE:LINE: field: message."""
    from revint_cli import bank

    loaded = bank.load([*_State.bank_files, *(files or [])], include_default=_State.default_bank)
    names = ", ".join(Path(s).name for s in loaded.sources)
    typer.echo(f"valid: {_count(len(loaded.themes), 'theme')}, {_count(len(loaded.questions), 'question')} ({names})")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@bank_app.command("schema")
def bank_schema() -> None:
    """Print the JSON schema of the bank format (for editors and other tools)."""
    from revint_cli import bank

    sys.stdout.write(bank.schema_text())


# ----- prep and drafts ---------------------------------------------------------------------------------


@app.command()
def prep(
    answers: Annotated[
        Optional[Path],
        typer.Option("--answers", "-a", help="Replay a profile (YAML) instead of typing; missing keys are asked."),
    ] = None,
    sets: Annotated[
        Optional[list[str]],
        typer.Option(
            "--set",
            help="Override a profile key: --set minutes=30, --set priorities=[growth,team] (repeatable).",
            show_default=False,
        ),
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt: anything missing is an error.")] = False,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            help="Where to write the sheet ('-' for stdout). Default: COMPANY-ROLE.md here.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing sheet or profile.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the last interrupted prep.")] = False,
    draft: Annotated[
        Optional[str],
        typer.Option("--draft", help="With --resume: which draft (see revint drafts).", show_default=False),
    ] = None,
    next_round: Annotated[
        Optional[str],
        typer.Option(
            "--next-round",
            help="Prepare the next stage of a session (see revint sessions), from its debrief.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Prepare your questions for an interview and write a cheat sheet.

    Asks who you will meet, for which role, at which stage, how many minutes you will have, what matters
    to you and what you already found out; then picks the questions that fit.
    """
    from revint_cli import commands

    if fmt not in ("md", "json"):
        raise RevintError(f"--format: unknown value '{fmt}' (known: md, json)")
    if draft is not None and not resume:
        raise RevintError("--draft goes with --resume")
    if next_round is not None and (answers is not None or resume):
        raise RevintError(
            "--next-round starts from the session's profile: change keys with --set, not --answers or --resume"
        )
    commands.prep(
        load_bank,
        commands.PrepOptions(answers, list(sets or []), no_input, resume, draft, output, fmt, force),
        next_round,
        eager=bool(_State.bank_files),  # a custom bank is checked before the first question
    )


@app.command()
def drafts(
    clear: Annotated[
        Optional[str], typer.Option("--clear", help="Remove the draft with this name.", show_default=False)
    ] = None,
) -> None:
    """List unfinished preps and debriefs (saved after every answer), or remove one."""
    from revint_cli import commands

    commands.drafts(clear)


# ----- after the interview ----------------------------------------------------------------------------


@app.command()
def sessions(json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False) -> None:
    """List your sessions: one per company and role, kept after each prep."""
    from revint_cli import commands

    commands.sessions(json_out)


@app.command()
def debrief(
    session: Annotated[
        Optional[str],
        typer.Argument(help="A session name (see revint sessions), or a sheet or profile path.", show_default=False),
    ] = None,
    answers: Annotated[
        Optional[Path], typer.Option("--answers", "-a", help="Replay a debrief (YAML) instead of typing.")
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt: anything missing is an error.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted debrief.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace the debrief of a round already debriefed.")] = False,
) -> None:
    """Record what the employer answered: asked or not, a note, green, yellow or red."""
    from revint_cli import commands

    commands.debrief(load_bank(), session, answers, no_input, resume, sys.stdin.isatty(), force)


@app.command()
def compare(
    session_refs: Annotated[
        list[str], typer.Argument(metavar="SESSION...", help="Two or more sessions (names or paths).")
    ],
    priorities: Annotated[
        Optional[str],
        typer.Option(
            "--priorities",
            help="Theme ids, most important first, comma-separated (default: the first session's).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, md or json.")] = "table",
) -> None:
    """Put companies side by side, weighed by what you care about."""
    from revint_cli import commands

    if fmt not in ("table", "md", "json"):
        raise RevintError(f"--format: unknown value '{fmt}' (known: table, md, json)")
    if len(session_refs) < 2:
        raise RevintError("compare needs at least two sessions (see revint sessions)")
    chosen = [t.strip() for t in priorities.split(",") if t.strip()] if priorities is not None else None
    commands.compare(load_bank(), session_refs, chosen, fmt)


# ----- the entry point -------------------------------------------------------------------------------


def main() -> None:
    """Run the app; the one place where errors become messages and exit codes."""
    code = run(sys.argv[1:])
    sys.exit(code)


def run(argv: list[str]) -> int:
    """Run revint with `argv` and return its exit code; nothing escapes but the exit code."""
    try:
        app(args=argv, prog_name="revint")  # typer reports its own usage errors (exit 2) and Ctrl-C (130)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except RevintError as err:
        _fail(err.message)
        return int(err.code)
    except Exception as err:  # the one place where a bug becomes a short message
        if os.environ.get("REVINT_DEBUG"):
            raise
        _fail(
            f"revint {__version__}: unexpected error: {type(err).__name__}: {err}\n"
            "Rerun with REVINT_DEBUG=1 to see the traceback, and please report it."
        )
        return int(ExitCode.INTERNAL)
    return 0


def _fail(message: str) -> None:
    try:
        sys.stdout.flush()
    except OSError:
        pass
    print(message, file=sys.stderr)
