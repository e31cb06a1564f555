"""The shared sample article (read from ../shared; skipped when it is absent): the acceptance
checks of the foundation issue. Nothing in the code knows this article."""

import pytest

pytestmark = pytest.mark.shared


def by_cue(analysis, cue_text):
    return [
        a for a in analysis.attributions if a.cue is not None and a.cue.text.lower() == cue_text
    ]


@pytest.mark.parametrize(
    ("cue", "source", "canonical", "content_start"),
    [
        (
            "according to",
            "South Korea’s spy agency",
            "kr-nis",
            "North Korea has begun sending troops",
        ),
        ("warning of", "Seoul", "kr-government", "a “grave security threat”"),
        (
            "claimed",
            "Ukrainian President, Volodymyr Zelensky",
            "volodymyr-zelensky",
            "he believed 10,000",
        ),
        ("believed", "he", "volodymyr-zelensky", "10,000 North Korean soldiers could join the war"),
        (
            "saying",
            "the South Korean President, Yoon Suk Yeol",
            "yoon-suk-yeol",
            "the international community needed",
        ),
        (
            "further revealed",
            "The spy agency",
            "kr-nis",
            "1,500 troops have already arrived in Russia",
        ),
        (
            "have informed",
            "anonymous sources",
            "anonymous-sources",
            "the final figure could be nearer to 12,000",
        ),
        ("calling", "North Korean leader Kim Jong Un", "kim-jong-un", "him his closest comrade"),
        (
            "added",
            "Yoon’s office",
            "kr-presidential-office",
            "[The participants] decided not to ignore",
        ),
        ("said", "they", "ua-hur", "Russia’s army is forming a unit of North Koreans"),
        ("say", "they", "kr-nis", "hundreds of North Korean troops have gathered"),
        (
            "opined",
            "Some military experts",
            "military-experts",
            "the Russian military units will have difficulties",
        ),
    ],
)
def test_seed_statement_found_with_source_and_cue(
    seed_analysis, cue, source, canonical, content_start
):
    matches = [
        a
        for a in by_cue(seed_analysis, cue)
        if a.source is not None
        and a.source.text == source
        and a.content_text.removeprefix("that ").startswith(content_start)
    ]
    assert len(matches) == 1
    assert matches[0].canonical_source == canonical


def test_seed_spy_agency_mentions_share_one_source(seed_analysis):
    texts = {"South Korea’s spy agency", "The spy agency", "The NIS", "NIS"}
    canonical = {
        a.canonical_source
        for a in seed_analysis.attributions
        if a.source and a.source.text in texts
    }
    assert canonical == {"kr-nis"}
    nis = next(s for s in seed_analysis.sources if s.id == "kr-nis")
    assert {"Seoul’s spy agency", "South Korea’s spy agency"} <= set(nis.aliases)


def test_seed_hedges_and_anonymity(seed_analysis):
    [anonymous] = [a for a in seed_analysis.attributions if a.anonymous and a.channel is not None]
    assert anonymous.channel.text == "South Korean media"
    assert anonymous.certainty.label == "possible"
    assert {h.span.text for h in anonymous.hedges} >= {"could", "nearer to"}
    [zelensky] = by_cue(seed_analysis, "claimed")
    assert zelensky.certainty.label == "possible"


@pytest.mark.parametrize(
    ("value", "qualifier", "unit"),
    [
        (10_000, "exact", "soldiers"),
        (1_500, "exact", "troops"),
        (12_000, "approx", None),
        (13_000, "exact", "shipping containers"),
        (8_000_000, "upper_bound", "shells"),
    ],
)
def test_seed_counts_normalised(seed_analysis, value, qualifier, unit):
    counts = [q for q in seed_analysis.quantities if q.kind.value == "count"]
    match = [q for q in counts if value in (q.value, q.high) and q.qualifier.value == qualifier]
    assert len(match) == 1
    assert match[0].unit == unit
    assert match[0].attribution is not None  # every figure sits inside a claim


def test_seed_calibres_are_measures_not_counts(seed_analysis):
    calibres = [q for q in seed_analysis.quantities if q.value in (122, 152)]
    assert [(q.kind.value, q.unit) for q in calibres] == [("measure", "mm"), ("measure", "mm")]


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Russia", "RU"),
        ("Ukraine", "UA"),
        ("North Korea", "KP"),
        ("South Korea", "KR"),
        ("Poltava Oblast", "UA"),
        ("Ussuriysk", "RU"),
        ("Khabarovsk", "RU"),
        ("Chongjin", "KP"),
    ],
)
def test_seed_places_geocoded(seed_analysis, name, country):
    places = [p for p in seed_analysis.places if p.name == name]
    assert places
    assert all(p.country == country and p.lat is not None and p.lon is not None for p in places)


@pytest.mark.parametrize(
    ("text", "value"),
    [("on Friday", "2024-10-18"), ("since August", "2024-08-01/2024-10-19")],
)
def test_seed_times_resolved_against_publication(seed_analysis, text, value):
    assert any(t.span.text.startswith(text) and t.value == value for t in seed_analysis.times)
