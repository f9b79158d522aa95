"""User-written Markdown to safe HTML: markdown-it renders, nh3 sanitises every byte of the result.

Inline HTML in the Markdown passes markdown-it and is then cut by nh3: scripts with their
content, event-handler attributes, images, styles and unknown tags are removed.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

_markdown = MarkdownIt("commonmark", {"html": True, "linkify": False})


def render_markdown(text: str) -> str:
    """HTML for ``text``; scripts, event handlers, images and unknown tags never survive.

    >>> render_markdown('**Trees** <script>x()</script><a href="https://a.org" onclick="x()">a</a>')
    '<p><strong>Trees</strong> <a href="https://a.org" rel="noopener noreferrer nofollow">a</a></p>\\n'
    """
    html = _markdown.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
