"""Chains back to the original speaker, on sentences of our own."""

from claimgraph.nlp.source_table import load_source_table
from claimgraph.resolve import provenance
from claimgraph.resolve.facts import document_facts
from claimgraph.resolve.identity import build_identity
from claimgraph.resolve.lexicons import load_resolve_lexicon


def _originals(analysis):
    identity = build_identity(load_source_table(), [], [])
    facts = document_facts(analysis, identity, load_resolve_lexicon())
    return {
        f.content_text: (f.polarity, provenance.original(provenance.chain(f, facts, identity)))
        for f in facts
    }


def test_claims_a_denier_rejects_are_not_the_deniers(analyse):
    analysis = analyse(
        "China's foreign ministry has dismissed as fabricated claims that Chinese crews "
        "blocked the rescue of the fishermen.",
        published="2025-06-05",
    )
    found = _originals(analysis)
    denier = {original for polarity, original in found.values() if polarity == "deny"}
    told = [original for polarity, original in found.values() if polarity == "assert"]
    assert denier
    assert denier.isdisjoint(told)


def test_a_nested_report_keeps_its_teller(analyse):
    analysis = analyse(
        "The ministry said the coast guard believed that the boat had sunk within minutes.",
        published="2025-06-05",
    )
    originals = {original for _, original in _originals(analysis).values()}
    assert None not in originals
