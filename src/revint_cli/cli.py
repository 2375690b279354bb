"""The command line: the typer interface, and the one place where errors become messages and exit codes.

Each command's work lives in `commands/NAME.py` and is imported when the command runs, so that
`revint --help` stays fast and questionary is only imported where a prompt is shown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from revint_cli import __version__
from revint_cli.errors import ExitCode, RevintError

if TYPE_CHECKING:
    from revint_cli.questionbank import Bank
    from revint_cli.console import Shown


class _Flagless:
    """Help shows flags without a type: typer lists its own (--help, --install-completion) as `<bool>`."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params


class _Command(_Flagless, typer.core.TyperCommand):
    pass


class _Group(_Flagless, typer.core.TyperGroup):
    pass


F = TypeVar("F", bound=Callable[..., Any])


class _Typer(typer.Typer):
    def command(self, name: str | None = None, **kwargs: Any) -> Callable[[F], F]:
        decorator: Callable[[F], F] = super().command(name, **{"cls": _Command, **kwargs})
        return decorator


app = _Typer(
    cls=_Group,
    name="revint",
    help="A coach for the reverse interview: the questions you ask the employer.\n\n"
    "Start with [bold]revint prep[/bold] the evening before an interview.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
bank_app = _Typer(cls=_Group, help="Check and inspect question banks.", no_args_is_help=True)
app.add_typer(bank_app, name="bank")


def _option(*names: str, metavar: str, help: str) -> Any:
    return typer.Option(*names, metavar=metavar, help=help, show_default=False)


class _State:
    bank_files: list[Path] = []
    default_bank: bool = True


def _version(value: bool) -> None:
    if value:
        _show_text(f"revint {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    bank: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--bank",
            envvar="REVINT_BANK",
            metavar="FILE",
            help="A bank file layered over the shipped one (repeatable; REVINT_BANK takes a list of paths, separated like PATH).",
            show_default=False,
        ),
    ] = None,
    no_default_bank: Annotated[bool, typer.Option("--no-default-bank", help="Use only the --bank files.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    _State.bank_files = list(bank or [])
    _State.default_bank = not no_default_bank


def load_bank() -> Bank:
    from revint_cli import questionbank as bank

    return bank.load(_State.bank_files, include_default=_State.default_bank)


def _show(shown: Shown) -> None:
    from revint_cli.console import show

    show(shown)


def _show_text(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None
    except (ValueError, OSError):  # a closed standard input
        return False


def _format(value: str, known: tuple[str, ...]) -> str:
    if value not in known:
        raise RevintError(f"--format: unknown value '{value}' (known: {', '.join(known)})")
    return value


# ----- browsing the bank -----------------------------------------------------------------------------

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.command()
def themes(json_out: JsonFlag = False) -> None:
    """List the themes of the question bank."""
    from revint_cli.commands import themes as command

    _show(command.run(load_bank(), json_out=json_out))


@app.command()
def questions(
    theme: Annotated[
        Optional[str], typer.Option("--theme", "-t", metavar="ID", help="Only this theme (see revint themes).")
    ] = None,
    stage: Annotated[
        Optional[str],
        typer.Option(
            "--stage", "-s", metavar="STAGE", help="Only questions for this stage: screening, interview, final, offer."
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Browse the questions of the bank, with why to ask them and what to listen for."""
    import shutil

    from revint_cli.commands import questions as command

    width = shutil.get_terminal_size().columns
    _show(command.run(load_bank(), theme=theme, stage=stage, json_out=json_out, width=width))


@bank_app.command("validate")
def bank_validate(
    files: Annotated[
        Optional[list[Path]],
        typer.Argument(metavar="FILE", help="Bank files to check, layered over the shipped bank.", show_default=False),
    ] = None,
) -> None:
    """Check bank files: every problem is listed as FILE:LINE: field: message."""
    from revint_cli.commands import bank as command

    _show(command.validate([*_State.bank_files, *(files or [])], include_default=_State.default_bank))


@bank_app.command("schema")
def bank_schema() -> None:
    """Print the JSON schema of the bank format (for editors and other tools)."""
    from revint_cli.commands import bank as command

    _show(command.schema())


# ----- prep and drafts ---------------------------------------------------------------------------------

AnswersFile = Annotated[
    Optional[Path],
    _option("--answers", "-a", metavar="FILE", help="Replay answers (YAML) instead of typing; missing ones are asked."),
]
NoInput = Annotated[bool, typer.Option("--no-input", help="Never prompt: anything missing is an error.")]
Sets = Annotated[
    Optional[list[str]],
    _option(
        "--set",
        metavar="KEY=VALUE",
        help="Override a profile key: --set minutes=30, --set priorities=\\[growth,team] (repeatable).",
    ),
]
Output = Annotated[
    Optional[str],
    _option(
        "--output",
        "-o",
        metavar="PATH",
        help="Where to write the sheet ('-' for standard output). Default: COMPANY-ROLE.md here.",
    ),
]
Draft = Annotated[
    Optional[str], _option("--draft", metavar="NAME", help="With --resume: which draft (see revint drafts).")
]
NextRound = Annotated[
    Optional[str],
    _option(
        "--next-round",
        metavar="SESSION",
        help="Prepare the next stage of a session (see revint sessions), from its debrief.",
    ),
]

SheetFormat = Annotated[
    str, typer.Option("--format", "-f", metavar="FORMAT", help="md, html (to open and print) or json.")
]
Compact = Annotated[
    bool, typer.Option("--compact", help="Only whom to ask, the minutes and one follow-up per question (md and html).")
]


def _check_draft(draft: str | None, resume: bool) -> None:
    if draft is not None and not resume:
        raise RevintError("--draft goes with --resume")


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

    _format(fmt, command.FORMATS)
    command.check_compact(fmt, compact)
    _check_draft(draft, resume)
    if next_round is not None and (answers is not None or resume):
        raise RevintError(
            "--next-round starts from the session's profile: change keys with --set, not --answers or --resume"
        )
    given = answers_mod.Options(answers, list(sets or []), no_input, resume, draft)
    opts = command.Options(given, output, fmt, force, next_round, compact)
    # A custom bank is checked before the first question; the shipped one loads when first needed.
    _show(command.run(load_bank, opts, interactive=_interactive(), eager=bool(_State.bank_files)))


@app.command()
def drafts(
    clear: Annotated[Optional[str], _option("--clear", metavar="NAME", help="Remove the draft with this name.")] = None,
) -> None:
    """List unfinished preps and debriefs (saved after every answer), or remove one."""
    from revint_cli.commands import drafts as command

    _show(command.run(clear))


# ----- the sheet again ---------------------------------------------------------------------------------

SessionRef = Annotated[
    str,
    typer.Argument(
        metavar="SESSION", help="A session name (see revint sessions), or a sheet or profile path.", show_default=False
    ),
]


@app.command("sheet")
def sheet_command(
    session: SessionRef,
    output: Annotated[
        Optional[str],
        _option(
            "--output",
            "-o",
            metavar="PATH",
            help="Where to write the sheet ('-' for standard output). Default: SESSION.md here (SESSION-round-N.md after the first round).",
        ),
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

    _format(fmt, prep.FORMATS)
    prep.check_compact(fmt, compact)
    _show(command.run(session, command.Options(output, fmt, compact, force, round_)))


@app.command("open")
def open_command(session: SessionRef, compact: Compact = False) -> None:
    """Open the latest sheet of a session in your browser, to read or print (or print its path)."""
    from revint_cli.commands import open as command

    _show(command.run(session, compact=compact))


# ----- after the interview ----------------------------------------------------------------------------


@app.command()
def sessions(json_out: JsonFlag = False) -> None:
    """List your sessions: one per company and role, kept after each prep."""
    from revint_cli.commands import sessions as command

    _show(command.run(json_out=json_out))


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
    _show(command.run(load_bank(), session, opts, force=force, interactive=_interactive()))


@app.command()
def compare(
    session_refs: Annotated[
        list[str], typer.Argument(metavar="SESSION", help="Two or more sessions (names or paths).")
    ],
    priorities: Annotated[
        Optional[str],
        _option(
            "--priorities",
            metavar="IDS",
            help="Theme ids, most important first, comma-separated (default: the first session's).",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table, md or json.")] = "table",
) -> None:
    """Put companies side by side, weighed by what you care about."""
    from revint_cli.commands import compare as command

    _format(fmt, command.FORMATS)
    chosen = [t.strip() for t in priorities.split(",") if t.strip()] if priorities is not None else None
    _show(command.run(load_bank(), session_refs, chosen, fmt))


# ----- the interviewer's side ----------------------------------------------------------------------------


BriefSets = Annotated[
    Optional[list[str]],
    _option(
        "--set",
        metavar="KEY=VALUE",
        help="Override a key: --set minutes=15, --set interviewer.role=peer (repeatable).",
    ),
]
BriefOutput = Annotated[
    Optional[str],
    _option(
        "--output",
        "-o",
        metavar="PATH",
        help="Where to write the brief ('-' for standard output). Default: COMPANY-ROLE-brief.md here.",
    ),
]
CompareFiles = Annotated[
    Optional[tuple[Path, Path]],
    _option(
        "--compare",
        metavar="A B",
        help="Compare two interviewers' answers files: where they differ, or one has no answer.",
    ),
]


@app.command()
def brief(
    answers: AnswersFile = None,
    sets: BriefSets = None,
    no_input: NoInput = False,
    output: BriefOutput = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="md or json.")] = "md",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing brief or answers file.")] = False,
    record: Annotated[
        bool, typer.Option("--record", help="Also draft your answer to each question; they are saved for replay.")
    ] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the last interrupted brief.")] = False,
    draft: Draft = None,
    compare_files: CompareFiles = None,
) -> None:
    """Prepare to answer a candidate's questions honestly: an interviewer's brief.

    Asks the role, the stage, who you are to the candidate and the minutes set aside for their questions;
    then lists the questions such a candidate is most likely to ask you, what they want to learn, what a
    strong answer contains and what would worry them.
    """
    from revint_cli import answers as answers_mod
    from revint_cli.commands import brief as command

    _format(fmt, command.FORMATS)
    if compare_files is not None:
        if answers is not None or sets or resume or record or output is not None:
            raise RevintError("--compare takes two answers files, and only --format besides")
        return _show(command.compare(load_bank(), compare_files[0], compare_files[1], fmt))
    _check_draft(draft, resume)
    given = answers_mod.Options(answers, list(sets or []), no_input, resume, draft)
    opts = command.Options(given, output, fmt, force, record)
    _show(command.run(load_bank, opts, interactive=_interactive(), eager=bool(_State.bank_files)))


# ----- the entry point -------------------------------------------------------------------------------


def main() -> None:
    """Run the app and exit with its code."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets an escape instead
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    # pydantic looks for plugins (entry points of every installed package, about 17 ms) before validating
    # the first model; revint uses none. As typer does while it builds its parameters; a user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    if sys.stdin is None:  # started with standard input closed: nothing can be typed, as with no terminal
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:  # started with standard error closed (`2>&-`): messages go nowhere, work goes on
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        code = _fail("revint: standard output is closed; redirect it to a file or to /dev/null", ExitCode.USAGE)
    else:
        code = run(sys.argv[1:])
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            code = _quiet_exit()
        except OSError as err:
            code = _fail(_stream_problem(err), ExitCode.USAGE)
    sys.exit(code)


def run(argv: list[str]) -> int:
    """Run revint with `argv` and return its exit code: 0 done, 2 the user's input or environment, 3 a bug,
    130 interrupted. Nothing escapes but the exit code."""
    try:
        app(args=argv, prog_name="revint")  # typer reports its own usage errors (exit 2) and Ctrl-C (130)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except RevintError as err:
        return _quiet_exit() if err.code == ExitCode.BROKEN_PIPE else _fail(err.lines, err.code)
    except KeyboardInterrupt:
        return _fail("Interrupted.", ExitCode.INTERRUPTED)
    except BrokenPipeError:
        return _quiet_exit()
    except OSError as err:  # the terminal or a standard stream: full, closed, not writable
        return _fail(_stream_problem(err), ExitCode.USAGE)
    except UnicodeEncodeError as err:  # a file name this locale's file-system encoding cannot spell
        return _fail(_encoding_problem(err), ExitCode.USAGE)
    except Exception as err:  # the one place where a bug becomes a short message
        if os.environ.get("REVINT_DEBUG"):
            raise
        return _fail(
            [
                f"revint {__version__}: unexpected error: {type(err).__name__}: {err}",
                "Rerun with REVINT_DEBUG=1 to see the traceback, and please report it.",
            ],
            ExitCode.INTERNAL,
        )
    return 0


def _stream_problem(err: OSError) -> str:
    where = f"{err.filename}: " if err.filename else ""
    return f"revint: {where}{err.strerror or err}"


def _encoding_problem(err: UnicodeEncodeError) -> str:
    encoding = sys.getfilesystemencoding()
    return (
        f"revint: '{err.object[err.start : err.end]}' cannot be written in this system's encoding ({encoding}); "
        "use a UTF-8 locale (LANG=C.UTF-8) or set PYTHONUTF8=1"
    )


def _quiet_exit() -> int:
    """A reader that stopped reading (`revint questions | head`): stop quietly, as other tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return int(ExitCode.BROKEN_PIPE)


def _fail(message: str | list[str], code: ExitCode) -> int:
    """Print the error, each of its lines as one line (see `RevintError`), and return its exit code."""
    from revint_cli.untrusted import safe

    lines = [message] if isinstance(message, str) else message

    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        pass
    try:
        if sys.stderr is not None:
            print("\n".join(safe(line) for line in lines), file=sys.stderr)
    except (OSError, ValueError, UnicodeEncodeError):
        pass
    return int(code)
