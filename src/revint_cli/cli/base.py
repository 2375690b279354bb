"""The typer app, its global options, and what every command shares: the bank as the options chose it,
how a result is shown, and the options several commands take."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from revint_cli import __version__
from revint_cli.errors import RevintError
from revint_cli.i18n import _

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


def option(*names: str, metavar: str, help: str) -> Any:
    return typer.Option(*names, metavar=metavar, help=help, show_default=False)


class State:
    bank_files: list[Path] = []
    default_bank: bool = True


def _version(value: bool) -> None:
    if value:
        show_text(f"revint {__version__}\n")
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
    State.bank_files = list(bank or [])
    State.default_bank = not no_default_bank


def load_bank() -> Bank:
    from revint_cli import questionbank as bank

    return bank.load(State.bank_files, include_default=State.default_bank)


def show(shown: Shown) -> None:
    from revint_cli.console import show

    show(shown)


def show_text(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None
    except (ValueError, OSError):  # a closed standard input
        return False


def check_format(value: str, known: tuple[str, ...]) -> str:
    """The format named, whatever its case (--format HTML), or one clear error."""
    value = value.strip().lower()
    if value not in known:
        raise RevintError(
            _("--format: unknown value '{value}' (known: {known})").format(value=value, known=", ".join(known))
        )
    return value


# ----- options several commands share ------------------------------------------------------------------

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
AnswersFile = Annotated[
    Optional[Path],
    option("--answers", "-a", metavar="FILE", help="Replay answers (YAML) instead of typing; missing ones are asked."),
]
NoInput = Annotated[bool, typer.Option("--no-input", help="Never prompt: anything missing is an error.")]
Draft = Annotated[
    Optional[str], option("--draft", metavar="NAME", help="With --resume: which draft (see revint drafts).")
]
SheetFormat = Annotated[
    str, typer.Option("--format", "-f", metavar="FORMAT", help="md, html (to open and print) or json.")
]
Compact = Annotated[
    bool, typer.Option("--compact", help="Only whom to ask, the minutes and one follow-up per question (md and html).")
]
SessionRef = Annotated[
    str,
    typer.Argument(
        metavar="SESSION", help="A session name (see revint sessions), or a sheet or profile path.", show_default=False
    ),
]


def sets_option(what: str, examples: str) -> Any:
    """The repeatable `--set KEY=VALUE`: what it overrides, with the command's own examples."""
    return option("--set", metavar="KEY=VALUE", help=f"Override {what}: {examples} (repeatable).")


def output_option(what: str, default: str) -> Any:
    """`--output/-o PATH`: where `what` goes, '-' for standard output, `default` when not given."""
    return option(
        "--output",
        "-o",
        metavar="PATH",
        help=f"Where to write the {what} ('-' for standard output). Default: {default}.",
    )


def check_draft(draft: str | None, resume: bool) -> None:
    if draft is not None and not resume:
        raise RevintError(_("--draft goes with --resume"))
