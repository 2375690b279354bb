"""The cheat sheet: its markdown structure as a markdown parser sees it, text typed by the candidate kept
literal, and the `revint.sheet/1` JSON contract."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from support_examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from builders import closing, make_bank, make_profile, question, sheet_fields
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from revint_cli.formats.reasons import Warning
from revint_cli.render import markdown as render
from revint_cli.render import words
from revint_cli.formats.profile import Profile
from revint_cli.formats.cheatsheet import Sheet
from revint_cli.planning.tailor import plan
from revint_cli.untrusted import strip

BANK = make_bank([question(f"{t}-{n}", t) for t in ("alpha", "beta", "gamma") for n in (1, 2, 3)] + [closing()])
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])

# Markup that only the candidate's text could bring in: the sheet's own text never uses it.
FOREIGN = {
    "html_inline",
    "html_block",
    "link_open",
    "image",
    "code_inline",
    "code_block",
    "fence",
    "s_open",
    "table_open",
}


def sheet(profile: Profile) -> tuple[Sheet, str]:
    the_plan = plan(BANK, profile)
    return the_plan, render.markdown(the_plan)


def text_of(node: SyntaxTreeNode | Token) -> str:
    """The text a reader sees in an inline token (escapes resolved, entities decoded)."""
    if isinstance(node, SyntaxTreeNode):
        inline = next(n for n in node.walk() if n.type == "inline")
        assert inline.token is not None
        return text_of(inline.token)
    token = node
    assert token.type == "inline"
    out = []
    for child in token.children or []:
        if child.type in ("text", "text_special", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(tok.tag, text_of(tokens[i + 1])) for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def sections(root: SyntaxTreeNode) -> dict[str, list[SyntaxTreeNode]]:
    """The top-level blocks under each h2, by the heading's text."""
    out: dict[str, list[SyntaxTreeNode]] = {}
    current: list[SyntaxTreeNode] | None = None
    for node in root.children:
        if node.type == "heading" and node.tag == "h2":
            current = out.setdefault(text_of(node), [])
        elif current is not None:
            current.append(node)
    return out


def task_items(blocks: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    lists = [b for b in blocks if b.type == "bullet_list"]
    assert len(lists) == 1
    return lists[0].children


def item_line(item: SyntaxTreeNode) -> str:
    return text_of(item.children[0])


def sublist(item: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    nested = [c for c in item.children if c.type == "bullet_list"]
    return nested[0].children if nested else []


THEME_HEADINGS = {"Alpha": "alpha", "Beta": "beta", "Gamma": "gamma", "Before you leave: next steps": "next-steps"}


# ----- structure ---------------------------------------------------------------------------------------


def test_headings_in_order_with_who_to_ask() -> None:
    the_plan, text = sheet(make_profile(**sheet_fields()))
    found = headings(MD.parse(text))
    assert found[0] == ("h1", "Reverse interview: Backend Engineer at Initech")
    assert [tag for tag, _ in found[1:]] == ["h2"] * (len(found) - 1)
    titles = [title for _, title in found[1:]]
    assert titles[0].startswith("Alpha · ask ")
    assert "Ana (manager)" in titles[0] or "the peer" in titles[0]
    assert any("Ana (manager)" in t for t in titles)
    assert any("the peer" in t for t in titles)
    assert titles[1].startswith("Beta")
    assert titles[-2].startswith("Before you leave: next steps")
    assert titles[-1] == "If time allows"
    assert [t.split(" · ")[0] for t in titles[:-2]] == ["Alpha", "Beta", "Gamma"][: len(titles) - 2]
    assert len(the_plan.backup) > 0


def test_facts_line() -> None:
    the_plan, text = sheet(make_profile(**sheet_fields()))
    root = SyntaxTreeNode(MD.parse(text))
    facts = text_of(root.children[1])
    for part in ("2026-12-01", "final", "phone", "Ana (manager)", "peer", f"{the_plan.planned_minutes} of 14 minutes"):
        assert part in facts


def test_each_question_is_a_task_item_with_nested_details() -> None:
    the_plan, text = sheet(make_profile(**sheet_fields()))
    by_heading = sections(SyntaxTreeNode(MD.parse(text)))
    for title, blocks in by_heading.items():
        if title == "If time allows" or title == "Also from your research":
            continue
        theme = next(t for prefix, t in THEME_HEADINGS.items() if title.startswith(prefix))
        expected = the_plan.in_theme(theme)
        items = task_items(blocks)
        assert len(items) == len(expected)
        for node, planned in zip(items, expected, strict=True):
            line = item_line(node)
            assert line.startswith(f"[ ] {planned.text} (~{planned.minutes} min)")
            details = {item_line(sub).split(":")[0]: sub for sub in sublist(node)}
            assert "Notes" in details
            if planned.source == "bank":
                assert [item_line(f) for f in sublist(details["Follow-ups"])] == list(planned.follow_ups)
                signals = [item_line(s) for s in sublist(details["Listen for"])]
                green, red = planned.listen_for.green, planned.listen_for.red
                assert signals == [f"🟢 {g}" for g in green] + [f"🔴 {r}" for r in red]
                assert item_line(details["Why ask"]) == f"Why ask: {planned.why}"


def test_research_note_heads_its_theme() -> None:
    _, text = sheet(make_profile(**sheet_fields()))
    blocks = next(b for title, b in sections(SyntaxTreeNode(MD.parse(text))).items() if title.startswith("Alpha"))
    assert blocks[0].type == "blockquote"
    assert text_of(blocks[0]) == "You found: They run blameless postmortems"


def test_closing_after_the_themes_and_backups_last() -> None:
    the_plan, text = sheet(make_profile(**sheet_fields()))
    titles = list(sections(SyntaxTreeNode(MD.parse(text))))
    assert titles.index("If time allows") == len(titles) - 1
    closing_at = next(i for i, t in enumerate(titles) if t.startswith("Before you leave"))
    assert closing_at == len(titles) - 2
    backups = task_items(sections(SyntaxTreeNode(MD.parse(text)))["If time allows"])
    assert [item_line(b).split(" (~")[0] for b in backups] == [f"[ ] {b.text}" for b in the_plan.backup]


def test_no_backup_section_when_nothing_is_left() -> None:
    the_plan, text = sheet(
        make_profile(**sheet_fields(minutes=120, priorities=["alpha", "beta", "gamma"], custom_questions=[]))
    )
    assert the_plan.backup == []
    titles = [t for _, t in headings(MD.parse(text))]
    assert "If time allows" not in titles
    assert titles[-1].startswith("Before you leave")


def test_warning_of_a_custom_question_stays_off_the_printed_sheet() -> None:
    """The warning is for the candidate before the interview (terminal summary, JSON), not for the
    sheet they take into the room."""
    custom = [{"text": "Is there a gym?", "theme": "alpha", "minutes": 2}]
    the_plan, text = sheet(make_profile(**sheet_fields(custom_questions=custom)))
    alpha = next(b for t, b in sections(SyntaxTreeNode(MD.parse(text))).items() if t.startswith("Alpha"))
    first = task_items(alpha)[0]
    assert item_line(first).startswith("[ ] Is there a gym? (~2 min)")
    assert not any("yes/no" in item_line(sub) for sub in sublist(first))
    assert "yes/no" not in text
    assert the_plan.questions[0].warnings == [Warning(code="closed-question")]
    assert any("yes/no" in words.warning(w) for w in the_plan.questions[0].warnings)


# ----- what the candidate types stays literal ------------------------------------------------------------

EVIL_COMPANY = "A|B # <b>Co</b>"
EVIL_ROLE = "*bold* [link](http://x) `code` ~~gone~~ &copy; _u_ \\"
EVIL_NOTE = (
    "line one\n- not a list\n# not a heading\n1. not ordered\n```\nnot a fence\n<script>alert(1)</script> <!-- c -->"
)
EVIL_NAME = "<img src=x onerror=alert(1)> **Bob**"
EVIL_QUESTION = "> quote? | a | b |\n|---|---| `x` [y](z) <u>u</u>?"


def evil_fields(**extra: Any) -> dict[str, Any]:
    fields = dict(
        company=EVIL_COMPANY,
        role=EVIL_ROLE,
        interviewers=[{"name": EVIL_NAME, "role": "manager"}, {"role": "peer"}],
        research={"alpha": EVIL_NOTE, "gamma": "- # 1. `x` <i>y</i>"},
        custom_questions=[{"text": EVIL_QUESTION, "theme": "beta", "minutes": 2}],
    )
    fields.update(extra)
    return sheet_fields(**fields)


def plain_fields() -> dict[str, Any]:
    return sheet_fields(
        company="Company",
        role="Role",
        interviewers=[{"name": "Bob", "role": "manager"}, {"role": "peer"}],
        research={"alpha": "A plain note", "gamma": "Another note"},
        custom_questions=[{"text": "What would you change about beta first?", "theme": "beta", "minutes": 2}],
    )


def shape(tokens: list[Token]) -> list[tuple[str, str, int]]:
    return [(t.type, t.tag, t.level) for t in tokens]


def inline_types(tokens: list[Token]) -> Counter[str]:
    return Counter(c.type for t in tokens for c in (t.children or []) if c.type not in ("text", "text_special"))


def test_typed_text_cannot_change_the_structure() -> None:
    evil_plan, evil = sheet(make_profile(**evil_fields()))
    plain_plan, plain = sheet(make_profile(**plain_fields()))
    # the same number of questions per theme (which ones may differ: ties are shuffled per company and role)
    assert themes_of(evil_plan) == themes_of(plain_plan)
    evil_tokens, plain_tokens = MD.parse(evil), MD.parse(plain)
    assert shape(evil_tokens) == shape(plain_tokens)
    assert [tag for tag, _ in headings(evil_tokens)] == [tag for tag, _ in headings(plain_tokens)]
    assert inline_types(evil_tokens) == inline_types(plain_tokens)
    found = {t.type for t in evil_tokens} | {c.type for t in evil_tokens for c in (t.children or [])}
    assert not found & FOREIGN


def themes_of(p: Sheet) -> list[str]:
    return [i.theme for i in p.questions]


def test_typed_text_survives_literally() -> None:
    _, text = sheet(make_profile(**evil_fields()))
    tokens = MD.parse(text)
    root = SyntaxTreeNode(tokens)
    assert headings(tokens)[0] == ("h1", f"Reverse interview: {EVIL_ROLE} at {EVIL_COMPANY}")
    assert f"{EVIL_NAME} (manager)" in text_of(root.children[1])
    by_heading = sections(root)
    alpha = next(b for t, b in by_heading.items() if t.startswith("Alpha"))
    assert f"{EVIL_NAME} (manager)" in next(t for t in by_heading if t.startswith("Alpha"))
    # a note is folded onto one line, its words and symbols all kept
    assert text_of(alpha[0]) == "You found: " + " ".join(EVIL_NOTE.split())
    beta = next(b for t, b in by_heading.items() if t.startswith("Beta"))
    assert item_line(task_items(beta)[0]).startswith("[ ] " + " ".join(EVIL_QUESTION.split()) + " (~2 min)")
    research = by_heading["Also from your research"]
    assert item_line(task_items(research)[0]) == "Gamma: - # 1. `x` <i>y</i>"


@pytest.mark.parametrize("prefix", ["- ", "+ ", "* ", "# ", "1. ", "2) ", "> ", "= ", "    ", "[ ] ", "***", "---"])
def test_a_line_start_in_a_question_stays_text(prefix: str) -> None:
    custom = [{"text": f"{prefix}What happens?", "theme": "alpha", "minutes": 2}]
    _, text = sheet(make_profile(**sheet_fields(custom_questions=custom)))
    tokens = MD.parse(text)
    alpha = next(b for t, b in sections(SyntaxTreeNode(tokens)).items() if t.startswith("Alpha"))
    first = task_items(alpha)[0]  # the custom question comes first in its theme
    assert item_line(first).split(" · ask ")[0] == f"[ ] {' '.join((prefix + 'What happens?').split())} (~2 min)"


def test_md_escape_is_one_line() -> None:
    assert "\n" not in render.md_escape("a\r\nb\u2028c\n\n- d")


def test_an_ordered_marker_in_a_title_leaves_no_backslash() -> None:
    _, text = sheet(make_profile(**sheet_fields(company="1.FC Köln", role="2) Trainer")))
    assert headings(MD.parse(text))[0] == ("h1", "Reverse interview: 2) Trainer at 1.FC Köln")


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("-+*#>=|`_~&<![]()\\{}1.:"),
        max_size=40,
    )
)
def test_md_escape_any_text_is_literal(typed: str) -> None:
    """Whatever is typed, in a task item it stays one item whose text reads as typed (whitespace folded)."""
    tokens = MD.parse(f"- [ ] {render.md_escape(typed)} (~3 min)\n")
    assert [t.type for t in tokens] == [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "list_item_close",
        "bullet_list_close",
    ]
    assert {c.type for c in tokens[3].children or []} <= {"text", "text_special"}
    # control and bidi characters are dropped: a sheet printed with cat cannot move the cursor or reverse text
    assert text_of(tokens[3]) == f"[ ] {' '.join(strip(typed).split())} (~3 min)"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Ö&Zn", "Ö&Zn"),  # an ampersand that starts no entity stays as typed
        ("Fund (EUR 30m)", "Fund (EUR 30m)"),  # parentheses alone make no link
        ("1.FC Köln", "1.FC Köln"),  # no space after the dot: no list
        ("snake_case id", "snake_case id"),  # an underscore inside a word is no emphasis
        ("1. Rang", "1\\. Rang"),  # an ordered list marker, escaped at its dot
        ("2) Trainer", "2\\) Trainer"),
        ("- x", "\\- x"),  # a bullet
        ("# x", "\\# x"),  # a heading
        ("> x", "\\> x"),  # a quote
        ("*x* [y] `z` <b> a|b ~~s~~", "\\*x\\* \\[y\\] \\`z\\` \\<b> a\\|b \\~\\~s\\~\\~"),
        ("&copy; _u_", "\\&copy; \\_u\\_"),
        ("a\x1b[2Jb\u202ec", "a\\[2Jbc"),  # control and bidi characters dropped
        ("one\ntwo\tthree", "one two three"),
    ],
)
def test_md_escape_escapes_only_what_would_change_the_document(typed: str, written: str) -> None:
    assert render.md_escape(typed) == written
    tokens = MD.parse(f"- [ ] {written}\n")
    assert text_of(tokens[3]) == "[ ] " + " ".join(strip(typed).split())


def test_the_sheet_file_holds_no_control_or_bidi_character() -> None:
    fields = sheet_fields(
        company="Evil\x1b[31m Corp\u202e",
        interviewers=[{"name": "Bob\x07", "role": "manager"}],
        research={"alpha": "note\x1b]0;title\x07 here"},
        custom_questions=[{"text": "What \u2066happens\u2069 here?", "theme": "alpha", "minutes": 2}],
    )
    _, text = sheet(make_profile(**fields))
    assert text == strip(text)
    assert "Evil\\[31m Corp" in text
