"""The HTML sheet printed by a real browser: headless Chromium prints the page to PDF on A4 and on Letter, and
pypdf reads the pages back. A 30-minute compact sheet is one page; no question is cut, nor split across pages.

Skipped where Chromium is missing (`apt-get install chromium`; `.ci/run` installs it). About a second a print.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import profile_from_answers

from revint_cli import questionbank as bank_mod
from revint_cli import render
from revint_cli.formats.cheatsheet import Sheet
from revint_cli.planning.tailor import plan

pypdf = pytest.importorskip("pypdf", reason="pypdf reads the printed pages (a test dependency: pip install '.[test]')")

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PROFILES = ["acme-backend", "globex-platform"]
PAPERS = {"A4": (595, 842), "Letter": (612, 792)}  # in points
CHROMIUM = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)
BANK = bank_mod.load()


@pytest.fixture(scope="module")
def chromium() -> str:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run installs it): nothing to print with")
    return CHROMIUM


def sheet_of(example: str, **changes: Any) -> Sheet:
    data = yaml.safe_load((EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    return plan(BANK, profile_from_answers(BANK, data, f"{example}.yaml"))


def printed(chromium: str, page: str, paper: str, folder: Path) -> list[str]:
    """The text of each printed page of `page` on `paper` (the sheet's `@page { size: auto }` set to it, as
    choosing the paper in the print dialog does)."""
    html = folder / f"sheet-{paper}.html"
    html.write_text(page.replace("</style>", f"@page {{ size: {paper}; }}</style>", 1), encoding="utf-8")
    pdf = folder / f"sheet-{paper}.pdf"
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
    command += [f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={pdf}", html.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert pdf.is_file(), done.stderr[-2000:]
    reader = pypdf.PdfReader(pdf)
    width, height = PAPERS[paper]
    for sheet_page in reader.pages:
        assert (round(sheet_page.mediabox.width), round(sheet_page.mediabox.height)) == (width, height)
    return [squeeze(p.extract_text()) for p in reader.pages]


def squeeze(text: str) -> str:
    """Text without ligatures or whitespace: how a line was broken does not matter, a missing word does."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pages_holding(pages: list[str], text: str) -> list[int]:
    return [i for i, content in enumerate(pages) if squeeze(text) in content]


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("example", PROFILES)
def test_a_30_minute_compact_sheet_is_one_page(chromium: str, tmp_path: Path, example: str, paper: str) -> None:
    sheet = sheet_of(example, minutes=30)
    assert sheet.budget_minutes == 30
    pages = printed(chromium, render.sheet(sheet, "html", compact=True), paper, tmp_path)
    assert len(pages) == 1
    for item in sheet.all_items():
        assert pages_holding(pages, item.text) == [0], item.text
    for item in sheet.questions:
        for words in item.follow_ups[:1]:
            assert pages_holding(pages, words) == [0], words
    assert squeeze(sheet.profile.company) in pages[0]


@pytest.mark.parametrize("paper", PAPERS)
def test_no_question_of_a_full_sheet_is_cut_or_split(chromium: str, tmp_path: Path, paper: str) -> None:
    sheet = sheet_of("acme-backend")
    pages = printed(chromium, render.sheet(sheet, "html"), paper, tmp_path)
    assert 1 < len(pages) <= 6
    for item in sheet.all_items():
        assert len(pages_holding(pages, item.text)) == 1, item.text  # whole, on one page
    for item in sheet.questions:
        for words in [*item.follow_ups, *item.listen_for.green, *item.listen_for.red]:
            assert pages_holding(pages, words) == pages_holding(pages, item.text), words
    for note in sheet.research.values():
        assert pages_holding(pages, note) == [0]
