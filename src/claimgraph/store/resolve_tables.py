"""The tables `resolve` writes: per-document state, claim members and clusters, contradictions,
user edits to source identity. They live on the same `metadata`, so `schema.create` makes them.

Vectors are stored as raw float32 bytes (LargeBinary: BLOB in SQLite, bytea in PostgreSQL), so the
incremental run can compare a new claim with every cluster representative without re-embedding.
"""

import sqlalchemy as sa

from claimgraph.store.schema import IsoDateTime, JSONValue, metadata


def _document_fk(primary_key: bool = False) -> sa.Column[str]:
    return sa.Column(
        "document_id",
        sa.String(128),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=primary_key,
        nullable=False,
        index=not primary_key,
    )


# One row per resolved document: what makes the run incremental ("not yet resolved" = no row).
resolve_documents = sa.Table(
    "resolve_documents",
    metadata,
    _document_fk(primary_key=True),
    sa.Column("outlet_id", sa.String(200), index=True),
    sa.Column("published", IsoDateTime, index=True),
    sa.Column("minhash", sa.LargeBinary, nullable=False),  # uint64 signature of text shingles
    sa.Column("copy_of", sa.String(128), index=True),  # the document this one nearly copies
    sa.Column("copy_similarity", sa.Double),
    sa.Column("resolved_at", IsoDateTime, nullable=False),
)

# LSH bands of each document's signature: candidates for near-copies, without all pairs.
resolve_bands = sa.Table(
    "resolve_bands",
    metadata,
    sa.Column("band", sa.String(40), primary_key=True),
    _document_fk(primary_key=True),
)

# One row per clustered attribution, with the facts the cross-document stages read.
resolve_members = sa.Table(
    "resolve_members",
    metadata,
    sa.Column("attribution_id", sa.String(200), primary_key=True),
    _document_fk(),
    sa.Column("cluster_id", sa.String(64), nullable=False, index=True),
    sa.Column("similarity", sa.Double),  # to the cluster when it joined
    sa.Column("source_id", sa.String(200), index=True),  # after cross-document identity
    sa.Column("original_source", sa.String(200), index=True),
    sa.Column("independence", sa.String(200)),  # the body whose sources count once
    sa.Column("chain", JSONValue, nullable=False),  # [{source_id, name, kind, via}, ...]
    sa.Column("facts", JSONValue, nullable=False),  # numbers, places, entities, polarity ...
    sa.Column("vector", sa.LargeBinary, nullable=False),
    sa.Column("terms", JSONValue, nullable=False),  # lexical profile (TF-IDF at insert time)
)

resolve_clusters = sa.Table(
    "resolve_clusters",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("founder", sa.String(200), nullable=False),  # attribution that opened it
    sa.Column("polarity", sa.String(16), nullable=False),
    sa.Column("vector_sum", sa.LargeBinary, nullable=False),  # sum of unit member vectors
    sa.Column("terms_sum", JSONValue, nullable=False),  # sum of member profiles, heaviest words
    sa.Column("size", sa.Integer, nullable=False),
    # distinct documents among the members: the overview's second ranking key
    sa.Column("reports", sa.Integer, nullable=False, server_default="0"),
    sa.Column("features", JSONValue, nullable=False),  # founder's figures, places, entities
    # Running totals kept so a new member updates the summary without reading the others:
    # {"originals": {independence key: [source, members]}, "certain": bool, "named": bool}
    sa.Column("summary", JSONValue, nullable=False),
    sa.Column("support", sa.Integer, nullable=False, index=True),
    sa.Column("original_sources", JSONValue, nullable=False),
    sa.Column("outlets", JSONValue, nullable=False),
    sa.Column("first_reported", IsoDateTime, index=True),
    sa.Column("credibility", sa.Integer, nullable=False),
    sa.Column("credibility_reasons", JSONValue, nullable=False),
    sa.Column("contradicted_by", JSONValue, nullable=False),
    sa.Column("search_text", sa.Text, nullable=False),  # label, sources and outlets, folded
)

resolve_contradictions = sa.Table(
    "resolve_contradictions",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),  # denial | figures
    sa.Column("claim", sa.String(64), nullable=False, index=True),
    sa.Column("by", sa.String(64), nullable=False, index=True),
    sa.Column("explanation", sa.Text, nullable=False),
    # A denial by a party to what it denies ("the Kremlin denies Russian involvement"): weighed
    # as such in the grades.
    sa.Column("interested", sa.Boolean, nullable=False, server_default=sa.false()),
    # What a figure dispute counts ("people killed in Sudan (cumulative)"): readers gather the
    # pairs of one topic into one dispute.
    sa.Column("topic", sa.String(300), nullable=True),
)

# Users' corrections to source identity, replayed on every resolve so they stick.
source_edits = sa.Table(
    "source_edits",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # merge | split
    sa.Column("source_id", sa.String(200), nullable=False),
    sa.Column("into", sa.String(200)),  # merge: the source that absorbs source_id
    sa.Column("at", IsoDateTime, nullable=False),
)

# Users' corrections to claim identity ("these two clusters are one claim", "this attribution
# is a claim of its own"), by attribution id so they survive a full resolve; replayed every run.
claim_edits = sa.Table(
    "claim_edits",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # merge | split
    sa.Column("attribution_id", sa.String(200), nullable=False),
    sa.Column("into", sa.String(200)),  # merge: an attribution of the cluster it joins
    sa.Column("at", IsoDateTime, nullable=False),
)

# Users' reliability grades (from `--grades FILE`), kept so every reader sees the same grades.
source_grades = sa.Table(
    "source_grades",
    metadata,
    sa.Column("source_id", sa.String(200), primary_key=True),
    sa.Column("reliability", sa.String(1), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", IsoDateTime, nullable=False),
)

RESOLVE_TABLES = (resolve_contradictions, resolve_members, resolve_clusters, resolve_bands)
RESOLVE_TABLES += (resolve_documents,)

# Every figure inside a clustered claim, by topic: estimate series and figure contradictions read
# only the rows of one topic.
resolve_figures = sa.Table(
    "resolve_figures",
    metadata,
    sa.Column("attribution_id", sa.String(200), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    _document_fk(),
    sa.Column("cluster_id", sa.String(64), nullable=False, index=True),
    sa.Column("topic", sa.String(300), nullable=False, index=True),
    sa.Column("modality", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("value", sa.Double),
    sa.Column("low", sa.Double),
    sa.Column("high", sa.Double),
    sa.Column("qualifier", sa.String(16), nullable=False),
    sa.Column("unit", sa.Text),
    sa.Column("published", IsoDateTime, index=True),
    sa.Column("original_source", sa.String(200)),
    sa.Column("independence", sa.String(200)),
)

RESOLVE_TABLES = (resolve_figures, *RESOLVE_TABLES)

# Document frequency of each content word over resolved documents: the IDF of lexical profiles.
resolve_terms = sa.Table(
    "resolve_terms",
    metadata,
    sa.Column("term", sa.String(200), primary_key=True),
    sa.Column("df", sa.Integer, nullable=False),
)

RESOLVE_TABLES = (resolve_terms, *RESOLVE_TABLES)
