"""Admiralty grading: information credibility (1-6) per cluster, source reliability (A-F).

Needs: cluster support and contradictions; users' grades in a TSV or YAML file.
Returns: grades, always with the reasons that produced them.

Credibility follows the Admiralty scale from independent corroboration and contradiction:
1 confirmed (two or more independent original sources state it without hedging), 2 probably
true (one such source), 3 possibly true (only hedged, or anonymous sources only), then one step
worse for each kind of contradiction (a denial; incompatible figures from an independent
source), down to 5 improbable; 6 cannot be judged (no source known, or a refusal to confirm).
A denial by a party to what it denies (the Kremlin on Russian involvement) costs no step: it is
shown as such. A denial itself is doubtful (4) against one independent source and improbable (5)
against a claim two or more confirm.

Reliability starts at F (cannot be judged). A user's grade wins. Otherwise a track record is
learnt only when it is long enough to mean something: at least `MIN_RECORD` claims of which the
share later confirmed by another independent source gives B (>= 75%) or C (>= 50%), and a record
with more contradicted than confirmed claims gives D. A is never learnt: only a user gives it.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import InputError

GRADES = "ABCDEF"
MIN_RECORD = 3
DESCRIPTIONS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


CREDIBILITY = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


@dataclass(frozen=True, slots=True)
class Against:
    """A contradiction as the grading reads it."""

    kind: str  # denial | figures
    explanation: str
    interested: bool = False  # the denier is a party to what it denies


def credibility(
    polarity: str,
    support: int,
    origins: int,
    anonymous_only: bool,
    against: Iterable[Against] = (),
    denied_support: Iterable[int] = (),
) -> tuple[int, tuple[str, ...]]:
    """The Admiralty credibility of a cluster and the reasons, in order.

    Args:
        polarity: assert, deny or unconfirmed: what the cluster's members say.
        support: independent original sources that state it without hedging.
        origins: independent original sources in all (hedged ones too).
        against: the contradictions of this cluster by others.
        denied_support: for a denial, the support of each claim it denies.
    """
    reasons: list[str] = []
    if origins == 0:
        # a claim nobody is named for ("the report said") can still be denied: say so
        denied = tuple(f"contradicted: {item.explanation}" for item in against)
        return 6, ("no original source is known", *denied)
    if polarity == "unconfirmed":
        return 6, ("a refusal to confirm or comment states nothing that can be judged",)
    if polarity == "deny":
        strongest = max(denied_support, default=0)
        if strongest >= 2:
            return 5, (f"denies a claim confirmed by {strongest} independent sources",)
        if strongest == 1:
            return 4, ("denies a claim stated by an independent source",)
        return 3, (f"{origins} source{'s' if origins > 1 else ''} deny it; nothing confirms it",)
    if support >= 2:
        grade = 1
        reasons.append(f"{support} independent original sources state it")
    elif support == 1:
        grade = 2
        reasons.append("one original source, stated without hedging")
    else:
        grade = 3
        reasons.append("stated only with hedges (could, may)")
    if anonymous_only and grade < 3:
        grade = 3
        reasons.append("only anonymous sources")
    kinds: set[str] = set()
    for item in against:
        if item.interested:
            reasons.append(f"denied by a party to it, weighed as such: {item.explanation}")
            continue
        reasons.append(f"contradicted: {item.explanation}")
        kinds.add(item.kind)
    for kind in sorted(kinds):
        grade = min(5, grade + 1)
        reasons.append(f"one step lower for a {kind} contradiction")
    return grade, tuple(reasons)


@dataclass(frozen=True, slots=True)
class UserGrade:
    source_id: str
    reliability: str
    reason: str


def read_grades(path: Path) -> dict[str, UserGrade]:
    """Users' grades: TSV `source<TAB>grade<TAB>reason`, or YAML-like `source: B  # reason`.

    Raises:
        InputError: the file cannot be read, or a grade is not one of A-F.
    """
    try:
        text = path.read_text("utf-8")
    except OSError as error:
        raise InputError(f"cannot read grades file {str(path)!r}: {error.strerror}") from None
    grades: dict[str, UserGrade] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" in line:
            source, grade, *rest = [part.strip() for part in line.split("\t")]
            reason = rest[0] if rest else ""
        else:
            match = re.match(r"^\s*([^:#]+?)\s*:\s*([A-Za-z])\s*(?:#\s*(.*))?$", line)
            if not match:
                raise InputError(
                    f"{path}:{number}: cannot read {line.strip()!r}",
                    hint="write `source-id<TAB>B<TAB>reason` or `source-id: B  # reason`",
                )
            source, grade, reason = match.group(1), match.group(2), match.group(3) or ""
        grade = grade.upper()
        if grade not in GRADES:
            raise InputError(f"{path}:{number}: grade {grade!r} is not one of A-F")
        grades[source] = UserGrade(source, grade, reason or "set by a user")
    return grades


def learnt(claims: int, confirmed: int, contradicted: int) -> tuple[str, tuple[str, ...]]:
    """Reliability from the track record of a source's original claims."""
    record = f"{confirmed} of {claims} claims confirmed by an independent source"
    if contradicted:
        record += f", {contradicted} contradicted by incompatible figures"
    if claims < MIN_RECORD:
        return "F", (f"{DESCRIPTIONS['F']}: {record}; too few to learn from",)
    if contradicted > confirmed:
        return "D", (f"{DESCRIPTIONS['D']}: {record}",)
    share = confirmed / claims
    if share >= 0.75:
        return "B", (f"{DESCRIPTIONS['B']}: {record}",)
    if share >= 0.5:
        return "C", (f"{DESCRIPTIONS['C']}: {record}",)
    return "F", (f"{DESCRIPTIONS['F']}: {record}",)
