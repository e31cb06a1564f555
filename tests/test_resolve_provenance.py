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


def test_a_bodys_statement_on_its_own_site_is_its_own_origin(pipeline):
    """The outlet printing an unsourced line is no origin; a body named as the speaker of its
    own statement, on its own site, is."""
    from claimgraph.ingest.text import document_from_text

    text = (
        "Tallis Dredging statement on the detention of the dredger Orkas\n\n"
        "Our dredger was inside the licensed area all night. We have asked the port authority "
        "to release the vessel today.\n\n"
        "Tallis Dredging is a family-owned company that dredges harbours in the North Sea.\n"
    )
    own = pipeline.analyse(document_from_text(text, outlet="Tallis Dredging"))
    printed = pipeline.analyse(document_from_text(text, outlet="Harbour Gazette"))
    left = {text: original for text, (_, original) in _originals(own).items()}
    right = {text: original for text, (_, original) in _originals(printed).items()}
    claim = next(t for t in left if "licensed area" in t)
    assert left[claim] == right[claim] == "tallis-dredging"
