"""Model and rule attributions combine role by role."""

import pytest

from claimgraph.learn.combine import combine

MODEL = [{"source": [[0, 3]], "cue": [[4, 8]], "content": [[9, 20]]}]


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (  # a rule on the same cue: its source and content win
            [{"source": [[0, 5]], "cue": [[4, 8]], "content": [[9, 15]]}],
            {"source": [[0, 5]], "cue": [[4, 8]], "content": [[9, 15]]},
        ),
        (  # the rule has no source: the model's stays
            [{"source": [], "cue": [[5, 8]], "content": [[9, 15]]}],
            {"source": [[0, 3]], "cue": [[4, 8]], "content": [[9, 15]]},
        ),
        (  # the rule's source is somewhere else: the model's stays
            [{"source": [[30, 35]], "cue": [[5, 8]], "content": [[9, 15]]}],
            {"source": [[0, 3]], "cue": [[4, 8]], "content": [[9, 15]]},
        ),
        ([], MODEL[0]),  # no rule fired: the model's attribution as it is
    ],
)
def test_learn_combine_rules_win_source_and_content_on_shared_cue(rules, expected):
    assert combine(MODEL, rules) == [expected]


@pytest.mark.parametrize(("keep", "count"), [(False, 1), (True, 2)])
def test_learn_combine_rule_only_attributions_are_optional(keep, count):
    rules = [{"source": [], "cue": [[30, 40]], "content": [[41, 50]]}]
    combined = combine(MODEL, rules, keep_rule_only=keep)
    assert len(combined) == count
    assert combined[0]["cue"] == [[4, 8]]
