"""The resolve run: each new document's claims are placed in clusters, chained to their origin,
checked for near-copies and contradictions, and the touched clusters are summed up again.

Incremental by design: a document is compared with cluster representatives (one stored vector
per cluster), with the documents that share a MinHash band, and with the figures of its own
topics; nothing else of the corpus is read. Each document is resolved in one transaction.
"""

import hashlib
import re
import time
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy.engine import Connection, RowMapping

from claimgraph.nlp.polarity import without_polarity_words
from claimgraph.nlp.source_table import load_country_names, load_source_table, source_key
from claimgraph.records import Analysis
from claimgraph.resolve import corrections, embed, lexical, provenance, syndication
from claimgraph.resolve.authors import CLAIM_NOUNS, REPORT_NOUNS, named_author, pointed_author
from claimgraph.resolve.clusters import (
    Features,
    best_cluster,
    names_only_in_common,
    other_action,
    predicate_penalty,
)
from claimgraph.resolve.contradictions import (
    DENIAL_TARGETS,
    contradiction_id,
    denial_applies,
    figure_conflicts,
    negation_applies,
    other_people,
    people_named,
    story_only,
)
from claimgraph.resolve.corrections import ClaimEdits
from claimgraph.resolve.facts import (
    ClaimFacts,
    document_facts,
    names_a_doer,
    spoken_cue,
    strip_dateline,
)
from claimgraph.resolve.grading import Against, credibility
from claimgraph.resolve.identity import (
    ANONYMOUS,
    STATE,
    UNIDENTIFIED,
    Edit,
    SourceIdentity,
    SourceInfo,
    build_identity,
)
from claimgraph.resolve.lexicons import ResolveLexicon, load_resolve_lexicon
from claimgraph.resolve.records import ProvenanceStep
from claimgraph.resolve.settings import ResolveReport, ResolveSettings
from claimgraph.resolve.topics import Figure, topic_label, without_place
from claimgraph.resolve.zero_counts import counts_none
from claimgraph.store import Store
from claimgraph.store import resolved as db
from claimgraph.store.changes import RUN_KEY
from claimgraph.store.locks import resolve_lock


def _rows(count: int) -> np.ndarray:
    return np.zeros((count, embed.DIMENSIONS), np.float32)


def _grown(rows: np.ndarray, size: int) -> np.ndarray:
    bigger = _rows(size)
    bigger[: len(rows)] = rows
    return bigger


@dataclass(slots=True)
class Representatives:
    """Every cluster's unit centroid and founding features, kept in memory during a run."""

    ids: list[str] = field(default_factory=list)
    sums: list[np.ndarray] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    terms: list[lexical.Profile] = field(default_factory=list)
    features: list[Features] = field(default_factory=list)
    founder_terms: list[lexical.Profile] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    # Row buffers that grow by doubling: appending a cluster must not copy every row.
    _centroids: np.ndarray = field(default_factory=lambda: _rows(0))
    _founder_rows: np.ndarray = field(default_factory=lambda: _rows(0))

    @property
    def matrix(self) -> np.ndarray:
        """Unit centroids, one row per cluster (a view: writes go to the buffer)."""
        return self._centroids[: len(self.ids)]

    @property
    def founders(self) -> np.ndarray:
        """The founding claim's vector, one row per cluster."""
        return self._founder_rows[: len(self.ids)]

    def _append_rows(self, centroid: np.ndarray, founder: np.ndarray) -> None:
        n = len(self.ids)  # the new cluster is already in ids
        if n > len(self._centroids):
            size = max(64, 2 * len(self._centroids))
            self._centroids = _grown(self._centroids, size)
            self._founder_rows = _grown(self._founder_rows, size)
        self._centroids[n - 1] = centroid
        self._founder_rows[n - 1] = founder

    @classmethod
    def load(cls, rows: list[RowMapping]) -> "Representatives":
        reps = cls()
        reps._centroids = _rows(len(rows))
        reps._founder_rows = _rows(len(rows))
        for i, row in enumerate(rows):
            reps.ids.append(row["id"])
            reps.sums.append(embed.from_bytes(row["vector_sum"]).copy())
            reps.sizes.append(row["size"])
            reps.terms.append(dict(row["terms_sum"]))
            reps.features.append(Features.from_json(row["features"]))
            reps.founder_terms.append(dict(row["founder_terms"] or row["terms_sum"]))
            reps._centroids[i] = embed.unit(reps.sums[-1])
            founder = row["founder_vector"]
            reps._founder_rows[i] = embed.from_bytes(founder) if founder else reps._centroids[i]
        reps.index = {cluster_id: i for i, cluster_id in enumerate(reps.ids)}
        return reps

    def add(
        self, cluster_id: str, vector: np.ndarray, profile: lexical.Profile, features: Features
    ) -> int:
        self.ids.append(cluster_id)
        self.sums.append(vector.copy())
        self.sizes.append(1)
        self.terms.append(dict(profile))
        self.features.append(features)
        self.founder_terms.append(dict(profile))
        self.index[cluster_id] = len(self.ids) - 1
        self._append_rows(vector, vector)
        return len(self.ids) - 1

    def join(
        self, index: int, vector: np.ndarray, profile: lexical.Profile, features: Features
    ) -> None:
        self.features[index] = self.features[index].joined(features)
        self.sums[index] = self.sums[index] + vector
        self.sizes[index] += 1
        self.terms[index] = lexical.trimmed(lexical.add(self.terms[index], profile))
        self.matrix[index] = embed.unit(self.sums[index])


@dataclass(slots=True)
class Run:
    store: Store
    settings: ResolveSettings
    identity: SourceIdentity
    lexicon: ResolveLexicon
    reps: Representatives
    new_clusters: int = 0
    touched: set[str] = field(default_factory=set)
    near_copies: int = 0
    contradictions: int = 0
    claims: int = 0
    reversed_copy: tuple[str, str | None] | None = None  # (stored copy, outlet of the new original)
    vector_sum: np.ndarray = field(default_factory=lambda: np.zeros(embed.DIMENSIONS, np.float32))
    vector_count: int = 0  # claims embedded so far: the story mean is vector_sum over this
    edits: ClaimEdits = field(default_factory=ClaimEdits)  # users' merges and splits of claims
    placed: dict[str, str] = field(default_factory=dict)  # attribution -> cluster, this run
    closed: frozenset[str] = frozenset()  # clusters founded by a split attribution: no joining


def run(store: Store, *, full: bool, settings: ResolveSettings) -> ResolveReport:
    """One run at a time per store: a second waits, then starts from what the first stored, so
    concurrent writers end with the clusters of a run in turn."""
    with resolve_lock(store.engine):
        return _run(store, full=full, settings=settings)


def _run(store: Store, *, full: bool, settings: ResolveSettings) -> ResolveReport:
    started = time.perf_counter()
    engine = store.engine
    with db.writing(engine) as conn:
        full = db.ensure_current(conn) or full
        late = 0 if full else db.late_documents(conn)
        rewound = bool(late) and db.resolved_count(conn) <= settings.rewind_limit
        if full or rewound:
            # Incremental clusters follow the order documents are resolved in; documents that
            # arrive after newer ones were resolved are placed in publication order by redoing
            # a small store from the start (a large one is reported, `resolve --full` redoes it).
            db.clear(conn)
            late = 0
        db.set_meta(conn, "resolve_threshold", str(settings.threshold))
        todo = db.unresolved_documents(conn)
        if not todo:
            return ResolveReport(full=full, threshold=settings.threshold)
        full = full or rewound
        db.set_meta(conn, RUN_KEY, f"{time.time_ns()}")  # readers' caches see a change
        identity = load_identity(conn)
        reps = Representatives.load(db.representatives(conn))
        vector_sum, vector_count = embed.mean_from_text(db.get_meta(conn, "resolve_story_mean"))
        edits = corrections.load(db.claim_edit_rows(conn))
    state = Run(store, settings, identity, load_resolve_lexicon(), reps)
    state.vector_sum, state.vector_count = vector_sum, vector_count
    state.edits = edits
    state.closed = frozenset(cluster_id_of(a) for a in edits.split)
    for document_id in todo:
        analysis = store.analysis(document_id)  # read before the write transaction opens
        with db.writing(engine) as conn:
            _resolve_document(conn, state, analysis)
            db.note_resolved(conn, document_id)
    return ResolveReport(
        documents=len(todo),
        claims=state.claims,
        new_clusters=state.new_clusters,
        touched_clusters=len(state.touched),
        near_copies=state.near_copies,
        contradictions=state.contradictions,
        seconds=round(time.perf_counter() - started, 4),
        full=full,
        threshold=settings.threshold,
        document_ids=tuple(todo),
        late=late,
    )


def load_identity(conn: Connection) -> SourceIdentity:
    return build_identity(
        load_source_table(),
        [
            SourceInfo(
                **{
                    **row,
                    "roles": tuple(row["roles"] or ()),
                    "aliases": tuple(row["aliases"] or ()),
                }
            )
            for row in db.stored_sources(conn)
        ],
        db.outlets(conn),
        [Edit(row["kind"], row["source_id"], row["into"]) for row in db.edits(conn)],
        db.source_documents(conn),
    )


def _value(figure: Figure) -> float | None:
    return figure.value if figure.value is not None else figure.low


def _in_series(figure: Figure) -> bool:
    """A figure that counts something new: it has a topic and does not recall another's."""
    return figure.topic is not None and figure.modality != "recap"


def _denied_figure(fact: ClaimFacts, figure: Figure) -> bool:
    """ "The army denied that 40 to 60 civilians were killed": the figure is the claim it
    denies, not the army's own; only its count of none ("denied that anyone was hurt") is. A
    quotation or a transcript line that denies something ("No shots were fired. The vessel
    was five miles out"; "ASARO: ... Thirty-eight, not nineteen") states its own figures beside
    the denial, and keeps them."""
    return (
        fact.polarity == "deny"
        and fact.form not in ("direct", "mixed")
        and fact.cue != ":"
        and not counts_none(_value(figure))
    )


def _body_values(claims: list[ClaimFacts]) -> set[float | None]:
    """The figures a report's body states: a headline's "Church says 42 buried" restates one of
    them under a shorter name, which would stand as a source of its own in a series."""
    return {
        _value(f) for fact in claims if not fact.headline for f in fact.figures if _in_series(f)
    }


def _merged_into(conn: Connection, state: Run, attribution_id: str) -> str | None:
    """The cluster a user merged this attribution with, once one of its partners is placed."""
    for partner in state.edits.partners(attribution_id):
        cluster = state.placed.get(partner) or db.cluster_of_attribution(conn, partner)
        if cluster is not None and cluster in state.reps.index:
            return cluster
    return None


def cluster_id_of(attribution_id: str) -> str:
    return "c_" + hashlib.sha1(attribution_id.encode()).hexdigest()[:16]


def _resolve_document(conn: Connection, state: Run, analysis: Analysis) -> None:
    document = analysis.document
    facts = document_facts(analysis, state.identity, state.lexicon)
    copy_outlet = _near_copies(conn, state, analysis)
    claims = [
        f
        for f in facts
        if f.kind == "claim" and not _denied_only(f, facts) and not _relaying_voice(f, facts)
    ]
    vectors = embed.embed([f.match_text or f.content_text for f in claims])
    state.vector_sum = state.vector_sum + vectors.sum(axis=0)
    state.vector_count += len(claims)
    db.set_meta(
        conn, "resolve_story_mean", embed.mean_to_text(state.vector_sum, state.vector_count)
    )
    mean = embed.story_mean(state.vector_sum, state.vector_count)
    tokens = [lexical.words(f.match_text) for f in claims]
    vocabulary = {t for words in tokens for t in words}
    db.count_terms(conn, vocabulary)
    df = db.term_frequencies(conn, vocabulary)
    documents = db.resolved_count(conn)
    profiles = [lexical.profile(words, df, documents) for words in tokens]
    members: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    touched: set[str] = set()
    in_body = _body_values(claims)
    for fact, vector, profile in zip(claims, vectors, profiles, strict=True):
        steps = provenance.chain(fact, facts, state.identity, copy_outlet)
        original = provenance.original(steps)
        features = Features.of(fact, original)
        forced = _merged_into(conn, state, fact.attribution_id)
        if forced is not None:
            index, match = state.reps.index[forced], None  # a user's merge, whatever the score
        else:
            index, match = best_cluster(
                features,
                vector,
                profile,
                state.reps,
                state.settings.threshold,
                state.settings.text_weight,
                mean,
            )
            if index is not None and (
                fact.attribution_id in state.edits.split or state.reps.ids[index] in state.closed
            ):
                index, match = None, None  # a user's split: a claim of its own
        if index is None:
            cluster_id = cluster_id_of(fact.attribution_id)
            state.reps.add(cluster_id, vector, profile, features)
            state.new_clusters += 1
        else:
            cluster_id = state.reps.ids[index]
            state.reps.join(index, vector, profile, features)
        touched.add(cluster_id)
        state.placed[fact.attribution_id] = cluster_id
        independence = state.identity.independence(
            original,
            provenance.last_outlet(steps),
            scene=fact.scene if original == fact.source_id else None,
        )
        members.append(
            {
                "attribution_id": fact.attribution_id,
                "document_id": document.id,
                "cluster_id": cluster_id,
                "similarity": match.score if match else 1.0,
                "source_id": fact.source_id,
                "original_source": original,
                "independence": independence,
                "chain": [_step_json(s) for s in steps],
                "facts": fact.to_json(),
                "vector": embed.to_bytes(vector),
                "terms": {w: round(x, 5) for w, x in profile.items()},
            }
        )
        for seq, figure in enumerate(fact.figures):
            if not _in_series(figure) or _denied_figure(fact, figure):
                continue
            if fact.headline and _value(figure) in in_body:
                continue  # the headline's figure is its body's, said there by its real source
            figures.append(
                {
                    "attribution_id": fact.attribution_id,
                    "seq": seq,
                    "document_id": document.id,
                    "cluster_id": cluster_id,
                    "topic": figure.topic,
                    "modality": figure.modality,
                    "text": figure.text,
                    # a range stands at its lower bound in a series; low and high keep it whole
                    "value": _value(figure),
                    "low": figure.low,
                    "high": figure.high,
                    "qualifier": figure.qualifier,
                    "unit": figure.unit,
                    "published": fact.said_on or fact.published,
                    "original_source": original,
                    "independence": independence,
                }
            )
    db.save_members(conn, members)
    _place_unplaced(conn, figures)
    db.save_figures(conn, figures)
    state.claims += len(members)
    summarise(conn, state, members, _copy_touched(conn, state))
    nearby = _anaphoric_denials(members, state)
    nearby += _restating_denials(members, state, {row["by"] for row in nearby})
    new_attributions = {row["attribution_id"] for row in members}
    _contradictions(
        conn, state, touched, {row["topic"] for row in figures}, nearby, new_attributions
    )


def _place_unplaced(conn: Connection, figures: list[dict[str, Any]]) -> None:
    """A figure from a report that names no country ("BIRNIN MAGAJI — Parents ... 112 children
    missing") counts what the one series of its thing and event placed elsewhere counts: both
    are one series, whichever report came first. Where that count is placed in two places,
    which one the figure belongs to is unknown, and it stays apart."""
    topics = {row["topic"] for row in figures}
    for bare in sorted({without_place(topic) for topic in topics}):
        stored = db.topics_of_count(conn, bare)
        placed = {t for t in stored | topics if t != bare and without_place(t) == bare}
        if len(placed) != 1:
            continue
        [into] = placed
        for row in figures:
            if row["topic"] == bare:
                row["topic"] = into
        if bare in stored:
            db.retopic_figures(conn, bare, into)


ANAPHORIC_WORDS = 3  # "rejected the accusations as groundless": too few words to compare
ANAPHORIC_REACH = 600  # characters: "such reports" points back about a paragraph


RELAYED_SHARE = 0.5  # of a transcript turn's words said by others: the voice passes them on


def _relaying_voice(fact: ClaimFacts, facts: list[ClaimFacts]) -> bool:
    """ "OKAFOR: ... The security service says ... Russia's embassy calls the accusation
    baseless": a transcript's presenter or correspondent passing on what others say is the
    channel, not a source; the claims are the nested ones, each with its own speaker."""
    if fact.cue != ":" or not fact.content_text:
        return False
    relayed = sum(
        len(other.content_text)
        for other in facts
        if other.parent == fact.attribution_id
        and other.source_id is not None
        and other.source_id != fact.source_id
    )
    # an interviewee who answers with a claim of their own and cites another in passing speaks
    return relayed >= RELAYED_SHARE * len(fact.content_text)


def _denied_only(fact: ClaimFacts, facts: list[ClaimFacts]) -> bool:
    """ "China dismissed as fabricated claims that Chinese personnel blocked the rescue": the
    claims inside a denial, with no speaker of their own, are named only to be denied. They
    are no report of the claim (the report is the denial's), so they join no cluster."""
    if fact.source_id is not None or fact.parent is None:
        return False
    outer = next((f for f in facts if f.attribution_id == fact.parent), None)
    return outer is not None and outer.polarity == "deny"


def _anaphoric_denials(members: list[dict[str, Any]], state: Run) -> list[dict[str, str]]:
    """A denial that only points back ("the accusations", "such reports") contradicts what the
    report has just said: the claim before it, by another body, that accuses the denier's
    country, else the one most widely reported (the story's main claim, not the last fragment
    quoted)."""
    ordered = sorted(members, key=lambda m: m["facts"]["start"])
    found = []
    for position, member in enumerate(ordered):
        fact = member["facts"]
        claimant = _claimant(fact["match_text"], state.lexicon)
        pointed = pointed_author(fact["match_text"])
        if fact["polarity"] != "deny" or not (claimant or pointed or _points_back(fact)):
            continue
        if _same_denial_again(fact, ordered[:position]):
            continue  # "rejects the accusation and calls it lies": one denial, said twice
        before = [
            m
            for m in ordered[:position]
            if m["facts"]["polarity"] == "assert"
            and m["independence"] != member["independence"]
            and m["cluster_id"] != member["cluster_id"]
            and len(lexical.words(m["facts"]["match_text"])) > ANAPHORIC_WORDS
        ]
        if claimant:
            # "rejected the Armenian statement", "Yerevan's version": what that side said
            before = [m for m in before if _speaks_for_country(state, m, claimant)]
        author = named_author(fact["content_text"]) or pointed
        if author and source_key(author) not in load_country_names().demonyms:
            # ("the Armenian figure": a country's, which the claimant filter has kept)
            # "rejected a report by the Horn Civilian Monitor": that body's claim, not the
            # hospital's toll said just before it
            before = [m for m in before if _said_by(state, m, author)]
        country = state.identity.country(member["original_source"])
        pointer_words = set(_plain_words(fact["match_text"]))
        accused = bool(pointer_words & ACCUSATION_NOUNS)

        # "the accusations are fabricated", said by Russia's embassy: the claim that accuses
        # Russia, however far up the report it was made
        accusing = {
            m["attribution_id"]
            for m in before
            if accused and country is not None and country in m["facts"]["countries"]
        }

        named = _pointer_stems(
            # "the minister's statement": whose it is says nothing of what it says
            _after_report_noun(fact["match_text"]) if claimant or pointed else fact["match_text"]
        )
        if named:
            # "rejected the looting accusation": the claim that speaks of looting; with none,
            # the denial answers something the report does not carry ("any role in attacking
            # the ship" is not the insurers' estimate before it). Further up the report than a
            # paragraph, the claim must speak of all it names ("rejected the charges": the
            # lead's "charged three people").
            before = [
                m
                for m in before
                if (stems := _pointer_stems(m["facts"]["match_text"], shortest=3)) >= named
                or (named & stems and fact["start"] - m["facts"]["start"] < ANAPHORIC_REACH)
            ]
        else:
            # "rejected the report": only what was said just before can be the one meant;
            # "rejected the ministry's accusation": the ministry's, wherever the report has it;
            # "dismissed the communiqué": what the body whose communiqué the report quoted said
            issuers = _issuers_of(_word_set(fact["match_text"]) & DOCUMENT_NOUNS, before)
            before = [
                m
                for m in before
                if (
                    m["independence"] in issuers
                    if issuers
                    else fact["start"] - m["facts"]["start"] < ANAPHORIC_REACH
                    or m["attribution_id"] in accusing
                    or (pointed and accused and _accusing(m))
                )
            ]
        if not before:
            continue
        sizes = state.reps.sizes
        single = bool(SINGLE_POINTER.search(fact["match_text"]))
        figured = bool(pointer_words & FIGURE_NOUNS)
        countered = _countered_things(member, ordered[position + 1 :])
        # the reports a party calls groundless are those that accuse it, then the most reported;
        # "that report", "the account": the one just told
        target = max(
            reversed(before),
            key=lambda m: (
                country is not None and m["facts"]["agent"] == country,
                # "reject the accusation" after a claim that names Russia's GRU: the claim that
                # accuses the denier's country, not the hackers' boast before it; "called the
                # Armenian figure groundless": the figure of the denier's own dead
                country is not None
                and (
                    (accused and country in m["facts"]["countries"])
                    or (figured and any(f.get("actor") == country for f in m["facts"]["figures"]))
                ),
                # "The army dismissed the claim. 'Two of our soldiers fell, not eleven'": the
                # claim whose count the denier answers with its own
                bool(countered & {f.get("thing") for f in m["facts"]["figures"]}),
                # "rejected the ministry's accusation": the claim it made by accusing
                accused and _accusing(m),
                0 if single else sizes[state.reps.index[m["cluster_id"]]],
                m["facts"]["start"],
            ),
        )
        found.append(_denial_in_report(state, member, target, "right after it"))
    return found


# what a body puts out, named as such when it is dismissed: "dismissed the communiqué"
DOCUMENT_NOUNS = frozenset(
    "statement communiqué communique announcement declaration video message post".split()
)


def _issuers_of(documents: set[str], before: list[dict[str, Any]]) -> set[str]:
    """The bodies whose `documents` the report quoted before ("said the communiqué, signed by
    its commander"): a denial of "the communiqué" denies what that body said."""
    if not documents:
        return set()
    return {
        m["independence"]
        for m in before
        if m["independence"] and documents & _word_set(m["facts"].get("source_text") or "")
    }


def _word_set(text: str) -> set[str]:
    """The words of a text in lower case, punctuation left out ("the communiqué, signed")."""
    return set(re.findall(r"\w+", text.lower()))


def _countered_things(denial: dict[str, Any], after: list[dict[str, Any]]) -> set[str]:
    """The things the denier counts in the words it says next, right after the denial."""
    answer = next(
        (
            m
            for m in after
            if m["independence"] == denial["independence"]
            and 0 < m["facts"]["start"] - denial["facts"]["start"] < ANAPHORIC_REACH
        ),
        None,
    )
    if answer is None:
        return set()
    return {f["thing"] for f in answer["facts"]["figures"] if f.get("thing")}


ACCUSING_CUES = ("accus", "blam", "charg")


def _accusing(member: dict[str, Any]) -> bool:
    """A claim made as an accusation ("The ministry accused the journalists of ...")."""
    return (member["facts"].get("cue") or "").lower().startswith(ACCUSING_CUES)


def _denial_in_report(
    state: Run, member: dict[str, Any], target: dict[str, Any], where: str
) -> dict[str, Any]:
    """The contradiction row of a denial linked to a claim of its own report."""
    party = _party(
        state,
        member["original_source"],
        state.reps.features[state.reps.index[target["cluster_id"]]],
    )
    quoted = member["facts"]["content_text"][:60]
    return {
        "id": contradiction_id("denial", target["cluster_id"], member["cluster_id"]),
        "kind": "denial",
        "claim": target["cluster_id"],
        "by": member["cluster_id"],
        "interested": party,
        "topic": None,
        "explanation": _denial_text(
            state,
            member["original_source"],
            target["original_source"],
            f'"{quoted}", {where} in the same report',
            party,
        ),
    }


RESTATING_REACH = 1500  # characters: an accusation and its denial, a paragraph or two apart
RESTATING_STEMS = 2  # shared content stems (besides names) that say both speak of one thing
# verbs too common to say two claims speak of one act
LIGHT_VERBS = frozenset({"be", "have", "do", "take", "make", "get", "give", "call", "say", "tell", "go", "come", "put", "see"})  # fmt: skip


def _restating_denials(
    members: list[dict[str, Any]], state: Run, linked: set[str]
) -> list[dict[str, str]]:
    """A denial that restates what it denies ("denied that its forces had prepared any attack"
    after "Tajikistan had prepared its attack on Kyrgyz villages"): within a paragraph or two of
    the claim in the same report, by another body, sharing the act (the same main verb and a
    content word besides names; with no verb, two such words). Reporters put the two side by
    side; across reports the words alone are too little to say one answers the other."""
    found = []
    stems_of = [_common_stems(m["facts"]["match_text"]) for m in members]
    for member, stems in zip(members, stems_of, strict=True):
        fact = member["facts"]
        if fact["polarity"] != "deny" or member["cluster_id"] in linked:
            continue
        if not stems:
            continue
        predicate = fact.get("predicate")
        if predicate in LIGHT_VERBS:
            predicate = None  # "no data had been taken" and "taken to hospital" share no act
        # "denied any role in the damage": its own part, which no claim beside it states
        involvement = bool(set(lexical.words(fact["match_text"])) & INVOLVEMENT_WORDS)
        best: tuple[int, int, dict[str, Any]] | None = None
        for other, other_stems in zip(members, stems_of, strict=True):
            said = other["facts"]
            distance = abs(fact["start"] - said["start"])
            if (
                said["polarity"] != "assert"
                or said.get("negated")
                or other["cluster_id"] == member["cluster_id"]
                or other["independence"] == member["independence"]
                or distance > RESTATING_REACH
            ):
                continue
            shared = len(stems & other_stems)
            if not shared or not (
                # "denied that its forces had prepared any attack" after "had prepared its attack"
                (predicate and predicate == said.get("predicate"))
                # "There are no maritime militia vessels at the shoal": no verb, but what it says
                # is not there
                or (not predicate and not involvement and shared >= RESTATING_STEMS)
            ):
                continue
            if best is None or (shared, -distance) > best[:2]:
                best = (shared, -distance, other)
        if best is not None:
            found.append(_denial_in_report(state, member, best[2], "beside it"))
    return found


def _common_stems(text: str) -> set[str]:
    """Rough stems of a claim's lower-case content words: what it says happened, not who."""
    return _pointer_stems(" ".join(w for w in text.split() if not w[:1].isupper()))


# one report pointed at: the one just told ("rejected that report"), not the most reported
SINGLE_POINTER = re.compile(
    r"^(?:(?:that|this|the|an?) (?:report|claim|account|story|accusation|allegation|assertion"
    r"|version|charge|figure|toll|suggestion)"
    # "The defence ministry rejects this": the sentence just before; "..., a charge Moscow
    # denies": the claim the sentence has just reported
    r"|this|that)$",
    re.IGNORECASE,
)


PRONOUNS_ONLY = frozenset("it them this that these those".split())
AGAIN_REACH = 160  # characters: "rejects the accusation and calls it lies"


def _same_denial_again(fact: dict[str, Any], earlier: list[dict[str, Any]]) -> bool:
    """A denial whose content is only a pronoun ("calls it lies"), right after a denial by the
    same source, repeats that denial; it points at nothing new."""
    words = set(_plain_words(without_polarity_words(fact["content_text"])))
    if not words or not words <= PRONOUNS_ONLY:
        return False
    return any(
        m["facts"]["polarity"] == "deny"
        and m["facts"]["source_id"] == fact["source_id"]
        and 0 < fact["start"] - m["facts"]["start"] < AGAIN_REACH
        for m in earlier
    )


FIGURE_NOUNS = frozenset("figure figures toll tolls count tally estimate estimates".split())
ACCUSATION_NOUNS = frozenset("accusation accusations allegation allegations charge charges".split())
INVOLVEMENT_WORDS = frozenset({"role", "involvement", "responsibility", "part", "hand"})
# a party's denial of its own part: "any involvement in", "has nothing to do with"
OWN_PART_WORDS = INVOLVEMENT_WORDS | {"nothing"}


# words of a pointing denial that say what kind of report it is, not what the report says
# ("dismissed similar media accounts as another fake")
POINTER_FILLERS = frozenset(
    "similar media another earlier latest recent other those these fake fakes false "
    "western foreign "
    # what the denier calls the report ("dismissed the claim as propaganda") is no matter of it
    "propaganda lies nonsense fabrication fabrications fiction invention inventions slander "
    "baseless groundless unfounded absurd ridiculous rubbish fantasy exaggerated exaggeration "
    "inflated untrue disinformation misinformation provocation fabricated invented made-up "
    "irresponsible unacceptable one-sided misplaced smear smears slanderous defamatory "
    "malicious misleading unsubstantiated ludicrous preposterous outrageous harassment "
    # what was said, named by its form ("dismissed the communiqué as propaganda")
    "statement statements communiqué communique communiqués communiques announcement "
    "declaration version post posts message messages video videos".split()
)


def _pointer_stems(text: str, shortest: int = 5) -> set[str]:
    """The content words of a claim, cut to rough stems ("looting", "looted" -> "loot";
    "ramming", "ram" -> "ram"), less the report nouns and fillers a pointing denial is made of.
    A claim's short words count (`shortest` 3: "tried to ram"); a denial's name its matter in
    longer ones."""
    return {
        _stem(word)
        for word in lexical.words(text)
        if len(word) >= shortest and word not in REPORT_NOUNS and word not in POINTER_FILLERS
    }


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ed", "es", "e")


def _stem(word: str) -> str:
    """A rough stem, enough to tell that two forms are one word ("abduction", "abducted")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]  # "ramm(ing)" -> "ram"
    return word[:5]


def _plain_words(text: str) -> list[str]:
    """The words of a content in lower case, without quotation marks."""
    return re.sub(r"[\"“”]", " ", text.lower()).split()


def _claimant(text: str, lexicon: ResolveLexicon) -> set[str]:
    """The side a denial names as the one whose claim it rejects: the countries before its
    first report noun ("Yerevan's version of events", "the Armenian statement")."""
    words = _plain_words(text)
    at = next((i for i, word in enumerate(words[:5]) if word in CLAIM_NOUNS), None)
    if at is None or at == 0:
        return set()
    return _countries_named(" ".join(words[:at]), lexicon)


def _countries_named(text: str, lexicon: ResolveLexicon) -> set[str]:
    """The countries a phrase names by name, demonym or capital ("Yerevan's version",
    "the Armenian statement", "Azerbaijan")."""
    names = load_country_names()
    found = {code for _, _, code in lexicon.countries.find(text)}
    return found | {c for word in text.split() if (c := names.of(word.removesuffix("'s")))}


def _after_report_noun(text: str) -> str:
    words = _plain_words(text)
    at = next((i for i, word in enumerate(words) if word in CLAIM_NOUNS), -1)
    return " ".join(words[at + 1 :])


def _said_by(state: Run, member: dict[str, Any], author: str) -> bool:
    names = {
        state.identity.info(member["original_source"]).name if member["original_source"] else "",
        member["facts"].get("source_text") or "",
    }
    return any(_names_match(name, author) for name in names)


def _names_match(name: str, author: str) -> bool:
    """One name holds the other ("Horn Civilian Monitor" in "the Horn Civilian Monitor")."""
    name, author = name.casefold(), author.casefold().removeprefix("the ")
    return bool(name) and (author in name or name in author)


def _may_be_by(state: Run, source: str | None, author: str) -> bool:
    """Could `source` be the author a denial names? Its name holds the author's (or the other
    way round), or it speaks for a country the author's words name; a source of no known
    country may be anyone's."""
    if source is None:
        return True
    if _names_match(state.identity.info(source).name, author.casefold().removeprefix("the ")):
        return True
    country = state.identity.country(source)
    return country is None or country in _countries_named(author, state.lexicon)


def _speaks_for_country(state: Run, member: dict[str, Any], countries: set[str]) -> bool:
    keyed = member["independence"] or ""
    return (
        state.identity.country(member["original_source"]) in countries
        or keyed.removeprefix(STATE) in countries
    )


NONE_THERE = re.compile(
    r"^(?:that )?there (?:is|are|was|were|has been|have been|had been) (?:no|not)\b", re.I
)


def _points_back(fact: dict[str, Any]) -> bool:
    """ "such reports", "the accusations as groundless": a denial that names no country and
    opens on a report noun, or says too little to compare, points back at what came before."""
    words = lexical.words(fact["match_text"])
    if NONE_THERE.match(fact["match_text"]):
        # "there was no oil leak": it names what it says is not so; it points at no claim
        return False
    if set(words) & INVOLVEMENT_WORDS:
        # "denied any role": its own part in something the content does not say; no claim of
        # the report can be told to be the one denied
        return False
    if len(words) <= ANAPHORIC_WORDS:
        return True
    opening = _plain_words(fact["match_text"])[:3]
    return not fact["countries"] and any(word in REPORT_NOUNS for word in opening)


def _denial_text(
    state: Run, denier: str | None, claimant: str | None, how: str, party: bool = False
) -> str:
    """Both sides by name, and whether the denier is a party to what it denies."""
    who = state.identity.info(denier).name if denier else "an unnamed source"
    whom = state.identity.info(claimant).name if claimant else "an unnamed source"
    interest = ", a party to it," if party else ""
    return f"{who}{interest} denies what {whom} said ({how})"


def _party(state: Run, denier: str | None, claim: Features) -> bool:
    """Is the denier's country one the claim is about (the Kremlin on troops in Russia)?"""
    country = state.identity.country(denier)
    return bool(country) and (country in claim.countries or country == claim.agent)


def _step_json(step: ProvenanceStep) -> dict[str, str]:
    return {"source_id": step.source_id, "name": step.name, "kind": step.kind, "via": step.via}


def _near_copies(conn: Connection, state: Run, analysis: Analysis) -> str | None:
    """Record the document; when it nearly copies an earlier one, return that one's outlet."""
    document = analysis.document
    signature = syndication.signature(document.text)
    band_keys = syndication.bands(signature)
    best: tuple[float, RowMapping] | None = None
    for row in db.copy_candidates(conn, band_keys):
        similarity = syndication.similarity(signature, syndication.from_bytes(row["minhash"]))
        if similarity >= state.settings.copy_similarity and (best is None or similarity > best[0]):
            best = (similarity, row)
    outlet_id = state.identity.outlet(document.outlet)
    copy_of = copy_outlet = None
    if best is not None:
        similarity, other = best
        if _earlier(other["published"], document.published):
            copy_of, copy_outlet = other["document_id"], other["outlet_id"]
        elif other["copy_of"] is None:
            # The stored one was published later: it copies this one.
            db.mark_copy(conn, other["document_id"], document.id, similarity)
            state.reversed_copy = (other["document_id"], outlet_id)
        state.near_copies += 1
    db.save_document(
        conn,
        {
            "document_id": document.id,
            "outlet_id": outlet_id,
            "published": document.published,
            "minhash": syndication.to_bytes(signature),
            "copy_of": copy_of,
            "copy_similarity": best[0] if copy_of and best else None,
            "resolved_at": datetime.now(UTC),
        },
        band_keys,
    )
    return copy_outlet


def _before(a: datetime, b: datetime) -> bool:
    """Strictly earlier (a report of the same minute does not relabel a cluster)."""
    return a != b and _earlier(a, b)


def _earlier(a: datetime | None, b: datetime | None) -> bool:
    if a is None or b is None:
        return True
    try:
        return a <= b
    except TypeError:
        return a.replace(tzinfo=None) <= b.replace(tzinfo=None)


def _copy_touched(conn: Connection, state: Run) -> set[str]:
    """When a stored document turns out to copy the new one, put the new outlet in its chains."""
    if state.reversed_copy is None:
        return set()
    copied_id, original_outlet = state.reversed_copy
    state.reversed_copy = None
    touched: set[str] = set()
    for row in db.members_of_document(conn, copied_id):
        chain = list(row["chain"])
        if original_outlet and all(s["source_id"] != original_outlet for s in chain):
            info = state.identity.info(original_outlet)
            chain.insert(
                1,
                {
                    "source_id": original_outlet,
                    "name": info.name,
                    "kind": info.type,
                    "via": "republished from",
                },
            )
            db.update_member(conn, row["attribution_id"], {"chain": chain})
        touched.add(row["cluster_id"])
    return touched


def summarise(
    conn: Connection, state: Run, new_members: list[dict[str, Any]], recheck: set[str]
) -> None:
    """Bring the summary of each touched cluster up to date with its new members.

    Incremental: the stored summary (independent original sources with their member counts,
    outlets, first report, label) is updated from the new members only; older members are read
    only when a chain must run through them (an outlet's own report of the same claim).
    """
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for member in new_members:
        by_cluster[member["cluster_id"]].append(member)
    cluster_ids = set(by_cluster) | recheck
    if not cluster_ids:
        return
    stored = db.cluster_rows(conn, cluster_ids)
    contradictions = db.contradictions_of(conn, cluster_ids)
    for cluster_id in sorted(cluster_ids):
        _summarise_one(
            conn,
            state,
            cluster_id,
            stored.get(cluster_id),
            by_cluster.get(cluster_id, []),
            contradictions,
        )
    state.touched |= cluster_ids


def _summarise_one(
    conn: Connection,
    state: Run,
    cluster_id: str,
    stored: RowMapping | None,
    new: list[dict[str, Any]],
    contradictions: list[RowMapping],
) -> None:
    summary = (
        dict(stored["summary"]) if stored else {"originals": {}, "certain": False, "named": False}
    )
    originals: dict[str, list[Any]] = {k: list(v) for k, v in summary["originals"].items()}
    supporting: dict[str, list[Any]] = {
        k: list(v) for k, v in summary.get("supporting", {}).items()
    }
    outlets = list(stored["outlets"]) if stored else []
    documents = set(summary.get("documents", ()))
    label = stored["label"] if stored else None
    first = stored["first_reported"] if stored else None
    founder = stored["founder"] if stored else None
    facts = {m["attribution_id"]: ClaimFacts.from_json(m["facts"]) for m in new}
    ordered = sorted(new, key=lambda m: _sort_time(facts[m["attribution_id"]].published))
    inner = _nested_inside(ordered, facts, state.identity)
    index = state.reps.index[cluster_id]
    founder_predicate = state.reps.features[index].predicate

    def count(independence: str | None, original: str | None, step: int, member: Any) -> None:
        if not independence or not original:
            return
        certainty = member["facts"]["certainty"]
        corroborates = (
            _supports(certainty)
            and member["similarity"] >= state.settings.corroboration
            # another action may sit in the cluster on shared words; it does not support it
            and not other_action(member["facts"].get("predicate"), founder_predicate)
        )
        for tally in (originals, supporting) if corroborates else (originals,):
            entry = tally.setdefault(independence, [original, 0])
            entry[1] += step
            if entry[1] <= 0:
                del tally[independence]

    # A headline restates its report's body: with a member in the body it adds no origin, nor
    # does a speaker it only describes ("Fishermen's group says ..."): the body names them.
    in_body = {
        facts[m["attribution_id"]].document_id
        for m in ordered
        if not facts[m["attribution_id"]].headline
    }
    for member in ordered:
        fact = facts[member["attribution_id"]]
        steps = _steps(member["chain"])
        child = inner.get(member["attribution_id"])
        longer = (
            _steps(child["chain"])
            if child is not None
            else _through_corpus(conn, cluster_id, steps, new)
        )
        original, independence = member["original_source"], member["independence"]
        if longer != steps:
            original = provenance.original(longer)
            independence = state.identity.independence(original, provenance.last_outlet(longer))
            _rechain(conn, member["attribution_id"], longer, original, independence)
        if not (fact.headline and (fact.document_id in in_body or not _named(state, original))):
            count(independence, original, +1, member)
        if original and state.identity.info(original).type != "anonymous":
            summary["named"] = True
        summary["certain"] = summary["certain"] or fact.certainty == "certain"
        documents.add(fact.document_id)
        if fact.outlet and fact.outlet not in outlets:
            outlets.append(fact.outlet)
        if fact.published is not None and (first is None or _before(fact.published, first)):
            label, first = (
                _readable(fact.content_text, fact.cue, fact.predicate),
                fact.published,
            )  # the earliest report labels it
        elif label is None:
            label = _readable(fact.content_text, fact.cue, fact.predicate)
        if founder is None or cluster_id_of(member["attribution_id"]) == cluster_id:
            founder = member["attribution_id"]
    # A new report by an outlet that older members only cite: their chains run on through it.
    for outlet_id in {facts[m["attribution_id"]].outlet_id for m in ordered} - {None}:
        for old in db.members_ending_at(conn, cluster_id, outlet_id):
            steps = _steps(old["chain"])
            longer = provenance.extend_through_corpus(
                steps, [(outlet_id, _steps(m["chain"]), None) for m in ordered]
            )
            if longer != steps:
                original = provenance.original(longer)
                independence = state.identity.independence(original, provenance.last_outlet(longer))
                count(old["independence"], old["original_source"], -1, old)
                count(independence, original, +1, old)
                _rechain(conn, old["attribution_id"], longer, original, independence)
    # An outlet is an origin beside others only where it published the claim itself (a
    # company's press release); named in another's report, it is retelling.
    publishers = {state.identity.outlet(name) for name in outlets}
    media = {
        key
        for key, found in originals.items()
        if found[0] is not None and state.identity.is_media(found[0]) and found[0] not in publishers
    }
    counted = independent_originals(originals, media)
    supported = independent_originals(supporting, media)
    polarity = state.reps.features[index].polarity
    against = [
        Against(r["kind"], r["explanation"], bool(r["interested"]))
        for r in contradictions
        if r["claim"] == cluster_id
    ]
    by = sorted({r["by"] for r in contradictions if r["claim"] == cluster_id})
    if by and supported:
        # A body that denies the claim does not also corroborate it (a loose member of its own)
        deniers = {
            state.identity.independence(source, None)
            for row in db.cluster_rows(conn, set(by)).values()
            for source in row["original_sources"]
        }
        supported = {key: source for key, source in supported.items() if key not in deniers}
    support = len(supported) if polarity == "assert" else 0
    denied = [r["claim"] for r in contradictions if r["by"] == cluster_id and r["kind"] == "denial"]
    grade, reasons = credibility(
        polarity,
        support,
        len(counted),
        bool(counted) and not summary["named"],
        against,
        [row["support"] for row in db.cluster_rows(conn, set(denied)).values()] if denied else (),
    )
    summary["originals"] = originals
    summary["supporting"] = supporting
    summary["documents"] = sorted(documents)
    # what `support` counts, as readers show it ("supported by"): decided here, once
    summary["supported_by"] = list(supported.values()) if polarity == "assert" else []
    source_names = [state.identity.info(s).name for s in counted.values()]
    db.upsert_cluster(
        conn,
        {
            "id": cluster_id,
            "label": label or "",
            "founder": founder or "",
            "polarity": polarity,
            "vector_sum": embed.to_bytes(state.reps.sums[index]),
            "terms_sum": state.reps.terms[index],
            "size": state.reps.sizes[index],
            "reports": len(documents),
            "features": state.reps.features[index].to_json(),
            "summary": summary,
            # Support is corroboration of an assertion: denials and non-confirmations have none.
            "support": support,
            "original_sources": list(counted.values()),
            "outlets": outlets,
            "first_reported": first,
            "credibility": grade,
            "credibility_reasons": list(reasons),
            "contradicted_by": by,
            "search_text": " ".join(
                [label or "", *list(counted.values()), *source_names, *outlets]
            ).casefold(),
        },
    )


def _named(state: Run, source_id: str | None) -> bool:
    """A speaker a headline names rather than describes: a known body, a person, or a name of
    several capitalised words ("Moravia Health Network", not "Fishermen's group")."""
    if not source_id:
        return False
    info = state.identity.info(source_id)
    later_words = info.name.split()[1:]
    return (
        source_id in state.identity.table.known
        or info.type in ("person", "government")
        or any(word[:1].isupper() for word in later_words)
    )


def _supports(certainty: str) -> bool:
    """Only a member that states the claim counts as support: "could", "may" (a possibility) do
    not corroborate that it happened. (It must also say nearly what the founding claim says:
    `ResolveSettings.corroboration`.)"""
    return certainty != "possible"


def _one_per_unnamed(keys: list[str], sources: dict[str, str] | None = None) -> list[str]:
    """Anonymous sources that spoke to the same outlet, or that are described alike ("a
    Western diplomat" in one report, "a diplomat" in the next that retells it; "officials" and
    "Pakistani security officials"), count once for a claim: nothing shows they are two people.

    Args:
        sources: the original source of each key; an unnamed source with a country is keyed by
            its state, and its id ("anonymous-pk-security-officials") says it is unnamed.
    """
    sources = sources or {}

    def unnamed(key: str) -> bool:
        return key.startswith(ANONYMOUS) or sources.get(key, "").startswith("anonymous-")

    groups: list[tuple[set[str], set[str], str]] = []  # outlets, words, the key kept
    kept = [key for key in keys if not unnamed(key)]
    for key in (k for k in keys if unnamed(k)):
        if key.startswith(ANONYMOUS):
            outlet, _, source = key[len(ANONYMOUS) :].partition("|")
        else:
            outlet, source = key, sources[key]
        words = {
            word.rstrip("s")
            for word in source.split("-")
            if len(word) > 2 and word not in ("anonymous", "the", "and", "with")
        }
        state = outlet if outlet.startswith(STATE) else None
        joined = [
            g
            for g in groups
            if outlet in g[0]
            # officials of two states are two sources, however alike their description
            or (
                words & g[1]
                and not (state and any(o.startswith(STATE) and o != state for o in g[0]))
            )
        ]
        if not joined:
            groups.append(({outlet}, words, key))
            continue
        first = joined[0]
        for other in joined[1:]:
            first[0].update(other[0])
            first[1].update(other[1])
            groups.remove(other)
        first[0].add(outlet)
        first[1].update(words)
    return kept + [key for _, _, key in groups]


def independent_originals(
    originals: dict[str, list[Any]], media: AbstractSet[str] = frozenset()
) -> dict[str, str]:
    """Independence key -> original source, generic groups dropped next to identified sources
    (and counted once when they are all there is). One source is one origin, whichever
    report's scene keyed it.

    Args:
        media: keys whose original is a news outlet reporting without a named source ("Nyanza
            Daily reported, citing one of the wounded men"). Beside a speaker of the claim the
            outlet is most likely retelling them, so it adds no origin; alone it is one.
    """
    by_source: dict[Any, str] = {}
    for key, found in originals.items():
        by_source.setdefault(found[0] if found[0] is not None else key, key)
    originals = {key: originals[key] for key in by_source.values()}
    keys = _one_per_unnamed(
        list(originals), {key: str(found[0] or "") for key, found in originals.items()}
    )
    if any(key not in media for key in keys):
        keys = [key for key in keys if key not in media]
    generic = [key for key in keys if key.startswith(UNIDENTIFIED)]
    if len(generic) < len(keys):
        return {key: originals[key][0] for key in keys if key not in generic}
    return {generic[0]: originals[generic[0]][0]} if generic else {}


def _through_corpus(
    conn: Connection,
    cluster_id: str,
    steps: tuple[ProvenanceStep, ...],
    new: list[dict[str, Any]],
) -> tuple[ProvenanceStep, ...]:
    """Run a chain that ends at an outlet on through that outlet's own report of the claim."""
    if len(steps) < 2 or steps[-1].kind not in ("outlet", "media"):
        return steps
    others = [
        (row["outlet_id"], _steps(row["chain"]), None)
        for row in db.members_by_outlets(conn, cluster_id, {s.source_id for s in steps})
    ]
    others += [(m["facts"]["outlet_id"], _steps(m["chain"]), None) for m in new]
    return provenance.extend_through_corpus(steps, others)


def _rechain(
    conn: Connection,
    attribution_id: str,
    steps: tuple[ProvenanceStep, ...],
    original: str | None,
    independence: str | None,
) -> None:
    db.update_member(
        conn,
        attribution_id,
        {
            "chain": [_step_json(s) for s in steps],
            "original_source": original,
            "independence": independence,
        },
    )
    db.update_figures_source(conn, attribution_id, original, independence)


def _nested_inside(
    members: list[dict[str, Any]], facts: dict[str, ClaimFacts], identity: SourceIdentity
) -> dict[str, dict[str, Any]]:
    """Outer member -> its nested member in the same cluster, when the nested one names a real
    actor (a known one, armed groups included; not a generic group or an unresolved pronoun the
    parser took for a source)."""
    found: dict[str, dict[str, Any]] = {}
    for member in members:
        parent = facts[member["attribution_id"]].parent
        source = member["source_id"]
        if (
            parent in facts
            and source
            and (
                source in identity.table.known
                or identity.info(source).type not in ("group", "unknown")
            )
            and identity.is_actor(source)
            and not source.startswith("unresolved")
        ):
            found[parent] = member
    return found


def _sort_time(published: datetime | None) -> tuple[bool, float]:
    return (published is None, published.timestamp() if published else 0.0)


def _steps(rows: list[dict[str, str]]) -> tuple[ProvenanceStep, ...]:
    return tuple(ProvenanceStep(**row) for row in rows)


def _contradictions(
    conn: Connection,
    state: Run,
    touched: set[str],
    topics: set[str],
    nearby: list[dict[str, str]],
    new_attributions: set[str],
) -> None:
    """Denials against similar assertions (both ways), incompatible figures in the new topics."""
    reps = state.reps
    settings = state.settings
    found = list(nearby)
    denials: set[int] = set()
    for cluster_id in sorted(touched):
        index = reps.index[cluster_id]
        mine = reps.features[index]
        if mine.headline:
            continue  # a headline's claim is its body's: the body's report is what is disputed
        if mine.denies or (mine.polarity == "assert" and mine.negated):
            denials.add(index)
        if mine.polarity == "assert" and not mine.negated:
            # A new or grown claim may now be among what an older denial denies.
            denials |= {
                i
                for i, theirs in enumerate(reps.features)
                if not theirs.headline
                and (
                    # (`own` when the claim names a doer: which denials to run again, each
                    # then checked against the denier's own country)
                    (theirs.denies and denial_applies(theirs, mine, 1.0, 0.0, bool(mine.agent)))
                    or negation_applies(theirs, mine, 1.0, 0.0, bool(mine.agent))
                )
            }
    for index in sorted(denials):
        denial = reps.features[index]
        for other, similarity in _denial_targets(state, index):
            claim = reps.features[other]
            claim_id, denial_id = reps.ids[other], reps.ids[index]
            party = _party(state, denial.source, claim)
            found.append(
                {
                    "id": contradiction_id("denial", claim_id, denial_id),
                    "kind": "denial",
                    "claim": claim_id,
                    "by": denial_id,
                    "interested": party,
                    "topic": None,
                    "explanation": _denial_text(
                        state, denial.source, claim.source, f"similarity {similarity:.2f}", party
                    ),
                }
            )
    for topic in sorted(topics):
        rows = [
            {
                **row,
                "body": state.identity.speaking_body(row["original_source"], row["independence"]),
            }
            for row in db.figures_of_topics(conn, [topic])
        ]
        label = topic_label(topic, state.lexicon, [row["unit"] for row in rows])
        for item in figure_conflicts(
            rows,
            settings.figure_window_days,
            settings.approx_tolerance,
            label,
            new_attributions,
            name_of=lambda source: (
                state.identity.info(source).name if source else "an unknown source"
            ),
            alike=lambda a, b: _alike(state, a, b),
        ):
            found.append(
                {
                    "id": item.id,
                    "kind": item.kind,
                    "claim": item.claim,
                    "by": item.by,
                    "explanation": item.explanation,
                    "interested": False,
                    "topic": item.topic,
                }
            )
    if not found:
        return
    unique = {row["id"]: row for row in found}
    known = db.contradiction_ids(conn, unique)
    unique = {key: row for key, row in unique.items() if key not in known}
    if not unique:
        return
    db.save_contradictions(conn, list(unique.values()))
    state.contradictions += len(unique)
    summarise(
        conn,
        state,
        [],
        {row["claim"] for row in unique.values()} | {row["by"] for row in unique.values()},
    )


COUNT_ALIKE = 0.5  # founder cosine of two claims that give an eventless count of one thing


def _alike(state: Run, one: str, other: str) -> bool:
    reps = state.reps
    if one not in reps.index or other not in reps.index:
        return False
    a, b = reps.index[one], reps.index[other]
    return float(reps.founders[a] @ reps.founders[b]) >= COUNT_ALIKE


RESTATED = 0.8  # founder cosine of a denial that restates a claim and the claim it restates


def _speaker_key(state: Run, claim: Features) -> str | None:
    """Whose voice a claim is in, keyed as its body counts: "the army" of a report set in
    Cameroon speaks with Cameroon's defence ministry, so it never denies the ministry."""
    scene = claim.scenes[0] if len(claim.scenes) == 1 else None
    return state.identity.independence(claim.source, None, scene=scene)


def _denial_targets(state: Run, index: int) -> list[tuple[int, float]]:
    """What one denial denies: the asserting clusters of its proposition (close in meaning to
    its founder or its members, naming the countries it names, by another body), the most
    widely reported first, since "the reports" a denial dismisses are the ones everybody ran.
    A denial that gives a figure denies only the claims that give the same one."""
    reps, settings = state.reps, state.settings
    denial = reps.features[index]
    sims = np.maximum(reps.founders @ reps.founders[index], reps.matrix @ reps.matrix[index])
    denier = _speaker_key(state, denial)
    country = state.identity.country(denial.source)
    # a negation names its matter by its verb, which stands in for the denial word
    threshold = settings.denial_threshold if denial.denies else settings.negation_threshold
    applies = denial_applies if denial.denies else negation_applies
    whom = people_named(reps.founder_terms[index].keys(), state.lexicon)
    # the country a person speaks for through their body ("a spokeswoman for the coast guard")
    home = country or (
        state.identity.country(state.identity.root(denial.source)) if denial.source else None
    )
    hits = []
    for other in np.nonzero(sims >= threshold)[0]:
        claim = reps.features[other]
        similarity = float(sims[other]) - predicate_penalty(denial, claim)
        # the claim says the denier's own country did it ("the Greek boat rammed ...")
        own = claim.agent is not None and claim.agent == home
        if claim.headline or not applies(denial, claim, similarity, threshold, own):
            continue
        if other_action(denial.predicate, claim.predicate) and names_only_in_common(
            denial, claim, reps.founder_terms[index].keys(), reps.founder_terms[other].keys()
        ):
            # "denied that Pyongyang is supplying weapons" does not deny "Pyongyang could
            # receive Russian technology": another verb and nothing in common but the names
            continue
        if other_people(whom, people_named(reps.founder_terms[other].keys(), state.lexicon)):
            continue  # "denied killing civilians" is not about the soldiers it killed
        if denier is not None and denier == _speaker_key(state, claim):
            continue
        if denial.author and not _may_be_by(state, claim.source, denial.author):
            continue  # "rejected Azerbaijan's claim": not what Georgia said
        if (
            denial.accusation
            and not denial.author
            and country
            and country not in (*claim.countries, claim.agent)
        ):
            # "Iran rejects the accusation over the drones": what accuses Iran, not every
            # claim about the drones (one whose author the denial names is what it rejects)
            continue
        same_figure = denial.lead is not None and denial.lead == claim.lead
        hits.append((not same_figure, -reps.sizes[other], -similarity, int(other)))
    if (
        country is not None
        and reps.founder_terms[index].keys() & OWN_PART_WORDS
        and (own := [hit for hit in hits if reps.features[hit[3]].agent == country])
    ):
        # "Russia denied any involvement in the cyberattack": the claims that Russia did it,
        # not the operator's account of the outage that more reports carried
        hits = own
    if any(not other_figure for other_figure, *_ in hits):
        # a denial of a figure ("more than 100 died") denies the claims that give that figure
        hits = [hit for hit in hits if not hit[0]]
    if denial.author and any(-hit[2] >= RESTATED for hit in hits):
        # "dismissed Azerbaijan's claim that the vessel had been in its sector" restates the
        # claim it rejects: Azerbaijani claims that only share the story are not that one
        hits = [hit for hit in hits if -hit[2] >= RESTATED]
    weak = [hit for hit in hits if story_only(denial, reps.features[hit[3]])]
    if weak:
        # tied by the story alone: only the claim nearest in meaning, and one that shares a
        # word with the denial besides names ("no ransom had been paid": the ransom paid)
        shared = [
            hit
            for hit in weak
            if not names_only_in_common(
                denial,
                reps.features[hit[3]],
                reps.founder_terms[index].keys(),
                reps.founder_terms[hit[3]].keys(),
            )
        ]
        nearest = min(shared, key=lambda hit: hit[2]) if shared else None
        hits = [hit for hit in hits if hit not in weak or hit is nearest]
    return [(other, -sim) for _, _, sim, other in sorted(hits)[:DENIAL_TARGETS]]


LABEL_WITH_CUE = 6  # words: a content this short with no verb is read with its cue


def _readable(content: str, cue: str | None = None, predicate: str | None = None) -> str:
    """A claim as a headline: without a dateline or the complementiser its span keeps
    ("SEOUL — ...", "that 1,500 ..."); a short content with no verb of its own keeps its cue
    ("blamed Russian military intelligence", not "Russian military intelligence")."""
    content = strip_dateline(content)
    content = content[5:] if content[:5].lower() == "that " else content
    cue = spoken_cue(cue)
    if cue and names_a_doer(content, cue):
        return f"{cue} {content}"  # "blamed the attack on the MPNO", not "the attack on the MPNO"
    if (
        predicate is None
        and cue
        and len(content.split()) <= LABEL_WITH_CUE
        # 'The drones were "of Iranian manufacture"' is a clause: no "said" before it
        and not CLAUSE_VERB.search(content)
    ):
        return f"{cue} {content}"
    return content


CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could)\b", re.I)
