"""How sure a claim sounds: which hedges grade it, on sentences of our own."""

import pytest


@pytest.mark.parametrize(
    ("text", "certainty", "hedge"),
    [
        (
            "The agency believes 1,500 soldiers are already in Russia, the first wave of a force "
            "that could grow to 12,000.",
            "probable",
            "could",
        ),
        ("The agency said the troops could be deployed soon.", "possible", "could"),
    ],
)
def test_a_hedge_in_a_side_clause_is_listed_but_does_not_grade_the_claim(
    analyse, text, certainty, hedge
):
    [attribution] = analyse(text).attributions
    assert attribution.certainty.label == certainty
    assert hedge in [h.span.text for h in attribution.hedges]


def test_a_hedged_second_clause_is_a_claim_of_its_own_and_hedges_only_itself(analyse):
    """ "said that X and that the number could reach Y": the projection is its own claim."""
    text = (
        "The agency said that 3,000 soldiers were now in Russia and that the number could "
        "reach 10,000."
    )
    fact, projection = analyse(text).attributions
    assert fact.certainty.label == "certain"
    assert not fact.hedges
    assert projection.certainty.label != "certain"
    assert "could" in [h.span.text for h in projection.hedges]
