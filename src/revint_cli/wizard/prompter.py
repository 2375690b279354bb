"""The terminal side of the wizards: the only module that imports questionary and prompt_toolkit.

`Prompter` asks one question at a time (a text, a menu, a checklist, a yes/no) and turns Ctrl-C or
Ctrl-D at any prompt into `answers.Interrupted`. Ctrl-C between two prompts (pressed right after Enter,
before the terminal is back in raw mode) is a SIGINT: during a `terminal_session` it is held until the
answer just given is saved and ends the next prompt as it opens, or the session. Every text that came from outside (a company name, a
bank's titles) is shown through `untrusted.safe`.
"""

from __future__ import annotations

import shutil
import signal
import sys
import threading
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from questionary import Choice

from revint_cli.answers import Interrupted
from revint_cli.untrusted import safe
from revint_cli.wizard.prompts import Validator

STYLE = questionary.Style(
    [("qmark", "fg:ansicyan bold"), ("answer", "fg:ansigreen"), ("instruction", "fg:ansibrightblack")]
)


@contextmanager
def terminal_session() -> Iterator[None]:
    """Prompts go to the terminal even when stdout is redirected (`revint prep -o - > sheet.md`), and
    Ctrl-C is never lost between two prompts (`_Held`)."""
    with _HELD.held():
        if sys.stdout.isatty() or not sys.stderr.isatty():
            yield
            return
        from prompt_toolkit.application import create_app_session
        from prompt_toolkit.output import create_output

        with create_app_session(output=create_output(stdout=sys.stderr)):
            yield


class _Held:
    """Ctrl-C as a signal, while a wizard runs: it ends the prompt that is open, else it is held, so that
    the answer just given is saved, and ends the next prompt as it opens (or the wizard, at its end).
    prompt_toolkit's own handler would feed it to the open menu as a key no menu binds: lost."""

    def __init__(self) -> None:
        self.pressed = False
        self.app: Any = None  # the prompt open now

    @contextmanager
    def held(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        self.pressed = False
        before = signal.signal(signal.SIGINT, self._on_sigint)
        try:
            yield
            self.check()  # pressed after the last answer, which is saved
        finally:
            signal.signal(signal.SIGINT, before)
            self.pressed = False

    def check(self) -> None:
        if self.pressed:
            raise Interrupted()

    def _on_sigint(self, _signum: int, _frame: FrameType | None) -> None:
        self.pressed = True
        app = self.app
        if app is not None and app.loop is not None:
            app.loop.call_soon_threadsafe(self.end, app)

    def end(self, app: Any) -> None:
        """End `app` as Ctrl-C at it would, once, while it runs."""
        if self.pressed and app.future is not None and not app.future.done():
            app.exit(exception=KeyboardInterrupt())


_HELD = _Held()


_CTRL_D = KeyBindings()


@_CTRL_D.add("c-d", eager=True)
def _end_of_input(event: Any) -> None:
    event.app.exit(exception=EOFError())


class Prompter:
    """Asks one question at a time; Ctrl-C or Ctrl-D at any prompt raises `answers.Interrupted`."""

    def _ask(self, question: questionary.Question, *, ctrl_d: bool = True) -> Any:
        if ctrl_d:  # text prompts already end on Ctrl-D at an empty line; menus need to be told
            question.application.key_bindings = merge_key_bindings(
                [question.application.key_bindings or KeyBindings(), _CTRL_D]
            )
        _HELD.check()  # Ctrl-C since the last prompt, whose answer is saved by now
        app = question.application
        _HELD.app = app
        try:
            return app.run(pre_run=lambda: _HELD.end(app), handle_sigint=False)
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None
        finally:
            _HELD.app = None

    def say(self, text: str, style: str = "") -> None:
        questionary.print(safe(text, lines=True), style=style)

    def bullet(self, text: str, style: str = "") -> None:
        """A list item wrapped at word boundaries to the terminal's width, with a hanging indent."""
        width = min(shutil.get_terminal_size().columns, 100) - 1
        lines = textwrap.wrap(safe(text), width=max(width, 40), initial_indent="  • ", subsequent_indent="    ")
        questionary.print("\n".join(lines), style=style)

    def text(
        self,
        message: str,
        default: str = "",
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        kwargs: dict[str, Any] = {"default": default, "style": STYLE, "instruction": instruction}
        if validate is not None:
            kwargs["validate"] = validate
        return str(self._ask(questionary.text(safe(message), **kwargs), ctrl_d=False)).strip()

    def select(self, message: str, choices: Sequence[tuple[str, str]], default: str | None = None) -> str:
        options = [Choice(title=safe(label), value=value) for value, label in choices]
        start = next((c for c in options if c.value == default), options[0])
        question = questionary.select(safe(message), options, default=start, style=STYLE, use_shortcuts=False)
        return str(self._ask(question))

    def checkbox(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        checked: Sequence[str] = (),
        validate: Callable[[list[str]], bool | str] | None = None,
        descriptions: Mapping[str, str] | None = None,
    ) -> list[str]:
        """`descriptions`, by value, are shown below the list for the choice under the cursor."""
        notes = descriptions or {}
        options = [
            Choice(title=safe(label), value=value, checked=value in checked, description=_maybe_safe(notes.get(value)))
            for value, label in choices
        ]
        kwargs: dict[str, Any] = {"style": STYLE}
        if validate is not None:
            kwargs["validate"] = validate
        return list(self._ask(questionary.checkbox(safe(message), options, **kwargs)))

    def confirm(self, message: str, default: bool) -> bool:
        return bool(self._ask(questionary.confirm(safe(message), default=default, style=STYLE)))


def _maybe_safe(text: str | None) -> str | None:
    return None if text is None else safe(text)
