"""Polarity per attribution: assert, deny or unconfirmed, and a negation inside the content."""

import pytest

from claimgraph.nlp.polarity import polarity_of
from claimgraph.records import Polarity


def _by_cue(analysis, cue: str):
    found = [a for a in analysis.attributions if a.cue is not None and cue in a.cue.text]
    assert found, [(a.cue.text if a.cue else None, a.content_text) for a in analysis.attributions]
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "polarity"),
    [
        (
            "The defence ministry in Minsk denied that its border units had fired on the convoy.",
            "denied",
            "deny",
        ),
        ("A spokesman for the junta rejected the allegations of mass arrests.", "rejected", "deny"),
        ("Hamid Olawale dismissed the photographs as fake.", "dismissed", "deny"),
        ("The energy ministry called the leaked figures groundless.", "called", "deny"),
        ('The army called the monitors\' toll of 31 "exaggerated and irresponsible".', "called", "deny"),
        ('A company spokesman called the researchers\' estimate "guesswork from outside".', "called", "deny"),
        ("The presidential office in Caracas refuted claims that the vote was rigged.", "refuted", "deny"),
        ("Officials in Hanoi branded the satellite report a fabrication.", "branded", "deny"),
        ("“There are no Eritrean soldiers in Tigray,” the foreign minister told reporters.", "told", "deny"),
        ("The port authority said that the footage of the explosion was fake.", "said", "deny"),
        ("The coastguard said that the distress call was a hoax.", "said", "deny"),
        ("NATO could not confirm that the missiles had been moved to the border.", "confirm", "unconfirmed"),
        ("Moscow has not acknowledged the deployment of the brigade.", "acknowledged", "unconfirmed"),
        ("The Pentagon did not confirm the number of advisers in the country.", "confirm", "unconfirmed"),
        ("The embassy declined to comment on the reports of a second convoy.", "comment", "unconfirmed"),
        ("The ministry would neither confirm nor deny that drones had crossed the border.", "confirm", "unconfirmed"),
        ("The police refused to confirm that two officers had been arrested.", "confirm", "unconfirmed"),
        ("The interior minister confirmed that 40 people had been detained overnight.", "confirmed", "assert"),
        ("The admiral said the navy could not confirm that the frigate had sunk.", "said", "unconfirmed"),
        # no comment, though "nothing" says something does not exist elsewhere
        ("Asked about the report, Peskov told journalists he had nothing to add.", "told", "unconfirmed"),
        ("The ministry said it had nothing more to say on the matter.", "said", "unconfirmed"),
        ('"Russia has nothing to do with this incident," the embassy said.', "said", "deny"),
        # "no one" is "nobody"
        ("The navy said no one was injured during the operation.", "said", "deny"),
        # speakers who say they never said what they are reported to have said deny that report
        ('"We never admitted anything," said the skipper of the seized boat.', "said", "deny"),
        ('"I did not say that the army fired first," the governor told reporters.', "told", "deny"),
        ('"I cannot say whether the soldiers withdrew," the mayor said.', "said", "unconfirmed"),
        ("Aides said the president had rejected the claims as invented.", "said", "deny"),
        ("The spokeswoman said she saw no need to comment on the leaked memo.", "comment", "unconfirmed"),
        ("No one is denying that the dam was damaged, the engineer said.", "said", "assert"),
        ("The militia acknowledged that it lost men but has not published a toll.", "acknowledged", "assert"),
        ("Rebels claimed 60 kills, a figure that neither Juba nor Khartoum has confirmed.", "confirmed", "unconfirmed"),
        ("Local officials said fake accounts had spread the video across the region.", "said", "assert"),
        ("The monitor said 300 families had fled the district since Monday.", "said", "assert"),
        ("The embassy said Belarus had nothing to do with the pipeline leak.", "said", "deny"),
        ("The rebels said they had no role in the ambush on the convoy.", "said", "deny"),
        ("\"Our men played no part in the looting,\" the colonel said.", "said", "deny"),
        ("The mayor said the old town has no running water.", "said", "assert"),
        ("The colonel said he was not going to confirm the names of the dead.", "confirm", "unconfirmed"),
        ("The harbour master did not want to comment on the cause of the fire.", "comment", "unconfirmed"),
        ("The coroner said she had not been able to confirm the cause of death.", "confirm", "unconfirmed"),
        ("The coroner said she had not been able to confirm the cause of death.", "said", "unconfirmed"),
        ("The junta stopped short of denying that its jets had bombed the market.", "denying", "unconfirmed"),
        ("MANILA — China on Friday stopped short of denying that its ships had rammed the boat.", "denying", "unconfirmed"),
        # an asserted first clause keeps the claim an assertion whatever its conjunct negates
        ("The mayor said the market was shelled and nobody was hurt.", "said", "assert"),
        ("A negotiator said the hostage was freed for a ransom and that no raid took place.", "said", "assert"),
        ("The ministry said no soldier was hurt and no post was lost.", "said", "deny"),
        ("The aviation authority reported no interference since Sunday.", "reported", "deny"),
        ("\"We have found no sign that any data left our servers,\" the bank said.", "said", "deny"),
        ("The ministry called the reports lies.", "called", "deny"),
        ("Colonel Ann Ruto, the army spokeswoman, called claims that soldiers had looted the market \"lies\".", "called", "deny"),
        ("The mayor said the answer lies in talks.", "said", "assert"),
    ],
)  # fmt: skip
def test_polarity_of_claims(analyse, text, cue, polarity):
    attribution = _by_cue(analyse(text), cue)
    assert attribution.polarity == Polarity(polarity), attribution


@pytest.mark.parametrize(
    ("text", "cue", "negated"),
    [
        ("The governor said the army had not sent reinforcements to the valley.", "said", True),
        ("Kinshasa insisted there were no foreign fighters among the rebels.", "insisted", True),
        ("The minister said troops would never leave the island.", "said", True),
        ("The governor said the army had sent reinforcements to the valley.", "said", False),
        ("The mayor said a bridge that had not been repaired collapsed on Sunday.", "said", False),
    ],
)
def test_polarity_negation_inside_the_content(analyse, text, cue, negated):
    attribution = _by_cue(analyse(text), cue)
    assert attribution.negated is negated, attribution


def test_polarity_declined_to_comment_alone_is_no_claim(analyse):
    analysis = analyse("Asked about the shipment, the foreign ministry declined to comment.")
    assert [a for a in analysis.attributions if a.cue and "comment" in a.cue.text] == []


def test_polarity_declined_to_comment_cue_names_the_refusal(analyse):
    attribution = _by_cue(
        analyse("The airline declined to comment on the crash report."), "comment"
    )
    assert attribution.cue.text.startswith("declined")
    assert attribution.content_text == "the crash report"


@pytest.mark.parametrize(
    ("cue", "content", "polarity", "negated"),
    [
        ("denied", "that the manoeuvres were linked to the election", "deny", False),
        ("could not confirm", "the figure", "unconfirmed", False),
        ("has not acknowledged", "the deployment", "unconfirmed", False),
        ("declined to comment on", "the reports", "unconfirmed", False),
        ("said", "there are no troops on the island", "deny", True),
        ("said", "it had not sent any ships", "assert", True),
        ("said", "1,500 troops had arrived", "assert", False),
        ("dismisses", "the story", "deny", False),
    ],
)
def test_polarity_of_text_without_a_parse(cue, content, polarity, negated):
    # resolve/ calls the same function on stored text, without the parse
    assert polarity_of(cue, content) == (Polarity(polarity), negated)


def test_polarity_refusal_after_a_quotation_takes_no_content(analyse):
    analysis = analyse(
        'The ministry called the leaked map "a crude forgery", and the army has not commented.'
    )
    assert [a for a in analysis.attributions if "commented" in a.cue.text] == []


def test_polarity_need_to_comment_is_said_by_the_subject(analyse):
    analysis = analyse("The governor saw no need to comment on the leaked memo.")
    [claim] = [a for a in analysis.attributions if "comment" in a.cue.text]
    assert claim.source is not None
    assert claim.source.text == "The governor"


def test_polarity_relative_clause_takes_the_antecedent_as_content(analyse):
    analysis = analyse(
        "Rebels claimed 60 kills, a figure that neither Juba nor Khartoum has confirmed."
    )
    withheld = [a for a in analysis.attributions if "confirmed" in a.cue.text]
    assert {a.content_text for a in withheld} == {"a figure"}
    assert len(withheld) == 2  # Juba and Khartoum each


def _claims(analysis):
    return [
        (a.source.text if a.source else None, a.cue.text if a.cue else None, str(a.polarity))
        for a in analysis.attributions
    ]


@pytest.mark.parametrize(
    ("text", "denier", "reporter"),
    [
        # the denier never becomes the source of the reports it denies
        ("The coastguard in Manila denied reports that a patrol boat had rammed the trawler.", "The coastguard in Manila", None),
        ("The junta rejected allegations that its soldiers had burned the market.", "The junta", None),
        # heavy-shifted objects: "dismissed as fabricated X that ..."
        ("The interior ministry dismissed as fabricated claims by Yerevan that 30 guards had deserted.", "The interior ministry", "Yerevan"),
        ("Quito dismissed as baseless Peruvian claims that its troops had crossed the river.", "Quito", None),
        ("The navy dismissed as invented reports in Greek media that a submarine had surfaced off Crete.", "The navy", "Greek media"),
    ],
)  # fmt: skip
def test_polarity_denied_reports_are_not_asserted_by_the_denier(analyse, text, denier, reporter):
    claims = _claims(analyse(text))
    assert (denier, "deny") in [(source, polarity) for source, _, polarity in claims], claims
    asserted = [source for source, _, polarity in claims if polarity == "assert"]
    assert denier not in asserted, claims
    if reporter:
        assert reporter in asserted, claims


def test_a_denial_misparsed_around_its_object_is_still_the_deniers(analyse):
    # "reports" read as a verb whose subject is "lies": the group's denial, not a report by lies
    analysis = analyse(
        "The MPLI again dismissed as lies reports that its fighters had killed civilians."
    )
    [claim] = analysis.attributions
    assert claim.source is not None
    assert claim.source.text == "The MPLI"
    assert claim.polarity.value == "deny"
    assert "fighters had killed civilians" in claim.content_text


@pytest.mark.parametrize(
    ("text", "polarity", "negated"),
    [
        # a later sentence's "no water" does not make the quote's lead a negation
        (
            '"About 70,000 households were affected in one way or another across the city. '
            'Some homes on the hillside had no water for more than 30 hours," the deputy mayor said.',
            "assert",
            False,
        ),
        # the lead is the first sentence of some length: "Let me be clear." leads nothing
        (
            '"Let me be clear. No resident of the town was abducted by the fighters," the army '
            "spokesman said.",
            "deny",
            True,
        ),
        (
            '"The chlorine dosing system was not touched by the attackers. Water quality stayed '
            'within the legal limits," the operator said.',
            "assert",
            True,
        ),
        # a later sentence that says something does not exist still makes it a denial
        (
            '"The soldiers came on Thursday afternoon and searched every room of the church. '
            'There were no fighters inside," the pastor said.',
            "deny",
            False,
        ),
        (
            '"All our weapons are accounted for. No weapon was lost," the army spokesman said.',
            "deny",
            False,
        ),
        # a story that passes by nobody there is no denial of anything
        (
            '"The soldiers had left the post at the landing stage on Tuesday. When the fighters '
            'came, there was nobody on the shore to stop them," the fisherman said.',
            "assert",
            False,
        ),
        # ... nor when the story is the whole quote; "After the strike, no civilians were
        # hurt" still denies
        (
            '"When Boko Haram came, there was nobody on the shore to stop them," the chief said.',
            "assert",
            True,
        ),
        ('"After the strike, no civilians were hurt," the army spokesman said.', "deny", True),
        # what someone will not do until something happens denies nothing that happened
        (
            '"No boat from the quarter will go north of the border until the men come home," '
            "the fishermen's leader said.",
            "assert",
            True,
        ),
    ],
)
def test_polarity_of_a_quote_of_several_sentences_is_its_leads(analyse, text, polarity, negated):
    attribution = _by_cue(analyse(text), "said")
    assert (attribution.polarity, attribution.negated) == (Polarity(polarity), negated)
