"""Score the cross-document record against hand-written gold, per corpus.

Each corpus is ingested into a temporary SQLite store with the pipeline `claimgraph ingest` uses,
resolved, and compared with `tests/data/gold/<corpus>.json` (format in that folder's README):
clusters (B-cubed and pairwise), merges of an assertion with a denial or a non-confirmation,
independent-origin counts, contradictions, estimate points and junk sources. Gold members that
extraction missed are listed apart and left out of the resolve scores.

    .venv/bin/python bench/resolve_quality.py [--corpus demo|sahel|batken|...|hull|kiln] [--json]

The fit split is demo and sahel; batken, shoal, quarry (three stories in one folder) relay (four), vale (two), ember (three), flint (two), tide (three), gale (three), hull (three), kiln (three), loam (three) are held out: measure on them, never tune on them; reed (three), sedge (three), marsh (three), fen (three), heath (three), moor (three), dune (three), brook (three), cove (three), weir (three), pond (three) and rill (three) were written blind and then read for fixes, so they no longer measure unseen material; silt (three) was written blind in the twenty-third session, measured, then read at its end; scree (three) was written blind in the twenty-fourth session, measured blind, then read at its end. talus (three) was written blind in the twenty-fifth session and measured blind; marl (three) was written blind in the thirtieth session, measured blind, then read at its end.
"""

import argparse
import itertools
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
CORPORA = (
    "demo",
    "sahel",
    "batken",
    "shoal",
    "quarry",
    "relay",
    "vale",
    "ember",
    "flint",
    "tide",
    "gale",
    "hull",
    "kiln",
    "loam",
    "reed",
    "sedge",
    "marsh",
    "fen",
    "heath",
    "moor",
    "dune",
    "brook",
    "cove",
    "weir",
    "pond",
    "rill",
    "silt",
    "scree",
    "talus",
    "marl",
)
NOT_ASSERT = ("deny", "unconfirmed")
PRONOUNS = frozenset("he she it they we i you him her them its their his".split())


# -- gold --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    """One place where a gold proposition is said: a file and words inside the claim's content."""

    cluster: str
    file: str
    words: str


@dataclass(frozen=True, slots=True)
class Gold:
    corpus: str
    split: str
    paths: tuple[str, ...]
    clusters: Mapping[str, Mapping[str, Any]]
    members: tuple[Member, ...]
    contradictions: tuple[Mapping[str, Any], ...]
    estimates: tuple[Mapping[str, Any], ...]
    speakers: Mapping[str, tuple[tuple[str, ...], ...]]


def load_gold(corpus: str, folder: Path = GOLD) -> Gold:
    raw = json.loads((folder / f"{corpus}.json").read_text("utf-8"))
    clusters = {c["id"]: c for c in raw["clusters"]}
    members = tuple(
        Member(c["id"], m["file"], m["words"]) for c in raw["clusters"] for m in c["members"]
    )
    return Gold(
        corpus=raw["corpus"],
        split=raw["split"],
        paths=tuple(raw["paths"]),
        clusters=clusters,
        members=members,
        contradictions=tuple(raw["contradictions"]),
        estimates=tuple(raw["estimates"]),
        speakers={f: tuple(tuple(names) for names in s) for f, s in raw["speakers"].items()},
    )


def corpus_files(gold: Gold, root: Path = ROOT) -> dict[str, Path]:
    """Every text file of the corpus by its name."""
    found = {}
    for name in gold.paths:
        path = root / name
        for file in [path] if path.is_file() else sorted(path.glob("*.txt")):
            found[file.name] = file
    return found


# -- scoring: pure functions on small mappings ---------------------------------------------------


def bcubed(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> dict:
    """B-cubed precision, recall and F1 over the items both clusterings label.

    Each item's precision is the share of its system cluster that shares its gold cluster; its
    recall the share of its gold cluster that shares its system cluster; both are averaged.
    """
    items = [i for i in gold if i in system]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    by_gold: dict[Hashable, set] = defaultdict(set)
    by_system: dict[Hashable, set] = defaultdict(set)
    for item in items:
        by_gold[gold[item]].add(item)
        by_system[system[item]].add(item)
    precision = recall = 0.0
    for item in items:
        both = len(by_gold[gold[item]] & by_system[system[item]])
        precision += both / len(by_system[system[item]])
        recall += both / len(by_gold[gold[item]])
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "items": len(items)}


def pairwise(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> dict:
    """Precision and recall of the item pairs put together (1.0 when there is nothing to judge)."""
    items = sorted((i for i in gold if i in system), key=str)
    tp = fp = fn = 0
    for a, b in itertools.combinations(items, 2):
        same_gold, same_system = gold[a] == gold[b], system[a] == system[b]
        tp += same_gold and same_system
        fp += same_system and not same_gold
        fn += same_gold and not same_system
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "pairs_together": tp + fp,
    }


def polarity_merges(
    polarity: Mapping[Hashable, str], system: Mapping[Hashable, Hashable]
) -> list[Hashable]:
    """System clusters that hold an asserting item together with a denying or unconfirming one."""
    seen: dict[Hashable, set[str]] = defaultdict(set)
    for item, cluster in system.items():
        if item in polarity:
            seen[cluster].add(polarity[item])
    return sorted(
        (c for c, found in seen.items() if "assert" in found and found & set(NOT_ASSERT)), key=str
    )


def main_cluster(items: Iterable[Hashable], system: Mapping[Hashable, Hashable]) -> Hashable:
    """The system cluster that holds most of these items (ties: the first in order)."""
    counts = Counter(system[i] for i in items if i in system)
    return counts.most_common(1)[0][0] if counts else None


def gold_of_clusters(
    gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]
) -> dict[Hashable, Hashable]:
    """Each system cluster's gold cluster: the one most of its gold items belong to."""
    votes: dict[Hashable, Counter] = defaultdict(Counter)
    for item, cluster in system.items():
        if item in gold:
            votes[cluster][gold[item]] += 1
    return {cluster: counts.most_common(1)[0][0] for cluster, counts in votes.items()}


def pair_scores(
    predicted: Iterable[frozenset], accepted: set[frozenset], required: set[frozenset]
) -> dict:
    """Precision of predicted pairs against every accepted pair; recall of the required ones."""
    found = set(predicted)
    right = found & accepted
    return {
        "precision": len(right) / len(found) if found else 1.0,
        "recall": len(found & required) / len(required) if required else 1.0,
        "predicted": len(found),
        "right": len(right),
        "required": len(required),
    }


def topic_matches(topic: str, groups: Iterable[str]) -> bool:
    """True when the topic holds one alternative of every group ("kill|dead", "troop")."""
    text = topic.casefold()
    return all(any(word in text for word in group.casefold().split("|")) for group in groups)


def _words(text: str) -> str:
    text = text.casefold().replace("\u2019", "'").replace("'s ", " ")
    return " ".join(re.findall(r"[0-9a-z\u00c0-\u024f-]+", text))


def speaker_matches(name: str, aliases: Iterable[str]) -> bool:
    """True when the name and one alias contain each other as whole words ("the NIS" ~ "NIS")."""
    found = f" {_words(name)} "
    if found.strip() == "":
        return False
    for alias in aliases:
        wanted = f" {_words(alias)} "
        if wanted.strip() and (wanted in found or (len(found) > 4 and found in wanted)):
            return True
    return False


# -- running the pipeline ------------------------------------------------------------------------


def file_urls(gold: Gold, root: Path = ROOT) -> dict[str, str]:
    """The url each corpus file is stored under (metadata.jsonl, or the file's JSON sidecar)."""
    urls = {}
    for name in gold.paths:
        path = root / name
        if path.is_file():
            sidecar = path.with_suffix(".json")
            urls[path.name] = json.loads(sidecar.read_text("utf-8"))["url"]
            continue
        for line in (path / "metadata.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                urls[row["file"]] = row["url"]
    return urls


def ingest(store: Any, gold: Gold) -> dict[str, str]:
    """Analyse and store the corpus as `claimgraph ingest` does, resolve; file -> document id."""
    from claimgraph.ingest.sources_in import expand
    from claimgraph.records import Document
    from claimgraph.resolve import resolve
    from claimgraph.runner import Failure, analyse_stream
    from claimgraph.settings import Settings

    items = list(expand([str(ROOT / p) for p in gold.paths]))
    for outcome in analyse_stream(items, Settings.from_env(), workers=1):
        if isinstance(outcome, Failure):
            raise SystemExit(f"{outcome.name}: [{outcome.code}] {outcome.message}")
        store.save(outcome)
    resolve(store)
    by_url = {item.url: item.id for item in items if isinstance(item, Document)}
    return {file: by_url[url] for file, url in file_urls(gold).items() if url in by_url}


@dataclass(frozen=True, slots=True)
class Stored:
    """What resolve stored, in the shapes the scores need."""

    documents: Mapping[str, str]  # file -> document id
    texts: Mapping[str, str]  # document id -> stored text
    # document id -> ((id, content start, content end, source names, cue start), ...)
    attributions: Mapping[str, tuple]
    cluster_of: Mapping[str, str]  # attribution id -> cluster id
    support: Mapping[str, int]  # cluster id -> independent original sources (all polarities)
    corroboration: Mapping[str, int]  # cluster id -> the support shown to users (unhedged, close)
    cluster_polarity: Mapping[str, str]
    contradictions: tuple[tuple[str, str, str], ...]  # (kind, claim, by)
    points: tuple[tuple[str, float | None, str, str, str], ...]  # doc, value, topic, text, modality


def read_stored(store: Any, documents: Mapping[str, str]) -> Stored:
    from claimgraph.resolve import read

    names = {source.id: (source.name, *source.aliases) for source in store.sources()}
    texts, attributions = {}, {}
    for document_id in documents.values():
        analysis = store.analysis(document_id)
        texts[document_id] = analysis.document.text
        attributions[document_id] = tuple(
            (
                a.id,
                a.content_start,
                a.content_end,
                names.get(a.canonical_source or "")
                or ((a.source.text,) if a.source is not None else ()),
                a.cue.start if a.cue is not None else -1,
            )
            for a in analysis.attributions
            if a.content
        )
    clusters = read.clusters(store)
    cluster_of = {m.attribution_id: c.id for c in clusters for m in c.members}
    points = tuple(
        (document, point.value, series.topic, point.text or "", point.modality)
        for series in read.estimate_series(store)
        for point in series.points
        for document in point.documents
    )
    return Stored(
        documents=documents,
        texts=texts,
        attributions=attributions,
        cluster_of=cluster_of,
        support={c.id: len(c.original_sources) for c in clusters},
        corroboration={c.id: c.support for c in clusters},
        cluster_polarity={c.id: c.polarity for c in clusters},
        contradictions=tuple((c.kind, c.claim, c.by) for c in read.contradictions(store)),
        points=points,
    )


def span_of(text: str, words: str) -> tuple[int, int]:
    """Where the member's content words are: `[x]` in "has not acknowledged [x]" marks them
    inside words that only anchor the place; (-1, -1) when the words are not in the text."""
    plain = words.replace("[", "").replace("]", "")
    found = text.find(plain)
    if found < 0:
        return -1, -1
    if "[" not in words:
        return found, found + len(plain)
    start = found + words.index("[")
    return start, start + words.index("]") - words.index("[") - 1


def locate(stored: Stored, member: Member) -> tuple[str | None, str]:
    """The stored attribution whose content holds the member's words, and why not if none.

    Among nested attributions the innermost clustered one wins: "X said Y believed Z" is Y's claim.
    Words that run across the claims one cue was split into ("said X and that Y" is two claims
    where the gold writer kept one) are located at the claim they start in.
    """
    document_id = stored.documents.get(member.file)
    if document_id is None:
        return None, "document not stored"
    text = stored.texts[document_id]
    start, end = span_of(text, member.words)
    if start < 0:
        return None, "words not in the stored text"
    rows = stored.attributions[document_id]
    covering = [
        (a_end - a_start, a_id)
        for a_id, a_start, a_end, _, _ in rows
        if a_start <= start and end <= a_end
    ]
    if not covering:
        covering = _split_parts_covering(rows, start, end)
    if not covering:
        return None, "no attribution's content holds the words"
    clustered = sorted(c for c in covering if c[1] in stored.cluster_of)
    if not clustered:
        return None, "attribution found but not in any cluster"
    return clustered[0][1], "found"


def _split_parts_covering(rows: Iterable[tuple], start: int, end: int) -> list[tuple[int, str]]:
    """The part the words start in, when the parts of one cue together hold them."""
    parts: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        if row[4] >= 0:
            parts[row[4]].append(row)
    for group in parts.values():
        if len(group) > 1 and min(r[1] for r in group) <= start and end <= max(r[2] for r in group):
            return [(r[2] - r[1], r[0]) for r in group if r[1] <= start < r[2]]
    return []


def score(gold: Gold, stored: Stored) -> dict:
    """Every figure of one corpus, from its gold and what resolve stored."""
    located: dict[str, list[Member]] = defaultdict(list)
    misses = []
    for member in gold.members:
        attribution, why = locate(stored, member)
        if attribution is None:
            misses.append(
                {"cluster": member.cluster, "file": member.file, "words": member.words, "why": why}
            )
        else:
            located[attribution].append(member)
    ambiguous = []
    gold_of: dict[str, str] = {}
    for attribution, members in located.items():
        if len({m.cluster for m in members}) > 1:
            ambiguous.append(
                {"attribution": attribution, "clusters": sorted({m.cluster for m in members})}
            )
        else:
            gold_of[attribution] = members[0].cluster
    system = {a: stored.cluster_of[a] for a in gold_of}
    polarity = {a: gold.clusters[c]["polarity"] for a, c in gold_of.items()}

    members_of: dict[str, list[str]] = defaultdict(list)
    for attribution, cluster in gold_of.items():
        members_of[cluster].append(attribution)
    origin_checks = []
    for cluster_id, cluster in gold.clusters.items():
        if len({m["file"] for m in cluster["members"]}) < 2 or not members_of.get(cluster_id):
            continue
        found = main_cluster(members_of[cluster_id], system)
        origin_checks.append(
            {"cluster": cluster_id, "gold": cluster["origins"], "stored": stored.support[found]}
        )
    right_origins = sum(c["gold"] == c["stored"] for c in origin_checks)

    mapped = gold_of_clusters(gold_of, stored.cluster_of)
    accepted = {frozenset((c["a"], c["b"])) for c in gold.contradictions}
    reachable = {
        frozenset((c["a"], c["b"]))
        for c in gold.contradictions
        if c["required"] and members_of.get(c["a"]) and members_of.get(c["b"])
    }
    predicted, unjudged = set(), set()
    for _, claim, by in stored.contradictions:
        if claim in mapped and by in mapped and mapped[claim] != mapped[by]:
            predicted.add(frozenset((mapped[claim], mapped[by])))
        else:
            unjudged.add(frozenset((claim, by)))
    contradictions = pair_scores(predicted, accepted, reachable)
    right = contradictions["right"]
    # Strict: a pair with a side outside the gold counts as wrong (most such pairs are noise).
    contradictions["precision_strict"] = (
        right / (len(predicted) + len(unjudged)) if predicted or unjudged else 1.0
    )
    contradictions["rows"] = len(stored.contradictions)
    contradictions["unjudged_pairs"] = len(unjudged)
    contradictions["missed"] = sorted(sorted(p) for p in reachable - predicted)
    contradictions["wrong"] = sorted(sorted(p) for p in predicted - accepted)

    return {
        "corpus": gold.corpus,
        "split": gold.split,
        "members": len(gold.members),
        "matched": len(gold_of),
        "extraction_misses": misses,
        "ambiguous": ambiguous,
        "bcubed": bcubed(gold_of, system),
        "pairwise": pairwise(gold_of, system),
        "polarity_merges": len(polarity_merges(polarity, system)),
        "polarity_merged": [
            sorted({gold_of[a] for a, c in system.items() if c == merged})
            for merged in polarity_merges(polarity, system)
        ],
        "polarity_right": _polarity_right(gold_of, gold, stored),
        "origins": {
            "right": right_origins,
            "clusters": len(origin_checks),
            "accuracy": right_origins / len(origin_checks) if origin_checks else 1.0,
            "wrong": [c for c in origin_checks if c["gold"] != c["stored"]],
        },
        "corroborated": corroborated(gold_of, gold, stored),
        "contradictions": contradictions,
        "estimates": estimate_scores(gold, stored),
        "junk_sources": junk_sources(gold, stored),
    }


def corroborated(gold_of: Mapping[str, str], gold: Gold, stored: Stored) -> dict[str, Any]:
    """Of the stored claims shown as independently corroborated (support 2 or more: the top of
    the overview), the share that is one gold assertion with at least that many origins. A
    cluster none of whose members is in gold is left out."""
    checked, wrong = 0, []
    members: dict[str, set[str]] = defaultdict(set)
    for attribution, cluster in gold_of.items():
        members[stored.cluster_of[attribution]].add(cluster)
    for cluster_id, support in stored.corroboration.items():
        if support < 2 or not members.get(cluster_id):
            continue
        checked += 1
        golds = members[cluster_id]
        [only] = golds if len(golds) == 1 else [None]
        if (
            only is None
            or gold.clusters[only]["polarity"] != "assert"
            or gold.clusters[only]["origins"] < support
        ):
            wrong.append({"stored": cluster_id, "support": support, "gold": sorted(golds)})
    return {
        "checked": checked,
        "precision": 1 - len(wrong) / checked if checked else 1.0,
        "wrong": wrong,
    }


def _polarity_right(gold_of: Mapping[str, str], gold: Gold, stored: Stored) -> float:
    """Share of matched members whose stored cluster has the gold polarity."""
    if not gold_of:
        return 0.0
    right = sum(
        stored.cluster_polarity[stored.cluster_of[a]] == gold.clusters[c]["polarity"]
        for a, c in gold_of.items()
    )
    return right / len(gold_of)


def estimate_scores(gold: Gold, stored: Stored) -> dict:
    """Stored per-document points against gold points: same file and figure, then right topic."""
    file_of = {d: f for f, d in stored.documents.items()}
    points = [
        (file_of.get(d), v, topic, text, modality) for d, v, topic, text, modality in stored.points
    ]
    points = [p for p in points if p[0] is not None]

    def hits(expected: Mapping[str, Any], point: tuple) -> bool:
        file, value, _, text, _ = point
        if file != expected["file"]:
            return False
        if expected["figure"] is None:
            return bool(text) and (text in expected["words"] or expected["words"] in text)
        return value is not None and abs(value - expected["figure"]) < 1e-6

    right_topic, right_figure = 0, 0
    wrong = []
    for point in points:
        matches = [e for e in gold.estimates if hits(e, point)]
        right_figure += bool(matches)
        if any(topic_matches(point[2], e["topic"]) for e in matches):
            right_topic += 1
        else:
            wrong.append({"file": point[0], "value": point[1], "topic": point[2], "text": point[3]})
    required = [e for e in gold.estimates if e["required"]]
    found_topic = sum(
        any(hits(e, p) and topic_matches(p[2], e["topic"]) for p in points) for e in required
    )
    found_figure = sum(any(hits(e, p) for p in points) for e in required)
    missed = [
        {"file": e["file"], "figure": e["figure"], "words": e["words"]}
        for e in required
        if not any(hits(e, p) and topic_matches(p[2], e["topic"]) for p in points)
    ]
    total = len(points)
    return {
        "precision": right_topic / total if total else 1.0,
        "recall": found_topic / len(required) if required else 1.0,
        "precision_figure_only": right_figure / total if total else 1.0,
        "recall_figure_only": found_figure / len(required) if required else 1.0,
        "stored_points": total,
        "gold_points": len(required),
        "wrong": wrong,
        "missed": missed,
    }


def junk_sources(gold: Gold, stored: Stored) -> dict:
    """Distinct (file, source) pairs whose source is none of the file's real speakers.

    A stored source is judged by its canonical name and aliases (what the analyst reads), or by the
    words of its mention when it has no canonical source. A bare pronoun left as the source is
    counted apart: it is a coreference miss, not a junk actor.
    """
    junk, pronouns = set(), set()
    for file, document_id in stored.documents.items():
        speakers = gold.speakers.get(file, ())
        for _, _, _, names, _ in stored.attributions[document_id]:
            if not names or any(
                speaker_matches(name, aliases) for name in names for aliases in speakers
            ):
                continue
            if names[0].casefold() in PRONOUNS:
                pronouns.add((file, names[0]))
            else:
                junk.add((file, names[0]))
    return {
        "count": len(junk),
        "sources": sorted(f"{f}: {n}" for f, n in junk),
        "pronouns": sorted(f"{f}: {n}" for f, n in pronouns),
    }


def measure(corpus: str) -> dict:
    from claimgraph.store import open_store

    gold = load_gold(corpus)
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "q.db")) as store:
        documents = ingest(store, gold)
        stored = read_stored(store, documents)
    return score(gold, stored)


# -- report ----------------------------------------------------------------------------------------


def summary(result: Mapping[str, Any]) -> dict[str, float | int]:
    """The headline figures of one corpus, as the issue's targets name them."""
    return {
        "bcubed_f1": round(result["bcubed"]["f1"], 3),
        "bcubed_p": round(result["bcubed"]["precision"], 3),
        "bcubed_r": round(result["bcubed"]["recall"], 3),
        "pairwise_p": round(result["pairwise"]["precision"], 3),
        "pairwise_r": round(result["pairwise"]["recall"], 3),
        "polarity_merges": result["polarity_merges"],
        "polarity_right": round(result["polarity_right"], 3),
        "origins_accuracy": round(result["origins"]["accuracy"], 3),
        "corroborated_p": round(result["corroborated"]["precision"], 3),
        "corroborated_n": result["corroborated"]["checked"],
        "contradictions_p": round(result["contradictions"]["precision"], 3),
        "contradictions_r": round(result["contradictions"]["recall"], 3),
        "contradictions_p_strict": round(result["contradictions"]["precision_strict"], 3),
        "estimates_p": round(result["estimates"]["precision"], 3),
        "estimates_r": round(result["estimates"]["recall"], 3),
        "junk_sources": result["junk_sources"]["count"],
        "pronoun_sources": len(result["junk_sources"]["pronouns"]),
        "members_matched": result["matched"],
        "members": result["members"],
        "extraction_misses": len(result["extraction_misses"]),
    }


def print_table(result: Mapping[str, Any]) -> None:
    head = f"{result['corpus']} ({result['split']} split)"
    print(head)
    print("-" * len(head))
    for key, value in summary(result).items():
        print(f"  {key:<24} {value}")
    c = result["contradictions"]
    print(
        f"  contradiction rows   {c['rows']} ({c['unjudged_pairs']} pairs with a side outside gold)"
    )
    for item in result["extraction_misses"]:
        print(f"  miss: {item['file'][:2]} {item['words']!r} ({item['why']})")
    for item in result["ambiguous"]:
        print(f"  ambiguous: {item['clusters']}")
    for clusters in result["polarity_merged"]:
        print(f"  assertion merged with denial or non-confirmation: {clusters}")
    for item in result["corroborated"]["wrong"]:
        print(f"  shown as corroborated ({item['support']}): {item['gold']}")
    for item in result["origins"]["wrong"]:
        print(f"  origins: {item['cluster']} gold {item['gold']}, stored {item['stored']}")
    for pair in c["missed"]:
        print(f"  contradiction missed: {pair}")
    for pair in c["wrong"]:
        print(f"  contradiction wrong: {pair}")
    for name in result["junk_sources"]["sources"]:
        print(f"  junk source: {name}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=CORPORA, action="append")
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args(argv)
    results = [measure(corpus) for corpus in args.corpus or CORPORA]
    if args.json:
        json.dump(results, sys.stdout, indent=1, default=str)
        print()
    else:
        for result in results:
            print_table(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
