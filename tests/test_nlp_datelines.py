"""Datelines: found at the start of a report or paragraph, kept out of claims, stored as a place."""

import pytest

from claimgraph.nlp.datelines import find_datelines


@pytest.mark.parametrize(
    ("text", "dateline", "place"),
    [
        ("SEOUL — North Korea has moved more troops.", "SEOUL —", "SEOUL"),
        ("KYIV, June 7 (Wire) — Drones struck a depot.", "KYIV, June 7 (Wire) —", "KYIV"),
        ("WASHINGTON (AP) - The Pentagon said on Monday ...", "WASHINGTON (AP) -", "WASHINGTON"),
        ("ADEN, Yemen, March 3 — A tanker was hit.", "ADEN, Yemen, March 3 —", "ADEN, Yemen"),
        ("Title line\n\nNEW YORK, Jan. 12 — The council met.", "NEW YORK, Jan. 12 —", "NEW YORK"),
        ("Goma, Nov 2 (Reuters) - Rebels entered the town.", "Goma, Nov 2 (Reuters) -", "Goma"),
        (
            "YAOUNDÉ, Nov 11 (Wire) — Gunmen attacked a market.",
            "YAOUNDÉ, Nov 11 (Wire) —",
            "YAOUNDÉ",
        ),
        ("ŁÓDŹ — The police said on Monday ...", "ŁÓDŹ —", "ŁÓDŹ"),
        # the day before the month, as in most of the world's press
        ("BAKU, 25 November 2026 — The company said ...", "BAKU, 25 November 2026 —", "BAKU"),
        ("Accra, 3 Feb (Wire) — Floods cut the road.", "Accra, 3 Feb (Wire) —", "Accra"),
        # a report filed from two cities
        (
            "DAKAR/NOUAKCHOTT, Nov 23 (Wire) — The coast guard seized a pirogue.",
            "DAKAR/NOUAKCHOTT, Nov 23 (Wire) —",
            "DAKAR/NOUAKCHOTT",
        ),
    ],
)
def test_datelines_found(text, dateline, place):
    [(span, place_span)] = find_datelines(text)
    assert (span.text, place_span.text) == (dateline, place)
    assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    [
        "The strike — the third this week — hit a school.",
        "Officials said the convoy - about 40 trucks - had left.",
        "Kenya's president - who spoke on Friday - said talks would resume.",
        "The ministry said on Monday that 12 people had died.",
    ],
)
def test_datelines_not_found_in_ordinary_sentences(text):
    assert find_datelines(text) == []


@pytest.mark.parametrize(
    ("text", "content_start"),
    [
        ("SEOUL — North Korea has sent 1,500 troops to Russia, the spy agency said.", "North Korea"),
        ("LAGOS, May 4 (Wire) - Police said that 30 people had been arrested.", "that 30"),
        ("Title\n\nADEN, Yemen, March 3 — According to port officials, a tanker was hit.", "a tanker"),
    ],
)  # fmt: skip
def test_datelines_stay_out_of_claims(analyse, text, content_start):
    [claim] = analyse(text).attributions
    assert claim.content_text.startswith(content_start)
    assert "—" not in claim.content_text.split()[0]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("SEOUL — North Korea fired two missiles, the military said.", "Seoul", "KR"),
        ("ADEN, Yemen, March 3 — A tanker was hit, officials said.", "Aden", "YE"),
        ("KYIV, June 7 (Wire) — Drones hit a depot overnight, the air force said.", "Kyiv", "UA"),
        # the words after the comma choose among towns of one name, a region as well as a country
        ("TRIPOLI, Lebanon — Shells hit the port, officials said.", "Tripoli", "LB"),
        ("NANGAN, Matsu — The cable was cut, officials said.", "Nangan", "TW"),
        # filed from two cities: the first is the dateline's place
        ("DAKAR/NOUAKCHOTT, Nov 23 — A pirogue was seized, officials said.", "Dakar", "SN"),
    ],
)
def test_datelines_document_place_is_geocoded(analyse, text, name, country):
    dateline = analyse(text).dateline
    assert dateline is not None
    assert (dateline.name, dateline.country) == (name, country)
    assert dateline.lat is not None
    assert dateline.lon is not None


def test_datelines_none_without_one(analyse):
    assert analyse("Police said 30 people had been arrested.").dateline is None


def test_a_live_pages_entry_times_are_no_part_of_a_claim(analyse):
    analysis = analyse(
        "Live: ship attack\n\n13:50 — Eagle Marlin, the tanker that picked up the survivors, is "
        "expected to reach Djibouti on Thursday, the operator said.\n\n14:05 GMT — The navy said "
        "two drone boats had been destroyed.\n"
    )
    contents = [a.content_text for a in analysis.attributions]
    assert any(c.startswith("Eagle Marlin") for c in contents), contents
    assert not any(":" in c.split()[0] for c in contents)


def test_a_dateline_taken_for_a_subject_leaves_the_real_speaker(analyse):
    """The parser may hang "DUBAI, Nov 27 (Wire) —" on the verb as a second subject."""
    analysis = analyse(
        "DUBAI, Nov 27 (Gulf Wire) — Iran on Friday rejected as baseless accusations by Yemen's "
        "government that it had supplied the drones."
    )
    rejected = next(a for a in analysis.attributions if a.cue and a.cue.text == "rejected")
    assert rejected.source is not None
    assert rejected.source.text == "Iran"
    assert rejected.canonical_source == "ir-government"


def test_a_speaker_hung_on_the_dateline_is_found_once(analyse):
    """ "EL TARRA, Colombia, Nov 24 (Wire) — The Frente ... denied": the parser may read the
    dateline's place as the subject, with the speaker an apposition or a conjunct of it; the
    claim keeps its speaker and is not repeated for the dateline's two names."""
    analysis = analyse(
        "EL TARRA, Colombia, Nov 24 (Wire) — The Frente Comunero del Catatumbo denied killing "
        "civilians in El Tarra on Sunday."
    )
    [denied] = analysis.attributions
    assert denied.source is not None
    assert denied.source.text == "The Frente Comunero del Catatumbo"
    analysis = analyse("SEOUL, Nov 24 (Wire) — Officials and the army said 12 soldiers died.")
    [said] = analysis.attributions
    assert said.source is not None
    assert "army" in said.source.text


def test_a_colon_dateline_in_the_first_lines_is_no_speaker(analyse):
    from claimgraph.nlp.datelines import find_datelines

    text = (
        "Tanker may have been hit, images suggest\n\n"
        "DUBAI: Satellite images of the port show burn marks on a tanker, a maritime security "
        "company said on Tuesday.\n"
    )
    assert [d.text for d, _ in find_datelines(text)] == ["DUBAI:"]
    analysis = analyse(text)
    assert all(a.source is None or a.source.text != "DUBAI" for a in analysis.attributions)
    # a transcript's speaker labels, however written, stay speakers
    transcript = "Briefing\n\nKIRBY: We saw the launch.\nQ: When?\nKIRBY: On Monday.\n"
    assert find_datelines(transcript) == []
    # a presenter's label with a note on the voice is a label too: the guest's is no dateline
    noted = "Night Desk\n\nHAN (PRESENTER): What did you find?\n\nYOON: They were inside.\n"
    assert find_datelines(noted) == []


def test_a_second_verb_after_a_dateline_keeps_the_shared_subject(analyse):
    """ "ISWAP claimed the attack and said ...": the second verb's speaker is the subject both
    verbs share, never the dateline before it."""
    analysis = analyse(
        "MAROUA, Nov 11 (Wire) — The Lake Brigade claimed the attack on Wednesday and said its "
        "fighters had killed 11 soldiers."
    )
    said = next(a for a in analysis.attributions if a.cue and a.cue.text == "said")
    assert said.source is not None
    assert said.source.text == "The Lake Brigade"


def test_a_dateline_from_two_cities_is_no_speakers_body(analyse):
    """ "BERLIN/COPENHAGEN, April 8 (LW) — ..., a spokesman for the office said": the office
    is no body called "BERLIN/COPENHAGEN, April 8", and the dateline is no part of the claim."""
    analysis = analyse(
        "BERLIN/COPENHAGEN, April 8 (LW) — Germany's federal prosecutor has opened an "
        "investigation into the damage to the cable, a spokesman for the office said on Wednesday."
    )
    [claim] = analysis.attributions
    assert "April" not in (claim.canonical_source or "")
    assert not claim.content_text.startswith("BERLIN")
