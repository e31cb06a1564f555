"""Decode bytes from the web or a CSV file whose encoding is not known for sure.

The order is: a byte-order mark, the declared charset (HTTP header or <meta charset>), strict UTF-8,
then charset-normalizer's guess. A Latin-1 or Windows-1252 article is read, never refused; a guess
is only used when strict UTF-8 fails.
"""

import codecs
import re

from claimgraph.errors import InputError

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(raw: bytes, declared: str | None = None) -> str:
    """The codec to read these bytes with (a Python codec name)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    for candidate in (declared, _meta_charset(raw)):
        name = _codec(candidate)
        if name is not None:
            # Pages often say iso-8859-1 and mean windows-1252 (browsers read it so too).
            return "cp1252" if name == "iso8859-1" else name
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    return _codec(best.encoding if best else None) or "cp1252"


def decode_markup(raw: bytes, declared: str | None, name: str) -> str:
    """Text of a page or file; undecodable bytes become U+FFFD rather than losing the page."""
    if not raw.strip():
        raise InputError(f"{name!r} is empty", code="CG101")
    return raw.decode(detect_encoding(raw, declared), errors="replace")


def _meta_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
