"""The Markdown renderer: formatting survives, anything executable never does."""

from __future__ import annotations

from twinning.community.rendering import render_markdown


def test_markdown_formatting_becomes_html():
    assert render_markdown("**Trees** and *water*\n\n- one\n- two") == (
        "<p><strong>Trees</strong> and <em>water</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
    )


def test_script_tags_are_removed_with_their_content():
    html = render_markdown("Hello <script>alert('x')</script> world")
    assert "<script" not in html
    assert "alert" not in html
    assert html == "<p>Hello  world</p>\n"


def test_event_handler_attributes_and_javascript_links_are_removed():
    html = render_markdown('<a href="https://example.org" onclick="steal()">site</a> [x](javascript:alert(1))')
    assert "onclick" not in html
    assert 'href="javascript' not in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>' in html


def test_images_styles_and_iframes_are_removed():
    html = render_markdown('<img src="x" onerror="boom()"><style>p{}</style><iframe src="https://x"></iframe>ok')
    assert "<img" not in html and "<style" not in html and "<iframe" not in html and "onerror" not in html


def test_markdown_links_get_a_safe_rel():
    assert render_markdown("[VVSG](https://www.vvsg.be)") == (
        '<p><a href="https://www.vvsg.be" rel="noopener noreferrer nofollow">VVSG</a></p>\n'
    )
