"""The sheet as an HTML page: parsed with the standard library's parser and checked element by element (a
checkbox, whom to ask and the minutes for every question, the notes areas, the research notes first, the
closing question, the backups), self-contained, compact, and typed text that stays text."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from builders import make_profile, sheet_fields
from test_render import BANK, EVIL_COMPANY, EVIL_NAME, EVIL_NOTE, EVIL_QUESTION, EVIL_ROLE, evil_fields

from revint_cli.render import markdown as render
from revint_cli.render import sheet as render_sheet
from revint_cli.render import words
from revint_cli.render import html as render_html
from revint_cli.formats.cheatsheet import Item, Sheet
from revint_cli.planning.tailor import plan
from revint_cli.untrusted import strip

VOID = {"meta", "input", "br", "img", "hr", "link"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Any] = field(default_factory=list)  # Node or str

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self) -> list[Node]:
        found = [self]
        for child in self.children:
            if isinstance(child, Node):
                found += child.walk()
        return found

    def find(self, tag: str = "", cls: str = "") -> list[Node]:
        """Every element below (and including) this one with this tag and class."""
        return [n for n in self.walk() if (not tag or n.tag == tag) and (not cls or cls in n.classes())]

    def one(self, tag: str = "", cls: str = "") -> Node:
        found = self.find(tag, cls)
        assert len(found) == 1, (tag, cls, len(found))
        return found[0]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Tree(HTMLParser):
    """A strict tree builder: every element must be closed, in order (the page is written, not guessed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.declarations: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_decl(self, decl: str) -> None:
        self.declarations.append(decl)


def parse(page: str) -> Node:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert [n.tag for n in tree.stack] == ["#document"], "unclosed elements"
    assert tree.declarations == ["DOCTYPE html"]
    return tree.root


def fold(text: str) -> str:
    return " ".join(strip(text).split())


def page_of(profile_fields: dict[str, Any], *, compact: bool = False) -> tuple[Sheet, Node, str]:
    sheet = plan(BANK, make_profile(**profile_fields))
    page = render_html.html(sheet, compact=compact)
    return sheet, parse(page), page


def article_of(root: Node, item: Item) -> Node:
    return next(a for a in root.find("article") if a.attrs["data-id"] == item.id)


def who(sheet: Sheet, item: Item) -> str:
    return f"ask {item.ask.label()}" if item.ask else (words.reach(item.reach) if item.reach else "")


# ----- structure ---------------------------------------------------------------------------------------


def test_one_checkbox_per_question_with_whom_to_ask_and_the_minutes() -> None:
    sheet, root, _ = page_of(sheet_fields())
    articles = root.find("article", "question")
    items = [*sheet.questions, *sheet.backup]
    assert [a.attrs["data-id"] for a in articles] == [i.id for i in items]
    for article, item in zip(articles, items, strict=True):
        box = article.one("input")
        assert box.attrs["type"] == "checkbox"
        assert article.one("label").attrs["for"] == box.attrs["id"]
        assert fold(article.one("label").text()) == fold(item.text)
        assert article.one("span", "minutes").text() == f"~{item.minutes} min"
        assert article.one("span", "who").text() == who(sheet, item)
    assert len({a.one("input").attrs["id"] for a in articles}) == len(articles)


def test_every_planned_question_has_its_details_and_a_notes_area() -> None:
    sheet, root, _ = page_of(sheet_fields())
    for item in sheet.questions:
        article = article_of(root, item)
        assert len(article.find("div", "notes")) == 1
        if item.source == "bank":
            assert fold(article.one("p", "why").text()) == "Why ask: " + fold(item.why)
            assert [fold(li.text()) for li in article.one("div", "follow-ups").find("li")] == item.follow_ups
            signals = article.one("div", "signals").find("li")
            assert [li.attrs["class"] for li in signals] == ["green"] * len(item.listen_for.green) + ["red"] * len(
                item.listen_for.red
            )
    assert len(root.find("div", "notes")) == len(sheet.questions) + 1  # and one for everything else
    assert "Other notes" in root.one("section", "more-notes").text()


def test_sections_in_order_research_first_closing_then_backups() -> None:
    sheet, root, _ = page_of(sheet_fields())
    sections = root.find("section")
    kinds = [s.attrs["class"] for s in sections]
    assert kinds[0] == "research"
    assert kinds[-3:] == ["closing", "backup", "more-notes"]
    themes = [s.attrs["data-theme"] for s in sections if s.attrs["class"] == "theme"]
    assert themes == [t for t in sheet.theme_order() if t != "next-steps"]
    research = sections[0]
    assert [fold(d.text()) for d in research.find("dd")] == [fold(n) for n in sheet.research.values()]
    assert [d.text() for d in research.find("dt")] == [sheet.title(t) for t in sheet.research]
    closing = root.one("section", "closing").find("article")
    assert [a.attrs["data-id"] for a in closing] == [i.id for i in sheet.closing()]
    backup = root.one("section", "backup").find("article")
    assert [a.attrs["data-id"] for a in backup] == [i.id for i in sheet.backup]
    assert all("brief" in a.classes() for a in backup)
    assert not any(a.find("div", "notes") for a in backup)


def test_the_head_holds_the_facts() -> None:
    sheet, root, _ = page_of(sheet_fields())
    assert fold(root.one("title").text()) == "Reverse interview: Backend Engineer at Initech"
    facts = fold(root.one("p", "facts").text())
    assert facts == (
        "Date: 2026-12-01 · Stage: final · Format: phone · With: Ana (manager), the peer · "
        f"Time: {sheet.planned_minutes} of 14 minutes planned"
    )


def test_a_sheet_without_research_closing_or_backups_leaves_their_sections_out() -> None:
    sheet = plan(BANK, make_profile(**sheet_fields(research={}, custom_questions=[], minutes=60)))
    sheet = sheet.model_copy(
        update={"backup": [], "questions": [q for q in sheet.questions if q.theme != "next-steps"]}
    )
    kinds = [s.attrs["class"] for s in parse(render_html.html(sheet)).find("section")]
    assert "research" not in kinds
    assert "closing" not in kinds
    assert "backup" not in kinds


def test_compact_keeps_whom_to_ask_the_minutes_and_one_follow_up() -> None:
    sheet, root, _ = page_of(sheet_fields(), compact=True)
    assert root.one("body").attrs["class"] == "compact"
    for item in sheet.questions:
        article = article_of(root, item)
        follow = [fold(p.text()) for p in article.find("p", "follow-up")]
        assert follow == [f"↳ {f}" for f in item.follow_ups[:1]]
        assert article.one("span", "who").text() == who(sheet, item)
        assert not article.find("p", "why")
        assert not article.find("div", "signals")
        assert not article.find("div", "follow-ups")
        assert not article.find("div", "notes")
    assert not root.find("p", "tip")
    assert not root.find("section", "more-notes")
    assert root.find("section", "research")
    assert root.find("section", "backup")


def test_the_page_is_self_contained() -> None:
    _, root, page = page_of(sheet_fields())
    assert not root.find("script")
    assert not root.find("link")
    assert not root.find("img")
    assert not re.search(r"https?:|@import|url\(|@font-face", page)
    style = root.one("style").text()
    assert "@media print" in style
    assert "@page" in style
    assert "break-inside: avoid" in style
    assert root.one("html").attrs["lang"] == "en"
    assert root.find("meta")[0].attrs == {"charset": "utf-8"}


def test_the_same_sheet_gives_the_same_page() -> None:
    sheet = plan(BANK, make_profile(**sheet_fields()))
    assert render_html.html(sheet) == render_html.html(Sheet.model_validate_json(sheet.to_json()))
    assert render_sheet(sheet, "html", compact=True) == render_html.html(sheet, compact=True)


# ----- the compact markdown ------------------------------------------------------------------------------


def test_compact_markdown_has_one_follow_up_and_no_details() -> None:
    sheet = plan(BANK, make_profile(**sheet_fields()))
    text = render.markdown(sheet, compact=True)
    assert "*Why ask:*" not in text
    assert "*Notes:*" not in text
    assert "Listen for" not in text
    for item in sheet.questions:
        assert f"{render.md_escape(item.text)} (~{item.minutes} min)" in text
    follow_ups = [line for line in text.splitlines() if line.startswith("  - ↳ ")]
    assert follow_ups == [f"  - ↳ {render.md_escape(i.follow_ups[0])}" for i in sheet.questions if i.follow_ups]
    assert len(text.splitlines()) < len(render.markdown(sheet).splitlines()) / 2


# ----- what the candidate types stays literal --------------------------------------------------------------


def tags(root: Node) -> list[tuple[str, str]]:
    return [(n.tag, n.attrs.get("class", "")) for n in root.walk()]


@pytest.mark.parametrize("compact", [False, True], ids=["full", "compact"])
def test_typed_text_cannot_change_the_structure(compact: bool) -> None:
    from test_render import plain_fields

    _, evil, evil_page = page_of(evil_fields(), compact=compact)
    _, plain, _ = page_of(plain_fields(), compact=compact)
    assert tags(evil) == tags(plain)
    assert "<script>" not in evil_page
    assert "<img" not in evil_page
    assert "<b>Co" not in evil_page


def test_typed_text_survives_literally() -> None:
    sheet, root, page = page_of(evil_fields())
    assert fold(root.one("h1").text()) == fold(f"Reverse interview: {EVIL_ROLE} at {EVIL_COMPANY}")
    assert fold(root.one("title").text()) == fold(f"Reverse interview: {EVIL_ROLE} at {EVIL_COMPANY}")
    assert f"{EVIL_NAME} (manager)" in root.one("p", "facts").text()
    assert fold(EVIL_NOTE) in [fold(d.text()) for d in root.find("dd")]
    labels = [fold(label.text()) for label in root.find("label")]
    assert fold(EVIL_QUESTION) in labels


def test_control_and_bidi_characters_never_reach_the_page() -> None:
    fields = sheet_fields(
        company="Evil\x1b[31m Corp\u202e",
        interviewers=[{"name": "Bob\x07", "role": "manager"}],
        research={"alpha": "note\x1b]0;title\x07 here"},
        custom_questions=[{"text": "What \u2066happens\u2069 here?", "theme": "alpha", "minutes": 2}],
    )
    _, root, page = page_of(fields)
    assert page == strip(page)
    assert "Evil[31m Corp" in root.one("h1").text()


def test_an_id_or_a_theme_cannot_leave_its_attribute() -> None:
    sheet = plan(BANK, make_profile(**sheet_fields()))
    item = sheet.questions[0].model_copy(update={"id": 'x" onclick="alert(1)'})
    hostile = sheet.model_copy(update={"questions": [item, *sheet.questions[1:]]})
    root = parse(render_html.html(hostile))
    first = root.find("article")[0]
    assert first.attrs["data-id"] == 'x" onclick="alert(1)'
    assert not any(k.startswith("on") for n in root.walk() for k in n.attrs)


def test_only_html_loads_the_html_renderer(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom revint_cli.cli import run\n"
        "code = run(sys.argv[1:])\nprint('LOADED', 'revint_cli.render.html' in sys.modules, file=sys.stderr)\n"
    )
    example = str(Path(__file__).resolve().parents[1] / "examples" / "acme-backend.yaml")
    for fmt, loaded in (("md", False), ("json", False), ("html", True)):
        done = subprocess.run(
            [sys.executable, "-c", probe, "prep", "-a", example, "-f", fmt, "-o", "-"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert f"LOADED {loaded}" in done.stderr
