"""One claim per proposition: coordinated that-clauses under one cue are claims of their own."""

import pytest

from claimgraph.evaluate.polnear import span_form


def _claims(analysis) -> list[tuple[str, str, str]]:
    return [
        (a.source.text if a.source else "", a.cue.text if a.cue else "", a.content_text)
        for a in analysis.attributions
    ]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "The army says six soldiers were killed and that no one was abducted.",
            ["six soldiers were killed", "that no one was abducted"],
        ),
        (
            "The colonel said the toll remained four soldiers, and that 300 more troops had been "
            "flown in from Wamena.",
            [
                "the toll remained four soldiers",
                "that 300 more troops had been flown in from Wamena",
            ],
        ),
        (
            # no "that", but a subject of its own that the clause opens on
            "The agency said twelve trucks were looted and about 140 tonnes of food were lost.",
            ["twelve trucks were looted", "about 140 tonnes of food were lost"],
        ),
        (
            "The mayor said the market was shelled and nobody was hurt.",
            ["the market was shelled", "nobody was hurt"],
        ),
        (
            "The ministry denied that troops had crossed the border and that any civilians were hurt.",
            ["that troops had crossed the border", "that any civilians were hurt"],
        ),
        (
            "The operator said that the gates were shut after 40 minutes, that three controllers "
            "were hit and that no water reached the village.",
            [
                "that the gates were shut after 40 minutes",
                "that three controllers were hit",
                "that no water reached the village",
            ],
        ),
    ],
)
def test_each_that_clause_is_its_own_claim(analyse, text: str, contents: list[str]) -> None:
    claims = _claims(analyse(text))
    assert [content for _, _, content in claims] == contents
    # one source and one cue for all of them
    assert len({(source, cue) for source, cue, _ in claims}) == 1


def test_each_clause_keeps_its_own_polarity_and_figures(analyse) -> None:
    analysis = analyse("The governor said 19 people were abducted and that no soldier was hurt.")
    first, second = analysis.attributions
    assert not first.negated
    assert second.negated
    [count] = [q for q in analysis.quantities if q.value == 19]
    assert count.attribution == first.id
    assert first.id != second.id


@pytest.mark.parametrize(
    "text",
    [
        # one subject for both verbs: the second half alone would not say who stole the files
        "The group says it opened four gates and stole 400,000 files.",
        # a quotation is the speaker's own words, kept whole
        '"Nine of our soldiers are dead and that is a fact," the officer said.',
        # a that-clause inside the first clause is no second claim
        "The union said the pipe that burst had been leaking for two years.",
        # a clause that opens on something other than its subject ("when") is not split
        "The officer said the gates opened and when the water came the village was empty.",
    ],
)
def test_one_claim_stays_one(analyse, text: str) -> None:
    assert len(analyse(text).attributions) == 1


def test_polnear_span_form_joins_the_clauses_of_one_cue(analyse) -> None:
    """PolNeAR annotates one attribution per cue, its content discontinuous."""
    text = "The army says six soldiers were killed and that no one was abducted."
    analysis = analyse(text)
    assert len(analysis.attributions) == 2
    [row] = span_form(analysis)
    # the "and" between them is put back: PolNeAR's content runs across it
    assert [text[s:e] for s, e in row["content"]] == [
        "six soldiers were killed and that no one was abducted"
    ]


def test_polnear_span_form_keeps_two_speakers_of_one_content(analyse) -> None:
    analysis = analyse("Moscow and Pyongyang said the reports were false.")
    assert len(span_form(analysis)) == len(analysis.attributions) == 2


@pytest.mark.parametrize(
    ("text", "contents", "forms"),
    [
        (
            "According to the ministry, 40 people were killed and 12 houses burned down.",
            ["40 people were killed", "12 houses burned down"],
            ["according_to", "according_to"],
        ),
        (
            "The army issued a statement, saying two soldiers died and that the town was secure.",
            ["two soldiers died", "that the town was secure"],
            ["participial", "participial"],
        ),
        (
            'The governor said the attack was "cowardly" and that 19 people were abducted.',
            ['the attack was "cowardly"', "that 19 people were abducted"],
            # only the part with the quoted word is mixed
            ["mixed", "indirect"],
        ),
    ],
)
def test_every_form_in_the_reporters_words_is_split(analyse, text, contents, forms) -> None:
    attributions = analyse(text).attributions
    assert [a.content_text for a in attributions] == contents
    assert [a.form.value for a in attributions] == forms
