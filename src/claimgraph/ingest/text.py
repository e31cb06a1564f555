"""Turn bytes, files and strings into Documents, refusing bad input with a clear error."""

import codecs
import hashlib
import json
import os
from datetime import UTC, date, datetime, time
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ingest.html import html_to_text, looks_like_html
from claimgraph.ingest.normalise import normalise
from claimgraph.ingest.published import choose_published
from claimgraph.records import Document

# The largest article (bytes of a file, characters of a text): far beyond any news article, and
# analysis time and memory grow linearly up to it (bench/long_text.py). Set CLAIMGRAPH_MAX_BYTES.
MAX_BYTES = 20_000_000
LIMIT_VARIABLE = "CLAIMGRAPH_MAX_BYTES"


def max_bytes() -> int:
    """The size cap in force: CLAIMGRAPH_MAX_BYTES when set, else MAX_BYTES."""
    value = os.environ.get(LIMIT_VARIABLE, "").strip().replace("_", "")
    if not value:
        return MAX_BYTES
    if not value.isdigit() or len(value) > 15 or int(value) < 1:
        raise InputError(
            f"{LIMIT_VARIABLE}={value[:40]!r} is not a positive whole number of bytes",
            hint=f"e.g. {LIMIT_VARIABLE}=50000000, or unset it for {MAX_BYTES:,}",
            code="CG170",
        )
    return int(value)


def document_id(text: str, url: str | None = None) -> str:
    """Content hash of the normalised text (plus url), so the same article always gets one id."""
    digest = hashlib.sha256(text.encode("utf-8"))
    if url:
        digest.update(b"\x00" + url.encode("utf-8"))
    return "d_" + digest.hexdigest()[:16]


def parse_published(value: str | date | datetime | None) -> datetime | None:
    """Accept ISO dates or date-times; a bare date becomes midnight UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"cannot read the publication date {value!r}",
            hint="use ISO 8601, e.g. 2024-10-19 or 2024-10-19T09:30:00+09:00",
            code="CG105",
        ) from None
    parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    try:
        parsed.astimezone(UTC)  # stored in UTC: year 1 at +14:00 would fall before the calendar
    except OverflowError:
        raise InputError(
            f"the publication date {value!r} is out of range",
            hint="use a date between the years 2 and 9998",
            code="CG105",
        ) from None
    return parsed


def checked_field(value: str | None, name: str) -> str | None:
    """A metadata string as it will be stored: no lone surrogate (no database can hold one) and
    no NUL (PostgreSQL refuses it)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"the {name} must be text, not {type(value).__name__}", code="CG171")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            f"the {name} {value[:60]!r} has a lone surrogate at character {error.start}",
            hint="fix the encoding of this field (it is not valid Unicode)",
            code="CG171",
        ) from None
    return value.replace("\x00", "") if "\x00" in value else value


def document_from_text(
    text: str,
    *,
    published: str | date | datetime | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    language: str = "en",
    html: bool | None = None,
) -> Document:
    """Build a Document from raw text (HTML is reduced to its text first).

    `html` says whether the text is HTML; None sniffs it from the markup.
    """
    url, outlet, title = (
        checked_field(url, "url"),
        checked_field(outlet, "outlet"),
        checked_field(title, "title"),
    )
    checked_field(text, "text")
    if html or (html is None and looks_like_html(text)):
        text = html_to_text(text)
    clean = normalise(text)
    if not clean:
        raise InputError(
            "the text is empty", hint="give an article with some text in it", code="CG101"
        )
    if len(clean) > (limit := max_bytes()):
        raise InputError(
            f"the text has {len(clean):,} characters, more than the {limit:,} one article may have",
            hint=f"split it into articles, or raise the cap with {LIMIT_VARIABLE}",
            code="CG104",
        )
    return Document(
        id=document_id(clean, url),
        text=clean,
        url=url,
        outlet=outlet,
        title=title,
        published=parse_published(published),
        language=language,
        ingested_at=datetime.now(UTC),
    )


def decode(raw: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes as UTF-8 (or the given encoding); refuse binary data rather than guess."""
    if len(raw) > (limit := max_bytes()):
        raise InputError(
            f"{name!r} is {len(raw):,} bytes, more than the {limit:,}-byte limit for one article",
            hint=f"split it into articles, or raise the cap with {LIMIT_VARIABLE}",
            code="CG104",
        )
    if not raw.strip():
        raise InputError(f"{name!r} is empty", code="CG101")
    encoding = encoding or bom_encoding(raw)
    # UTF-16 and UTF-32 text is full of NUL bytes: only other encodings call that binary.
    if b"\x00" in raw[:8192] and not _wide(encoding):
        raise InputError(
            f"{name!r} looks like a binary file, not text",
            hint="if it is UTF-16 or UTF-32 text, pass --encoding utf-16 (or utf-32)",
            code="CG102",
        )
    try:
        text = raw.decode(encoding or "utf-8-sig")
        return text.removeprefix("\ufeff")
    except (UnicodeDecodeError, LookupError) as error:
        raise InputError(
            f"cannot read {name!r}: not {encoding or 'UTF-8'} ({error.__class__.__name__})",
            hint="convert it to UTF-8, or pass --encoding (e.g. --encoding cp1252)",
            code="CG103",
        ) from None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF8, "utf-8-sig"),
)


def bom_encoding(raw: bytes) -> str | None:
    """The encoding a byte order mark at the start announces (UTF-8, -16 or -32), if any."""
    return next((name for bom, name in _BOMS if raw.startswith(bom)), None)


def _wide(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def sidecar_metadata(path: Path) -> dict[str, str]:
    """Metadata from `article.json` beside `article.txt`, when there is one."""
    meta_path = path.with_suffix(".json")
    if path.suffix == ".json" or not meta_path.is_file():
        return {}
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(
            f"cannot read metadata {str(meta_path)!r}: {error}", code="CG106"
        ) from None
    return meta if isinstance(meta, dict) else {}


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a missing or unreadable file (or a folder) is a coded InputError."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {str(path)!r}", code="CG107") from None
    except OSError as error:
        raise InputError(f"cannot read {str(path)!r}: {error.strerror}", code="CG107") from None


def read_document(
    path: str | Path,
    *,
    published: str | None = None,
    encoding: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    listed_published: str | None = None,
) -> Document:
    """Read one article file; options given here win over its sidecar metadata.

    `listed_published` is the date from a folder's metadata.jsonl; which date wins is decided
    by `ingest.published.choose_published`.
    """
    path = Path(path)
    raw = read_bytes(path)
    meta = sidecar_metadata(path)
    return document_from_text(
        decode(raw, str(path), encoding),
        published=choose_published(
            flag=published, listed=listed_published, sidecar=meta.get("published")
        ),
        url=url or meta.get("url"),
        outlet=outlet or meta.get("outlet"),
        title=title or meta.get("title"),
        language=meta.get("language", "en"),
        # An .html file is HTML even when it has too little markup to be sniffed as such.
        html=True if path.suffix.lower() in {".html", ".htm"} else None,
    )
