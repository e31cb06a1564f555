"""Find attributions: who (source) says (cue) what (content), in every form news uses.

Needs: a parsed Doc (tagger, parser, lemmatiser), the quotation marks in the text and the cue
lexicon.  Returns: `Found` records (tokens and spans) in document order; `pipeline.py` turns them
into `Attribution` records once sources and hedges are known.

Forms handled: verb cues with a that-clause, an object or "of"; quotations before, after or split
around the cue, or opened after a colon on the next line; participles ("..., saying ..."); "according
to X" before or after the content; reporting nouns ("the claim that ..."); agentless passives ("is
believed to"); "citing X" and "quoted by X" (the outlet becomes the channel); nested reports.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.nlp.gazetteer import load_gazetteer
from claimgraph.nlp.lexicon import Cue, Lexicon, actor_nouns, not_source_nouns, title_nouns
from claimgraph.nlp.model import doc_text
from claimgraph.nlp.polarity import load_polarity_lexicon, polarity_of
from claimgraph.nlp.quotes import Quote, find_quotes
from claimgraph.nlp.spans import char_span, span_of, spans_of
from claimgraph.records import Certainty, Form, Span

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_RELATIVE = {"who", "which", "that", "whom"}
_MEDIA_NOUNS = frozenset(
    "media press newspaper newspapers outlets television tv broadcasters websites".split()
)
_CUT_DEPS = {"conj", "advcl", "pcomp", "parataxis", "relcl"}
TURN_SENTENCE_WORDS = 4  # "That is not true." says something; "Yes, thank you." does not
_PASSIVE_OK = {"say", "report", "believe", "think", "understand", "allege", "claim", "rumour", "rumor", "suspect", "estimate", "know", "fear", "expect"}  # fmt: skip
_CREDIT = {"responsibility", "credit"}
_ASKING = {"ask", "wonder", "question", "inquire", "enquire"}
_OPEN_WORDS = {"whether", "if", "why", "how", "what", "when", "where", "who", "which"}
# "X said to demand ...": the passive reporting verbs that also report hearsay without "is"
_HEARSAY = _PASSIVE_OK - {"claim", "estimate", "fear", "expect"}
_EVIDENCE_VERBS = {"show", "indicate", "suggest", "mean", "prove", "demonstrate", "find", "point"}
_NOT_CUE_ADVERBS = {"when", "where", "how", "why", "as", "then", "later", "earlier"}
_BELIEF_IN_QUOTES = {"think", "believe", "guess", "suppose", "feel", "hope"}
_HEARSAY_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"}
_HEARSAY_PASSIVES = {"say", "report", "rumour", "rumor", "allege", "claim"}
_OF_PREPS = ("of", "about", "against")
_ACCUSING = {"accuse", "blame", "charge"}
_COUNT_NOUNS = frozenset(
    "number figure toll count total tally cost bill damage losses loss price estimate".split()
)
# what a source raises or revises as its own count ("raised the toll to 14"); "raised the
# number of troops to 5,000" is a deed, not a report
_TOLL_NOUNS = frozenset({"toll", "tally", "count", "estimate", "figure"})
# the counted people themselves put at a figure: "puts the dead at 11", "put the displaced at 4,800"
_COUNTED_PEOPLE = frozenset(
    "dead death deaths casualties casualty fatalities wounded injured displaced missing".split()
)
_COLON_BEFORE_QUOTE = re.compile(r"[^“\"\n.!?]{0,120}?:\s*$")


@dataclass
class Found:
    """One attribution as tokens and spans, before sources are canonical and hedges graded."""

    cue_token: Token  # the head of the cue (verb, noun or "according")
    cue: Span
    content: tuple[Span, ...]
    form: Form
    cue_entry: Cue | None
    source_head: Token | None = None
    source: Span | None = None
    channel: Span | None = None
    quote_inside: bool = False
    extra_cue_tokens: list[Token] = field(default_factory=list)
    anonymous_hint: bool = False  # "said on condition of anonymity", "asking not to be named"
    conjunct: int = 0  # for "X and Y said": 0 for X's claim, 1 for Y's (the same cue and content)
    speaker: Span | None = None  # for "X and Y said": X (or Y) within the source span


def find_attributions(doc: Doc, lexicon: Lexicon) -> list[Found]:
    """All attributions in the document, in order of their cue."""
    quotes = find_quotes(doc_text(doc))
    finder = _Finder(doc, lexicon, quotes)
    found: list[Found] = []
    for sentence in doc.sents:
        found.extend(finder.in_sentence(sentence))
    found.extend(finder.colon_lines())
    # a reporter's unsourced premise on a "Q:" line ("There are reports that ...") is nobody's
    # claim; "Q: The minister said ..." still reports the minister
    found = [
        f
        for f in found
        if (
            f.source_head is not None
            or not any(start <= f.cue.start < end for start, end in finder.questions)
        )
        and not _source_holds_content(f)
    ]
    found = [f for f in found if not _own_people_inside(f, found)]
    found.sort(key=lambda f: f.cue.start)
    return _one_per_conjunct(found, finder.text)


def _own_people_inside(found: Found, others: list[Found]) -> bool:
    """ "According to our teams on the ground, 19 people were killed," said the minister: the
    speaker's own people are the speaker's channel. The words are the minister's claim, already
    found with its quote; "our teams" is no source of their own."""
    source = found.source
    if source is None or source.text.split(maxsplit=1)[0].lower() not in ("our", "my"):
        return False
    return any(
        other is not found
        and any(part.start <= found.cue.start < part.end for part in other.content)
        for other in others
    )


def _source_holds_content(found: Found) -> bool:
    """ "Iran's 'continued harassment of merchant shipping' threatened freedom of navigation": a
    phrase quoted inside the subject is the reporter's (or the outer speaker's) words about
    Iran, not Iran speaking; no one's words are their own speaker."""
    source = found.source
    return source is not None and all(
        source.start <= part.start and part.end <= source.end for part in found.content
    )


def _one_per_conjunct(found: list[Found], text: str) -> list[Found]:
    """ "Moscow and Pyongyang have not acknowledged ...": two actors, so two claims with the same
    cue and content, one per conjunct (each its own source), never one source "Moscow and".
    "Russia and North Korea signed a treaty. Both governments denied ...": one claim per
    government, each spoken by its name in the sentence before."""
    result: list[Found] = []
    for f in found:
        head = f.source_head
        conjuncts = _conjuncts(head) if head is not None else []
        # "IDRIS: And the teachers?": a conjunct outside the source's words is no speaker
        conjuncts = [c for c in conjuncts if f.source is None or c.idx < f.source.end]
        if head is not None and not conjuncts:
            actors = _pair_referred_to(head)
        elif (
            head is not None
            and all(_names_actor(t) for t in [head, *conjuncts])
            and not _one_name(head, conjuncts)  # "the Bureau of Fisheries and Aquatic Resources"
            and not _one_holders_offices(conjuncts)
        ):
            actors = [head, *conjuncts]
        else:
            actors = []
        if not actors:
            result.append(f)
            continue
        for number, token in enumerate(actors):
            nested = {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
            tokens = [
                t
                for t in token.subtree
                if t.i not in nested
                and not (t.dep_ in ("cc", "punct", "preconj") and t.head.i == token.i)
            ]
            if token.i == head.i:
                tokens = [t for t in tokens if f.source is None or t.idx >= f.source.start]
            # the source span stays as written ("Moscow and Pyongyang"); each claim's speaker
            # is its own conjunct
            result.append(
                replace(f, source_head=token, speaker=span_of(tokens, text), conjunct=number)
            )
    return result


# offices one person holds together: "Gordon Macphail, President and CEO of ASP"
_JOINT_OFFICES = frozenset({"ceo", "founder", "owner", "coo", "cfo", "chair"})


def _one_holders_offices(tokens: list[Token]) -> bool:
    """ "Gordon Macphail, President and CEO of ASP", the titles read as conjuncts of the name:
    one person's offices (singular, without an article, none a name), not more speakers."""
    return all(
        t.tag_ in ("NN", "NNP")
        and not any(c.dep_ == "det" for c in t.children)
        and t.ent_type_ not in ("PERSON", "GPE", "NORP")
        and (t.lower_ in title_nouns() or t.lower_ in _JOINT_OFFICES)
        for t in tokens
    )


_PAIR_NOUNS = frozenset({"governments", "sides", "countries", "states", "capitals", "leaders"})


def _pair_referred_to(head: Token) -> list[Token]:
    """ "Both governments", "the two sides": the two actors the sentence before coordinates as
    its subject ("Russia and North Korea signed ..."), or nothing."""
    if head.lower_ not in _PAIR_NOUNS:
        return []
    words = {c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod")}
    if "both" not in words and not {"the", "two"} <= words:
        return []
    sentence = head.sent
    if sentence.start == 0:
        return []
    for token in head.doc[sentence.start - 1].sent:
        if token.dep_ in ("nsubj", "nsubjpass"):
            pair = [token, *_conjuncts(token)]
            if len(pair) == 2 and all(_names_actor(t) and t.pos_ == "PROPN" for t in pair):
                return pair
    return []


def _one_name(head: Token, conjuncts: list[Token]) -> bool:
    """Head and conjuncts inside one named organisation, as the entity recogniser reads it, or
    one country whose name has an "and" in it ("Trinidad and Tobago says ...")."""
    entity = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if (
        entity is not None
        and entity.label_ in ("ORG", "FAC")
        and all(entity.start <= t.i < entity.end for t in conjuncts)
    ):
        return True
    if len(conjuncts) != 1 or conjuncts[0].i - head.i > 4:
        return False
    words = head.doc[head.left_edge.i : conjuncts[0].i + 1]
    return load_gazetteer().lookup(words.text, kind="country") is not None


def _conjuncts(head: Token) -> list[Token]:
    """The actors coordinated with this one: "Russia, Iran and North Korea" -> Iran, North Korea.
    A "conjunct" with no comma or "and" before it is a title run into a name the parser split
    ("Minister for Civil Defence Johan Brandt"): one speaker, not two."""
    found = []
    for child in head.children:
        if child.dep_ == "conj" and _coordinated(child) and not _one_body_name(head, child):
            found.append(child)
            found.extend(_conjuncts(child))
    return found


# the last word of a body's name that may hold "and": "Perth and Kinross Council"
_BODY_NAME_ENDS = frozenset({"council", "councils", "committee", "commission", "authority", "board", "association", "assembly", "bureau", "department", "agency", "service", "services", "union", "office", "partnership", "trust", "alliance", "coalition", "front", "movement"})  # fmt: skip


def _one_body_name(head: Token, conjunct: Token) -> bool:
    """ "Perth and Kinross Council says": one council named after two places, not Perth and a
    Kinross Council. A bare capitalised word joined by "and" to a capitalised name that ends
    in a body's word ("Council", "Committee")."""
    words = head.doc[head.left_edge.i : conjunct.right_edge.i + 1]
    return (
        head.left_edge == head
        and head.pos_ == "PROPN"
        and words[-1].lower_ in _BODY_NAME_ENDS
        and all(t.text[:1].isupper() or t.lower_ in ("and", "&") for t in words)
    )


# crimes a report can call an act without an article: "calls the attack terrorism"
_LABEL_NOUNS = frozenset({"terrorism", "aggression", "sabotage", "piracy", "provocation", "propaganda", "genocide", "murder", "banditry", "blackmail", "extortion", "vandalism", "escalation"})  # fmt: skip


def _label_read_as_compound(noun: Token) -> Token | None:
    """ "the attack terrorism": a label noun with the named thing as its compound, the article
    before the thing."""
    if noun.lemma_.lower() not in _LABEL_NOUNS:
        return None
    thing = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    article = [c for c in noun.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")]
    return noun if thing and article and article[0].i < thing[0].i else None


_FREE_RELATIVES = frozenset({"what", "whatever", "which", "whichever"})
# a cue said of a habit, not of one statement: "habitually blames", "routinely accuses"
_HABITUALLY = frozenset({"habitually", "routinely", "invariably"})
_COORDINATORS = frozenset({",", ";", "and", "or", "nor", "&", "but"})


def _names_a_time(preposition: Token) -> bool:
    """ "on Sunday", "on 3 December", "late on Wednesday": a preposition whose object is a date
    or a time, nothing else."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        t.ent_type_ in ("DATE", "TIME") for o in objects for t in o.subtree
    )


def _coordinated(conjunct: Token) -> bool:
    """A comma or a coordinating word right before the conjunct's first word."""
    start = conjunct.left_edge.i
    return start > 0 and conjunct.doc[start - 1].lower_ in _COORDINATORS


class _Finder:
    def __init__(self, doc: Doc, lexicon: Lexicon, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lexicon = lexicon
        self.quotes = quotes
        self.used: set[int] = set()  # token indices already serving as a cue
        self.questions: list[tuple[int, int]] = []  # transcript "Q:" lines, found by colon_lines

    # -- the forms ---------------------------------------------------------------------------

    def in_sentence(self, sentence: SpacySpan) -> Iterable[Found]:
        cues = [t for t in sentence if self._is_cue_head(t)]
        for token in cues:
            if token.i in self.used:
                continue
            if token.lower_ in _HEARSAY_ADVERBS:
                result = self._hearsay_adverb(token, cues)
            elif token.lower_ == "according":
                result = self._according_to(token, cues)
            elif token.pos_ in ("NOUN", "PROPN"):
                result = self._noun(token, cues)
            else:
                result = self._verb(token, cues)
            if result is not None:
                self.used.add(token.i)
                self.used.update(t.i for t in result.extra_cue_tokens)
                yield result
                if result.cue_entry is not None and result.cue_entry.content == "at":
                    yield from self._gapped_counts(token, result)
                if result.cue_entry is not None and result.cue_entry.content == "figure":
                    yield from self._gapped_figures(token, result)

    def _gapped_counts(self, verb: Token, first: Found) -> Iterable[Found]:
        """ "OCHA puts the displaced at about 12,000, the relief commission at 9,400 and the
        commissioner at more than 15,000": the verb and the counted thing left out, each further
        name and figure is that name's own count of the same thing."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if len(objects) < 2 or not first.content:
            return
        counted = objects[0]
        said = self.doc[counted.left_edge.i : counted.right_edge.i + 1]
        for other in objects[1:]:
            for name in (other, *(c for c in other.subtree if c.dep_ == "conj")):
                at = _own_figure(name, "at")
                if at is None or not _actor_word(name):
                    continue  # "the dead at 11 and the wounded at 30" is one source's two counts
                words = [t for t in name.subtree if t.i < at.i and t.dep_ not in ("cc", "punct")]
                figure = self.doc[at.i : at.right_edge.i + 1]
                yield replace(
                    first,
                    content=(
                        Span.of(self.text, said.start_char, said.end_char),
                        Span.of(self.text, figure.start_char, figure.end_char),
                    ),
                    source_head=name,
                    source=Span.of(self.text, words[0].idx, name.idx + len(name)),
                    channel=None,
                    speaker=None,
                    conjunct=0,
                )

    def _gapped_figures(self, verb: Token, first: Found) -> Iterable[Found]:
        """ "The army counts two civilians dead, the mayor 11 and the rights committee 17": each
        further name with a figure is that name's own count of the same thing."""
        gapped = _gapped_names(verb)
        if not gapped or not first.content:
            return
        counted = next(c for c in verb.children if c.dep_ == "dobj")
        own = {t.i for c in counted.children if c.dep_ == "nummod" for t in c.subtree}
        thing = [
            t
            for c in verb.children
            if c.dep_ in ("dobj", "oprd") and c.i >= counted.i and c.i < gapped[0][0].left_edge.i
            for t in c.subtree
            if t.i not in own
        ]
        if not thing:
            return
        for name, figure in gapped:
            words = [t for t in name.subtree if t.i < figure.i and t.dep_ not in ("cc", "punct")]
            yield replace(
                first,
                content=(span_of(thing, self.text), span_of(list(figure.subtree), self.text)),
                source_head=name,
                source=span_of(words, self.text),
                channel=None,
                speaker=None,
                conjunct=0,
            )

    def colon_lines(self) -> Iterable[Found]:
        """Headline and transcript style: "Kerry: the limit is set every year" — a short name
        opening a line, a colon, and what that speaker said."""
        start = 0
        speaker: SpacySpan | None = None  # who answers the "A:" lines of a transcript
        lines = self.text.split("\n")
        interviewers, voices = _transcript_roles(lines, self.text)
        headings = {m.start() for m in BRIEFING_HEADING.finditer(self.text)}
        for line in lines:
            colon = line.find(":")
            if (
                0 < colon <= 40
                and len(line) - colon > 12
                and not _heads_bullets(line, start, headings)
            ):
                label = _voice(line[:colon])  # "MBAYE (recording)": MBAYE speaks
                name = self.doc.char_span(start, start + len(label), alignment_mode="contract")
                rest = char_span(start + colon + 1, start + len(line), self.text)
                if label in TRANSCRIPT_LABELS or label in interviewers:
                    # "Q:" (or the presenter who asks) is a reporter's question, no claim; "A:"
                    # is the last speaker named
                    answers = TRANSCRIPT_LABELS.get(label, False)
                    name = speaker if answers else None
                    if not answers:
                        self.questions.append((start, start + len(line)))
                elif name is not None and (label in voices or _is_speaker_label(name)):
                    speaker = name
                credit = label.split()[-1].casefold() in _JOURNALIST_LABELS and (
                    rest is not None and len(rest.text.split()) <= 4
                )  # "Wednesday 25 November. Presenter: Ruth Calloway." credits, claims nothing
                if (
                    name is not None
                    and rest is not None
                    and not credit
                    and (label in voices or _is_speaker_label(name))
                    and not (start == 0 and _label_is_no_speaker(name, rest.text))
                ):
                    content = self._with_quotes(
                        list(
                            self.doc.char_span(rest.start, rest.end, alignment_mode="expand") or []
                        ),
                        [],
                        [],
                    )
                    if content and not any(t.i in self.used for t in name):
                        form = Form.DIRECT if self._in_quote(rest.start + 1) else Form.INDIRECT
                        for said in self._turn_sentences(content):
                            yield Found(
                                cue_token=self.doc[name.end],
                                cue=Span(start + colon, start + colon + 1, ":"),
                                content=said,
                                form=self._quote_form(said, form),
                                cue_entry=None,
                                source_head=name.root,
                                source=Span.of(self.text, name.start_char, name.end_char),
                            )
            yield from self._inline_labels(line, start)
            start += len(line) + 1

    def _inline_labels(self, line: str, start: int) -> Iterable[Found]:
        """A round-up's tally inside a line: "NAS fighters attack the barracks. Army: five
        soldiers, three civilians and 11 attackers dead. Italy: 43 nautical miles north of
        Zuwara." A name and a colon opening a sentence, then figures with no clause of their own:
        who counts what, written as a table in prose."""
        for match in INLINE_LABEL.finditer(line):
            name = self.doc.char_span(
                start + match.start(1), start + match.end(1), alignment_mode="contract"
            )
            words = self.doc.char_span(
                start + match.start(2), start + match.end(2), alignment_mode="contract"
            )
            if name is None or words is None or not _is_speaker_label(name):
                continue
            if any(t.i in self.used for t in (*name, *words)) or not _tally(words):
                continue
            self.used.update(t.i for t in words)
            yield Found(
                cue_token=self.doc[name.end],
                cue=Span(start + match.end(1), start + match.end(1) + 1, ":"),
                content=(Span.of(self.text, words.start_char, words.end_char),),
                form=Form.INDIRECT,
                cue_entry=None,
                source_head=name.root,
                source=Span.of(self.text, name.start_char, name.end_char),
            )

    def _turn_sentences(self, content: tuple[Span, ...]) -> list[tuple[Span, ...]]:
        """A speaker's turn, cut where it turns from asserting to denying: "This is a judicial
        matter concerning the smuggling of fuel. ... No shots were fired, nobody was hurt"
        asserts one thing and denies others, two claims. Sentences of one stance stay one claim,
        as the speaker said them; a sentence too short to say anything ("Yes.") or one that passes
        on another's report joins its neighbours."""
        groups: list[tuple[str, int, int]] = []  # (polarity, start, end)
        for span in content:
            tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            if tokens is None:
                return [content]
            for sentence in tokens.sents:
                begin, end = max(sentence.start_char, span.start), min(sentence.end_char, span.end)
                words = self.text[begin:end].split()
                # a sentence that passes on another's report ("Russia's embassy calls the
                # accusation baseless") is that report's, not the speaker's stance
                relays = any(t.i in self.used for t in sentence)
                stance = (
                    polarity_of(":", self.text[begin:end], content=list(sentence))[0]
                    if len(words) >= TURN_SENTENCE_WORDS and not relays
                    else None
                )
                if groups and (stance is None or stance == groups[-1][0]):
                    groups[-1] = (groups[-1][0], groups[-1][1], end)
                else:
                    groups.append((stance or "", begin, end))
        if len(groups) < 2:
            return [content]
        return [(_strip_trailing(Span.of(self.text, b, e), self.text),) for _, b, e in groups]

    def _hearsay_adverb(self, adverb: Token, cues: list[Token]) -> Found | None:
        """ "The drones were reportedly launched from ...": a report whose source goes unnamed."""
        head = adverb.head
        if head.pos_ not in ("VERB", "AUX") or head.i in self.used:
            return None
        if any(c.i in self.used for c in head.ancestors if c.lemma_.lower() in self.lexicon.verbs):
            return None  # already inside a named source's report
        tokens = [
            t for t in head.subtree if t.i != adverb.i and head.sent.start <= t.i < head.sent.end
        ]
        content = self._with_quotes(self._cut_other_reports(tokens, head, cues), [], cues)
        if not content:
            return None
        return Found(
            cue_token=adverb,
            cue=Span.of(self.text, adverb.idx, adverb.idx + len(adverb)),
            content=content,
            form=Form.INDIRECT,
            cue_entry=Cue(adverb.lower_, "adverb", "clause", Certainty.POSSIBLE, "-"),
        )

    def _is_cue_head(self, token: Token) -> bool:
        if token.lower_ in _HEARSAY_ADVERBS:
            return token.dep_ == "advmod"
        if token.lower_ == "according":
            return token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to"
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in self.lexicon.verbs:
            # "I think we will win" inside a quotation is the speaker's stance, not a new report
            return not (lemma in _BELIEF_IN_QUOTES and self._in_quote(token.idx))
        return token.pos_ == "NOUN" and lemma in self.lexicon.nouns

    def _in_quote(self, offset: int) -> bool:
        return any(q.inner_start <= offset < q.inner_end for q in self.quotes)

    def _verb(self, verb: Token, cues: list[Token]) -> Found | None:
        if verb.sent.text.rstrip().endswith("?") and not self._in_quote(verb.idx):
            return None  # "Can you confirm that ...?": a question asserts nothing
        if _appended_denial(verb.head, self.lexicon.verbs) == verb:
            return self._appended_denial_found(verb)
        deny = self._denied_by(verb)
        if deny is not None:
            # the denial's own record, unless its verb was read already
            return None if deny.i in self.used else self._misparsed_denial(verb, deny)
        if (thing := _object_read_as_subject(verb, self.lexicon.verbs)) is not None:
            return self._relative_speaker_found(verb, thing, cues)
        entry = self.lexicon.verbs[verb.lemma_.lower()]
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        citing = self._citing(verb)
        content_tokens, form = self._verb_content(verb, entry, cues)
        if not content_tokens and entry.content == "figure":
            return None  # "Anlong Veng counts the damage": no figure, no report (nor a quote's)
        content_tokens = _with_clock_suffix(
            _without_appended_denials(content_tokens, self.lexicon.verbs)
        )
        content_tokens = _relative_named(content_tokens, verb)
        if citing is not None:
            clause = [t for c in citing.children if c.dep_ == "ccomp" for t in c.subtree]
            cut = {t.i for t in citing.subtree} - {t.i for t in clause}
            content_tokens = [t for t in content_tokens if t.i not in cut] or clause
        quotes_before, quotes_after = self._adjacent_quotes(verb)
        content = self._with_quotes(content_tokens, quotes_before + quotes_after, cues)
        content = self._continued_quotes(verb, content)
        if not content:
            return None
        if len(content) == 1 and content[0].text.strip().lower() in _FREE_RELATIVES:
            return None  # "What I can confirm is that ...": the claim is the clause after "is"
        if any(c.dep_ == "neg" for c in verb.children) and content[0].text.split()[0].lower() in (
            "whether",
            "if",
        ):
            # "did not say whether ...": explicitly no claim, nor one by the reports inside it
            # ("has not said whether it believes X" does not say it believes X)
            self.used.update(t.i for t in content_tokens)
            return None
        if verb.lemma_.lower() in _ASKING and content[0].text.split()[0].lower() in _OPEN_WORDS:
            return None  # "asked whether Moldova would expel diplomats": a question, no claim
        if any(c.dep_ == "advmod" and c.lower_ in _HABITUALLY for c in verb.children):
            # "India habitually blames Pakistan for its own failures": what a party is said to
            # do as a habit, in another's words, is no claim it made
            return None
        source_head, source_tokens, channel_via_cite = self._verb_source(verb, passive)
        if _said_to(verb, entry):
            # "Kidnappers said to demand ransom": hearsay about the kidnappers, nobody's words
            source_head, source_tokens, passive = None, [], True
        if self._headline_passive(verb):
            # "RSF accused of killing dozens": the accused, not the accuser; "accused by Z of Y"
            agent = self._headline_agent(verb)
            source_head = agent
            source_tokens = self._np_tokens(agent) if agent is not None else []
            channel_via_cite = None
            if agent is None:
                return None
        if source_head is None and not (passive and verb.lemma_.lower() in _PASSIVE_OK):
            return None
        if source_head is not None and (
            source_head.lower_ in ("nobody", "none")
            or any(
                c.lower_ in ("no", "few") and c.dep_ in ("det", "amod")
                for c in source_head.children
            )
        ):
            return None  # "nobody is denying it", "No group has claimed it": nobody speaks
        if any(
            c.dep_ == "nsubj"
            and c.lower_ == "version"
            and any(m.lower_ in ("earlier", "previous", "original") for m in c.children)
            for c in verb.children
        ):
            return None  # "An earlier version of this article said ...": a corrected error
        if source_head is not None and source_head.pos_ == "VERB" and source_head.dep_ == "nsubj":
            # "Tajikistan dismissed as fabricated Kyrgyz claims ...", misparsed with "claims" as
            # the verb and "dismissed" as its subject: a clause is not a speaker
            return None
        if (
            verb.lemma_.lower() in _EVIDENCE_VERBS
            and source_head is not None
            and not _is_actor(source_head, evidence=True)
        ):
            return None  # "the attack showed that ...": evidence, not a source speaking
        channel = self._channel(verb, entry)
        if channel_via_cite is not None:
            channel, source_head, source_tokens = channel_via_cite
        if verb.tag_ == "VBG" and not any(c.dep_ in _SUBJECTS for c in verb.children):
            form = Form.PARTICIPIAL
        cue_tokens = self._cue_tokens(verb)
        if source_head is None and verb.lemma_.lower() in _HEARSAY_PASSIVES:
            entry = Cue(entry.lemma, entry.pos, entry.content, Certainty.POSSIBLE, entry.channel)
        return Found(
            cue_token=verb,
            cue=span_of(cue_tokens, self.text)
            or Span.of(self.text, verb.idx, verb.idx + len(verb)),
            content=content,
            form=self._quote_form(content, form),
            cue_entry=entry,
            source_head=source_head,
            source=self._source_span(source_tokens),
            channel=channel,
            extra_cue_tokens=[t for t in cue_tokens if t is not verb],
            anonymous_hint=self._said_anonymously(verb, content),
        )

    def _denied_by(self, verb: Token) -> Token | None:
        """ "The group dismissed as lies reports that its fighters had killed civilians", parsed
        with "reports" as a verb and "lies" as its subject: the denial verb whose object it is."""
        if verb.lower_ not in _REPORT_NOUN_FORMS:
            return None
        return next(
            (
                t
                for t in verb.sent
                if t.i < verb.i
                and t.pos_ == "VERB"
                and (cue := self.lexicon.verbs.get(t.lemma_.lower())) is not None
                and cue.polarity == "deny"
                and any(c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i for c in t.children)
            ),
            None,
        )

    def _appended_denial_found(self, verb: Token) -> Found | None:
        """ "..., the group said, an accusation the army dismissed as fabricated": the army
        denies the claim just reported. The content is the noun that points back at it ("an
        accusation"); resolve links it to the claim before it."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:  # ", an allegation denied by the Kremlin"
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subject is None or subject.lower_ in _RELATIVE or not _names_actor(subject):
            return None
        noun = verb.head
        said = span_of(list(self.doc[noun.left_edge.i : noun.i + 1]), self.text)
        source_tokens = [t for t in self._np_tokens(subject) if t.i < verb.i or t.i > noun.i]
        if said is None or not source_tokens:
            return None
        return Found(
            cue_token=verb,
            cue=Span.of(self.text, verb.idx, verb.idx + len(verb)),
            content=(said,),
            form=Form.INDIRECT,
            cue_entry=self.lexicon.verbs[verb.lemma_.lower()],
            source_head=subject,
            source=self._source_span(source_tokens),
            channel=None,
        )

    def _relative_speaker_found(self, verb: Token, thing: Token, cues: list[Token]) -> Found | None:
        """ "The group that claimed the attack says five drones were launched", parsed as if
        the group claimed that "the attack says ...": the group says it."""
        entry = self.lexicon.verbs[verb.lemma_.lower()]
        content_tokens, form = self._verb_content(verb, entry, cues)
        if not content_tokens and entry.content == "figure":
            return None  # "Anlong Veng counts the damage": no figure, no report (nor a quote's)
        content = self._with_quotes(content_tokens, [], cues)
        speaker = verb.head.head
        source_tokens = list(self.doc[speaker.left_edge.i : thing.right_edge.i + 1])
        if not content or not source_tokens:
            return None
        return Found(
            cue_token=verb,
            cue=Span.of(self.text, verb.idx, verb.idx + len(verb)),
            content=content,
            form=form,
            cue_entry=entry,
            source_head=speaker,
            source=self._source_span(source_tokens),
        )

    def _misparsed_denial(self, verb: Token, deny: Token) -> Found | None:
        """The denier's record of a denial misparsed around its object (`_denied_by`)."""
        subject = next((c for c in deny.children if c.dep_ in _SUBJECTS), None)
        if subject is None and deny.dep_ in ("acl", "relcl"):
            subject = deny.head  # "The MPLI again dismissed ...": the noun the verb hangs on
        if subject is None:
            return None
        last = max(t.i for t in verb.subtree if not t.is_punct)
        said = span_of(list(self.doc[verb.i : last + 1]), self.text)
        source_tokens = [t for t in self._np_tokens(subject) if t.i < deny.i]
        if said is None or not source_tokens:
            return None
        return Found(
            cue_token=deny,
            cue=Span.of(self.text, deny.idx, deny.idx + len(deny)),
            content=(said,),
            form=Form.INDIRECT,
            cue_entry=self.lexicon.verbs[deny.lemma_.lower()],
            source_head=subject,
            source=self._source_span(source_tokens),
            channel=None,
            extra_cue_tokens=[verb],  # "reports" is the denied noun, not a cue of its own
            anonymous_hint=False,
        )

    def _according_to(self, according: Token, cues: list[Token]) -> Found | None:
        to = self.doc[according.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            return None
        source_head = objects[0]
        # only what follows "to": a misparse can hang words before the phrase on its source
        # ("..., nearly three times the number reported by X, according to SkyTrace")
        source_tokens = [t for t in self._np_tokens(source_head, clauses=True) if t.i > to.i]
        phrase = {according.i, to.i} | {t.i for t in source_tokens}
        # The relative clause after the source ("office which added: ...") is a report of its own.
        phrase |= {
            t.i for c in source_head.children if c.dep_ in ("relcl", "acl") for t in c.subtree
        }
        head = according.head if according.head is not according else according
        sentence = according.sent
        phrase_end = max(phrase)
        at_edge = according.i == sentence.start or all(
            t.is_punct or t.is_space for t in self.doc[phrase_end + 1 : sentence.end]
        )
        # At the start or end of a sentence the phrase sources the whole sentence, whatever the
        # parser attached it to ("X happened after Y, according to Z").
        scope = list(head.subtree) if head is not according and not at_edge else list(sentence)
        if len(scope) <= len(phrase) + 1:
            scope = list(sentence)
        content_tokens = [
            t for t in scope if t.i not in phrase and sentence.start <= t.i < sentence.end
        ]
        content_tokens = self._cut_other_reports(content_tokens, head, cues)
        content_tokens = _with_clock_suffix(
            _without_appended_denials(content_tokens, self.lexicon.verbs)
        )
        content_tokens = _own_share(according, content_tokens)
        content_tokens = [t for t in content_tokens if not _leading_connective(t, content_tokens)]
        dash = next((t.i for t in content_tokens[:6] if t.text in ("—", "–", "--")), None)
        if dash is not None and all(t.is_upper or t.is_punct for t in content_tokens if t.i < dash):
            content_tokens = [t for t in content_tokens if t.i > dash]  # a dateline: "ADEN —"
        content = self._with_quotes(content_tokens, [], cues)
        if not content:
            return None
        return Found(
            cue_token=according,
            cue=Span.of(self.text, according.idx, to.idx + len(to)),
            content=content,
            form=self._quote_form(content, Form.ACCORDING_TO),
            cue_entry=None,
            source_head=source_head,
            source=self._source_span(source_tokens),
            extra_cue_tokens=[to],
        )

    def _noun(self, noun: Token, cues: list[Token]) -> Found | None:
        entry = self.lexicon.nouns[noun.lemma_.lower()]
        content_tokens: list[Token] = []
        for child in noun.children:
            if child.dep_ in ("acl", "ccomp", "appos", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in child.children
            ):
                content_tokens = list(child.subtree)
            elif entry.content == "of" and child.dep_ == "prep" and child.lower_ in ("of", "about"):
                content_tokens = [t for c in child.children if c.dep_ == "pobj" for t in c.subtree]
        if not content_tokens:
            return None
        content = self._with_quotes(self._cut_other_reports(content_tokens, noun, cues), [], cues)
        if not content:
            return None
        source_head = None
        for child in noun.children:
            if child.dep_ == "poss":
                source_head = child
            elif (
                child.dep_ == "compound"
                and child.pos_ == "PROPN"
                and child.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
                and source_head is None
            ):
                source_head = child  # "the NIS estimate", "a Pentagon assessment"
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                source_head = next((c for c in child.children if c.dep_ == "pobj"), source_head)
            elif child.dep_ == "prep" and child.lower_ in ("in", "on"):
                # "reports in Tajik media that ...": the media are the source
                source_head = next(
                    (c for c in child.children if c.dep_ == "pobj" and c.lower_ in _MEDIA_NOUNS),
                    source_head,
                )
        if source_head is None and noun.dep_ == "nsubjpass":
            agents = [c for c in noun.head.children if c.dep_ == "agent"]
            source_head = next((c for a in agents for c in a.children if c.dep_ == "pobj"), None)
        if (
            source_head is None
            and noun.dep_ == "pobj"
            and noun.head.dep_ == "prep"
            and self._is_cue_head(noun.head.head)
        ):
            return None  # "says in a statement that ...": the verb's report has the words
        if source_head is None and noun.dep_ == "dobj":
            if self._is_cue_head(noun.head):
                # "the ministry denied reports that ...": the denier is not the reports' source,
                # and the outer report already carries the words; one by nobody adds nothing.
                return None
            source_head = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        source_tokens = self._np_tokens(source_head) if source_head is not None else []
        if source_head is not None and source_head.dep_ == "poss":
            source_tokens = [t for t in source_tokens if t.dep_ != "case"]
            # "rejected as baseless Poland's accusation": the verdict is no part of the name
            while source_tokens and source_tokens[0].lower_ in _verdict_words():
                source_tokens = source_tokens[1:]
        return Found(
            cue_token=noun,
            cue=Span.of(self.text, noun.idx, noun.idx + len(noun)),
            content=content,
            form=self._quote_form(content, Form.NOUN),
            cue_entry=entry,
            source_head=source_head,
            source=self._source_span(source_tokens),
        )

    # -- content -----------------------------------------------------------------------------

    def _in_comparison(self, verb: Token, clause: Token) -> bool:
        """Does "up from", "down from" or "than" open the stretch between cue and clause?"""
        return any(t.lower_ in _COMPARING for t in self.doc[verb.i + 1 : clause.left_edge.i])

    def _verb_content(self, verb: Token, entry: Cue, cues: list[Token]) -> tuple[list[Token], Form]:
        children = list(verb.children)
        if entry.content == "figure":
            return _counted(verb), Form.INDIRECT
        clause_deps = (
            ("ccomp",) if entry.channel == "dobj" else ("ccomp", "xcomp")
        )  # "told them to go" is an order
        clause = [c for c in children if c.dep_ in clause_deps and c.pos_ in ("VERB", "AUX")]
        # "said at least 11 civilians dead, 23 residents taken": a verbless clause listed before
        # the verb's is part of the report
        listed = [
            c
            for c in children
            if c.dep_ == "ccomp"
            and c.pos_ in ("ADJ", "NOUN")
            and verb.i < c.i
            and any(c.i < other.i for other in clause)
            and any(t.dep_ in _SUBJECTS for t in c.children)
        ]
        clause = sorted(listed + clause, key=lambda c: c.i) or [
            c for c in children if c.dep_ == "ccomp"
        ]
        for report in clause:
            if (thing := _object_read_as_subject(report, self.lexicon.verbs)) is not None:
                return list(thing.subtree), Form.INDIRECT  # "that claimed [the attack] says"
        # ", an accusation the army dismissed as fabricated", misparsed as a second clause of
        # the report: the denier's words, not the claim
        clause = [
            c
            for c in clause
            if not any(
                s.dep_ in _SUBJECTS and _appended_denial(s, self.lexicon.verbs) for s in c.children
            )
            and not _relative_judgement(c, self.lexicon.verbs)
        ]
        if any(c.i < verb.i for c in clause):
            # "5,200 have fled, IOM said, up from about 3,400 it counted on Monday": a clause
            # inside a comparison after the cue is no second report
            clause = [c for c in clause if c.i < verb.i or not self._in_comparison(verb, c)]
        if any(c.i > verb.i for c in clause):
            clause = [c for c in clause if c.i > verb.i]  # "X came after Y claimed Z": Z, not X
        elif clause and self._own_complement(verb, entry, clause[0]):
            clause = []  # "Latvia holds man; Russia denies role": the role, not the arrest
        if clause and entry.lemma in _ACTION_WITH_INFINITIVE and _infinitive(clause[0]):
            return [], Form.INDIRECT  # "the tanker had agreed to anchor off Bornholm": an act
        if clause:
            tokens = [*_lost_subject(verb, clause[0]), *(t for c in clause for t in c.subtree)]
            return self._cut_other_reports(tokens, clause[0], cues), Form.INDIRECT
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            tokens = [t for t in verb.head.subtree if t not in set(verb.subtree)]
            return self._cut_other_reports(tokens, verb.head, cues), Form.INDIRECT
        speaker = _trailing_appositive(verb)
        if speaker is not None and verb.head.pos_ in ("VERB", "AUX"):
            # "... near Llochegua, a wounded soldier told the Post": what comes before the speaker
            said = set(verb.subtree)
            tokens = [
                t for t in verb.head.subtree if t.i < speaker.left_edge.i - 1 and t not in said
            ]
            return self._cut_other_reports(tokens, verb.head, cues), Form.INDIRECT
        if len(fronted := _fronted_subjects(verb)) > 1:
            # the parser made the fronted report a second subject: "8,000 displaced, IOM says"
            said = self.doc[fronted[0].left_edge.i : fronted[-2].right_edge.i + 1]
            return [t for t in said if not (t.is_punct and t.i == said.end - 1)], Form.INDIRECT
        if (fragment := _fronted_fragment(verb)) is not None:
            # "A cyberattack cut power to the city, leaving ..., the company said": the parser
            # read the report as a loose fragment hung on the verb
            return fragment, Form.INDIRECT
        objects = [c for c in children if c.dep_ in ("dobj", "attr")]
        if entry.content in ("at", "any"):
            figure = self._figure_at(verb, objects, nouns=_COUNT_NOUNS | _COUNTED_PEOPLE)
            if figure or entry.content == "at":
                # "the tracker puts it about 1.2 km east": the thing placed, then where
                placed = objects[0] if objects and not _counts(objects[0]) else None
                return figure or (_measure_after(verb, placed) if placed else []), Form.INDIRECT
        if entry.content == "to":
            return self._figure_at(verb, objects, "to", _TOLL_NOUNS), Form.INDIRECT
        if entry.content == "label":
            if objects and objects[0].lower_ in _REFLEXIVES:
                return [], Form.INDIRECT  # "a group calling itself Nightfall" names, not claims
            complements = [
                c
                for c in children
                if c.i > verb.i  # "X widens case; China calls accusations groundless"
                and (
                    c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")
                    or (c.dep_ == "npadvmod" and objects and c.i > objects[0].i)  # "branded X a Y"
                )
            ]
            if not objects and complements and _ends_in_verdict(complements[0]):
                # "the commander, called claims that officers took ten hours "lies"", the
                # claims read as the complement: what is called lies, and the verdict
                return list(complements[0].subtree), Form.INDIRECT
            if not complements and objects and (label := _label_read_as_compound(objects[0])):
                # "calls the attack terrorism by Kyiv": the parser made one noun of the two
                end = max([label.i] + [c.right_edge.i for c in children if c.i > label.i])
                return list(self.doc[objects[0].left_edge.i : end + 1]), Form.INDIRECT
            if objects and complements:
                start = min(objects[0].left_edge.i, complements[0].left_edge.i)
                end = max(objects[0].right_edge.i, complements[0].right_edge.i)
                return list(self.doc[start : end + 1]), Form.INDIRECT
            preps = [
                c
                for c in children + list(objects[0].children if objects else [])
                if c.dep_ == "prep" and c.lower_ == "as"
            ]
            if objects and preps:
                start, end = (
                    objects[0].left_edge.i,
                    max(preps[0].right_edge.i, objects[0].right_edge.i),
                )
                return list(self.doc[start : end + 1]), Form.INDIRECT
            return [], Form.INDIRECT
        if entry.content in ("of", "on"):
            preps = ("of", "about", "against", "on") if entry.content == "on" else _OF_PREPS
            for child in children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    said = [t for c in child.children for t in c.subtree]
                    if objects and entry.channel != "dobj":  # "accused Washington of complicity"
                        said = [*objects[0].subtree, child, *said]
                    return said, Form.INDIRECT
            for child in children:
                if child.dep_ == "prep" and child.lower_ == "that":
                    return list(child.subtree), Form.INDIRECT
            if (
                objects
                and entry.channel != "dobj"
                and any(c.dep_ == "prep" and c.lower_ in preps for c in objects[0].children)
            ):
                # "accused the journalists of spying", the "of" hung on the accused
                return list(objects[0].subtree), Form.INDIRECT
        if (
            objects
            and objects[0].lower_ == "which"
            and _after_comma(objects[0])
            and (
                (verb.dep_ in ("advcl", "ccomp", "conj") and verb.head.pos_ in ("VERB", "AUX"))
                # "soldiers crossed into the village, which Caracas denies": one denies what
                # happened, not a village
                or (
                    verb.dep_ == "relcl"
                    and entry.polarity == "deny"
                    and verb.head.lemma_.lower() not in _POINTING_NOUNS
                    and verb.head.dep_ in ("pobj", "dobj", "attr")
                )
            )
        ):
            # "Tunisia says two of its nationals are still held, which Libya denies": the parser
            # hung the relative on the clause before the comma, which is what is denied
            return self._clause_before_relative(verb, objects[0]), Form.INDIRECT
        if (
            entry.content == "any"
            and objects
            and objects[0].lower_ in _RELATIVE
            and verb.dep_ == "relcl"
            and verb.head.pos_ in ("NOUN", "PROPN")
        ):
            # "a figure that neither Bamako nor Moscow has confirmed": the figure is the content;
            # "the MPLI, which the army blames for the attack": the group and what for
            relative = {t.i for t in verb.subtree}
            what_for = [
                t
                for c in children
                if c.dep_ == "prep" and c.lower_ in ("for", "of") and c.i > objects[0].i
                for t in c.subtree
            ]
            said = [t for t in verb.head.subtree if t.i not in relative]
            return said + what_for, Form.INDIRECT
        shifted = next(
            (c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i == verb.i + 1),
            None,
        )
        if entry.content == "any" and not objects and shifted is not None:
            # "dismissed as fabricated claims that ...": the object follows its "as" phrase
            # a misparse may hang the rest of the clause on the verb's head ("X dismissed as
            # fabricated Y claims that ...", "dismissed" the subject of "claims"): take it too
            end = verb.head.right_edge.i if verb.dep_ == "nsubj" else verb.right_edge.i
            tokens = list(self.doc[shifted.i : end + 1])
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            if any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
                return tokens, Form.INDIRECT
        if (
            entry.content == "any"
            and objects
            and objects[0].lemma_.lower() in _CREDIT
            and not any(c.dep_ == "prep" and c.lower_ == "for" for c in objects[0].children)
        ):
            # "claimed responsibility on Tuesday for Monday's attack": the "for" hung on the
            # verb says what for; "claimed responsibility on Monday" does not say
            what_for = [c for c in children if c.dep_ == "prep" and c.lower_ == "for"]
            if not what_for or what_for[0].i < objects[0].i:
                return [], Form.INDIRECT
            return list(self.doc[objects[0].left_edge.i : what_for[0].right_edge.i + 1]), (
                Form.INDIRECT
            )
        if entry.content == "any" and objects and entry.channel != "dobj":
            # "blamed the Myanmar army, which denied firing ...": the clause after the comma is
            # the report's own aside about the actor blamed, not part of the blame ("dismissed
            # the video, which showed troops, as fake" keeps what the video showed)
            aside = {
                t.i
                for c in objects[0].children
                if c.dep_ == "relcl"
                and _names_actor(objects[0])
                and self.doc[c.left_edge.i - 1].text == ","
                for t in (self.doc[c.left_edge.i - 1], *c.subtree)
            }
            tokens = [
                t for t in objects[0].subtree if t.i not in aside
            ]  # "dismissed the video as a fabrication": keep the "as"
            tokens += [
                t
                for c in children
                if c.dep_ == "prep"
                # "blamed Russian intelligence for the attack": whom, and for what
                and (c.lower_ == "as" or (c.lower_ == "for" and verb.lemma_.lower() in _ACCUSING))
                for t in c.subtree
            ]
            return sorted(tokens, key=lambda t: t.i), Form.INDIRECT
        if entry.lemma == "say" and objects and _counts(objects[0]):
            # a briefing's shorthand: "the mayor says more than 9,000", "The city says 70,000
            # households and more than 30 hours": the figures said
            return list(objects[0].subtree), Form.INDIRECT
        if entry.lemma == "say" and not objects and (measure := _measure_after(verb, None)):
            # "Uganda says 4 km west": a position or a length given as a bare measure
            return measure, Form.INDIRECT
        return self._that_clause_after(verb), Form.INDIRECT

    def _clause_before_relative(self, verb: Token, relative: Token) -> list[Token]:
        """The clause a ", which X denies" refers to; when it hangs on a report's own cue ("Tunisia
        says ..., which Libya denies"), the report's clause, not the reporting."""
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
            head = head.head  # from the noun the relative was hung on to its clause
        if head.lemma_.lower() in self.lexicon.verbs:
            clauses = [c for c in head.children if c.dep_ == "ccomp" and c.i < relative.i]
            if clauses:
                head = clauses[0]
            elif head.dep_ == "parataxis":  # "The fighters came from X, the army said, which ..."
                said = [t for t in head.head.subtree if t.i < head.left_edge.i]
                while said and said[-1].is_punct:
                    said.pop()
                return said
            else:
                return []
        return [t for t in head.subtree if t.i < relative.i - 1]

    def _figure_at(
        self,
        verb: Token,
        objects: list[Token],
        preposition: str = "at",
        nouns: frozenset[str] = _COUNT_NOUNS,
    ) -> list[Token]:
        """ "puts the number of displaced at about 23,000", "estimated the cost at $40 million",
        "raised the death toll to 14": the count and its figure. Without a count noun and a
        figure after the preposition ("put the blame on the army") there is no report."""
        if not objects or not {objects[0].lemma_.lower(), objects[0].lower_} & nouns:
            return []
        at = next(
            (t for t in verb.subtree if t.lower_ == preposition and t.i > objects[0].i),
            None,
        )
        if at is None or not any(t.like_num or t.text in "$€£" for t in at.subtree):
            return []
        end = at.right_edge.i
        for more in verb.children:  # "puts the dead at 11 and the abducted at 23": both counts
            if more.dep_ in ("conj", "dobj") and more.i > end and _further_count(more, preposition):
                end = more.right_edge.i
        return list(self.doc[objects[0].left_edge.i : end + 1])

    def _own_complement(self, verb: Token, entry: Cue, before: Token) -> bool:
        """Is a clause before the cue someone else's statement, not what the cue reports?

        "Troops crossed the border, Russia denies" reports the clause; with an object of its own
        ("Russia denies role") or after a semicolon, which closes a statement in a headline,
        the cue says nothing about that clause.
        """
        own = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if own and entry.channel != "dobj":
            return True  # "told Reuters" names who heard it, not what was said
        return any(t.text == ";" for t in self.doc[before.right_edge.i + 1 : verb.i])

    def _that_clause_after(self, verb: Token) -> list[Token]:
        """When the parser loses the clause ("told reporters after the briefing that ..."), take
        the words after a nearby "that" up to the end of the sentence."""
        sentence_end = verb.sent.end
        if (clause := _clause_read_as_object(verb)) is not None:
            return clause
        for token in self.doc[verb.i + 1 : min(verb.i + 10, sentence_end)]:
            if token.pos_ in ("VERB", "AUX") or token.text in ("“", '"', ";", ":"):
                return []
            if (
                token.lower_ == "that"
                and token.dep_ in ("mark", "dobj", "nsubj", "det")
                and token.i + 3 < sentence_end
            ):
                rest = list(self.doc[token.i + 1 : sentence_end])
                return rest if any(t.pos_ in ("VERB", "AUX") for t in rest) else []
        return []

    def _cut_other_reports(
        self, tokens: list[Token], head: Token, cues: list[Token]
    ) -> list[Token]:
        """Remove coordinated or adjoined reports by another source from this content.

        "The agency revealed that 1,500 have arrived but sources informed media that ..." holds two
        reports; the second is a conjunct of the first content. A report nested as the content itself
        ("claimed he believed ...") stays: it is what was claimed.
        """
        keep = {t.i for t in tokens}
        for cue in cues:
            if cue.i not in keep or cue is head:
                continue
            # "X said 14 boats were seized, according to the Coastal Times": who passed it on
            relayed = (
                cue.lower_ == "according"
                and cue.dep_ == "prep"
                and cue.i > head.i
                and head.dep_ == "ccomp"  # the clause a reporting verb took
            )
            if cue.dep_ not in _CUT_DEPS and not relayed:
                continue
            participle = cue.tag_ == "VBG" and cue.dep_ == "advcl"
            # "said 11,000 had arrived, and said ...": a second report hung on the first's clause
            second_report = (
                cue.dep_ == "conj"
                and cue.head.dep_ == "ccomp"
                and cue.head.head.lemma_.lower() in self.lexicon.verbs
                and (
                    any(c.dep_ == "ccomp" for c in cue.children)
                    # "says no civilians were harmed and calls the allegation a fabrication"
                    or (
                        any(c.dep_ == "oprd" for c in cue.children)
                        and not any(c.dep_ in _SUBJECTS for c in cue.children)
                    )
                )
            )
            if (
                cue.lower_ != "according"
                and not participle
                and not second_report
                and not any(c.dep_ in _SUBJECTS and _may_report(c) for c in cue.children)
            ):
                continue
            top = cue.head if cue.dep_ == "pcomp" else cue
            cut = {t.i for t in top.subtree}
            if cue.dep_ == "conj":
                cut |= {c.i for c in cue.head.children if c.dep_ == "cc" and c.i < cue.i}
            keep -= cut
        return [t for t in tokens if t.i in keep]

    def _with_quotes(
        self, tokens: list[Token], adjacent: list[Quote], cues: list[Token]
    ) -> tuple[Span, ...]:
        """Content spans, widened to whole quotations where the content reaches into one."""
        spans = list(spans_of(tokens, self.text))
        for quote in adjacent:
            inner = char_span(quote.inner_start, quote.inner_end, self.text)
            if inner is not None:
                spans.append(inner)
        merged: list[Span] = []
        for span in sorted(spans, key=lambda s: s.start):
            for quote in self.quotes:
                if quote.inner_start <= span.start < quote.inner_end or (
                    quote.inner_start < span.end <= quote.inner_end
                ):
                    if quote.inner_end - quote.inner_start > 3 * max(1, span.end - span.start):
                        continue  # a short scare quote must not pull in a long quotation
                    if span.start < quote.start:  # a quotation inside indirect content
                        span = Span.of(self.text, span.start, max(span.end, quote.end))
                    else:
                        span = Span.of(
                            self.text,
                            min(span.start, quote.inner_start),
                            max(span.end, quote.inner_end),
                        )
            span = _unquote(_strip_trailing(span, self.text), self.quotes, self.text)
            if merged and span.start <= merged[-1].end:
                last = merged.pop()
                span = Span.of(self.text, last.start, max(last.end, span.end))
            merged.append(span)
        return tuple(s for s in merged if s.end > s.start)

    def _adjacent_quotes(self, verb: Token) -> tuple[list[Quote], list[Quote]]:
        """Quotations right before the source+cue (“...,” she said) or right after (said: “...”)."""
        sentence = verb.sent
        clause = [t for t in sentence if t.i >= verb.i - 6 and t.i <= verb.i + 6]
        left = min((t.idx for t in clause if t.i >= verb.i - 6), default=verb.idx)
        before: list[Quote] = []
        after: list[Quote] = []
        cue_end = verb.idx + len(verb)
        subject = self._subject(verb, False)
        for quote in self.quotes:
            if (
                quote.end <= verb.idx
                and quote.end > sentence.start_char - 3  # the parser may split after the quote
                and not self._cue_between(quote.end, verb)
                and not (
                    subject is not None and subject.idx < quote.start
                )  # "X said A and urged B"
                and not any(
                    c.dep_ == "neg" for c in verb.children
                )  # "..., and Y has not commented"
            ):
                if self.text[quote.inner_end - 1] == ".":
                    continue  # “... .” closes a sentence: the next cue starts a new report
                gap = self.text[quote.end : verb.idx]
                if _only_source_between(gap) and quote.end >= left - 2:
                    before = [quote]
            elif quote.start >= cue_end:
                gap = self.text[cue_end : quote.start]
                if len(gap) <= 120 and (
                    _COLON_BEFORE_QUOTE.fullmatch(gap) or re.fullmatch(r"[\s,]*", gap)
                ):
                    after = [quote]
                elif before and re.fullmatch(r"[^.!?“\"\n]{0,60},\s*", gap):
                    after = [quote]  # split quotation: “...,” she said, “...”
                break
        return before, after

    def _continued_quotes(self, verb: Token, content: tuple[Span, ...]) -> tuple[Span, ...]:
        """“A,” she said. “B.” — a quotation that follows in the same paragraph with no cue of
        its own goes on with what she said."""
        if not content or not self._in_quote(content[-1].start):
            return content
        spans = list(content)
        position = max(verb.sent.end_char, content[-1].end)
        for quote in self.quotes:
            if quote.start < position:
                continue
            between = self.text[position : quote.start]
            if between.strip(' ”"') or "\n" in between:
                break
            tail = self.doc.char_span(
                quote.end, self._sentence_end(quote.end), alignment_mode="expand"
            )
            if tail is not None and any(self._is_cue_head(t) for t in tail):
                break
            inner = char_span(quote.inner_start, quote.inner_end, self.text)
            if inner is None:
                break
            spans.append(_strip_trailing(inner, self.text))
            position = quote.end
        return tuple(spans)

    def _sentence_end(self, offset: int) -> int:
        token = self.doc.char_span(offset - 1, offset, alignment_mode="expand")
        return token.sent.end_char if token is not None else offset

    def _cue_between(self, start_char: int, verb: Token) -> bool:
        """Another reporting verb between a quotation and this cue claims the quotation first."""
        return any(
            t.idx >= start_char
            and t.lemma_.lower() in self.lexicon.verbs
            and t.pos_ in ("VERB", "AUX")
            for t in self.doc[verb.sent.start : verb.i]
        )

    def _quote_form(self, content: tuple[Span, ...], form: Form) -> Form:
        inside = [
            any(q.inner_start <= s.start and s.end <= q.inner_end for q in self.quotes)
            for s in content
        ]
        if all(inside):
            return Form.DIRECT
        quoted_words = any(
            s.start <= q.start
            and q.end <= s.end + 1
            and len(self.text[q.start : q.end].split()) >= 1
            for s in content
            for q in self.quotes
        )
        return Form.MIXED if quoted_words and form in (Form.INDIRECT, Form.PARTICIPIAL) else form

    # -- sources and channels ----------------------------------------------------------------

    def _verb_source(
        self, verb: Token, passive: bool
    ) -> tuple[Token | None, list[Token], tuple[Span | None, Token, list[Token]] | None]:
        head = self._subject(verb, passive)
        if head is None:
            return None, [], None
        tokens = self._np_tokens(head, clauses=True)
        # A misparse can hang the cue's own clause inside its subject: keep the subject's side.
        tokens = [t for t in tokens if (t.i < verb.i) == (head.i < verb.i)]
        if (head.lower_ in _RELATIVE and head.head.dep_ == "relcl") or (
            head.lower_ in _RELATIVE and verb.dep_ == "relcl"
        ):
            # "its statement of Friday, which says ... and calls ...": the clause the relative
            # pronoun opens hangs on its antecedent, also for the second cue of that clause
            clause = head.head if head.head.dep_ == "relcl" else verb
            antecedent = _past_date(clause.head)
            relcl = {t.i for t in clause.subtree}
            head = antecedent
            tokens = [t for t in self._np_tokens(antecedent) if t.i not in relcl]
        citing = self._citing(verb)
        if citing is not None:
            cited = _cited(citing)
            assert cited is not None  # `_citing` found it
            self.used.add(citing.i)
            return head, tokens, (self._source_span(tokens), cited, self._np_tokens(cited))
        if (outlet := _fronted_citer(verb, head)) is not None:
            # "Citing a local official, the Sentinel reported ...", parsed with the participle as
            # the root and the outlet in apposition to the one it cites
            self.used.add(head.head.i)
            cited = [
                t for t in self._np_tokens(head) if t.i < outlet.left_edge.i and not t.is_punct
            ]
            channel = self._np_tokens(outlet)
            return outlet, channel, (self._source_span(channel), head, cited)
        return head, tokens, None

    def _citing(self, verb: Token) -> Token | None:
        """ "Yonhap reported, citing the NIS, that ...": the NIS is the source, Yonhap the channel.

        The participle may hang on the cue or on the head of the reported clause."""
        clauses = [verb, *(c for c in verb.children if c.dep_ in ("ccomp", "parataxis"))]
        for clause in clauses:
            for child in clause.children:
                cited = _cited(child)
                if (
                    child.lemma_.lower() in ("cite", "quote")
                    and child.tag_ == "VBG"
                    and cited is not None
                    and (_is_actor(cited) or self._unnamed_people(cited))
                ):
                    return child
        return None

    def _unnamed_people(self, token: Token) -> bool:
        """ "two people familiar with the investigation", "a police officer": unnamed sources,
        cited as any."""
        if not {token.lemma_.lower(), token.lower_} & self.lexicon.anonymity_heads:
            return False
        text = " ".join(t.lower_ for t in token.subtree)
        first = next(iter(token.subtree))
        # "two people familiar with ...", "a police officer", "three officials"
        return (
            any(phrase in text for phrase in self.lexicon.anonymity_phrases)
            or first.lower_ in ("a", "an", "one")
            or first.like_num
        )

    def _subject(self, verb: Token, passive: bool) -> Token | None:
        if len(fronted := _fronted_subjects(verb)) > 1:
            return fronted[-1]  # "8,000 displaced by raid, IOM says": IOM
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        quoted = {c.i for c in subjects if self._in_quote(c.idx)} if len(subjects) > 1 else set()
        for child in verb.children:
            if _transcript_label(child):
                continue  # "Q: A security source told ...": the source, not the label
            if child.i in quoted and len(quoted) < len(subjects):
                continue  # '"... only Russophobic fantasies," the embassy said': the embassy
            if child.dep_ == "nsubj" and child.pos_ == "VERB" and child.i < verb.i:
                # "Red Comet, the group Estonia accuses of ..., said": the clause is a misread
                # description of the speaker, who is its subject
                if (speaker := _subject_of_description(child)) is not None:
                    return speaker
            if _timeline_date(child):
                continue  # "16 March: Basalt says ...": a timeline's date speaks for no one
            if (
                child.dep_ == "nsubj"
                and child is not subjects[-1]
                and child.i + 1 < len(self.doc)
                and self.doc[child.i + 1].text == ":"
            ):
                continue  # "Mexico: union says eight ...": a live page's label, the union says
            if child.dep_ == "nsubj" and (speaker := _speaker_after_participle(child, verb)):
                return speaker
            if child.dep_ == "nsubj" or (child.dep_ == "csubj" and not passive):
                return _past_vocative(child, verb)
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if passive:
            return None
        if (speaker := _name_read_as_adverb(verb)) is not None:
            return speaker
        if (speaker := _appositive_before(verb) or _subject_of_fronted_clause(verb)) is not None:
            return speaker
        if (speaker := _trailing_appositive(verb)) is not None:
            return speaker
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            if not any(t.dep_ == "cc" or t.text in (",", ";") for t in self.doc[head.i : verb.i]):
                # "dismissed as fabricated Kyrgyz claims that ...": a conjunct with no "and"
                # or comma before it is a misparsed noun, not a second report by the same speaker
                return None
            clause = head
            while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
                clause = clause.head  # "said 41 were killed and 58 abducted ..., and accused"
            own_report = clause.lemma_.lower() in self.lexicon.verbs and any(
                c.dep_ == "nsubj" for c in clause.children
            )  # "Uganda first said three ... and now says five; the survivor says 20": Uganda's
            if (
                not own_report
                and clause.dep_ == "ccomp"
                and clause.head.lemma_.lower() in self.lexicon.verbs
            ):
                # "Budanov said 11,000 troops had arrived, and said ...": the parser hangs the
                # second cue on the reported clause; its speaker is the first cue's
                return self._subject(clause.head, False)
            return self._subject(head, False)
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                # "saw no need to comment on": the one who saw, not the need
                governor = verb.head.head
                if governor.pos_ in ("VERB", "AUX") and governor.i != verb.head.i:
                    return next((c for c in governor.children if c.dep_ == "nsubj"), None)
                return None
            if verb.head.dep_ == "appos" and verb.head.head.pos_ == "PROPN":
                # "Joseph Kewa, the police commander, called ...", the cue read as the
                # commander's modifier: the one named
                return verb.head.head
            return verb.head
        quoting = _quoting_verb(verb)
        if quoting is not None:
            # "the newspaper quoted the ministry as saying ...": the ministry says it
            return next((c for c in quoting.children if c.dep_ == "dobj"), None)
        if verb.dep_ in ("advcl", "xcomp", "pcomp", "conj") or verb.tag_ == "VBG":
            return self._participle_subject(verb)
        return None

    def _participle_subject(self, verb: Token) -> Token | None:
        """The subject of the nearest clause on the left: "X met Y, saying ..." -> X.

        The nearest verb with a subject wins when it governs the participle or is an absolute
        "with X doing ..." clause; a reported clause ("said troops arrived, adding") does not.
        """
        ancestors = set(verb.ancestors)
        for token in reversed(verb.sent[: verb.i - verb.sent.start]):
            if token.pos_ not in ("VERB", "AUX"):
                continue
            if (
                token.dep_ == "acl"
                and token.lemma_.lower() in self.lexicon.verbs
                and token.head.pos_ in ("NOUN", "PROPN")
            ):
                # "..., the news site Baltic Tidewater reported on Tuesday, citing ...": the
                # parser hung the cue on its subject; the site reports and cites
                return token.head
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            if (
                token in ancestors
                and token.dep_ in ("ccomp", "xcomp", "acl")
                and self._is_cue_head(token.head)
            ):
                # "warned that strikes could follow, saying ...": the warner says it; "carried
                # the estimate that X had shipped shells, saying ...": not X
                continue
            if token in ancestors or token.dep_ in ("pcomp", "advcl"):
                return subject
        return None

    def _channel(self, verb: Token, entry: Cue) -> Span | None:
        """Whom the claim was told to: "told reporters", "said to the BBC", "speaking to Yonhap",
        "in an interview with CNN"; and who quoted it: "the newspaper quoted X as saying"."""
        quoting = _quoting_verb(verb)
        if quoting is not None:
            subject = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return self._source_span(self._np_tokens(subject))
        for child in verb.children:
            if child.dep_ == "advcl" and child.lemma_.lower() in ("speak", "talk", "write"):
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                        objects = [c for c in prep.children if c.dep_ == "pobj"]
                        if objects:
                            return self._source_span(self._np_tokens(objects[0]))
            if child.dep_ == "prep" and child.lower_ in ("in", "during"):
                for noun in child.children:
                    if noun.lemma_.lower() in ("interview", "statement", "briefing", "post"):
                        for prep in noun.children:
                            if prep.lower_ in ("with", "to", "on"):
                                objects = [c for c in prep.children if c.dep_ == "pobj"]
                                if objects:
                                    return self._source_span(self._np_tokens(objects[0]))
        for child in verb.children:
            if entry.channel == "dobj" and child.dep_ in ("dobj", "dative"):
                return self._source_span(self._np_tokens(child))
            if (
                child.dep_ in ("prep", "dative")
                and child.lower_ == "to"
                and entry.channel in ("to", "dobj")
            ):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return self._source_span(self._np_tokens(objects[0]))
        return None

    def _np_tokens(self, head: Token, *, clauses: bool = False) -> list[Token]:
        """The noun phrase of a source without reported content or a parenthesis after the head
        ("the UK Maritime Trade Operations centre (UKMTO)"). With `clauses`, appositives and
        relative clauses stay ("Two officials who declined to be named", "Oleh Syniehubov, the
        governor of Kharkiv"): they describe the source, and annotators include them."""
        cut: set[int] = set()
        for child in head.children:
            if (
                (child.dep_ in ("relcl", "acl") and not clauses)
                or child.dep_ in ("ccomp", "advcl")
                or (child.dep_ == "punct" and child.i > head.i and child.text in "([")
                # "according to the UN, a charge Moscow denies": no part of the UN's name
                or (child.dep_ == "appos" and _appended_denial(child, self.lexicon.verbs))
                # "Benin on Sunday rejected ...": when it spoke, not who
                or (child.dep_ == "prep" and child.i > head.i and _names_a_time(child))
            ):
                cut |= {t.i for t in child.subtree}
                if child.dep_ == "appos" and self.doc[child.left_edge.i - 1].text == ",":
                    cut.add(child.left_edge.i - 1)
        # A clause anywhere in the phrase that reports something is a claim, not a description.
        for token in head.subtree:
            if token.dep_ in ("relcl", "acl") and token is not head and self._reports(token):
                cut |= {t.i for t in token.subtree}
        tokens = [t for t in head.subtree if t.i not in cut]
        paren = next((t.i for t in tokens if t.text in "([" and t.i > head.i), None)
        if paren is not None:
            tokens = [t for t in tokens if t.i < paren]
        tokens = self._with_title(tokens)
        # "Mexico: union says ...": a live page's label before the colon names no one
        labels = [t.i for t in tokens if t.text == ":" and t.i < head.i]
        return [t for t in tokens if t.i > labels[-1]] if labels else tokens

    def _with_title(self, tokens: list[Token]) -> list[Token]:
        """Reattach a title the parser split off: "Ukrainian President, Volodymyr Zelensky"."""
        if not tokens:
            return tokens
        first = min(tokens, key=lambda t: t.i)
        if first.i < 2 or self.doc[first.i - 1].text != "," or first.ent_type_ != "PERSON":
            return tokens
        title_end = self.doc[first.i - 2]
        if title_end.lower_ not in title_nouns():
            return tokens
        start = title_end.i
        while (
            start > first.sent.start
            and self.doc[start - 1].is_title
            and self.doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN")
        ):
            start -= 1
        return list(self.doc[start : first.i]) + tokens

    def _source_span(self, tokens: list[Token]) -> Span | None:
        return span_of(tokens, self.text) if tokens else None

    def _reports(self, token: Token) -> bool:
        """A reporting verb with something reported ("called the attack a massacre"), unlike
        "who asked not to be named"."""
        if not self._is_cue_head(token) or token.lemma_.lower() not in self.lexicon.verbs:
            return False
        return bool(self._verb_content(token, self.lexicon.verbs[token.lemma_.lower()], [])[0])

    def _cue_tokens(self, verb: Token) -> list[Token]:
        """The cue with its auxiliaries, adverbs and particles ("has also said", "pointed out",
        "spoke of")."""
        tokens = [verb]
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass", "neg", "prt") and abs(child.i - verb.i) <= 3:
                tokens.append(child)
            elif (
                child.dep_ == "advmod"
                and child.i < verb.i
                and child.lower_ not in _NOT_CUE_ADVERBS
                and child.pos_ != "PROPN"  # "SEPA said": a name misread as an adverb
            ):
                tokens.append(child)
            elif (
                child.dep_ == "prep"
                and child.i == verb.i + 1
                and child.lower_ in ("of", "about", "on")
                and self.lexicon.verbs[verb.lemma_.lower()].content in ("of", "on")
            ):
                tokens.append(child)
        tokens += self._withholding_tokens(verb)
        tokens.sort(key=lambda t: t.i)
        # keep only the contiguous run around the verb, so "said ... not" never spans the subject
        run = [verb]
        for token in reversed([t for t in tokens if t.i < verb.i]):
            if token.i == run[0].i - 1:
                run.insert(0, token)
        for token in [t for t in tokens if t.i > verb.i]:
            if token.i == run[-1].i + 1:
                run.append(token)
        return run

    def _headline_passive(self, verb: Token) -> bool:
        """ "X accused of Y", "X accused by Z of Y", "X blamed for Y": a headline's passive
        without its auxiliary, which the parser reads as X accusing."""
        if verb.lemma_.lower() not in _ACCUSING or verb.i + 1 >= len(self.doc):
            return False
        after = self.doc[verb.i + 1]
        no_object = not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
        return no_object and after.lower_ in ("of", "by", "for", "over")

    def _headline_agent(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.lower_ == "by" and child.dep_ in ("prep", "agent"):
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    def _said_anonymously(self, verb: Token, content: tuple[Span, ...]) -> bool:
        """An anonymity phrase on the cue rather than in the source: "said on condition of
        anonymity", "said a diplomat, asking not to be identified"."""
        parts = []
        for child in verb.children:
            if child.dep_ in ("prep", "advcl", "advmod", "npadvmod", "xcomp") or (
                child.dep_ in _SUBJECTS
            ):
                start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
                if not any(span.start <= start and end <= span.end for span in content):
                    parts.append(self.text[start:end].lower())
        text = " ".join(parts)
        return any(phrase in text for phrase in self.lexicon.anonymity_phrases)

    def _withholding_tokens(self, verb: Token) -> list[Token]:
        """What withholds the claim belongs to the cue: "declined to comment on", "would
        neither confirm nor deny" (the polarity stage reads it from there)."""
        head = verb.head
        if head.i >= verb.i:
            return []
        if verb.dep_ == "xcomp" and head.lemma_.lower() in load_polarity_lexicon().withhold:
            extra = [head]
        elif (
            verb.dep_ == "conj"
            and any(c.lower_ == "nor" for c in head.children)
            and head.lemma_.lower() in self.lexicon.verbs
        ):
            extra = [head, *(c for c in head.children if c.lower_ == "nor")]
        else:
            return []
        extra += [c for c in head.children if c.dep_ in ("aux", "neg", "preconj") and c.i < head.i]
        return extra


# Nouns a tagger may read as verbs after "dismissed as lies" ("... lies reports that ...")
_REPORT_NOUN_FORMS = frozenset({"reports", "claims", "allegations", "accusations", "suggestions"})
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "themself"})


# nouns that, set after a report, name it: "..., a claim Moscow denies"
_POINTING_NOUNS = frozenset({"claim", "accusation", "allegation", "charge", "assertion", "account", "version", "suggestion", "figure", "toll", "report", "story"})  # fmt: skip


def _appended_denial(noun: Token, verbs: dict[str, Cue]) -> Token | None:
    """The denial verb of a noun set after a report to say who rejects it (", an accusation
    the army dismissed as fabricated", ", a charge Moscow denies", ", a claim denied by
    Kyiv"), or None."""
    if noun.lemma_.lower() not in _POINTING_NOUNS or noun.left_edge.i == 0:
        return None
    if noun.doc[noun.left_edge.i - 1].text not in (",", "—", "–"):
        return None
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in ("relcl", "acl")
            and c.i > noun.i
            and (cue := verbs.get(c.lemma_.lower())) is not None
            and cue.polarity == "deny"
        ),
        None,
    )


def _without_appended_denials(tokens: list[Token], verbs: dict[str, Cue]) -> list[Token]:
    """A report's content less the denial set after it, from the comma on."""
    cut: set[int] = set()
    for token in tokens:
        if _appended_judgement(token, verbs):
            # "1.9 million, which Kestrel calls impossible": another speaker's word on it
            cut.update(t.i for t in token.subtree)
            cut.add(token.left_edge.i - 1)
            continue
        if _appended_denial(token, verbs) is not None:
            cut.update(t.i for t in token.subtree)
            cut.add(token.left_edge.i - 1)
            if token.head.dep_ == "ccomp" and token.dep_ in _SUBJECTS:
                cut.update(t.i for t in token.head.subtree)  # "... fabricated" read as its verb
    return [t for t in tokens if t.i not in cut]


_BELIEFS = frozenset({"believe", "think", "suspect", "assess", "consider"})


def _relative_named(tokens: list[Token], verb: Token) -> list[Token]:
    """ "Grey Lynx, which it believes works for a Russian intelligence service": what is
    believed is that Grey Lynx works for it; the relative pronoun stands for the name."""
    if not tokens or verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return tokens
    if verb.lemma_.lower() not in _BELIEFS:
        return tokens  # "the MPLI, which the army blames for the attack" names what it means
    first = min(tokens, key=lambda t: t.i)
    if first.lower_ not in ("which", "who", "that") or first.i > verb.i:
        return tokens
    name = [t for t in verb.head.subtree if verb.head.left_edge.i <= t.i <= verb.head.i]
    return sorted([*name, *(t for t in tokens if t.i != first.i)], key=lambda t: t.i)


def _object_read_as_subject(verb: Token, verbs: dict[str, Cue]) -> Token | None:
    """ "The group that claimed the attack says ...": the parser made "the attack" the subject
    of "says" and "says" the clause of "claimed". The noun right after a relative clause's
    reporting verb, with no actor in it, is that verb's object; returns it."""
    claimed = verb.head
    if verb.dep_ != "ccomp" or claimed.dep_ != "relcl" or claimed.lemma_.lower() not in verbs:
        return None
    if verb.lemma_.lower() not in verbs or claimed.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in claimed.children):
        return None
    thing = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if thing is None or thing.left_edge.i != claimed.i + 1 or thing.pos_ != "NOUN":
        return None
    return None if _names_actor(thing) else thing


def _further_count(noun: Token, preposition: str) -> bool:
    """ "the abducted at 23" after "puts the dead at 11": the same source's count of something
    else, a counted group ("the abducted", "the wounded") with its own figure and no subject."""
    return (
        _own_figure(noun, preposition) is not None
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        and not _actor_word(noun)
        and not any(c.dep_ in _SUBJECTS for c in noun.children)
    )


def _own_figure(noun: Token, preposition: str) -> Token | None:
    """The preposition hung on a noun that gives it a figure: "the commissioner [at] 15,000"."""
    at = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    return at if at is not None and any(t.like_num for t in at.subtree) else None


def _actor_word(token: Token) -> bool:
    """A named actor or a word for one ("the commissioner"), not a counted group ("the dead")."""
    return token.ent_type_ in _ACTOR_LABELS or token.lemma_.lower() in actor_nouns()


def _relative_judgement(clause: Token, verbs: dict[str, Cue]) -> bool:
    """ "The fighters came from Venezuela, the army said, which Caracas denies": a clause hung
    on the cue that opens on ", which" and is itself another source's report on it."""
    first = clause.left_edge
    return (
        clause.lemma_.lower() in verbs
        and first.lower_ == "which"
        and _after_comma(first)
        and any(c.dep_ == "nsubj" and c.i != first.i for c in clause.children)
    )


def _after_comma(token: Token) -> bool:
    """ ", which ...": a relative set off after what it refers to."""
    return token.i > 0 and token.doc[token.i - 1].text == ","


def _appended_judgement(token: Token, verbs: dict[str, Cue]) -> bool:
    """ ", which Kestrel calls impossible", ", which Caracas denies": a relative clause after a
    comma whose own named subject reports on what came before."""
    if token.dep_ != "relcl" or token.lemma_.lower() not in verbs:
        return False
    first = token.left_edge
    if first.lower_ not in ("which", "what") or not _after_comma(first):
        return False
    return any(
        c.dep_ == "nsubj" and c.lower_ not in _RELATIVE and _names_actor(c) for c in token.children
    )


def _only_source_between(gap: str) -> bool:
    """Between a closing quote and its cue only punctuation and a short source may stand; a
    semicolon ends the clause the quotation belongs to ('... fired "more than 20 shots";
    Venezuela says it fired warning shots')."""
    return len(gap) <= 60 and not re.search(r"[.!?“\";]", gap.strip(" ,”")[:-1] if gap else "")


def _strip_trailing(span: Span, text: str) -> Span:
    start, end = span.start, span.end
    while end > start and text[end - 1] in ",;:. ":
        if text[end - 1] == "." and _DOTTED_END.search(text[start : end - 1]):
            break  # "at 2:50 a.m.", "in the U.S.": the abbreviation keeps its point
        end -= 1
    return Span(start, end, text[start:end])


# "a.m", "U.S" ending the text, before their last point
_DOTTED_END = re.compile(r"(?:^|\s)(?:[A-Za-z]\.)+[A-Za-z]$")


def _unquote(span: Span, quotes: list[Quote], text: str) -> Span:
    """A span that is one whole quotation (marks and punctuation aside) becomes its inside."""
    for quote in quotes:
        if span.start <= quote.start and quote.end - 1 <= span.end:
            outside = text[span.start : quote.start] + text[quote.end : span.end]
            if not any(c.isalnum() for c in outside):
                return _strip_trailing(Span.of(text, quote.inner_start, quote.inner_end), text)
    return span


def _leading_connective(token: Token, tokens: list[Token]) -> bool:
    """Drop "Meanwhile," or "However," that open the content of an according-to claim."""
    first = min(tokens, key=lambda t: t.i)
    return token.i <= first.i + 1 and (
        (token.dep_ in ("advmod", "cc") and token.i == first.i and token.head.dep_ == "ROOT")
        or (token.is_punct and token.i == first.i + 1 and first.dep_ in ("advmod", "cc"))
    )


_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_ACTOR_HEADS = {"agency", "ministry", "embassy", "official", "officials", "source", "sources", "spokesman", "spokeswoman", "army", "navy", "military", "command", "gendarmerie", "government", "police", "office", "media", "newspaper", "broadcaster", "channel", "outlet"}  # fmt: skip
# Written findings can "show" or "indicate" something, though they are not people who speak.
_EVIDENCE_HEADS = {"study", "survey", "analysis", "investigation", "inquiry", "document", "documents", "data", "poll", "report", "reports", "statement", "assessment", "review"}  # fmt: skip


# Cues that report with a clause ("agreed that the toll was 12") but act with an infinitive
# ("agreed to pay for the repairs")
_ACTION_WITH_INFINITIVE = frozenset({"agree"})


def _transcript_label(token: Token) -> bool:
    """ "Q" or "A" opening a transcript line, which the parser may take for a subject."""
    return (
        token.text in TRANSCRIPT_LABELS
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].text == ":"
    )


def _said_to(verb: Token, entry: Cue) -> bool:
    """A headline's "X said to demand ransom" ("X is said to ..." without its "is"): the verb
    takes an infinitive and no clause, and no auxiliary stands before it."""
    if verb.lemma_.lower() not in _HEARSAY or entry.channel == "dobj":
        return False
    infinitive = any(_infinitive(c) for c in verb.children)
    others = any(c.dep_ in ("ccomp", "dobj", "aux", "auxpass") for c in verb.children)
    return infinitive and not others


_COMPARING = frozenset({"from", "than"})  # "up from 3,400", "more than it said"


def _counts(noun: Token) -> bool:
    """A noun phrase that is a figure or leads with one ("more than 9,000", "70,000 households")."""
    return noun.like_num or any(c.like_num and c.dep_ == "nummod" for c in noun.children)


def _with_clock_suffix(tokens: list[Token]) -> list[Token]:
    """ "lost contact at 11:40 p.m. It said ...": before a new sentence the parser reads "p.m."
    as the full stop, outside the clause; the time keeps it."""
    if not tokens:
        return tokens
    last = max(tokens, key=lambda t: t.i)
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if after is not None and after.lower_ in ("a.m.", "p.m.") and last.text[:1].isdigit():
        return [*tokens, after]
    return tokens


def _counted(verb: Token) -> list[Token]:
    """ "The UN counts 11 civilians dead", "doctors counted 23 bodies": what is counted, with its
    figure; "counted the votes" or "counts on its allies" gives none, so it reports nothing.
    Other names' counts after it ("..., the mayor 11") are theirs."""
    others = {t.i for name, _ in _gapped_names(verb) for t in name.subtree}
    said = [c for c in verb.children if c.dep_ in ("ccomp", "dobj", "oprd") and c.i > verb.i]
    tokens = sorted({t for c in said for t in c.subtree if t.i not in others}, key=lambda t: t.i)
    return tokens if any(t.like_num for t in tokens) else []


def _gapped_names(verb: Token) -> list[tuple[Token, Token]]:
    """The names and figures that follow a count with its verb left out: "counts two civilians
    dead, [the mayor 11] and [the rights committee 17]"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    found = []
    for other in objects[1:]:
        for name in (other, *(c for c in other.subtree if c.dep_ == "conj")):
            figure = next((c for c in name.children if c.dep_ == "nummod" and c.like_num), None)
            if figure is not None and _actor_word(name):
                found.append((name, figure))
    return found


# what follows a number in a time adverbial, not a measure said ("said so two days ago")
_TIME_AFTER = frozenset({"ago", "later", "earlier", "before", "after", "since"})


def _measure_after(verb: Token, placed: Token | None) -> list[Token]:
    """A measure said or put with no clause: "says about 4 kilometres west" (the parser hangs it
    on the verb as an adverb), "puts the boat 9 miles out" (`placed`, then where)."""
    after = placed.i if placed is not None else verb.i
    for child in verb.children:
        if (
            child.dep_ in ("npadvmod", "advmod", "dobj")  # "puts her [about 14 miles] south"
            and child.i > after
            and any(t.like_num and t.dep_ == "nummod" for t in child.subtree)  # "14 miles"
            and not any(t.lower_ in _TIME_AFTER for t in child.subtree)
        ):
            start = placed.left_edge.i if placed is not None else child.left_edge.i
            # "4 km west, Kenya 2.5 km east": another's measure after the comma is not this one
            end = next(
                (t.i - 1 for t in child.subtree if t.i > start and t.text in ",;"),
                child.right_edge.i,
            )
            return list(child.doc[start : end + 1])
    return []


def _fronted_subjects(verb: Token) -> list[Token]:
    """Subjects before a reporting verb when the parser found two with a comma between them
    ("Nearly 8,000 displaced by raid, IOM says"): the last is the speaker, the rest is what
    it says. Empty otherwise."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return []
    between = verb.doc[subjects[-2].right_edge.i + 1 : subjects[-1].left_edge.i]
    if not any(t.text == "," for t in between) or any(t.is_quote or t.text == ":" for t in between):
        return []  # "The ministry, in a statement: 'Venezuela rejects ...'" is its speaker
    said = verb.doc[subjects[0].left_edge.i : subjects[-2].right_edge.i + 1]
    return subjects if any(t.pos_ == "VERB" for t in said) else []


def _fronted_fragment(verb: Token) -> list[Token] | None:
    """The report before ", <speaker> said" when the parser did not make it the verb's clause
    ("A cyberattack cut power to the city, leaving ..., the company said", read as a loose
    fragment or a dateline's object): the sentence's words after any dateline up to the comma
    before the speaker, when they hold a verb. None otherwise."""
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    if verb.dep_ in ("relcl", "acl") or subjects[-1].tag_ in ("WDT", "WP"):
        return None  # "a firm ..., which asked not to be named, said": no report of its own
    comma = subjects[-1].left_edge.i - 1
    sentence = verb.sent
    start = sentence.start
    dashes = [t.i for t in verb.doc[start:comma] if t.text in ("—", "--", "–")]
    if dashes and dashes[0] - start <= DATELINE_TOKENS:
        start = dashes[0] + 1  # "BEIRUT, March 13 (Wire) — ..."
    if comma <= start or verb.doc[comma].text != ",":
        return None
    said = verb.doc[start:comma]
    if any(t.is_quote or t.text in (":", ";") for t in said) or not any(
        t.pos_ in ("VERB", "AUX") for t in said[1:]
    ):
        return None
    if said[0].tag_ in ("VBG", "VBN", "IN", "TO"):
        return None  # "Speaking in Kyiv, the minister said": how it was said, not what
    return list(said)


DATELINE_TOKENS = 12  # "KYIV, June 7 (Baltic Wire) —": a dateline is this short


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _clause_read_as_object(verb: Token) -> list[Token] | None:
    """ "said the software resembled tools used in ...", parsed as "said [the software-resembled
    tools]": a finite verb the parser made a modifier inside the object is the reported clause's
    own verb, so the object is a clause."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None
    finite = [
        t
        for t in objects[0].subtree
        if t.dep_ in ("amod", "compound") and t.i > verb.i + 1 and _verb_with_subject(t)
    ]
    if not finite:
        return None
    tokens = list(verb.doc[verb.i + 1 : objects[0].right_edge.i + 1])
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _verb_with_subject(token: Token) -> bool:
    """A finite verb, or a past form whose "subject" the parser made a noun modifier with its
    own article ("the software resembled"; unlike "a Russia-backed group")."""
    if token.tag_ in _FINITE_TAGS:
        return True
    return token.tag_ == "VBN" and any(
        c.dep_ == "npadvmod"
        and c.i < token.i
        and token.doc[c.left_edge.i - 1].dep_ == "det"
        and token.doc[c.i + 1].text != "-"
        for c in token.children
    )


def _past_date(antecedent: Token) -> Token:
    """ "its statement of Friday, which says": the parser hangs the clause on the date; what
    says it is the noun the date belongs to."""
    if (
        antecedent.ent_type_ in ("DATE", "TIME")
        and antecedent.dep_ == "pobj"
        and antecedent.head.lower_ in ("of", "on", "from")
        and antecedent.head.head.pos_ in ("NOUN", "PROPN")
    ):
        return antecedent.head.head
    return antecedent


def _timeline_date(token: Token) -> bool:
    """A subject that is the date opening a timeline's line ("16 March: ...")."""
    after = token.i + 1
    return (
        token.dep_ == "nsubj"
        and token.ent_type_ in ("DATE", "TIME")
        and after < len(token.doc)
        and token.doc[after].text == ":"
    )


def _subject_of_fronted_clause(verb: Token) -> Token | None:
    """ "ZeroFrost, the group Finland accuses of ..., said that it was not ...": the parser may
    read the description as a clause before the cue, with the speaker as its subject. Only
    when the cue has its own clause after it, so the one before is not what was said."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    before = [c for c in clauses if c.i < verb.i]
    if not before or not any(c.i > verb.i for c in clauses):
        return None
    return _subject_of_description(before[0])


def _subject_of_description(clause: Token) -> Token | None:
    """The named subject of a clause that describes a speaker ("ZeroFrost, the group Finland
    accuses of ...,"): a name followed by a comma, the clause closed by one before the cue."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or not (_is_actor(subject) or subject.pos_ == "PROPN"):
        return None
    doc = clause.doc
    closed = doc[clause.right_edge.i].text == "," or doc[clause.right_edge.i + 1].text == ","
    if not closed or doc[subject.i + 1].text != ",":
        return None
    return subject


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})


def _lost_subject(verb: Token, clause: Token) -> list[Token]:
    """ "said between 25 and 30 people had been killed": the parser may hang the clause's
    subject on the cue as a phrase of its own, leaving the clause without one; it belongs to
    what was said."""
    if clause.i < verb.i:
        return []
    subject = any(c.dep_ in _CLAUSE_SUBJECTS for c in clause.children)
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and verb.i < child.i
            and child.right_edge.i + 1 == clause.left_edge.i
            and (not subject or child.n_lefts + child.n_rights == 0)  # a stranded "between"
        ):
            return list(child.subtree)
    return []


def _name_read_as_adverb(verb: Token) -> Token | None:
    """ "SEPA said ...": the parser reads a capitalised acronym that opens the sentence as an
    adverb of the verb; a name just before the cue is its speaker."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        before is not None
        and before.head.i == verb.i
        and before.dep_ in ("advmod", "npadvmod")
        and before.pos_ == "PROPN"
        and before.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
        and before.left_edge.is_sent_start
    ):
        return before
    return None


def _appositive_before(verb: Token) -> Token | None:
    """ "At Wabag hospital, the chief executive, Dr Lakane, said ...": with no subject, the
    parser may hang the speaker on the fronted place as an apposition; the one right before the
    verb is the speaker."""
    for child in verb.children:
        if child.dep_ != "prep" or child.i > verb.i:
            continue
        for place in (c for c in child.children if c.dep_ == "pobj"):
            for appos in (c for c in place.children if c.dep_ == "appos"):
                chain = [t for t in appos.subtree if t == appos or t.dep_ == "appos"]
                if verb.i - appos.right_edge.i <= 2 and any(_is_actor(t) for t in chain):
                    return appos
        # "In a message circulated on WhatsApp, Wilson Desrosiers, the gang's leader, said":
        # the name read as a second thing the message was circulated on
        for name in (t for t in child.subtree if t.dep_ == "conj" and t.pos_ == "PROPN"):
            if (
                verb.i - name.right_edge.i <= 2
                and verb.doc[name.left_edge.i - 1].text == ","
                and not any(c.dep_ == "cc" for c in name.head.children)
                and _is_actor(name)
            ):
                return name
    return None


def _trailing_appositive(verb: Token) -> Token | None:
    """ "... took part in the ambush near Llochegua, a wounded soldier told the Post": the
    parser may read the speaker as an apposition to the place that ends the clause, and the cue
    as a second verb of that clause; the apposition right before the cue is the speaker."""
    if verb.dep_ != "conj" or verb.i == 0:
        return None
    appos = verb.doc[verb.i - 1]
    while appos.dep_ != "appos" and appos.head.i < verb.i and appos.head != appos:
        appos = appos.head
    if (
        appos.dep_ == "appos"
        and appos.right_edge.i == verb.i - 1
        and verb.doc[appos.left_edge.i - 1].text == ","
        and (_is_actor(appos) or appos.lemma_.lower() in actor_nouns())
    ):
        return appos
    return None


def _infinitive(verb: Token) -> bool:
    return verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# what a body issues, cited in its stead: "citing a statement from the Guards' navy"
_ISSUED_NOUNS = frozenset({"statement", "communique", "communiqué", "release", "report", "post", "message", "bulletin", "notice", "letter", "briefing"})  # fmt: skip


def _fronted_citer(verb: Token, head: Token) -> Token | None:
    """The outlet of "Citing X, the Sentinel reported that ...", when the parser made "Citing"
    the root, X its object and the outlet X's appositive, with the cue hanging on X."""
    participle = head.head
    if not (
        verb.dep_ in ("acl", "relcl")
        and head.dep_ == "dobj"
        and participle.lemma_.lower() in ("cite", "quote")
        and participle.tag_ == "VBG"
        and participle.i == participle.sent.start
    ):
        return None
    return next((c for c in head.children if c.dep_ == "appos" and c.i < verb.i), None)


def _cited(participle: Token) -> Token | None:
    """Whom "citing ..." names: its object, or the author of a cited document ("citing a
    statement from the Guards' navy" -> navy)."""
    cited = next((c for c in participle.children if c.dep_ in ("dobj", "pobj")), None)
    return None if cited is None else _author(cited) or cited


def _author(token: Token) -> Token | None:
    """The actor behind a cited document: "a statement from the Guards' navy" -> navy."""
    if token.lemma_.lower() not in _ISSUED_NOUNS:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            for actor in prep.children:
                if actor.dep_ == "pobj" and _is_actor(actor):
                    return actor
    return None


def _is_actor(token: Token, *, evidence: bool = False) -> bool:
    """Could this noun phrase speak? Actors are cited; evidence ("satellite imagery",
    "preliminary data") is not, though a study may "show" something when `evidence` is set."""
    heads = _ACTOR_HEADS | _EVIDENCE_HEADS if evidence else _ACTOR_HEADS
    return (
        token.ent_type_ in _ACTOR_LABELS or token.lemma_.lower() in heads or token.lower_ in heads
    )


def _may_report(subject: Token) -> bool:
    """Could this subject make a report of its own? An actor, a document ("a UN report said")
    or a pronoun; not a thing the report is about ("Iran's harassment threatened freedom of
    navigation" is what the outer speaker said)."""
    return (
        subject.pos_ == "PRON"
        or _names_actor(subject)
        or _is_actor(subject, evidence=True)
        or subject.lemma_.lower() in not_source_nouns()
    )


def _names_actor(token: Token) -> bool:
    """An actor, an office ("the police and the mayor said") or a name the tagger left
    unlabelled ("Kenyatta and Museveni")."""
    return _is_actor(token) or token.pos_ == "PROPN" or token.lemma_.lower() in actor_nouns()


def _is_speaker_label(name: SpacySpan) -> bool:
    """A few words naming someone, no verb: "Kerry", "NATO chief", "Clinton camp"."""
    no_clause = not any(
        t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text not in ".-'’") for t in name
    )
    names_someone = any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ in _ACTOR_LABELS for t in name)
    capitalised = name[0].is_title or name[0].is_upper
    # "Explainer: what happened ...", "Scarborough Shoal collision: live updates": a headline
    # label names the piece or the event, not a speaker
    # (the parser may hang a headline fragment on its first word: the last is the noun's head)
    labels_a_piece = bool({name.root.lemma_.lower(), name[-1].lemma_.lower()} & not_source_nouns())
    # "About Codru Air: Codru Air is an airline ...": a press release's boilerplate section
    labels_a_piece = labels_a_piece or name[0].lower_ in ("about", "re", "for", "notes")
    # a roundup's section on a sea or strait: "Strait of Hormuz: Kythira Voyager"
    labels_a_piece = labels_a_piece or any(t.text in _FEATURE_WORDS for t in name)
    # a timeline's date: "16 March: the army says five soldiers died" is no one speaking
    labels_a_piece = labels_a_piece or any(t.ent_type_ in ("DATE", "TIME") for t in name)
    return (
        1 <= len(name) <= 5 and no_clause and names_someone and capitalised and not labels_a_piece
    )


@cache
def _verdict_words() -> frozenset[str]:
    """Single words that call a claim false ("baseless", "fabricated"), from the polarity list."""
    return frozenset(p[0] for p in load_polarity_lexicon().denial_phrases if len(p) == 1)


def _ends_in_verdict(token: Token) -> bool:
    words = [t for t in token.subtree if not t.is_punct]
    return bool(words) and words[-1].lower_ in _verdict_words()


def _speaker_after_participle(subject: Token, verb: Token) -> Token | None:
    """ "A cyberattack knocked out service, halting card payments and cutting off calls to the
    emergency number, the country's largest operator, Dardanet, said": the parser made the
    report's participle phrase the subject; the speaker is the noun phrase set off by commas
    right before the verb."""
    first = subject.left_edge
    if not (
        # a participle, tagged as one or (before a noun) as a noun: "halting card payments"
        (first.tag_ == "VBG" or (first.text.endswith("ing") and first.tag_ == "NN"))
        and first.text.islower()
        and first.i > 0
        and subject.doc[first.i - 1].text == ","
        and any(c.dep_ == "ccomp" and c.i < first.i for c in verb.children)
        and subject.doc[verb.i - 1].text == ","
    ):
        return None
    # the outermost appositive whose phrase ends at the comma before the verb
    return next(
        (
            t
            for t in subject.subtree
            if t.dep_ == "appos"
            and verb.i - 2 <= t.right_edge.i <= verb.i - 1
            and t.left_edge.i > first.i
        ),
        None,
    )


# a briefing's section heading: a short label, a colon and a short subject over a list of
# bullets ("Chad: Ngouboua", "Aegean: Imia/Kardak"); resolve files the bullets' figures under it
BRIEFING_HEADING = re.compile(r"^[^\n:.!?]{2,60}:[^\n.!?]{0,60}$\n(?=\s*[-•*–] )", re.MULTILINE)
# a roundup's section heading on a line of its own, in capitals: "KOSOVO: DARDANET", "EL TARRA,
# COLOMBIA", "HONDURAS / NICARAGUA: DOÑA REINA (25 NOVEMBER)", numbered or not ("2. MYANMAR:
# MOMAUK")
CAPITALS_HEADING = re.compile(
    r"^(?:\d{1,2}[.)]\s+)?(?=[^\n]*[A-Z]{3})[^\n.!?a-z]{4,80}$", re.MULTILINE
)


def capitals_headings(text: str) -> list[re.Match[str]]:
    """A roundup's section headings in capitals, after the first line (a headline written in
    capitals is no section)."""
    first_break = text.find("\n")
    return [
        m
        for m in CAPITALS_HEADING.finditer(text)
        if m.start() > first_break and not any(ch.islower() for ch in m.group())
    ]


def section_start(text: str, position: int) -> int:
    """Where the roundup section holding `position` begins (0 when there is none)."""
    starts = [m.start() for m in capitals_headings(text[:position])]
    return starts[-1] if starts else 0


# a sentence inside a line that opens on a short label and a colon: ". Army: five soldiers ..."
INLINE_LABEL = re.compile(
    r"(?<=[.!?] )([A-Z][^:.!?;,\n]{0,39}):[ \t]+(\S.*?)(?=[.!?;](?:\s+[A-Z0-9\"“]|\s*$))"
)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _tally(words: SpacySpan) -> bool:
    """Figures and what they count, with no clause of their own: "five soldiers, three civilians
    and 11 attackers dead", "43 nautical miles north of Zuwara", "19"."""
    clause = any(
        t.pos_ in ("VERB", "AUX")
        and (t.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") for c in t.children))
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in words
    )  # "26 residents taken" is a participle in a table, no clause
    return not clause and any(t.like_num for t in words)


def _heads_bullets(line: str, start: int, headings: set[int]) -> bool:
    """ "Aegean: Imia/Kardak" over a list of bullets names a section, not a speaker; "Russia:
    'We will respond'" still quotes one."""
    quoted = line.partition(":")[2].strip()[:1] in ('"', "“", "'", "‘")
    return start in headings and not quoted


def _label_is_no_speaker(name: SpacySpan, rest: str) -> bool:
    """ "Fotokol: at least 35 civilians killed ..., FNRO says": a headline that opens on a place,
    or names its speaker at its end, is not the label's claim; "Russia: 'We will respond'"
    still quotes a speaker."""
    quoted = rest.lstrip()[:1] in ('"', "“", "'", "‘")
    if quoted:
        return False
    # "..., Far North Rights Observatory says": the headline names its speaker at the end
    return (
        bool(SAYS_AT_END.search(rest))
        or bool(NAMES_A_PIECE.match(rest))
        or all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in name)
    )


_FEATURE_WORDS = frozenset({"Strait", "Straits", "Gulf", "Sea", "Ocean", "Lake", "Bay", "Cape", "Island", "Islands", "River", "Canal", "Peninsula"})  # fmt: skip


SAYS_AT_END = re.compile(r",\s+[^,]{2,60}\s+(?:says|said|reports|claims|warns)\W*$")
# "The cable break: what the ship track shows", "Border detentions: live updates": the part
# after the colon says what kind of piece it is, so the label is its subject, not a speaker
NAMES_A_PIECE = re.compile(
    r"\s*(?:what|how|why|who|where|when|which|live\b|latest\b|timeline\b|explainer\b"
    r"|analysis\b|as it happened\b|the story so far\b|key facts\b|in (?:maps|pictures|charts)\b)",
    re.IGNORECASE,
)


# a note on how a voice is heard, after its label: "MBAYE (recording):", "SMITH (via phone):"
STAGE_NOTE = re.compile(r"\s*\([^()]{1,25}\)\s*$")


def _voice(label: str) -> str:
    """A transcript line's label without a stage note; leading spaces kept, for its offsets."""
    return STAGE_NOTE.sub("", label).rstrip()


TRANSCRIPT_VOICE = re.compile(r"^[A-Z][A-Z.'’ -]{1,30}$")  # "GONI", "MBARGA", "DR. OKAFOR"


_INTERVIEWER = re.compile(
    r"\b(?:interviewer|interviewed by|questions were put by|asked by)\b[^.\n]{0,60}?"
    r"([A-Z][\w'’-]+)(?=[.,;)]|\s*$)",
    re.MULTILINE,
)


_JOURNALIST_LABELS = frozenset({"presenter", "host", "anchor", "correspondent", "reporter", "narrator"})  # fmt: skip
# "Presenter: Ruth Calloway", "Our correspondent Anna Hale is in Ljubljana", "I am Zenaba
# Abakar", "Moussa Seck reports from Dakar"
_NAME = r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
_JOURNALIST = re.compile(
    r"(?:\b(?:[Pp]resenter|[Hh]ost|[Aa]nchor|[Cc]orrespondent|[Rr]eporter)[:,]? (?:is )?"
    + _NAME
    + r"|\bI am "
    + _NAME
    + r"(?=[.,])"
    + r"|"
    + _NAME
    + r" reports\b)"
)


def _own_share(according: Token, tokens: list[Token]) -> list[Token]:
    """ "X cut service to 8,300 customers, according to A, and to nearly 12,000, according to
    B": two sources of one sentence, each for its own figure. A's is what comes before its
    phrase; B's is its own part ("to nearly 12,000") after what the two share ("X cut service")."""
    sentence = according.sent
    others = [
        t
        for t in sentence
        if t.lower_ == "according"
        and t.i != according.i
        and t.i + 1 < len(t.doc)
        and t.doc[t.i + 1].lower_ == "to"
    ]
    if not others:
        return tokens
    later = [t for t in others if t.i > according.i]
    earlier = [t for t in others if t.i < according.i]
    if later and not earlier:
        before = [t for t in tokens if t.i < according.i and not t.is_punct]
        # "According to A, X; ..., according to B": A's is what follows it, up to B's
        return (
            [t for t in tokens if t.i < according.i]
            if before
            else [t for t in tokens if t.i < later[0].i]
        )
    if not earlier:
        return tokens
    last = earlier[-1]
    # the other phrase ends where its source's noun phrase ends
    source = next((c for c in last.doc[last.i + 1].children if c.dep_ == "pobj"), None)
    own_start = (source.right_edge.i if source is not None else last.i + 1) + 1
    own = [t for t in tokens if own_start <= t.i < according.i]
    while own and (own[0].is_punct or own[0].dep_ == "cc"):
        own = own[1:]
    while own and own[-1].is_punct:
        own = own[:-1]
    if not own or any(t.pos_ in ("VERB", "AUX") for t in own):
        return own or tokens
    first = next((t for t in tokens if t.like_num and t.i < last.i), None)
    if first is None:
        return own
    phrase = first
    while phrase.dep_ in ("nummod", "quantmod", "compound", "amod") and phrase.head is not phrase:
        phrase = phrase.head
    cut = phrase.head.i if phrase.dep_ == "pobj" else phrase.left_edge.i
    return [t for t in tokens if t.i < cut] + own


def _transcript_roles(lines: list[str], text: str = "") -> tuple[set[str], set[str]]:
    """Who asks and who speaks in a transcript set as "NAME: ..." lines.

    A label in capitals that opens two lines or more is a voice of the transcript, whatever the
    tagger makes of the name ("GONI" read as a noun); a voice most of whose lines are questions,
    or the one the introduction names as the interviewer ("The interviewer is Eeva Lind"), is
    the interviewer, whose lines are no claims (like "Q:")."""
    seen: dict[str, list[bool]] = {}
    journalists: set[str] = set()
    for line in lines:
        colon = line.find(":")
        label = _voice(line[:colon])
        if 0 < colon <= 40 and TRANSCRIPT_VOICE.match(label):
            seen.setdefault(label, []).append(line[colon + 1 :].rstrip().endswith("?"))
            note = line[len(label) : colon].strip(" ()").casefold()
            if note in _JOURNALIST_LABELS:  # "DANIEL OKAFOR (presenter):"
                journalists.add(label.split()[-1].casefold())
    voices = {label for label, asks in seen.items() if len(asks) >= 2}
    if (
        journalists
        or "transcript" in text[:300].casefold()
        or any(label.casefold() in _JOURNALIST_LABELS for label in seen)
    ):
        # in a programme's transcript a guest heard once ("KALAKMABIN:", "RESIDENT:") speaks too
        voices = set(seen)
    interviewers = {label for label in voices if sum(seen[label]) * 2 > len(seen[label])}
    named = {m.group(1).casefold() for m in _INTERVIEWER.finditer(text)}
    interviewers |= {label for label in voices if label.split()[-1].casefold() in named}
    # the programme's own journalists pass on what others say, as a report's narrator does
    journalists |= {
        next(g for g in m.groups() if g).split()[-1].casefold() for m in _JOURNALIST.finditer(text)
    }
    interviewers |= {
        label
        for label in seen
        if label.casefold() in _JOURNALIST_LABELS or label.split()[-1].casefold() in journalists
    }
    return interviewers, voices - interviewers


def _past_vocative(subject: Token, verb: Token) -> Token:
    """ "Mr Mayor, the defence ministry says nine died": the parser may take the one addressed
    for a second subject; the speaker is the subject nearest the verb."""
    doc = subject.doc
    bare_name = subject.pos_ == "PROPN" and not any(
        c.dep_ in ("compound", "amod", "det") for c in subject.children
    )
    for appos in (c for c in subject.children if c.dep_ == "appos" and c.i > subject.i):
        # "Naomi, the Kurdish health ministry now says ...": the one addressed, then the
        # speaker; an appositive closed by a comma ("Rutte, the NATO chief, said") is the same
        # person named twice
        if (
            bare_name
            and appos.left_edge.i > 0
            and doc[appos.left_edge.i - 1].text == ","
            and appos.right_edge.i < verb.i  # so a token follows it
            and doc[appos.right_edge.i + 1].text != ","
            and any(c.dep_ == "det" for c in appos.children)
        ):
            return appos
    edge = subject.right_edge
    comma = edge if edge.text == "," else subject.doc[min(edge.i + 1, len(subject.doc) - 1)]
    if comma.i >= verb.i or comma.text != ",":
        return subject
    later = [c for c in verb.lefts if c.dep_ == "nsubj" and c.i > subject.i]
    return later[-1] if later else subject


QUOTING_VERBS = frozenset({"quote", "cite"})
# transcript labels: True when the line is the speaker's answer, False for a question
TRANSCRIPT_LABELS = {"Q": False, "A": True, "Question": False, "Answer": True}


def _quoting_verb(verb: Token) -> Token | None:
    """ "quoted the ministry as saying": the verb of quoting that governs "as saying"."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    governor = verb.head.head
    return governor if governor.lemma_.lower() in QUOTING_VERBS else None
