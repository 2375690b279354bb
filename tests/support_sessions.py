"""Helpers for the tests of drafts, debriefs, sessions, compare and the next round.

Sessions are made the way a candidate makes them: `revint prep --answers` then `revint debrief --answers`,
in-process through `revint_cli.cli.run`. A small bank of our own (`write_bank`) keeps the tests of the
next round independent of how the shipped bank ranks its questions.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import pytest
import yaml

from builders import question


REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
ACME = "acme-corp-senior-backend-engineer"
GLOBEX = "globex-staff-platform-engineer"

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>]")


def spawn_revint(cwd: Path, args: Sequence[str], *, timeout: float) -> Any:
    """`python -m revint_cli ARGS` in a pseudo-terminal of 50 x 120 (pexpect), as a candidate runs it: an
    xterm, no cursor-position requests (PROMPT_TOOLKIT_NO_CPR), the tests' REVINT_HOME."""
    import os
    import sys

    import pexpect

    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS="120", LINES="50")
    return pexpect.spawn(
        sys.executable,
        ["-m", "revint_cli", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        codec_errors="replace",
        timeout=timeout,
        dimensions=(50, 120),
    )


def strip_ansi(text: str) -> str:
    """What a person would read on the terminal: escape sequences and carriage returns removed."""
    return _ANSI.sub("", text).replace("\r", "")


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(dump(data), encoding="utf-8")
    return path


def session_dir(home: Path, name: str) -> Path:
    return home / "sessions" / name


def sheet(home: Path, name: str, round_: int = 1) -> dict[str, Any]:
    return json.loads((session_dir(home, name) / f"sheet-{round_}.json").read_text(encoding="utf-8"))


def sheet_questions(home: Path, name: str, round_: int = 1) -> list[dict[str, Any]]:
    return list(sheet(home, name, round_)["questions"])


def debrief_data(
    questions: Sequence[dict[str, Any]],
    ratings: dict[str, tuple[str, str] | None],
    *,
    gut: int = 3,
    extra: Sequence[dict[str, Any]] = (),
    round_: int | None = None,
) -> dict[str, Any]:
    """A debrief answering every planned question: `ratings[id] = (rating, note)`, absent or None: not asked."""
    answers: dict[str, Any] = {}
    for q in questions:
        rated = ratings.get(q["id"])
        answers[q["id"]] = {"asked": False} if rated is None else {"asked": True, "rating": rated[0], "note": rated[1]}
    unknown = set(ratings) - set(answers)
    assert not unknown, f"ratings for questions not on the sheet: {sorted(unknown)}"
    data: dict[str, Any] = {"version": 1}
    if round_ is not None:
        data["round"] = round_
    data.update({"answers": answers, "extra": list(extra), "gut": gut, "notes": ""})
    return data


# ----- a small bank of our own ---------------------------------------------------------------------------

SMALL_THEMES = ("growth", "autonomy", "team", "culture", "next-steps")


def _question(qid: str, theme: str, **fields: Any) -> dict[str, Any]:
    return question(qid, theme, **{"text": f"What can you tell me about {qid.replace('-', ' ')}?", **fields})


def small_bank() -> dict[str, Any]:
    """Three questions per priority theme, two culture questions, two closing ones (format v2): their
    weights rank them a, b, c within each theme, so that no tie is left to the profile's shuffle."""
    weight = {"a": 5, "b": 4, "c": 3}
    questions = [
        _question(f"{theme}-{c}", theme, weight=weight[c]) for theme in ("growth", "autonomy", "team") for c in "abc"
    ]
    questions += [_question("culture-a", "culture", weight=5), _question("culture-b", "culture", weight=4)]
    questions += [
        _question("next-steps-a", "next-steps", minutes=1, weight=5),
        _question("next-steps-b", "next-steps", minutes=1, weight=4),
    ]
    for q in questions:
        q["stages"] = {"earliest": "screening", "latest": "offer"}
    themes = [{"id": t, "title": t.replace("-", " ").title(), "summary": f"About {t}."} for t in SMALL_THEMES]
    return {"version": 2, "themes": themes, "questions": questions}


def write_bank(path: Path) -> Path:
    return write_yaml(path, small_bank())


Cli = Callable[[Sequence[str]], Any]


def headings(markdown: str) -> list[tuple[str, str]]:
    """The headings of a markdown text as (tag, text as a reader sees it), parsed by markdown-it-py."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    found: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[i + 1]
            words = "".join(child.content for child in inline.children or [] if child.type in ("text", "code_inline"))
            found.append((token.tag, words))
    return found


def prep_examples(cli: Cli, *names: str) -> None:
    """`revint prep --answers examples/NAME.yaml` for each name, in the current directory."""
    for name in names:
        result = cli(["prep", "--answers", str(EXAMPLES / f"{name}.yaml")])
        assert result.code == 0, result.err


def example_debrief(home: Path, session: str, name: str, folder: Path) -> Path:
    """The shipped example debrief, with every planned question it does not mention marked not asked.

    Its ratings are the ones the expected fits below are worked out from; a question of the sheet it does
    not know about (the tailoring may plan one more) changes no fit. A question it rates that is no longer
    on the sheet still fails the debrief.
    """
    data = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    planned = sheet(home, session)
    on_sheet = {q["id"] for q in [*planned["questions"], *planned["backup"]]}
    gone = sorted(set(data["answers"]) - on_sheet)
    # the example's expected fits are worked out from these questions: when the bank changes the sheet,
    # the example is rewritten with it (the README shows it)
    assert gone == [], f"examples/{name}.yaml rates questions the sheet no longer plans: {gone}"
    for q in planned["questions"]:
        data["answers"].setdefault(q["id"], {"asked": False})
    return write_yaml(folder / f"{name}.yaml", data)


def debrief_examples(cli: Cli, home: Path, folder: Path) -> None:
    """Prep both example profiles and replay both example debriefs (completed as `example_debrief` says)."""
    prep_examples(cli, "acme-backend", "globex-platform")
    for session, name in ((ACME, "acme-debrief"), (GLOBEX, "globex-debrief")):
        result = cli(["debrief", session, "--answers", str(example_debrief(home, session, name, folder))])
        assert result.code == 0, result.err


@contextmanager
def keys_in(keys: str) -> Iterator[None]:
    """The next prompts read `keys`; the pipe is then closed, so a prompt too many ends the wizard
    (an interruption) instead of waiting forever. ruff's TID253 keeps prompt_toolkit imports in here."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(keys)
        inp.close()
        yield


# ----- sessions replayed once per module ------------------------------------------------------------------


class Result(NamedTuple):
    code: int
    out: str
    err: str


def run_captured(argv: Sequence[str]) -> Result:
    """`revint ARGV...` in-process, for module-scoped fixtures (where capsys is not available)."""
    from revint_cli.cli import run

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = run(list(argv))
    return Result(code, out.getvalue(), err.getvalue())


T = TypeVar("T")


class Saved(NamedTuple):
    home: Path
    work: Path
    value: Any


def replay_once(factory: pytest.TempPathFactory, build: Callable[[Cli, Path, Path], T]) -> Saved:
    """Run `build(cli, home, work)` once in a revint home and folder of its own; `restore` copies both
    into a test's home and folder, so that tests sharing sessions replay them once per module."""
    base = factory.mktemp("replayed")
    home, work = base / "home", base / "work"
    home.mkdir()
    work.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REVINT_HOME", str(home))
        patch.chdir(work)
        value = build(run_captured, home, work)
    return Saved(home, work, value)


def restore(saved: Saved, home: Path, work: Path) -> Any:
    shutil.copytree(saved.home, home, dirs_exist_ok=True, symlinks=True)
    shutil.copytree(saved.work, work, dirs_exist_ok=True, symlinks=True)
    return saved.value
