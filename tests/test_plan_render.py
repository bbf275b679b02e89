"""The plan's renderers: golden files, safe escaping, a self-contained printable HTML page."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from test_plan_data import (
    EVERY_ANSWER,
    PROGRESS,
    TODAY,
    assert_matches_golden,
    golden_content,
    save_every_answer,
)

from workbook.plan.model import answers_from_store, build_plan
from workbook.plan.render import RENDERERS, renderer_for_file, renderer_named
from workbook.plan.render.markdown import escape_line, escape_paragraph
from workbook.plan.render.text import WIDTH

HOSTILE = {
    ("mini", "name"): "<script>alert('name')</script>",
    ("mini", "story"): "# heading\n*stars* and _underscores_\n<script>alert(1)</script>\n"
    "1. not a list\n> not a quote\n[a link](http://example.com) & &amp; `code` $x$ @cite",
    ("mini", "reasons"): ["# heading", "- dash", "*stars*", "<b>bold</b>", "2) two"],
    ("mini", "blocked"): ["Other: <img src=x onerror=alert(1)>"],
}
HOSTILE_WORDS = ["# heading", "*stars*", "<script>alert(1)</script>", "<b>bold</b>"]


@pytest.fixture
def golden_plan(paths, store):
    """The plan of a store that answers every prompt type, made on a fixed day."""
    content = golden_content(paths)
    save_every_answer(store)
    return build_plan(content, answers_from_store(store), TODAY, PROGRESS)


@pytest.fixture
def hostile_plan(paths):
    return build_plan(golden_content(paths), HOSTILE, TODAY)


# --- golden files ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["text", "markdown", "html"])
def test_each_format_matches_its_golden_file(golden_plan, name):
    renderer = renderer_named(name)
    assert_matches_golden(f"plan{renderer.extension}", renderer.render(golden_plan))


def test_without_empty_parts_matches_its_golden_file(paths):
    content = golden_content(paths)
    plan = build_plan(content, EVERY_ANSWER, TODAY).without_empty()
    assert_matches_golden("plan-no-empty.md", renderer_named("markdown").render(plan))


def test_renderers_are_found_by_name_and_by_file_ending():
    assert sorted(RENDERERS) == ["html", "markdown", "text"]
    assert renderer_for_file("plan.HTML").name == "html"
    assert renderer_for_file("plan.htm").name == "html"
    assert renderer_for_file("/tmp/my.plan.md").name == "markdown"
    assert renderer_for_file("plan.txt").name == "text"
    assert renderer_for_file("plan.pdf") is None
    with pytest.raises(KeyError):
        renderer_named("pdf")


# --- text --------------------------------------------------------------------------------


def test_text_fits_80_columns_even_with_long_words(paths):
    content = golden_content(paths)
    answers = {
        ("mini", "story"): "word " * 50 + "x" * 200,
        ("mini", "reasons"): ["a very long reason " * 10],
    }
    text = renderer_named("text").render(build_plan(content, answers, TODAY))
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    assert "x" * 70 in text


def test_text_numbers_the_craving_steps(golden_plan):
    text = renderer_named("text").render(golden_plan)
    assert "  1. Stop, and breathe slowly for one minute." in text
    assert "  4. Write the letter I will not send." in text


# --- markdown ----------------------------------------------------------------------------


def _markdown_html(markdown: str) -> str:
    """CommonMark's reading of the plan, after the YAML title block that pandoc reads."""
    if markdown.startswith("---\n"):
        markdown = markdown[markdown.index("\n---\n", 4) + 5 :]
    return MarkdownIt("commonmark").render(markdown)


def test_user_text_stays_literal_in_markdown(hostile_plan):
    markdown = renderer_named("markdown").render(hostile_plan)
    rendered = _markdown_html(markdown)
    # Only our own structure: the title is in the title block, then our headings; no user
    # tags, no emphasis.
    assert markdown.startswith('---\ntitle: "My recovery plan"\n')
    assert rendered.count("<h1>") == 0
    assert "<script>" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert "<em>stars</em>" not in rendered and "<code>" not in rendered
    assert "<a " not in rendered and "<blockquote>" not in rendered
    assert rendered.count("<ol") == 0  # "1. not a list" and "2) two" stay words
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    for words in [*HOSTILE_WORDS, "> not a quote", "[a link](http://example.com)", "2) two"]:
        assert words in text, words
    assert "& &amp; `code` $x$ @cite" in text


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_user_text_literally(hostile_plan):
    markdown = renderer_named("markdown").render(hostile_plan)
    result = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "html"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "<script" not in result.stdout and "<img" not in result.stdout
    text = html.unescape(re.sub(r"<[^>]+>", "", result.stdout))
    for words in [*HOSTILE_WORDS, "$x$ @cite"]:
        assert words in text, words


# Text a person might type, weighted towards Markdown's special characters.
TYPED = st.text(
    alphabet=st.sampled_from([*list("ab1 .)(-+*_#>=:`<&[]!\\|~$^@{}\"'/"), "é", "\xa0"]),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_any_line_reads_back_exactly_as_typed(typed):
    line = " ".join(typed.split())
    if not line:
        return
    for markdown, tag in (
        (escape_line(line), "p"),
        (f"- {escape_line(line)}", "li"),
        (f"**{escape_line(line)}**", "strong"),
    ):
        rendered = _markdown_html(markdown)
        inner = re.fullmatch(
            rf"(?:<ul>\n)?(?:<p>)?<{tag}>(.*)</{tag}>(?:</p>)?\n(?:</ul>\n)?", rendered
        )
        assert inner, (markdown, rendered)
        assert html.unescape(inner.group(1)) == line


@settings(max_examples=100, deadline=None)
@given(st.lists(TYPED, min_size=1, max_size=4))
def test_line_breaks_in_a_paragraph_are_kept(lines):
    lines = [" ".join(line.split()) for line in lines]
    lines = [line for line in lines if line]
    if not lines:
        return
    # Each line its own paragraph: no trailing-backslash breaks in the file.
    blocks = escape_paragraph("\n".join(lines))
    assert not any("\n" in block for block in blocks)
    rendered = _markdown_html("\n\n".join(blocks))
    found = re.findall(r"<p>(.*?)</p>", rendered)
    assert [html.unescape(p) for p in found] == lines


# --- html --------------------------------------------------------------------------------


class PageReader(HTMLParser):
    """Collects tags, attributes and text, and checks that every opened tag is closed."""

    VOID = {"meta", "br", "link", "img", "hr", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.style = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()

    def handle_data(self, data):
        if self.open and self.open[-1] == "style":
            self.style += data
        else:
            self.text.append(data)


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    assert reader.open == [], reader.open
    return reader


def test_html_parses_and_has_no_external_references(golden_plan):
    page = renderer_named("html").render(golden_plan)
    reader = read_page(page)
    for tag, attrs in reader.tags:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            assert name not in attrs, (tag, attrs)
    assert "script" not in {tag for tag, _ in reader.tags}
    assert "@import" not in page
    assert not re.search(r"url\s*\(", page)
    assert not re.search(r"(https?:)?//", reader.style)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//)""", page, re.I)


def test_html_carries_a_print_stylesheet(golden_plan):
    reader = read_page(renderer_named("html").render(golden_plan))
    assert "@media print" in reader.style and "@page" in reader.style
    assert "counter(page)" in reader.style  # page numbers
    # No forced page break after the cover: the crisis lines share page 1 with the header.
    assert not re.search(r"break-after:\s*page", reader.style)
    assert re.search(r"\.answer[^{]*\{[^}]*break-inside:\s*avoid", reader.style)


def test_html_escapes_every_user_string(hostile_plan):
    page = renderer_named("html").render(hostile_plan)
    reader = read_page(page)
    assert "script" not in {tag for tag, _ in reader.tags}
    assert "img" not in {tag for tag, _ in reader.tags}
    assert "b" not in {tag for tag, _ in reader.tags}
    text = "".join(reader.text)
    for words in [*HOSTILE_WORDS, "<script>alert('name')</script>", "<img src=x onerror=alert(1)>"]:
        assert words in text, words


def test_html_lists_and_numbered_steps(golden_plan):
    reader = read_page(renderer_named("html").render(golden_plan))
    tags = [tag for tag, _ in reader.tags]
    assert "ol" in tags and "ul" in tags and "dl" in tags


def test_empty_plan_html_points_to_the_exercises(paths):
    content = golden_content(paths)
    page = renderer_named("html").render(build_plan(content, {}, TODAY))
    text = "".join(read_page(page).text)
    for section in content.outline.sections:
        assert section.title in text
    assert "the exercise “A small exercise” fills this part" in text
