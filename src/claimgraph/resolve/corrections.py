"""Users' corrections of claim identity: "these two clusters state one claim", "this report is a
claim of its own". They are kept by attribution id (cluster ids follow from them) and replayed on
every resolve, the way `sources merge` is, so no later run undoes them.

Needs: a resolved store.  Returns: the cluster ids after the correction.
"""

from dataclasses import dataclass, field

from claimgraph.errors import InputError, NotFound
from claimgraph.resolve.settings import ResolveSettings
from claimgraph.store import Store
from claimgraph.store import resolved as db


@dataclass(frozen=True, slots=True)
class ClaimEdits:
    """The corrections as the resolve run applies them."""

    split: frozenset[str] = frozenset()  # attributions that always found a cluster of their own
    groups: dict[str, str] = field(default_factory=dict)  # attribution -> its merge group's key

    def partners(self, attribution_id: str) -> list[str]:
        key = self.groups.get(attribution_id)
        if key is None:
            return []
        return sorted(a for a, k in self.groups.items() if k == key and a != attribution_id)


def load(rows: list[dict]) -> ClaimEdits:
    """Replay the stored edits in order: a later split takes an attribution out of its group."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    split: set[str] = set()
    for row in rows:
        attribution, into = row["attribution_id"], row["into"]
        if row["kind"] == "merge" and into:
            split.discard(attribution)
            parent.setdefault(attribution, attribution)
            parent.setdefault(into, into)
            parent[root(attribution)] = root(into)
        elif row["kind"] == "split":
            split.add(attribution)
            if attribution in parent:
                # Leave its group: the others stay together.
                members = [a for a in parent if a != attribution and root(a) == root(attribution)]
                for member in members:
                    parent[member] = members[0]
                parent.pop(attribution)
    groups = {a: root(a) for a in parent if a not in split}
    sizes: dict[str, int] = {}
    for key in groups.values():
        sizes[key] = sizes.get(key, 0) + 1
    return ClaimEdits(frozenset(split), {a: k for a, k in groups.items() if sizes[k] > 1})


def merge_clusters(store: Store, a: str, b: str, settings: ResolveSettings | None = None) -> str:
    """Make the claim of `a` (a cluster or attribution id) and that of `b` one cluster: every
    member of both stays together from now on. Returns the merged cluster's id after a full
    resolve.

    Raises:
        NotFound: an id that is no resolved cluster or attribution.
        InputError: both ids are already in one cluster.
    """
    from claimgraph.resolve import resolve

    with db.writing(store.engine) as conn:
        cluster_a, cluster_b = _cluster(conn, a), _cluster(conn, b)
        if cluster_a == cluster_b:
            raise InputError(
                f"{a!r} and {b!r} are already one claim cluster ({cluster_a})",
                hint="pick two different clusters, e.g. from `claimgraph claims --cluster`",
                code="CG136",
            )
        into = db.cluster_rows(conn, [cluster_b])[cluster_b]["founder"]
        for attribution in db.member_ids(conn, cluster_a) + db.member_ids(conn, cluster_b):
            if attribution != into:
                db.add_claim_edit(conn, "merge", attribution, into)
    resolve(store, full=True, settings=settings)
    with db.reading(store.engine) as conn:
        merged = db.cluster_of_attribution(conn, into)
    assert merged is not None
    return merged


def split_claim(store: Store, ident: str, settings: ResolveSettings | None = None) -> list[str]:
    """Take an attribution out of its cluster (or, given a cluster id, every member out of it),
    so each founds a cluster of its own. Returns the cluster ids of the split attributions.

    Raises:
        NotFound: an id that is no resolved cluster or attribution.
    """
    from claimgraph.resolve import resolve

    with db.writing(store.engine) as conn:
        cluster = _cluster(conn, ident)
        members = db.member_ids(conn, cluster)
        moved = [ident] if ident in members else members
        for attribution in moved:
            db.add_claim_edit(conn, "split", attribution, None)
    resolve(store, full=True, settings=settings)
    with db.reading(store.engine) as conn:
        return [c for c in (db.cluster_of_attribution(conn, m) for m in moved) if c]


def _cluster(conn, ident: str) -> str:
    """The cluster an id names: itself when it is a cluster id, else the attribution's cluster."""
    if db.member_ids(conn, ident):
        return ident
    found = db.cluster_of_attribution(conn, ident)
    if found is None:
        raise NotFound(
            f"no claim cluster or clustered attribution with id {ident!r}",
            hint="list cluster ids with `claimgraph claims --cluster`",
        )
    return found
