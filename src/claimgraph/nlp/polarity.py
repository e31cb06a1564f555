"""Decide what a source does with the claim it is reported to make: assert, deny or withhold it.

Needs: the cue and content (as text, and as parsed tokens when there are any) and the word lists
`cues.v2.tsv` (each cue's own polarity) and `polarity.v1.tsv`.  Returns: a `Polarity` and whether
the content's own clause is negative.

This module is the one place that decides polarity; the cross-document stages read the stored
`Attribution.polarity` or call `polarity_of` on stored text.

Rules, in order:
- a cue that is negated ("did not confirm", "has not acknowledged", "would neither confirm nor
  deny") or governed by a withholding word ("declined to comment on", "refused to confirm", "was
  unable to verify") is unconfirmed: the source neither states nor rejects the claim;
- a cue whose own polarity is deny ("denied", "rejected", "dismissed", "refuted") is a denial;
- a claim whose content is itself a withheld or denying report ("Rutte said the alliance could
  not confirm ...") takes that report's polarity;
- content that calls its subject fake, groundless or a fabrication ("called the reports
  groundless", "said the video was fake"), or says that something does not exist ("there are no
  troops", "no troops have crossed"), is a denial; the same words inside the subject ("fake
  accounts shared the video") are not;
- `negated` is set when the content's main clause is negative ("had not sent", "there are no").
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimgraph.nlp.lexicon import Lexicon, data_rows, lexicon_text, load_lexicon
from claimgraph.nlp.spans import clause_roots
from claimgraph.records import Polarity

_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
_PREDICATE_DEPS = {"attr", "acomp", "oprd", "xcomp", "ccomp", "conj", "appos"}
_MODIFIER_DEPS = {"amod", "compound", "advmod", "det", "neg", "nummod"}
_WORD = re.compile(r"[\w’']+")


@dataclass(frozen=True, slots=True)
class PolarityLexicon:
    withhold: frozenset[str]  # lemmas: decline, refuse, unable
    denial_phrases: tuple[tuple[str, ...], ...]  # lower-case word tuples, longest first
    negations: frozenset[str]  # not, n't, never, no, none ...
    stripped: re.Pattern[str]  # the content and strip phrases, for `without_polarity_words`


@cache
def load_polarity_lexicon() -> PolarityLexicon:
    rows = data_rows(lexicon_text("polarity.v1.tsv"))
    phrases = sorted(
        (tuple(_words(row[0])) for row in rows if row[1] == "content"), key=len, reverse=True
    )
    stripped = sorted(
        (row[0] for row in rows if row[1] in ("content", "strip")), key=len, reverse=True
    )
    return PolarityLexicon(
        withhold=frozenset(row[0] for row in rows if row[1] == "withhold"),
        denial_phrases=tuple(phrases),
        negations=frozenset(row[0] for row in rows if row[1] == "negation"),
        stripped=re.compile(
            r"(?i)\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in stripped) + r")\b"
        ),
    )


def without_polarity_words(text: str) -> str:
    """The content without the words that say how it is held ("fabricated", "could not
    confirm"): a denial and the claim it denies then compare on what they are about."""
    return " ".join(load_polarity_lexicon().stripped.sub(" ", text).split())


def polarity_of(
    cue_text: str,
    content_text: str,
    *,
    cue_head: Token | None = None,
    content: Sequence[Token] = (),
    lexicon: Lexicon | None = None,
) -> tuple[Polarity, bool]:
    """The polarity of a claim and whether its content is negated.

    Args:
        cue_text: the cue as written ("could not confirm", "denied").
        content_text: the content as written.
        cue_head: the cue's head token, when the text is parsed: then the parse decides.
        content: the content's tokens, when the text is parsed.
        lexicon: the cue lexicon (the packaged one when not given).

    Returns:
        (polarity, negated).
    """
    cues = lexicon or load_lexicon()
    words = load_polarity_lexicon()
    if cue_head is not None:
        withheld = _withheld(cue_head, words)
        cue_polarity = _cue_polarity(cue_head.lemma_.lower(), cue_head.pos_, cues)
    else:
        cue_words = _words(cue_text)
        withheld = any(w in words.negations for w in cue_words) or any(
            _lemma_in(w, words.withhold) for w in cue_words
        )
        cue_polarity = next(
            (p for w in cue_words if (p := _cue_polarity_of_word(w, cues)) is not None), "assert"
        )
    if content:
        negated, nonexistent = _negated_clause(content, words, cues)
        denies = nonexistent or _denial_predicate(content, words)
    else:
        content_words = _words(content_text)
        negated = any(w in words.negations for w in content_words)
        nonexistent = bool(
            re.match(r"(?i)\W*(that\s+)?there\s+(is|are|were|was)\s+no\b", content_text)
        )
        denies = nonexistent or _has_phrase(content_words, words.denial_phrases)
    if content and cue_polarity != "deny":
        nested = _nested_report(content, words, cues)
        withheld = withheld or nested == "unconfirmed" or _nothing_to_add(content)
        denies = denies or nested == "deny"
    if withheld and cue_head is not None and _own_words_denied(cue_head):
        return Polarity.DENY, negated
    if withheld:
        return Polarity.UNCONFIRMED, negated
    if cue_polarity == "deny" or denies:
        return Polarity.DENY, negated
    return Polarity.ASSERT, negated


def _nested_report(content: Sequence[Token], words: PolarityLexicon, cues: Lexicon) -> str | None:
    """ "Rutte said the alliance could not confirm ...": content whose first clause is itself a
    withheld or denying report lends the claim its polarity. Only the first clause: "acknowledged
    that it lost men but has not published a toll" is an acknowledgement."""
    for root in [r for r in clause_roots(content) if r.pos_ in ("VERB", "AUX")][:1]:
        # "had not been able to confirm", "is not going to confirm": the report the root
        # carries
        head = next(
            (v for v in _carried(root) if v.lemma_.lower() in cues.verbs),
            root,
        )
        nested = cues.verbs.get(head.lemma_.lower())
        if nested is None:
            return None
        if any(_negative_phrase(c) for c in head.children if c.dep_ in _SUBJECT_DEPS):
            return None  # "no one is denying that ...": nobody withholds or denies anything
        if _withheld(head, words):
            return "deny" if _own_words_denied(head) else "unconfirmed"
        return "deny" if nested.polarity == "deny" else None
    return None


def _carried(root: Token) -> list[Token]:
    """The root, then the verbs it carries: "been [able] to confirm", "going to confirm"."""
    carried = [root]
    for child in root.children:
        if child.dep_ == "xcomp":
            carried.append(child)
        elif child.dep_ == "acomp":
            carried += [c for c in child.children if c.dep_ == "xcomp"]
    return carried


# -- the cue ------------------------------------------------------------------------------------


# a speaker who says they never said it: "We never admitted anything", "I did not say that"
_OWN_WORDS = frozenset({"admit", "confess", "say", "tell", "acknowledge", "sign", "agree"})
_FIRST_PERSON = frozenset({"i", "we"})
_MODALS = frozenset(
    {"can", "could", "ca", "will", "would", "wo", "may", "might", "shall", "should"}
)


def _own_words_denied(cue: Token) -> bool:
    """ "We never admitted anything": speakers who say they did not say what they are reported
    to have said deny that report; "has not acknowledged" of a third party withholds."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in cue.children):
        return False  # "I cannot say", "we would not say": they hold back, not deny
    return cue.lemma_.lower() in _OWN_WORDS and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_PERSON for c in cue.children
    )


def _withheld(cue: Token, words: PolarityLexicon) -> bool:
    """ "did not confirm", "would neither confirm nor deny", "declined to comment on"."""
    if any(
        c.dep_ in ("neg", "preconj") and c.lower_ in words.negations
        for c in cue.children
        if c.i < cue.i
    ) or any(c.dep_ == "advmod" and c.lower_ == "never" for c in cue.children):
        return True  # not the subject: "nobody is denying it" withholds nothing
    if any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(d.dep_ == "preconj" and d.lower_ == "neither" for d in c.children)
        for c in cue.children
    ):
        return True  # "a figure that neither Bamako nor Moscow has confirmed"
    if cue.dep_ == "conj" and cue.head.i != cue.i:
        # "neither confirm nor deny", "declined to confirm or deny": the second verb too
        return any(c.lower_ == "nor" for c in cue.head.children) or _withheld(cue.head, words)
    governor = cue.head
    if (
        cue.dep_ == "pcomp"
        and governor.lower_ == "of"
        and (
            governor.head.lower_ == "short"
            or any(c.lower_ == "short" for c in governor.head.children)
        )
    ):
        return True  # "stopped short of denying": it neither denied nor asserted
    if cue.dep_ == "xcomp" and governor.lemma_.lower() in words.withhold:
        return True  # "declined to comment on", "was unable to verify"
    if cue.dep_ == "xcomp":
        # "I am not going to confirm", "did not want to comment on", "had not been able to
        # confirm" (the negation sits on the verb that "able" completes)
        governors = [governor, governor.head] if governor.dep_ == "acomp" else [governor]
        if any(
            c.dep_ == "neg" and c.lower_ in words.negations for g in governors for c in g.children
        ):
            return True
    # "saw no need to comment on"
    return cue.dep_ == "acl" and any(
        c.dep_ == "det" and c.lower_ == "no" for c in governor.children
    )


def _cue_polarity(lemma: str, pos: str, cues: Lexicon) -> str:
    entry = cues.nouns.get(lemma) if pos in ("NOUN", "PROPN") else cues.verbs.get(lemma)
    return entry.polarity if entry is not None else "assert"


def _cue_polarity_of_word(word: str, cues: Lexicon) -> str | None:
    """A cue word's polarity without a parse: its inflections are undone by rule."""
    for lemma in _lemma_guesses(word):
        entry = cues.verbs.get(lemma) or cues.nouns.get(lemma)
        if entry is not None:
            return entry.polarity
    return None


def _lemma_guesses(word: str) -> list[str]:
    guesses = [word]
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix):
            guesses.append(word[: -len(suffix)] + replacement)
    for suffix in ("es", "ed", "s", "d"):
        if word.endswith(suffix):
            guesses.append(word[: -len(suffix)])
    return guesses


def _lemma_in(word: str, lemmas: frozenset[str]) -> bool:
    return any(guess in lemmas for guess in _lemma_guesses(word))


# -- the content --------------------------------------------------------------------------------


def _lead_roots(content: Sequence[Token], roots: list[Token]) -> list[Token]:
    """Of the content's roots, those of its first sentence: a quote of several sentences is
    negative when its lead is ("The dosing system was not touched. Quality stayed within
    limits"), not when a later sentence is ("About 70,000 households were affected. Some had no
    water")."""
    if not roots or not content[0].doc.has_annotation("SENT_START"):
        return roots
    sentences = list(dict.fromkeys(t.sent for t in content))
    # "Let me be clear. No resident was abducted": a short preamble leads nothing
    lead = next((s for s in sentences if sum(not t.is_punct for t in s) > LEAD_MIN), sentences[0])
    return [r for r in roots if r.sent == lead] or roots


# "he had nothing to add", "has nothing more to say on the matter": no comment, not a denial
NOTHING_TO = frozenset({"add", "say", "comment", "share", "report"})


def _nothing_to_add(content: Sequence[Token]) -> bool:
    return any(
        token.lower_ == "nothing"
        and token.head.lemma_.lower() == "have"
        and any(c.lemma_.lower() in NOTHING_TO and c.pos_ == "VERB" for c in token.children)
        for token in content
    )


LEAD_MIN = 5  # words: a shorter first sentence ("Let me be clear.") is a preamble


# "had no role in", "has nothing to do with": a denial of involvement ("the town has no water"
# is not one)
INVOLVEMENT_VERBS = frozenset({"have", "play"})
INVOLVEMENT_NOUNS = frozenset(
    {"nothing", "role", "part", "involvement", "hand", "connection", "link", "links"}
)

# "found no sign that ...", "has seen no evidence of ...": what was claimed did not happen
EVIDENCE_NOUNS = frozenset({"sign", "evidence", "indication", "trace", "proof"})


def _negated_clause(
    content: Sequence[Token], words: PolarityLexicon, cues: Lexicon
) -> tuple[bool, bool]:
    """(negated, says that something does not exist): negated as the content's lead says,
    a denial wherever a main clause says something does not exist ("We searched every room.
    There were no fighters")."""
    roots = clause_roots(content)
    lead = _lead_roots(content, roots)
    negated, nonexistent = _negated_in(lead, words, cues)
    opening = next((t for t in content if t.is_alpha), None)
    if (
        nonexistent
        and opening is not None
        and opening.lower_ in NARRATIVE_OPENINGS
        and any(t.dep_ == "expl" for t in content)
    ):
        nonexistent = False  # "When Boko Haram came, there was nobody on the shore": a story
    if nonexistent and any(_until_then(r) for r in lead):
        nonexistent = False  # "no boat would go north until the men came home": a resolve
    # a later sentence that says something does not exist denies too ("There were no fighters
    # inside", "No weapon was lost"), unless it tells a story that passes by it ("When they
    # came, there was nobody on the shore to stop them")
    later = [r for r in roots if r not in lead and not _opens_on_a_story(r.sent)]
    return negated, nonexistent or _negated_in(later, words, cues)[1]


def _until_then(root: Token) -> bool:
    """A negative intention held until something happens ("no boat will go out until ..."):
    what someone will not do, not a denial of what happened."""
    intends = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in root.children)
    return intends and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "until" for m in c.children)
        for c in root.children
    )


STORY_OPENINGS = frozenset({"when", "as", "after", "before", "while", "until", "once", "by"})
# the openings that set a whole quote in a moment of a story ("After the strike, no civilians
# were hurt" still denies)
NARRATIVE_OPENINGS = frozenset({"when", "while", "as"})


def _opens_on_a_story(sentence: SpacySpan) -> bool:
    first = next((t for t in sentence if t.is_alpha), None)
    return first is not None and first.lower_ in STORY_OPENINGS


def _negated_in(roots: list[Token], words: PolarityLexicon, cues: Lexicon) -> tuple[bool, bool]:
    """(negated, says that something does not exist) for these main clauses. A nested report
    ("no one is denying that ...") carries its own polarity and is left alone."""
    negated = nonexistent = False
    if any(r.pos_ in ("NOUN", "PROPN") and _negative_phrase(r) for r in roots):
        negated = nonexistent = True  # "reported no interference since Sunday"
    for root in _clause_heads(roots):
        if any(
            c.dep_ == "dobj" and c.lemma_.lower() in EVIDENCE_NOUNS and _negative_phrase(c)
            for c in root.children
        ):
            # "we have found no sign that any data left our systems": a finding of nothing
            negated = nonexistent = True
            continue
        if root.lemma_.lower() in cues.verbs:
            continue
        children = list(root.children)
        if any(c.dep_ == "neg" for c in children):
            negated = True
        for child in children:
            if not _negative_phrase(child):
                continue
            negated = True
            existential = child.dep_ == "attr" and any(c.dep_ == "expl" for c in children)
            if existential or child.dep_ in ("nsubj", "nsubjpass"):
                nonexistent = True  # "there are no troops", "no troops have crossed"
            if (
                child.dep_ == "dobj"
                and root.lemma_.lower() in INVOLVEMENT_VERBS
                and child.lemma_.lower() in INVOLVEMENT_NOUNS
            ):
                nonexistent = True  # "Russia has nothing to do with it", "played no part in"
    return negated, nonexistent


def _negative_phrase(token: Token) -> bool:
    """ "no troops", "none", "nothing", "nobody", "no one"."""
    return token.lower_ in ("none", "nothing", "nobody") or any(
        d.dep_ == "det" and d.lower_ == "no" for d in token.children
    )


def _clause_heads(roots: list[Token]) -> list[Token]:
    """The verbs of the content's main clauses: its roots, and the clause a bare noun-phrase
    root ("that there are ...") or a complementiser leads into."""
    heads = []
    for root in roots:
        if root.pos_ in ("VERB", "AUX"):
            heads.append(root)
            if _negated_head(root):
                # "had not crossed and had not fired": the conjuncts follow a negated first
                # clause; after an asserted one ("was shelled and nobody was hurt") the claim
                # stays an assertion
                heads.extend(
                    c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                )
    return heads


def _negated_head(head: Token) -> bool:
    return any(c.dep_ == "neg" or _negative_phrase(c) for c in head.children)


def _denial_predicate(content: Sequence[Token], words: PolarityLexicon) -> bool:
    """A denial word that is what the content says of its subject, not part of the subject."""
    tokens = list(content)
    lowered = [t.lower_ for t in tokens]
    roots = set(clause_roots(tokens))
    for phrase in words.denial_phrases:
        for start in range(len(tokens) - len(phrase) + 1):
            if tuple(lowered[start : start + len(phrase)]) != phrase:
                continue
            span = tokens[start : start + len(phrase)]
            ids = {t.i for t in span}
            head = next((t for t in span if t.head.i not in ids or t.head.i == t.i), span[-1])
            last = not any(not t.is_punct for t in tokens[start + len(phrase) :])
            if last and start > 0 and tokens[start - 1].text in ('"', "“", "'", "‘"):
                return True  # called claims that officers took ten hours "lies"
            if head.pos_ in ("VERB", "AUX") and head.tag_ != "VBN" and not last:
                continue  # "the answer lies in talks" is not "lies"; "called the reports lies" is
            if _predicative(head, roots):
                return True
    return False


def _predicative(token: Token, roots: set[Token]) -> bool:
    """Walk up to a root of the content through predicate and modifier links only."""
    current = token
    for _ in range(8):
        if current.dep_ in _SUBJECT_DEPS:
            return False
        if current in roots:
            return True
        if current.dep_ == "pobj" and current.head.lower_ == "as":
            return True  # "dismissed the reports as fabrications"
        if current.dep_ not in _PREDICATE_DEPS | _MODIFIER_DEPS:
            return False
        current = current.head
    return False


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text.replace("n't", " n't"))]


def _has_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(
        tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1)
    )
