"""Give every source mention in a document one canonical source.

Needs: the parse (entities, heads), the attributions found, the source table and country names.
Returns: a SourceMention (or None) per attribution, whether it is anonymous, and the Sources.

Rules, in order: pronouns point back to the nearest earlier compatible actor; people are matched
by full name, then by surname against people already named; the whole mention is looked up in the
alias table; then its description with the country it names ("Seoul's spy agency" = spy agency +
KR, by capital-city metonymy); a bare country or capital stands for its government; an acronym
matches the initials of an earlier source; a definite description ("the agency") points back to
the latest source with the same head noun. Anything else becomes a new source of its own.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.nlp.attributions import Found, section_start
from claimgraph.nlp.datelines import UPPER, find_datelines
from claimgraph.nlp.issued import STATEMENT_TITLE
from claimgraph.nlp.lexicon import (
    ARMY_WORDS,
    HONORIFICS,
    LEGAL_FORMS,
    RANKS,
    SETTLEMENT_NOUNS,
    Lexicon,
    actor_nouns,
    not_source_nouns,
    organisation_name_words,
    title_nouns,
)
from claimgraph.nlp.model import doc_text
from claimgraph.nlp.quotes import Quote, find_quotes
from claimgraph.nlp.source_table import (
    HYPHENATED_GIVEN_NAME,
    CountryNames,
    SourceTable,
    initials,
    load_country_names,
    slug,
    source_key,
)
from claimgraph.nlp.spans import span_of
from claimgraph.records import Place, Source, SourceMention, Span

_PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "plural"}
# "its assessment that ...", "their claim that ...": the owner of a reporting noun speaks
_PRONOUNS |= {"his": "person", "her": "person", "their": "plural", "its": "thing", "our": "plural"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_BODIES = {"group", "network", "militia", "coalition", "alliance", "agency", "ministry", "service", "office", "department", "directorate", "organisation", "organization", "body", "bureau", "command", "embassy", "consulate"}  # fmt: skip
SPELLED_OUT = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?: (?:of |for |and |the |de |del |la )*[A-Z][\w'’-]+)+)"
    r" \((?P<acronym>[A-Z]{2,8})\)"
)
_STATE_BODY_WORDS = frozenset({"ministry", "department", "directorate", "command", "bureau"})
_NON_STATE_BODIES = frozenset({"group", "network", "militia", "coalition", "alliance"})
# a state's or a town's civil body: "Iran's embassy", "Gangneung city hall", "the municipality"
_CIVIL_STATE_ENDS = _STATE_BODY_WORDS | {"embassy", "consulate", "government", "office", "hall", "municipality", "prefecture", "governorate", "administration"}  # fmt: skip
_CIVIL_HEADS = frozenset({"union", "unions", "association", "church", "diocese", "party", "company", "federation", "movement", "society"})  # fmt: skip
_MEDIA_WORDS = {"news", "newspaper", "broadcaster", "paper", "outlet", "television", "tv", "radio", "daily", "wire"}  # fmt: skip
_GENERIC_WORDS = frozenset({"of", "the", "and", "for", "s"})  # in names, but no modifier
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "this", "that", "these", "those"})
_ORGANISATION_KINDS = {"channel", "group", "newspaper", "outlet", "agency", "organisation", "organization", "network", "company", "firm", "militia", "party", "movement", "website", "site", "account", "broadcaster", "station", "platform", "unit", "brigade", "force", "ministry", "office", "council", "coalition", "alliance", "institute", "think", "tank", "monitor"}  # fmt: skip
_TITLE_PREFIXES = {"deputy", "vice", "press"}  # "Deputy press secretary Sabrina Singh"
_LEADING_VERBS = frozenset({"lead", "run", "head", "direct", "chair", "manage"})  # "who heads X"
_USING_THE_NAME = "the name "  # "a spokesman using the name Ka Dalisay": a nom de guerre
_PARTITIVES = {"one", "some", "two", "three", "several", "many", "most", "each", "both", "all"}
# words before an unnamed source's description that say whose or how many, not who
_LEADING_WORDS = {"a", "an", "the"} | _POSSESSIVES | _PARTITIVES
_FORCES = {"police", "army", "military", "navy", "gendarmerie"}  # "Police spokesman X"
_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}
_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "official", "source", "representative", "analyst", "expert", "researcher", "officer", "envoy", "ambassador", "delegate", "member", "head", "chief", "director", "commander", "adviser", "advisor", "aide", "diplomat", "insider", "executive", "ceo", "chairman", "chairwoman"}  # fmt: skip
# "Volunteers from the Emergency Response Room", "staff at the hospital": people who speak for
# the body they belong to; "in" only places them ("aid workers in Sudan" speak for no state)
_MEMBERS_OF = frozenset({"volunteer", "staff", "employee", "activist", "medic", "doctor"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# offices a state appoints to a region: their holder speaks for that state's government
_STATE_OFFICES = frozenset({"governor", "secretary", "prefect"})
# who heads a body named after "of": "the president of the Fishermen's Association"
_HEADS_OF = frozenset(
    {"president", "chair", "founder", "coordinator", "leader", "secretary-general"}
)
_NOT_BODY_ENTS = frozenset({"GPE", "LOC", "NORP", "PERSON"})
_AFTER_NAME = frozenset({"appos", "relcl", "acl"})
_BODY_TYPES = frozenset({"organisation", "group", "government", "military", "media"})
_RELATIVE_WORDS = {"that", "which", "who", "whom", "this", "these", "those"}
_REPRESENTATIVES = {"delegate", "delegation", "ambassador", "envoy", "representative", "emissary"}
# "the company": the organisation named last, when nothing else called "company" spoke before
# "the airport" stands for a body whose name says it is one ("Riga International Airport")
_NAMED_AS_KIND = frozenset({"airport"})
# last words of news outlets' names: "the operator says" is never the agency that reported it
_OUTLET_NAME_ENDS = frozenset({"agency", "review", "press", "times", "post", "journal", "herald", "gazette", "tribune", "observer", "courier", "sentinel", "ledger", "dispatch", "desk", "wire", "bulletin", "news", "radio", "tv", "television", "daily"})  # fmt: skip
# what a utility's name says it supplies: "Atlantic Shore Power", "Gangneung Water"
_SUPPLY_WORDS = frozenset({"power", "electric", "electricity", "energy", "water", "waterworks", "gas", "grid", "hydro", "utilities", "vesi", "energia", "energi"})  # fmt: skip
_COMPANY_NOUNS = frozenset({"company", "firm", "operator", "carrier", "insurer", "manufacturer", "contractor", "airport", "utility", "terminal"})  # fmt: skip
_MINISTERS = frozenset({"minister"})
# last words of a state's bodies, which "the company" never points back to
_NOT_COMPANIES = _STATE_BODY_WORDS | {"side", "authorities", "authority", "government", "police", "army", "military", "navy", "guard", "guards", "fleet", "corps", "forces", "embassy", "safety"}  # fmt: skip
_DIPLOMATS = frozenset({"diplomat", "ambassador", "envoy", "attache", "attaché"})
_FOREIGN_WORDS = frozenset({"western", "foreign", "european", "international", "visiting"})
_LOCATED = frozenset({"in", "at", "near", "inside"})  # "a diplomat in Yerevan"
# characters: a bare title speaks for a body named about a paragraph before
IMPLIED_BODY_REACH = 600
_DEFINITE = frozenset({"the", "this", "that"})
_INDEFINITE = frozenset({"a", "an", "another", "one"})
# a body's own people, who tell it what it then says: "its partners", "their sources"
_OWN_PEOPLE = frozenset({"partner", "source", "staff", "team", "worker", "employee", "member", "correspondent", "monitor", "contact"})  # fmt: skip
# Singular heads that name a body or a place, never one unnamed person ("a hospital said")
_NOT_INDIVIDUALS = {"government", "military", "army", "navy", "police", "court", "hospital", "school", "embassy", "country", "state", "city", "town", "village", "authority", "administration", "regime", "side", "camp", "port", "terminal", "operator", "bank", "union", "association", "committee", "commission", "panel", "team", "family", "crew", "convoy", "mission", "consulate", "parliament", "assembly", "cabinet", "presidency", "junta", "kremlin", "leadership"}  # fmt: skip
# what a company is, not which one: "the municipal energy company" is the one named before it
_COMPANY_KINDS = frozenset({"municipal", "state-owned", "state", "energy", "shipping", "private", "local", "city-owned", "family-owned", "mining", "power", "heating", "utility", "security", "oil", "gas"})  # fmt: skip
_OFFICES_OF = frozenset({"office", "mission", "delegation", "secretariat", "headquarters", "branch", "representation", "bureau"})  # fmt: skip
_OWN_BODIES = {"office", "campaign", "team", "family", "aide", "aides"}  # "his office" is his own
_SKIP_WORDS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "some",
    "several",
    "'s",
    "’s",
    ",",
    # "an engineer at your company": whose, as the speaker of the quote sees it, not which
    "your",
    "our",
    "my",
}

DESCRIBING_PHRASES = ("familiar with", "with knowledge of")


@dataclass(frozen=True, slots=True)
class ResolvedSource:
    mention: SourceMention
    anonymous: bool


@dataclass(slots=True)
class _Seen:
    """A resolved actor mention, kept for pronouns, surnames, acronyms and descriptions."""

    position: int
    source_id: str
    plural: bool
    person: bool
    anonymous: bool
    description: str
    head: str
    # the kind nouns that named it here: "Operator Caledonia Hydro", "its operator, Tessel"
    named_as: frozenset[str] = frozenset()


def resolve_sources(
    doc: Doc,
    found: Sequence[Found],
    table: SourceTable,
    countries: CountryNames,
    lexicon: Lexicon,
    places: Sequence[Place] = (),
) -> tuple[list[ResolvedSource | None], list[Source]]:
    """Canonical sources for the attributions, in their order, and the sources they name.

    `places` (found in the same text) give a country to bodies named after a region or a town:
    "Police in Cabo Delgado", "the Belgorod governor"."""
    resolver = _Resolver(doc, table, countries, lexicon, places)
    content = [span for f in found for span in f.content]
    events: list[tuple[int, int, Token | None, Span | None]] = []
    for index, f in enumerate(found):
        if f.source is not None:
            events.append((f.source.start, index, f.source_head, f.speaker or f.source))
    for head in _actor_subjects(doc, content):
        if not any(e[0] <= head.idx < (e[3].end if e[3] else e[0]) for e in events):
            events.append((head.left_edge.idx, -1, head, None))
    events.sort(key=lambda e: (e[0], e[1]))
    resolved: list[ResolvedSource | None] = [None] * len(found)
    for _, index, head, span in events:
        if index < 0:
            assert head is not None
            resolver.note_actor(head)
        else:
            assert span is not None
            speaker = _speaker(doc, span, head)
            if speaker is None:
                # a document, data or a count never speaks: the claim stays, with no source
                if head is not None and _counted(head):
                    found[index].source = None
                elif head is not None:
                    resolved[index] = _through_document(found[index], span, head, resolver)
                continue
            span, head = speaker
            resolved[index] = resolver.resolve(span, head, anonymous=found[index].anonymous_hint)
            if resolved[index] is None:
                found[index].source = None
    resolved = _with_country_bodies(resolved, resolver.sources, doc_text(doc), places)
    resolved = _headline_kinds(resolved, resolver.sources, doc_text(doc))
    named = {r.mention.source_id for r in resolved if r is not None}
    # the bodies the speakers belong to, so that a store knows what a parent id is
    named |= {
        parent
        for i in named
        if i in resolver.sources and (parent := resolver.sources[i].parent) in resolver.sources
    }
    return resolved, [s for s in resolver.sources.values() if s.id in named]


# an acronym, and one set after a body's name: "..., the MPNO", "... (MPNO)"
ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
TRAILING_ACRONYM = re.compile(rf"(?:,\s+the\s+|\()({ACRONYM.pattern})\)?\s*$")
BRACKETED_ACRONYM = re.compile(rf"\s*\(({ACRONYM.pattern})\)")


def _state_body(source: Source) -> bool:
    """A government or a state's civil body ("Iran's embassy"): never what "the group" means
    (an army may be a rebel group's: the Rapid Support Forces)."""
    return source.type == "government" or _last_word(source.name) in _CIVIL_STATE_ENDS


def _with_country_bodies(
    resolved: list[ResolvedSource | None],
    sources: dict[str, Source],
    text: str = "",
    places: Sequence[Place] = (),
) -> list[ResolvedSource | None]:
    """A headline's bare "army says" is the "Indonesian army" its report names: a body named
    without a country is the one body of that name with a country in the same report (in a
    folder of several stories the bare one would otherwise join another story's army). In a
    round-up of several stories, not where the bare one's own paragraph is set in other
    countries only: "Chad: Ngouboua ... The army says nine civilians were killed" is not the
    Mauritanian army the next story names."""
    out = []
    for item in resolved:
        source = sources.get(item.mention.source_id) if item is not None else None
        if item is not None and source is not None and source.country is None:
            fitting = [
                s
                for s in sources.values()
                if s.country and s.id == slug(f"{s.country} {source.name}") and s.id != source.id
            ]
            here = _paragraph_countries(text, item.mention.span.start, places)
            if len(fitting) == 1 and (not here or fitting[0].country in here):
                item = replace(item, mention=replace(item.mention, source_id=fitting[0].id))
        out.append(item)
    return out


def _headline_kinds(
    resolved: list[ResolvedSource | None], sources: dict[str, Source], text: str
) -> list[ResolvedSource | None]:
    """A headline's bare "Family says ..." is the "family of an 84-year-old woman" its report
    describes: a one-word kind of speaker in the title line is the one speaker of that kind the
    body of the report names, not a second source."""
    title_end = text.find("\n")
    if title_end < 0:
        return resolved
    later = {
        item.mention.source_id
        for item in resolved
        if item is not None and item.mention.span.start > title_end
    }
    out = []
    for item in resolved:
        source = sources.get(item.mention.source_id) if item is not None else None
        if (
            item is not None
            and source is not None
            and item.mention.span.end <= title_end
            and source.type in ("organisation", "group", "unknown")
            and len(source_key(source.name).split()) == 1
        ):
            word = source_key(source.name)
            fitting = {
                other
                for other in later
                if other != source.id
                and other in sources
                and sources[other].type not in ("person", "anonymous")
                and word in _end_words(sources[other].name)
            }
            if len(fitting) == 1:
                item = replace(item, mention=replace(item.mention, source_id=fitting.pop()))
        out.append(item)
    return out


def _preceded_by(text: str, position: int, words: str) -> bool:
    """Do these lower-case words stand right before `position`?"""
    return text[max(0, position - len(words)) : position].lower() == words


def _end_words(name: str) -> set[str]:
    """The first and last words of a name: "family" of "family of an 84-year-old woman",
    "union" of "Varna Dockers Union"."""
    words = source_key(name).split()
    return set(words[:1] + words[-1:])


def _paragraph_countries(text: str, position: int, places: Sequence[Place]) -> set[str]:
    """The countries of the places named in the paragraph (between blank lines) at `position`."""
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    start, end = (0 if start < 0 else start), (len(text) if end < 0 else end)
    return {p.country for p in places if p.country and start <= p.span.start < end}


def _speaker(doc: Doc, span: Span, head: Token | None) -> tuple[Span, Token | None] | None:
    """The mention that speaks: the source itself, the body that issued a document ("the NIS
    report", "a report by the UN", "figures from the ministry"), or None for a document, data or
    a count that names no issuer ("the report said", "11,000 troops")."""
    if head is None:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None:
            return span, head
        head = tokens.root
    lemma = head.lemma_.lower()
    if _counted(head):
        return None
    if lemma not in not_source_nouns() and head.lower_ not in not_source_nouns():
        return span, head
    for child in head.children:
        issuer = None
        if child.dep_ == "poss" and child.pos_ != "PRON":
            issuer = child
        elif child.dep_ == "compound" and (child.ent_type_ in _ACTOR_ENTS or child.pos_ == "PROPN"):
            issuer = child
        elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            issuer = next(
                (
                    c
                    for c in child.children
                    if c.dep_ == "pobj"
                    and (c.ent_type_ in _ACTOR_ENTS or c.lemma_.lower() in actor_nouns())
                ),
                None,
            )
        if issuer is not None:
            tokens = [t for t in issuer.subtree if t.dep_ not in ("case", "relcl")]
            text = doc_text(doc)
            return Span.of(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1])), issuer
    return None


def _through_document(
    found: Found, span: Span, head: Token, resolver: "_Resolver"
) -> ResolvedSource | None:
    """A document that names no issuer: "The statement said" points back to the body that
    spoke just before (in this paragraph or the one before); "a statement admitting ..." or
    "a voice message saying ..." is nobody's we can tell. Either way the document is the
    channel, not the source."""
    found.channel = found.channel or span
    found.source = None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _PRONOUNS), None)
    if owner is not None:
        # "Its statement said": the statement of whom "its" points back to
        issuer = resolver.pronoun_antecedent(owner.lower_, owner.idx)
        if issuer is not None and not issuer.person:
            # "We asked Myanmar's military for an interview. It referred us to its statement":
            # a body that spoke earlier, named again after the last speaker, is whose it is
            issuer = resolver.named_again(issuer.position + 1, owner.idx) or issuer
    else:
        article = next((c.lower_ for c in head.children if c.dep_ == "det"), "")
        if article not in _DEFINITE:
            return _issuer_acting(found, resolver)
        issuer = resolver.speaker_before(span.start)
    if issuer is None:
        return None
    found.source = span
    return ResolvedSource(SourceMention(span, issuer.source_id, "pronoun"), issuer.anonymous)


def _issuer_acting(found: Found, resolver: "_Resolver") -> ResolvedSource | None:
    """ "The AU Peace and Security Council asked the Commission to send a mission, according to
    a communiqué issued after the meeting": what a named body said or asked, told by an unnamed
    document, is that body's word; the document is its channel."""
    if not found.cue.text.lower().startswith("according") or not found.content:
        return None
    first = found.content[0]
    tokens = resolver.doc.char_span(first.start, first.end, alignment_mode="expand")
    if tokens is None:
        return None
    subject = next((c for c in tokens.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in _ACTOR_ENTS:
        return None
    if tokens.root.lemma_.lower() not in resolver.lexicon.verbs:
        return None  # "Wagner has lost fighters, according to posts on blogs": not Wagner's word
    named = [
        t for t in subject.subtree if t.dep_ not in ("relcl", "acl", "punct") and t.i <= subject.i
    ]
    text = doc_text(resolver.doc)
    where = Span.of(text, named[0].idx, subject.idx + len(subject))
    resolved = resolver.resolve(where, subject)
    if resolved is not None:
        found.source = where
    return resolved


def _counted(head: Token) -> bool:
    """ "11,000 North Korean troops", "three aircraft": a counted crowd or thing is what a claim
    is about, not who makes it (counted people, "two officials", "five passengers", still
    speak: their nouns are in the actor lexicon)."""
    if head.lemma_.lower() in actor_nouns():
        return False
    if head.like_num:
        # "Nearly 8,000 (displaced)": a number is no speaker; "one of them" is one of them
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    for child in head.children:
        if child.dep_ == "nummod" and child.like_num:
            if head.pos_ == "NOUN" and head.ent_type_ not in _ACTOR_ENTS:
                return True  # "Three aircraft", "14 flights": counted things, not actors
            digits = child.text.replace(",", "")
            if digits.isdigit() and int(digits) >= _CROWD:
                return True
            if child.lower_ in ("thousand", "thousands", "million", "millions"):
                return True
    return False


_CROWD = 1000  # "11,000 troops" is a crowd; "two officials" or "100 economists" still speak


def _actor_subjects(doc: Doc, content: list[Span]) -> list[Token]:
    """Subjects that name an actor: antecedents for later pronouns. Inside reported content
    only a sentence of its own counts ("KEÏTA: ... The army has not given a toll. It says
    three soldiers were killed"), not the clause a cue governs ("X said Russia had sent")."""
    subjects = []
    for token in doc:
        if token.dep_ != "nsubj" or token.pos_ == "PRON":
            continue
        if any(span.start <= token.idx < span.end for span in content) and not (
            _own_sentence(token, content)
        ):
            continue
        if token.ent_type_ in _ACTOR_ENTS or token.lemma_.lower() in actor_nouns():
            subjects.append(token)
            # "army and mayor give different tolls": two actors, each an antecedent
            subjects += [
                c
                for c in token.children
                if c.dep_ == "conj"
                and (c.ent_type_ in _ACTOR_ENTS or c.lemma_.lower() in actor_nouns())
            ]
    return subjects


def _own_sentence(subject: Token, content: list[Span]) -> bool:
    """The subject of a sentence that lies whole inside reported content, as in a speaker's
    turn of several sentences; not the subject of a clause a cue governs ("X said Russia had
    sent", "Kannan was still missing, he said")."""
    sentence = subject.sent
    words = []
    for token in sentence:
        if token.is_space and "\n" in token.text:
            break  # the parser may run a sentence on into the next line's label
        if not (token.is_space or token.is_punct):
            words.append(token)
    end = words[-1].idx + len(words[-1]) if words else sentence.end_char
    text = subject.doc.text

    def opens(span: Span) -> bool:  # the sentence begins the content, or its speaker's label
        return span.start <= sentence.start_char or (
            text[sentence.start_char : span.start].rstrip().endswith(":")
        )

    def main_verb(span: Span) -> bool:  # the parser may hang the verb on the speaker's label
        verb = subject.head
        return verb.i == sentence.root.i or verb.head.idx < span.start <= verb.idx

    return any(
        opens(span) and main_verb(span) and span.start <= subject.idx and end <= span.end
        for span in content
    )


class _Resolver:
    def __init__(
        self,
        doc: Doc,
        table: SourceTable,
        countries: CountryNames,
        lexicon: Lexicon,
        places: Sequence[Place] = (),
    ) -> None:
        self.doc = doc
        # where a region or town is named, and its country ("Cabo Delgado" -> MZ)
        self.places = [
            (p.span.start, p.span.end, p.country)
            for p in places
            if p.country and p.kind not in ("country", "demonym")
        ]
        self.ents = tuple(doc.ents)  # Doc.ents and Span.ents rebuild every entity on each call
        self.table = table
        self.countries = countries
        self.lexicon = lexicon
        self.sources: dict[str, Source] = {}
        self.seen: list[_Seen] = []
        # what the text calls each source besides its name: "Grey Zone, a Telegram channel"
        self.kinds: dict[str, set[str]] = {}

    @cached_property
    def _issuer(self) -> str | None:
        """Who issues a statement whose title says so ("Statement by Codru Air on ..."), read
        once per document."""
        text = doc_text(self.doc)
        match = STATEMENT_TITLE.match(text.partition("\n")[0])
        if match is None:
            return None
        issuer = self.resolve(Span.of(text, match.start("name"), match.end("name")), None)
        return issuer.mention.source_id if issuer is not None else None

    @cached_property
    def _quotes(self) -> list[Quote]:
        return find_quotes(doc_text(self.doc))

    def _quoted(self, position: int) -> bool:
        """Inside a quotation: "we" there is the quoted speaker."""
        return any(q.inner_start <= position < q.inner_end for q in self._quotes)

    def note_actor(self, head: Token) -> None:
        others = {t.i for c in head.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        # "The army, which lost two men,": the clause about it is no part of its name
        others |= {t.i for c in head.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
        # "The Balochistan Azadi Front on Tuesday released ...": when it acted, hung on the name
        others |= {
            t.i
            for c in head.children
            if c.i > head.i
            and c.dep_ in ("prep", "npadvmod")
            and any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree)
            for t in c.subtree
        }
        tokens = [t for t in head.subtree if t.i <= head.i + 3 and t.i not in others]
        # "The prefect of Pama, Issa Thiombiano, gave ...": the name set after the office is kept
        named = {
            n
            for t in tokens
            for c in t.children
            if c.dep_ == "appos" and c.i > head.i
            for n in c.subtree
            if n.i not in others
        }
        tokens = sorted({*tokens, *named}, key=lambda t: t.i)
        while len(tokens) > 1 and tokens[-1].is_punct:
            tokens.pop()  # "prefect of Pama," ends at its name, not at the comma
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t) for t in tokens)
        self.resolve(Span.of(doc_text(self.doc), start, end), head)

    def resolve(
        self, span: Span, head: Token | None, *, anonymous: bool = False
    ) -> ResolvedSource | None:
        """The canonical source of one mention; `anonymous` says the cue carried an anonymity
        phrase ("said on condition of anonymity")."""
        hint = anonymous
        span = _with_glued_hyphens(span, doc_text(self.doc))
        if self._in_dateline(span.start) and self._in_dateline(span.end - 1):
            return None  # "BERLIN/COPENHAGEN, April 8 (LW) —" read as a subject: no one speaks
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        assert tokens is not None
        head = head if head is not None and head in tokens else tokens.root
        text = span.text
        if len(tokens) == 1 and head.lower_ in ("we", "i") and not self._quoted(span.start):
            if self._issuer is not None:
                # "Statement by Codru Air ...\n\nWe reject reports that ...": the issuer speaks
                return ResolvedSource(SourceMention(span, self._issuer, "pronoun"), False)
        if len(tokens) == 1 and head.lower_ in ("it", "they") and (owner := _claims_owner(head)):
            # "Hollow Birch's claims have not matched the utility's account: it says ...": the
            # one whose claims the sentence is about
            text = doc_text(self.doc)
            owned = [t for t in owner.subtree if t.i <= owner.i and t.tag_ != "POS"]
            return self.resolve(Span.of(text, owned[0].idx, owner.idx + len(owner)), owner)
        if len(tokens) == 1 and (subject := _binding_subject(head)) is not None:
            # "the force stood by its assessment that ...": "its" is the clause's subject
            words = [t for t in subject.subtree if t.i <= subject.i]
            text = doc_text(self.doc)
            bound = self.resolve(Span.of(text, words[0].idx, subject.idx + len(subject)), subject)
            if bound is not None:
                return ResolvedSource(
                    SourceMention(span, bound.mention.source_id, "pronoun"), bound.anonymous
                )
        if len(tokens) == 1 and head.lower_ in _PRONOUNS:
            antecedent = self.pronoun_antecedent(head.lower_, span.start)
            if antecedent is not None:
                mention = SourceMention(span, antecedent.source_id, "pronoun")
                return ResolvedSource(mention, antecedent.anonymous)
            return ResolvedSource(
                SourceMention(span, f"unresolved-{head.lower_}", "pronoun"), False
            )

        if head.lower_ in ("nobody", "none", "noone") or source_key(span.text) in (
            "no one",
            "nobody",
        ):
            return None  # "Nobody is denying it": no one is the source of a claim
        if head.lower_ in _RELATIVE_WORDS and len(tokens) == 1:
            return None  # a relative pronoun the parser left without its antecedent
        full = tokens
        tokens, extras = _core(tokens, head)  # "X, the governor of Y, who ..." -> "X"
        if (named_after := _name_after_kind(tokens, head, extras)) is not None:
            # "the jihadist group Islamic State West Africa Province": the name, not the kind
            tokens, head, extras = named_after, named_after.root, []
        elif (named := _name_headed_by_kind(tokens, head)) is not None:
            tokens, head = named, named.root  # "the al Qaeda-linked group JNIM": JNIM
        text = tokens.text
        named = self._known_as(extras)
        if (
            named is not None
            # "The Estonian Information System Authority (RIA), which ...": a body named in
            # full is that body; the acronym after it is no other one the table knows ("RIA
            # Novosti")
            and not _named_otherwise(tokens, named)
        ):  # "the rebel alliance, known as the Strategic Framework ... (CSP-DPA)"
            return self._finish(span, head, named, tokens, "", False, None)
        its = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None
        )
        lemma = head.lemma_.lower()
        if its is not None and (lemma in _BODIES - _OWN_BODIES or lemma in _OWN_PEOPLE):
            antecedent = self._antecedent("they", its.idx)  # any body, one or several
            holder = self.sources.get(antecedent.source_id) if antecedent is not None else None
            if (
                lemma in _OWN_PEOPLE
                and holder is not None
                and holder.type not in ("person", "media")
            ):
                # "according to its humanitarian partners on the ground": the body's own people,
                # so its own account, not a second origin
                return self._finish(span, head, holder, tokens, "", False, None)
            if (
                lemma not in _OWN_PEOPLE
                and holder is not None
                and holder.country
                and (holder.type != "person")
            ):
                # "Russia's embassy and its foreign ministry": that country's ministry
                return self._finish(
                    span, head, self._country_body(tokens, holder.country), tokens, "", False, None
                )
        owner = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None
        )
        if owner is not None and head.lemma_.lower() in _BODIES:  # "His office" -> Yoon's office
            antecedent = self._antecedent("he", span.start)
            if antecedent is not None and head.lemma_.lower() not in _OWN_BODIES:
                # "his intelligence services": his country's body, never a person-suffixed slug
                holder = self.sources[antecedent.source_id]
                return self._finish(
                    span, head, self._country_body(tokens, holder.country), tokens, "", False, None
                )
            if antecedent is not None:
                holder = self.sources[antecedent.source_id]
                words = holder.name.split()
                known = next(
                    (
                        k
                        for w in (words[-1], words[0])
                        if (k := self.table.find(f"{w}'s {head.text}"))
                    ),
                    None,
                )
                office = known or Source(
                    id=f"{holder.id}-{slug(head.text)}",
                    name=f"{holder.name}'s {head.text}",
                    type="organisation",
                    country=holder.country,
                    parent=holder.id,
                )
                return self._finish(span, head, office, tokens, "", False, None)
        if head.lower_ in _PARTITIVES:  # "One of them", "Some of the officials"
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if whole is not None and whole.lower_ in ("them", "us"):
                antecedent = self.pronoun_antecedent("they", span.start)
                if antecedent is not None:
                    return ResolvedSource(
                        SourceMention(span, antecedent.source_id, "pronoun"), antecedent.anonymous
                    )
        speaks_for = self._represents(head, tokens) or self._speaks_for(head, tokens)
        named = _name_with_office(head)
        holder = _person_entity(full)
        if holder is not None and named is not None and _under_preposition(holder.root, full):
            # "Alasdair Petrie, the chief executive of Caledonia Hydro", the tagger's person
            # being the company after "of": the name beside the office is its holder
            holder = named
        holder = (
            holder
            or self._role_holder(head, full)
            or _titled_name(full)
            or _honoured_name(full)
            or named
            or _name_after_office(head, full)
        )
        place = self._place_named(holder, head)
        if place is not None:
            # the place alone is the alias: the tagger's span may hold words before it
            return self._finish(span, head, self._government(place), holder[-1:], "", False, None)
        if speaks_for is not None and holder is None:
            # "A spokesman for the group", "officials at the Pentagon": the body they speak for
            anonymous = self._anonymous(full, head, None) or hint
            return self._finish(span, head, speaks_for, tokens, "", anonymous, head.text)
        person = holder
        if person is not None and any(
            c.dep_ == "appos" and c.lemma_.lower() in _ORGANISATION_KINDS for c in head.children
        ):
            person = None  # "Grey Zone, a Telegram channel": the tagger's PERSON is an outlet
        if person is not None and (
            person[-1].lower_ in organisation_name_words() or self._company_elsewhere(person.text)
        ):
            # "Corvina Shipping, the tanker's manager", "Thalassa Crest" where the report also
            # writes "Thalassa Crest Shipmanagement": a company, not a person
            person = None
        if (
            person is not None
            and head not in person
            and head.tag_ == "NNS"
            and person.root.dep_ == "compound"
            and person.root.head == head
        ):
            person = None  # "Annelinn residents": the tagger's person names the residents' place
        if (
            person is not None
            and head not in person
            and person.root.head == head
            and person[-1].tag_ != "POS"
            and any(t.lower_ in _MEDIA_WORDS for t in tokens if t.i > person.end - 1)
        ):
            person = None  # "the Tasnim news agency": the tagger's person names the outlet
        if (
            person is not None
            and head not in person
            and person.start > 0
            and person.doc[person.start - 1].lower_ in ("in", "from", "at", "near")
        ):
            person = None  # "a security official in Cotonou": the tagger's person is a place
        named_apart = (
            person is not None
            and person.root.dep_ == "appos"
            and person.root.head.i < person.start
            and person.root.head in full
        )  # "The member of the assembly for Mubi North, Hauwa Zira": the person speaks
        if (
            person is not None
            and head not in person
            and head.lemma_.lower() not in title_nouns()
            and not named_apart
        ):
            # "The office of President Yoon": the office speaks, not the president
            for word in (person[-1].text, person[0].text):
                known = self.table.find(f"{word}'s {head.text}")
                if known is not None:
                    return self._finish(
                        span, head, known, tokens, description="", anonymous=False, role=None
                    )
            lemma = head.lemma_.lower()
            if lemma in _BODIES and lemma not in _OWN_BODIES:
                # "Zelensky's intelligence services": his country's body, not a person's slug
                holder = self._person(_strip_possessive(person.text), None)
                body_tokens = tokens.doc[max(person.end, tokens.start) : tokens.end]
                if len(body_tokens):
                    body = self._country_body(body_tokens, holder.country)
                    return self._finish(span, head, body, tokens, "", False, None)
            person = None
        country = self._country(tokens, person)
        description = self._description(tokens, person)
        anonymous = self._anonymous(full, head, person) or (hint and person is None)
        if person is None and self._individual_noun(tokens, head):
            earlier = self._unnamed_antecedent(head, span.start)
            if earlier is not None and tokens[0].lower_ in _DEFINITE:
                # "The technician, who asked not to be named" after "a technician at the plant"
                return self._finish(span, head, earlier, tokens, description, True, None)
            # "a technician at the plant", or "the engineer" after "citing an engineer": one
            # person the report does not name is an anonymous source, whatever the cue says
            anonymous = anonymous or tokens[0].lower_ in _INDEFINITE or self._introduced(head)
        role = None
        if person is not None:
            name = _strip_possessive(person.text)
            outside = [t for t in tokens if t not in person and t.text not in _SKIP_WORDS]
            if not outside:
                appositive = [t for t in extras if t.dep_ == "appos" or t.head.dep_ == "appos"]
                outside = [
                    t
                    for t in appositive
                    if t not in person and t.text not in _SKIP_WORDS and not t.is_punct
                ]
            role = " ".join(t.text for t in outside)
            source = self._person(name, country)
            if source.parent is None and source.id not in self.table.known:
                source = self._with_body(source, head, full, person)
        else:
            source = self._organisation(text, description, country, tokens, head, anonymous)
            # a name built from the words, not a known one
            made_up = {slug(text), slug(head.text), slug(description)}
            described = head.pos_ == "NOUN" and source.id not in self.table.known
            if source.id in made_up or source.id.startswith("anonymous-") or described:
                # "Ukraine's military intelligence agency, known as HUR": the clause names it
                # only the appositive's own head, or the object of "known as": "a channel linked
                # to Wagner" is not Wagner
                naming = {c.i for c in head.children if c.dep_ == "appos"}
                # "The Dubai-based company listed as the tanker's manager, Aurelia ...": the
                # name put beside the clause's own noun names the body too
                naming |= {
                    c.i
                    for t in extras
                    if t.pos_ == "NOUN" and t.head.i != head.i
                    for c in t.children
                    if c.dep_ == "appos"
                }
                called = {
                    t.i
                    for c in head.children
                    if c.dep_ == "acl" and c.lemma_ in ("know", "call", "name")
                    for t in c.subtree
                    if t.dep_ in ("pobj", "oprd", "attr")
                }
                naming |= called
                for ent in (e for e in full.ents if e.start >= tokens.end and e.root.i in naming):
                    known = self.table.find(ent.text, country)
                    if known is not None:
                        source = known
                        break
                    if ent.root.i in called and ent.label_ not in _NUMERIC_LABELS:
                        # "a group calling itself Crna Zora", "a channel called Black Dawn": the
                        # body is the name it goes by, whatever the tagger took the name for
                        kind = "person" if head.lemma_ in _PEOPLE_NOUNS else "organisation"
                        source = Source(id=slug(ent.text), name=ent.text, type=kind)
                        role = description
                        break
                    company = ent.label_ == "ORG" or ent[-1].lower_ in organisation_name_words()
                    bracketed = ent.start > 0 and full.doc[ent.start - 1].text == "("
                    if company and ent.root.dep_ == "appos" and not bracketed:
                        # ("The Beni Human Rights Collective (CDHB)": the acronym in brackets is
                        # the name's short form, and the name stays the source's)
                        # "The ship's manager, Thalassa Crest Shipmanagement": named apart
                        source = Source(id=slug(ent.text), name=ent.text, type="organisation")
                        role = description  # what other reports may call it: "the manager"
                        break
                else:
                    name = _company_name(full.doc, naming, tokens.end) or _name_between_commas(head)
                    if name is not None:
                        # "The ship's operator, Dorian Maritime of Piraeus": a company the tagger
                        # did not see, known by the word that ends its name
                        source = self.table.find(name, country) or Source(
                            id=slug(name), name=name, type="organisation"
                        )
                        role = description.removesuffix(source_key(name)).strip() or None
        return self._finish(
            span, head, source, tokens, description, anonymous, role or None, person
        )

    def _finish(
        self,
        span: Span,
        head: Token,
        source: Source,
        tokens: SpacySpan,
        description: str,
        anonymous: bool,
        role: str | None,
        person: SpacySpan | None = None,
    ) -> ResolvedSource:
        """Record the mention: the source gains this alias and role, and later pronouns,
        surnames and descriptions can point back to it."""
        text = tokens.text
        kind = "anonymous" if anonymous else source.type
        # Only names become aliases: "the group" must not make every later group this one.
        named = any(t.pos_ == "PROPN" for t in tokens) or self.table.find(text) is not None
        alias = _strip_possessive(_drop_article(text)) if named else None
        source = self._record(source, alias=alias, role=role or None)
        following = doc_text(self.doc)[span.end : span.end + 12]
        short = TRAILING_ACRONYM.search(span.text) or BRACKETED_ACRONYM.match(following)
        if short is not None and source.type != "person":
            # "a group calling itself the North-West Patriotic Movement, the MPNO", "the
            # Collective for Human Rights in Lac (CDHL)": a later "the MPNO" is this group
            source = self._record(source, alias=short.group(1), role=None)
        kinds = self.kinds.setdefault(source.id, set())
        kinds.add(head.lemma_.lower())
        kinds.update(c.lemma_.lower() for c in head.children if c.dep_ == "appos")
        # "the al Qaeda-linked group JNIM": a later "the group" is JNIM
        kinds.update(
            c.lemma_.lower()
            for c in head.children
            if c.dep_ == "compound" and c.i < head.i and c.lemma_.lower() in KIND_NOUNS
        )
        plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
        self.seen.append(
            _Seen(
                span.start,
                source.id,
                plural,
                # "a security source ... he said": an unnamed individual is someone too; "the
                # Houthis" or "its operator, Larkspur Tankers" is a body, whatever the tagger saw;
                # "a spokesman using the name Ka Dalisay" is someone, whatever it read
                source.type == "person"
                or _preceded_by(doc_text(self.doc), span.start, _USING_THE_NAME)
                or (
                    (person is not None or anonymous)
                    and not plural
                    and source.type not in _BODY_TYPES
                ),
                anonymous,
                description,
                head.lemma_.lower(),
                frozenset(
                    c.lemma_.lower()
                    for c in head.children
                    if c.dep_ in ("appos", "compound") and c.lemma_.lower() in KIND_NOUNS
                ),
            )
        )
        return ResolvedSource(SourceMention(span, source.id, kind, role=role or None), anonymous)

    # -- the rules ---------------------------------------------------------------------------

    def _person_named(self, surname: str) -> str | None:
        """The full name of the one person the document names with this last word (or first
        word, before a hyphenated given name)."""
        # the tagger often takes an unfamiliar name for a body or a place: read the text
        written = surname[:1] + surname[1:].lower()
        names = {
            m.group(0)
            # a second family name may follow: "Captain Óscar Reyes Banegas" for "REYES:"
            for m in re.finditer(
                rf"\b[{UPPER}][^\W\d_]+(?:-[{UPPER}][^\W\d_]+)? {written}"
                rf"(?: [{UPPER}][^\W\d_]+(?![^\W\d_]*:))?\b",
                self.doc.text,
            )
            # "Ms Norberg, can you ...", a reporter's question, names no one new
            if m.group(0).split()[0].casefold().rstrip(".") not in title_nouns() | HONORIFICS
        }
        # family name first: "YOON:" is the "Yoon Seo-yeon" the programme introduced
        names |= {
            m.group(0)
            for m in re.finditer(rf"\b{written} {HYPHENATED_GIVEN_NAME}\b", self.doc.text)
        }
        return names.pop() if len(names) == 1 else None

    def _as_introduced(self, person: Source, name: str) -> Source:
        """A transcript's speaker as the programme introduced them: "Yoon Seo-yeon, a
        researcher at Hanbit Security Lab" speaks for the lab on every line labelled YOON."""
        if person.parent is not None or person.id in self.table.known:
            return person
        found = self.doc.text.find(name)
        named = self.doc.char_span(found, found + len(name)) if found >= 0 else None
        if named is None:
            return person
        head = named.root
        full = self.doc[head.left_edge.i : head.right_edge.i + 1]
        return self._with_body(person, head, full, named)

    def _introduced_label(self, label: str) -> str | None:
        """ "COL. ZAU TAWNG" or "ZAU TAWNG" opening a transcript's line: the person its
        introduction named ("KIA spokesman Colonel Zau Tawng"), read without the rank."""
        words = label.split()
        if not label.isupper() or not 2 <= len(words) <= 5:
            return None
        while words and words[0].rstrip(".").casefold() in RANKS | HONORIFICS:
            words = words[1:]
        if len(words) < 2 or not all(w.isalpha() or "-" in w for w in words):
            return None
        named = self._person_named(words[-1])
        if (
            named is None
            or source_key(named).split()[-len(words) :] != source_key(" ".join(words)).split()
        ):
            return None
        return named

    def _office_of_known(self, tokens: SpacySpan, head: Token) -> Source | None:
        """ "The World Health Organization office in Juba", "the United Nations Resident
        Coordinator's office": a known organisation's own office speaks for it."""
        if head.lemma_.lower() not in _OFFICES_OF:
            return None
        words = [t for t in tokens if t.i < head.i and t.lower_ != "the"]
        for end in range(len(words), 0, -1):
            known = self.table.find(" ".join(t.text for t in words[:end]))
            if known is not None and known.type == "organisation":
                return known
        return None

    def _person(self, name: str, country: str | None) -> Source:
        """Full name in the table; a one-word name matching any part of a person already named
        (surname first or last: "Zelensky", "Lee"); a partial name the table knows ("Yoon Suk")."""
        written = name.split()
        while len(written) >= 3 and (
            (written[0].isupper() and 2 <= len(written[0]) <= 4)  # "DSP Abdullahi Kabir"
            or written[0].lower().rstrip(".") in HONORIFICS  # "Alhaji Sani Lawal", "Mr. X Y"
        ):
            written = written[1:]
        name = " ".join(written)
        words = source_key(name).split()
        whole = self.table.find(name)
        if whole is not None and whole.type != "person":
            return whole  # "the Houthis" tagged as a person: the group the table knows
        for candidate in (name, " ".join(words[:2]), words[0], words[-1]):
            known = self.table.find(candidate)
            if (
                known is not None
                and known.type == "person"
                and (candidate == name or len(words) <= 3)
            ):
                # "Yoon Suk" is Yoon Suk Yeol; "Yoon Seo-yeon", a researcher, is not
                if candidate == name or set(words) <= set(source_key(known.name).split()):
                    return known
        for seen in reversed(self.seen):
            if not seen.person or seen.source_id not in self.sources:
                continue
            earlier = source_key(self.sources[seen.source_id].name).split()
            if (len(words) == 1 and words[0] in earlier) or (words and earlier[-1] == words[-1]):
                return self.sources[seen.source_id]
        return Source(id=slug(name), name=name, type="person", country=country)

    def _organisation(
        self,
        text: str,
        description: str,
        country: str | None,
        tokens: SpacySpan,
        head: Token,
        anonymous: bool,
    ) -> Source:
        if len(tokens) == 1 and text.isupper() and (named := self._person_named(text)):
            # a transcript's "HALONEN:" is the "Riikka Halonen" its introduction names, and
            # "YOON:" the "Yoon Seo-yeon" it introduced, not the table's best-known Yoon
            return self._as_introduced(self._person(named, country), named)
        if (named := self._introduced_label(text)) is not None:
            return self._as_introduced(self._person(named, country), named)
        for candidate in (text, description):
            known = self.table.find(candidate, country)
            if known is not None:
                return known
        if (known := self._office_of_known(tokens, head)) is not None:
            return known
        if anonymous:
            bare = " ".join(w for w in description.split() if w not in self.lexicon.anonymity_heads)
            known = self.table.find(bare, country) if bare else None
            if known is not None:
                return known
            # "who asked not to be named" says nothing of who they are; "familiar with the
            # investigation" does, and stays in the name
            said = description
            for phrase in DESCRIBING_PHRASES:
                said = said.replace(phrase, phrase.replace(" ", "\0"))
            words = [
                w.replace("\0", " ")
                for w in said.split()
                if "\0" in w or not any(w in p for p in self.lexicon.anonymity_phrases)
            ]
            while len(words) > 1 and words[0] in _LEADING_WORDS:
                words = words[1:]  # "one senior official", "its diplomats": who, not how many
            label = " ".join(words) or "sources"
            # what readers see: the words as the report wrote them ("Cotonou"), and the
            # country by its name ("anonymous security official Cotonou, Benin"), not its code
            written = {
                t.lower_: t.text for t in tokens if t.text[:1].isupper() and t.i > tokens.start
            }
            shown = " ".join(written.get(w, w) for w in label.split())
            if country:
                shown += f", {self.countries.labels.get(country, country)}"
                label = f"{country} {label}"
            return Source(
                id=f"anonymous-{slug(label)}",
                name=f"anonymous {shown}",
                type="anonymous",
                country=country,
            )
        place = self.countries.of(text)
        if place is not None:
            return self._government(place)
        if text.isupper() and 2 <= len(text) <= 6:
            for seen in reversed(self.seen):
                if initials(self.sources[seen.source_id].name) == text:
                    return self.sources[seen.source_id]
            if (spelled := self._spelled_out.get(text)) is not None:
                # "the Militarized Communist Party of Peru (MPCP)": the report says which body
                return self.table.find(spelled) or Source(
                    id=slug(spelled), name=spelled, type="organisation"
                )
        # "Singh" after "Sabrina Singh"; also a surname the tagger read as a plural noun
        # ("Ozols rejected ...") when it is the last word of a person already named
        if len(tokens) == 1 and (head.pos_ == "PROPN" or head.text[:1].isupper()):
            for seen in reversed(self.seen):
                if (
                    seen.person
                    and source_key(text) in source_key(self.sources[seen.source_id].name).split()
                ):
                    return self.sources[seen.source_id]
        generic = len(tokens) <= 3 and not any(t.pos_ == "PROPN" for t in tokens)
        if (
            len(tokens) <= 5
            and not any(t.pos_ == "PROPN" for t in tokens)
            and tokens[0].lower_ == "the"
            and head.lemma_.lower() in _COMPANY_NOUNS
            and _modifiers(description, head) <= _COMPANY_KINDS
            # "The contractor, Daeil Control Systems, says": the name beside it is the source
            and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)
        ):
            noun = head.lemma_.lower()
            introduced = next(
                (
                    self.sources[seen.source_id]
                    for seen in reversed(self.seen)
                    if seen.position < tokens.start_char
                    and not seen.person
                    and not seen.anonymous
                    # introduced by the noun ("Operator Caledonia Hydro"), not pointed at
                    # by it earlier ("The company said"): that one is the company named last
                    and noun in seen.named_as
                    and self.sources[seen.source_id].name[:1].isupper()
                ),
                None,
            )
            if introduced is not None:
                return introduced  # "the operator" after "Operator Caledonia Hydro ..."
            if (
                chained := self._same_description(description, noun, tokens.start_char)
            ) is not None:
                return chained
            if noun == "utility" and (supplier := self._supplier(tokens.start_char)) is not None:
                return supplier  # "according to the utility": the supplier, not its contractor
            named = self._last_organisation(tokens.start_char, noun)
            if named is not None:  # "The company declined to comment" after "Amber Quay Terminals"
                return named  # (the company named last, not the last one called "company")
        if source_key(text) == description or tokens[0].lower_ in (
            "the",
            "this",
            "that",
            "your",
            "our",
        ):
            antecedent = self._described_antecedent(description, head, tokens.start_char)
            if antecedent is None and description == "force":
                antecedent = self._force_before(tokens.start_char)  # "the force": the police
            proper = {source_key(t.text) for t in tokens if t.pos_ == "PROPN"}
            if (
                antecedent is not None
                and antecedent.country is None
                and len(proper) >= 2
                and not proper <= set(source_key(antecedent.name).split())
            ):
                # "The West Papua National Liberation Army (TPNPB)" is named: not the bare
                # "army" the headline spoke of
                antecedent = None
            if antecedent is not None and not (country and antecedent.country != country):
                # "the Indonesian army" after a headline's bare "army" is Indonesia's army
                return antecedent
        if (
            generic
            and tokens[0].lower_ in ("the", "this")
            and head.lemma_.lower() in _BODIES
            and not country
            # "the ministry", not "the emergencies ministry" (another body than the last one)
            and not _modifiers(description, head)
        ):
            section = section_start(doc_text(self.doc), tokens.start_char)
            for seen in reversed(
                self.seen
            ):  # "the agency" after "South Korea's intelligence service"
                if head.lemma_.lower() in _NON_STATE_BODIES and seen.position < section:
                    break  # "the group" of a roundup's section is none of the section before
                known = self.sources[seen.source_id]
                if (
                    not seen.person
                    and not seen.anonymous
                    and known.type in ("organisation", "government", "military")
                    # "the ministry" after the prison workers' union is not the union
                    # nor the tanker's manager, Aurelia Marine Management
                    # nor the army named before it ("the agency" may be an army's), nor a body
                    # of no state (OCHA): a ministry is a state's
                    and not (
                        head.lemma_.lower() in _STATE_BODY_WORDS
                        and (
                            source_key(known.name).split(" of ")[0].split()[-1]
                            in _CIVIL_HEADS | organisation_name_words() | _FORCES
                            or known.country is None
                        )
                    )
                    # "the group" after Iran's embassy spoke is the hackers named before it:
                    # a group, network or militia is no state's body
                    and not (
                        head.lemma_.lower() in _NON_STATE_BODIES
                        # nor a bare "army" or "police", a state's force
                        and (_state_body(known) or source_key(known.name) in _FORCES)
                    )
                    # "the group that claimed the attack" after a security firm spoke: a firm
                    # ("Basalt Point Labs") is no group
                    and not (head.lemma_.lower() in _NON_STATE_BODIES and _firm_name(known))
                ):
                    if head.lemma_.lower() in _NON_STATE_BODIES:
                        # "the NCSC says the Black Falcon Team is its persona; ... the group
                        # says": the group named last, if only inside another's claim
                        mentioned = self._body_mentioned_last(tokens.start_char)
                        if mentioned is not None and mentioned[0] > seen.position:
                            return mentioned[1]
                    return known
        if (holder := self._office_holder(tokens, head, description)) is not None:
            return holder
        kind = "organisation"
        if (
            head.tag_ in ("NNS", "NNPS")
            and head.ent_type_ not in ("ORG", "GPE")
            and head.lower_ not in organisation_name_words()  # "Port Constanta Terminals"
        ):
            kind = "group"
        elif head.lemma_.lower() in title_nouns() and head.ent_type_ not in ("ORG", "GPE"):
            kind = (
                "person"  # an office standing for its holder: "the mayor", "the defence minister"
            )
        whole = _strip_possessive(_drop_article(text))
        name = _proper_part(whole)
        if name != whole:
            # the words that describe it are not part of its key either
            dropped = source_key(whole[: len(whole) - len(name)].replace("-", " ")).split()
            words = description.split()
            if words[: len(dropped)] == dropped:
                description = " ".join(words[len(dropped) :])
        if kind == "group" and head.i + 1 < tokens.end:
            # "separatist rebels in northern Mali", "residents of the town": the group is named
            # by the words up to its head, not the place phrase after it
            short = tokens.doc[tokens.start : head.i + 1]
            known = self.table.find(short.text, country)
            if known is not None:
                return known
            name = _strip_possessive(_drop_article(short.text))
            description = self._description(short, None)
        after = tokens.doc[head.i + 1 : tokens.end]
        if country and kind == "organisation" and len(after) and after[0].lower_ in _LOCATED:
            # "the foreign ministry in Caracas" is Venezuela's foreign ministry
            label = self.countries.labels.get(country, country)
            return Source(
                id=slug(f"{country} {description}"),
                name=f"{label} {description}",
                type=kind,
                country=country,
            )
        key = (
            f"{country} {description}"
            # "Police in Cabo Delgado" is Mozambique's police, as "Cabo Delgado police" is; a
            # name its body noun does not end ("Islamic State Sahel Province") is its own
            if country
            and (description in _FORCES or not description.startswith(source_key(name)[:3]))
            and source_key(name).endswith(description)
            else name
        )
        return Source(id=slug(key), name=name, type=kind, country=country)

    def _known_as(self, extras: list[Token]) -> Source | None:
        """A known source named in the appositive cut from a description ("known as X",
        "called X", "(X)")."""
        if len(extras) < 3:
            return None
        text = extras[0].doc.text[extras[0].idx : extras[-1].idx + len(extras[-1])]
        names = _KNOWN_AS.findall(text) + _PARENTHESIS.findall(text)
        for name in names:
            known = self.table.find(name.strip())
            if known is not None:
                return known
        return None

    def _represents(self, head: Token, tokens: SpacySpan) -> Source | None:
        """A delegate, ambassador or envoy speaks for the country named before the title or
        after "of" ("North Korea's delegate", "the North Korean ambassador to the UN",
        "the envoy of Ukraine"), not for the body where they speak; "the UN envoy for Syria"
        names no country before the title and stays with the UN."""
        if head.lemma_.lower() not in _REPRESENTATIVES:
            return None
        before = tokens.doc[tokens.start : head.i]
        country = self._country(before, None) if len(before) else None
        if country is None:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    body = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if body is not None and body.ent_type_ in ("GPE", "NORP"):
                        country = self.countries.of(body.text)
        if country is None:
            return None
        return self._government(country)

    def _government(self, country: str) -> Source:
        """The government a country stands for as a speaker ("Armenia said", "Yerevan's claim")."""
        return self.table.find("government", country) or Source(
            id=f"{country.lower()}-government",
            name=f"Government of {self.countries.labels.get(country, country)}",
            type="government",
            country=country,
        )

    def _place_named(self, holder: SpacySpan | None, head: Token) -> str | None:
        """The country a "person" stands for when the tagger took a country or a capital for
        one ("Yerevan calls it an invention", "Armenia's claim"): its only capitalised word
        is that place, and it heads the mention."""
        if holder is None or head not in holder:
            return None
        names = [t for t in holder if t.is_alpha and t.text[:1].isupper()]
        if len(names) != 1 or names[0] != holder[-1]:
            return None
        place = self.countries.of(names[0].text)
        demonym = source_key(names[0].text) in self.countries.demonyms
        return None if demonym else place

    def _country_body(
        self, tokens: SpacySpan, country: str | None, *, strip_country: bool = False
    ) -> Source:
        """ "his intelligence services" said of a president: that country's body of that name."""
        words = [
            t.text
            for t in tokens
            if t.dep_ != "poss"
            and t.text not in _SKIP_WORDS
            and not (strip_country and self.countries.of(t.text))
        ]
        description = source_key(" ".join(words))
        known = self.table.find(description, country) if country else None
        if known is not None:
            return known
        if country is None:
            return Source(id=slug(description), name=description, type="organisation")
        return Source(
            id=f"{country.lower()}-{slug(description)}",
            name=f"{self.countries.labels.get(country, country)} {description}",
            type="organisation",
            country=country,
            parent=f"{country.lower()}-government",
        )

    def _speaks_for(self, head: Token, tokens: SpacySpan) -> Source | None:
        """The body a spokesperson, official or source speaks for: after "for/at/of/in"
        ("a spokesman for the group"), or named before the head ("State Department
        spokesperson", "Japan's top government spokesman")."""
        member = head.lemma_.lower() in _MEMBERS_OF
        if head.lemma_.lower() not in _SPEAKS_FOR and not member:
            return None
        if head.lemma_.lower() in _SPOKES and any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children
        ):
            # "Pakistan's Foreign Office rejected ... 'Pakistan has nothing to do with this
            # incident,' its spokesperson said": the body the sentence before opened with
            implied = self._implied_body(tokens.start_char, False)
            if implied is not None:
                return implied
        modifiers = sorted(
            (t for c in head.children if c.dep_ == "compound" and c.i < head.i for t in c.subtree),
            key=lambda t: t.i,
        )
        if modifiers:
            country = self._country(tokens, None)
            body = " ".join(t.text for t in modifiers)
            bare = " ".join(t.text for t in modifiers if not self.countries.of(t.text))
            known = next(
                (
                    k
                    for name in (body, bare)
                    if name and (k := self.table.find(name, country) or self.table.find(name))
                ),
                None,
            )
            if known is not None:
                return known
            if country and source_key(body).split()[-1] == "government":
                return self._government(country)
            if country and modifiers[-1].lemma_.lower() in _BODIES:
                # "Iranian foreign ministry spokesman X": Iran's foreign ministry
                return self._country_body(
                    tokens.doc[modifiers[0].i : modifiers[-1].i + 1], country, strip_country=True
                )
            if country is None and modifiers[-1].lemma_.lower() in _BODIES | {"guard"}:
                # "Defence ministry spokeswoman X" after "Cambodia's defence ministry said";
                # "a coast guard spokeswoman" after "The Hellenic Coast Guard said"
                earlier = self._described_antecedent(
                    source_key(bare or body), modifiers[-1], tokens.start_char
                )
                if earlier is not None and earlier.country is not None:
                    return earlier
            placed = all(self._place_country(t.idx) for t in modifiers[:-1])
            if (
                modifiers[-1].lower_ in _FORCES
                and placed
                # "Police spokesman X", "Cabo Delgado police commander X"; "a police officer"
                # stays one unnamed officer
                and (head.lower_ in _SPOKES or (len(modifiers) > 1 and head.lemma_ in _SPEAKS_FOR))
            ):
                # "Police spokesman X": the police named before ("Kenya's police"), or the
                # police, never the outlet named before him
                name = modifiers[-1].lower_
                earlier = self._described_antecedent(name, modifiers[-1], tokens.start_char)
                # "Senegal's army spokesman" after "Mauritania's army": Senegal's army
                if earlier is not None and (country is None or earlier.country in (None, country)):
                    return earlier
                key = f"{country} {name}" if country else name
                return Source(id=slug(key), name=name, type="group", country=country)
            if (
                head.lower_ in _SPOKES
                and len(bare.split()) == 1
                and ACRONYM.fullmatch(bare)
                and not any(t.ent_type_ == "PERSON" for t in modifiers)
            ):
                # "the JAS spokesman": the body its acronym names, though no table knows it
                return self._described_antecedent(
                    source_key(bare), modifiers[-1], tokens.start_char
                ) or Source(id=slug(bare), name=bare, type="organisation")
        owner = next(
            (c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.i < head.i),
            None,
        )
        if owner is not None and (
            owner.ent_type_ != "PERSON"
            # "Caledonia Hydro's chief executive": a body's name the tagger read as a person's
            or any(t.lower_ in organisation_name_words() for t in owner.subtree)
        ):
            # "Mateo Guerrero, Quipu's head of threat research": the body that owns the role
            owner_span = span_of([t for t in owner.subtree if t.i <= owner.i], doc_text(self.doc))
            body = self._body_called(owner_span, owner) if owner_span is not None else None
            if body is not None:
                return body
        common = next(
            (c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN" and c.i < head.i),
            None,
        )
        if common is not None and common.lemma_.lower() in _FORCES | _BODIES | KIND_NOUNS:
            # "Mart Ilves, the firm's head of threat research": the firm the report has named
            words = [t for t in common.subtree if t.i <= common.i and t.dep_ not in ("det", "case")]
            earlier = self._described_antecedent(
                source_key(" ".join(t.text for t in words)), common, tokens.start_char
            )
            if earlier is not None and earlier.type != "person":
                return earlier
        foreign = _foreign_speaker(tokens)
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "at", "of", "from", "in", "with"):
                continue
            if foreign and prep.lower_ in _LOCATED:
                continue  # "a Western diplomat in Yerevan" does not speak for Armenia
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is None or body.i >= tokens.end:
                continue
            named = next(
                (c for c in body.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None
            )
            if (
                body.pos_ == "NOUN"
                and named is not None
                and named.i < tokens.end
                # "The chairman of Kaduna Electricity Company, Yusuf Maikano": the holder's
                # name, which the parser set beside the company
                and _personal_name(named) is None
            ):
                body = named  # "a spokeswoman for the operator, Caledonia Hydro": the named one
            if member and (body.ent_type_ in _PLACE_TYPES or prep.lower_ in ("in", "near")):
                continue  # "aid workers in Sudan", "doctors at Zamzam camp": placed, not members
            if (
                prep.lower_ in ("for", "of")
                and body.pos_ == "NOUN"
                and body.lemma_.lower() in KIND_NOUNS | {"force"}
                and _definite(body)
                and len(list(body.subtree)) == 2
            ):
                # "a spokeswoman for the force": the force the report has named (the Gang
                # Suppression Force), not a new body called "force"
                earlier = self._described_antecedent(body.lemma_.lower(), body, tokens.start_char)
                if earlier is not None and earlier.type != "person":
                    return earlier
            if (
                prep.lower_ in ("in", "near")
                and (body.ent_type_ in _PLACE_TYPES or self._place_country(body.idx))
                and self.countries.of(body.text) is None
            ):
                continue  # "a security official in Ségou": where the official is, not a body
            if (
                prep.lower_ in ("in", "near")
                and head.tag_ == "NN"
                and head.lemma_.lower() in self.lexicon.anonymity_heads
                and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children)
                and (body.ent_type_ in _PLACE_TYPES or self.countries.of(body.text))
            ):
                continue  # "a security source in Bangui": one unnamed person there, not the state
            if (
                body.ent_type_ in ("ORG", "NORP")
                or body.pos_ == "PROPN"
                or body.lemma_.lower() in _BODIES
                # "a spokeswoman for the Greek coast guard": a country's force
                or (
                    body.lemma_.lower() in _FORCES | {"guard"}
                    and any(self.countries.of(c.text) for c in body.children if c.i < body.i)
                )
            ):
                # "of Kaduna Electricity Company, Yusuf Maikano": the holder's name set beside
                # the company is no part of it
                holder = {
                    t.i
                    for c in body.children
                    if c.dep_ == "appos" and c.i > body.i and _personal_name(c) is not None
                    for t in c.subtree
                }
                body_tokens = [
                    t
                    for t in body.subtree
                    if t.i < tokens.end and t.dep_ not in ("relcl",) and t.i not in holder
                ]
                while len(body_tokens) > 1 and body_tokens[-1].is_punct:
                    body_tokens.pop()
                body_span = Span.of(
                    doc_text(self.doc),
                    body_tokens[0].idx,
                    body_tokens[-1].idx + len(body_tokens[-1]),
                )
                resolved = self.resolve(body_span, body)
                if resolved is not None and not resolved.mention.source_id.startswith("unresolved"):
                    return self._unit_of_force(self.sources[resolved.mention.source_id], body)
        return None

    def _unit_of_force(self, unit: Source, head: Token) -> Source:
        """ "the army's Second Division": a unit of the force the report has named ("Colombia's
        army"), which it speaks for; remembered with that force as its parent."""
        force = next(
            (c for c in head.children if c.dep_ == "poss" and c.lemma_.lower() in _FORCES),
            None,
        )
        if force is None or unit.country or unit.parent or unit.type != "organisation":
            return unit
        owner = self._described_antecedent(force.lemma_.lower(), force, force.idx)
        if owner is not None and owner.id == unit.id:
            return unit
        if owner is None or owner.country is None:
            # no army named with its country yet: the bare force, whose country the report's
            # scene gives when resolve counts independent sources
            unit = replace(unit, parent=slug(force.lemma_.lower()))
        else:
            unit = replace(unit, parent=owner.id, country=owner.country)
        self.sources[unit.id] = unit
        return unit

    def _office_holder(self, tokens: SpacySpan, head: Token, description: str) -> Source | None:
        """ "The minister" after "Minister for Civil Defence Johan Brandt": the person the report
        named with that office, the latest one if several."""
        if (
            tokens[0].lower_ != "the"
            or head.lemma_.lower() not in title_nouns()
            or any(t.pos_ == "PROPN" for t in tokens)
        ):
            return None
        wanted = _modifiers(description, head) | {head.lemma_.lower()}
        for seen in reversed(self.seen):
            if not seen.person or seen.position >= tokens.start_char:
                continue
            holder = self.sources[seen.source_id]
            words = {w for role in holder.roles for w in source_key(role).split()}
            if wanted <= words:
                return holder
        if wanted != {head.lemma_.lower()}:
            return None
        # "The colonel also said", after "the army spokesman, Colonel Abdelkerim Bichara": the
        # one person the report has named with that title before, speaker or not
        titled = {
            _strip_possessive(ent[1:].text if ent[0].lower_ == head.lower_ else ent.text)
            for ent in self.ents
            if ent.label_ == "PERSON"
            and ent.end_char <= tokens.start_char
            and (
                (ent.start > 0 and self.doc[ent.start - 1].lower_ == head.lower_)
                or (len(ent) > 1 and ent[0].lower_ == head.lower_)
            )
        }
        if len(titled) == 1:
            return self._person(titled.pop(), None)
        return None

    def _described_antecedent(self, description: str, head: Token, position: int) -> Source | None:
        """ "the intelligence agency" -> the latest organisation named so before: one already
        seen as a source, or one the text names ("briefed by the National Intelligence Service")
        that the table knows by those words. The whole description beats the head noun alone."""
        candidates: list[tuple[int, Source]] = [
            (seen.position, self.sources[seen.source_id])
            for seen in self.seen
            if not seen.person and not seen.anonymous and seen.position < position
        ]
        for ent in self.ents:
            if ent.label_ in ("ORG", "GPE", "NORP") and ent.end_char <= position:
                known = self.table.find(ent.text)
                if known is not None and known.type != "person":
                    candidates.append((ent.start_char, known))
        candidates.sort(key=lambda c: c[0], reverse=True)
        wanted = set(description.split())
        if not wanted:
            return None  # "The Black Sea Nature Association": a name that describes nothing
        head_word = head.lemma_.lower()
        modifiers = _modifiers(description, head)
        if wanted & _MEDIA_WORDS:  # "the Seoul-based news agency" is an outlet, not the spy agency
            candidates = [c for c in candidates if c[1].type == "media"]
        if head_word in ARMY_WORDS:
            # "the army" is a state's, not the "West Papua National Liberation Army" or the
            # "Arakan Army" a report on rebels names
            candidates = [
                c
                for c in candidates
                if c[1].country is not None or len(source_key(c[1].name).split()) <= 1
            ]
        for require_all in (True, False):
            for _, source in candidates:
                words = self.table.names.get(source.id, frozenset()) | set(
                    source_key(source.name).split()
                )
                words |= {w for alias in source.aliases for w in source_key(alias).split()}
                words |= self.kinds.get(source.id, set())
                if require_all and wanted <= words:
                    return source
                if (
                    not require_all
                    and head_word in words
                    and not (modifiers - words and words - wanted - _GENERIC_WORDS)
                ):
                    # "the ministry" -> the health ministry, but "the emergencies ministry" is
                    # another body than the health ministry named before it
                    return source
        return None

    def _company_elsewhere(self, name: str) -> bool:
        """Does the report write this name followed by a company word somewhere?"""
        pattern = re.compile(re.escape(name) + r" ([A-Z][a-z]+)")
        return any(
            m.group(1).lower() in organisation_name_words()
            for m in pattern.finditer(doc_text(self.doc))
        )

    def _role_holder(self, head: Token, full: SpacySpan) -> SpacySpan | None:
        """ "Its spokesman, Jean-Bosco Ndjadi": the name after a role noun is a person's, even
        where the tagger took it for an organisation."""
        if head.lemma_.lower() not in _SPEAKS_FOR | _MINISTERS | title_nouns():
            return None
        # "The prefect of Pama, Issa Thiombiano": the parser may hang the name on the place
        appositives = [
            c
            for holder in (head, *_of_objects(head))
            for c in holder.children
            if c.dep_ == "appos" and c.i < full.end and c.i > head.i
        ]
        for name in appositives:
            words = [t for t in name.subtree if not t.is_punct]
            if (
                len(words) >= 2
                and all(t.pos_ == "PROPN" for t in words)
                and not any(t.ent_type_ in ("GPE", "LOC", "NORP") for t in words)
                and self.table.find(" ".join(t.text for t in words)) is None
            ):
                return self.doc[words[0].i : words[-1].i + 1]
        return None

    def _with_body(
        self, person: Source, head: Token, full: SpacySpan, named: SpacySpan | None = None
    ) -> Source:
        """A person who speaks for a body ("Hassan Idris, a spokesman for the armed forces",
        "army spokesman Hassan Idris") belongs to it: what they say is the body's word, and
        counts once with it."""
        name = {t.i for t in named} if named is not None else set()
        roles = [
            c for c in head.children if c.dep_ == "appos" and c.i < full.end and c.i not in name
        ]
        roles += [
            t
            for t in full
            if t.i not in name
            and (t.i < head.i or t == head)
            and (
                t.lemma_.lower() in _SPEAKS_FOR | _MINISTERS | _STATE_OFFICES
                # "the president of the Fishermen's Association": who heads a body named after
                # "of" (a bare "President Ruto" heads no body the report has just named)
                or (t.lemma_.lower() in _HEADS_OF and any(_of_prep(c) for c in t.children))
            )
        ]
        for role in roles:
            if role.dep_ == "amod" and role.head in roles:
                continue  # "chief" of "chief executive": the office is its head noun's
            if (general := _hyphened_general(role)) is not None:
                # "NRP secretary-general X", "secretary-general of the Red Crescent": the head
                # of a body, not an officer of a state
                body = (
                    self._named_body(role) or self._headed_body(role) or self._headed_body(general)
                )
                if body is not None and body.id != person.id and body.type != "person":
                    return self._member_of(person, body)
                continue
            minister = role.lemma_.lower() in _MINISTERS or _cabinet_secretary(role)
            if role.lemma_.lower() in _STATE_OFFICES and not minister:
                # "the Secretary of State for Cabo Delgado", "the Belgorod governor": an officer
                # of the state that holds the place, who counts with its government
                where = next((c for t in role.subtree if (c := self._place_country(t.idx))), None)
                if where is not None:
                    return self._member_of(person, self._government(where))
                continue
            force = next(
                (c for c in role.children if c.dep_ == "compound" and c.lemma_.lower() in _FORCES),
                None,
            )
            if force is None and any(
                c.dep_ == "prep" and c.lower_ in ("in", "at", "from") and self._placed_by(c)
                for c in role.children
            ):
                # "a spokesman in Ituri": where he speaks, not for whom ("the army commander in
                # Gedo" is the army's)
                continue
            # "Information Minister", "Interior Cabinet Secretary": a portfolio
            body = (
                self._speaks_for(role, full)
                or (None if minister else self._named_body(role))
                or (self._headed_body(role) if role.lemma_.lower() in _HEADS_OF else None)
            )
            if body is None and force is not None and role.lemma_.lower() in ("commander", "chief"):
                # "X, the army commander in Gedo": the army the report named, else an army
                name = force.lemma_.lower()
                country = next(
                    (c for t in role.subtree if (c := self._place_country(t.idx))), None
                ) or self._country(full, None)
                body = self._described_antecedent(name, force, full.start_char) or Source(
                    id=slug(f"{country} {name}" if country else name),
                    name=name,
                    type="group",
                    country=country,
                )
            if (
                body is None
                and (minister or role.lemma_.lower() in _SPEAKS_FOR)
                and not any(c.dep_ == "prep" for c in role.children)
            ):
                # "..., spokeswoman Lenka Dvorakova said": the body the report has just named;
                # "Klippe Energi, the island's distributor" speaks for itself
                body = self._fronted_body(head) or self._implied_body(full.start_char, minister)
            if body is not None and body.id != person.id and body.type != "person":
                return self._member_of(person, body)
        owner = self._possessive_body(full, name) or self._body_led(head)
        if owner is not None and owner.id != person.id:
            return self._member_of(person, owner)
        return person

    def _fronted_body(self, head: Token) -> Source | None:
        """ "At Wabag General Hospital, the chief executive, Dr Serah Lakane, said": the body
        named where the sentence opens, which the office belongs to."""
        verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return None
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "at" or prep.i > head.left_edge.i:
                continue
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if (
                place is None
                or place == head
                or place.pos_ != "PROPN"
                or place.ent_type_ not in ("ORG", "FAC")
            ):
                continue
            words = [t for t in place.subtree if t.i <= place.i and t.dep_ not in ("det", "punct")]
            span = Span.of(doc_text(self.doc), words[0].idx, words[-1].idx + len(words[-1]))
            return self._body_called(span, place)
        return None

    def _body_led(self, head: Token) -> Source | None:
        """ "Dr Nadine Sarkis, who leads the firm's incident response team", "X, who heads
        Basalt Point Labs": the body the person runs, by its name or as the report named it."""
        for clause in head.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in _LEADING_VERBS:
                continue
            led = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if led is None:
                continue
            phrase = self.doc[led.left_edge.i : led.right_edge.i + 1]
            owner = self._possessive_body(phrase, set())
            if owner is not None:
                return owner
            placed = (
                led.pos_ == "NOUN" and _definite(led) and any(t.pos_ == "PROPN" for t in phrase)
            )
            if (led.pos_ == "PROPN" and led.ent_type_ not in _NOT_BODY_ENTS) or placed:
                # "who heads Basalt Point Labs"; "who runs the hospital in Momauk", a body named
                # by its kind and place as other reports name it
                body = self._body_called(
                    Span.of(doc_text(self.doc), phrase.start_char, phrase.end_char), led
                )
                if body is not None and (not placed or led.lower_ in body.name.lower()):
                    return body  # not the place alone ("Port Selby" for "the clinic in ...")
        return None

    def _body_called(self, span: Span, head: Token) -> Source | None:
        """The body these words name, as the resolver reads them; None for a person."""
        found = self.resolve(span, head)
        if found is None or found.mention.source_id.startswith("unresolved"):
            return None
        body = self.sources.get(found.mention.source_id)
        return body if body is not None and body.type != "person" else None

    def _possessive_body(self, full: SpacySpan, name: set[int]) -> Source | None:
        """ "Iain Cowie, the union's branch secretary": the body the report has introduced by
        that word ("the engineers' union Prospect"), the latest before the mention."""
        if any(t.i not in name and t.dep_ == "poss" and t.lower_ == "its" for t in full):
            # "Its permanent secretary, Dr Awa Kane, said": the body the sentence before named
            return self._implied_body(full.start_char, False)
        owners = [
            t.lemma_.lower()
            for t in full
            if t.i not in name and t.dep_ == "poss" and t.pos_ == "NOUN" and _definite(t)
        ]
        if not owners:
            return None
        introduced = next(
            (
                self.sources[seen.source_id]
                for seen in reversed(self.seen)
                if seen.position < full.start_char
                and not seen.person
                and not seen.anonymous
                and owners[0] in self.kinds.get(seen.source_id, ())
                and self.sources[seen.source_id].type != "person"
            ),
            None,
        )
        if introduced is None and owners[0] in _COMPANY_NOUNS:
            # "who leads the firm's incident response team" after "Basalt Point Labs said":
            # the company named last, as "the firm said" would be
            return self._last_organisation(full.start_char, owners[0])
        return introduced

    def _placed_by(self, prep: Token) -> bool:
        """ "in Ituri", "from Goma": a preposition that says where someone is, not whom they
        work for ("a researcher at Hanbit Security Lab" is one of the lab's people)."""
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return (
            place is None
            or prep.lower_ != "at"
            or place.ent_type_ not in ("ORG", "")  # a place, a person, a date
            or self._place_country(place.idx) is not None
            or (place.pos_ != "PROPN" and place.lemma_.lower() not in _BODIES)
        )

    def _member_of(self, person: Source, body: Source) -> Source:
        """The person as one of the body's people; the body is kept, so that the document's
        sources say what the parent id is."""
        self.sources.setdefault(body.id, body)
        return replace(person, parent=body.id, country=person.country or body.country)

    def _implied_body(self, position: int, government: bool) -> Source | None:
        """Whom a bare "spokeswoman" (or, for a minister, the government) speaks for: the body
        that opens the latest earlier sentence naming one, shortly before ("The MPLI, which
        the army blames ..., dismissed ... Its spokesman said": the MPLI, not the army)."""
        before = self._sentence_start(position)
        found: list[tuple[int, Source]] = []
        sentence = -1  # start of the sentence the latest body was found in
        # A minister's government is named in the paragraph or the one before: "Russia denied
        # any involvement" in the lead does not make a later "Interior Minister" Russian.
        reach = self._previous_paragraph(position) if government else -1
        for item in reversed(self.seen):
            if item.position >= before:
                continue
            if (
                before - item.position > IMPLIED_BODY_REACH
                or item.position < sentence
                or item.position < reach
            ):
                break
            source = self.sources[item.source_id]
            if item.person or item.anonymous or source.type in ("media", "person", "group"):
                continue
            if self._in_dateline(item.position):
                continue  # "KUOPIO, Finland —" the parser took for the lead's subject
            if government and not (
                source.type == "government"
                or {"government", "ministry"} & set(source.id.split("-"))
            ):
                continue  # "Yemen's Aden-based government" is one; "Finland's interior ministry"
            if not found:
                sentence = self._sentence_start(item.position)
            found.append((item.position, source))
        return min(found, key=lambda f: f[0])[1] if found else None

    @cached_property
    def _spelled_out(self) -> dict[str, str]:
        """Acronyms the report spells out in brackets after a name: "MPCP" -> "Militarized
        Communist Party of Peru" (a name in another language's order has other initials)."""
        return {
            found["acronym"]: found["name"]
            for found in SPELLED_OUT.finditer(doc_text(self.doc))
            if len(found["acronym"]) >= 3
        }

    @cached_property
    def _datelines(self) -> list[tuple[int, int]]:
        return [(span.start, span.end) for span, _ in find_datelines(doc_text(self.doc))]

    def _in_dateline(self, position: int) -> bool:
        return any(start <= position < end for start, end in self._datelines)

    def _sentence_start(self, position: int) -> int:
        token = self.doc.char_span(position, position + 1, alignment_mode="expand")
        return token[0].sent.start_char if token is not None else position

    def _headed_body(self, role: Token) -> Source | None:
        """ "president of the Kalymnos Fishermen's Association": the organisation named after
        "of", by its proper name (not "president of the country", "leader of the group")."""
        body = next(iter(_of_objects(role)), None)
        if body is None or body.pos_ != "PROPN" or body.ent_type_ in _NOT_BODY_ENTS:
            return None
        # the name, without an article or what is set after it ("..., Michalis Tsoukalas")
        cut = {t.i for c in body.children if c.dep_ in _AFTER_NAME for t in c.subtree}
        words = [t for t in body.subtree if t.i not in cut and t.dep_ not in ("det", "punct")]
        if len(words) < 2 and not ACRONYM.fullmatch(words[0].text):
            return None  # "President and CEO of ASP": a one-word name only as an acronym
        name = " ".join(t.text for t in words).replace(" 's", "'s")
        return self.table.find(name) or Source(id=slug(name), name=name, type="organisation")

    def _named_body(self, role: Token) -> Source | None:
        """ "Free Lens director": the organisation a role noun's proper-noun modifiers name."""
        names = [
            c for c in role.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < role.i
        ]
        if not names or any(self.countries.of(c.text) or self._place_country(c.idx) for c in names):
            return None  # "Cabo Delgado police commander": a place, not a body
        if role.lower_ in RANKS or any(c.lower_.rstrip(".") in RANKS for c in names):
            return None  # "Major General", "Lt Col": a rank, not a body
        words = [t for c in names for t in c.subtree if t.i < role.i]
        name = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
        if any(t.ent_type_ == "PERSON" for t in words):
            return None
        return self.table.find(name) or Source(id=slug(name), name=name, type="organisation")

    def _body_mentioned_last(self, position: int) -> tuple[int, Source] | None:
        """The latest organisation named before `position` (as a speaker or inside a claim)
        that has spoken in this report and is no state's body."""
        by_name = {
            source_key(self.sources[seen.source_id].name): self.sources[seen.source_id]
            for seen in self.seen
            if not seen.person and not seen.anonymous
        }
        for ent in reversed(self.ents):
            if ent.label_ != "ORG" or ent.end_char > position:
                continue
            known = by_name.get(source_key(_drop_article(ent.text)))
            if known is not None and not _state_body(known) and not _firm_name(known):
                return ent.start_char, known
        return None

    def _force_before(self, position: int) -> Source | None:
        """The police, army or navy seen last, or the one a person seen last speaks for:
        whom "the force" points back to ("Police spokesman X said the force stood by ...")."""
        for seen in reversed(self.seen):
            if seen.position >= position or seen.anonymous:
                continue
            source = self.sources[seen.source_id]
            body = self.sources.get(source.parent or "") if seen.person else source
            if body is not None and set(source_key(body.name).split()) & _FORCES:
                return body
        return None

    def _supplier(self, position: int) -> Source | None:
        """The company seen last whose name says what it supplies ("Atlantic Shore Power",
        "Emajõe Vesi"): what "the utility" points back to, past the contractor named since."""
        return next(
            (
                self.sources[seen.source_id]
                for seen in reversed(self.seen)
                if seen.position < position
                and not seen.person
                and not seen.anonymous
                and self.sources[seen.source_id].type == "organisation"
                and set(source_key(self.sources[seen.source_id].name).split()) & _SUPPLY_WORDS
            ),
            None,
        )

    def _same_description(self, description: str, noun: str, position: int) -> Source | None:
        """The body "the company" already stood for twice in this report, one the report
        introduced by a company's noun ("The operator, the Yeongdong Water Corporation"): a
        writer who has settled on calling the operator "the company" goes on doing so, whatever
        other firm ("Hanbit Security Lab", "the contractor, Daeil") the next paragraph names."""
        pointed = [
            seen.source_id
            for seen in self.seen
            if seen.position < position
            and not seen.person
            and not seen.anonymous
            and seen.head == noun
            and seen.description == description
        ]
        if len(pointed) < 2 or len(set(pointed[-2:])) != 1:
            return None
        if not self.kinds.get(pointed[-1], set()) & _COMPANY_NOUNS - {noun}:
            return None  # "Kestrel Forensics, which is investigating": not shown to be it
        return self.sources[pointed[-1]]

    def _other_kind(self, source_id: str) -> bool:
        """The report named this body by kind words, none of them a company's ("the union
        Prospect", "the rights group X")."""
        kinds = self.kinds.get(source_id, set()) & KIND_NOUNS
        if kinds:
            return not kinds & _COMPANY_NOUNS
        # named by no kind word: a name a company could not bear ("Cyber Centre")
        return not _company_like(self.sources[source_id].name, "company")

    def _last_organisation(self, position: int, kind: str = "company") -> Source | None:
        """The organisation named last before `position`: one seen as a source, or one the
        text names, unless that is an outlet or a known body of another kind. For "the
        airport" a named place of that kind counts too ("Riga International Airport")."""
        seen = next(
            (
                (item.position, self.sources[item.source_id])
                for item in reversed(self.seen)
                if item.position < position
                and not item.person
                and not item.anonymous
                and self.sources[item.source_id].type == "organisation"
                and self.sources[item.source_id].name[:1].isupper()  # named, not "a group"
                and not self._in_dateline(item.position)  # "KUOPIO, Finland —"
                # "the operator says" after OCHA spoke: a UN or state body is no company
                and not (kind in _COMPANY_NOUNS and self.sources[item.source_id].parent)
                # "the company says" after "the engineers' union Prospect says": a body the
                # report introduced as another kind is not the company
                and not (kind in _COMPANY_NOUNS and self._other_kind(item.source_id))
                # "the company" after "the Turkish side" or "the interior ministry" is no state
                and not (
                    kind in _COMPANY_NOUNS
                    # "Islamic State", "Beni Human Rights Collective", "the Canadian Centre for
                    # Cyber Security"
                    and _head_word(self.sources[item.source_id].name) in _NO_COMPANY_ENDS
                )
                # "the airport" is one named as an airport, not the embassy that spoke last
                and (
                    kind not in _NAMED_AS_KIND or kind in self.sources[item.source_id].name.lower()
                )
                # "the company" is not the radio programme whose title line opened the report
                and not (kind in _COMPANY_NOUNS and _outlet_name(self.sources[item.source_id].name))
            ),
            None,
        )
        for ent in reversed(self.ents):
            named_kind = ent.label_ in ("FAC", "LOC") and kind in ent.text.lower()
            text = self.doc.text
            unknown_place = (
                ent.label_ == "GPE"  # "Kallavesi Energia's plants": a company read as a place
                and len(ent) >= 2
                and self._place_country(ent.start_char) is None
                and self.countries.of(ent.text.removesuffix("'s").removesuffix("’s")) is None
            )
            dateline = (
                ent.text.isupper()
                and (ent.start_char == 0 or text[ent.start_char - 1] == "\n")
                and text[ent.end_char : ent.end_char + 2] in (", ", " —", " -")
            )
            if (
                ent.end_char > position
                or dateline
                or self._in_dateline(ent.start_char)  # "BERLIN/COPENHAGEN, April 8 (LW) —"
                or (ent.label_ != "ORG" and not named_kind and not unknown_place)
                or (kind in _NAMED_AS_KIND and kind not in ent.text.lower())
                or _titled_name(ent) is not None
                or (not named_kind and self._place_country(ent.start_char) is not None)
            ):
                # ("Spokeswoman Andreea Vlase" is a person the tagger took for one; "Kuopio"
                # read as an organisation is a town the gazetteer knows)
                continue
            if seen is not None and seen[0] > ent.start_char:
                break
            words = [t.lower_ for t in self.doc[max(0, ent.start - 2) : ent.start]]
            possessive = ent[-1].text in ("'s", "’s") or (
                ent.end < len(self.doc) and self.doc[ent.end].text in ("'s", "’s")
            )
            if (
                words[-1:] in (["to"], ["told"], ["of"], ["in"], ["at"]) and not possessive
            ) or words in (
                ["to", "the"],
                ["told", "the"],
            ):
                continue  # "told the Baltic Ledger", "the port of Klaipeda": not who spoke
            start = ent.start
            while (
                start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].is_title
            ):
                start -= 1  # "Pontica Container Terminal", where the tagger began at "Container"
            name = _strip_possessive(_drop_article(self.doc[start : ent.end].text)).rstrip("'’")
            if kind in _COMPANY_NOUNS and (
                not _company_like(name, kind) or _head_word(name) in _NO_COMPANY_ENDS
            ):
                # "the operator" is no navy, news agency or convention named before it, only
                # a name that a company's could be
                continue
            known = self.table.find(name)
            if known is not None:
                return known if known.type in ("organisation", "company") else None
            if name.isupper():
                return None  # an acronym may be anyone
            if len(name.split()) < 2 or _outlet_name(name):
                # one capitalised word is as often a place the tagger took for a company
                # ("as far as Olomouc and Zlin"), and a newspaper is an outlet: look further back
                continue
            return self._record(Source(id=slug(name), name=name, type="organisation"), name, None)
        return seen[1] if seen is not None else None

    def _individual_noun(self, tokens: SpacySpan, head: Token) -> bool:
        """One person named only by what they are ("a technician", "the engineer"): a
        singular common noun, no name in the mention, not a body, outlet or document."""
        lemma = head.lemma_.lower()
        return (
            head.tag_ == "NN"
            and not head.ent_type_
            and tokens[0].lower_ in _DEFINITE | _INDEFINITE
            and not any(t.pos_ == "PROPN" for t in tokens)
            and not any(e.label_ in ("ORG", "PERSON") for e in self._ents(tokens))
            and lemma not in _ORGANISATION_KINDS | _BODIES | _MEDIA_WORDS | _NOT_INDIVIDUALS
            # "according to the utility" after a quote's "a greedy utility": a body
            and lemma not in _COMPANY_NOUNS - {"contractor"}
            and lemma not in _SPEAKS_FOR
            and lemma not in not_source_nouns()
        )

    def _unnamed_antecedent(self, head: Token, position: int) -> Source | None:
        """The anonymous person seen last with the same head noun ("a technician ... the
        technician")."""
        lemma = head.lemma_.lower()
        for seen in reversed(self.seen):
            if seen.position < position and seen.anonymous and seen.head == lemma:
                return self.sources[seen.source_id]
        return None

    def _introduced(self, head: Token) -> bool:
        """Was this person introduced earlier without a name ("citing an engineer who works at
        the site ... the engineer said")?"""
        lemma = head.lemma_.lower()
        return any(
            t.lemma_.lower() == lemma
            and t.tag_ == "NN"
            and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in t.children)
            for t in self.doc[: head.i]
        )

    def speaker_before(self, position: int) -> _Seen | None:
        """The last actor named before `position`, in its paragraph or the one before."""
        reach = self._previous_paragraph(position)
        earlier = [seen for seen in self.seen if reach < seen.position < position]
        return earlier[-1] if earlier else None

    def _previous_paragraph(self, position: int) -> int:
        """Where the paragraph before the one holding `position` begins (its line break; -1 at
        the start of the text): how far back "the statement" or a bare minister may point."""
        text = doc_text(self.doc)
        paragraph = text.rfind("\n", 0, position)
        while paragraph > 0 and text[paragraph - 1] == "\n":
            paragraph -= 1  # paragraphs set apart by a blank line
        return text.rfind("\n", 0, paragraph) if paragraph > 0 else -1

    def named_again(self, start: int, end: int) -> _Seen | None:
        """The body that spoke earlier in this report and is named again, by a name it spoke
        under, last between `start` and `end`."""
        window = doc_text(self.doc)[start:end]
        bodies = {
            seen.source_id: seen
            for seen in self.seen
            if not seen.person and not seen.anonymous and seen.position < start
        }
        found: tuple[int, _Seen] | None = None
        for source_id, seen in bodies.items():
            source = self.sources[source_id]
            for name in {source.name, *source.aliases}:
                if len(name) < 3:
                    continue
                for match in re.finditer(rf"\b{re.escape(name)}\b", window):
                    if found is None or match.start() > found[0]:
                        found = (match.start(), seen)
        return found[1] if found else None

    def pronoun_antecedent(self, pronoun: str, position: int) -> _Seen | None:
        """Whom a pronoun at `position` points back to, remembered as named there."""
        antecedent = self._antecedent(pronoun, position)
        if antecedent is not None:
            self._remember(position, antecedent.source_id, antecedent, antecedent.description)
        return antecedent

    def _antecedent(self, pronoun: str, position: int) -> _Seen | None:
        wanted = _PRONOUNS[pronoun]
        paragraph = doc_text(self.doc).rfind("\n", 0, position)
        other_speaker = False  # a body spoke in the pronoun's paragraph after the candidate
        clause_sentence: int | None = None  # a candidate named inside a describing clause
        for seen in reversed(self.seen):
            if seen.position >= position:
                continue
            if seen.person and _outlet_name(self.sources[seen.source_id].name):
                # "..., Mbuyamba told Sandpiper Wire. Five attackers were killed, he said": the
                # tagger's person is the outlet spoken to; "he" is the one who spoke
                continue
            if wanted == "person" and seen.person:
                if other_speaker and seen.position < paragraph:
                    # "Ngongo said ...\n\nThe MPLI denied ... 'We do not kill', he said": he
                    # is someone of the MPLI's, not the army spokesman of the paragraph before
                    return None
                return seen
            if not seen.person and seen.position > paragraph:
                other_speaker = True
            if wanted == "plural" and (seen.plural or not seen.person):
                return seen
            if wanted == "thing" and not seen.person and not seen.plural:
                if clause_sentence is not None:
                    return seen if seen.position >= clause_sentence else None
                # "the group the army blames for the attack ... In a communiqué, it said": "it"
                # is the group, not a body named inside the clause describing it
                clause_sentence = self._relative_clause_sentence(seen.position)
                if clause_sentence is None:
                    return seen
        # only a body inside the clause: the body it describes was named without speaking
        return None

    def _relative_clause_sentence(self, position: int) -> int | None:
        """Where the sentence starts when the mention at `position` is inside a relative
        clause ("the group [the army blames]"); None otherwise."""
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        token = span[0]
        before = self.doc[token.i - 1] if token.i > token.sent.start else None
        # "the group the army blames": a clause with no "that", which the parser often misreads
        reduced = (
            before is not None
            and token.lower_ in ("the", "a", "an")
            and before.pos_ in ("NOUN", "PROPN")
            and before.dep_ != "compound"
        )
        if not reduced and not any(a.dep_ == "relcl" for a in token.ancestors):
            return None
        return token.sent.start_char

    # -- mention parts -----------------------------------------------------------------------

    def _country(self, tokens: SpacySpan, person: SpacySpan | None) -> str | None:
        """The country a mention names: "Seoul's", "South Korean", "Ukraine's", "officials in
        Kyiv"; not where a foreigner speaks from ("a Western diplomat in Yerevan")."""
        foreign = _foreign_speaker(tokens)

        def where_they_are(index: int) -> bool:  # "in Yerevan", said of a foreigner
            return foreign and index > 0 and tokens.doc[index - 1].lower_ in _LOCATED

        for ent in self._ents(tokens):
            if person is not None and ent.start >= person.start:
                continue
            if where_they_are(ent.start):
                continue
            if ent.label_ in ("GPE", "NORP", "LOC"):
                found = self.countries.of(ent.text)
                if found:
                    return found
        for words, found in self._country_names(tokens):  # "Royal Papua New Guinea ...": not Guinea
            if not where_they_are(words[0].i):
                return found
        for token in tokens:
            if where_they_are(token.i):
                continue
            if token.pos_ in ("ADJ", "PROPN") and (found := self.countries.of(token.text)):
                return found
        for token in tokens:
            if token.pos_ == "PROPN" and not where_they_are(token.i):
                # "Police in Cabo Delgado", "Kursk governor": the country of a region or town
                found = self._place_country(token.idx)
                if found:
                    return found
        return None

    def _country_names(self, tokens: SpacySpan) -> Iterator[tuple[SpacySpan, str]]:
        """(words, country) for each country name of several words in the mention, longest
        first, whether or not the tagger marked it ("Papua New Guinea police")."""
        for size in (4, 3, 2):
            for start in range(len(tokens) - size + 1):
                words = tokens[start : start + size]
                if words[0].pos_ == "PROPN" and (found := self.countries.of(words.text)):
                    yield words, found

    def _place_country(self, position: int) -> str | None:
        return next((c for start, end, c in self.places if start <= position < end), None)

    def _description(self, tokens: SpacySpan, person: SpacySpan | None) -> str:
        """The mention without articles, possessive places and demonyms: "spy agency"."""
        words = []
        place_tokens = {
            t.i for ent in self._ents(tokens) if ent.label_ in ("GPE", "NORP", "LOC") for t in ent
        }
        # a country of several words the tagger left untagged: "police", as after "Kenyan"
        place_tokens.update(t.i for words, _ in self._country_names(tokens) for t in words)
        for token in tokens:
            if person is not None and token in person:
                continue
            if token.i in place_tokens or token.lower_ in _SKIP_WORDS or token.is_punct:
                continue
            if token.lower_ in _LOCATED and any(c.i in place_tokens for c in token.children):
                continue  # "the defence ministry in Moscow": the place says whose, not which
            if self.countries.of(token.text) and token.pos_ in ("ADJ", "PROPN"):
                continue
            words.append(token.text)
        return source_key(" ".join(words))

    def _anonymous(self, tokens: SpacySpan, head: Token, person: SpacySpan | None) -> bool:
        lowered = source_key(tokens.text)
        if any(phrase in lowered for phrase in self.lexicon.anonymity_phrases):
            return True
        if person is not None or any(
            ent.label_ == "ORG" and head in ent for ent in self._ents(tokens)
        ):
            return False
        return (
            head.lemma_.lower() in self.lexicon.anonymity_heads
            or head.lower_ in self.lexicon.anonymity_heads
        )

    def _ents(self, tokens: SpacySpan) -> list[SpacySpan]:
        return [e for e in self.ents if e.start >= tokens.start and e.end <= tokens.end]

    def _remember(self, position: int, source_id: str, like: _Seen, description: str) -> None:
        self.seen.append(replace(like, position=position, description=description))

    def _record(self, source: Source, alias: str | None, role: str | None) -> Source:
        """Keep one Source per id, gathering every way the document names it."""
        current = self.sources.get(source.id, source)
        aliases = (
            current.aliases
            if alias is None or alias in current.aliases
            else (*current.aliases, alias)
        )
        roles = current.roles if not role or role in current.roles else (*current.roles, role)
        current = replace(current, aliases=aliases, roles=roles)
        self.sources[source.id] = current
        return current


# entity labels that name no body: "a unit called 2 December" is a date the tagger saw
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
# nouns for one person: "a man known as Abu Khalid" names a person, not a body
_PEOPLE_NOUNS = frozenset({"man", "woman", "person", "boy", "girl", "individual"})
_KNOWN_AS = re.compile(r"\b(?:known as|called|named)\s+([^,;()]+)")
_PARENTHESIS = re.compile(r"\(([^()]{2,60})\)")


def _cabinet_secretary(role: Token) -> bool:
    """ "Interior Cabinet Secretary": a minister, as Kenya names its ministers."""
    return role.lower_ == "secretary" and role.i > 0 and role.doc[role.i - 1].lower_ == "cabinet"


def _hyphened_general(role: Token) -> Token | None:
    """The "general" of "secretary-general" or "director-general", which the parser splits."""
    doc = role.doc
    if (
        role.i + 2 < len(doc)
        and doc[role.i + 1].text == "-"
        and doc[role.i + 2].lower_ == "general"
    ):
        return doc[role.i + 2]
    return None


def _of_prep(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ in ("of", "for")


def _of_objects(token: Token) -> list[Token]:
    """What a role noun is of or for: "Pama" in "the prefect of Pama"."""
    return [o for c in token.children if _of_prep(c) for o in c.children if o.dep_ == "pobj"]


def _titled_name(tokens: SpacySpan) -> SpacySpan | None:
    """ "Spokeswoman Andreea Vlase", "Brigadier Abdullah al-Murtada, a spokesman for ...",
    "army spokesman Colonel Servais Akpovi" tagged as an organisation: a title, then a name (up
    to the first comma)."""
    titles = _SPEAKS_FOR | title_nouns()
    for i in range(1, len(tokens) - 2):
        if tokens[i].lower_ in titles and tokens[i - 1].lower_ not in ("of", "for"):
            if tokens[i].text[:1].isupper() and (named := _titled_at(tokens[i:])) is not None:
                return named  # "army spokesman Colonel Servais Akpovi": from the rank on
    return _titled_at(tokens)


def _titled_at(tokens: SpacySpan) -> SpacySpan | None:
    if len(tokens) < 3 or tokens[0].lower_ not in _SPEAKS_FOR | title_nouns():
        return None
    rest = tokens[1:]
    if rest[0].lower_ in ("for", "of"):
        # "Commissioner for Information Rabi Garba": the office's own words, then a name; the
        # last two of three or more capitalised words are the name
        run = []
        for token in rest[1:]:
            if token.is_punct or not token.text[:1].isupper():
                break
            run.append(token)
        return tokens.doc[run[-2].i : run[-1].i + 1] if len(run) >= 3 else None
    words = []
    for token in rest:
        if token.is_punct and token.text not in "-'’":
            break
        words.append(token)
    names = [t for t in words if t.text not in "-'’"]
    if (
        names
        and len(names) <= 4
        and words[-1].text not in "-'’"
        and all(
            t.lower_ in _NAME_PARTICLES
            or (t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.ent_type_ != "GPE")
            for t in names
        )
        and names[0].lower_ not in _NAME_PARTICLES
    ):
        return tokens.doc[words[0].i : words[-1].i + 1]
    return None


_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "van", "von"})


def _foreign_speaker(tokens: SpacySpan) -> bool:
    """A diplomat, or a "Western" or "foreign" official: a place they are in is not theirs."""
    return any(
        t.lemma_.lower() in _DIPLOMATS
        # "the foreign ministry in Caracas" is Venezuela's: the word names a body's brief there
        or (t.lower_ in _FOREIGN_WORDS and t.head.lemma_.lower() not in _BODIES | {"affairs"})
        for t in tokens
    )


def _honoured_name(tokens: SpacySpan) -> SpacySpan | None:
    """ "Dr Nadine Sarkis", which the tagger may read as a body: an honorific before two or
    three capitalised words names a person (the name without the honorific)."""
    words = [t for t in tokens if t.dep_ != "det"]
    if not words or words[0].lower_.rstrip(".") not in HONORIFICS:
        return None
    name = []
    for token in tokens.doc[words[0].i + 1 : tokens.end]:
        if token.text == "." and not name:
            continue  # "Dr. Nadine Sarkis", the full stop split off
        if not (token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha):
            break
        name.append(token)
    if not 2 <= len(name) <= 3 or any(t.lower_ in organisation_name_words() for t in name):
        return None
    return tokens.doc[name[0].i : name[-1].i + 1]


@cache
def _office_nouns() -> frozenset[str]:
    """Offices one person holds: a spokesman, a secretary-general, a governor, a minister."""
    return frozenset(_SPEAKS_FOR | _HEADS_OF | _STATE_OFFICES | _MINISTERS | title_nouns())


def _name_after_office(head: Token, full: SpacySpan) -> SpacySpan | None:
    """ "Caledonia Hydro's chief executive, Alasdair Petrie", the name read as a body: two or
    three capitalised words set beside an office name its holder."""
    if head.lemma_.lower() not in _office_nouns():
        return None
    for name in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
        if name.i < full.end and (found := _personal_name(name)) is not None:
            return found
    return None


def _personal_name(head: Token) -> SpacySpan | None:
    """Two or three capitalised words ending at `head` that name no body and no place (after
    an honorific: "Hon. Yusuf Maikano")."""
    words = [c for c in head.children if c.dep_ == "compound" and c.i < head.i] + [head]
    words.sort(key=lambda t: t.i)
    while len(words) > 2 and words[0].lower_.rstrip(".") in HONORIFICS:
        words = words[1:]
    if not 2 <= len(words) <= 3 or words[-1].i - words[0].i != len(words) - 1:
        return None
    if not all(t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN" for t in words):
        return None
    if any(t.lower_ in organisation_name_words() or t.lower_ in title_nouns() for t in words):
        return None
    if any(t.ent_type_ in ("GPE", "LOC", "NORP", "FAC") for t in words):
        return None
    return head.doc[words[0].i : words[-1].i + 1]


def _name_with_office(head: Token) -> SpacySpan | None:
    """ "Iain Cowie, the union's branch secretary", which the tagger may read as a body: two or
    three capitalised words set beside an office one person holds name that person."""
    if head.pos_ != "PROPN" or not any(
        c.dep_ == "appos" and c.lemma_.lower() in _office_nouns() for c in head.children
    ):
        return None
    # not "Caledonia Hydro, the operator": a body's name has a word of one
    return _personal_name(head)


# what a sentence may be about when a pronoun after its colon stands for their owner
_CLAIM_NOUNS = frozenset({"claim", "account", "statement", "figure", "version", "count", "toll"})


def _binding_subject(pronoun: Token) -> Token | None:
    """ "The force stood by its assessment", "the ministry repeated its claim": the subject of
    the clause whose object the possessive pronoun qualifies, when that subject is a noun."""
    if pronoun.lower_ not in ("its", "their") or pronoun.dep_ != "poss":
        return None
    owned = pronoun.head
    verb = owned.head.head if owned.dep_ == "pobj" else owned.head
    if owned.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.i > pronoun.i:
        return None
    return subject


def _claims_owner(pronoun: Token) -> Token | None:
    """ "Hollow Birch's claims have not matched ...: it says": the named owner of the claims
    the sentence opens on, when the pronoun follows its colon or semicolon."""
    sentence = pronoun.sent
    if sentence.start > 0 and pronoun.doc[sentence.start - 1].text in ":;":
        # the parser may start a sentence after the colon ("...: it says X, while the utility
        # says Y, and it says Z": both pronouns are the owner's)
        sentence = pronoun.doc[sentence.start - 1].sent
    subject = next((t for t in sentence if t.dep_ in ("nsubj", "nsubjpass")), None)
    if (
        subject is None
        or subject.i >= pronoun.i
        or subject.lemma_.lower() not in _CLAIM_NOUNS
        or not any(t.text in ":;" for t in pronoun.doc[subject.i : pronoun.i])
    ):
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN" or owner.ent_type_ == "GPE":
        return None
    return owner


def _outlet_name(name: str) -> bool:
    """A name with a news word in it ("Sandpiper Wire", "Nyanza Daily"): an outlet's."""
    return bool(_MEDIA_WORDS & set(source_key(name).split()))


def _definite(token: Token) -> bool:
    """ "the force", "the firm's": a noun with "the", pointing back to one named before."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _under_preposition(token: Token, tokens: SpacySpan) -> bool:
    """The token is a preposition's object, or set beside one, inside the mention."""
    current = token
    while current.dep_ in ("appos", "conj", "pobj") and tokens.start <= current.i < tokens.end:
        if current.dep_ == "pobj":
            return True
        current = current.head
    return False


def _person_entity(tokens: SpacySpan) -> SpacySpan | None:
    """The last person named in the mention, without a title the tagger swallowed
    ("Spokeswoman Amira Haddad" -> "Amira Haddad")."""
    names = load_country_names().names
    people = [  # "Mali's defence ministry": the tagger's person "Mali" is the country
        ent
        for ent in tokens.ents
        if ent.label_ == "PERSON"
        and source_key(ent.text).removesuffix("'s") not in names
        and not _office_domain(ent)
        # "Caledonia Hydro's chief executive, ...": a body owning an office is not its holder
        and not (
            ent.root.dep_ == "poss" and any(t.lower_ in organisation_name_words() for t in ent)
        )
    ]
    if not people:
        return None
    # "Brigadier X, a military spokesman for the Houthis" (the tagger's PERSON "Houthis"): the
    # one the speaker works for is not the speaker when someone else is named; nor is a body
    # the tagger read as a person set beside the object of "for" ("... a spokeswoman for the
    # operator, Caledonia Hydro")
    speakers = [ent for ent in people if not _under_preposition(ent.root, tokens)]
    person = (speakers or people)[-1]
    start = person.start
    titles = title_nouns()
    while start < person.end - 1 and (
        person.doc[start].lower_ in titles or person.doc[start].lower_ in _TITLE_PREFIXES
    ):
        start += 1
    return person.doc[start : person.end]


_LOCAL_OFFICES = frozenset(
    {"mayor", "burgomaster", "governor", "prefect", "administrator", "chief"}
)


def _office_domain(ent: SpacySpan) -> bool:
    """ "The mayor of the nearby town of Ayorou": a name the tagger took for a person is the
    place an office is held in, not its holder."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ != "of":
        return False
    owner = prep.head.lemma_.lower()
    return owner in SETTLEMENT_NOUNS or owner in _LOCAL_OFFICES


def _modifiers(description: str, head: Token) -> set[str]:
    """The words of a description beside its head noun: "emergencies" in "the emergencies
    ministry", nothing in "its ministry"."""
    return set(description.split()) - _POSSESSIVES - {head.lemma_.lower(), head.lower_}


# the last words of bodies that are no company: "the operator says" is none of them
_PUBLIC_BODY_ENDS = frozenset({"state", "collective", "observatory", "watch", "committee", "council", "commission", "coalition", "alliance", "front", "mission", "court", "assembly", "brigade", "battalion", "province", "centre", "center", "institute", "agency", "authority"})  # fmt: skip
_NO_COMPANY_ENDS = (
    _NOT_COMPANIES | _OUTLET_NAME_ENDS | (_CIVIL_HEADS - {"company"}) | _PUBLIC_BODY_ENDS
)
_COMPANY_FORMS = LEGAL_FORMS | {"network", "company", "corporation", "corp", "co"}


def _company_like(name: str, kind: str) -> bool:
    """A name a company could bear: one that ends in a company word or a legal form
    ("Dorian Maritime", "Moravia Health Network", "AS Emajõe Vesi"), or says its kind
    ("Riga International Airport" for "the airport")."""
    words = source_key(name).split()
    return bool(words) and (
        # "Kallavesi Energia": a company word in another language's form
        any(
            w.startswith(word) or (len(w) >= 5 and word.startswith(w))  # "Terminal", "Energia"
            for w in words
            for word in organisation_name_words()
        )
        or words[-1] in _COMPANY_FORMS
        or words[0] in _COMPANY_FORMS
        or kind in words
    )


def _head_word(name: str) -> str:
    """The noun a body's name is headed by: "centre" in "Canadian Centre for Cyber Security"
    and in "National Cyber Security Centre Finland"."""
    words = re.split(r" (?:for|of) ", source_key(name), maxsplit=1)[0].split()
    if len(words) > 1 and load_country_names().of(words[-1]) is not None:
        words = words[:-1]
    return words[-1] if words else ""


def _last_word(name: str) -> str:
    words = source_key(name).split()
    return words[-1] if words else ""


def _company_name(doc: Doc, naming: set[int], after: int) -> str | None:
    """The proper-noun name set beside a description ("Dorian Maritime", with its compounds)
    whose last word is one companies end in ("Maritime", "Shipping", "Group")."""
    for i in sorted(naming):
        token = doc[i]
        if i < after or token.pos_ != "PROPN" or token.lower_ not in organisation_name_words():
            continue
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if not words or any(not t.text[:1].isupper() for t in words):
            continue  # "Maritime" alone names nothing
        return doc[words[0].i : token.i + 1].text
    return None


# what a report calls a company or other body before it gives its name: "The utility, AS
# Emajõe Vesi, said"
_NAMED_AFTER = frozenset({"utility", "operator", "owner", "manager", "insurer", "airline", "carrier", "provider", "charterer", "shipowner"}) | _ORGANISATION_KINDS  # fmt: skip
_LONGEST_NAME = 6


def _name_between_commas(head: Token) -> str | None:
    """ "The water utility, AS Emajõe Vesi, said": the capitalised words set off by commas
    right after a body's description are its name, however the parser attached them."""
    doc = head.doc
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _NAMED_AFTER:
        return None
    start = head.i + 1
    if start >= len(doc) or doc[start].text != ",":
        return None
    end = start + 1
    while end < len(doc) and end - start <= _LONGEST_NAME and doc[end].text != ",":
        if not doc[end].text[:1].isupper():
            return None
        end += 1
    if end >= len(doc) or doc[end].text != "," or end == start + 1:
        return None
    name = doc[start + 1 : end]
    if any(t.ent_type_ in ("PERSON", "GPE", "LOC", "NORP") for t in name):
        return None  # "the firm's founder, Ana Ruiz," or "the company, Norway," are no names
    return name.text


def _firm_name(source: Source) -> bool:
    """ "Kestrel Forensics", "Basalt Point Labs": a firm's name, no group's ("the group
    claims" after a security firm spoke is the hackers)."""
    return bool(
        set(source_key(source.name).split()[-1:]) & (organisation_name_words() - _NON_STATE_BODIES)
    )


def _strip_possessive(text: str) -> str:
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _proper_part(name: str) -> str:
    """ "state-owned Swedish Space Corporation" -> "Swedish Space Corporation": lower-case words
    before a name of capitalised words describe the body; the name is the rest."""
    words = name.split()
    first = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if not first or len(words) - first < 2 or not all(w[:1].isupper() for w in words[first:]):
        return name
    if {w.lower() for w in words[:first]} & (title_nouns() | _SPEAKS_FOR):
        return name  # "police spokesman Nikola Perović": a person's office, not a body's epithet
    return " ".join(words[first:])


def _drop_article(text: str) -> str:
    for article in ("the ", "a ", "an ", "some ", "several ", "many ", "other ", "its ", "their "):
        if text.lower().startswith(article):
            return text[len(article) :]
    return text


def _run_on_name(token: Token) -> bool:
    """ "The Gulf of Aden Maritime Coordination Cell": a proper-noun "appositive" with no comma
    before it is the rest of one name, not a second description."""
    if token.dep_ != "appos" or token.pos_ != "PROPN":
        return False
    between = token.doc[token.head.i + 1 : token.left_edge.i]
    return not any(t.is_punct for t in between) and all(
        t.pos_ in ("PROPN", "ADP", "DET") for t in token.doc[token.head.i : token.i + 1]
    )


# what kind of body a description says before the body's own name
KIND_NOUNS = frozenset(
    "group organisation organization company firm charity militia movement network "
    "operator union association alliance coalition observatory agency channel account utility".split()
)


def _named_otherwise(tokens: SpacySpan, known: Source) -> bool:
    """The mention is a name of two or more words, none of them in the known source's names."""
    proper = {source_key(t.text) for t in tokens if t.pos_ == "PROPN"}
    names = {w for name in (known.name, *known.aliases) for w in source_key(name).split()}
    return len(proper) >= 2 and not proper & names


def _name_after_kind(tokens: SpacySpan, head: Token, extras: list[Token]) -> SpacySpan | None:
    """ "the rights group Basin Watch", "the jihadist group Islamic State West Africa Province":
    a description of a kind of body, then its proper name, which is the source."""
    if (
        not extras
        or head.lemma_.lower() not in KIND_NOUNS
        or any(t.pos_ == "PROPN" for t in tokens)
        or len(tokens) > 4
    ):
        return None
    if extras[0].text == ",":
        return None  # "Its operator, Osprey Tankers, ...": an appositive, read as one already
    start = end = extras[0].i
    while end < len(head.doc) and head.doc[end].pos_ == "PROPN" and end - start < 8:
        end += 1
    return head.doc[start:end] if end > start else None


def _name_headed_by_kind(tokens: SpacySpan, head: Token) -> SpacySpan | None:
    """ "the al Qaeda-linked group JNIM", parsed with the name as the head and the kind of
    body as its modifier: the name after the kind noun is the source."""
    if head.pos_ != "PROPN":
        return None
    kinds = [t for t in tokens if t.i < head.i and t.lemma_.lower() in KIND_NOUNS]
    if not kinds:
        return None
    name = head.doc[kinds[-1].i + 1 : head.i + 1]
    if not all(t.pos_ == "PROPN" or t.text in "-'’" for t in name):
        return None
    return name


def _home_town(token: Token, head: Token) -> bool:
    """ "Aurelia Marine Management from Dubai": where a named body is from is not its name."""
    return (
        token.dep_ == "prep"
        and token.lower_ == "from"
        and token.head.i == head.i
        and head.ent_type_ == "ORG"
        and any(c.dep_ == "pobj" and c.ent_type_ == "GPE" for c in token.children)
    )


def _core(tokens: SpacySpan, head: Token) -> tuple[SpacySpan, list[Token]]:
    """The mention up to its first appositive or clause after the head, and what was cut."""
    cut_at = min(
        (
            t.left_edge.i
            for t in tokens
            if (t.dep_ in ("relcl", "acl", "appos", "advcl") or _home_town(t, head))
            and t.i > head.i
            and t.head in tokens
            and not _run_on_name(t)
        ),
        default=None,
    )
    if cut_at is None or cut_at <= tokens.start:
        return tokens, []
    end = cut_at
    while end > tokens.start + 1 and tokens.doc[end - 1].is_punct:
        end -= 1
    return tokens.doc[tokens.start : end], list(tokens.doc[end : tokens.end])


_GLUED_HYPHEN = re.compile(r"-[^\W\d_]+")


def _with_glued_hyphens(span: Span, text: str) -> Span:
    """ "Seo Min-jae", "Lee Soo-kyung": the parser hangs a hyphenated given name's second half
    off the name, and a span cut at the hyphen would make "Seo Min" another actor."""
    if not span.text[-1:].isalpha():
        return span
    end = span.end
    while (match := _GLUED_HYPHEN.match(text, end)) is not None:
        end = match.end()
    return span if end == span.end else Span.of(text, span.start, end)
