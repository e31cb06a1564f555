"""Reduce (possibly malformed) HTML to its readable text with the standard library parser."""

import re
from html.parser import HTMLParser

_CODE = {"script", "style", "noscript", "template", "svg"}  # never text
_SKIP = _CODE | {"head", "nav", "footer", "aside", "form"}  # text, but not the article's
_BLOCK = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
    "article", "header", "figcaption", "pre", "ul", "ol", "table",
}  # fmt: skip
# Elements that never have an end tag, so they never go on the stack of open elements.
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
}  # fmt: skip
_TAG = re.compile(
    r"<\s*(html|body|head|title|meta|script|style|p|div|article|br|span|h[1-6]|ul|li|table)\b",
    re.IGNORECASE,
)

_WHITESPACE = re.compile(r"\s+")
# Deeper elements are not tracked: real pages nest a few dozen deep, and a page of unclosed tags
# would otherwise make every piece of text look through an ever longer stack (quadratic time).
MAX_DEPTH = 256


def looks_like_html(text: str) -> bool:
    return len(_TAG.findall(text[:20_000])) >= 2


class _TextCollector(HTMLParser):
    """Keeps a stack of open elements, so an unclosed <head>, <nav> or <form> ends where its
    parent ends (or at <body>) instead of swallowing the rest of the page."""

    def __init__(self, skip: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.parts: list[str] = []
        self.open: list[str] = []
        self.skipping = 0  # how many of the open elements are in `skip`

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self.open:
            self._close_from(self.open.index("head"))
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag not in _VOID and len(self.open) < MAX_DEPTH:
            self.open.append(tag)
            self.skipping += tag in self.skip

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            # Closing an element closes every element left open inside it.
            self._close_from(len(self.open) - 1 - self.open[::-1].index(tag))
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # A line break in the source is a space in HTML (except in <pre>): hard-wrapped
            # markup must not split a sentence over two lines.
            self.parts.append(data if "pre" in self.open else _WHITESPACE.sub(" ", data))

    def _close_from(self, index: int) -> None:
        self.skipping -= sum(tag in self.skip for tag in self.open[index:])
        del self.open[index:]


def html_to_text(html: str) -> str:
    """Text of the page's body, one paragraph per line; never raises on broken markup.

    If leaving out page furniture (nav, footer, ...) leaves nothing, an unclosed <nav> probably
    swallowed the article, so the text is taken again with only code (script, style) left out.
    """
    return _text(html, _SKIP) or _text(html, _CODE)


def _text(html: str, skip: set[str]) -> str:
    collector = _TextCollector(skip)
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
