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


FRAMED = (
    "Full text: transport ministry statement on the Vardo signal fire\n\n"
    "Norway's Ministry of Transport (SD) issued the following statement on Monday. The "
    "Fjord Post prints it in its own translation.\n\n"
    "---\n\n"
    "Unknown persons set fire to a signal cabinet on the Ofoten line on Sunday night. "
    "We ask travellers to check their connections before leaving home.\n\n"
    "Oslo, 9 March 2026\n\n"
    "---\n\n"
    "The statement did not say who the ministry suspects.\n"
)

NGO_RELEASE = (
    "Dozens abducted in Lake Chad raid, Basin Watch says\n\n"
    "NDJAMENA, 4 March 2026 — Basin Watch has documented the abduction of 41 people from "
    "the island village of Kinasserom on Sunday night.\n\n"
    "Our researchers spoke to 17 survivors. We have the names of 30 of those taken. "
    '"They came at night," one survivor told us.\n\n'
    "We call on the authorities to open an investigation.\n\n"
    "Basin Watch is an independent organisation documenting abuses around Lake Chad.\n\n"
    "Press contact: press desk, Basin Watch.\n"
)


def test_issued_a_statement_framed_by_its_issuer_is_the_issuers(analyse):
    """ "Full text: transport ministry statement ...": the framing sentence names the issuer in
    full, and its "we" is the issuer, not the outlet printing it."""
    found = claims(analyse(FRAMED))
    fire = found["Unknown persons set fire to a signal cabinet on the Ofoten line on Sunday night"]
    assert "Ministry of Transport" in fire.source.text
    ask = next(a for t, a in found.items() if "check their connections" in t)
    assert ask.canonical_source == fire.canonical_source
    assert not any(
        a.canonical_source == fire.canonical_source and "suspects" in t for t, a in found.items()
    )


def test_issued_a_release_in_its_own_voice_with_an_about_paragraph_is_its_issuers(analyse):
    found = claims(analyse(NGO_RELEASE))
    names = found["We have the names of 30 of those taken"]
    assert names.canonical_source == "basin-watch"
    assert found["Our researchers spoke to 17 survivors"].canonical_source == "basin-watch"
    # the about-us paragraph and the press contact are no claims
    assert not any("independent organisation" in t or "press desk" in t for t in found)
    # a news report that merely closes on a description is no release: no "we" of its own
    report = (
        NGO_RELEASE.replace("Our researchers", "Its researchers")
        .replace("We have", "It has")
        .replace("We call", "It calls")
    )
    assert find_issued(report) == []


NAMED_STATEMENT = (
    "Tallis Dredging statement on the detention of the dredger Orkas\n\n"
    "ROTTERDAM, 2 May 2026 — Tallis Dredging rejects the account given by the port police.\n\n"
    "Our dredger was inside the licensed area all night. Our positioning logs show that the "
    "Orkas never left the channel. The claim that the crew refused an inspection is not "
    "correct.\n\n"
    "We ask the port authority to release the vessel today.\n\n"
    "Tallis Dredging is a family-owned company that dredges harbours in the North Sea.\n\n"
    "Press contact: Mira Smets, Tallis Dredging.\n"
)


def test_issued_a_statement_headed_by_its_issuers_name_speaks_for_it(analyse):
    found = claims(analyse(NAMED_STATEMENT))
    inside = found["Our dredger was inside the licensed area all night"]
    assert inside.canonical_source == "tallis-dredging"
    # its own evidence is its word; a report with no speaker inside it is read whole
    logs = next(a for t, a in found.items() if "never left the channel" in t)
    assert logs.canonical_source == "tallis-dredging"
    refused = next(a for t, a in found.items() if "refused an inspection" in t)
    assert refused.canonical_source == "tallis-dredging"
    assert refused.polarity == "deny"
    assert not any("family-owned" in t or "Mira Smets" in t for t in found)
    # a news headline of the same shape heads a report in the third person: no release
    report = (
        "Kremlin statement on talks raises doubts in Kyiv\n\n"
        "The Kremlin said on Monday that talks could resume. Ukrainian officials said they "
        "had not been told.\n"
    )
    assert find_issued(report) == []


HEADED = (
    "Port Authority of Varna: berth 4 reopened; no fuel spilled\n\n"
    "VARNA, 6 May 2026 — The Port Authority of Varna informs the public that berth 4 reopened "
    "at 14:00 on Tuesday.\n\n"
    "Two tugs moved the grounded bulk carrier Orsa clear of the berth. Nine crew members were "
    "checked by doctors at the port clinic. No fuel was spilled.\n\n"
    "Media enquiries: press office, Port Authority of Varna.\n"
)


def test_issued_a_release_headed_by_its_issuer_and_a_colon_is_its_issuers(analyse):
    [issued] = find_issued(HEADED)
    assert HEADED[issued.issuer.start : issued.issuer.end] == "Port Authority of Varna"
    by_issuer = [
        a.content_text
        for a in analyse(HEADED).attributions
        if a.canonical_source and "varna" in a.canonical_source
    ]
    assert any("Two tugs moved" in text for text in by_issuer), by_issuer
    assert any("Nine crew members" in text for text in by_issuer), by_issuer
    assert not any("press office" in text for text in by_issuer), by_issuer


def test_issued_a_news_headline_with_a_colon_is_no_release():
    # the report after the colon names its sources: nothing in it is issued
    text = (
        "Port official: drone hit tanker at the jetty\n\n"
        "MOKHA, 2 May 2026 — A drone hit a tanker at the fuel jetty, a port official said. "
        "The official, who asked not to be named, said the fire burned for six hours.\n"
    )
    assert find_issued(text) == []


BYLINED = (
    "Public statement: the raid on Santa Rita and the arrests in El Cruce\n\n"
    "Colectivo de Abogados del Sur (CAS) | Ocaña, 4 March 2026\n\n"
    "1. The Collective has documented the deaths of nine civilians in the raid on Santa Rita. "
    "Two of the victims were teenagers.\n\n"
    "2. About 30 houses were burned along the river road.\n\n"
    "Notes to editors: the Collective has worked in the region since 2009.\n"
)


def test_issued_a_statement_titled_by_its_act_speaks_for_the_issuer_on_its_letterhead(analyse):
    """ "Public statement: ..." over the issuer's letterhead line: each numbered paragraph is
    the issuer's claim, though no sentence has a "said"."""
    [issued] = find_issued(BYLINED)
    assert issued.issuer.text == "Colectivo de Abogados del Sur"
    found = claims(analyse(BYLINED))
    burned = found["About 30 houses were burned along the river road"]
    assert burned.source.text == "Colectivo de Abogados del Sur"
    assert not any("Notes to editors" in text or "since 2009" in text for text in found)
    # a news report under a title that names the act but no letterhead stays the outlet's
    report = "Statement: the army answers its critics\n\nThe army said on Monday it had lost 3 men."
    assert find_issued(report) == []


HEADED_ACT = (
    "Ministry of Defence, Republic of Moldova: Press Statement on the drone found near Ocnita\n\n"
    "Chisinau, 4 March 2026\n\n"
    "1. At 06:20 on Tuesday a border patrol found the wreck of an attack drone in a field "
    "two kilometres from the village of Ocnita.\n\n"
    "2. The drone carried no explosive charge when it was found.\n"
)

LETTERHEAD = (
    "In the Name of the People\n\n"
    "REPUBLIC OF LUMERIA\n"
    "COAST GUARD COMMAND\n"
    "Office of the Spokesman\n\n"
    "Statement No. 31\n\n"
    "At 22:10 on Sunday a patrol boat stopped a fishing vessel nine nautical miles off Port "
    "Aster. Its crew of seven were taken ashore for questioning.\n\n"
    "Glory to our sailors.\n\n"
    "Captain Oren Vasque\n"
    "Spokesman of the Coast Guard\n"
)


def test_issued_a_title_naming_the_issuer_and_its_act_is_the_issuers(analyse):
    """ "Ministry ..., Republic of Moldova: Press Statement on ...": the act word after the
    colon makes the text the issuer's, though no sentence says "said"."""
    [issued] = find_issued(HEADED_ACT)
    assert issued.issuer.text == "Ministry of Defence, Republic of Moldova"
    assert issued.cue.text == "Statement"
    found = claims(analyse(HEADED_ACT))
    wreck = next(a for text, a in found.items() if "found the wreck of an attack drone" in text)
    assert wreck.source.text == "Ministry of Defence, Republic of Moldova"
    # the act word must follow the colon: a headline about a statement stays a report
    assert find_issued("Kremlin: statements by NATO are lies\n\nThe Kremlin said so.") == []


def test_issued_a_statement_under_a_letterhead_is_the_body_on_the_letterhead(analyse):
    """The state, the body's name on a line of its own, the office under it, then "Statement
    No. 31": the body, not the state, its office or the invocation above them, issues every
    sentence after; "Press release — 17 January 2027" under a name is an act line too."""
    [issued] = find_issued(LETTERHEAD)
    assert issued.issuer.text == "COAST GUARD COMMAND"
    assert issued.cue.text == "Statement"
    assert LETTERHEAD[issued.start :].lstrip().startswith("At 22:10")
    found = claims(analyse(LETTERHEAD))
    crew = next(a for text, a in found.items() if "crew of seven" in text)
    assert crew.source.text == "COAST GUARD COMMAND"
    assert not any("Oren Vasque" in text or "Glory" in text for text in found)
    native = (
        "POLITIETS SIKKERHETSTJENESTE (PST)\nNorwegian Police Security Service\n\n"
        "Press release — 17 January 2027\n\nThree persons were arrested on Sunday.\n"
    )
    [issued] = find_issued(native)
    assert issued.issuer.text == "Norwegian Police Security Service"
    # a report whose first lines are a headline and a byline has no letterhead
    report = (
        "Coast guard stops fishing boat\n\nBy Ana Ruiz\n\nThe coast guard said it stopped a boat."
    )
    assert find_issued(report) == []
