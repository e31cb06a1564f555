"""Whose claim a denial names: "the army's account", "a report by the Horn Monitor",
"the account given by the State Border Service of Turkmenistan", "Azerbaijan's claim that ...".

A denial that names the author of what it rejects rejects that author's claims, not every claim
close to it in meaning: "rejected Azerbaijan's claim that the vessel was in its sector" does
not deny Georgia's count of its citizens on board.
"""

import re

REPORT_NOUNS = frozenset(
    "report reports claim claims account accounts story stories accusation accusations "
    "allegation allegations rumour rumours rumor rumors speculation assertion assertions".split()
)

CLAIM_NOUNS = REPORT_NOUNS | {
    "statement",
    "statements",
    "version",
    "figure",
    "figures",
    "toll",
    "count",
    "estimate",
    "estimates",
    "tally",
    "findings",
    # what a side put out, named by its form: "rejected Kenya's protest", "the gang's video"
    "protest",
    "protests",
    "complaint",
    "complaints",
    "communiqué",
    "communique",
    "video",
    "footage",
    "suggestion",
    "description",
    "charge",
    "charges",
}

POSSESSIVE_AUTHOR = re.compile(r"^(?:\w+ ){0,4}?(\w[\w -]*?)['’]s (?:\w+ ){0,2}?(\w+)\b")
OF_AUTHOR = re.compile(
    r"^(?:the |a |an )?(?:\w+ ){0,2}?(\w+) "
    r"(?:(?:of|by|from) the ([\w' -]+)|(?:by|from) ([A-Z][\w' -]+))$"
)
NAMED_AUTHOR = re.compile(r"^(?:the |a |an )?([A-Z][\w-]*(?: [A-Z][\w-]*)*) (?:\w+ )?(\w+)\b")
_NAME = r"([A-Z][\w'’-]*(?: (?:of |for |and |the )*[A-Z][\w'’-]*)*)"
# "the account given by the State Border Service of Turkmenistan of the seizure ..."
GIVEN_BY = re.compile(
    r"^(?:the |a |an )?(?:\w+ ){0,2}?(\w+) (?:given|provided|offered|put forward|issued|"
    rf"published|released|presented|made|circulated|spread) by (?:the )?{_NAME}"
)
AUTHORED = re.compile(
    r"\b(?:report|reports|claim|claims|statement|account|findings|figures) (?:by|from) "
    r"(?:the )?((?:[A-Z][\w'’-]*\s?){1,6})"
)

# "dismissed as groundless Azerbaijan's claim": the judgement before the claim it names
JUDGED_AS = re.compile(r"^as (?:\w+ly )?[a-z-]+(?:(?:, | and | or )(?:\w+ly )?[a-z-]+)* (?=\S)")


def pointed_author(text: str) -> str | None:
    """Whose claim a denial names at its start: "the army's account" -> "the army",
    "Kestrel's estimate" -> "Kestrel", "the accusations of the Guyanese government" ->
    "Guyanese government", "the account given by the State Border Service" -> "State Border
    Service"."""
    text = " ".join(re.sub(r"[\"“”]", " ", text).split())
    text = JUDGED_AS.sub("", text, count=1)
    found = POSSESSIVE_AUTHOR.match(text)
    if found and found.group(2).lower() in CLAIM_NOUNS:
        return found.group(1)
    found = GIVEN_BY.match(text)
    if found and found.group(1).lower() in CLAIM_NOUNS:
        return found.group(2)
    found = OF_AUTHOR.match(text)
    if found and found.group(1).lower() in CLAIM_NOUNS:
        return found.group(2) or found.group(3)
    found = NAMED_AUTHOR.match(text)
    if found and found.group(2).lower() in CLAIM_NOUNS:
        return found.group(1)  # "the Fano casualty figures"
    return None


def named_author(text: str) -> str | None:
    """Whose report a denial rejects, when it names them anywhere: "a report by the Horn
    Civilian Monitor that ..." -> "Horn Civilian Monitor"."""
    found = AUTHORED.search(text)
    return found.group(1).strip() if found else None


def claim_author(text: str) -> str | None:
    """The author a denial names, by either form."""
    return named_author(text) or pointed_author(text)
