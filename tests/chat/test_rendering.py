"""Chat text is rendered through nh3: a little Markdown, never raw HTML."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tests.factories import NASTY
from twinning.chat.rendering import CHAT_TAGS, render_message


def test_emphasis_code_and_links_are_kept():
    html = render_message("*so* **good** `code` [plan](https://example.org/plan)")
    assert "<em>so</em>" in html and "<strong>good</strong>" in html and "<code>code</code>" in html
    assert '<a href="https://example.org/plan" rel="noopener noreferrer nofollow">plan</a>' in html


def test_typed_html_comes_out_as_text():
    html = render_message(f"hi {NASTY} <img src=x onerror=alert(1)>")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_javascript_links_lose_their_target():
    assert "href" not in render_message("[x](javascript:alert(1))")


def test_line_breaks_stay_line_breaks():
    assert render_message("one\ntwo") == "<p>one<br>\ntwo</p>\n"


@given(st.text(max_size=200))
def test_no_tag_outside_the_small_allowed_set_ever_survives(text):
    html = render_message(text + "<script>x</script><b onclick=x>")
    tags = re.findall(r"<(/?)([a-zA-Z0-9]+)([^>]*)>", html)
    assert {name for _close, name, _attrs in tags} <= CHAT_TAGS
    assert all(not re.search(r"\bon\w+=", attrs) for _close, _name, attrs in tags)
