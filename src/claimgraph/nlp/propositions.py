"""One claim per reported proposition: "said X and that Y" reports two claims.

A cue that introduces coordinated that-clauses ("the army says six soldiers were killed and that
no one was abducted") gives each clause its own attribution, with the same source and cue. Each
can then be grouped, corroborated and disputed on its own: the governor's "40 people were taken"
answers the second clause, not the first.

Needs: `Found` records over a parsed Doc (dependency labels). Only speech in the reporter's
words is split (indirect, mixed, "..., saying", "according to"), and only at a conjunct clause
that opens with its own "that" or its own subject ("twelve trucks were looted and about 140
tonnes of food were lost"): a shared subject ("opened four gates and stole 400,000 files")
stays one claim, since the second half would lose who or what it is about, and so does a
quotation, whose sentences lean on each other ("That is a fact").
"""

from dataclasses import replace

from spacy.tokens import Doc, Token

from claimgraph.nlp.attributions import Found
from claimgraph.nlp.model import doc_text
from claimgraph.nlp.spans import char_span, clause_roots
from claimgraph.records import Form, Span

# what may sit between two clauses and belongs to neither: ", and that", "; and that", "but that"
JOINERS = frozenset({",", ";", "and", "but", "or"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
# reported speech in the reporter's words; a quotation's sentences lean on each other
SPLIT_FORMS = frozenset({Form.INDIRECT, Form.MIXED, Form.PARTICIPIAL, Form.ACCORDING_TO})


def one_per_proposition(doc: Doc, found: list[Found]) -> list[Found]:
    """Each attribution whose content joins clauses of their own, as one attribution per clause."""
    out: list[Found] = []
    for attribution in found:
        out.extend(_split(doc, attribution))
    return out


def _split(doc: Doc, found: Found) -> list[Found]:
    if found.form not in SPLIT_FORMS or len(found.content) != 1 or _turn(found):
        return [found]
    [content] = found.content
    cuts = [
        (_before_joiners(doc, t.left_edge.i), t.left_edge.idx)
        for t in _conjunct_clauses(doc, content)
    ]
    if not cuts:
        return [found]
    text = doc_text(doc)
    pieces: list[Span] = []
    begin = content.start
    for end, next_begin in cuts:
        piece = char_span(begin, end, text)
        if piece is None:
            return [found]
        pieces.append(piece)
        begin = next_begin
    last = char_span(begin, content.end, text)
    if last is None:
        return [found]
    pieces.append(last)
    return [replace(found, content=(piece,), form=_form_of(found.form, piece)) for piece in pieces]


def _turn(found: Found) -> bool:
    """A transcript's turn ("SADEGHI: ..."): the speaker's own words, kept whole like a quotation."""
    return found.cue.text == ":"


_QUOTE_MARKS = frozenset('"\u201c\u201d')


def _form_of(form: Form, piece: Span) -> Form:
    """ "said the attack was 'cowardly' and that 19 were taken": only the part with the quoted
    words is mixed; the rest is plain indirect speech."""
    if form is Form.MIXED and not _QUOTE_MARKS & set(piece.text):
        return Form.INDIRECT
    return form


def _content_root(doc: Doc, content: Span) -> Token | None:
    """The one token of the content whose head lies outside it (the clause's verb)."""
    inside = doc.char_span(content.start, content.end, alignment_mode="expand")
    found = clause_roots(inside) if inside is not None else []
    return found[0] if len(found) == 1 else None


def _conjunct_clauses(doc: Doc, content: Span) -> list[Token]:
    """The verbs of the root's conjunct clauses that have a subject of their own, in order."""
    root = _content_root(doc, content)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return []
    found: list[Token] = []
    stack = [root]
    while stack:
        verb = stack.pop()
        for child in verb.children:
            if child.i < verb.i or child.pos_ not in ("VERB", "AUX"):
                continue
            if not content.start <= child.idx < content.end or not _coordinated(child):
                continue
            if _own_clause(child):
                found.append(child)
            stack.append(child)
    return sorted(found, key=lambda t: t.i)


def _coordinated(verb: Token) -> bool:
    """A conjunct, or a that-clause after a comma the parser took for an adverbial one
    ("that the gates were shut, that three controllers were hit and that ...")."""
    if verb.dep_ == "conj":
        return True
    first = verb.left_edge
    return verb.dep_ == "advcl" and first.i > 0 and verb.doc[first.i - 1].text in (",", ";")


def _own_clause(verb: Token) -> bool:
    """The clause says something of its own subject: "and that no one was abducted", "and
    four others were unaccounted for". Without "that" it must open on that subject, and a
    clause the parser took for an adverbial one needs its "that"."""
    first = verb.left_edge
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i]
    if not subjects:
        return False
    if first.lower_ == "that" and first.dep_ == "mark" and first.head.i == verb.i:
        return True
    return verb.dep_ == "conj" and first.i == subjects[0].left_edge.i


def _before_joiners(doc: Doc, start: int) -> int:
    """Where the clause before `start` ends: back over "and", commas and the like."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in JOINERS:
        i -= 1
    return doc[i].idx + len(doc[i]) if i >= 0 else doc[start].idx
