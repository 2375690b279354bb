"""Reading a user's YAML file into a pydantic model, with every problem as `FILE:LINE: path: message`."""

from __future__ import annotations

import errno
import os
import stat

import difflib
import re
import types
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from revint_cli import yamlio
from revint_cli.errors import RevintError
from revint_cli.i18n import N_, _, ngettext

MAX_BYTES = 5 * 1024 * 1024
MAX_SHOWN = 50  # problems listed for one run; the rest are counted ("and 120 more")

M = TypeVar("M", bound=BaseModel)
Problem = yamlio.Problem  # (path, message)


def read_text(path: Path, *, kept: bool = False) -> str:
    """The text of a user's file, or one clear error naming it.

    A file revint `kept` in its home or cache (a draft, a session's profile or sheet) is read only when it
    is a regular file and not a link: a FIFO never hangs a listing, and a link never leads outside the home.
    A file the user names (`--answers`) may be a pipe (`--answers <(...)`), read up to the size limit.
    """
    try:
        data = read_kept(path) if kept else _read_named(path)
    except FileNotFoundError:
        raise RevintError(_("{path}: no such file").format(path=path)) from None
    except PermissionError:
        raise RevintError(_("{path}: permission denied (cannot read it)").format(path=path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise RevintError(
                _("{path}: is a symbolic link; revint does not follow links inside its home").format(path=path)
            ) from None
        raise RevintError(
            _("{path}: cannot read it: {problem}").format(path=path, problem=exc.strerror or exc)
        ) from None
    return decode(data, str(path))


def _read_named(path: Path) -> bytes:
    if path.is_dir():
        raise RevintError(_("{path}: is a directory, not a YAML file").format(path=path))
    if path.stat().st_size > MAX_BYTES:
        raise RevintError(_too_large(str(path)))
    with path.open("rb") as stream:  # bounded: a device or a pipe has no size to check beforehand
        return stream.read(MAX_BYTES + 1)


def read_kept(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file that revint keeps, never through a link, never waiting on a FIFO."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise RevintError(
                _("{path}: not a regular file; move it away (revint reads only files it wrote)").format(path=path)
            )
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise RevintError(_too_large(str(path)))
    return data


def _too_large(label: str) -> str:
    return _("{file}: too large (at most {megabytes} MB)").format(file=label, megabytes=MAX_BYTES // 1024 // 1024)


def decode(data: bytes, label: str) -> str:
    if len(data) > MAX_BYTES:
        raise RevintError(_too_large(label))
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark, as some Windows editors write
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RevintError(
            _("{file}:{line}: not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8").format(
                file=label, line=line, byte=data[exc.start]
            )
        ) from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise RevintError(_("{file}: the file is empty").format(file=label))
    return text


def parse(text: str, label: str) -> yamlio.Located:
    try:
        doc = yamlio.parse(text)
    except yamlio.YamlSyntaxError as exc:
        place = f"{exc.line}:{exc.column}" if exc.column else f"{exc.line}"
        raise RevintError(_("{file}:{place}: {problem}").format(file=label, place=place, problem=exc.message)) from None
    if not isinstance(doc.data, dict):
        raise RevintError(
            _("{file}:{line}: expected a mapping of keys to values at the top level").format(
                file=label, line=doc.line_of(())
            )
        )
    return doc


def validate(model: type[M], doc: yamlio.Located) -> tuple[M | None, list[Problem]]:
    """Validate `doc` against `model`; return the model (None if invalid) and the problems found."""
    problems: list[Problem] = list(doc.problems)
    try:
        result = model.model_validate(doc.data)
    except ValidationError as err:
        problems.extend(explain(model, err))
        return None, problems
    return (result if not problems else None), problems


def format_problems(label: str, doc: yamlio.Located, problems: Iterable[Problem]) -> list[str]:
    rows = sorted(((doc.line_of_problem((loc, msg)), loc, msg) for loc, msg in problems), key=lambda r: r[0])
    return [f"{label}:{line}: {dotted(loc)}: {msg}" if loc else f"{label}:{line}: {msg}" for line, loc, msg in rows]


def fail(lines: Sequence[str]) -> typing.NoReturn:
    """Raise the error for a file with problems: each on its own line, the first MAX_SHOWN of them."""
    shown = list(lines[:MAX_SHOWN])
    if len(lines) > MAX_SHOWN:
        shown.append(_("... and {count} more").format(count=len(lines) - MAX_SHOWN))
    if len(lines) > 1:
        shown.append(ngettext("{count} problem", "{count} problems", len(lines)).format(count=len(lines)))
    raise RevintError(shown)


def dotted(loc: Sequence[str | int]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return _("; did you mean '{value}'?").format(value=close[0]) if close else ""


def unknown(kind: str, value: object, choices: Sequence[str]) -> str:
    """The message for a value that names nothing we know: what it is, and what was probably meant."""
    hint = did_you_mean(value, choices)
    if hint:
        return _("unknown {kind} '{value}'{hint}").format(kind=_(kind), value=value, hint=hint)
    if not choices:
        return _("unknown {kind} '{value}' (there are none to choose from)").format(kind=_(kind), value=value)
    listing = ", ".join(choices) if len(choices) <= 12 else ", ".join(choices[:12]) + ", ..."
    return _("unknown {kind} '{value}' (known: {known})").format(kind=_(kind), value=value, known=listing)


_QUOTED = re.compile(r"'([^']*)'")


def explain(model: type[BaseModel], err: ValidationError) -> list[Problem]:
    """Each error of `err` as a problem; past the first MAX_SHOWN, which are never shown, a short message
    (the suggestions cost time: a file with 80,000 wrong values must still be answered at once)."""
    problems: list[Problem] = []
    for n, e in enumerate(err.errors(include_url=False)):
        loc = tuple(p for p in e["loc"] if p != "[key]")
        problems.append((loc, _message(model, e, loc) if n < MAX_SHOWN else str(e["type"])))
    return problems


def _show(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _message(model: type[BaseModel], e: Any, loc: tuple[str | int, ...]) -> str:
    kind, ctx, value = e["type"], e.get("ctx") or {}, e.get("input")
    if kind == "missing":
        return _("required, but missing")
    if kind == "extra_forbidden":
        fields = _fields_at(model, loc[:-1])
        return unknown(N_("key"), loc[-1], fields) if fields else _("unknown key '{key}'").format(key=loc[-1])
    if kind in ("literal_error", "enum"):
        return unknown(N_("value"), _show(value), _QUOTED.findall(str(ctx.get("expected", ""))))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("must be a whole number, not '{value}'").format(value=_show(value))
    if kind == "bool_parsing" or kind == "bool_type":
        return _("must be true or false, not '{value}'").format(value=_show(value))
    if kind in ("string_type",):
        return _("must be text, not a list or mapping")
    if kind == "list_type":
        return _("must be a list")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("must be a mapping of keys to values")
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("must be a date like 2026-12-01, not '{value}'").format(value=_show(value))
    if kind == "too_short":
        if isinstance(value, str):
            return _("must not be empty")
        n = int(ctx.get("min_length", 1))
        return ngettext("needs at least {count} item", "needs at least {count} items", n).format(count=n)
    if kind == "too_long":
        if isinstance(value, str):
            return _at_most_characters(ctx)
        n = int(ctx.get("max_length", 0))
        return ngettext("allows at most {count} item", "allows at most {count} items", n).format(count=n)
    if kind == "string_too_short":
        n = ctx.get("min_length", 1)
        if not str(value).strip() or n <= 1:
            return _("must not be empty")
        return ngettext("must be at least {count} character", "must be at least {count} characters", n).format(count=n)
    if kind == "string_too_long":
        return _at_most_characters(ctx)
    msg = str(e["msg"])
    msg = msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return msg[:1].lower() + msg[1:]


def _at_most_characters(ctx: Any) -> str:
    n = int(ctx.get("max_length", 0))
    return ngettext("must be at most {count} character", "must be at most {count} characters", n).format(count=n)


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The field names of the model found at `loc` inside `model`, or [] if there is none."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str) and part in tp.model_fields:
            tp = tp.model_fields[part].annotation
        elif typing.get_origin(tp) in (list, tuple) and isinstance(part, int):
            tp = typing.get_args(tp)[0]
        elif typing.get_origin(tp) is dict:
            tp = typing.get_args(tp)[1]
        else:
            return []
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def load(path: Path, model: type[M], *, kept: bool = False) -> tuple[M, yamlio.Located]:
    """Read, parse and validate one file; raise one RevintError listing every problem in it. A file revint
    `kept` in its home is read only when regular and not a link (see `read_text`)."""
    label = str(path)
    doc = parse(read_text(path, kept=kept), label)
    result, problems = validate(model, doc)
    if problems or result is None:
        fail(format_problems(label, doc, problems))
    return result, doc
