"""Source identity across documents: one canonical id per actor, its parent body, and the body
whose sources count once for corroboration.

Needs: stored sources, the known-source table, document outlets, users' merges and splits.
Returns: a `SourceIdentity` that maps any stored source id to its canonical id.

Rules, applied in this order (a user's edit always wins, because it is applied last):
1. every document outlet is a media source (`slug(outlet)`), so "Korea Wire" named inside a report
   and the outlet Korea Wire are one source;
2. a stored source whose name, without a trailing bracket ("National Intelligence Service (NIS"),
   is a known alias in the source table becomes that table source;
3. a bare surname ("singh") becomes the one person in the corpus with that surname, if only one;
4. users' merges (A into B) and splits (A stands alone again), in the order they were made.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from claimgraph.nlp.lexicon import (
    ARMY_WORDS,
    INSURGENT_NAME_WORDS,
    LEGAL_FORMS,
    SETTLEMENT_NOUNS,
    data_rows,
    lexicon_text,
    organisation_name_words,
    title_nouns,
)
from claimgraph.nlp.source_table import (
    HYPHENATED_GIVEN_NAME,
    SourceTable,
    initials,
    load_country_names,
    slug,
    source_key,
)

OUTLET = "outlet"
ANONYMOUS = "anonymous@"  # independence key prefix of anonymous sources without a country
UNIDENTIFIED = "unidentified@"  # independence key prefix of generic group sources
STATE = "state@"  # independence key prefix of a state whose government the table does not list
MEDIA_TYPES = frozenset({OUTLET, "media"})
UNRESOLVED = "unresolved-"  # source id prefix of a pronoun with no antecedent ("she said")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: str
    name: str
    type: str
    country: str | None = None
    parent: str | None = None
    roles: tuple[str, ...] = ()  # "Namuno district administrator": what reports call them
    aliases: tuple[str, ...] = ()  # other names reports gave it: "MPNO" for its full name


@dataclass(frozen=True, slots=True)
class Edit:
    kind: str  # merge | split
    source_id: str
    into: str | None = None


@dataclass(slots=True)
class SourceIdentity:
    """Canonical ids, names, parents and independence keys for every source in the corpus."""

    table: SourceTable
    infos: dict[str, SourceInfo] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)  # raw id -> canonical id
    reasons: dict[str, str] = field(default_factory=dict)  # raw id -> why it was mapped
    outlet_names: dict[str, str] = field(default_factory=dict)  # folded outlet name -> id
    not_actors: frozenset[str] = frozenset()  # head words of documents taken for sources

    def is_actor(self, source_id: str | None) -> bool:
        """False for a "source" that is a document or data ("a briefing"), not who issued it."""
        if source_id is None:
            return False
        words = source_key(self.info(source_id).name).split()
        return not words or words[-1] not in self.not_actors

    def canonical(self, raw_id: str | None) -> str | None:
        if raw_id is None:
            return None
        seen = {raw_id}
        current = self.mapping.get(raw_id, raw_id)
        while current in self.mapping and self.mapping[current] not in seen:
            seen.add(current)
            current = self.mapping[current]
        return current

    def country(self, source_id: str | None) -> str | None:
        """The country a source speaks for, if it is known."""
        return self.info(source_id).country if source_id else None

    def info(self, source_id: str) -> SourceInfo:
        found = self.infos.get(source_id)
        if found is None and source_id in self.table.known:
            known = self.table.known[source_id]
            found = SourceInfo(known.id, known.name, known.type, known.country, known.parent)
        if found is None and source_id.startswith(UNRESOLVED):
            # "..., she said" where no one she could be was named: someone, unnamed
            return SourceInfo(source_id, "an unnamed speaker", "unknown")
        return found or SourceInfo(source_id, source_id, "unknown")

    def is_media(self, source_id: str | None) -> bool:
        return source_id is not None and self.info(source_id).type in MEDIA_TYPES

    def parent(self, source_id: str) -> str | None:
        parent = self.info(source_id).parent
        return self.canonical(parent) if parent else None

    def root(self, source_id: str) -> str:
        """The top of the parent chain: NIS -> South Korean government."""
        seen = {source_id}
        current = source_id
        while (parent := self.parent(current)) is not None and parent not in seen:
            seen.add(parent)
            current = parent
        return current

    def independence(
        self, source_id: str | None, outlet_id: str | None, scene: str | None = None
    ) -> str | None:
        """The key under which an original source counts once.

        Sources under one top body (a government and its agencies, officials and spokespeople)
        share what they know, so they count once. An anonymous source with a country counts as
        that country's government: it may well be the same briefing. An anonymous source without
        one is keyed by the outlet it spoke to and the words describing it; anonymous sources
        that share either count once for a claim (`engine.independent_originals`).
        """
        if source_id is None:
            return None
        info = self.info(source_id)
        if not self.is_identified(source_id):
            return f"{UNIDENTIFIED}{source_id}"
        if info.type == "anonymous":
            if info.country:
                return self._state_key(info.country)
            return f"{ANONYMOUS}{outlet_id or 'unknown'}|{source_id}"
        country = info.country or scene
        if (
            country
            and info.parent is None
            and source_id not in self.table.known
            and info.type not in MEDIA_TYPES
            and info.type != "person"
            # "Kilp Security", a firm: "security" alone says no state body ("security service")
            and _id_words(source_id) & state_words() - {"security"}
            and not _id_words(source_id) & INSURGENT_NAME_WORDS
        ):
            # An unlisted state body ("Kyrgyzstan's border service") counts with its government;
            # "the interior ministry" in a report whose lead names one country, with that one's.
            return self._state_key(country)
        if country and info.parent is None and _countrys_minister(info.name, country):
            # "Canada's public safety minister", named by office alone: the government's word
            return self._state_key(country)
        root = self.root(source_id)
        # a minister's or spokesperson's key is their body's: an unlisted government counts
        # with its state like any other of its bodies
        return root if root == source_id else self.independence(root, outlet_id, scene)

    def _state_key(self, country: str) -> str:
        """The key a state's bodies count under: its listed government's, else the state's."""
        government = self.table.find("government", country)
        return self.root(government.id) if government else f"{STATE}{country}"

    def speaking_body(self, source_id: str | None, independence: str | None) -> str | None:
        """Whose figure it is, for telling a dispute from a revision. Bodies of a government
        the table lists (its ministries, agencies and spokespeople) speak with one voice: their
        key is the government's. Bodies of a state whose government is not listed are only known
        to share a country: the police and the state government that give two counts disagree,
        though they count once as support. The key is then the body itself, or the body a
        spokesperson speaks for; a generic source keeps its independence key. An unnamed
        official speaks for no body: "at least 12 soldiers died", said by a security official
        who may not be named, disputes the army's three, whoever both work for."""
        if source_id is not None and self.info(source_id).type == "anonymous":
            return source_id
        if (
            source_id is None
            or independence is None
            or not independence.startswith(STATE)
            or not self.is_identified(source_id)
        ):
            return independence
        info = self.info(source_id)
        if info.type == "person" and (parent := self.parent(source_id)) is not None:
            return parent
        return source_id

    def is_identified(self, source_id: str) -> bool:
        """False for a generic group ("rebels", "analysts") or a bare office ("the officer"): it
        may be anyone, so it never counts as an independent source next to an identified one."""
        info = self.info(source_id)
        known = source_id in self.table.known or info.type in MEDIA_TYPES
        if (
            not known
            and info.type == "person"
            and info.country is None
            and ("-" not in source_id or info.name == info.name.lower())
        ):
            # a bare office ("officer", "the state lawmaker") that no name was found for
            return False
        if (
            not known
            and info.type == "organisation"
            and info.country is None
            and info.name == info.name.lower()
            and not _id_words(source_id) & state_words()
        ):
            # a description with no name ("the group", "a hacker group", "the company"): it
            # may be any group, so it never counts beside the one that is named ("the interior
            # ministry" is the state's the report is about)
            return False
        if info.type == "unknown" and _id_words(source_id) <= state_words():
            return True  # "army", the parent of "the army's Second Division": the scene's
        if not known and info.type in ("organisation", "group") and _described(info, source_id):
            # "Rights group" opening a headline, "a Beninese rights group", "separatist
            # rebels": a kind of body, with at most a country, not a name
            return False
        return known or info.type not in ("group", "unknown") or info.country is not None

    def outlet(self, name: str | None) -> str | None:
        if not name:
            return None
        return self.outlet_names.get(source_key(name)) or self.canonical(slug(name))

    def find_names(self, text: str) -> list[tuple[int, str]]:
        """(offset, canonical id) of every outlet or known source named in the text."""
        found: list[tuple[int, str]] = []
        for name, source_id in self.outlet_names.items():
            for match in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
                found.append((match.start(), source_id))
        return sorted(found)

    def find_bodies(self, text: str) -> list[tuple[int, str]]:
        """(offset, canonical id) of every stored body (not a person) named in the text by its
        full name of two words or more, in text order."""
        found = []
        for info in self.infos.values():
            if info.type in ("person", "anonymous", "pronoun") or len(info.name.split()) < 2:
                continue
            at = text.find(info.name)
            if at >= 0:
                found.append((at, self.canonical(info.id) or info.id))
        return sorted(found)


def build_identity(
    table: SourceTable,
    stored: Iterable[SourceInfo],
    outlets: Iterable[str],
    edits: Iterable[Edit] = (),
    documents: Mapping[str, Iterable[str]] | None = None,
) -> SourceIdentity:
    """Apply the rules in the module docstring to the stored sources.

    Args:
        documents: for each stored source id, the documents it is named in; a generic "police"
            becomes the named "State Police" only where the two are named in one report.
    """
    identity = SourceIdentity(
        table=table,
        not_actors=frozenset(
            row[0] for row in data_rows(lexicon_text("resolve_not_actors.v1.txt"))
        ),
    )
    for source in stored:
        identity.infos[source.id] = _kind_by_titles(source)
    for outlet in sorted(set(outlets)):
        outlet_id = slug(outlet)
        if not _publishing_body(identity.infos.get(outlet_id)):
            identity.infos[outlet_id] = SourceInfo(outlet_id, outlet, OUTLET)
        identity.outlet_names[source_key(outlet)] = outlet_id
    for source_id, known in table.known.items():
        if known.type == "media":
            for name in (known.name, *known.aliases):
                if len(name) > 3:  # "AP" or "RIA" inside other words would be noise
                    identity.outlet_names.setdefault(source_key(name), source_id)
    _table_aliases(identity)
    _same_names(identity)
    _names_cut_short(identity)
    _surnames(identity)
    _double_surnames(identity)
    _capitals(identity)
    _titled_names(identity)
    _short_names(identity)
    _short_person_names(identity)
    _acronyms(identity)
    _owned_offices(identity)
    _sub_bodies(identity)
    _state_media(identity)
    _countryless_bodies(identity, documents or {})
    _national_police(identity)
    _roles_to_people(identity)
    _generic_named_body(identity, documents or {})
    _rights_groups(identity, documents or {})
    _described_bodies(identity)
    _local_bodies(identity)
    _city_bodies(identity, documents or {})
    _of_names(identity)
    for edit in edits:
        if edit.kind == "merge" and edit.into:
            identity.mapping[edit.source_id] = edit.into
            identity.reasons[edit.source_id] = f"merged into {edit.into} by a user"
        elif edit.kind == "split":
            identity.mapping.pop(edit.source_id, None)
            identity.reasons[edit.source_id] = "kept apart by a user"
    return identity


# what a report calls a body when it describes it: "the country's largest operator, Dardanet"
BODY_DESCRIPTIONS = frozenset({"company", "operator", "utility", "firm", "provider", "carrier", "manufacturer", "network", "organisation", "organization", "charity", "ngo", "agency", "association", "bank", "airline", "insurer", "contractor", "developer"})  # fmt: skip


def _kind_by_titles(source: SourceInfo) -> SourceInfo:
    """Person or body, as the reports' titles for a name say, where the entity recogniser read
    it the other way. "Abakar Mahamat Goni, the mayor of Fotokol", taken for an organisation,
    is a person: every name reports give it holds an office (mayor, minister, spokesman), and
    its own name has no word of a body's name. "The country's largest operator, Dardanet",
    taken for a person, is a body: reports describe it as one and give it no office."""
    titles = title_nouns()
    keys = [source_key(role).split() for role in source.roles]
    if (
        source.type == "person"
        and _spelled_by_acronym(source)
        and not any(set(key) & titles for key in keys)
    ):
        return replace(source, type="organisation")
    if not source.roles:
        return source
    if source.type == "person":
        described = any(key and key[-1] in BODY_DESCRIPTIONS for key in keys)
        if described and not any(set(key) & titles for key in keys):
            return replace(source, type="organisation")
        return source
    if source.type != "organisation":
        return source
    words = source.name.split()
    body_words = organisation_name_words() | state_words() | _LINKS
    countries = load_country_names()
    if (
        2 <= len(words) <= 4
        and all(word[:1].isupper() for word in words)
        and not {source_key(w) for w in words} & body_words
        and not any(countries.of(source_key(w)) for w in words)
        and all(set(key) & titles for key in keys)
    ):
        return replace(source, type="person")
    return source


def _spelled_by_acronym(source: SourceInfo) -> bool:
    """ "Polskie Linie Kolejowe (PLK)", which the tagger took for a person's name: a report
    gave it the acronym of its words, as bodies are named and people are not."""
    initials = "".join(w[0] for w in source.name.split() if w[:1].isupper())
    return len(initials) >= 3 and any(
        alias == initials and alias.isupper() for alias in source.aliases
    )


def _publishing_body(stored: SourceInfo | None) -> bool:
    """A state body that publishes its own statements ("Ministry of Information, State of
    Eritrea" on its own site) stays the body its text names: it speaks for its state as its
    statements do when others report them, not as a newsroom."""
    return (
        stored is not None
        and stored.type in ("organisation", "government")
        and stored.country is not None
        and bool(_id_words(stored.id) & state_words())
    )


def _same_names(identity: SourceIdentity) -> None:
    """One organisation stored under two ids with one proper name ("Riga International
    Airport" keyed by its country in one report, by its name in another) is one source; the
    id that knows the country wins."""
    by_name: dict[str, list[SourceInfo]] = {}
    for source in identity.infos.values():
        if _named_organisation(identity, source):
            by_name.setdefault(_own_name(source_key(source.name)), []).append(source)
    for same in by_name.values():
        _one_body(identity, same, "same name as")


def _names_cut_short(identity: SourceIdentity) -> None:
    """ "Perth and Kinross Council", which the parser cut into a person "Perth" and a
    conjunct, is the council another report names whole: the mention's words are the
    council's name, and the person's name only opens it."""
    bodies = {
        source_key(source.name): source.id
        for source in identity.infos.values()
        if source.type in ("organisation", "group", "government")
    }
    for source in identity.infos.values():
        if source.type != "person" or source.id in identity.mapping:
            continue
        for alias in source.aliases:
            key = source_key(alias)
            body = bodies.get(key)
            if body and body != source.id and key.startswith(f"{source_key(source.name)} and "):
                identity.mapping[source.id] = body
                identity.reasons[source.id] = f"a name cut short from {body}"
                break


def _one_body(identity: SourceIdentity, same: list[SourceInfo], why: str) -> None:
    """Map sources found to be one body onto the one that knows its country (else the first
    id); bodies of two countries stay apart (Armenia's and Azerbaijan's defence ministries)."""
    if len(same) < 2 or len({s.country for s in same} - {None}) > 1:
        return
    keep = min(same, key=lambda s: (s.country is None, s.id))
    for source in same:
        if source.id != keep.id:
            identity.mapping[source.id] = keep.id
            identity.reasons[source.id] = f"{why} {keep.id}"


def _without_country(name: str) -> str:
    """ "moldova's civil aviation authority" -> "civil aviation authority": the name a report
    gives without saying whose."""
    words = name.split()
    countries = load_country_names()
    for size in (3, 2, 1):  # "central african", "papua new guinea's"
        first, rest = " ".join(words[:size]), " ".join(words[size:])
        if rest and ((first.endswith("'s") and countries.of(first)) or first in countries.demonyms):
            return rest  # a possessive country ("moldova's") or a demonym ("moldovan")
    return name


def _own_name(name: str) -> str:
    """ "us fifth fleet", "us navy's fifth fleet" -> "fifth fleet", "as emajoe vesi" -> "emajoe
    vesi": a body's name without its country, the body it is under or its company form, as one
    report or another writes it."""
    words = name.split()
    if len(words) > 2 and words[0] in LEGAL_FORMS:
        words = words[1:]
    if len(words) > 2 and words[-1] in LEGAL_FORMS:
        words = words[:-1]
    name = " ".join(words)
    bare = _without_country(name)
    if bare != name:
        return bare
    words = name.split()
    countries = load_country_names()
    for size in (3, 2, 1):
        after = words[size:]
        if len(after) > 1 and countries.of(" ".join(words[:size])):
            return " ".join(after[1:]) if after[0].endswith("'s") else " ".join(after)
    return name


def _roles_to_people(identity: SourceIdentity) -> None:
    """ "the district administrator" of one report is Amelia Mussa, "the Namuno district
    administrator" of another, when she is the only person of the corpus with that role."""
    holders: dict[str, set[str]] = {}
    for source in identity.infos.values():
        if source.type != "person":
            continue
        for role in source.roles:
            words = source_key(role).split()
            for size in range(2, len(words) + 1):
                holders.setdefault(" ".join(words[-size:]), set()).add(source.id)
            for form in _role_forms(source_key(role)):
                holders.setdefault(form, set()).add(source.id)
    offices: dict[str, set[str | None]] = {}
    for source in identity.infos.values():
        if (office := _countrys_office(source)) is not None:
            offices.setdefault(office, set()).add(source.country)
    for source in list(identity.infos.values()):
        name = source_key(source.name)
        office = _countrys_office(source)
        if office is not None and len(offices[office]) > 1:
            continue  # two countries' interior ministers: which is the one named?
        if office is not None:
            name = office  # "Montenegro's interior minister": the interior minister
        if (
            source.id in identity.mapping
            or source.id in identity.table.known
            or source.type not in ("person", "organisation", "group")
            or (
                office is None
                and any(word[:1].isupper() for word in source.name.split())
                and not _office_of_place(source)
                and not source.name[:1].islower()  # "wife of the skipper of the Kalur"
            )
            or len(name.split()) < 2
        ):
            continue
        people = next((holders[form] for form in _role_forms(name) if form in holders), set())
        if office is not None:
            # the holder named elsewhere, of no other country
            people = {p for p in people if identity.infos[p].country in (None, source.country)}
        if not people and _office_of_place(source):
            people = _bare_office_holder(identity, name)
        if len(people) == 1:
            [person] = people
            identity.mapping[source.id] = person
            identity.reasons[source.id] = f"the only {name!r} of the corpus: {person}"


def _countrys_office(source: SourceInfo) -> str | None:
    """The office of a person named only as a country's office holder ("Montenegro's interior
    minister" -> "interior minister"); None for any other name."""
    if source.type != "person" or source.country is None:
        return None
    found = _country_office(source.name)
    return found[1] if found is not None and found[0] == source.country else None


def _bare_office_holder(identity: SourceIdentity, description: str) -> set[str]:
    """ "the mayor of Bocaranga" is Hortense Yakité, named elsewhere as "Mayor Hortense
    Yakité", when she is the one person of the corpus called by that office and the corpus
    speaks of that office in no other place."""
    office_place = _office_first(_bare_place(description))
    office = office_place.partition(" of ")[0]
    if office not in title_nouns():
        return set()
    places = {
        described
        for source in identity.infos.values()
        if source.type == "person"
        and (described := _office_first(_bare_place(source_key(source.name)))).startswith(
            f"{office} of "
        )
        and not _unnamed_place(described)
    }
    holders = {
        source.id
        for source in identity.infos.values()
        if source.type == "person"
        and source.id not in identity.mapping
        and not _office_of_place(source)
        and any(source_key(role).split()[-1:] == [office] for role in source.roles)
    }
    # "the town's mayor", "the local mayor": the mayor of the one place the corpus has a mayor
    # of, or of none by name
    named = places == {office_place} or (_unnamed_place(office_place) and len(places) <= 1)
    return holders if named and len(holders) == 1 else set()


def _unnamed_place(office_place: str) -> bool:
    """ "mayor of town's" (from "the town's mayor"), "mayor of local": an office whose place is
    the story's, not named."""
    place = office_place.partition(" of ")[2]
    return place.removesuffix("'s") in SETTLEMENT_NOUNS | {"local"}


def _role_forms(name: str) -> list[str]:
    """The ways one role is written, as keys to compare: as given, the office before its place
    ("mayor of ayorou" for "mayor of the nearby town of ayorou" and for "ayorou mayor"), and by
    kin ("skipper wife" for "wife of the boat's skipper")."""
    forms = [name, _office_first(_bare_place(name)), _kin_role(name)]
    return [form for form in dict.fromkeys(forms) if form]


def _office_of_place(source: SourceInfo) -> bool:
    """ "mayor of Sansanding", "Sansanding mayor": an office and the place it is held in, a
    description of one person although it holds a name."""
    words = source_key(source.name).split()
    titles = title_nouns()
    return source.type == "person" and (words[0] in titles or words[-1] in titles)


SETTLEMENT_OF = re.compile(rf"\b(?:the )?(?:\w+ )?(?:{'|'.join(sorted(SETTLEMENT_NOUNS))}) of ")


def _bare_place(name: str) -> str:
    """ "mayor of the nearby town of ayorou" -> "mayor of ayorou": the office and its place."""
    return SETTLEMENT_OF.sub("", name)


def _office_first(name: str) -> str:
    """ "sansanding mayor" -> "mayor of sansanding", the way a role is written after a name."""
    *place, office = name.split()
    return f"{office} of {' '.join(place)}" if place and office in title_nouns() else name


def _kin_role(name: str) -> str:
    """ "wife of the skipper of the kalur", "wife of the boat's skipper", "skipper's wife" ->
    "skipper wife": one person described by whom they are to someone, however it is worded."""
    words = [w for w in name.split() if w not in ("the", "a", "an")]
    if "of" not in words:
        return " ".join(w.removesuffix("'s") for w in words) if len(words) == 2 else ""
    words = [w for w in words if not w.endswith("'s")]
    at = words.index("of")
    head, rest = words[:at], words[at + 1 :]
    if "of" in rest:
        rest = rest[: rest.index("of")]  # "... of the Kalur": whose skipper
    return f"{rest[0]} {head[0]}" if len(head) == 1 and len(rest) == 1 else ""


def _named_organisation(identity: SourceIdentity, source: SourceInfo) -> bool:
    """An organisation not yet mapped whose name is a proper name of two or more words."""
    words = source.name.split()
    return (
        source.type == "organisation"
        and source.id not in identity.mapping
        and len(words) >= 2
        and all(word[:1].isupper() for word in words if word.isalpha() and word not in _LINKS)
    )


_LINKS = frozenset({"of", "in", "for", "and", "the"})  # "Police in Cabo Delgado" is a name too


def _table_aliases(identity: SourceIdentity) -> None:
    for source in list(identity.infos.values()):
        if source.id in identity.table.known or source.type == OUTLET:
            continue
        name = re.sub(r"\s*\(.*$", "", source.name)
        known = identity.table.find(name, source.country)
        if known is not None and known.id != source.id:
            identity.mapping[source.id] = known.id
            identity.reasons[source.id] = f"name {name!r} is an alias of {known.id}"
        elif source_key(name) in identity.outlet_names:
            outlet_id = identity.outlet_names[source_key(name)]
            if outlet_id != source.id:
                identity.mapping[source.id] = outlet_id
                identity.reasons[source.id] = f"name {name!r} is the outlet {outlet_id}"


FAMILY_NAME_FIRST = re.compile(rf"^{HYPHENATED_GIVEN_NAME}$")  # "Seo Min-jae"


def _family_name(name: str) -> str:
    """ "Zelensky" of "Volodymyr Zelensky", "Seo" of "Seo Min-jae"."""
    words = name.split()
    return words[0] if len(words) == 2 and FAMILY_NAME_FIRST.match(words[1]) else words[-1]


# the article of an Arabic family name, which reports drop when they repeat it: "Masoud
# al-Tarhouni", later "Tarhouni"
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ul|ad|ar|as|ash|at|az|an)[-‑]", re.IGNORECASE)


def _surname_keys(name: str) -> set[str]:
    family = _family_name(name)
    return {source_key(family), source_key(ARABIC_ARTICLE.sub("", family))}


def _surnames(identity: SourceIdentity) -> None:
    people: dict[str, list[str]] = {}
    for source in identity.infos.values():
        if source.type == "person" and " " in source.name:
            for key in _surname_keys(source.name):
                people.setdefault(key, []).append(source.id)
    for source in list(identity.infos.values()):
        if (
            "-" in source.id
            or source.id in identity.mapping
            # a full name is its own person; a surname alone ("JAYASEKERA:" opening a
            # transcript's lines, "Goni said") is the one person of the corpus so named
            or (source.type == "person" and " " in source.name.strip())
        ):
            continue
        candidates = people.get(source_key(source.name), [])
        if len(candidates) == 1:
            identity.mapping[source.id] = candidates[0]
            identity.reasons[source.id] = f"surname of {candidates[0]}, the only such person"


def _double_surnames(identity: SourceIdentity) -> None:
    """ "Mboumba Nzé said" after "Hortense Mboumba Nzé": the last two words of exactly one
    person's name of three words or more, however the tagger typed the shorter mention."""
    people: dict[str, list[str]] = {}
    for source in identity.infos.values():
        words = source_key(source.name).split()
        if source.type == "person" and len(words) >= 3:
            people.setdefault(" ".join(words[-2:]), []).append(source.id)
    for source in list(identity.infos.values()):
        key = source_key(source.name)
        if source.id in identity.mapping or len(key.split()) != 2:
            continue
        candidates = [c for c in people.get(key, []) if c != source.id]
        if len(candidates) == 1:
            identity.mapping[source.id] = candidates[0]
            identity.reasons[source.id] = f"surnames of {candidates[0]}, the only such person"


def _capitals(identity: SourceIdentity) -> None:
    """ "Malabo rejects the claim": a capital that speaks is its country's government."""
    countries = load_country_names()
    for source in list(identity.infos.values()):
        if source.id in identity.mapping or source.type == "person":
            continue
        country = countries.capitals.get(source_key(source.name))
        if country is None:
            continue
        listed = identity.table.find("government", country)
        government = listed.id if listed is not None else f"{country.lower()}-government"
        if government in identity.infos and government != source.id:
            identity.mapping[source.id] = government
            identity.reasons[source.id] = f"the capital of {country}: {government}"


def _titled_names(identity: SourceIdentity) -> None:
    """ "army spokesman Colonel Servais Akpovi", stored as a body where the tagger read the
    phrase as one, is Servais Akpovi: a name that ends with the full name of exactly one
    person of the corpus (two words or more) is that person, with a title before it."""
    people: dict[tuple[str, ...], list[str]] = {}
    for source in identity.infos.values():
        words = tuple(source_key(source.name).split())
        if source.type == "person" and len(words) >= 2 and source.id not in identity.mapping:
            people.setdefault(words, []).append(source.id)
    for source in list(identity.infos.values()):
        words = tuple(source_key(source.name).split())
        if source.id in identity.mapping or len(words) < 3 or source.type in MEDIA_TYPES:
            continue
        for size in range(len(words) - 1, 1, -1):
            found = people.get(words[-size:], [])
            if words[-size - 1] in ("of", "for"):
                continue  # "the government of Ahmed Ali" is not Ahmed Ali
            if len(found) == 1 and found[0] != source.id:
                identity.mapping[source.id] = found[0]
                identity.reasons[source.id] = f"{found[0]} with a title before the name"
                break


def _short_names(identity: SourceIdentity) -> None:
    """ "Amber Quay" is "Amber Quay Terminals": an organisation named by the first two or more
    words of exactly one other organisation's name is that organisation; so is one named by the
    first word of a company's name ("Balterra" for "Balterra Transmission")."""
    names = {
        source.id: source_key(source.name).split()
        for source in identity.infos.values()
        if source.type == "organisation"
        and source.id not in identity.mapping
        and source.name[:1].isupper()
    }
    by_opening: dict[tuple[str, ...], list[str]] = {}
    for source_id, words in names.items():
        by_opening.setdefault(tuple(words[:2]), []).append(source_id)
    for source_id, words in names.items():
        if len(words) == 1:
            if load_country_names().of(words[0]):
                continue  # "Russia" of "Russia Today": a country's name is no short form
            # "Balterra" for "Balterra Transmission", "Hanbit" for "Hanbit Security Lab", "MPNO"
            # for "MPNO armed group": a name without the words that say what kind of body it is
            # (not "Hamas" for "Hamas Political Bureau", a part of it)
            longer = [
                other
                for other, more in names.items()
                if len(more) >= 2 and more[0] == words[0] and more[-1] in organisation_name_words()
            ]
            if not longer and words[0] in organisation_name_words() - state_words() - {"group"}:
                # "Hydro" for "Caledonia Hydro": the kind of body alone, when one body of the
                # corpus is named so ("Army" is a state's, never "Arakan Army")
                longer = [
                    other
                    for other, more in names.items()
                    if len(more) >= 2 and more[-1] == words[0]
                ]
            if len(longer) == 1:
                identity.mapping[source_id] = longer[0]
                identity.reasons[source_id] = f"short form of the name of {longer[0]}"
            continue
        _map_to_one_longer(identity, source_id, words, names, by_opening)


def _short_person_names(identity: SourceIdentity) -> None:
    """ "Edwin Huamaní" is "Edwin Huamaní Rojas" of another report: a person named by the
    opening words (two or more) of exactly one other person's longer name is that person (a
    second surname or a middle name dropped); with two such people it stays apart."""
    names = {
        source.id: source_key(source.name).split()
        for source in identity.infos.values()
        if source.type == "person" and source.id not in identity.mapping
    }
    by_opening: dict[tuple[str, ...], list[str]] = {}
    for source_id, words in names.items():
        by_opening.setdefault(tuple(words[:2]), []).append(source_id)
    for source_id, words in names.items():
        if len(words) >= 2:
            _map_to_one_longer(identity, source_id, words, names, by_opening)


def _map_to_one_longer(
    identity: SourceIdentity,
    source_id: str,
    words: list[str],
    names: Mapping[str, list[str]],
    by_opening: Mapping[tuple[str, ...], list[str]],
) -> None:
    """Map a name of two or more words to the one longer name that opens with it, if one."""
    longer = [
        other
        for other in by_opening.get(tuple(words[:2]), [])
        if len(names[other]) > len(words) and names[other][: len(words)] == words
    ]
    if len(longer) == 1:
        identity.mapping[source_id] = longer[0]
        identity.reasons[source_id] = f"short form of the name of {longer[0]}"


DESCRIBED_ACRONYM = re.compile(
    r"^([A-Z][A-Z0-9]{2,7}) (?:armed group|group|militia|rebels|rebel group|movement|faction|fighters|militants)$"
)
ACRONYM_TYPES = frozenset({"organisation", "group", "military", "government"})


def _acronyms(identity: SourceIdentity) -> None:
    """ "The MPLI" is the body another report named "Mouvement Populaire de Libération de
    l'Ituri": an all-capitals name that is the initials of exactly one organisation's name."""
    spelled: dict[str, list[str]] = {}
    issued: dict[str, list[str]] = {}
    described: dict[str, list[str]] = {}  # "FCC fighters": a last resort for "FCC"
    for source in identity.infos.values():
        letters = initials(source.name)
        if source.type == OUTLET:
            # "CDHC", the committee whose communiqué the corpus holds: only when no body that
            # speaks in it has those initials
            if len(letters) >= 3:
                issued.setdefault(letters, []).append(source.id)
            continue
        if source.type not in ACRONYM_TYPES:
            continue
        if len(letters) >= 3:
            spelled.setdefault(letters, []).append(source.id)
        # "the North-West Patriotic Movement, the MPNO": an acronym a report gave the name,
        # which need not be its initials (a French name's); "NAS fighters" is the acronym
        # described, not what it stands for
        for alias in source.aliases:
            if alias != source.name and alias.isupper() and 3 <= len(alias) <= 8:
                kind = described if source.name.startswith(f"{alias} ") else spelled
                kind.setdefault(alias, []).append(source.id)
    for source in list(identity.infos.values()):
        name = source.name.strip(" ()[]")  # "(NCSC)", as a bracketed acronym was stored
        # "MPNO armed group": the acronym with what kind of body it is
        name = DESCRIBED_ACRONYM.sub(r"\1", name)
        # two ids of one body already found the same ("Swedish Space Corporation" with and
        # without its country) are one target
        targets = sorted(
            {
                identity.canonical(t)
                for t in spelled.get(name) or issued.get(name) or described.get(name, [])
            }
            if name.isupper() and 3 <= len(name) <= 8
            else set()
        )
        if len(targets) == 1 and targets[0] != source.id and source.id not in identity.mapping:
            identity.mapping[source.id] = targets[0]
            identity.reasons[source.id] = f"acronym of {targets[0]}"


OFFICE_NOUNS = ("ministry", "department", "directorate")
# the words of a government's name that do not tell whose it is: "Kurdistan Regional
# Government", "the Kurdistan Region" and "the KRG" are one owner
OWNER_FILLER = frozenset({"government", "regional", "region", "state", "federal", "autonomous"})
_NOT_PORTFOLIO = frozenset({"of", "the", "for", "and"})


def _office_and_owner(key: str) -> tuple[str, str] | None:
    """ "ministry of health of the kurdistan regional government", "kurdistan regional
    government's health ministry", "krg health ministry" -> ("health ministry", the owner's
    words): an office and whose it is, however a report orders them ("" when unsaid)."""
    words = key.replace("'s ", " 's ").split()
    ends = [at for at, word in enumerate(words) if word in OFFICE_NOUNS]
    if len(ends) != 1:
        return None
    [at] = ends
    if words[at + 1 : at + 2] in (["of"], ["for"]):
        # "ministry of (the) natural resources (of the krg)": the portfolio follows
        rest = words[at + 2 :]
        rest = rest[1:] if rest[:1] == ["the"] else rest
        size = rest.index("of") if "of" in rest else len(rest)
        portfolio, after = rest[:size], rest[size:]
        if not portfolio or set(portfolio) & _NOT_PORTFOLIO:
            return None
        office, owner = " ".join([*portfolio, words[at]]), words[:at]
        if after:
            if owner:
                return None
            owner = after[1:]
    else:
        if at == 0 or at + 1 < len(words):
            return None
        office, owner = f"{words[at - 1]} {words[at]}", words[: at - 1]
    return office, " ".join(w for w in owner if w not in ("the", "'s", "of"))


def _owned_offices(identity: SourceIdentity) -> None:
    """ "Ministry of Health of the Kurdistan Regional Government" (its letterhead), "the
    Kurdistan Regional Government's health ministry", "the Kurdistan Region's health ministry"
    and "the KRG health ministry" are one body: one office of one owner, the owner named in
    full, without the words every government's name has, or by its initials. Bodies of two
    countries, or of two owners, stay apart."""
    found: dict[str, tuple[str, str]] = {}
    for source in identity.infos.values():
        # an outlet so named is the office publishing its own statement, not a newsroom
        if (
            source.type in ("organisation", "government", OUTLET)
            and source.id not in identity.mapping
        ):
            parsed = _office_and_owner(source_key(source.name))
            if parsed is not None and parsed[1]:
                found[source.id] = parsed
    spelled: dict[str, set[str]] = {}
    for _, owner in found.values():
        spelled.setdefault("".join(w[0] for w in owner.split()), set()).add(_owner_core(owner))
    groups: dict[tuple[str, str], list[str]] = {}
    for source_id, (office, owner) in found.items():
        cores = spelled.get(owner, set()) if " " not in owner else set()
        core = next(iter(cores)) if len(cores) == 1 else _owner_core(owner)
        groups.setdefault((office, core), []).append(source_id)
    for members in groups.values():
        _one_body(
            identity, [identity.infos[m] for m in members], "the same office of the same owner as"
        )


def _owner_core(owner: str) -> str:
    """ "iraq kurdistan region" -> "kurdistan", "russian" -> "RU": whose body it is, without
    the words any government's name has, and a country named before its region."""
    countries = load_country_names()
    words = [w for w in owner.split() if w not in OWNER_FILLER] or owner.split()
    inside = [w for w in words if not countries.of(w)]
    if inside:
        return " ".join(inside)
    return " ".join(sorted({str(countries.of(w)) for w in words}))


# Places that speak through a body named for them: "the airport said", "Airport spokeswoman X"
FACILITY_WORDS = frozenset({"airport", "terminal", "port", "hospital"})


def _countryless_bodies(identity: SourceIdentity, documents: Mapping[str, Iterable[str]]) -> None:
    """ "the army" is the "Congo army" of another report when the corpus has only one body of
    a country by that name (with two countries' armies it stays apart); a bare "airport" (or
    terminal, port, hospital) is the "Riga International Airport" of another report when the
    corpus names only one. Not when the reports that name it speak only of other countries:
    in a folder of several stories, the army of a report on Papua is not Uganda's."""
    countries_in: dict[str, set[str]] = {}
    for source_id, where in documents.items():
        info = identity.infos.get(source_id)
        if info is not None and info.country and info.type != OUTLET:
            for document in where:
                countries_in.setdefault(document, set()).add(info.country)
    with_country: dict[str, list[str]] = {}
    for source in identity.infos.values():
        if source.country and source.type not in ("person", "anonymous", OUTLET):
            words = source_key(source.name).split()
            for size in range(1, len(words) + 1):  # "police" (PG) too
                with_country.setdefault(" ".join(words[-size:]), []).append(source.id)
    for source in list(identity.infos.values()):
        name = source_key(source.name)
        if (
            source.country is None
            and source.type not in ("person", "anonymous", OUTLET)
            and source.id not in identity.mapping
            and source.id not in identity.table.known
            # "the port authority", "the airport": a place's own body
            and (set(name.split()) & state_words() or name.split()[0] in FACILITY_WORDS)
        ):
            targets = sorted(set(with_country.get(name, [])))
            named = set().union(*(countries_in.get(d, set()) for d in documents.get(source.id, ())))
            if named:
                targets = [t for t in targets if identity.infos[t].country in named]
            if len(targets) == 1:
                identity.mapping[source.id] = targets[0]
                identity.reasons[source.id] = f"the only {name!r} of a country: {targets[0]}"


# how a country's one national police force is named: "Royal Papua New Guinea Constabulary",
# "Kenya Police Service", "Haitian National Police"
NATIONAL_POLICE_ENDINGS = (
    " constabulary",
    " constabulary force",
    " police force",
    " police service",
    " national police",
)


def _national_police(identity: SourceIdentity) -> None:
    """ "Papua New Guinea police" is the "Royal Papua New Guinea Constabulary" of another report:
    a country's police, named by the country alone, is the one named national police force
    of that country in the corpus (two candidates leave it apart)."""
    forces: dict[str, list[str]] = {}
    for source in identity.infos.values():
        if (
            source.country
            and _named_organisation(identity, source)
            and (
                source_key(source.name).endswith(NATIONAL_POLICE_ENDINGS)
                # "Estonia's Police and Border Guard Board"
                or _without_country(source_key(source.name)).startswith("police ")
            )
        ):
            forces.setdefault(source.country, []).append(source.id)
    for source in list(identity.infos.values()):
        if (
            source.country
            and source.id == f"{source.country.lower()}-police"
            and source.id not in identity.mapping
            and len(forces.get(source.country, [])) == 1
        ):
            target = forces[source.country][0]
            identity.mapping[source.id] = target
            identity.reasons[source.id] = f"the country's one named police force: {target}"


SPOKES_WORDS = (" spokesman", " spokeswoman", " spokesperson")


def _generic_named_body(identity: SourceIdentity, documents: Mapping[str, Iterable[str]]) -> None:
    """ "Latvian police" is the "State Police" whose spokesman speaks in the same report: a
    generic body ("police", "army", "a police spokesman") is the one named body ending in that
    word that the report also names, itself or through a member. Two candidates, or a named
    body of another country, leave it apart."""
    seen: dict[str, set[str]] = {}
    for source_id, where in documents.items():
        info = identity.infos.get(source_id)
        body = info.parent if info is not None and info.parent else source_id
        seen.setdefault(body, set()).update(where)
    named: dict[str, list[SourceInfo]] = {}
    for source in identity.infos.values():
        if _named_organisation(identity, source):
            # the body word: "State Police" -> police; "Police in Cabo Delgado" -> police
            head = source_key(source.name).split(" in ")[0].split()[-1]
            named.setdefault(head, []).append(source)
    for source in list(identity.infos.values()):
        name = source_key(source.name)
        if source.type == "person" and name.endswith(SPOKES_WORDS):
            name = name.rsplit(" ", 1)[0]  # "a police spokesman" speaks for the police
        elif source.type not in ("group", "organisation"):
            continue
        if (
            source.id in identity.mapping
            or source.id in identity.table.known
            or name not in state_words()
        ):
            continue
        where = set(documents.get(source.id, ()))
        bodies = [
            body
            for body in named.get(name, [])
            if where & seen.get(body.id, set())
            and not (body.country and source.country and body.country != source.country)
            # "the army" is a state's: not the "West Papua National Liberation Army" its
            # report also names
            and not (name in ARMY_WORDS and body.country is None)
        ]
        if len(bodies) == 1:
            identity.mapping[source.id] = bodies[0].id
            identity.reasons[source.id] = f"the {name!r} named in the same report: {bodies[0].id}"


# what reports call a human rights organisation before or instead of its name
RIGHTS_DESCRIPTIONS = frozenset(
    f"{kind} {noun}"
    for kind in ("rights", "human rights")
    for noun in ("group", "organisation", "organization", "body", "watchdog", "monitor", "ngo")
)


def _rights_groups(identity: SourceIdentity, documents: Mapping[str, Iterable[str]]) -> None:
    """ "A Central African rights group said" is the Central African Observatory for Human
    Rights the same report names: a rights group described, not named, is the one named
    human rights organisation of its report, or of the corpus when its report names none
    (two candidates, or one of another country, leave it apart)."""
    named = [
        source
        for source in identity.infos.values()
        if source.type in ("organisation", "group")
        and "rights" in source_key(source.name).split()
        and _without_country(source_key(source.name)) not in RIGHTS_DESCRIPTIONS
        and source.id not in identity.mapping
    ]
    for source in list(identity.infos.values()):
        if source.id in identity.mapping or (
            _without_country(source_key(source.name)) not in RIGHTS_DESCRIPTIONS
        ):
            continue
        fitting = [
            body
            for body in named
            if not (body.country and source.country and body.country != source.country)
        ]
        where = set(documents.get(source.id, ()))
        together = [b for b in fitting if where & set(documents.get(b.id, ()))]
        chosen = {identity.canonical(b.id) for b in (together or fitting)}
        if len(chosen) == 1:
            target = chosen.pop()
            assert target is not None
            identity.mapping[source.id] = target
            identity.reasons[source.id] = f"the one human rights organisation named: {target}"


# words that place a body by the story, not name it: "the local boat owners' association"
LOCAL_WORDS = ("local ", "town's ", "city's ", "village's ", "district's ", "province's ")


OF_NAME = re.compile(r"^(?P<office>[\w'-]+(?: [\w'-]+)?) of (?:the )?(?P<place>[\w' -]+)$")


def _of_names(identity: SourceIdentity) -> None:
    """ "The mayor of Fotokol" and "the Fotokol mayor", "the governor of Rakhine" and "the
    Rakhine governor", "the Joint Command of the Armed Forces" and "the armed forces' Joint
    Command": one office named two ways is one source (the person holding it, when
    one of the two is already known to be theirs)."""
    by_key = {source_key(s.name): s.id for s in identity.infos.values()}
    for key, source_id in list(by_key.items()):
        found = OF_NAME.match(key)
        other = (
            next(
                (
                    by_key[name]
                    for joint in (" ", "'s ", "' ")  # "the armed forces' joint command"
                    if (name := f"{found.group('place')}{joint}{found.group('office')}") in by_key
                ),
                None,
            )
            if found
            else None
        )
        if other is None or other == source_id:
            continue
        one, two = identity.canonical(source_id), identity.canonical(other)
        if one == two:
            continue
        if source_id in identity.mapping and other not in identity.mapping:
            identity.mapping[other], identity.reasons[other] = one, f"the same office as {one}"
        elif other in identity.mapping and source_id not in identity.mapping:
            identity.mapping[source_id] = two
            identity.reasons[source_id] = f"the same office as {two}"
        elif source_id not in identity.mapping:
            keep, drop = sorted((source_id, other))
            identity.mapping[drop], identity.reasons[drop] = keep, f"the same office as {keep}"


# words for one kind of body: "the company" and "the utility" of a report are one water company;
# a ship's operator, owner or manager is named apart from any company of another story
BODY_KIND_WORDS = (
    {"company", "utility", "firm"},
    {"operator", "owner", "manager"},
    {"channel", "account"},
)


def _kind(word: str) -> frozenset[str]:
    return frozenset(next((kind for kind in BODY_KIND_WORDS if word in kind), {word}))


def _described_bodies(identity: SourceIdentity) -> None:
    """ "The company said", in a report that never names it, is "AS Emajõe Vesi", introduced
    elsewhere as "The water utility, AS Emajõe Vesi": a body described and not named is the one
    named body of the corpus that a report described by the same kind of word. Two such bodies
    ("the operator" where the corpus names two operators) leave it apart."""
    described: dict[frozenset[str], set[str]] = {}
    # a name the tagger took for a person's, described by a body's word ("the country's largest
    # operator, Dardanet"), makes that word ambiguous, though it is no body to map to
    also_described: set[frozenset[str]] = set()
    for source in identity.infos.values():
        if source.type not in ("organisation", "person") or not source.roles:
            continue
        for role in source.roles:
            words = source_key(role).split()
            if not words:
                continue
            if source.type == "organisation":
                described.setdefault(_kind(words[-1]), set()).add(source.id)
            else:
                also_described.add(_kind(words[-1]))
    countries = load_country_names()
    for source in list(identity.infos.values()):
        words = _without_country(source_key(source.name)).split()
        written = source.name.split()
        if len(words) > 1 and countries.of(words[0]) and written and countries.of(written[0]):
            words, written = words[1:], written[1:]  # "Greece operator": "the operator in Greece"
        if (
            source.type != "organisation"
            or not words
            or source.id in identity.mapping
            or source.id in identity.table.known
            or any(word[:1].isupper() for word in written)
        ):
            continue
        if _kind(words[-1]) in also_described:
            continue
        bodies = described.get(_kind(words[-1]), set()) - {source.id}
        bodies = {
            body
            for body in bodies
            if not (source.country and identity.infos[body].country)
            or identity.infos[body].country == source.country
        }
        if len(bodies) == 1:
            [body] = bodies
            identity.mapping[source.id] = body
            identity.reasons[source.id] = f"the only body described as {words[-1]!r}: {body}"


def _local_bodies(identity: SourceIdentity) -> None:
    """ "The local boat owners' association" and "the town's boat owners' association" are the
    "Rameswaram boat owners' association" when the corpus names one such body; with none named,
    the local ones are one body among themselves."""
    by_rest: dict[str, list[str]] = {}
    for source in identity.infos.values():
        if source.id in identity.mapping or source.type not in ("organisation", "group"):
            continue
        key = source_key(source.name)
        local = next((w for w in LOCAL_WORDS if key.startswith(w)), None)
        if local is not None and len(key[len(local) :].split()) >= 2:
            by_rest.setdefault(key[len(local) :], []).append(source.id)
    for rest, local_ids in by_rest.items():
        named = [
            source.id
            for source in identity.infos.values()
            if source.id not in identity.mapping
            and source.id not in local_ids
            and source.type in ("organisation", "group")
            and source_key(source.name).endswith(f" {rest}")
        ]
        if len(named) > 1 or (not named and len(local_ids) < 2):
            continue
        into = named[0] if named else min(local_ids)
        for source_id in local_ids:
            if source_id != into:
                identity.mapping[source_id] = into
                identity.reasons[source_id] = f"the only {rest!r} of the corpus: {into}"


CITY_OF = re.compile(r"^(?:the )?(?:city|town|municipality) of (?P<place>[a-z][\w' -]*)$")
CITY_HALL = re.compile(
    r"^(?:the )?(?P<place>[a-z][\w' -]*?) (?:city|town) ?(?:hall|council|government|authorities)$"
    r"|^(?:the )?(?P<other>[a-z][\w' -]*?) (?:city|municipality|municipal council)$"
)
BARE_CITY = frozenset({"city", "the city", "city hall", "the city hall", "municipality"})


# a town's own officers, named by office alone: "deputy mayor Lee Soo-kyung"
CITY_OFFICES = frozenset({"mayor", "deputy mayor", "vice mayor", "city spokesman", "city spokeswoman", "city spokesperson", "city official"})  # fmt: skip


def _city_bodies(identity: SourceIdentity, documents: Mapping[str, Iterable[str]]) -> None:
    """ "The city of Gangneung", "Gangneung city hall" and, where the corpus has one city body,
    "the city": one local government, however reports name it. Its mayor or deputy mayor,
    named by office alone in a report that names that city body, speaks for it."""
    by_place: dict[str, list[SourceInfo]] = {}
    bare = []
    for source in identity.infos.values():
        if source.id in identity.mapping or source.type not in ("organisation", "group"):
            continue
        key = source_key(source.name)
        if key in BARE_CITY:
            bare.append(source)
        elif found := CITY_OF.match(key) or CITY_HALL.match(key):
            place = next(group for group in found.groups() if group)
            by_place.setdefault(place, []).append(source)
    kept = {}
    for place, bodies in by_place.items():
        keep = min(bodies, key=lambda s: (not CITY_OF.match(source_key(s.name)), s.id))
        kept[place] = keep.id
        for source in bodies:
            if source.id != keep.id:
                identity.mapping[source.id] = keep.id
                identity.reasons[source.id] = f"the local government of {place}: {keep.id}"
    if len(kept) == 1:
        [keep_id] = kept.values()
        for source in bare:
            identity.mapping[source.id] = keep_id
            identity.reasons[source.id] = f"the only city body of the corpus: {keep_id}"
        city = {keep_id, *(s.id for s in bare), *(s.id for b in by_place.values() for s in b)}
        reports = {d for source_id in city for d in documents.get(source_id, ())}
        for source in list(identity.infos.values()):
            if (
                source.type == "person"
                and source.parent is None
                and source.id not in identity.mapping
                and any(source_key(role) in CITY_OFFICES for role in source.roles)
                and set(documents.get(source.id, ())) & reports
            ):
                identity.infos[source.id] = replace(source, parent=keep_id)
                identity.reasons[source.id] = f"an officer of {keep_id}, named in its reports"


def _sub_bodies(identity: SourceIdentity) -> None:
    """ "The UN humanitarian office" is part of the UN: an unlisted organisation whose name
    opens with a known body's name belongs to that body."""
    for source in list(identity.infos.values()):
        if (
            source.type != "organisation"
            or source.parent is not None
            or source.id in identity.table.known
            or source.id in identity.mapping
        ):
            continue
        words = source.name.split()
        for size in range(len(words) - 1, 0, -1):
            opening = " ".join(words[:size])
            if not opening[:1].isupper():
                continue
            known = identity.table.find(opening)
            if known is not None and known.id != source.id and known.type != "person":
                identity.infos[source.id] = replace(source, parent=known.id)
                identity.reasons[source.id] = f"part of {known.id}"
                break


# "Iran's state television", "state-run radio", "the state news agency"
STATE_MEDIA = re.compile(
    r"\bstate(?:-run|-owned|-controlled)?\s+(?:television|tv|radio|broadcaster|media|news agency|"
    r"press agency|news|newspaper)\b",
    re.IGNORECASE,
)


def _state_media(identity: SourceIdentity) -> None:
    """ "Iran's state television said the ship carried smuggled fuel": a state's own media
    pass on what its government and forces say, so they count once with that government, as
    the known state agencies (KCNA) do."""
    for source in list(identity.infos.values()):
        if (
            source.parent is not None
            or source.country is None
            or not STATE_MEDIA.search(source.name)
        ):
            continue
        government = identity.table.find("government", source.country)
        if government is not None and government.id != source.id:
            identity.infos[source.id] = replace(source, parent=government.id)
            identity.reasons[source.id] = f"state media of {government.id}"


@cache
def _country_office(name: str) -> tuple[str, str] | None:
    """(country, office) of a name that is a country's office alone ("Canada's public safety
    minister" -> ("CA", "public safety minister")); None for any other name, or a province's
    ("Nova Scotia's emergency management minister")."""
    owner, _, office = name.partition("'s ")
    country = load_country_names().of(owner) if office else None
    if country is None or office != office.lower():
        return None
    return country, source_key(office)


def _countrys_minister(name: str, country: str) -> bool:
    """ "Canada's public safety minister": a country's minister named by the office alone."""
    found = _country_office(name)
    return found is not None and found[0] == country and found[1].split()[-1:] == ["minister"]


def _described(info: "SourceInfo", source_id: str) -> bool:
    """A name that only describes: past its first word (capitalised where it opens a headline
    or is a demonym, not a possessive), every word is lower case, and none names a state body
    ("Beninese army")."""
    words = info.name.split()
    return (
        len(words) >= 2
        and not words[0].endswith(("'s", "’s"))  # "Iran's state television" is the state's
        and all(word == word.lower() for word in words[1:])
        and not _id_words(source_id) & state_words()
    )


@cache
def _id_words(source_id: str) -> set[str]:
    """The words a source id is made of ("kg-border-service" -> kg, border, service)."""
    return set(source_id.split("-"))


def state_words() -> frozenset[str]:
    return frozenset(row[0] for row in data_rows(lexicon_text("resolve_state_bodies.v1.txt")))
