"""Issued text: a press release, or a statement printed whole, speaks for its issuer."""

from claimgraph.nlp.issued import find_issued

RELEASE = (
    "Statement by Harbor Lines on the grounding of the ferry Vela\n\n"
    "PIRAEUS, 3 March 2026 — Harbor Lines issues the following statement on the ferry Vela.\n\n"
    "The Vela touched a sandbank outside the harbour at 04:10 on Monday. All 312 passengers "
    "were taken ashore by tenders before noon. Harbor Lines rejects reports that the ferry "
    "was overloaded. The company denied that the captain had been asleep.\n\n"
    "About Harbor Lines: Harbor Lines runs six ferries between the islands.\n\n"
    "Media enquiries: press desk, Harbor Lines, Piraeus.\n"
)

PRINTED = (
    "Full text: Red Lantern's statement on the Tarn water outage\n\n"
    "The hacking group Red Lantern posted the statement below on Friday. The Daily Ledger "
    "could not verify it. The city blames the group for the outage.\n\n"
    "---\n\n"
    "TO THE CITIZENS OF TARN\n\n"
    "We never touched the pumps of the water works. We copied 40,000 invoices from the "
    "billing office.\n\n"
    "RED LANTERN\n\n"
    "---\n\n"
    "The water company restored supply on Saturday morning.\n"
)


def claims(analysis):
    return {a.content_text: a for a in analysis.attributions}


def test_issued_a_press_release_speaks_sentence_by_sentence(analyse):
    found = claims(analyse(RELEASE))
    landed = found["The Vela touched a sandbank outside the harbour at 04:10 on Monday"]
    assert landed.canonical_source == "harbor-lines"
    assert landed.form == "direct"
    assert landed.cue.text == "Statement"
    taken = found["All 312 passengers were taken ashore by tenders before noon"]
    assert taken.canonical_source == "harbor-lines"
    # the sentence with its own cue keeps it, once
    denied = [a for a in analyse(RELEASE).attributions if "asleep" in a.content_text]
    assert len(denied) == 1
    assert denied[0].polarity == "deny"
    # a reporting verb the parse missed ("rejects" read as a noun) is never a plain assertion
    assert not any("overloaded" in t and a.polarity == "assert" for t, a in found.items())
    # neither the framing line nor the boilerplate for editors is a claim
    assert not any("following statement" in text for text in found)
    assert not any("six ferries" in text or "press desk" in text for text in found)


def test_issued_a_statement_printed_whole_speaks_only_between_its_rules(analyse):
    found = claims(analyse(PRINTED))
    never = found["We never touched the pumps of the water works"]
    assert never.canonical_source == "red-lantern"
    assert found["We copied 40,000 invoices from the billing office"].canonical_source == (
        "red-lantern"
    )
    # the report's own narration, the heading and the signature are not the group's claims
    assert not any(
        a.canonical_source == "red-lantern" and "restored" in t for t, a in found.items()
    )
    assert not any("CITIZENS" in text or text == "RED LANTERN" for text in found)


def test_issued_needs_a_title_that_says_so():
    assert find_issued("Ferry grounded off Piraeus\n\nThe Vela touched a sandbank.") == []
    # rules without a "Full text:" title set off nothing
    assert find_issued("Outage in Tarn\n\n---\n\nWe never touched the pumps.\n\n---\n") == []
    [issued] = find_issued(PRINTED)
    assert PRINTED[issued.start : issued.end].strip().startswith("TO THE CITIZENS")
    assert PRINTED[issued.issuer.start : issued.issuer.end] == "Red Lantern"
