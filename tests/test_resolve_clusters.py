"""What merges claims and what keeps them apart, with the reasons shown to users."""

from dataclasses import replace

import numpy as np
import pytest

from claimgraph.resolve import embed
from claimgraph.resolve.clusters import Features, compare, text_similarity


def features(
    figures=(),
    polarity="assert",
    countries=("RU",),
    entities=(),
    source=None,
    words=8,
    agent=None,
):
    figures = tuple((v, m, t) for v, m, t in ((*f, "troops")[:3] for f in figures))
    return Features(
        polarity,
        figures,
        tuple(countries),
        tuple(entities),
        source,
        words=words,
        agent=agent,
        lead=figures[0] if figures else None,
    )


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (features([(1500.0, "arrived")]), features([(12000.0, "projected")]), "numbers"),
        (features(polarity="deny"), features(), "polarity"),
        (features(polarity="unconfirmed"), features(), "polarity"),
        (features([(10000.0, "arrived")]), features([(10000.0, "projected")]), "modality"),
        # A figure on one side only: "1,500 troops arrived" is not "troops arrived".
        (features([(1500.0, "arrived")]), features(), "numbers"),
        # Killed and wounded are two counts even with the same number.
        (
            features([(100.0, "cumulative", "troops:killed")]),
            features([(100.0, "cumulative", "troops:wounded")]),
            "counts",
        ),
        (features(agent="KP"), features(agent="RU"), "actor"),
        (features(countries=("UA",)), features(countries=("SY",)), "places"),
        (features(words=1, source="a"), features(words=1, source="b"), "too few words"),
    ],
)
def test_resolve_conflicts_veto_a_merge(a, b, conflict):
    match = compare(a, b, similarity=0.99, threshold=0.45)
    assert match.vetoed
    assert not match.merged
    assert any(reason.startswith(conflict) for reason in match.conflicting)


def test_a_count_stated_in_passing_by_the_other_claim_is_no_veto():
    """ "it detained 31 fishermen" and "the 31 fishermen detained would be brought before the
    prosecutor": the second states the count as a recall, not as no count. Another number, or
    the same number of other people ("the two Colombian drivers" / "two Spanish citizens"),
    still keeps them apart."""
    counted = features([(31.0, "current", "fishermen:detained")])
    recalled = replace(features(), values=((31.0, "fishermen"),))
    assert not compare(counted, recalled, similarity=0.9, threshold=0.45).vetoed
    assert not compare(recalled, counted, similarity=0.9, threshold=0.45).vetoed
    bare = replace(features(), values=((31.0, ""),))  # "31 were held": 31 of nothing named
    assert not compare(counted, bare, similarity=0.9, threshold=0.45).vetoed
    other_number = replace(features(), values=((12.0, "fishermen"),))
    assert compare(counted, other_number, similarity=0.9, threshold=0.45).vetoed
    other_people = replace(features(), values=((31.0, "drivers"),))
    assert compare(counted, other_people, similarity=0.9, threshold=0.45).vetoed


def test_one_bodys_short_denials_in_two_reports_are_one_denial():
    """ "rejected the accusation as baseless" / "denied an accusation", both Russia's: two
    writers' words for one denial. Short assertions still need nearly the same words, and
    another body's short denial is another denial."""
    denial = features(polarity="deny", source="ru-government", words=2)
    assert not compare(denial, denial, similarity=0.8, threshold=0.45).vetoed
    other = features(polarity="deny", source="cn-government", words=2)
    assert compare(denial, other, similarity=0.8, threshold=0.45).vetoed
    claim = features(source="ru-government", words=2)
    assert compare(claim, claim, similarity=0.8, threshold=0.45).vetoed


def test_a_headlines_two_words_join_no_other_sources_claim():
    """ "Athens says shots fired" (a headline) and Ankara's "only warning shots were fired":
    two words with a verb say too little to be one claim of two sources."""
    clipped = replace(features(source="gr-government", words=2), headline=True, predicate="fire")
    told = replace(features(source="tr-government", words=5), predicate="fire")
    match = compare(clipped, told, similarity=0.8, threshold=0.45)
    assert match.vetoed
    assert any(reason.startswith("too few words") for reason in match.conflicting)
    # the same words in a report's body may still join
    body = replace(clipped, headline=False)
    assert not compare(body, told, similarity=0.8, threshold=0.45).vetoed


def test_a_claim_of_responsibility_never_joins_an_account_of_the_deed():
    """ "claimed responsibility for Monday's cyberattack on the station" says who did it; the
    operator's "a cyberattack halted the station" does not."""
    claim = Features.of(
        _facts("responsibility on Tuesday for Monday's cyberattack on the station", "claimed"),
        "polar-star",
    )
    account = Features.of(_facts("a cyberattack halted the station on Monday", "said"), "operator")
    again = Features.of(_facts("responsibility for the cyberattack on the station", "claimed"), "x")
    assert claim.claims_deed
    assert not account.claims_deed
    match = compare(claim, account, similarity=0.9, threshold=0.36)
    assert "a claim of responsibility vs an account of the deed" in match.conflicting
    assert not compare(claim, again, similarity=0.9, threshold=0.36).vetoed
    assert Features.from_json(claim.to_json()) == claim


def _facts(content: str, cue: str):
    from claimgraph.resolve.facts import ClaimFacts

    return ClaimFacts(
        attribution_id="a",
        document_id="d",
        outlet=None,
        outlet_id=None,
        published=None,
        raw_source=None,
        source_id=None,
        source_text=None,
        anonymous=False,
        cue=cue,
        form="indirect",
        certainty="certain",
        hedges=(),
        channel=None,
        channel_id=None,
        parent=None,
        content_text=content,
        match_text=content,
        polarity="assert",
        kind="claim",
    )


def test_a_count_of_none_and_a_denial_without_a_number_can_be_one_claim():
    """ "No civilian has been abducted" counts none; "denied reports that residents had been
    abducted" names no number: both deny one thing. A count of none against a plain assertion
    without a number still keeps them apart."""
    none = features([(0.0, "cumulative", "people:abducted")], polarity="deny")
    denial = features(polarity="deny")
    assert compare(none, denial, 0.9, threshold=0.45).merged
    assert compare(none, features(), 0.9, threshold=0.45).vetoed


def test_resolve_arrived_and_current_are_one_modality():
    """ "have arrived" and "are now in" both say the troops are there."""
    match = compare(
        features([(3000.0, "arrived")]), features([(3000.0, "current")]), 0.9, threshold=0.45
    )
    assert match.merged


def test_resolve_a_toll_risen_to_a_figure_is_the_toll_now():
    """ "The toll has risen to 13" (cumulative) and "13 people have now died" (current) are one
    count; for troops sent, a running total is not the number there now."""
    risen = features([(13.0, "cumulative", "people:killed")])
    now = features([(13.0, "current", "people:killed")])
    assert compare(risen, now, 0.9, threshold=0.45).merged
    sent = compare(
        features([(3000.0, "cumulative", "troops")]),
        features([(3000.0, "current", "troops")]),
        0.9,
        threshold=0.45,
    )
    assert sent.vetoed


def test_resolve_later_figures_of_a_claim_may_differ():
    """The lead figure decides: "1,500 arrived and could grow to 12,000" states the 1,500 claim."""
    a = features([(1500.0, "arrived"), (12000.0, "projected")])
    b = features([(1500.0, "arrived")])
    assert compare(a, b, similarity=0.9, threshold=0.45).merged


def test_resolve_a_cluster_keeps_every_members_figures():
    founder = features(countries=("RU",))
    joined = founder.joined(features([(8000.0, "current")], countries=("RU", "KP")))
    assert joined.lead is None  # the founder's lead: a figureless claim stays figureless
    assert (8000.0, "current", "troops") in joined.figures
    assert set(joined.countries) == {"RU", "KP"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            features([(1500.0, "arrived")], source="kr-nis"),
            features([(1500.0, "unknown")], source="kr-nis"),
        )
    ],
)
def test_resolve_agreement_raises_the_score(a, b):
    match = compare(a, b, similarity=0.4, threshold=0.45)
    assert match.merged
    assert match.score > match.similarity
    assert {"numbers 1,500", "places RU", "source kr-nis"} <= set(match.agreeing)


@pytest.mark.parametrize("threshold", [0.3, 0.9])
def test_resolve_threshold_is_applied(threshold):
    match = compare(features(), features(), similarity=0.5, threshold=threshold)
    assert match.merged == (match.score >= threshold)


def test_resolve_similarity_discounts_what_the_whole_story_shares():
    """Two claims that share only the story's common direction are not alike once it is gone."""
    rng = np.random.default_rng(7)
    story = rng.normal(size=embed.DIMENSIONS)
    a = embed.unit(story + 0.3 * rng.normal(size=embed.DIMENSIONS))
    b = embed.unit(story + 0.3 * rng.normal(size=embed.DIMENSIONS))
    raw = float(a @ b)
    mean = embed.unit(story) * 0.95
    centred = text_similarity(a, {}, b, {}, 1, 1.0, mean)
    assert raw > 0.8
    assert centred < raw - 0.3


@pytest.mark.parametrize(
    ("denial", "claim", "applies"),
    [
        # the denial names a country the claim does not: not its proposition ...
        (features(polarity="deny", countries=("KG", "TJ")), features(countries=("TJ",)), False),
        # ... unless both give the same count of the same event
        (
            features([(100.0, "cumulative", "people:killed")], "deny", ("KG", "TJ")),
            features([(100.0, "cumulative", "people:killed")], countries=("TJ",)),
            True,
        ),
        (
            features([(100.0, "cumulative", "people:killed")], "deny", ("KG",)),
            features([(100.0, "cumulative", "people:killed")], countries=("TJ",)),
            False,
        ),
        (features(polarity="deny"), features(polarity="unconfirmed"), False),
    ],
)
def test_denial_applies_to_its_proposition(denial, claim, applies):
    from claimgraph.resolve.contradictions import denial_applies

    assert denial_applies(denial, claim, 0.8, 0.55) is applies


def test_another_main_verb_lowers_the_score_without_a_veto():
    """ "Tajik troops crossed ..." / "Tajik forces attacked ...": shared words, other actions."""
    from dataclasses import replace

    crossed = replace(features(), predicate="cross")
    same = compare(crossed, replace(features(), predicate="cross"), similarity=0.6, threshold=0.55)
    other = compare(
        crossed, replace(features(), predicate="attack"), similarity=0.6, threshold=0.55
    )
    unknown = compare(crossed, features(), similarity=0.6, threshold=0.55)
    assert same.merged
    assert "predicate cross" in same.agreeing
    assert other.score < same.score
    assert not other.vetoed
    assert not other.merged
    assert unknown.score == same.score


def test_only_the_same_action_corroborates():
    """A member with another main verb may sit in a cluster on shared words; it is no support."""
    from claimgraph.resolve.clusters import other_action

    assert not other_action("detain", "detain")
    assert not other_action(None, "detain")  # no verb found: judged on the rest
    assert other_action("release", "detain")


def test_a_denial_naming_no_country_needs_a_shared_name():
    """The same verb alone does not make a denial with no country deny a claim: two stories in
    one corpus share verbs ("carried out the attack")."""
    from dataclasses import replace

    from claimgraph.resolve.contradictions import denial_applies

    denial = replace(
        features(polarity="deny", countries=()), predicate="carry out", story=("Mogadishu",)
    )
    claim = replace(features(countries=("LT",)), predicate="carry out", story=("Vilnius",))
    assert not denial_applies(denial, claim, similarity=0.8, threshold=0.55)
    named = replace(denial, entities=("nightfall",))
    assert denial_applies(named, replace(claim, entities=("nightfall",)), 0.8, 0.55)
    # a report that names no place at all cannot be told apart from the story by its places
    assert denial_applies(denial, replace(claim, story=()), 0.8, 0.55)


@pytest.mark.parametrize(
    ("a", "b", "merged"),
    [
        ("crew", "people", True),  # "22 crew" / "22 people on board"
        ("fishermen:missing", "men:missing", True),
        ("seafarers", "people", True),
        ("civilians:killed", "people:killed", True),  # "11 civilians" / "11 people" killed
        ("hostages:rescued", "captives:rescued", True),
        ("compatriots:released", "fishermen:released", True),  # "five of our compatriots"
        ("inmates:escaped", "prisoners:escaped", True),
        ("inmates:escaped", "inmates:killed", False),
        ("troops", "people", False),  # soldiers are not "people" counted by a rescue service
        ("crew:missing", "crew:rescued", False),
    ],
)
def test_words_for_the_same_people_count_one_thing(a, b, merged):
    match = compare(features([(22.0, "unknown", a)]), features([(22.0, "unknown", b)]), 0.99, 0.45)
    assert match.merged is merged, match.conflicting


def test_a_rival_account_never_joins_the_one_it_sets_itself_against():
    rival = Features("assert", (), ("NG",), (), None, rival=True)
    match = compare(rival, features(countries=("NG",)), similarity=0.95, threshold=0.36)
    assert match.vetoed
    assert any(reason.startswith("rival account") for reason in match.conflicting)
    assert compare(rival, rival, similarity=0.95, threshold=0.36).merged


def test_a_correction_is_a_rival_account():
    from claimgraph.resolve.clusters import RIVAL

    assert RIVAL.search("The terminal has been without its main systems for four days, not two")
    assert RIVAL.search("212 ambulances had been diverted, not about 140")
    assert not RIVAL.search("the army said it had not entered the village")


def test_one_count_of_one_event_in_other_words_is_one_claim():
    """ "4,200 people had fled" / "4,200 people had been displaced": with the same lead count of
    the same event, another verb is another wording, not another action."""
    from dataclasses import replace

    fled = replace(features([(4200.0, "cumulative", "people:displaced")]), predicate="flee")
    displaced = replace(fled, predicate="displace")
    match = compare(fled, displaced, similarity=0.3, threshold=0.36)
    assert match.merged, match
    assert "lead figure 4,200 people:displaced" in match.agreeing
    # without a shared count, other verbs still lower the score
    plain = compare(
        replace(features(), predicate="flee"), replace(features(), predicate="displace"), 0.3, 0.36
    )
    assert not plain.merged


def test_a_correction_with_the_same_count_joins_the_plain_report_of_it():
    """ "four soldiers were killed, not two" says what "four soldiers died" says; against
    "two soldiers died" the counts still differ."""
    from dataclasses import replace

    four = features([(4.0, "cumulative", "troops:killed")])
    corrected = replace(four, rival=True)
    assert compare(corrected, four, similarity=0.4, threshold=0.36).merged
    two = features([(2.0, "cumulative", "troops:killed")])
    assert compare(corrected, two, similarity=0.9, threshold=0.36).vetoed


def test_a_correction_in_other_words_for_the_same_people_joins_the_plain_report():
    """ "seven men had been on board, not nine" says what "seven fishermen had been on board"
    says: men and fishermen are one crew's words."""
    from dataclasses import replace

    fishermen = features([(7.0, "cumulative", "fishermen:aboard")], countries=("HN",))
    men = replace(features([(7.0, "cumulative", "men:aboard")], countries=("HN",)), rival=True)
    assert compare(men, fishermen, similarity=0.6, threshold=0.36).merged
    nine = features([(9.0, "cumulative", "fishermen:aboard")], countries=("HN",))
    assert compare(men, nine, similarity=0.9, threshold=0.36).vetoed


def test_one_count_with_its_event_left_unsaid_may_join_the_count_that_says_it():
    """ "four soldiers" (the tagger found no event) and "four soldiers were killed" may be one
    claim when the words agree closely; another count of them, or another event, never."""
    from claimgraph.resolve.clusters import EVENT_UNSAID_PENALTY

    bare = features([(4.0, "unknown", "troops")])
    killed = features([(4.0, "cumulative", "troops:killed")])
    close = compare(bare, killed, similarity=0.6, threshold=0.36)
    assert close.merged, close
    assert close.score == pytest.approx(0.6 - EVENT_UNSAID_PENALTY)
    assert not compare(bare, killed, similarity=0.4, threshold=0.36).merged
    assert compare(features([(6.0, "unknown", "troops")]), killed, 0.9, 0.36).vetoed
    wounded = features([(4.0, "cumulative", "troops:wounded")])
    assert compare(wounded, killed, similarity=0.9, threshold=0.36).vetoed


def test_a_range_is_a_figure_that_merges_with_the_same_range():
    """ "between 30 and 45 people were killed" twice is one claim; a plain 30 is another."""
    from claimgraph.resolve.clusters import _figures_of
    from claimgraph.resolve.topics import Figure

    def fact(value, low, high):
        figure = Figure("x", value, low, high, "between", None, "people", "killed", None, None,
                        "cumulative", 0, 1)  # fmt: skip
        return type("Fact", (), {"figures": (figure,)})()

    ranged = _figures_of(fact(None, 30.0, 45.0))
    assert ranged == ((37.5, "cumulative", "people:killed"),)
    assert ranged != _figures_of(fact(30.0, None, None))
    assert _figures_of(fact(None, 30.0, None)) == ()  # half a range says no count


def test_two_doers_named_in_the_passive_keep_two_claims():
    """ "fired by the Arakan Army" / "fired by the Myanmar armed forces": one deed, two accused."""
    group = features(agent="arakan army", countries=("MM",))
    army = features(agent="MM", countries=("MM",))
    match = compare(group, army, similarity=0.9, threshold=0.36)
    assert match.vetoed
    assert "actor arakan army vs MM" in match.conflicting


def test_a_verbless_name_is_too_little_to_merge_on():
    """ "the Myanmar army" (what "blamed" names) states nothing another claim could share."""
    from dataclasses import replace

    named = replace(features(words=2, source="a"), predicate=None)
    stated = replace(features(words=8, source="b"), predicate="cross")
    match = compare(named, stated, similarity=0.8, threshold=0.36)
    assert "too few words to compare" in match.conflicting
    # with a verb, two content words still state something
    assert compare(replace(named, predicate="fire"), stated, 0.8, 0.36).merged


def test_an_accusation_denied_needs_one_country_in_common_not_all():
    """The accuser's country in "accusations by Yemen's government that Iran ..." is not what
    the accusation is about."""
    from dataclasses import replace

    from claimgraph.resolve.contradictions import denial_applies

    denial = replace(features(polarity="deny", countries=("IR", "YE")), accusation=True)
    claim = features(countries=("IR",))
    assert denial_applies(denial, claim, similarity=0.8, threshold=0.55)
    assert not denial_applies(replace(denial, accusation=False), claim, 0.8, 0.55)
    assert not denial_applies(denial, features(countries=("SA",)), 0.8, 0.55)


def test_a_denial_naming_no_country_may_be_tied_to_a_claim_by_its_story():
    """ "No ransom had been paid" names no country and no one, but a report naming Gedo denies
    what another report from Gedo claims; a report from elsewhere is another story, and two
    words ("the border") are too few to link by meaning."""
    from dataclasses import replace

    from claimgraph.resolve.contradictions import denial_applies

    denial = replace(features(polarity="deny", countries=(), words=4), story=("Gedo", "Garbahare"))
    claim = replace(features(countries=()), story=("Gedo",))
    assert denial_applies(denial, claim, similarity=0.8, threshold=0.55)
    assert not denial_applies(denial, replace(claim, story=("Riga",)), 0.8, 0.55)
    assert not denial_applies(replace(denial, words=2), claim, 0.8, 0.55)


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("the army's account", "the army"),
        ("Kestrel's estimate from outside the network", "Kestrel"),
        ("the accusations of the Guyanese government", "Guyanese government"),
        ("a report by Horn Monitor", "Horn Monitor"),
        ("the Fano casualty figures", "Fano"),
        ("reports of Russian involvement in the cable damage", None),  # what, not whose
        ("the Azerbaijani figure of 12 dead", None),
        ("the report", None),
        (
            "the account given by the Port Authority of Kavala of the grounding",
            "Port Authority of Kavala",
        ),
        # "dismissed as groundless X's claim": the judgement is not part of the author's name
        ("as groundless Azerbaijan's claim that the ship was in its sector", "Azerbaijan"),
        ("as baseless and provocative the army's account of the raid", "the army"),
        ("as many as 300 troops", None),
    ],
)
def test_a_pointing_denial_names_whose_claim_it_rejects(text, author):
    from claimgraph.resolve.authors import pointed_author

    assert pointed_author(text) == author


def test_claims_from_reports_of_two_stories_never_merge():
    """Nine killed at a dam in one country is not nine killed in a raid in another, however
    alike the words; reports of one story sharing a town merge as before."""
    from dataclasses import replace

    toll = features([(9.0, "cumulative", "people:killed")], countries=())
    dam = replace(toll, scenes=("NE",), story=("Ayorou", "Tillaberi"))
    raid = replace(toll, scenes=("MZ",), story=("Cabo Delgado", "Namuno"))
    match = compare(dam, raid, similarity=0.95, threshold=0.36)
    assert match.vetoed
    assert any(reason.startswith("stories") for reason in match.conflicting)
    # one story, told from another capital's angle: a shared town keeps it one story
    other_angle = replace(raid, scenes=("PT",), story=("Lisbon", "Namuno"))
    assert compare(raid, other_angle, similarity=0.95, threshold=0.36).merged
    # a report that names no town or region cannot tell its story apart
    assert compare(dam, replace(raid, story=()), similarity=0.95, threshold=0.36).merged
    # the cluster keeps every member's scene
    assert raid.joined(other_angle).scenes == ("MZ", "PT")


@pytest.mark.parametrize(
    ("content", "cue", "predicate", "label"),
    [
        ("Russian military intelligence", "blamed", None, "blamed Russian military intelligence"),
        ("any involvement", "denies", None, "denies any involvement"),
        ("SEOUL — North Korea has moved troops", "said", "move", "North Korea has moved troops"),
        ("that 1,500 troops had arrived", "said", "arrive", "1,500 troops had arrived"),
        ("the identity of the speaker", ":", None, "the identity of the speaker"),
        # a clause read without a predicate is still a clause: no cue before it
        (
            'The drones were "of Iranian manufacture"',
            "said",
            None,
            'The drones were "of Iranian manufacture"',
        ),
        # who did it, however long: "the attack on the MPNO" alone reads as if it were attacked
        (
            "the attack on the North-West Patriotic Movement (MPNO)",
            "blamed",
            None,
            "blamed the attack on the North-West Patriotic Movement (MPNO)",
        ),
        (
            "responsibility on Sunday for Friday's cyberattack on the container terminal",
            "claimed",
            None,
            "claimed responsibility on Sunday for Friday's cyberattack on the container terminal",
        ),
    ],
)
def test_a_claim_label_reads_as_a_headline(content, cue, predicate, label):
    """ "Russian military intelligence" alone says nothing on the overview: a short content with
    no verb keeps its cue; a dateline and a complementiser go."""
    from claimgraph.resolve.engine import _readable

    assert _readable(content, cue, predicate) == label


@pytest.mark.parametrize(
    ("denial", "claim", "apart"),
    [
        # "denied killing civilians" is not about the soldiers a group says it killed
        ("denied killing civilians", "the group said it killed 17 soldiers", True),
        ("no resident was abducted", "19 villagers were taken away", False),
        # "people" names anyone: no kind to tell apart
        ("nobody was hurt", "two soldiers were wounded", False),
        ("people were not harmed", "two soldiers were wounded", False),
        ("the fighters never crossed", "an army spokesman said the rebels crossed", False),
    ],
)
def test_a_denial_about_other_people_is_set_apart(denial, claim, apart):
    from claimgraph.resolve import lexical
    from claimgraph.resolve.contradictions import other_people, people_named
    from claimgraph.resolve.lexicons import load_resolve_lexicon

    lexicon = load_resolve_lexicon()
    whom = people_named(lexical.words(denial), lexicon)
    theirs = people_named(lexical.words(claim), lexicon)
    assert other_people(whom, theirs) is apart


def test_one_body_giving_its_figure_again_is_likelier_one_claim():
    """ "about 480,000 records were copied" and "copied 480,000 records", both the forensic
    firm's: its own restatement scores higher than the same figure from another body."""
    figure = [(480000.0, "cumulative", "records:stolen")]
    own = compare(features(figure, source="kestrel"), features(figure, source="kestrel"), 0.2, 0.36)
    other = compare(
        features(figure, source="kestrel"), features(figure, source="operator"), 0.2, 0.36
    )
    assert own.score > other.score
    assert own.merged
    assert not other.merged
    # another figure from the same body is still another claim
    apart = compare(
        features(figure, source="kestrel"),
        features([(1.9e6, "cumulative", "records:stolen")], source="kestrel"),
        0.3,
        0.36,
    )
    assert apart.vetoed


def test_two_bare_distances_are_two_claims():
    """ "Uganda says 4 km west; the tracker puts it about 1.2 km east": distances given with no
    position words are still figures that must agree before two claims merge."""
    import dataclasses

    from claimgraph.resolve.topics import Figure

    def at(km: float, text: str):
        figure = Figure(
            f"{km} km", km, km, km, "exact", "km", None, None, None, None, "unknown", 0, 4
        )
        facts = dataclasses.replace(_facts(text, "says"), figures=(figure,))
        return Features.of(facts, None)

    west, east, again = at(4.0, "4 km west"), at(1.2, "it about 1.2 km east"), at(4.0, "4 km")
    assert compare(west, east, similarity=0.9, threshold=0.36).vetoed
    assert not compare(west, again, similarity=0.9, threshold=0.36).vetoed
