"""HTML to text: malformed markup never raises, and code or page furniture never leaks into text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.ingest.html import (
    _SKIP,
    MAX_DEPTH,
    _TextCollector,
    html_to_text,
    looks_like_html,
)
from claimgraph.ingest.text import document_from_text

STORY = "The army said 40 tanks moved."


@pytest.mark.parametrize(
    "page",
    [
        f"<html><body><p>{STORY}</p></body></html>",
        f"<html><body><p>{STORY}",  # nothing closed
        f"<html><head><title>Tanks</title><body><p>{STORY}",  # no </head>
        f"<html><body><div><form><input name=q></div><p>{STORY}</p>",  # form closed by </div>
        f"<div><p>{STORY}<script>var s = '<p>leak</p>';</script><style>p {{color: red}}</style>",
        f"<p>{STORY}</p><script>track('leak')</script>",  # one paragraph and a script
        f"<html><body><p>{STORY}<script>leak( never closed",
        f"<html><body><p>{STORY}</p><noscript>leak</noscript><template>leak</template></body>",
        f"<html><body><p>{STORY}</p><svg><text>leak</text></svg><footer>leak</footer>",
        f"<HTML><BODY><P>{STORY}</P><SCRIPT>leak()</SCRIPT></BODY></HTML>",
    ],
    ids=[
        "clean", "unclosed", "no-head-end", "form-in-div", "script-style",
        "fragment", "unclosed-script", "noscript-template", "svg-footer", "upper-case",
    ],
)  # fmt: skip
def test_ingest_html_keeps_story_drops_code(page):
    document = document_from_text(page)
    assert document.text == STORY
    assert "leak" not in document.text


@pytest.mark.parametrize(
    "page",
    [
        f"<html><body><nav><ul><li>Home</ul><div><p>{STORY}</p></div></body></html>",
        f"<html><body><aside><div><p>{STORY}</p></div></body></html>",
    ],
)
def test_ingest_html_unclosed_furniture_does_not_swallow_the_story(page):
    # The story sits inside an unclosed <nav>/<aside>; dropping it would lose the article.
    assert STORY in document_from_text(page).text


@pytest.mark.parametrize(
    ("page", "text"),
    [
        (
            "<p>A &amp; B said it&#39;s &lt;3 km&gt; away.</p><p>Next",
            "A & B said it's <3 km> away.\nNext",
        ),
        ("<div>One<br>two<br/>three</div><ul><li>four<li>five</ul>", "One\ntwo\nthree\nfour\nfive"),
        (
            "<p>Split   across\n\n   lines</p><p>  and  <b>bold</b> </p>",
            "Split across lines\nand bold",
        ),
    ],
)
def test_ingest_html_paragraphs_and_entities(page, text):
    assert html_to_text(page) == text


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<html><body>x</body></html>", True),
        ("<p>one</p><p>two</p>", True),
        ("<p>x</p><script>y</script>", True),
        ("Officials said 3 < 4 and 5 > 2.", False),
        ("He wrote <b>bold</b> once.", False),
        ("The <p> tag is mentioned once.", False),
    ],
)
def test_ingest_html_sniffing(text, is_html):
    assert looks_like_html(text) is is_html


@given(st.text())
def test_ingest_html_never_raises(text):
    html_to_text(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "<script>",
                "</script>",
                "<nav>",
                "words ",
                "<br>",
                "<!--",
                "-->",
                "<",
                ">",
                "&amp;",
            ]
        )
    )
)
def test_ingest_html_never_raises_on_tag_soup(parts):
    html_to_text("".join(parts))


def test_ingest_html_unclosed_nesting_keeps_a_bounded_stack():
    # Each piece of text used to look through every open element: with thousands left unclosed
    # that is quadratic time (bench/long_text.py times it). The stack now stops at MAX_DEPTH.
    collector = _TextCollector(_SKIP)
    collector.feed("<html><body>" + "<div><span>deep text " * 20_000 + "<p>Officials said so.")
    collector.close()
    assert len(collector.open) <= MAX_DEPTH
    text = "".join(collector.parts)
    assert text.count("deep text") == 20_000
    assert text.rstrip().endswith("Officials said so.")


def test_ingest_html_text_after_nesting_beyond_the_depth_limit_is_kept():
    deep = "<div>" * (MAX_DEPTH + 10)
    page = f"<html><body><nav>menu</nav>{deep}<p>Troops crossed the river, officials said.</p>"
    page += "</div>" * (MAX_DEPTH + 10) + "<footer>contact us</footer><p>After.</p>"
    text = html_to_text(page)
    assert "menu" not in text
    assert "contact us" not in text
    assert "Troops crossed the river, officials said." in text
    assert "After." in text
