"""One error path: expected failures are one line and exit 2, a bug is a short message with the version and
a hint (exit 3), and REVINT_DEBUG=1 lets the exception through."""

from __future__ import annotations

from pathlib import Path

import pytest

from revint_cli import __version__
from revint_cli.cli import run
from revint_cli.errors import ExitCode, RevintError
from support_sessions import ACME, EXAMPLES, GLOBEX, debrief_examples


class Boom(Exception):
    pass


def explode(*args: object, **kwargs: object) -> None:
    raise Boom("the frobnicator is empty")


@pytest.fixture
def two_sessions(cli, tmp_path: Path, revint_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    debrief_examples(cli, revint_home, tmp_path)


# (argv, the function deep inside the command that fails, as the command's code reaches it)
DEEP = [
    (["prep", "--answers", str(EXAMPLES / "acme-backend.yaml"), "-o", "-"], "revint_cli.planning.tailor.plan"),
    (["prep", "--answers", str(EXAMPLES / "acme-backend.yaml"), "-o", "-"], "revint_cli.render.markdown.markdown"),
    (["sessions", "--json"], "revint_cli.store.sessionstore.load"),
    (["compare", ACME, GLOBEX, "--format", "json"], "revint_cli.planning.sidebyside.build"),
    (["compare", ACME, GLOBEX], "revint_cli.planning.fit.compute"),
    (["debrief", GLOBEX, "--answers", "globex-debrief.yaml", "--force"], "revint_cli.store.sessionstore.debrief_yaml"),
    (["drafts"], "revint_cli.store.draftstore.scan"),
    (["themes"], "revint_cli.questionbank.layering.load"),
]


@pytest.mark.usefixtures("two_sessions")
@pytest.mark.parametrize(("argv", "target"), DEEP, ids=[f"{a[0]}-{t.rsplit('.', 1)[1]}" for a, t in DEEP])
def test_an_unexpected_exception_is_a_short_message(cli, monkeypatch, argv: list[str], target: str) -> None:
    monkeypatch.setattr(target, explode)

    code, out, err = cli(argv)

    assert code == ExitCode.INTERNAL == 3
    assert err == (
        f"revint {__version__}: unexpected error: Boom: the frobnicator is empty\n"
        "Rerun with REVINT_DEBUG=1 to see the traceback, and please report it.\n"
    )
    assert "Traceback" not in out + err


@pytest.mark.usefixtures("two_sessions")
def test_with_revint_debug_the_exception_propagates(monkeypatch) -> None:
    monkeypatch.setattr("revint_cli.planning.sidebyside.build", explode)
    monkeypatch.setenv("REVINT_DEBUG", "1")
    with pytest.raises(Boom, match="frobnicator"):
        run(["compare", ACME, GLOBEX])


def test_an_expected_failure_is_its_message_and_its_code(cli, monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise RevintError("nothing to see here", ExitCode.USAGE)

    monkeypatch.setattr("revint_cli.commands.sessions.run", refuse)
    code, out, err = cli(["sessions"])
    assert (code, out, err) == (2, "", "nothing to see here\n")


def test_an_expected_failure_stays_short_even_with_revint_debug(cli, monkeypatch) -> None:
    monkeypatch.setenv("REVINT_DEBUG", "1")
    code, _, err = cli(["compare", "nope", "nada"])
    assert code == 2
    assert err == "no session or file named 'nope' (see revint sessions)\n"


def test_ctrl_c_outside_a_prompt_is_130(cli, monkeypatch) -> None:
    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("revint_cli.commands.sessions.run", interrupt)
    code, _, err = cli(["sessions"])
    assert code == 130
    assert "Traceback" not in err


def test_a_usage_error_is_exit_2_without_traceback(cli) -> None:
    code, _, err = cli(["prep", "--no-such-flag"])
    assert code == 2
    assert "No such option" in err
    assert "Traceback" not in err


def test_the_exit_codes_are_the_documented_ones() -> None:
    assert [int(c) for c in ExitCode] == [0, 2, 3, 130, 141]
