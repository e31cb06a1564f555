"""Quotation finding on raw text: pairs of double or single marks, never an apostrophe."""

import pytest

from claimgraph.nlp.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“We hold the line,” he said.", ["“We hold the line,”"]),
        ('"We hold the line," he said.', ['"We hold the line,"']),
        ("'They took the sheep,' one woman said.", ["'They took the sheep,'"]),
        (
            "‘We didn’t see them,’ he said, ‘but we heard them.’",
            ["‘We didn’t see them,’", "‘but we heard them.’"],
        ),
        ('He said "it\'s over" and left.', ['"it\'s over"']),
        ("Rock 'n' roll in the '90s was loud.", []),
        ("The rebels' commander and the army's chief met.", []),
        (
            "“An unclosed quotation runs to the end of its paragraph\nNext paragraph.",
            ["“An unclosed quotation runs to the end of its paragraph\n"],
        ),
    ],
)
def test_quotes_found(text, quoted):
    assert [text[q.start : q.end] for q in find_quotes(text)] == quoted


def test_quotes_paragraph_breaks_end_sentences(analyse):
    text = 'The toll was "exaggerated."\n\nOfficials condemned the killings, a spokesman said.'
    [said] = [a for a in analyse(text).attributions if a.cue.text == "said"]
    assert said.content_text == "Officials condemned the killings"
