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
    return [quote for quote in quotes if quote.inner_end > quote.inner_start]
