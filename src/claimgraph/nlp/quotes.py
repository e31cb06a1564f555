"""Find quotations in text: paired curly or straight double quotes, across sentence breaks.

Needs: the raw text only.  Returns: (start, end) of each quotation, marks included.
"""

import re
from dataclasses import dataclass

_OPENERS = {"“": "”", "„": "”", "«": "»", '"': '"'}
_MARKS = re.compile(r"[“”„«»\"]")
MAX_QUOTE_CHARS = 3000  # a longer "quotation" is almost surely an unmatched mark


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or end of paragraph when unclosed)

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks left to right.

    Straight quotes are paired in order. A paragraph that opens a quote and never closes it
    (the news convention for multi-paragraph quotes) is quoted to the end of that paragraph.
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    closer = ""
    for match in _MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if open_at is not None and "\n" in text[open_at:at]:
            paragraph_end = text.index("\n", open_at)
            quotes.append(Quote(open_at, paragraph_end + 1))
            open_at = None
        if open_at is None:
            if mark in _OPENERS:
                open_at, closer = at, _OPENERS[mark]
        elif mark == closer:
            if at - open_at <= MAX_QUOTE_CHARS:
                quotes.append(Quote(open_at, at + 1))
            open_at = None
    if open_at is not None and "\n" in text[open_at:]:
        quotes.append(Quote(open_at, text.index("\n", open_at) + 1))
    quotes = [quote for quote in quotes if quote.inner_end > quote.inner_start]
    return sorted(quotes + _single_quotes(text, quotes), key=lambda q: q.start)


# An opening single quote at a word start; inside, an apostrophe only before a letter ("didn't");
# a closing one not followed by a letter. Two words at least, so 'the 90s' style asides stay out.
_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—–-]))(['‘])((?:[^'‘’\n]|['’](?=\w))+?)['’](?!\w)", re.M)


def _single_quotes(text: str, doubles: list[Quote]) -> list[Quote]:
    """British-style ‘...’ (or '...') quotations that no double quotation already covers."""
    found = []
    for match in _SINGLE.finditer(text):
        if len(match.group(2).split()) < 2:
            continue
        quote = Quote(match.start(1), match.end())
        if not any(
            q.start <= quote.start < q.end or quote.start <= q.start < quote.end for q in doubles
        ):
            found.append(quote)
    return found
