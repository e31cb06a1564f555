"""Find the places a story names and geocode them offline.

Needs: token.pos, token.dep, doc.ents from the parse, and a Gazetteer.  Returns: Place records.

Four passes, each one skipping text an earlier pass already claimed:

1. Region and port phrases: "Ukraine's Poltava region", "the Kursk and Belgorod regions",
   "North Korea's Chongjin port", "the port of Hodeidah". The span covers the region or port
   word, because the phrase, not the bare name, is what the text calls the place.
2. GPE, LOC and FAC entities, and NORP entities that are demonyms ("North Korean" -> KP).
3. Place names the small model labels wrongly (PERSON "Zaporizhzhia", PRODUCT "Kursk", ORG
   "Kyiv") or not at all ("Rafah"). These need evidence: a country or region name is enough; a city needs a
   locative preposition before it ("in", "near"), a place it is listed with, or a population
   of at least LARGE_CITY.
4. Demonyms outside any entity ("Ukrainian" tagged as a plain adjective).

A city name is a person, not a place, when a title stands before it ("Mr Kim") or when the
same word is part of a longer PERSON name elsewhere in the document ("Kim Jong Un" ... "Kim").
Organisation names of two or more words ("National Intelligence Service", "Paris Hilton") are
never split to find a place inside.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.nlp.gazetteer import Gazetteer, GazetteerEntry, place_key
from claimgraph.nlp.lexicon import data_rows, lexicon_text
from claimgraph.nlp.model import doc_text
from claimgraph.records import Place, Span

LARGE_CITY = 100_000  # a city this big needs no locative cue to count as a place
MAX_NAME_TOKENS = 4
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NEVER_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"})
_LOCATIVE = frozenset(
    "in near at from to into around outside inside toward towards across over via "
    "through between within off".split()
)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_JOINERS = frozenset({"and", "or", ","})


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The word lists that steer place finding (the `places_*` lexicons)."""

    demonyms: dict[str, str]  # folded demonym -> ISO country code
    port_words: frozenset[str]
    titles: frozenset[str]
    not_places: frozenset[str]


@cache
def load_place_words() -> PlaceWords:
    """Read the place lexicons once per process."""

    def words(name: str) -> frozenset[str]:
        return frozenset(place_key(row[0]) for row in data_rows(lexicon_text(name)))

    return PlaceWords(
        demonyms={
            place_key(demonym): iso
            for demonym, iso in data_rows(lexicon_text("places_demonyms.v1.tsv"))
        },
        port_words=words("places_port_words.v1.txt"),
        titles=words("places_person_titles.v1.txt"),
        not_places=words("places_not_places.v1.txt"),
    )


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """Every place mention in the document, in text order, each resolved in the gazetteer."""
    finder = _Finder(doc, gazetteer, load_place_words())
    finder.region_and_port_phrases()
    finder.place_entities()
    finder.unlabelled_names()
    finder.loose_demonyms()
    return sorted(finder.places, key=lambda place: place.span.start)


class _Finder:
    """The passes of `find_places`, sharing the places found so far."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, words: PlaceWords) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.words = words
        self.places: list[Place] = []
        self.claimed = [False] * len(doc)
        self.person_words = frozenset(
            place_key(token.text)
            for ent in doc.ents
            if ent.label_ == "PERSON" and len(ent) > 1
            for token in ent
        )

    # -- pass 1 ------------------------------------------------------------------------------

    def region_and_port_phrases(self) -> None:
        for token in self.doc:
            lower = place_key(token.text)
            if self.gazetteer.is_region_word(token.text) and token.pos_ in ("NOUN", "PROPN"):
                for start, end in self._listed_names_before(token.i):
                    entry = self.gazetteer.lookup(f"{self.doc[start:end].text} {token.text}")
                    if entry is not None and entry.kind == "region":
                        # the last name takes the region word: "Kursk and [Belgorod regions]"
                        self._emit(start, token.i + 1 if end == token.i else end, entry, "region")
            elif lower in self.words.port_words:
                self._port_phrase(token)

    def _port_phrase(self, token: Token) -> None:
        """ "Chongjin port", "the port of Hodeidah", "the port city of Tartus"."""
        start = self._name_before(token.i)
        if start is not None:
            entry = self._city(self.doc[start : token.i].text)
            if entry is not None:
                self._emit(start, token.i + 1, entry, "port")
                return
        after = token.i + 1
        if after < len(self.doc) and self.doc[after].lower_ == "city":
            after += 1
        if after < len(self.doc) and self.doc[after].lower_ == "of":
            end = self._name_after(after + 1)
            if end is not None:
                entry = self._city(self.doc[after + 1 : end].text)
                if entry is not None:
                    self._emit(token.i, end, entry, "port")

    def _city(self, name: str) -> GazetteerEntry | None:
        entry = self.gazetteer.lookup(name)
        return entry if entry is not None and entry.kind == "city" else None

    # -- pass 2 ------------------------------------------------------------------------------

    def place_entities(self) -> None:
        for ent in self.doc.ents:
            start, end = _trim(ent)
            if start >= end or self._is_claimed(start, end):
                continue
            if ent.label_ == "NORP":
                self._demonym(start, end)
            elif ent.label_ in _PLACE_LABELS:
                entry = self._lookup(start, end)
                if entry is not None and not self._looks_like_person(start, end, entry):
                    self._emit(start, end, entry, entry.kind)

    # -- pass 3 ------------------------------------------------------------------------------

    def unlabelled_names(self) -> None:
        for _ in range(2):  # the second sweep sees names listed with places from the first
            self._unlabelled_sweep()

    def _unlabelled_sweep(self) -> None:
        for start, end in self._candidate_names():
            if self._is_claimed(start, end):
                continue
            entry = self._lookup(start, end)
            if entry is None or self._looks_like_person(start, end, entry):
                continue
            if entry.kind in ("country", "region") or self._city_evidence(start, end, entry):
                self._emit(start, end, entry, entry.kind)

    def _candidate_names(self) -> Iterable[tuple[int, int]]:
        """Whole mislabelled entities, and runs of proper nouns outside any entity. An ORG is a
        candidate only as one word ("Kyiv" tagged ORG); longer ones are organisation names."""
        for ent in self.doc.ents:
            if ent.label_ == "ORG" and len(ent) > 1:
                continue
            if ent.label_ not in _NEVER_PLACES and ent.label_ not in _PLACE_LABELS:
                start, end = _trim(ent)
                if start < end:
                    yield start, end
        i = 0
        while i < len(self.doc):
            token = self.doc[i]
            if token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
                i += 1
                continue
            end = i
            while (
                end < len(self.doc)
                and not self.doc[end].ent_type_
                and self.doc[end].pos_ == "PROPN"
                and self.doc[end].text[:1].isupper()
            ):
                end += 1
            yield i, end
            i = end

    def _city_evidence(self, start: int, end: int, entry: GazetteerEntry) -> bool:
        """A locative preposition, a listed place, or a large city that is not a subject
        ("Jackson told reporters" is a person; "missiles hit Zaporizhzhia" is a city)."""
        if start > 0 and self.doc[start - 1].lower_ in _LOCATIVE:
            return True
        head = self.doc[start:end].root
        if entry.population >= LARGE_CITY and head.dep_ not in ("nsubj", "nsubjpass"):
            return True
        return self._listed_with_place(start - 1, start - 2) or self._listed_with_place(
            end, end + 1
        )

    def _listed_with_place(self, joiner: int, neighbour: int) -> bool:
        """True when token `joiner` is "and", "or" or a comma and `neighbour` is a found place."""
        inside = 0 <= joiner < len(self.doc) and 0 <= neighbour < len(self.doc)
        return inside and self.doc[joiner].lower_ in _JOINERS and self.claimed[neighbour]

    # -- pass 4 ------------------------------------------------------------------------------

    def loose_demonyms(self) -> None:
        for token in self.doc:
            if self.claimed[token.i] or token.ent_type_ in ("ORG", "PERSON"):
                continue
            if not token.text[:1].isupper():
                continue
            for width in (2, 1):
                end = token.i + width
                if end <= len(self.doc) and not self._is_claimed(token.i, end):
                    if self._demonym(token.i, end):
                        break

    def _demonym(self, start: int, end: int) -> bool:
        text = place_key(self.doc[start:end].text)
        iso = self.words.demonyms.get(text) or self.words.demonyms.get(text.removesuffix("s"))
        entry = self.gazetteer.country(iso) if iso else None
        if entry is None:
            return False
        self._emit(start, end, entry, "demonym")
        return True

    # -- shared ------------------------------------------------------------------------------

    def _lookup(self, start: int, end: int) -> GazetteerEntry | None:
        text = self.doc[start:end].text
        if place_key(text) in self.words.not_places or end - start > MAX_NAME_TOKENS:
            return None
        return self.gazetteer.lookup(text)

    def _looks_like_person(self, start: int, end: int, entry: GazetteerEntry) -> bool:
        if entry.kind not in ("city", "continent"):
            return False
        before = place_key(self.doc[start - 1].text) if start > 0 else ""
        if before in self.words.titles:
            return True
        return end - start == 1 and place_key(self.doc[start].text) in self.person_words

    def _listed_names_before(self, i: int) -> list[tuple[int, int]]:
        """The names before a region word: "Kursk and Belgorod regions" -> both."""
        names = []
        while (start := self._name_before(i)) is not None:
            names.append((start, i))
            if start >= 2 and self.doc[start - 1].lower_ in _JOINERS:
                i = start - 1
            else:
                break
        return names

    def _name_before(self, i: int) -> int | None:
        """The start of the capitalised name that ends just before token i (longest known)."""
        start = i
        while start > 0 and i - start < MAX_NAME_TOKENS and _is_name_token(self.doc[start - 1]):
            start -= 1
        for candidate in range(start, i):
            if self.gazetteer.lookup(self.doc[candidate:i].text) is not None or (
                self.gazetteer.lookup(self.doc[candidate:i].text, kind="region") is not None
            ):
                return candidate
        return None

    def _name_after(self, i: int) -> int | None:
        """The end of the capitalised name that starts at token i (longest known)."""
        end = i
        while end < len(self.doc) and end - i < MAX_NAME_TOKENS and _is_name_token(self.doc[end]):
            end += 1
        for candidate in range(end, i, -1):
            if self.gazetteer.lookup(self.doc[i:candidate].text) is not None:
                return candidate
        return None

    def _is_claimed(self, start: int, end: int) -> bool:
        return any(self.claimed[start:end])

    def _emit(self, start: int, end: int, entry: GazetteerEntry, kind: str) -> None:
        if self._is_claimed(start, end):
            return
        for i in range(start, end):
            self.claimed[i] = True
        first, last = self.doc[start], self.doc[end - 1]
        end_char = last.idx + len(last.text.removesuffix("’s").removesuffix("'s"))
        span = Span(first.idx, end_char, doc_text(self.doc)[first.idx : end_char])
        self.places.append(
            Place(
                span=span,
                name=entry.name,
                country=entry.country,
                lat=entry.lat,
                lon=entry.lon,
                kind=kind,
                gazetteer_id=entry.gazetteer_id,
            )
        )


def _is_name_token(token: Token) -> bool:
    """A capitalised word, or the hyphen inside "Ivano-Frankivsk"."""
    return token.text == "-" or (token.text[:1].isupper() and token.text not in _POSSESSIVE)


def _trim(ent: SpacySpan) -> tuple[int, int]:
    """Token bounds of an entity without a leading "the" or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ == "the":
        start += 1
    while end > start and (ent.doc[end - 1].text in _POSSESSIVE or ent.doc[end - 1].is_punct):
        end -= 1
    return start, end
