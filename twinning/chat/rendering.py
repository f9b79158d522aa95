"""Chat text to safe HTML: a small Markdown subset (emphasis, code, links, line breaks), then nh3.

markdown-it runs with raw HTML switched off, so tags typed in a message come out as text; nh3
then cleans every byte of the result anyway, keeping only the few tags a chat line needs.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

CHAT_TAGS = {"p", "br", "em", "strong", "code", "a"}

_markdown = MarkdownIt("zero", {"breaks": True, "html": False}).enable(
    ["emphasis", "backticks", "link", "autolink", "newline", "escape"]
)


def render_message(text: str) -> str:
    """HTML for one chat message; no script, style, image or event handler survives.

    >>> render_message("**Water** <script>x()</script> [plan](https://a.org)")
    '<p><strong>Water</strong> &lt;script&gt;x()&lt;/script&gt; <a href="https://a.org" rel="noopener noreferrer nofollow">plan</a></p>\\n'
    """
    return nh3.clean(
        _markdown.render(text or ""),
        tags=CHAT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
