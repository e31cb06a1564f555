"""GraphML export for Gephi, networkx, yEd and Cytoscape, written element by element.

Nodes: `source:ID`, `claim:ID`, `cluster:ID`, `document:ID` (attribute `kind` says which).
Edges (attribute `relation`): source -said-> claim, document -cites-> source (the article quotes
it), claim -member_of-> cluster, cluster -contradicts-> cluster, document -copies-> document
(near-copies). networkx's `write_graphml` needs the whole graph in memory; this writer does not,
and `networkx.read_graphml` reads the file back (tested).

Needs: a Store, ExportFilters and a text stream.  Returns: the number of claims written.
"""

import re
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from claimgraph.export import tables
from claimgraph.export.tables import ExportFilters
from claimgraph.store import Store

# (id, for, name, type): every attribute a node or an edge may carry.
KEYS = (
    ("kind", "node", "kind", "string"),
    ("label", "node", "label", "string"),
    ("certainty", "node", "certainty", "string"),
    ("polarity", "node", "polarity", "string"),
    ("form", "node", "form", "string"),
    ("anonymous", "node", "anonymous", "boolean"),
    ("published", "node", "published", "string"),
    ("outlet", "node", "outlet", "string"),
    ("url", "node", "url", "string"),
    ("type", "node", "type", "string"),
    ("wikidata", "node", "wikidata", "string"),
    ("support", "node", "support", "int"),
    ("credibility", "node", "credibility", "int"),
    ("relation", "edge", "relation", "string"),
    ("note", "edge", "note", "string"),
)
_TYPES = {key: kind for key, _, _, kind in KEYS}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write_graphml(store: Store, out: TextIO, filters: ExportFilters | None = None) -> int:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for key, target, name, kind in KEYS:
        out.write(f'  <key id="{key}" for="{target}" attr.name="{name}" attr.type="{kind}"/>\n')
    out.write('  <graph id="claimgraph" edgedefault="directed">\n')
    for source in tables.sources(store, filters):
        _node(out, f"source:{source['id']}", kind="source", label=source["name"],
              type=source["type"], wikidata=source["wikidata"])  # fmt: skip
    for document in tables.documents(store, filters):
        node = f"document:{document['id']}"
        _node(out, node, kind="document", label=document["title"] or document["url"],
              published=document["published"], outlet=document["outlet"], url=document["url"])  # fmt: skip
        if document["copy_of"]:
            _edge(out, node, f"document:{document['copy_of']}", relation="copies")
    for cluster in tables.clusters(store, filters):
        _node(out, f"cluster:{cluster['id']}", kind="cluster", label=cluster["label"],
              polarity=cluster["polarity"], support=cluster["support"],
              credibility=cluster["credibility"])  # fmt: skip
    count = 0
    cited: tuple[str, str] | None = None
    for claim in tables.claims(store, filters):
        node = f"claim:{claim.id}"
        _node(out, node, kind="claim", label=claim.content_text, certainty=claim.certainty,
              polarity=claim.polarity, form=claim.form, anonymous=claim.anonymous,
              published=claim.published, outlet=claim.outlet)  # fmt: skip
        if claim.canonical_source:
            source = f"source:{claim.canonical_source}"
            _edge(out, source, node, relation="said", note=claim.cue_text)
            pair = (claim.document_id, claim.canonical_source)
            if pair != cited:  # claims come in document order: one edge per run of a source
                _edge(out, f"document:{claim.document_id}", source, relation="cites")
                cited = pair
        if claim.cluster_id:
            _edge(out, node, f"cluster:{claim.cluster_id}", relation="member_of")
        count += 1
    for row in tables.contradictions(store, filters):
        _edge(out, f"cluster:{row['by']}", f"cluster:{row['claim']}", relation="contradicts",
              note=f"{row['kind']}: {row['explanation']}")  # fmt: skip
    out.write("  </graph>\n</graphml>\n")
    return count


def _node(out: TextIO, node_id: str, **attributes: Any) -> None:
    out.write(f"    <node id={quoteattr(node_id)}>{_data(attributes)}</node>\n")


def _edge(out: TextIO, source: str, target: str, **attributes: Any) -> None:
    out.write(
        f"    <edge source={quoteattr(source)} target={quoteattr(target)}>"
        f"{_data(attributes)}</edge>\n"
    )


def _data(attributes: dict[str, Any]) -> str:
    parts = []
    for key, value in attributes.items():
        if value is None:
            continue
        if _TYPES[key] == "boolean":
            text = "true" if value else "false"
        elif hasattr(value, "isoformat"):
            text = value.isoformat()
        else:
            text = str(value)
        parts.append(f'<data key="{key}">{escape(_xml_safe(text))}</data>')
    return "".join(parts)


def _xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry at all (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text)
