"""Issued text: a statement published whole is its issuer's word, sentence by sentence.

A press release ("Statement by Larkspur Tankers on ...") or a statement that a report prints in
full between rules ("Full text: Black Heron's statement on ...", then the text set off by "---")
has no "said" in it, yet each of its sentences is a claim of the issuer. The rest of a report
stays the outlet's own narration: only text the title names as issued is attributed.

Needs: the parse (sentences) and the attributions already found, whose cues and contents are
left as they are. Returns: one attribution per issued sentence not already inside one, with the
issuer's name in the title as its source and the title's "statement" as its cue.
"""

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from claimgraph.nlp.attributions import Found
from claimgraph.nlp.lexicon import Lexicon, actor_nouns
from claimgraph.nlp.model import doc_text
from claimgraph.nlp.polarity import load_polarity_lexicon
from claimgraph.records import Form, Span

_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.'’-]*){0,6})"
# the title of a statement in the issuer's own words: "Statement by Codru Air on the diversion"
STATEMENT_TITLE = re.compile(
    r"^\s*(?P<cue>(?i:statement|press release|communiqu[eé]|update|announcement))\s+"
    rf"(?i:by|from)\s+(?:the\s+)?{_NAME}"
)
# a statement under its issuer's name as a headline: "Absheron Marine statement on the seizure"
NAMED_STATEMENT_TITLE = re.compile(
    rf"^\s*(?:the\s+)?{_NAME}['’]?s?\s+"
    r"(?P<cue>(?i:statement|press release|communiqu[eé]|update))\s+"
    r"(?i:on|about|regarding|concerning|following|after)\b"
)
# a report printing someone's statement whole: "Full text: Black Heron's statement on ..."
FULL_TEXT_TITLE = re.compile(
    rf"^\s*(?i:full text|text|in full)\s*:\s*(?:the\s+)?{_NAME}['’]s?\s+"
    r"(?P<cue>(?i:statement|communiqu[eé]|declaration|letter|message))\b"
)
# the same when the title does not name the issuer as a name: "Full text: interior ministry
# statement on ..."; the words before the act, or the framing sentence, name the issuer
FULL_TEXT_ANY_TITLE = re.compile(
    r"^\s*(?i:full text|text|in full)\s*:\s*(?:the\s+)?(?P<name>[^:\n]{0,60}?)\s*"
    r"(?P<cue>(?i:statement|communiqu[eé]|declaration|letter|message))\b"
)
# "Poland's Ministry of the Interior (MSWiA) issued the following statement on Tuesday"
FRAMED_BY = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>[A-Z][^.\n]{1,120}?)(?:\s+\([^)]{1,20}\))?\s+"
    r"(?:has\s+)?(?:issued|released|published|put\s+out|sent|made\s+public)\s+"
    r"(?:the\s+following|this)\s+(?:statement|communiqu[eé]|declaration|letter|message)"
)
# where a press release's own text ends: its boilerplate for editors
_BOILERPLATE = re.compile(
    r"^\s*(?i:about\s+[^:\n]{2,60}:|media\s+(?:enquiries|inquiries|contacts?)|(?:press\s+)?contacts?:|"
    r"notes?\s+to\s+editors|for\s+(?:further|more)\s+information|-?\s*ends\s*-?\s*$|###)",
    re.MULTILINE,
)
# a release's closing "about us": "The Far North Rights Observatory is an independent ..."
_ABOUT_US = re.compile(
    r"^(?:About\s+(?:the\s+)?(?P<about>[A-Z][^:\n]{2,80}?)\s*:|(?:The\s+)?"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?[A-Z][\w&.'’-]*){0,8})"
    r"(?:\s+\([A-Z]{2,10}\))?\s+is\s+an?\s)",
    re.MULTILINE,
)
# the issuer's own voice, outside any quotation: "We have the names of 35 victims."
_WE = re.compile(r"(?:^|(?<=[.!?]\s))(?:We|Our)\s", re.MULTILINE)
# a release's headline that says who issues it: "..., Far North Rights Observatory says"
_TITLE_SAYS = re.compile(r"\b(?P<cue>says|said|reports|warns|finds)\W*$")
MIN_WE = 2  # sentences in the issuer's own voice that make a report a release
LEAD = 600  # characters: the issuer is named in the release's opening
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|={3,}|_{3,})\s*$", re.MULTILINE)
_FRAMING = re.compile(
    r"\b(?:following|this|the present)\s+(?:statement|update|communiqu[eé])\b", re.IGNORECASE
)
MIN_WORDS = 4  # "That is all we did." still says something; "Thank you." does not


@dataclass(frozen=True, slots=True)
class Issued:
    """A stretch of text its issuer published, with the title words naming issuer and act."""

    start: int
    end: int
    issuer: Span
    cue: Span


def find_issued(text: str) -> list[Issued]:
    """The issued stretches of a document: a whole press release after its title, or the
    statement a report prints between two rules under a "Full text:" title."""
    title = text.partition("\n")[0]
    if match := STATEMENT_TITLE.match(title):
        end = _BOILERPLATE.search(text, len(title))
        return [Issued(len(title), end.start() if end else len(text), *_title_spans(text, match))]
    if release := (
        _release(text, title)
        or _named_statement(text, title)
        or _headed(text, title)
        or _headed_act(text, title)
        or _bylined(text, title)
    ):
        return [release]
    match = FULL_TEXT_TITLE.match(title) or FULL_TEXT_ANY_TITLE.match(title)
    if match:
        rules = list(_RULE.finditer(text, len(title)))
        if len(rules) < 2:
            return []
        issuer, cue = _title_spans(text, match)
        framed = FRAMED_BY.search(text, len(title), rules[0].start())
        if framed:
            # the framing sentence names the issuer in full
            issuer = Span.of(text, framed.start("name"), framed.end("name"))
        elif not issuer.text.strip():
            return []
        return [Issued(rules[0].end(), rules[1].start(), issuer, cue)]
    letterhead = _letterhead(text)
    return [letterhead] if letterhead else []


def _release(text: str, title: str) -> Issued | None:
    """A release an organisation issued under a news-style headline: its headline says who
    says it, it speaks as "we" outside quotation marks, and it closes on the issuer's "about us"
    paragraph ("The Far North Rights Observatory is an independent organisation ..."). Each
    sentence before that paragraph is the issuer's."""
    says = _TITLE_SAYS.search(title)
    if says is None:
        return None
    for about in _ABOUT_US.finditer(text, len(title)):
        name = (about.group("about") or about.group("name") or "").strip()
        lead = text.find(name, len(title), len(title) + LEAD) if name else -1
        if lead < 0 or about.start() <= lead:
            continue
        voices = [
            m for m in _WE.finditer(text, len(title), about.start()) if not _quoted(text, m.start())
        ]
        if len(voices) < MIN_WE:
            return None
        return Issued(
            len(title),
            about.start(),
            Span.of(text, lead, lead + len(name)),
            Span.of(text, says.start("cue"), says.end("cue")),
        )
    return None


def _named_statement(text: str, title: str) -> Issued | None:
    """A statement headed by its issuer's name ("Absheron Marine Services statement on ...")
    that speaks as "we" outside quotation marks: every sentence up to its "about us" paragraph
    or its notes for editors is the issuer's. A news headline built the same way ("Kremlin
    statement on talks raises doubts") is followed by a report in the third person."""
    match = NAMED_STATEMENT_TITLE.match(title)
    if match is None:
        return None
    end = _release_end(text, len(title))
    voices = [m for m in _WE.finditer(text, len(title), end) if not _quoted(text, m.start())]
    if len(voices) < MIN_WE:
        return None
    return Issued(len(title), end, *_title_spans(text, match))


def _headed(text: str, title: str) -> Issued | None:
    """A release headed "Issuer: what happened" ("Ministry of Justice: order restored at ...")
    whose opening has the issuer speak in the formulas of a release ("The Ministry of Justice
    informs the public that ...", "Swedish Space Corporation (SSC) today gives an update on
    ...", "... makes the following statement"). A news headline built the same way ("Port
    official: drone hit tanker") is followed by a report that names its sources."""
    match = HEADED_TITLE.match(title)
    if match is None:
        return None
    name = match.group("name").strip()
    opening = text[len(title) : len(title) + HEADED_REACH]
    for formula in RELEASE_FORMULA.finditer(opening):
        sentence = opening[: formula.start()].rsplit(". ", 1)[-1]
        if re.search(rf"\b{re.escape(name)}\b", sentence, re.IGNORECASE):
            return Issued(
                len(title),
                _release_end(text, len(title)),
                Span.of(text, match.start("name"), match.start("name") + len(name)),
                Span.of(text, len(title) + formula.start(), len(title) + formula.end()),
            )
    return None


# "Ministry of Justice: order restored ...": a body's name, a colon, the news
HEADED_TITLE = re.compile(rf"^\s*{_NAME}\s*:\s+\S")
# what a release says of its issuer in its opening, and a news report does not
RELEASE_FORMULA = re.compile(
    r"\b(?:informs the public|gives an update|makes the following statement|issues the "
    r"following statement|wishes to (?:state|inform|clarify|announce)|would like to "
    r"(?:state|inform|clarify)|is pleased to announce|regrets to announce)\b",
    re.IGNORECASE,
)
HEADED_REACH = 1000  # characters: the opening paragraphs, where a release presents itself


# "Ministry of Foreign Affairs of Belize: statement on ...", "Konkan Railway Corporation Ltd:
# Update on the cyber incident (press release, full text)": the issuer, a colon, the act
HEADED_ACT_TITLE = re.compile(
    rf"^\s*{_NAME}(?:,[^:\n]{{1,40}})?\s*:\s*(?i:(?:public|joint|official|press)\s+)?"
    r"(?P<cue>(?i:statement|update|communiqu[eé]|press release|announcement|declaration))"
    r"\s+(?i:on|about|regarding|concerning|following|after|of|no\.?)\b"
)


def _headed_act(text: str, title: str) -> Issued | None:
    """A release whose title is its issuer's name and the act it performs ("Ministry of
    Information, State of Eritrea: Press Statement on ..."). The act word after the colon is
    what sets it apart from a news headline ("Port official: drone hit tanker")."""
    match = HEADED_ACT_TITLE.match(title)
    if match is None:
        return None
    start = match.start("name")
    name = title[start : title.index(":", match.end("name"))].rstrip()
    if not name:
        return None
    return Issued(
        len(title),
        _release_end(text, len(title)),
        Span.of(text, start, start + len(name)),
        Span.of(text, match.start("cue"), match.end("cue")),
    )


# the act's own line under a letterhead: "Statement No. 412", "Statement on the seizure of ..."
ACT_LINE = re.compile(
    r"^\s*(?P<cue>(?i:(?:press\s+)?statement|press release|communiqu[eé]|announcement|"
    r"declaration|comment))"
    r"(?:\s+(?i:no\.?\s*\d+|on|about|regarding|concerning|of|by)\b[^\n.]*)?"
    # "Press release — 17 January 2027"
    r"(?:\s*[—–-]\s*[^\n]{0,40}\d{4})?\s*$"
)
# a letterhead's line that names only the state above the body ("REPUBLIC OF IRAQ")
STATE_LINE = re.compile(
    r"^\s*(?:the\s+)?(?:(?:federal|islamic|people'?s|democratic|arab|socialist|united)\s+)*"
    r"(?:republic|state|kingdom|emirate|sultanate|federation|principality)\s+of\s+[\w' -]+$",
    re.IGNORECASE,
)
# a letterhead's line that names the office under the body ("Office of the Official
# Spokesman", "Public Relations Department")
OFFICE_LINE = re.compile(
    r"^\s*(?:the\s+)?(?:(?:press\s+)?office|public relations|press service|media office)\b"
    r"|\b(?:department|office|spokesman|spokesperson|press service)\s*$",
    re.IGNORECASE,
)
LETTERHEAD_LINES = 6  # the lines a letterhead and the act's title take at most
_INVOCATION = re.compile(r"^\s*in the name of\b", re.IGNORECASE)


def _letterhead(text: str) -> Issued | None:
    """A statement printed under its issuer's letterhead: the body's name on a line of its own
    (often in capitals: "SUDANESE ARMED FORCES"), perhaps the office under it, then a line
    naming the act ("Statement No. 412"). Every sentence after the act's line is the issuer's.
    The issuer is the letterhead's last line that names a body: not the state above it
    ("REPUBLIC OF IRAQ"), nor the office under it ("Office of the Official Spokesman"); under a
    name in its own language, its English one ("Norwegian Police Security Service")."""
    lines = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line))
        offset += len(line) + 1
        if len(lines) >= LETTERHEAD_LINES:
            break
    for index, (start, line) in enumerate(lines):
        act = ACT_LINE.match(line)
        if act is None:
            continue
        names = [
            (s, raw) for s, raw in lines[:index] if not _INVOCATION.match(raw) and _name_line(raw)
        ]
        if not names:
            return None
        bodies = [n for n in names if not STATE_LINE.match(n[1]) and not OFFICE_LINE.search(n[1])]
        name_start, raw = (bodies or names)[-1]
        first = name_start + len(raw) - len(raw.lstrip())
        end = start + len(line)
        return Issued(
            end,
            _release_end(text, end),
            Span.of(text, first, first + len(raw.strip())),
            Span.of(text, start + act.start("cue"), start + act.end("cue")),
        )
    return None


def _name_line(line: str) -> bool:
    """A line that can only be a name: a few words, each capitalised or a joining word, no
    digits and no sentence's full stop."""
    words = line.strip().split()
    if not 1 <= len(words) <= 10 or any(c.isdigit() for c in line) or line.rstrip().endswith("."):
        return False
    if not any(w[0].isalpha() for w in words):
        return False  # a rule ("---") or a mark
    joining = {"of", "for", "and", "the", "de", "del", "des", "du", "la", "al", "el", "on"}
    return all(w[0].isupper() or w.lower() in joining for w in words if w[0].isalpha())


# "Public statement: the attack on El Tarra", "Press release: ...": the act first, the issuer
# on the line under it
ACT_TITLE = re.compile(
    r"^\s*(?:(?:public|joint|official|press)\s+)?"
    r"(?P<cue>statement|press release|communiqu[eé]|declaration)\s*:\s+\S",
    re.IGNORECASE,
)
# the issuer's line: "Comité de Derechos Humanos del Catatumbo (CDHC) | Cúcuta, 25 November"
BYLINE = re.compile(
    r"\s*(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:(?:of|for|and|the|de|del|des|du|la|le|al|el|da|do)"
    r"\s+)*[A-Z][\w&.'’-]*){0,8})(?:\s+\([A-Z]{2,10}\))?\s*(?:\||—|–|,\s+\d)"
)


def _bylined(text: str, title: str) -> Issued | None:
    """A statement whose title names the act ("Public statement: the attack on El Tarra") and
    whose next line names the issuer, as a release's letterhead does ("Comité de Derechos
    Humanos del Catatumbo (CDHC) | Cúcuta, 25 November 2026"): every sentence after that line
    is the issuer's, up to its "about us" or its notes for editors."""
    match = ACT_TITLE.match(title)
    if match is None:
        return None
    line_start = len(title)
    while text.startswith("\n", line_start):
        line_start += 1
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    byline = BYLINE.match(text, line_start, line_end)
    if byline is None:
        return None
    return Issued(
        line_end,
        _release_end(text, line_end),
        Span.of(text, byline.start("name"), byline.end("name")),
        Span.of(text, match.start("cue"), match.end("cue")),
    )


def _release_end(text: str, start: int) -> int:
    """Where a release's own text ends: its "about us" paragraph or its notes for editors."""
    ends = [
        m.start() for m in (_ABOUT_US.search(text, start), _BOILERPLATE.search(text, start)) if m
    ]
    return min(ends, default=len(text))


def _quoted(text: str, offset: int) -> bool:
    """Inside a quotation in its paragraph: an odd number of quotation marks before it."""
    paragraph = text.rfind("\n", 0, offset) + 1
    before = text[paragraph:offset]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _title_spans(text: str, match: re.Match[str]) -> tuple[Span, Span]:
    name = match.group("name").rstrip(".")
    return (
        Span.of(text, match.start("name"), match.start("name") + len(name)),
        Span.of(text, match.start("cue"), match.end("cue")),
    )


def with_issued(doc: Doc, found: list[Found], lexicon: Lexicon) -> list[Found]:
    """`found` and one attribution for each issued sentence that no attribution covers.

    A sentence with a denying or withholding verb the rules did not read ("rejects reports
    that ...", parsed as a noun) is left out: read as a plain assertion, a denial would turn
    into its opposite."""
    text = doc_text(doc)
    regions = find_issued(text)
    if not regions:
        return found
    found = [_issuer_is_we(f, regions, doc) for f in found]
    # "Our tracking data show that ..." or "The statement that ... is not correct": a report
    # with no speaker inside issued text is the issuer's sentence, read whole
    found = [f for f in found if f.source is not None or not _inside(f.cue.start, regions)]
    flips = {lemma for lemma, cue in lexicon.verbs.items() if cue.polarity != "assert"}
    flips |= load_polarity_lexicon().withhold
    taken = [(f.cue.start, f.cue.end) for f in found]
    taken += [(span.start, span.end) for f in found for span in f.content]
    added = []
    for region in regions:
        source = doc.char_span(region.issuer.start, region.issuer.end, alignment_mode="expand")
        if source is None:
            continue
        for sentence in doc.sents:
            if not region.start <= sentence.start_char < region.end:
                continue
            content = _claim_text(text, sentence.start_char, min(sentence.end_char, region.end))
            if content is None or any(s < content.end and content.start < e for s, e in taken):
                continue
            if not any(t.pos_ in ("VERB", "AUX") for t in sentence) or any(
                (t.lemma_.lower() in flips or t.lower_ in flips) and _main_clause(t)
                for t in sentence
            ):
                continue
            added.append(
                Found(
                    cue_token=sentence.root,
                    cue=region.cue,
                    content=(content,),
                    form=Form.DIRECT,
                    cue_entry=None,
                    source_head=source.root,
                    source=region.issuer,
                )
            )
    return sorted([*found, *added], key=lambda f: (f.cue.start, f.content[0].start))


def _first_person(found: Found) -> bool:
    words = found.source.text.lower().split() if found.source is not None else []
    if words in ([w] for w in FIRST_PERSON):
        return True
    head = found.source_head
    return words[:1] == ["our"] and head is not None and head.lemma_.lower() not in actor_nouns()


_CLAUSE_DEPS = frozenset({"acl", "relcl", "ccomp", "advcl", "csubj", "csubjpass"})


def _main_clause(token: Token) -> bool:
    """Not inside a clause hung on another word: "refused" in "the claim that the crew refused
    an inspection is not correct" is what the claim says, not what the issuer does."""
    for ancestor in (token, *token.ancestors):
        if ancestor.dep_ in _CLAUSE_DEPS:
            return False
    return True


def _inside(offset: int, regions: list[Issued]) -> bool:
    return any(r.start <= offset < r.end for r in regions)


FIRST_PERSON = frozenset({"we", "i"})


def _issuer_is_we(found: Found, regions: list[Issued], doc: Doc) -> Found:
    """ "We call on citizens to ..." inside an issued statement is the issuer speaking, not the
    outlet that prints it; so is "Our tracking data show ..." (its own evidence, not a person
    of its own such as "our chief engineer")."""
    if found.source is None or not _first_person(found):
        return found
    region = next((r for r in regions if r.start <= found.cue.start < r.end), None)
    if region is None:
        return found
    issuer = doc.char_span(region.issuer.start, region.issuer.end, alignment_mode="expand")
    if issuer is None:
        return found
    return replace(found, source=region.issuer, source_head=issuer.root)


def _claim_text(text: str, start: int, end: int) -> Span | None:
    """The sentence as a claim: trimmed, without its full stop; None for a heading, a signature,
    a question, the framing line ("issues the following statement") or a fragment."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or stripped.endswith("?") or _FRAMING.search(stripped):
        return None
    letters = [c for c in stripped if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return None  # "TO THE PEOPLE OF GUAYAQUIL", "BLACK HERON"
    if (
        len(stripped.split()) < MIN_WORDS
        or "\n\n" in stripped
        or not (stripped[0].isalnum() or stripped[0] in "\"“‘'")
    ):
        return None  # a fragment: ", 3 March 2026 —" cut from a dateline
    first = start + piece.index(stripped[0])
    last = first + len(stripped.rstrip(" .!"))
    return Span.of(text, first, last)
