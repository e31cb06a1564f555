"""The predicate kept with each claim: its content's main verb, on sentences of our own."""

import pytest


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The border service said Tajik troops had crossed into Kyrgyz territory.", "cross"),
        ("The ministry said 40 people had been killed in the shelling.", "kill"),
        ("Analysts said the dispute was likely to make both governments harder to move.", "make"),
        ("The army said its units had pulled back from the river.", "pull back"),
        ("Officials said the two sides would discuss the incident at talks in July.", "discuss"),
    ],
)
def test_main_verb_of_the_content(analyse, text, predicate):
    [attribution] = analyse(text).attributions
    assert attribution.predicate == predicate


def test_no_verb_no_predicate(analyse):
    [attribution] = analyse('"A disgrace," the minister said of the vote.').attributions
    assert attribution.predicate is None


def test_a_state_has_no_predicate(analyse):
    [attribution] = analyse("The agency said some 3,000 soldiers were now in Russia.").attributions
    assert attribution.predicate is None


def test_a_copula_is_read_with_its_attribute(analyse):
    [concern] = analyse("NATO said the deployment was a serious concern.").attributions
    [matter] = analyse("The delegate said the ties were a matter for the two states.").attributions
    assert concern.predicate == "be concern"
    assert matter.predicate == "be matter"
