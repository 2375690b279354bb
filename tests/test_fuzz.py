"""Fuzzing every kind of file revint reads: answers files, debriefs, a session's kept files, banks and the
bank cache. Whatever a file holds, revint does its work (exit 0) or stops with a clear message naming the
file (exit 2): never an unexpected error (exit 3), never a traceback, never a hang.

Each file is a valid example damaged a few times over: keys dropped, renamed or added, values of the wrong
type, odd unicode, huge numbers, nested junk, then bytes that break the YAML or its UTF-8. Every run is
in-process and bounded: a fixed number of examples, drawn the same way on every run (`derandomize`), and an
alarm that fails an example still running after EXAMPLE_SECONDS.
"""

from __future__ import annotations

import copy
import json
import shutil
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from support_examples import examples
from hypothesis import HealthCheck, event, given, settings
from hypothesis.control import currently_in_test_context
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SESSION = "acme-corp-senior-backend-engineer"
OTHER = "globex-staff-platform-engineer"
EXAMPLE_SECONDS = 10  # one run takes well under a second: this long is a hang


def fuzz(count: int) -> settings:
    """Bounded and the same on every run (`derandomize`): the full `count` in CI, a fifth of it (at least
    10) in a developer's default run (`support_examples`), the first examples of CI's."""
    return settings(
        max_examples=examples(count),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


class Hang(BaseException):
    """Not an Exception, so that revint's one catch-all (an unexpected error, exit 3) lets it through."""


@contextmanager
def no_hang(seconds: float = EXAMPLE_SECONDS) -> Iterator[None]:
    """Fail what is still running after `seconds` (a timer, so that a hang is a failed example)."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


Cli = Callable[[Sequence[str]], Any]


def run(cli: Cli, argv: Sequence[str]) -> tuple[int, str, str]:
    with no_hang():
        code, out, err = cli(argv)
    if currently_in_test_context():  # how often each command succeeds: pytest --hypothesis-show-statistics
        event(f"{next(a for a in argv if not a.startswith('-') and '/' not in a)} exit {code}")
    assert code in (0, 2), f"exit {code}: {err}"
    assert "Traceback" not in err, err
    assert "unexpected error" not in err, err
    return code, out, err


def clear_error(err: str, *names: str) -> list[str]:
    """The lines of an exit-2 message: one problem per line, each naming the file (any of `names`) and the
    place; several problems end with their count."""
    lines = err.splitlines()
    assert lines, "exit 2 without a message"
    assert all(line.strip() for line in lines), err
    problems = lines
    if len(lines) > 1:
        assert lines[-1].endswith(" problems"), err
        problems = [line for line in lines[:-1] if not line.startswith("... and ")]
    for line in problems:
        assert any(name in line for name in names), f"{names} not named in: {err}"
    return lines


# ----- damaging a valid document ----------------------------------------------------------------------------

ODD_TEXT = [
    "²",
    "½",
    "٣",  # an Arabic-Indic digit
    "1e999",
    "-0",
    "0x1F",
    "1_000",
    "NaN",
    ".inf",
    "NO",
    "~",
    "null",
    "",
    " ",
    "\t",
    "\u2028",
    "\u200b",
    "\u202e",  # right-to-left override
    "\x00",
    "\x1b[31m",
    "Zoë",
    "株式会社",
    "👩‍💻",
    "e\u0301",
    "2026-02-30",
    "24:00",
    "../../etc/passwd",
    "x" * 5000,
    "%s{0}",
    "- [a]",
    "a: b",
]
junk_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from([0, -1, 1, 99, 100, 2**31, 2**63, -(2**63), 10**30, 10**400]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(ODD_TEXT),
    st.text(max_size=12),
    st.dates(),
)
junk = st.recursive(
    junk_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(ODD_TEXT), st.text(max_size=6)), inner, max_size=4),
    ),
    max_leaves=10,
)


ODD_INTS = [0, 1, -1, 2, 5, 10, 59, 60, 61, 99, 100, 10**6, 2**63, 10**30]


def odd_like(value: Any) -> st.SearchStrategy[Any]:
    """A value of the same kind as `value`: text for text, a number for a number, the other boolean."""
    if isinstance(value, bool):
        return st.just(not value)
    if isinstance(value, int):
        return st.sampled_from(ODD_INTS)
    if isinstance(value, str) and " " in value:  # free text (a name, a note): odd text in it, mostly valid
        return st.one_of(
            st.sampled_from(ODD_TEXT).map(lambda odd: value + odd),
            st.sampled_from(ODD_TEXT).map(lambda odd: odd + " " + value),
            st.text(min_size=1, max_size=20).map(lambda text: f"{value} {text}"),
            st.sampled_from(ODD_TEXT),
        )
    if isinstance(value, str):  # a word of a vocabulary or an id: another word
        return st.one_of(st.sampled_from(ODD_TEXT), st.text(min_size=1, max_size=10), st.just(value.upper()))
    if isinstance(value, list):
        return st.sampled_from([[], value[:1], value[::-1], value * 3])
    return junk


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside `data`."""
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _places(value, (*path, i))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def odd_text_in(draw: st.DrawFn, valid: Any) -> Any:
    """`valid` with odd text in one to three of its free texts (names, notes): a file that often still reads,
    so that the odd text goes on to the sheet, the debrief, the listing."""
    data = copy.deepcopy(valid)
    texts = [path for path in _places(data) if isinstance(_at(data, path), str) and " " in _at(data, path)]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(texts))
        _at(data, path[:-1])[path[-1]] = draw(odd_like(_at(data, path)))
    return data


@st.composite
def damaged_data(draw: st.DrawFn, valid: Any) -> Any:
    """`valid` (parsed YAML or JSON) after one to four damages at places drawn among its values; now and then
    the whole document replaced."""
    data = copy.deepcopy(valid)
    if draw(st.integers(0, 19)) == 0:
        return draw(st.one_of(junk, st.just([data])))
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3, 4]))):
        places = _places(data)
        if not places:
            break
        path = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["odd", "odd", "odd", "drop", "replace", "add", "rename", "repeat", "wrap"]))
        parent, last = _at(data, path[:-1]), path[-1]
        if action == "odd":  # a value of the same kind, odd but often valid
            parent[last] = draw(odd_like(parent[last]))
        elif action == "drop":
            del parent[last]
        elif action == "replace":
            parent[last] = draw(junk)
        elif action == "wrap":
            parent[last] = draw(st.sampled_from([[parent[last]], {"value": parent[last]}]))
        elif action == "repeat" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.one_of(st.sampled_from(ODD_TEXT), st.text(max_size=8)))] = draw(junk)
        elif action == "rename" and isinstance(parent, dict):
            name = str(last)
            new = draw(st.one_of(st.sampled_from([name.upper(), name + "s", name[:-1], f" {name}"]), junk_scalars))
            parent[new] = parent.pop(last)
    return data


def _yaml(data: Any) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    except (yaml.YAMLError, TypeError, ValueError):
        return repr(data)


BROKEN_BYTES = [
    b"\xff",
    b"\xc3",  # the first half of a two-byte character
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\x00",
    b"\xef\xbb\xbf",  # a byte-order mark in the middle
    b"\t",
    b"\r",
    b": ",
    b"- ",
    b"{",
    b"]",
    b"'",
    b'"',
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"? ",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"#",
    b"\n  ",
    b"[" * 40,
]


@st.composite
def damaged_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with a few pieces inserted or written over, or cut short."""
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        piece = draw(
            st.one_of(
                st.sampled_from(BROKEN_BYTES),
                st.text(min_size=1, max_size=3).map(lambda text: text.encode("utf-8", "surrogatepass")),
                st.binary(min_size=1, max_size=3),
            )
        )
        if draw(st.booleans()):
            data = data[:at] + piece + data[at:]
        else:
            data = data[:at] + piece + data[at + len(piece) :]
    if draw(st.integers(0, 5)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


def damaged_file(valid: Any, dump: Callable[[Any], str] = _yaml) -> st.SearchStrategy[bytes]:
    """The bytes of a file made from `valid`: odd text in it, or damaged as data, then written; or damaged as
    bytes."""

    def written(data: Any) -> bytes:
        return dump(data).encode("utf-8", "surrogatepass")

    texts = damaged_data(valid).map(written)
    return st.one_of(
        odd_text_in(valid).map(written),
        texts,
        texts.flatmap(damaged_bytes),
        damaged_bytes(written(valid)),
    )


def load_example(name: str) -> Any:
    return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))


# ----- answers files --------------------------------------------------------------------------------------

ANSWERS = load_example("acme-backend.yaml")


@fuzz(30)
@given(content=damaged_file(ANSWERS))
def test_a_damaged_answers_file_is_a_sheet_or_one_clear_error(cli: Cli, work: Path, content: bytes) -> None:
    path = work / "answers.yaml"
    path.write_bytes(content)
    code, out, err = run(cli, ["prep", "--answers", str(path), "--no-input", "-o", "-"])
    if code == 2:
        clear_error(err, str(path))
        assert out == ""
    else:
        assert out.startswith("# ")


# ----- debriefs --------------------------------------------------------------------------------------------

DEBRIEF = load_example("acme-debrief.yaml")


@pytest.fixture
def sessions(cli: Cli, work: Path, revint_home: Path) -> Path:
    """Two sessions, the first one debriefed; returns the first one's folder."""
    for example in ("acme-backend.yaml", "globex-platform.yaml"):
        assert cli(["prep", "--answers", str(EXAMPLES / example), "--no-input"]).code == 0
    for session, example in ((SESSION, "acme-debrief.yaml"), (OTHER, "globex-debrief.yaml")):
        code, _, err = cli(["debrief", session, "--answers", str(EXAMPLES / example), "--no-input"])
        assert code == 0, err
    return revint_home / "sessions" / SESSION


@fuzz(30)
@given(content=damaged_file(DEBRIEF))
def test_a_damaged_debrief_answers_file_is_saved_or_one_clear_error(
    cli: Cli, work: Path, sessions: Path, content: bytes
) -> None:
    path = work / "debrief.yaml"
    path.write_bytes(content)
    saved = sessions / "debrief-1.yaml"
    before = saved.read_bytes()
    code, _, err = run(cli, ["debrief", SESSION, "--answers", str(path), "--no-input", "--force"])
    if code == 2:
        clear_error(err, str(path))
        assert saved.read_bytes() == before  # the debrief saved before is kept as it was
        return
    code, _, err = run(cli, ["compare", SESSION, OTHER, "--format", "json"])
    assert code == 0, err  # what was saved reads back


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)  # a drawn date or the like, as text


@st.composite
def damaged_kept_file(draw: st.DrawFn, kept: dict[str, bytes]) -> tuple[str, bytes]:
    name = draw(st.sampled_from(["debrief-1.yaml", "profile.yaml", "sheet-1.json"]))
    text = kept[name].decode("utf-8")
    if name.endswith(".json"):
        return name, draw(damaged_file(json.loads(text), _json))
    return name, draw(damaged_file(yaml.safe_load(text)))


def test_a_damaged_kept_file_of_a_session_is_listed_or_one_clear_error(
    cli: Cli, sessions: Path, tmp_path: Path
) -> None:
    """A session's debrief, profile or sheet damaged on disk: `revint sessions` lists the session, as damaged
    or not, beside the other; the commands that read it (compare, sheet, next round) work or stop with one
    clear error."""
    kept = {p.name: p.read_bytes() for p in sessions.iterdir() if p.is_file()}
    before = tmp_path / "sessions-before"
    shutil.copytree(sessions.parent, before)

    @fuzz(15)
    @given(damage=damaged_kept_file(kept))
    def check(damage: tuple[str, bytes]) -> None:
        shutil.rmtree(sessions.parent)  # the sessions as the fixture left them (a next round adds one)
        shutil.copytree(before, sessions.parent)
        name, content = damage
        (sessions / name).write_bytes(content)

        code, out, err = run(cli, ["sessions", "--json"])
        assert code == 0, err
        assert {row["session"] for row in json.loads(out)} == {SESSION, OTHER}
        for argv in (
            ["compare", SESSION, OTHER],
            ["sheet", SESSION, "-o", "-"],
            ["prep", "--next-round", SESSION, "--no-input", "-o", "-"],
        ):
            code, _, err = run(cli, argv)
            if code == 2:
                clear_error(err, name, SESSION)

    check()


# ----- banks ---------------------------------------------------------------------------------------------

BANK = {
    "version": 2,
    "themes": [
        {
            "id": "pets",
            "title": "Pets",
            "summary": "Whether the office is friendly to animals.",
            "core": True,
            "research_prompts": [{"id": "pets-policy", "prompt": "Pets on the careers page?", "where": ["careers"]}],
        }
    ],
    "sectors": [
        {
            "id": "healthcare",
            "title": "Healthcare",
            "decisive_topics": ["pets-dog"],
            "audience_labels": {"manager": "ward manager"},
            "title_words": {"roles": ["nurse"], "employers": ["clinic"]},
        }
    ],
    "questions": [
        {
            "id": "pets-dog",
            "theme": "pets",
            "text": "Can I bring my dog to the office?",
            "why": "Shows whether the office rules fit your life.",
            "minutes": 2,
            "audience": ["peer", "manager"],
            "stages": {"earliest": "interview", "latest": "final"},
            "seniority": ["all"],
            "role_families": ["all"],
            "work_modes": ["onsite", "hybrid"],
            "follow_ups": ["Which dogs are welcome?", "Who decided the rule?"],
            "listen_for": {"green": ["a clear written rule"], "red": ["it depends on who you ask"]},
            "topic": "pets",
            "weight": 4,
            "sectors": ["all"],
            "employers": ["all"],
            "countries": ["NL", "FR"],
        }
    ],
}


@fuzz(30)
@given(content=damaged_file(BANK), layered=st.integers(0, 14))
def test_a_damaged_bank_is_used_or_one_clear_error(cli: Cli, work: Path, content: bytes, layered: int) -> None:
    """Alone (--no-default-bank), and now and then layered over the shipped bank (which takes longer)."""
    path = work / "bank.yaml"
    path.write_bytes(content)
    alone = ["--no-default-bank"] if layered else []
    code, out, err = run(cli, [*alone, "bank", "validate", str(path)])
    if code == 2:
        clear_error(err, str(path))
        assert out == ""
    else:
        assert out.startswith("valid: ")
    themes_code, _, err = run(cli, [*alone, "--bank", str(path), "themes", "--json"])
    assert themes_code == code, err  # a bank that validates is one that loads
    questions_code, _, err = run(cli, [*alone, "--bank", str(path), "questions", "--json"])
    assert questions_code == code, err
    if code == 2:
        clear_error(err, str(path))


# ----- the bank cache ------------------------------------------------------------------------------------


@st.composite
def damaged_cache(draw: st.DrawFn, data: bytes) -> bytes:
    """Bytes written over at random places, cut short, or both."""
    kind = draw(st.sampled_from(["bytes", "bytes", "cut", "both"]))
    out = bytearray(data)
    if kind in ("bytes", "both"):
        for _ in range(draw(st.integers(1, 8))):
            out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
    if kind in ("cut", "both"):
        out = out[: draw(st.integers(0, len(out) - 1))]
    return bytes(out)


def dumped(bank: Any) -> dict[str, Any]:
    return {
        "sources": bank.sources,
        **{
            part: {k: m.model_dump() for k, m in getattr(bank, part).items()}
            for part in ("themes", "questions", "sectors")
        },
    }


def test_a_damaged_cache_file_is_rebuilt(cli: Cli, revint_home: Path) -> None:
    """Whatever happened to the cache file, the next run shows the shipped bank as it is, and writes the
    cache again."""
    from revint_cli.questionbank import load

    expected = run(cli, ["themes", "--json"])[1]
    assert "Autonomy" in expected
    (cached,) = (revint_home / "cache").glob("bank-*.marshal")
    good = cached.read_bytes()
    bank = dumped(load(cache=False))

    @fuzz(15)
    @given(content=damaged_cache(good))
    def check(content: bytes) -> None:
        cached.write_bytes(content)
        code, out, err = run(cli, ["themes", "--json"])
        assert code == 0, err
        assert out == expected
        if content != good:
            assert cached.read_bytes() != content  # written again
        # What the cache holds now, every field of every model (not only what `themes` shows): the damaged
        # file if that run used it, else the one it wrote again.
        with no_hang():
            assert dumped(load()) == bank

    check()
