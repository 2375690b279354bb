"""Property tests: whatever an answers file holds, revint fails only with a clear message; whatever the
candidate types, the sheet keeps its heading structure."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest
from support_examples import examples
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import gather_profile, sheet_and_text
from revint_cli import answers, vocab
from revint_cli import questionbank as bank_mod
from revint_cli.errors import RevintError
from revint_cli.formats.profile import Profile
from revint_cli.untrusted import strip
from revint_cli.vocab import CLOSING_THEME
from revint_cli.wizard.candidate import ASKED_KEYS
from support_sessions import EXAMPLES, headings

BANK = bank_mod.load([])
THEMES = list(BANK.themes)
EXAMPLE = (EXAMPLES / "acme-backend.yaml").read_text(encoding="utf-8")
KEYS = [*ASKED_KEYS, "version", "skip_themes", "name", "theme", "text", "role_familly", ""]

SETTINGS = settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# ----- any text as an answers file -------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from([*THEMES, "NO", "1.10", "2026-12-01", "2026-02-30", "manager", "final", "~", "null", "-"]),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=6),
    ),
    max_leaves=25,
)
profiles_ish = st.dictionaries(st.sampled_from(KEYS), values, max_size=12)


@st.composite
def mutated_example(draw: st.DrawFn) -> str:
    """The shipped example with a few characters inserted, deleted or replaced."""
    text = EXAMPLE
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.text(alphabet=string.printable + "&*!|>%@`'\"\t\x00é🚀\u2028", min_size=1, max_size=4))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + len(piece) :]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    return text


def _yaml(data: Any) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return repr(data)


answers_texts = st.one_of(
    st.text(max_size=300),
    profiles_ish.map(_yaml),
    st.fixed_dictionaries({"company": st.text(max_size=20), "role": st.text(max_size=20)}, optional={}).flatmap(
        lambda base: profiles_ish.map(lambda extra: _yaml({**base, **extra}))
    ),
    mutated_example(),
)


@pytest.fixture
def fast_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every in-process run uses the bank loaded once (loading it is most of a run's time)."""
    monkeypatch.setattr("revint_cli.cli.base.load_bank", lambda: BANK)


@pytest.mark.usefixtures("fast_bank")
@SETTINGS
@given(content=st.one_of(answers_texts, st.binary(max_size=200).map(lambda b: b)))
def test_any_answers_file_is_a_sheet_or_one_clear_error(cli, tmp_path: Path, monkeypatch, content: str | bytes) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "answers.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")

    code, out, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])

    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith(str(path)), err  # the message names the file
        assert out == ""
    else:
        assert headings(out)[0][0] == "h1"


@SETTINGS
@given(content=answers_texts)
def test_gather_raises_only_revint_errors(tmp_path_factory: pytest.TempPathFactory, content: str) -> None:
    path = tmp_path_factory.mktemp("answers") / "answers.yaml"
    path.write_text(content, encoding="utf-8", newline="")
    failure: RevintError | None = None
    try:
        profile, _ = gather_profile(BANK, answers.Options(answers=path, no_input=True))
    except RevintError as err:  # anything else fails the test
        failure = err
    if failure is not None:
        assert failure.code == 2
        assert failure.message.startswith(str(path))
        return
    sheet_and_text(BANK, profile, "md")
    sheet_and_text(BANK, profile, "json")


# ----- arbitrary strings keep the sheet's structure ----------------------------------------------------------

# Pieces that mean something in markdown, so that text which breaks the sheet is likely to be tried.
MARKUP = [
    "#",
    "## ",
    "\n",
    "\n\n",
    "\r\n",
    "===",
    "---",
    "- ",
    "* ",
    "+ ",
    "> ",
    "1. ",
    "2) ",
    "`",
    "```",
    "*",
    "_",
    "~~",
]
MARKUP += ["[", "](", ")", "<h1>", "</h1>", "<!--", "|", "\\", "&amp;", "&#35;", "    ", "\t", "\u2028", "\x00"]
MARKUP += ["Zoë", "Việt", "שלום", "🚀", "👩‍💻", "a", " "]
marked_text = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=3)), max_size=25).map("".join)
any_text = st.one_of(st.text(), marked_text)
lines = any_text.map(lambda s: s[:200]).filter(lambda s: s.strip())
notes = any_text.map(lambda s: s[:300])


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    priorities = draw(st.lists(st.sampled_from(THEMES), unique=True, max_size=4))
    skip = draw(st.lists(st.sampled_from([t for t in THEMES if t not in priorities]), unique=True, max_size=2))
    data: dict[str, Any] = {
        "company": draw(lines),
        "role": draw(lines),
        "stage": draw(st.sampled_from(vocab.STAGES)),
        "work_mode": draw(st.sampled_from(vocab.WORK_MODES)),
        "minutes": draw(st.integers(5, 60)),
        "priorities": priorities,
        "skip_themes": skip,
        "interviewers": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"role": st.sampled_from(vocab.AUDIENCES)}, optional={"name": lines.map(lambda s: s[:200])}
                ),
                max_size=2,
            )
        ),
        "research": draw(st.dictionaries(st.sampled_from(THEMES), notes, max_size=4)),
        "custom_questions": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "text": any_text.map(lambda s: s[:300]).filter(lambda s: s.strip()),
                        "theme": st.sampled_from(THEMES),
                        "minutes": st.integers(1, 10),
                    }
                ),
                max_size=3,
            )
        ),
    }
    return Profile.model_validate(data)


@SETTINGS
@given(profile=profiles())
def test_any_typed_text_keeps_the_heading_structure(profile: Profile) -> None:
    sheet, text = sheet_and_text(BANK, profile, "md")

    order = sheet.theme_order()
    expected = [BANK.themes[t].title for t in order if t != CLOSING_THEME]
    if any(t not in order for t in sheet.research):
        expected.append("Also from your research")
    if sheet.uncovered:
        expected.append("Not covered on this sheet")
    if sheet.closing():
        expected.append("Before you leave: next steps")
    if sheet.backup:
        expected.append("If time allows")

    found = headings(text)
    assert [tag for tag, _ in found] == ["h1"] + ["h2"] * len(expected)
    for (_, heading), title in zip(found[1:], expected, strict=True):
        assert heading == title or heading.startswith(f"{title} · ask "), (heading, title)
    # ... and the title reads as typed, line breaks and runs of spaces folded to one space.
    assert found[0][1] == f"Reverse interview: {fold(profile.role)} at {fold(profile.company)}".strip()


def fold(text: str) -> str:
    return " ".join(strip(text).split())  # control and bidi characters are dropped from files
