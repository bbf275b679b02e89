"""The plan as other tools see it: pandoc turns the Markdown into HTML and Word without a
warning, and headless Chromium prints the HTML to a PDF that reads well (checked with pypdf).

Chromium is Debian's `chromium` package (.ci/run installs it). The printing tests skip only
when it is missing and CI is not set; in CI they must run.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypandoc
import pytest
from filled_workbook import fill
from pypdf import PdfReader

from workbook.content.loading import load_content
from workbook.plan.export import store_plan
from workbook.plan.model import long_date
from workbook.plan.render import renderer_named

TODAY = dt.date(2026, 12, 2)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Chromium is not installed (Debian: apt-get install chromium)",
)
# Paper sizes in points, and Chromium's names for them.
PAPERS = {"a4": (595, 842), "letter": (612, 792)}


@pytest.fixture
def filled(paths, store):
    """A workbook with every bundled prompt answered, its region chosen: the UK."""
    content = load_content(paths)
    answers = fill(store, content)
    store.set_setting("region", "uk")
    return content, answers


def plan_of(content, store, **choices):
    return store_plan(content, store, TODAY, **choices)


# --- pandoc ------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["html", "docx"])
def test_pandoc_converts_the_markdown_without_a_warning(filled, store, tmp_path, target):
    content, _ = filled
    markdown = renderer_named("markdown").render(plan_of(content, store))
    source = tmp_path / "plan.md"
    source.write_text(markdown, encoding="utf-8")
    result = subprocess.run(
        [pypandoc.get_pandoc_path(), "-s", "-f", "markdown", "-t", target, str(source),
         "-o", str(tmp_path / f"plan.{target}")],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warning at all: not about the title, not about anything
    if target == "html":
        page = (tmp_path / "plan.html").read_text(encoding="utf-8")
        assert "<title>My recovery plan</title>" in page
        assert "988 Suicide &amp; Crisis" not in page  # region UK: not the US lines
        assert "Samaritans" in page


def test_the_markdown_has_no_needless_escapes_or_backslash_breaks(filled, store):
    content, _ = filled
    store.set_setting("region", "us")
    markdown = renderer_named("markdown").render(plan_of(content, store))
    assert "988 Suicide & Crisis Lifeline" in markdown
    assert not re.search(r"\\$", markdown, re.M)
    for needless in ("\\&", "\\'", "\\.", "\\,", "\\!", "\\?", "\\-"):
        assert needless not in markdown, needless


# --- Chromium ----------------------------------------------------------------------------


def print_to_pdf(html_file: Path, pdf_file: Path, paper: str, profile: Path) -> PdfReader:
    """Print with headless Chromium; the paper size comes from a @page rule added for the
    test (a printer's own size is what the plan leaves it to)."""
    width, height = PAPERS[paper]
    page = html_file.read_text(encoding="utf-8")
    sized = html_file.with_name(f"{html_file.stem}-{paper}.html")
    sized.write_text(
        page.replace("</style>", f"@page {{ size: {width}pt {height}pt; }}\n</style>"),
        encoding="utf-8",
    )
    assert CHROMIUM is not None, "Chromium must be installed in CI (.ci/run installs it)"
    result = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_file}", sized.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0 and pdf_file.exists(), result.stderr[-2000:]
    return PdfReader(pdf_file)


def _words(text: str) -> str:
    """Text pulled out of a PDF, with line breaks joined back up and ligatures ("ﬀ")
    spelled out."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u00ad", "").split())


def _filled_height(page) -> float:
    """How far down the page the last line of text reaches, as a share of the page."""
    lowest = [float(page.mediabox.top)]

    def visit(text, cm, tm, font, size):
        if text.strip():
            lowest[0] = min(lowest[0], tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    top, bottom = float(page.mediabox.top), float(page.mediabox.bottom)
    return (top - lowest[0]) / (top - bottom)


@needs_chromium
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_printed_plan_is_one_to_hand_over(filled, store, tmp_path, paper):
    content, answers = filled
    plan = plan_of(content, store)
    html_file = tmp_path / "plan.html"
    html_file.write_text(renderer_named("html").render(plan), encoding="utf-8")
    pdf = print_to_pdf(html_file, tmp_path / f"plan-{paper}.pdf", paper, tmp_path / "profile")
    width, height = PAPERS[paper]
    assert round(float(pdf.pages[0].mediabox.width)) == width
    assert round(float(pdf.pages[0].mediabox.height)) == height

    # Page 1: the title, the dates and the region's crisis lines, together.
    first = _words(pdf.pages[0].extract_text())
    assert "My recovery plan" in first
    assert long_date(TODAY) in first and long_date(plan.review_on) in first
    for words in ("999", "0808 2000 247", "116 123", "SHOUT to 85258"):
        assert words in first, words
    assert "911" not in first and "13 11 14" not in first  # only the chosen region

    # No page is more than half empty, except the last.
    for number, page in enumerate(pdf.pages[:-1], 1):
        assert _filled_height(page) > 0.5, f"page {number} of {len(pdf.pages)} is half empty"

    # Every answer that feeds the plan is in the text.
    text = _words(" ".join(page.extract_text() for page in pdf.pages))
    feeds = {(e.id, p.id) for e in content.catalog.exercises for p in e.prompts() if p.plan}
    for key, value in answers.items():
        if key not in feeds:
            continue
        for expected in _answer_words(value):
            assert expected in text, (key, expected)


def _answer_words(value) -> list[str]:
    """Words of an answer as they are printed (dates written out, "Other: " dropped)."""
    if isinstance(value, bool):
        return ["Yes" if value else "No"]
    if isinstance(value, int):
        return [str(value)]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return [long_date(dt.date.fromisoformat(value))]
    if isinstance(value, list):
        return [w for item in value for w in _answer_words(item)]
    return [_words(value.removeprefix("Other: "))]


def test_only_the_steps_written_in_order_are_numbered(filled, store):
    content, _ = filled
    page = renderer_named("html").render(plan_of(content, store))
    steps = page.split('id="craving-steps"')[1].split("</section>")[0]
    assert "<h3>My steps, in order</h3>\n<ol>" in steps
    assert "<h3>What helps carry me through a craving</h3>\n<ul>" in steps
