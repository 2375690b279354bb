"""The one place that reads and writes YAML.

Reading is strict and keeps line numbers: anchors and aliases, duplicate keys, custom tags and deep nesting
are refused, and every scalar stays the text the person typed (`NO` stays "NO", `1.10` stays "1.10"); the
pydantic models decide what is a number, a date or a boolean. The events come from libyaml when it is
installed (the C parser is several times faster) and are assembled here without recursion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _CParser = None  # type: ignore[assignment,misc]

MAX_DEPTH = 32
_NULLS = {"", "~", "null", "Null", "NULL"}
_STD_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")}

Path_ = tuple[str | int, ...]
Problem = tuple[Path_, str]  # where in the document (a path of keys and indexes), and what is wrong


@dataclass
class Located:
    """A loaded document with the line (1-based) where each value starts, keyed by its path.

    `problem_lines` gives the line of a problem whose path cannot: a duplicate key has the path of the first
    one, but is reported where it is repeated.
    """

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    problem_lines: dict[Problem, int] = field(default_factory=dict)
    repeated_at: dict[Path_, int] = field(default_factory=dict, repr=False)  # a repeated key's latest line

    def line_of_problem(self, problem: Problem) -> int:
        return self.problem_lines.get(problem) or self.line_of(problem[0])

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest parent that has one (a missing key: its mapping)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def parse(text: str) -> Located:
    """Parse one YAML document into plain dicts, lists, strings and None, with line numbers.

    Raises YamlSyntaxError for anything that is not plain, safe YAML; collects duplicate keys as problems.
    """
    doc = Located(data=None)
    # A stack of open collections: [container, path, pending key (mappings), key line].
    stack: list[list[Any]] = []
    seen_root = False
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise YamlSyntaxError("YAML aliases (*name) are not allowed; write the value out", _line(event))
            if isinstance(event, yaml.DocumentStartEvent) and seen_root:
                raise YamlSyntaxError("only one YAML document is allowed (found a second '---')", _line(event))
            if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if event.anchor is not None:
                    raise YamlSyntaxError(f"YAML anchors (&{event.anchor}) are not allowed", _line(event))
                tag = event.tag
                if tag and tag != "!" and tag not in _ALLOWED_TAGS:
                    raise YamlSyntaxError(f"YAML tag {tag} is not allowed", _line(event))
                if isinstance(event, yaml.ScalarEvent):
                    value: Any = event.value
                    if event.implicit[0] and value in _NULLS:
                        value = None
                    elif tag == _STD_TAG + "null":
                        value = None
                    _add(doc, stack, value, _line(event))
                else:
                    if len(stack) >= MAX_DEPTH:
                        raise YamlSyntaxError(f"nested deeper than {MAX_DEPTH} levels", _line(event))
                    container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                    path = _add(doc, stack, container, _line(event))
                    if path is not None:
                        stack.append([container, path, _NO_KEY, 0])
                seen_root = True
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text) from None
    return doc


def _syntax_error(exc: yaml.YAMLError, text: str) -> YamlSyntaxError:
    """PyYAML's error as one of ours, at the line (and column) it names."""
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML refuses, e.g. a control character
        line = _line_at(text, exc.position)
        return YamlSyntaxError(f"character U+{exc.character:04X} is not allowed in YAML: {exc.reason}", line)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else None
        if "maximum nesting depth" in str(exc.problem):  # libyaml's own limit, far above ours
            return YamlSyntaxError(f"nested deeper than {MAX_DEPTH} levels", line)
        return YamlSyntaxError(f"YAML syntax error: {exc.problem or exc.context}", line, column)
    return YamlSyntaxError(f"YAML error: {exc}", 1)  # errors without a mark, e.g. a byte the reader refuses


_NO_KEY = object()


def _line_at(text: str, position: int) -> int:
    """The line of a reader error's position: libyaml counts bytes of the UTF-8 text, pure Python characters."""
    if _CParser is not None and issubclass(_Loader, _CParser):
        return text.encode("utf-8")[:position].count(b"\n") + 1
    return text[:position].count("\n") + 1


def _add(doc: Located, stack: list[list[Any]], value: Any, line: int) -> Path_ | None:
    """Put `value` where the parser is; return its path (None for a key that could not be used)."""
    if not stack:
        doc.data = value
        doc.lines[()] = line
        return ()
    top = stack[-1]
    container, path = top[0], top[1]
    if isinstance(container, list):
        child = (*path, len(container))
        container.append(value)
        doc.lines[child] = line
        return child
    if top[2] is _NO_KEY:  # this value is a key
        if not isinstance(value, str) and value is not None:
            raise YamlSyntaxError("a mapping key must be a plain word, not a list or mapping", line)
        key = "" if value is None else value
        top[2], top[3] = key, line
        return None
    key, key_line = top[2], top[3]
    top[2] = _NO_KEY
    child = (*path, key)
    if key in container:
        earlier = doc.repeated_at.get(child)
        again = f", again at line {earlier}" if earlier else ""
        doc.repeated_at[child] = key_line
        problem = (child, f"duplicate key '{key}' (first at line {doc.lines[child]}{again})")
        doc.problems.append(problem)
        doc.problem_lines[problem] = key_line
        child = (*path, f"{key} (duplicate)")
    else:
        container[key] = value
        doc.lines[child] = key_line
    return child


def dump(data: Any) -> str:
    """YAML for people: keys in the given order, Unicode as typed, strings quoted when YAML would misread them."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
