"""Who a claim really comes from, on sentences of our own: an unnamed person is an anonymous
source however the report refers back to them, a spokesperson counts with the body they speak
for, one body named several ways counts once, and a headline restating its report adds no
independent source."""

import pytest

from claimgraph.nlp.source_table import load_source_table
from claimgraph.resolve import read
from claimgraph.resolve.identity import SourceInfo, build_identity
from resolve_fixtures import figure_row as _row
from resolve_fixtures import reports_store


def _sources(analysis):
    return [
        (a.source.text if a.source else None, a.canonical_source) for a in analysis.attributions
    ]


def test_an_unnamed_person_is_one_anonymous_source_however_named_again(analyse):
    analysis = analyse(
        "Generators at the Kassala water plant had failed weeks before the outage, a technician "
        "at the plant told the Eastern Star. The technician, who asked not to be named, said "
        "crews had tried to restart the pumps by hand.\n\nAccording to the newspaper, the "
        "technician said the crews had worked through the night."
    )
    by_text = {a.source.text: a for a in analysis.attributions if a.source}
    told = [a for t, a in by_text.items() if "technician" in t.lower()]
    assert len(told) == 3, _sources(analysis)
    assert all(a.anonymous for a in told)
    assert len({a.canonical_source for a in told}) == 1


def test_a_person_introduced_without_a_name_stays_anonymous(analyse):
    analysis = analyse(
        "The fire spread because the pumps were broken, the Herald reported, citing an engineer "
        "who works at the site. The engineer said workers fought the blaze with sand."
    )
    engineer = next(a for a in analysis.attributions if a.source and "engineer" in a.source.text)
    assert engineer.anonymous


@pytest.mark.parametrize(
    "text",
    [
        "The bank said its branch in Juba would reopen on Monday.",
        "A hospital in Atbara said 40 people had been treated.",
    ],
)
def test_bodies_are_not_unnamed_people(analyse, text):
    [claim] = analyse(text).attributions
    assert not claim.anonymous


def test_the_company_is_the_organisation_named_before_it_not_the_outlet_or_the_port(analyse):
    analysis = analyse(
        "VILNIUS — Hackers crippled Northwind Freight Lines' booking systems at the port of "
        "Klaipeda, an official told the Baltic Ledger.\n\nThe company said on Wednesday that "
        "about 80 of its servers had been encrypted."
    )
    company = next(a for a in analysis.attributions if a.source and a.source.text == "The company")
    assert company.canonical_source == "northwind-freight-lines"


def test_a_name_a_group_gives_itself_is_no_claim(analyse):
    analysis = analyse(
        "The official said the ransom note was signed by a group calling itself Nightfall."
    )
    assert [
        a.content_text for a in analysis.attributions if a.content_text.startswith("itself")
    ] == []
    assert len(analysis.attributions) == 1, _sources(analysis)


def test_a_message_is_not_a_speaker(analyse):
    analysis = analyse(
        "One of them sent a voice message saying soldiers were going through the cameras."
    )
    assert all(
        a.canonical_source is None or "message" not in a.canonical_source
        for a in analysis.attributions
    ), _sources(analysis)


def test_plain_people_counted_with_no_event_are_set_against_nothing():
    """ "Two people are questioned" and "17 people were treated" count different people; crew
    aboard or guards held are counted by what the count says about them."""
    from claimgraph.resolve.contradictions import figure_conflicts

    people = [
        {**_row("c1", 2.0, "unknown", "police", "two"), "topic": "people|||ME"},
        {**_row("c2", 17.0, "unknown", "hospital", "17"), "topic": "people|||ME"},
    ]
    assert figure_conflicts(people, 5.0, 0.1, "people") == []
    aboard = [{**row, "topic": "people|aboard||YE"} for row in people]
    assert len(figure_conflicts(aboard, 5.0, 0.1, "people aboard")) == 1


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "Brigadier Omar Dafallah Saeed, a spokesman for the Sudanese Armed Forces, said the "
            "fighters had launched six drones at the power station.",
            "omar-dafallah-saeed",
            "saf",
        ),
        (
            "Free Lens director Marcela Urrego said on Friday that six people had been detained.",
            "marcela-urrego",
            "free-lens",
        ),
    ],
)
def test_a_spokesperson_belongs_to_the_body_they_speak_for(analyse, text, person, body):
    analysis = analyse(text)
    [claim] = analysis.attributions
    assert claim.canonical_source == person
    [source] = [s for s in analysis.sources if s.id == person]
    assert source.parent == body


def test_a_place_where_a_spokesman_speaks_is_not_his_body(analyse):
    analysis = analyse(
        "Jules Mavinga, an army spokesman in Ituri, said troops had killed 12 militiamen."
    )
    [source] = [s for s in analysis.sources if s.type == "person"]
    assert source.parent != "ituri"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (
            "The ship's manager, Thalassa Crest Shipmanagement, said 17 of the crew were Filipino.",
            "thalassa-crest-shipmanagement",
        ),
        (
            "The member of the state assembly for Mubi North, Hauwa Bulus Zira, said that more "
            "than 260 inmates escaped.",
            "hauwa-bulus-zira",
        ),
    ],
)
def test_a_description_followed_by_a_name_is_the_named_speaker(analyse, text, canonical):
    [claim] = analyse(text).attributions
    assert claim.canonical_source == canonical


def _identity(*sources):
    return build_identity(load_source_table(), list(sources), [])


def test_a_person_named_without_a_second_surname_is_that_person():
    identity = _identity(
        SourceInfo("edwin-huamani-rojas", "Edwin Huamaní Rojas", "person"),
        SourceInfo("edwin-huamani", "Edwin Huamaní", "person"),
        SourceInfo("kim-jong-un", "Kim Jong Un", "person"),
        SourceInfo("kim-jong-il", "Kim Jong Il", "person"),
        SourceInfo("kim-jong", "Kim Jong", "person"),
    )
    assert identity.canonical("edwin-huamani") == "edwin-huamani-rojas"
    assert identity.canonical("kim-jong") == "kim-jong"  # two people open so: neither


def test_one_body_named_several_ways_counts_once():
    identity = _identity(
        SourceInfo("amber-quay", "Amber Quay", "organisation"),
        SourceInfo("amber-quay-terminals", "Amber Quay Terminals", "organisation"),
        SourceInfo(
            "mouvement-populaire-de-liberation-de-l-ituri",
            "Mouvement Populaire de Libération de l'Ituri",
            "organisation",
        ),
        SourceInfo("mpli", "MPLI", "organisation"),
        SourceInfo("un-humanitarian-office", "UN humanitarian office", "organisation"),
    )

    def key(source_id):
        return identity.independence(identity.canonical(source_id), None)

    assert key("amber-quay") == key("amber-quay-terminals")
    assert identity.canonical("mpli") == "mouvement-populaire-de-liberation-de-l-ituri"
    assert key("un-humanitarian-office") == key("un")


def test_an_acronym_a_report_gave_a_body_names_it_in_every_report():
    """ "the North-West Patriotic Movement, the MPNO" in one report: "the MPNO" and "the MPNO
    armed group" of the others are that movement, though its initials spell NWPM."""
    identity = _identity(
        SourceInfo(
            "north-west-patriotic-movement",
            "North-West Patriotic Movement",
            "organisation",
            aliases=("MPNO",),
        ),
        SourceInfo("mpno", "MPNO", "organisation", aliases=("MPNO",)),
        SourceInfo("mpno-armed-group", "MPNO armed group", "organisation"),
        SourceInfo("nwpm", "NWPM", "organisation"),
    )
    assert identity.canonical("mpno") == "north-west-patriotic-movement"
    assert identity.canonical("mpno-armed-group") == "north-west-patriotic-movement"


def test_one_office_of_one_government_is_one_body_however_worded():
    """A regional government's ministry, named by its letterhead, in full, by the region and by
    its initials, is one body; the national ministry of the same portfolio is another."""
    identity = _identity(
        SourceInfo(
            "ministry-of-health-of-the-kurdistan-regional-government",
            "Ministry of Health of the Kurdistan Regional Government",
            "organisation",
        ),
        SourceInfo(
            "kurdistan-regional-government-health-ministry",
            "Kurdistan Regional Government's health ministry",
            "organisation",
        ),
        SourceInfo(
            "iq-health-ministry", "Kurdistan Region's health ministry", "organisation", "IQ"
        ),
        SourceInfo("krg-health-ministry", "KRG health ministry", "organisation"),
        SourceInfo("iraq-health-ministry", "Iraq's health ministry", "organisation"),
        SourceInfo("ua-defence-ministry", "Ukraine's defence ministry", "organisation", "UA"),
        SourceInfo("ru-defence-ministry", "Russian defence ministry", "organisation", "RU"),
    )
    one = {
        identity.canonical(source_id)
        for source_id in (
            "ministry-of-health-of-the-kurdistan-regional-government",
            "kurdistan-regional-government-health-ministry",
            "iq-health-ministry",
            "krg-health-ministry",
        )
    }
    assert one == {"iq-health-ministry"}
    assert identity.canonical("iraq-health-ministry") == "iraq-health-ministry"
    assert identity.canonical("ua-defence-ministry") != identity.canonical("ru-defence-ministry")


def test_a_name_taken_for_a_body_but_called_by_an_office_is_a_person():
    """ "Abakar Mahamat Goni, the mayor of Fotokol", read as an organisation, is the mayor the
    other reports name by office or by surname; a body with a spokesman's title is no person."""
    identity = _identity(
        SourceInfo(
            "abakar-mahamat-goni",
            "Abakar Mahamat Goni",
            "organisation",
            roles=("The mayor of Fotokol",),
        ),
        SourceInfo("fotokol-mayor", "Fotokol mayor", "person"),
        SourceInfo("goni", "Goni", "person"),
        SourceInfo(
            "kestrel-shipping-group", "Kestrel Shipping Group", "organisation", roles=("spokesman",)
        ),
    )
    assert identity.canonical("fotokol-mayor") == "abakar-mahamat-goni"
    assert identity.canonical("goni") == "abakar-mahamat-goni"
    assert identity.info("kestrel-shipping-group").type == "organisation"


def test_a_name_taken_for_a_person_but_described_as_a_body_is_a_body():
    """ "The country's largest operator, Dardanet", read as a person's name, is an identified
    company, not a bare name that may be anyone."""
    identity = _identity(
        SourceInfo("dardanet", "Dardanet", "person", roles=("country largest operator",)),
        SourceInfo("goni", "Goni", "person"),
    )
    assert identity.info("dardanet").type == "organisation"
    assert identity.is_identified("dardanet")
    assert not identity.is_identified("goni")  # a surname alone, nobody's: may be anyone


def test_a_one_word_name_is_the_one_longer_name_it_opens():
    identity = _identity(
        SourceInfo("hanbit", "Hanbit", "organisation"),
        SourceInfo("hanbit-security-lab", "Hanbit Security Lab", "organisation"),
        SourceInfo("kestrel", "Kestrel", "organisation"),
        SourceInfo("kestrel-forensics", "Kestrel Forensics", "organisation"),
        SourceInfo("kestrel-shipping-group", "Kestrel Shipping Group", "organisation"),
        SourceInfo("russia-today", "Russia Today", "organisation"),
        SourceInfo("russia", "Russia", "organisation"),
    )
    assert identity.canonical("hanbit") == "hanbit-security-lab"
    assert identity.canonical("kestrel") == "kestrel"  # two longer names: which one?
    assert identity.canonical("russia") != "russia-today"  # a country is no short name


def test_a_citys_government_is_one_body_however_named():
    identity = _identity(
        SourceInfo("city-of-gangneung", "city of Gangneung", "organisation", country="KR"),
        SourceInfo("gangneung-city-hall", "Gangneung city hall", "organisation"),
        SourceInfo("city", "city", "organisation"),
        SourceInfo("busan-city-council", "Busan city council", "organisation"),
    )
    assert identity.canonical("gangneung-city-hall") == "city-of-gangneung"
    assert identity.canonical("busan-city-council") == "busan-city-council"
    # two cities named: which one "the city" is cannot be told
    assert identity.canonical("city") == "city"


def test_a_deputy_mayor_named_by_office_speaks_for_the_city_named_in_the_same_report():
    """ "deputy mayor Lee Soo-kyung told the paper" in a report whose headline says "city
    says": her figure and the city's are one origin, not two."""
    identity = build_identity(
        load_source_table(),
        [
            SourceInfo("city-of-dornbach", "city of Dornbach", "organisation", country="AT"),
            SourceInfo("city", "city", "organisation"),
            SourceInfo("eva-ruster", "Eva Ruster", "person", roles=("deputy mayor",)),
            SourceInfo("karl-moser", "Karl Moser", "person", roles=("mayor",)),
        ],
        [],
        documents={
            "city-of-dornbach": ["d1"],
            "city": ["d2"],
            "eva-ruster": ["d2"],
            "karl-moser": ["d3"],  # a mayor in a report that names no city body
        },
    )
    assert identity.independence("eva-ruster", None) == identity.independence(
        "city-of-dornbach", None
    )
    assert identity.parent("karl-moser") is None


def test_a_bare_police_is_the_one_countrys_police_named_by_the_same_word():
    """A commander's bare "police" in one report and "police" placed in Papua New Guinea in
    another are one force when the corpus names no other country's."""
    identity = build_identity(
        load_source_table(),
        [
            SourceInfo("police", "police", "group"),
            SourceInfo("pg-police", "police", "group", country="PG"),
        ],
        [],
        documents={"police": ["d1"], "pg-police": ["d2"]},
    )
    assert identity.canonical("police") == identity.canonical("pg-police")


def test_two_organisations_sharing_an_opening_word_stay_apart():
    identity = _identity(
        SourceInfo("amber-quay", "Amber Quay", "organisation"),
        SourceInfo("amber-quay-terminals", "Amber Quay Terminals", "organisation"),
        SourceInfo("amber-quay-logistics", "Amber Quay Logistics", "organisation"),
    )
    assert identity.canonical("amber-quay") == "amber-quay"  # two longer names: which one?
    assert identity.independence("amber-quay-terminals", None) != identity.independence(
        "amber-quay-logistics", None
    )


def test_a_bare_office_without_a_name_is_not_an_identified_source():
    identity = _identity(SourceInfo("state-lawmaker", "state lawmaker", "person"))
    assert not identity.is_identified("state-lawmaker")


def test_a_description_without_a_name_is_not_an_identified_source():
    """ "a hacker group" and "the group" may be the "Nour Collective" another report names: an
    unnamed description never counts as a second independent source beside it."""
    identity = _identity(
        SourceInfo("hacker-group", "hacker group", "organisation"),
        SourceInfo("nour-collective", "Nour Collective", "organisation"),
    )
    assert not identity.is_identified("hacker-group")
    assert identity.is_identified("nour-collective")


def test_a_description_with_a_country_or_a_headline_capital_is_not_a_name():
    """ "a Beninese rights group", "Rights group says ..." and "separatist rebels" describe a
    kind of body; the named observatory and the named army are identified."""
    identity = _identity(
        SourceInfo("bj-rights-group", "Beninese rights group", "organisation", "BJ"),
        SourceInfo("rights-group", "Rights group", "organisation"),
        SourceInfo("id-rebels", "Separatist rebels", "group", "ID"),
        SourceInfo("alibori-observatory", "Alibori Citizens' Observatory", "organisation"),
        SourceInfo("bj-army", "Beninese army", "organisation", "BJ"),
        SourceInfo("hydro", "Hydro", "organisation"),
    )
    assert not identity.is_identified("bj-rights-group")
    assert not identity.is_identified("rights-group")
    assert not identity.is_identified("id-rebels")
    assert identity.is_identified("alibori-observatory")
    assert identity.is_identified("bj-army")
    assert identity.is_identified("hydro")


def test_a_state_body_without_a_country_counts_with_the_one_country_of_its_report():
    identity = _identity(
        SourceInfo("interior-ministry", "interior ministry", "organisation"),
        SourceInfo("ve-interior-ministry", "Venezuelan interior ministry", "organisation", "VE"),
    )
    in_report = identity.independence("interior-ministry", None, scene="VE")
    assert in_report == identity.independence("ve-interior-ministry", None)
    assert identity.independence("interior-ministry", None) == "interior-ministry"


def test_a_rebel_army_named_in_a_report_on_its_country_is_no_body_of_that_state():
    identity = _identity(
        SourceInfo(
            "karen-national-liberation-army", "Karen National Liberation Army", "organisation"
        ),
        SourceInfo("mm-army", "Myanmar army", "organisation", "MM"),
    )
    rebels = identity.independence("karen-national-liberation-army", None, scene="MM")
    assert rebels == "karen-national-liberation-army"
    assert rebels != identity.independence("mm-army", None)


def test_a_constabulary_or_a_navy_counts_with_its_government():
    identity = _identity(
        SourceInfo("royal-fiji-constabulary", "Royal Fiji Constabulary", "organisation", "FJ"),
        SourceInfo("fj-police", "Fiji police", "organisation", "FJ"),
        SourceInfo("ghana-navy", "Ghana Navy", "organisation", "GH"),
        SourceInfo("gh-defence-ministry", "Ghana defence ministry", "organisation", "GH"),
    )
    assert identity.independence("royal-fiji-constabulary", None) == identity.independence(
        "fj-police", None
    )
    assert identity.independence("ghana-navy", None) == identity.independence(
        "gh-defence-ministry", None
    )


def _resolved(tmp_path, pipeline, reports):
    with reports_store(tmp_path, pipeline, reports) as store:
        return read.clusters(store)


def _denial_pairs(tmp_path, pipeline, report):
    """(denied claim, denial) labels of every denial link one report resolves to."""
    return _denial_pairs_of(tmp_path, pipeline, [report])


def _denial_pairs_of(tmp_path, pipeline, reports):
    """(denied claim, denial) labels of every denial link these reports resolve to."""
    with reports_store(tmp_path, pipeline, reports) as store:
        clusters = {c.id: c for c in read.clusters(store)}
        return [
            (clusters[c.claim].label, clusters[c.by].label)
            for c in read.contradictions(store)
            if c.kind == "denial"
        ]


def _cluster_with(clusters, words):
    return next(c for c in clusters if any(words in m.content_text for m in c.members))


def test_an_anonymous_source_echoed_by_another_outlet_counts_once(tmp_path, pipeline):
    clusters = _resolved(
        tmp_path,
        pipeline,
        [
            (
                "Eastern Star",
                "2026-03-02T08:00:00+00:00",
                "Kassala water plant outage\n\nThe generators at the Kassala water plant had "
                "been broken for months before the outage, a technician at the plant told the "
                "Eastern Star.",
            ),
            (
                "Horn Monitor",
                "2026-03-03T08:00:00+00:00",
                "Kassala outage blamed on broken generators\n\nThe generators at the Kassala "
                "water plant had been broken for months before the outage, the Eastern Star "
                "reported, citing a technician at the plant.\n\nAccording to the newspaper, the "
                "technician said the generators at the Kassala water plant had been broken for "
                "months before the outage.",
            ),
        ],
    )
    cluster = _cluster_with(clusters, "broken for months")
    assert len(cluster.members) >= 2
    assert cluster.support == 1, [(m.outlet, m.original_source) for m in cluster.members]


def test_a_headline_restating_its_report_adds_no_source(tmp_path, pipeline):
    clusters = _resolved(
        tmp_path,
        pipeline,
        [
            (
                "Prague Ledger",
                "2026-02-06T08:00:00+00:00",
                "Nurse says patient died after ambulance was turned away during cyberattack\n\n"
                "A patient died after the ambulance carrying him was turned away during the "
                "cyberattack, a nurse at the hospital told the Prague Ledger.",
            ),
        ],
    )
    cluster = _cluster_with(clusters, "turned away")
    assert cluster.support <= 1, [(m.content_text, m.original_source) for m in cluster.members]


def test_unmarked_counts_of_one_topic_from_two_bodies_contradict():
    from claimgraph.resolve.contradictions import figure_conflicts

    rows = [
        _row("c1", 140.0, "unknown", "operator", "about 140"),
        _row("c2", 212.0, "unknown", "ambulance-service", "212"),
        _row("c3", 300.0, "projected", "analyst", "300"),
    ]
    found = figure_conflicts(rows, 5.0, 0.1, "ambulances diverted")
    assert {(c.claim, c.by) for c in found} == {("c1", "c2")}


def test_a_count_still_standing_meets_a_toll_but_not_a_total_without_an_event():
    from claimgraph.resolve.contradictions import figure_conflicts

    missing = [
        {**_row("c1", 6.0, "current", "alliance", "six"), "topic": "people|missing||PH"},
        {**_row("c2", 4.0, "cumulative", "coast-guard", "four"), "topic": "people|missing||PH"},
    ]
    assert len(figure_conflicts(missing, 5.0, 0.1, "people missing")) == 1
    waiting = [
        {**_row("c1", 900.0, "current", "airport", "about 900"), "topic": "passengers|||LV"},
        {**_row("c2", 4100.0, "unknown", "carriers", "4,100"), "topic": "passengers|||LV"},
    ]
    assert figure_conflicts(waiting, 5.0, 0.1, "passengers") == []


@pytest.mark.parametrize(
    ("topic", "contradicts"),
    [
        ("cranes|shut down||SI", True),  # eight cranes stopped on Friday, 18 claimed on Monday
        ("people|killed||TD", False),  # a toll three days later may be bodies found since
    ],
)
def test_a_higher_count_days_later_disputes_only_what_does_not_rise(topic, contradicts):
    from claimgraph.resolve.contradictions import figure_conflicts

    rows = [
        {**_row("c1", 8.0, "cumulative", "operator", "eight", "2026-11-20"), "topic": topic},
        {**_row("c2", 18.0, "cumulative", "channel", "18", "2026-11-23"), "topic": topic},
    ]
    assert bool(figure_conflicts(rows, 5.0, 0.1, "count")) is contradicts


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "Moravia Health Network said its systems had been hit by ransomware on Tuesday. Four "
            "of its hospitals were affected, spokeswoman Lenka Novakova said.",
            "lenka-novakova",
            "moravia-health-network",
        ),
        (
            "Yemen's government blamed the Houthi movement. Information Minister Saleh Bawazir "
            "said the boat had been launched from Houthi territory.",
            "saleh-bawazir",
            "ye-government",
        ),
    ],
)
def test_a_bare_title_speaks_for_the_body_just_named(analyse, text, person, body):
    analysis = analyse(text)
    [source] = [s for s in analysis.sources if s.id == person]
    assert source.parent == body


def test_an_investigation_is_not_a_speaker(analyse):
    analysis = analyse(
        '"Our investigation has so far found no evidence that patient data left our network," '
        "spokeswoman Lenka Novakova said."
    )
    assert all(a.canonical_source != "our-investigation" for a in analysis.attributions)


def test_a_one_word_name_before_the_company_is_no_antecedent(analyse):
    analysis = analyse(
        "Hospitals in Zlin were hit on Tuesday.\n\nThe company said it had restored its systems."
    )
    company = next(a for a in analysis.attributions if a.source and a.source.text == "The company")
    assert company.canonical_source != "zlin"


def test_a_pointing_denial_that_names_its_matter_hits_the_claim_about_it(tmp_path, pipeline):
    pairs = _denial_pairs(
        tmp_path,
        pipeline,
        (
            "Lakeshore Wire",
            "2026-02-04",
            "The MPLI said soldiers had looted miners' homes in the town. Survivors said "
            "the attackers had gone from house to house before dawn. The army rejected "
            "the looting accusation.",
        ),
    )
    assert pairs, "the army's denial is linked"
    assert all("looted" in claim for claim, _ in pairs), pairs


def test_a_name_after_a_role_noun_is_the_persons_even_if_tagged_an_organisation(analyse):
    analysis = analyse(
        "The MPLI said on Telegram that its fighters had not attacked civilians. Its spokesman, "
        "Jean-Bosco Ndjadi, said in a statement that the group had been defending the population."
    )
    spoken = next(a for a in analysis.attributions if a.source and "Ndjadi" in a.source.text)
    assert spoken.canonical_source == "jean-bosco-ndjadi"
    [person] = [s for s in analysis.sources if s.id == "jean-bosco-ndjadi"]
    assert person.type == "person"
    assert person.parent == "mpli"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a company the tagger did not see, known by the word that ends its name
        (
            "The ship's operator, Dorian Maritime of Piraeus, said it had lost contact with the "
            "tanker.",
            "dorian-maritime",
        ),
        # the name set off by commas, however the parser read "AS"
        (
            "The water utility, AS Emajõe Vesi, said it would take 10 euros off the next bill.",
            "as-emajoe-vesi",
        ),
        (
            "The company, AS Emajõe Vesi, first said three pumping stations were shut down.",
            "as-emajoe-vesi",
        ),
        # the acronym in brackets is the name's short form
        (
            "The Beni Human Rights Collective (CDHB) said its researchers had recorded 38 names.",
            "beni-human-rights-collective",
        ),
        # "state-owned" describes the body; it is no part of its name
        (
            "Data from dozens of satellites stopped for nine hours, the state-owned Swedish Space "
            "Corporation (SSC) said.",
            "se-space-corporation",
        ),
    ],
)
def test_a_body_named_beside_its_description_speaks_by_its_name(analyse, text, source):
    """ "The ship's operator, Dorian Maritime of Piraeus", "The water utility, AS Emajõe Vesi":
    the body other reports name, not an "operator" or a "water utility, AS Emajõe Vesi" of its
    own."""
    [claim] = analyse(text).attributions
    assert claim.canonical_source == source


def test_the_place_of_a_burgomasters_office_is_not_its_holder(analyse):
    """ "The burgomaster of Oicha, Dieudonné Kambale Musavuli": the tagger's person "Oicha" is
    the town; the burgomaster is the person named after it."""
    analysis = analyse(
        "The burgomaster of Oicha, Dieudonné Kambale Musavuli, said the toll was much heavier."
    )
    [claim] = analysis.attributions
    assert claim.canonical_source == "dieudonne-kambale-musavuli"
    [person] = [s for s in analysis.sources if s.id == claim.canonical_source]
    assert person.type == "person"


def test_unnamed_sources_alike_or_at_one_outlet_count_once():
    from claimgraph.resolve.engine import independent_originals

    originals = {
        "anonymous@ararat-observer|anonymous-western-diplomat": ["anonymous-western-diplomat", 1],
        "anonymous@caucasus-wire|anonymous-diplomat": ["anonymous-diplomat", 1],
        "anonymous@caucasus-wire|anonymous-official": ["anonymous-official", 1],
        "anonymous@baltic-post|anonymous-security-source": ["anonymous-security-source", 1],
        "state@AM": ["am-defence-ministry", 1],
    }
    kept = independent_originals(originals)
    # the two diplomats are alike, and the official spoke to the same outlet as one of them
    assert len([k for k in kept if k.startswith("anonymous@")]) == 2
    assert "state@AM" in kept


def test_a_count_that_names_no_event_meets_only_a_claim_that_says_the_same():
    """ "19 guards were on duty" against "23 guards for 1,400 prisoners" is a dispute only when
    the two claims say the same; "about 20 attackers" against "more than 40 attackers" counts
    the size of one incident, and is a dispute however it is worded."""
    from claimgraph.resolve.contradictions import figure_conflicts

    rows = [
        {**_row("c1", 19.0, "unknown", "union", "19"), "topic": "guards|||PY"},
        {**_row("c2", 23.0, "unknown", "ministry", "23"), "topic": "guards|||PY"},
    ]
    assert len(figure_conflicts(rows, 5.0, 0.1, "guards")) == 1
    assert len(figure_conflicts(rows, 5.0, 0.1, "guards", alike=lambda a, b: True)) == 1
    assert figure_conflicts(rows, 5.0, 0.1, "guards", alike=lambda a, b: False) == []
    killed = [{**row, "topic": "guards|killed||PY"} for row in rows]
    assert len(figure_conflicts(killed, 5.0, 0.1, "guards", alike=lambda a, b: False)) == 1
    # "about 20 attackers" counts those who attacked; "3,000 fighters" may be a group's strength
    attackers = [
        {**_row("c3", 20.0, "unknown", "army", "about 20"), "topic": "fighters|||PE"},
        {**_row("c4", 40.0, "unknown", "soldier", "more than 40"), "topic": "fighters|||PE"},
    ]
    attacking = [{**row, "unit": "attackers"} for row in attackers]
    assert len(figure_conflicts(attacking, 5.0, 0.1, "fighters", alike=lambda a, b: False)) == 1
    assert figure_conflicts(attackers, 5.0, 0.1, "fighters", alike=lambda a, b: False) == []
    outage = [{**row, "topic": "outage hours|||PE", "unit": "h"} for row in attackers]
    assert len(figure_conflicts(outage, 5.0, 0.1, "outage", alike=lambda a, b: False)) == 1


def test_eventless_counts_are_disputed_only_between_claims_alike(tmp_path, pipeline):
    reports = [
        (
            "Wire",
            "2026-12-01",
            "Ambush in the valley\n\nLIMA — About 20 attackers took part in the ambush near "
            "Llochegua, the Joint Command said on Tuesday.",
        ),
        (
            "Post",
            "2026-12-02",
            "Mayor speaks\n\nAYACUCHO — More than 40 attackers took part in the ambush near "
            "Llochegua, mayor Edwin Huaman said.",
        ),
        (
            "Chronicle",
            "2026-12-02",
            "Prison crowded\n\nASUNCION — The prison held 1,452 inmates on the day of the "
            "riot, commissioner Lourdes Ayala said. Relatives said at least three inmates had "
            "been hit on the roof.",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        labels = {c.id: c.label for c in read.clusters(store)}
        pairs = [
            {labels[c.claim], labels[c.by]}
            for c in read.contradictions(store)
            if c.kind == "figures"
        ]
    assert any(all("attackers" in label for label in pair) for pair in pairs), pairs
    assert not any(any("1,452" in label for label in pair) for pair in pairs), pairs


def test_one_source_keyed_by_two_reports_scenes_is_one_origin():
    """A body with no country of its own is keyed by the scene of each report that quotes it;
    quoted twice, it is still one source."""
    from claimgraph.resolve.engine import independent_originals

    originals = {
        "state@PE": ["joint-command-of-the-armed-forces", 1],
        "joint-command-of-the-armed-forces": ["joint-command-of-the-armed-forces", 1],
        "residents": ["residents", 1],
    }
    kept = independent_originals(originals)
    assert sorted(kept.values()) == ["joint-command-of-the-armed-forces", "residents"]


def test_a_bare_army_is_the_one_countrys_army_the_corpus_names():
    one = _identity(
        SourceInfo("army", "army", "organisation"),
        SourceInfo("cd-army", "Congo army", "organisation", "CD"),
    )
    assert one.canonical("army") == "cd-army"
    two = _identity(
        SourceInfo("army", "army", "organisation"),
        SourceInfo("cd-army", "Congo army", "organisation", "CD"),
        SourceInfo("ng-army", "Nigerian army", "organisation", "NG"),
    )
    assert two.canonical("army") == "army"


def test_a_relative_clause_blame_keeps_what_for(analyse):
    [blame] = [
        a
        for a in analyse(
            "The MPLI, which the army blames for the attack, again dismissed the reports."
        ).attributions
        if a.cue and a.cue.text == "blames"
    ]
    assert "for the attack" in blame.content_text


def test_a_minister_counts_with_the_state_however_its_government_is_named():
    identity = _identity(
        SourceInfo(
            "ye-internationally-recognised-government",
            "Yemen's internationally recognised government",
            "organisation",
            "YE",
        ),
        SourceInfo("ye-based-government", "Yemen's Aden-based government", "organisation", "YE"),
        SourceInfo(
            "abdullah-bawazir",
            "Abdullah Bawazir",
            "person",
            "YE",
            "ye-internationally-recognised-government",
        ),
    )
    assert identity.independence("abdullah-bawazir", None) == identity.independence(
        "ye-based-government", None
    )


@pytest.mark.parametrize(
    ("text", "person_id", "parent"),
    [
        (
            "The MPLI, which the army blames for the attack, again dismissed the reports. Its "
            "spokesman, Jean-Bosco Ndjadi, said the group had been defending the population.",
            "jean-bosco-ndjadi",
            "mpli",
        ),
        # any officer "its" introduces: "Its permanent secretary, Dr Awa Kane"
        (
            "The Sub-Regional Fisheries Commission said it would host a meeting of experts in "
            "Dakar. Its permanent secretary, Dr Awa Kane, said the meeting would compare radar "
            "data.",
            "awa-kane",
            "sub-regional-fisheries-commission",
        ),
    ],
)
def test_its_officer_speaks_for_the_sentence_subject_not_a_body_in_its_clause(
    analyse, text, person_id, parent
):
    [person] = [s for s in analyse(text).sources if s.id == person_id]
    assert person.parent == parent


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # the tagger takes a capital or a country for a person in these frames
        ("Minsk called the figure an invention.", "by-government"),
        (
            'The agency dismissed as "nonsense" Georgia\'s claim that nine of its guards had died.',
            "ge-government",
        ),
    ],
)
def test_a_country_or_capital_speaks_as_its_government(analyse, text, canonical):
    sources = {a.canonical_source for a in analyse(text).attributions}
    assert canonical in sources, sources


def test_a_company_the_tagger_took_for_a_person_is_the_company(analyse):
    analysis = analyse(
        "Orlen Shipping, the Malta-registered owner of the barge, said the crew had done nothing "
        "wrong. The company said the barge had lost power in the storm."
    )
    sources = {s.id: s for s in analysis.sources}
    assert sources["orlen-shipping"].type == "organisation"
    assert sources["orlen-shipping"].parent is None  # a company is no one's spokesperson
    assert {a.canonical_source for a in analysis.attributions} == {"orlen-shipping"}


def test_an_appositive_that_is_no_spokesperson_title_takes_no_body(analyse):
    analysis = analyse(
        "Nordvik Grid said the line was cut at noon. Hallan Kraft, the region's retailer, said "
        "about 9,000 homes had lost power."
    )
    [retailer] = [s for s in analysis.sources if s.id == "hallan-kraft"]
    assert retailer.parent is None


def test_the_company_is_the_one_named_last_not_the_last_one_called_company(analyse):
    analysis = analyse(
        "Corra Marine, which owns the ferry, denied that its crew was at fault. The company said "
        "the ferry had lost power. The repair will take a month, according to its operator, "
        "Tessel Transmission. The company said the cost would reach 9 million euros."
    )
    said = [a for a in analysis.attributions if a.source and a.source.text == "The company"]
    assert [a.canonical_source for a in said] == ["corra-marine", "tessel-transmission"]
    operator = [a for a in analysis.attributions if a.source and "operator" in a.source.text]
    assert [a.canonical_source for a in operator] == ["tessel-transmission"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A Western diplomat in Tbilisi told the Daily Ledger that the talks had failed.", None),
        ("A foreign official in Minsk said the border crossing was closed.", None),
        ("Officials in Kyiv said the strike hit a power plant.", "UA"),
    ],
)
def test_where_a_foreign_speaker_is_does_not_make_their_country(analyse, text, country):
    [claim] = analyse(text).attributions
    [source] = [s for s in analyse(text).sources if s.id == claim.canonical_source]
    assert source.country == country


def test_unnamed_people_an_outlet_cites_count_once_with_that_outlets_report(tmp_path, pipeline):
    clusters = _resolved(
        tmp_path,
        pipeline,
        [
            (
                "North Sound Post",
                "2026-05-04T08:00:00+00:00",
                "Ferry grounding\n\nTwo people familiar with the inquiry told the North Sound "
                "Post that the ferry's steering failed two hours before it ran aground off Visby.",
            ),
            (
                "Harbour Review",
                "2026-05-05T08:00:00+00:00",
                "Visby grounding: what we know\n\nThe coast guard said the ferry was towed to "
                "port. The North Sound Post, citing two people familiar with the inquiry, "
                "reported that the ferry's steering failed two hours before it ran aground off "
                "Visby.",
            ),
        ],
    )
    cluster = _cluster_with(clusters, "steering failed")
    assert len(cluster.members) == 2
    assert cluster.support == 1, [(m.outlet, m.original_source) for m in cluster.members]


def test_a_speaker_quoted_by_this_newspaper_is_not_the_newspaper_named_before(tmp_path, pipeline):
    clusters = _resolved(
        tmp_path,
        pipeline,
        [
            (
                "River Daily",
                "2026-05-03T08:00:00+00:00",
                "Dam to open\n\nThe energy minister said the dam would open in June.",
            ),
            (
                "Lake Courier",
                "2026-05-04T08:00:00+00:00",
                "Dam talks\n\nThe energy minister told River Daily that the dam would open in "
                "June.\n\nA European diplomat quoted by this newspaper on Monday said the "
                "talks on the dam had stalled.",
            ),
        ],
    )
    cluster = _cluster_with(clusters, "talks on the dam had stalled")
    [member] = cluster.members
    assert member.original_source.startswith("anonymous-"), member.original_source
    assert "diplomat" in member.original_source


def test_a_name_running_on_without_a_comma_is_one_name(analyse):
    claims = analyse(
        "The Gulf of Oman Maritime Security Cell said it stood by its count of 12 people aboard."
    ).attributions
    assert claims
    assert {a.canonical_source for a in claims} == {"gulf-of-oman-maritime-security-cell"}


def test_a_live_page_headline_about_an_event_has_no_speaker(analyse):
    analysis = analyse(
        "Port of Varna fire: live updates\n\n09:10 — The harbour master said the fire was out."
    )
    assert [a.canonical_source for a in analysis.attributions] == ["harbour-master"]


def test_the_operator_is_the_company_named_before_places_the_tagger_took_for_companies(analyse):
    analysis = analyse(
        "OSTRAVA — A power cut has shut down trams run by Ostrava Transport Company in the "
        "region, forcing riders onto buses as far as Olomouc and Zlín, the operator said on "
        "Monday. "
        "Three lines were still closed, spokesman Petr Malek said."
    )
    assert {a.canonical_source for a in analysis.attributions} >= {"ostrava-transport-company"}
    [spokesman] = [s for s in analysis.sources if s.id == "petr-malek"]
    assert spokesman.parent == "ostrava-transport-company"


@pytest.mark.parametrize(
    ("report", "accused"),
    [
        # the reports a party calls groundless are those that accuse it
        (
            (
                "Hill Courier",
                "2026-04-04",
                "The Armenian interior ministry said Azerbaijani troops had set fire to three "
                'barns in the village of Tegh. "We woke up to smoke everywhere and ran," a '
                "farmer in Tegh told the Hill Courier.\n\nAzerbaijan's foreign ministry "
                "called the reports groundless.",
            ),
            "barns",
        ),
        # a denial naming whose claim it rejects hits that side's claim
        (
            (
                "Caucasus Wire",
                "2026-04-04",
                "Georgia's interior ministry said enemy drones had struck a police post near "
                "the village of Ergneti on Sunday night. The Red Cross said two people "
                "had been taken to hospital in Gori. Moscow rejected the Georgian statement "
                "as a provocation.",
            ),
            "drones",
        ),
        # a denial naming whose account it rejects hits that body's claim, not the last one
        (
            (
                "Nile Courier",
                "2026-05-04",
                "The army said rebels had launched eight drones at the fuel depot from the "
                "west bank. A volunteer group said at least 40 people had been killed in the "
                "fire. A spokesman for the rebels dismissed the army's account as fabricated.",
            ),
            "drones",
        ),
    ],
    ids=["groundless-reports", "named-side", "named-author"],
)
def test_a_pointing_denial_hits_the_claim_it_answers(tmp_path, pipeline, report, accused):
    pairs = _denial_pairs(tmp_path, pipeline, report)
    assert pairs, "the denial is linked"
    assert all(accused in claim for claim, _ in pairs), pairs


def test_a_headline_describing_its_speaker_adds_no_source(tmp_path, pipeline):
    clusters = _resolved(
        tmp_path,
        pipeline,
        [
            (
                "Coast Digest",
                "2026-02-06T08:00:00+00:00",
                "Boatmen's union says nine still missing from capsized ferry\n\nThe Lake Albert "
                "Boatmen's Union said on Friday that nine passengers of the ferry Kiira were "
                "still missing, two more than the police had reported.",
            ),
            (
                "Lakes Review",
                "2026-02-07T08:00:00+00:00",
                "Ferry search goes on\n\nThe Lake Albert Boatmen's Union says nine are still "
                "missing.",
            ),
        ],
    )
    cluster = _cluster_with(clusters, "nine still missing")
    assert cluster.support <= 1, cluster.original_sources
    assert all("lake-albert" in source for source in cluster.original_sources), (
        cluster.original_sources
    )


def test_a_company_named_without_its_company_word_is_the_company():
    identity = _identity(
        SourceInfo("norvik", "Norvik", "organisation"),
        SourceInfo("norvik-shipping", "Norvik Shipping", "organisation"),
        SourceInfo("hamas", "Hamas", "organisation"),
        SourceInfo("hamas-political-bureau", "Hamas Political Bureau", "organisation"),
        SourceInfo("tessel", "Tessel", "organisation"),
        SourceInfo("tessel-energy", "Tessel Energy", "organisation"),
        SourceInfo("tessel-grid", "Tessel Grid", "organisation"),
    )
    assert identity.canonical("norvik") == "norvik-shipping"
    assert identity.canonical("hamas") == "hamas"  # a bureau is no company word
    assert identity.canonical("tessel") == "tessel"  # two companies: which one?


def test_a_pair_of_figures_is_one_contradiction_whichever_came_first():
    from claimgraph.resolve.contradictions import figure_conflicts

    # the same two reports, stored in two orders (a later document reorders a full resolve)
    early = [
        _row("c_b", 118, "unknown", "service", "118"),
        _row("c_a", 260, "unknown", "mp", "260"),
    ]
    late = [
        _row("c_b", 118, "unknown", "service", "118", day="2026-02-05"),
        _row("c_a", 260, "unknown", "mp", "260"),
    ]
    [one] = figure_conflicts(early, 5.0, 0.1, "inmates escaped")
    [other] = figure_conflicts(late, 5.0, 0.1, "inmates escaped")
    assert one.id == other.id


def test_a_pointing_denial_whose_matter_the_report_does_not_carry_hits_nothing(tmp_path, pipeline):
    denials = _denial_pairs(
        tmp_path,
        pipeline,
        (
            "Harbour Watch",
            "2026-02-04",
            "Insurers expect the claim for the ferry and its cargo to exceed 9 million "
            "euros, a broker said. The Sea Wolves group denied any role in sinking the "
            "ferry.",
        ),
    )
    assert denials == []


def test_he_after_another_body_spoke_in_a_new_paragraph_is_not_the_earlier_speaker(analyse):
    analysis = analyse(
        '"We held the bridge all night," Colonel Amadou Keita told the Sahel Courier.\n\n'
        'The Liberation Front denied that its fighters had shelled the market. "We do not '
        'shell our own towns," he said.'
    )
    [quote] = [a for a in analysis.attributions if "shell our own" in a.content_text]
    assert quote.canonical_source != "amadou-keita"


def test_a_company_named_short_after_its_full_name_stays_the_company(analyse):
    analysis = analyse(
        "Morwenna Blythe Shipmanagement said 19 crew had been on board.\n\n"
        "Morwenna Blythe said the ship had no links to the navy. It declined to comment on "
        "its insurance cover."
    )
    sources = {a.content_text: a.canonical_source for a in analysis.attributions}
    assert set(sources.values()) == {"morwenna-blythe-shipmanagement"}, sources


@pytest.mark.parametrize(
    ("topic", "later_value", "contradicts"),
    [
        ("people|killed||AF", 11.0, True),  # another body's lower toll days later disagrees
        ("people|killed||AF", 25.0, False),  # a higher one may count bodies found since
        ("people|missing||PH", 11.0, False),  # the missing fall as people are found
    ],
)
def test_a_lower_toll_from_another_body_days_later_contradicts(topic, later_value, contradicts):
    from claimgraph.resolve.contradictions import figure_conflicts

    rows = [
        {**_row("c1", 17.0, "cumulative", "province", "17", day="2026-06-02"), "topic": topic},
        {
            **_row("c2", later_value, "cumulative", "un", str(later_value), day="2026-06-05"),
            "topic": topic,
        },
    ]
    found = figure_conflicts(rows, 5.0, 0.1, "people killed")
    assert bool(found) is contradicts


def test_a_lower_toll_still_given_after_a_higher_one_disputes_it():
    """Seven dead on Monday, 14 from another body on Friday: a revision as bodies are found,
    unless a report of Friday's still gives the first body's seven beside it; then the two
    disagree."""
    from claimgraph.resolve.contradictions import figure_conflicts

    def toll(cluster, value, body, text, day):
        return _row(cluster, value, "cumulative", body, text, day, topic="inmates|killed||PY")

    first = toll("c1", 7.0, "state", "seven", "2026-11-28")
    later = toll("c2", 14.0, "monitor", "14", "2026-12-02")
    assert figure_conflicts([first, later], 5.0, 0.1, "inmates killed") == []
    again = toll("c1", 7.0, "state", "seven", "2026-12-02")
    [found] = figure_conflicts([first, later, again], 5.0, 0.1, "inmates killed")
    assert (found.claim, found.by) == ("c1", "c2")
    assert "still given" in found.explanation
    # beyond the window in which figures are compared at all, nothing is set against it
    late = toll("c2", 14.0, "monitor", "14", "2026-12-09")
    kept = toll("c1", 7.0, "state", "seven", "2026-12-10")
    assert figure_conflicts([first, late, kept], 5.0, 0.1, "inmates killed") == []


def test_a_titled_name_the_tagger_took_for_an_organisation_is_a_person_of_the_body(analyse):
    analysis = analyse(
        "Baltic Ferry Terminals said its booking systems were hit on Monday. Spokeswoman Ilze "
        "Ozola said the company expected to restore them within two days."
    )
    sources = {s.id: s for s in analysis.sources}
    assert "spokeswoman-ilze-ozola" not in sources, sorted(sources)
    assert sources["ilze-ozola"].parent == "baltic-ferry-terminals"
    assert sources["baltic-ferry-terminals"].type == "organisation"


def test_unnamed_officials_with_and_without_their_country_count_once_per_state():
    from claimgraph.resolve.engine import independent_originals

    originals = {
        "anonymous@border-chronicle|anonymous-officials": ["anonymous-officials", 1],
        "state@PK": ["anonymous-pk-security-officials", 1],
        "state@AF": ["anonymous-af-officials", 1],
        "state@IR": ["ir-government", 1],
    }
    kept = independent_originals(originals)
    # "officials" retold as "Pakistani security officials" is one source; the Afghan officials
    # are another, and a named government stays
    assert len(kept) == 3, kept
    assert "state@AF" in kept
    assert "state@IR" in kept


def test_the_company_is_the_whole_name_where_the_tagger_cut_its_first_word(analyse):
    analysis = analyse(
        "Varna terminal operator accused of understating outage\n\nVARNA — Mangalia Bulk "
        "Terminal is still handling containers on paper, a port official with direct knowledge "
        "of the recovery told the Black Sea Courier, contradicting the company's statement that "
        "its systems had been fully restored."
    )
    company = [a for a in analysis.attributions if a.source and "company" in a.source.text]
    assert [a.canonical_source for a in company] == ["mangalia-bulk-terminal"]


def test_one_proper_name_under_two_ids_is_one_source():
    identity = _identity(
        SourceInfo("lv-international-airport", "Riga International Airport", "organisation", "LV"),
        SourceInfo("riga-international-airport", "Riga International Airport", "organisation"),
        SourceInfo("defence-ministry", "defence ministry", "organisation"),
        SourceInfo("kh-defence-ministry", "defence ministry", "organisation", "KH"),
    )
    assert identity.canonical("riga-international-airport") == "lv-international-airport"
    # no proper name: if the two are one, it is as the only defence ministry of a country
    assert "same name" not in identity.reasons.get("defence-ministry", "")


def test_the_bare_airport_is_the_only_airport_the_corpus_names():
    one = _identity(
        SourceInfo("lv-international-airport", "Riga International Airport", "organisation", "LV"),
        SourceInfo("riga-international-airport", "Riga International Airport", "organisation"),
        SourceInfo("airport", "airport", "organisation"),
        SourceInfo("ilze-kalnina", "Ilze Kalnina", "person", parent="airport"),
    )
    assert one.canonical("airport") == "lv-international-airport"
    assert one.independence("ilze-kalnina", None) == "lv-international-airport"
    two = _identity(
        SourceInfo("lv-international-airport", "Riga International Airport", "organisation", "LV"),
        SourceInfo("vilnius-airport", "Vilnius Airport", "organisation", "LT"),
        SourceInfo("airport", "airport", "organisation"),
    )
    assert two.canonical("airport") == "airport"  # two airports: which one is unknown


def test_a_spokesperson_of_a_bare_ministry_speaks_for_the_countrys_ministry_named_before(analyse):
    analysis = analyse(
        "Laos's defence ministry said on Sunday that two soldiers were wounded. Defence ministry "
        "spokesman Colonel Bounmy Phommachanh said the shells came from across the river."
    )
    [spokesman] = [s for s in analysis.sources if s.id == "bounmy-phommachanh"]
    assert spokesman.country == "LA"
    assert spokesman.parent is not None
    assert spokesman.parent.startswith("la-")


def test_the_airport_is_the_airport_named_before(analyse):
    analysis = analyse(
        "Drones forced Vilnius International Airport to close for three hours on Sunday, police "
        "said. The airport said on Monday that 40 flights had been cancelled."
    )
    [airport] = [a for a in analysis.attributions if a.source and a.source.text == "The airport"]
    assert "international-airport" in (airport.canonical_source or "")


def test_the_airport_is_never_another_body_that_spoke_last(analyse):
    analysis = analyse(
        "Drones closed the airport in Vilnius for three hours on Sunday. The Belarusian embassy "
        "said Minsk had nothing to do with it.\n\nThe airport said it was operating normally "
        "on Monday."
    )
    [airport] = [a for a in analysis.attributions if a.source and a.source.text == "The airport"]
    assert "embassy" not in (airport.canonical_source or "")


def test_claims_named_only_to_be_denied_join_no_cluster(tmp_path, pipeline):
    clusters = _resolved(
        tmp_path,
        pipeline,
        [
            (
                "Harbour Times",
                "2026-04-04",
                "A navy officer said a Chinese ship had blocked the rescue of the crew.\n\n"
                "Beijing dismissed as fabricated claims that Chinese sailors blocked the "
                "rescue of the crew.",
            ),
        ],
    )
    named_to_deny = [
        m.content_text
        for cluster in clusters
        for m in cluster.members
        if m.source_id is None and "sailors blocked" in m.content_text
    ]
    assert named_to_deny == []
    assert any("blocked" in c.label for c in clusters)  # the officer's claim and the denial stay


def test_a_generic_police_is_the_named_police_body_of_its_own_report():
    sources = [
        SourceInfo("state-police", "State Police", "organisation"),
        SourceInfo("aigars-berzins", "Aigars Berzins", "person", parent="state-police"),
        SourceInfo("police", "police", "group", "LV"),
        SourceInfo("police-spokesman", "police spokesman", "person"),
        SourceInfo("kenya-police", "police", "group", "KE"),
    ]
    documents = {
        "aigars-berzins": {"d1", "d2"},
        "police": {"d1"},
        "police-spokesman": {"d2"},
        "state-police": {"d3"},
        "kenya-police": {"d4"},  # another story's police: never named beside State Police
    }
    one = build_identity(load_source_table(), sources, [], documents=documents)
    assert one.canonical("police") == "state-police"
    assert one.canonical("police-spokesman") == "state-police"
    assert one.canonical("kenya-police") == "kenya-police"
    two = build_identity(
        load_source_table(),
        [*sources, SourceInfo("border-police", "Border Police", "organisation")],
        [],
        documents={**documents, "border-police": {"d1"}},
    )
    assert two.canonical("police") == "police"  # two police bodies in its report: which one?


def test_a_generic_army_is_never_a_rebel_army_named_in_its_report():
    """ "The army" beside "the West Papua National Liberation Army" is the state's army, not
    the rebels; and a countryless "army" is the corpus's one country army only where its
    reports name that country (a folder of several stories)."""
    sources = [
        SourceInfo(
            "west-papua-national-liberation-army",
            "West Papua National Liberation Army",
            "organisation",
        ),
        SourceInfo("army", "army", "organisation"),
        SourceInfo("ug-army", "Ugandan army", "organisation", "UG"),
        SourceInfo("id-officials", "Indonesian officials", "group", "ID"),
    ]
    documents = {
        "west-papua-national-liberation-army": {"d1"},
        "army": {"d1"},
        "id-officials": {"d1"},
        "ug-army": {"d2"},
    }
    identity = build_identity(load_source_table(), sources, [], documents=documents)
    assert identity.canonical("army") == "army"


def test_a_generic_police_is_the_police_of_a_region_named_in_its_report():
    sources = [
        SourceInfo("police-in-cabo-delgado", "Police in Cabo Delgado", "organisation"),
        SourceInfo("police", "police", "group"),
    ]
    documents = {"police-in-cabo-delgado": {"d1"}, "police": {"d1", "d2"}}
    identity = build_identity(load_source_table(), sources, [], documents=documents)
    assert identity.canonical("police") == "police-in-cabo-delgado"


def test_a_countrys_police_is_its_one_named_national_police_force():
    sources = [
        SourceInfo(
            "royal-papua-new-guinea-constabulary",
            "Royal Papua New Guinea Constabulary",
            "organisation",
            "PG",
        ),
        SourceInfo("pg-police", "Papua New Guinea police", "group", "PG"),
        SourceInfo("ke-police", "Kenya police", "group", "KE"),
    ]
    documents = {
        "royal-papua-new-guinea-constabulary": {"d1"},
        "pg-police": {"d2"},
        "ke-police": {"d3"},
    }
    one = build_identity(load_source_table(), sources, [], documents=documents)
    assert one.canonical("pg-police") == "royal-papua-new-guinea-constabulary"
    assert one.canonical("ke-police") == "ke-police"  # no named force of Kenya
    two = build_identity(
        load_source_table(),
        [
            *sources,
            SourceInfo("pg-police-force", "Port Moresby Police Force", "organisation", "PG"),
        ],
        [],
        documents={**documents, "pg-police-force": {"d4"}},
    )
    assert two.canonical("pg-police") == "pg-police"  # two named forces: which one?


def test_rejected_charges_hit_the_charges_however_far_up_the_report(tmp_path, pipeline):
    filler = (
        "The port authority said traffic in the harbour was normal on Friday, and ferries to "
        "the islands kept to their timetable despite strong winds along the coast. "
    )
    pairs = _denial_pairs(
        tmp_path,
        pipeline,
        (
            "Harbour Wire",
            "2026-05-08",
            "A prosecutor in Split charged two dock workers with smuggling cigarettes through "
            "the container terminal, court officials said.\n\n"
            + filler * 4
            + "\n\nThe lawyer for the two men, Ivo Maric, rejected the charges.",
        ),
    )
    assert any("charged two dock workers" in claim for claim, _ in pairs), pairs


def test_a_denial_with_another_verb_and_only_the_names_in_common_denies_nothing():
    from claimgraph.resolve.clusters import Features, names_only_in_common
    from claimgraph.resolve.lexical import words

    denial = Features("deny", (), ("KP",), ("pyongyang",), "ru-government", predicate="supply")
    receive = Features("assert", (), ("KP",), ("pyongyang",), "jp-government", predicate="receive")
    assert names_only_in_common(
        denial,
        receive,
        words("Pyongyang is supplying shells for the war"),
        words("Pyongyang could receive advanced missile technology in return"),
    )
    assert not names_only_in_common(
        denial,
        receive,
        words("Pyongyang is supplying shells for the war"),
        words("Pyongyang has shipped shells by rail"),
    )


def test_a_negated_claim_with_the_claims_own_verb_contradicts_it(tmp_path, pipeline):
    with reports_store(
        tmp_path,
        pipeline,
        [
            (
                "Adriatic Post",
                "2026-05-08",
                "The suspect had rented a flat overlooking the naval base in Pula for 14 "
                "months, two people familiar with the investigation told the Adriatic Post.",
            ),
            (
                "Istria Daily",
                "2026-05-09",
                "The lawyer for the suspect, Marko Horvat, said his client had never rented a "
                "flat overlooking the naval base in Pula.",
            ),
        ],
    ) as store:
        clusters = {c.id: c for c in read.clusters(store)}
        found = [
            (clusters[c.claim].label, clusters[c.by].label)
            for c in read.contradictions(store)
            if c.kind == "denial"
        ]
    assert len(found) == 1, found
    claim, negation = found[0]
    assert "never" in negation
    assert "14" in claim


def test_a_figure_dispute_names_who_gave_the_figure_first():
    from claimgraph.resolve.contradictions import figure_conflicts

    rows = [
        _row("c1", 8000.0, "current", "us-government", "about 8,000", day="2026-02-05"),
        {
            **_row("c2", 11000.0, "current", "ua-government", "11,000", day="2026-02-04"),
            "original_source": "intelligence-chief",
        },
        {
            **_row("c2", 11000.0, "current", "ua-government", "about 11,000", day="2026-02-06"),
            "attribution_id": "a-c2-later",
            "original_source": "president",
        },
    ]
    [found] = figure_conflicts(rows, 5.0, 0.1, "troops", new={"a-c2-later"})
    assert "11,000 from intelligence-chief" in found.explanation
    assert "president" not in found.explanation


def test_a_pointing_denial_of_similar_accounts_hits_the_claim_before_it(tmp_path, pipeline):
    pairs = _denial_pairs(
        tmp_path,
        pipeline,
        (
            "Levant Wire",
            "2026-05-08",
            "Turkey's intelligence agency said on Friday that 900 Iranian advisers had been "
            "flown to Latakia this month.\n\nAsked about the report, Iran's foreign ministry "
            "spokesman dismissed similar media accounts as another fake.",
        ),
    )
    assert any("900 Iranian advisers" in claim for claim, _ in pairs), pairs


def test_a_denial_of_a_named_bodys_report_does_not_hit_another_bodys_claim(tmp_path, pipeline):
    pairs = _denial_pairs(
        tmp_path,
        pipeline,
        (
            "Sahel Desk",
            "2026-05-08",
            "The regional hospital said 44 people had been killed in the air strike on the "
            "market in Djibo, most of them civilians.\n\nThe army rejected a report by the "
            "Sahel Rights Observatory that between 30 and 50 civilians were killed when a "
            "drone struck the market.",
        ),
    )
    assert not any("hospital" in claim or "44 people" in claim for claim, _ in pairs), pairs


def test_a_body_on_both_sides_of_a_figure_dispute_revised_its_own_figure():
    from claimgraph.resolve.contradictions import figure_conflicts

    rows = [
        _row("c1", 3000.0, "current", "us-government", "3,000", day="2026-02-03"),
        {
            **_row("c1", 3000.0, "current", "kr-government", "some 3,000", day="2026-02-04"),
            "attribution_id": "a-c1-seoul",
        },
        _row("c2", 10000.0, "current", "us-government", "about 10,000", day="2026-02-05"),
    ]
    assert figure_conflicts(rows, 5.0, 0.1, "troops") == []


def test_that_report_is_the_one_just_told_not_the_most_reported(tmp_path, pipeline):
    """ "rejected that report" answers the claim right before it, even when an earlier claim
    in the report was carried by more outlets."""
    lost = "The aviation authority said 14 flights had lost satellite navigation over the capital."
    reports = [
        ("Sky Desk", "2026-11-20", lost),
        ("Air Ledger", "2026-11-20", lost.replace("said", "reported that")),
        (
            "Runway Post",
            "2026-11-21",
            f"{lost} The Valley Gazette reported that the diverted jet had descended to 300 "
            "metres above the hills before controllers ordered it to climb. The airline has "
            "rejected that report.",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        clusters = {c.id: c for c in read.clusters(store)}
        pairs = [
            (clusters[c.claim].label, clusters[c.by].label)
            for c in read.contradictions(store)
            if c.kind == "denial"
        ]
    assert pairs, "the denial is linked"
    assert all("300 metres" in claim for claim, _ in pairs), pairs


def test_a_role_named_in_one_report_is_the_one_person_who_holds_it():
    sources = [
        SourceInfo("amina-dube", "Amina Dube", "person", roles=("Lugo district administrator",)),
        SourceInfo("district-administrator", "district administrator", "organisation"),
        SourceInfo("provincial-governor", "provincial governor", "person"),
        SourceInfo("tomas-ruiz", "Tomas Ruiz", "person", roles=("provincial governor",)),
        SourceInfo("ana-lima", "Ana Lima", "person", roles=("provincial governor",)),
    ]
    identity = build_identity(load_source_table(), sources, [])
    assert identity.canonical("district-administrator") == "amina-dube"
    # two governors in the corpus: which one?
    assert identity.canonical("provincial-governor") == "provincial-governor"


def test_an_office_of_a_named_place_is_the_one_person_who_holds_it():
    sources = [
        SourceInfo("bako-sidibe", "Bako Sidibe", "person", roles=("The mayor of Tenenkou",)),
        SourceInfo("mayor-of-tenenkou", "mayor of Tenenkou", "person"),
        SourceInfo("tenenkou-mayor", "Tenenkou mayor", "person"),
        SourceInfo(
            "mayor-of-the-nearby-town-of-tenenkou", "mayor of the nearby town of Tenenkou", "person"
        ),
        SourceInfo("mayor-of-dia", "mayor of Dia", "person"),  # nobody named holds it
        SourceInfo("tenenkou-hospital", "Tenenkou Hospital", "organisation"),
    ]
    identity = build_identity(load_source_table(), sources, [])
    assert identity.canonical("mayor-of-tenenkou") == "bako-sidibe"
    assert identity.canonical("tenenkou-mayor") == "bako-sidibe"
    assert identity.canonical("mayor-of-the-nearby-town-of-tenenkou") == "bako-sidibe"
    assert identity.canonical("mayor-of-dia") == "mayor-of-dia"
    assert identity.canonical("tenenkou-hospital") == "tenenkou-hospital"


def test_one_person_described_by_kin_in_other_words_is_that_person():
    sources = [
        SourceInfo("mari-tamm", "Mari Tamm", "person", roles=("the captain's wife",)),
        SourceInfo("wife-of-the-captain-of-the-sula", "wife of the captain of the Sula", "person"),
        SourceInfo("wife-of-the-boat-captain", "wife of the boat's captain", "organisation"),
        SourceInfo("wife-of-the-mayor", "wife of the mayor", "person"),  # nobody named holds it
    ]
    identity = build_identity(load_source_table(), sources, [])
    assert identity.canonical("wife-of-the-captain-of-the-sula") == "mari-tamm"
    assert identity.canonical("wife-of-the-boat-captain") == "mari-tamm"
    assert identity.canonical("wife-of-the-mayor") == "wife-of-the-mayor"


def test_a_description_no_role_form_fits_stays_itself():
    # one person holds a one-word role: a body of three words is not that person
    sources = [
        SourceInfo("bako-sidibe", "Bako Sidibe", "person", roles=("The mayor",)),
        SourceInfo("army-general-staff", "army general staff", "organisation"),
    ]
    identity = build_identity(load_source_table(), sources, [])
    assert identity.canonical("army-general-staff") == "army-general-staff"


def test_a_countrys_police_is_its_one_police_board():
    sources = [
        SourceInfo(
            "lt-police-and-border-board",
            "Lithuania's Police and Border Board",
            "organisation",
            "LT",
        ),
        SourceInfo("lt-police", "Lithuanian police", "group", "LT"),
    ]
    identity = build_identity(load_source_table(), sources, [])
    assert identity.canonical("lt-police") == "lt-police-and-border-board"


def test_a_body_named_with_and_without_its_country_is_one_body():
    sources = [
        SourceInfo("civil-aviation-authority", "Civil Aviation Authority", "organisation"),
        SourceInfo(
            "md-civil-aviation-authority",
            "Moldova's Civil Aviation Authority",
            "organisation",
            "MD",
        ),
    ]
    identity = build_identity(load_source_table(), sources, [])
    assert identity.canonical("civil-aviation-authority") == "md-civil-aviation-authority"
    two = build_identity(
        load_source_table(),
        [
            SourceInfo("am-defence-ministry", "Armenia's Defence Ministry", "organisation", "AM"),
            SourceInfo(
                "az-defence-ministry", "Azerbaijan's Defence Ministry", "organisation", "AZ"
            ),
        ],
        [],
    )
    assert two.canonical("am-defence-ministry") != two.canonical("az-defence-ministry")


def test_two_claims_with_only_a_place_name_in_common_stay_apart(tmp_path, pipeline):
    """Who holds a town, said by the two sides, names one town and nothing else in common: two
    claims, not one corroborated by the other side."""
    clusters = _resolved(
        tmp_path,
        pipeline,
        [
            (
                "Lake Post",
                "2026-11-03",
                "A militia commander, Teshome Alemu, said Dangila was in the hands of the people.",
            ),
            (
                "Rift Wire",
                "2026-11-04",
                "The army said on Tuesday that it was fully in control of Dangila.",
            ),
        ],
    )
    people = _cluster_with(clusters, "hands of the people")
    assert not any("in control" in m.content_text for m in people.members)


def test_a_party_rejecting_an_accusation_denies_what_accuses_it_not_the_story(tmp_path, pipeline):
    reports = [
        (
            "Gulf Courier",
            "2026-03-02",
            "Drones struck the fuel depot at the port of Berbera before dawn on Monday, killing "
            "nine workers, the port's health office said. Somaliland's information minister "
            "accused Ethiopia of supplying the drones used in the attack on the Berbera depot.",
        ),
        (
            "Horn Ledger",
            "2026-03-03",
            "Ethiopia rejects Somaliland accusation over Berbera depot drones\n\nEthiopia's "
            'foreign ministry rejected the Somaliland accusation over the drones as "baseless" '
            "on Tuesday.",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        clusters = {c.id: c for c in read.clusters(store)}
        denied = [clusters[c.claim].label for c in read.contradictions(store) if c.kind == "denial"]
    assert any("Ethiopia" in label for label in denied), denied
    assert not any("nine workers" in label for label in denied), denied


def test_a_generic_port_authority_is_the_one_named_port_authority():
    from claimgraph.resolve.identity import SourceInfo, build_identity

    identity = build_identity(
        load_source_table(),
        [
            SourceInfo("port-authority", "port authority", "organisation"),
            SourceInfo("hodeida-port-authority", "Hodeida Port Authority", "organisation", "YE"),
        ],
        [],
    )
    assert identity.canonical("port-authority") == "hodeida-port-authority"


def test_a_range_is_a_point_of_its_series_and_can_be_disputed(tmp_path, pipeline):
    """ "between 20 and 30 civilians" is an estimate like any other: a point at its lower bound
    that keeps its words, set against a count outside it."""
    reports = [
        (
            "Lake Wire",
            "2026-05-04T08:00:00+00:00",
            "Raid on Kolofata\n\nThe UN humanitarian office said between 20 and 30 civilians "
            "had been killed in the raid on Kolofata.",
        ),
        (
            "Sahel Ledger",
            "2026-05-04T12:00:00+00:00",
            "Kolofata toll\n\nThe defence ministry said nine civilians had been killed in the "
            "raid on Kolofata.",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        points = [p for s in read.estimate_series(store) for p in s.points]
        contradictions = [c for c in read.contradictions(store) if c.kind == "figures"]
    ranged = [p for p in points if p.text and "20 and 30" in p.text]
    assert ranged, points
    assert ranged[0].value == 20
    assert contradictions, points


def test_one_office_named_two_ways_is_one_source():
    identity = _identity(
        SourceInfo("mayor-of-fotokol", "mayor of Fotokol", "person"),
        SourceInfo("fotokol-mayor", "Fotokol mayor", "person"),
        SourceInfo("governor-of-rakhine", "governor of Rakhine", "person"),
        SourceInfo(
            "joint-command-of-the-armed-forces", "Joint Command of the Armed Forces", "organisation"
        ),
        SourceInfo("armed-forces-joint-command", "armed forces' Joint Command", "organisation"),
    )
    assert identity.canonical("mayor-of-fotokol") == identity.canonical("fotokol-mayor")
    assert identity.canonical("joint-command-of-the-armed-forces") == identity.canonical(
        "armed-forces-joint-command"
    )
    assert identity.canonical("governor-of-rakhine") == "governor-of-rakhine"


def test_a_surname_alone_is_the_one_person_so_named():
    """ "JAYASEKERA:" opening a transcript's lines is Commander Ruwan Jayasekera of the other
    reports."""
    identity = _identity(
        SourceInfo("ruwan-jayasekera", "Ruwan Jayasekera", "person"),
        SourceInfo("jayasekera", "JAYASEKERA", "person"),
    )
    assert identity.canonical("jayasekera") == "ruwan-jayasekera"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("army spokesman Colonel Servais Akpovi", "servais-akpovi"),
        ("the government of Servais Akpovi", "other"),
    ],
)
def test_a_name_with_a_title_before_it_is_that_person(name, canonical):
    identity = _identity(
        SourceInfo("servais-akpovi", "Servais Akpovi", "person"),
        SourceInfo("other", name, "organisation"),
    )
    assert identity.canonical("other") == canonical


def test_a_korean_family_name_alone_is_the_one_person_so_named():
    """ "Seo said" in another report is Seo Min-jae: the family name comes first."""
    identity = _identity(
        SourceInfo("seo-min-jae", "Seo Min-jae", "person"),
        SourceInfo("seo", "Seo", "person"),
    )
    assert identity.canonical("seo") == "seo-min-jae"


def test_a_denial_of_this_answers_the_sentence_just_before(tmp_path, pipeline):
    """ "The defence ministry rejects this": the claim told just before, not the one most
    reported."""
    toll = (
        "The UN humanitarian office said between 20 and 30 civilians had been killed in the "
        "raid on Kolofata."
    )
    with reports_store(
        tmp_path,
        pipeline,
        [
            ("Lake Wire", "2026-05-04T08:00:00+00:00", f"Kolofata raid\n\n{toll}"),
            (
                "Sahel Ledger",
                "2026-05-05T08:00:00+00:00",
                f"Kolofata: what we know\n\n{toll} Residents say soldiers at the post near the "
                "market pulled back to their base during the raid. The defence ministry rejects "
                "this.",
            ),
        ],
    ) as store:
        clusters = {c.id: c for c in read.clusters(store)}
        denied = [clusters[c.claim].label for c in read.contradictions(store) if c.kind == "denial"]
    assert denied, "the denial is linked"
    assert all("pulled back" in label for label in denied), denied


@pytest.mark.parametrize("in_body", [False, True])
def test_a_headline_alone_denies_nothing(tmp_path, pipeline, in_body):
    """A headline is a clipped restatement of its body: the body's denial is linked, a denial
    said only in the headline is not."""
    claim = (
        "Wire",
        "2026-05-01",
        "Border clash reported\n\nArmenia's defence ministry said Azerbaijani troops crossed "
        "the border near Sotk on Monday and shelled two villages.",
    )
    body = (
        "Azerbaijan's defence ministry denied that Azerbaijani troops had crossed the border near "
        "Sotk and shelled two villages."
        if in_body
        else "Azerbaijan's president met farmers in Ganja on Tuesday, his office said."
    )
    headline = (
        "Azerbaijan denies Azerbaijani troops crossed the border near Sotk and shelled villages"
    )
    denial = ("Post", "2026-05-02", f"{headline}\n\n{body}")
    with reports_store(tmp_path, pipeline, [claim, denial]) as store:
        clusters = {c.id: c for c in read.clusters(store)}
        denied = [clusters[c.claim].label for c in read.contradictions(store) if c.kind == "denial"]
    assert bool(denied) == in_body, denied


def test_a_lead_on_the_first_line_is_no_headline(tmp_path, pipeline):
    """A report whose headline is kept apart (in its metadata) opens with its lead sentence:
    that sentence is the body's, and its denial is linked."""
    claim = (
        "Wire",
        "2026-05-01",
        "Border clash reported\n\nArmenia's defence ministry said Azerbaijani troops crossed "
        "the border near Sotk on Monday and shelled two villages.",
    )
    lead = (
        "BAKU — Azerbaijan's defence ministry denied that Azerbaijani troops had crossed the "
        "border near Sotk and shelled two villages."
    )
    denial = ("Post", "2026-05-02", f"{lead}\n\nThe ministry gave no further details.")
    with reports_store(tmp_path, pipeline, [claim, denial]) as store:
        denials = [c for c in read.contradictions(store) if c.kind == "denial"]
    assert denials


def test_a_headline_figure_its_body_gives_is_counted_once(tmp_path, pipeline):
    """ "'We buried 42 people': Wabag church disputes ..." restates the body's "the diocese
    said": the series has the diocese's 42, not a second point from the church the headline
    named."""
    reports = [
        (
            "Courier",
            "2026-11-24",
            "'We buried 42 people': Wabag church disputes police toll\n\nWABAG — Forty-two "
            "people killed in "
            "Sunday's attack on Paiam have been buried, the Catholic Diocese of Wabag said on "
            "Tuesday.",
        ),
        (
            "Wire",
            "2026-11-23",
            "Gunmen attack Paiam\n\nWABAG — Eleven people were killed in an attack on the "
            "settlement of Paiam in Enga province, the police said on Monday.",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        points = [p for s in read.estimate_series(store) for p in s.points]
    forty_two = [p for p in points if p.value == 42]
    assert len(forty_two) == 1, forty_two
    assert "church" not in (forty_two[0].source or "").casefold(), forty_two


def test_a_denial_reaches_a_claim_in_a_report_that_names_no_place(tmp_path, pipeline):
    pairs = _denial_pairs_of(
        tmp_path,
        pipeline,
        [
            (
                "Harbour Post",
                "2026-03-02",
                "Hackers hit water utility\n\nTAMPERE — A cyberattack stopped the pumps of the "
                "Tampere water utility on Monday. No billing records had been stolen, the "
                "utility's director Mikko Salo said.",
            ),
            (
                "Net Weekly",
                "2026-03-03",
                "Group claims theft\n\nA group calling itself BlackPine said on Tuesday that it "
                "had stolen 40,000 billing records from the utility's servers.",
            ),
        ],
    )
    assert any("billing records" in claim for claim, _ in pairs), pairs


def test_an_acronym_of_one_body_named_with_and_without_its_country_is_that_body():
    identity = _identity(
        SourceInfo("se-space-corporation", "Swedish Space Corporation", "organisation", "SE"),
        SourceInfo("swedish-space-corporation", "Swedish Space Corporation", "organisation"),
        SourceInfo("ssc", "SSC", "organisation"),
        SourceInfo("karin-lindgren", "Karin Lindgren", "person", "SE", "ssc"),
    )
    assert identity.canonical("ssc") == identity.canonical("swedish-space-corporation")
    assert identity.independence("karin-lindgren", None) == identity.independence(
        "se-space-corporation", None
    )


def test_an_acronym_stored_in_its_brackets_is_still_the_body():
    """ "... Centre (NCSC) said": a source stored as "(NCSC)" is the National Cyber Security
    Centre another report names in full (the overview had shown "(NCSC)" as a speaker)."""
    identity = _identity(
        SourceInfo(
            "gb-national-cyber-security-centre",
            "UK's National Cyber Security Centre",
            "organisation",
            "GB",
        ),
        SourceInfo(
            "national-cyber-security-centre", "National Cyber Security Centre", "organisation"
        ),
        SourceInfo("ncsc", "(NCSC)", "organisation"),
    )
    assert identity.canonical("ncsc") == "gb-national-cyber-security-centre"


def test_an_acronym_described_is_the_body_it_stands_for():
    """ "NAS fighters" is the National Salvation Front another report named with its acronym,
    not a second body with the initials "NAS"; with no such body it is still "FCC"."""
    identity = _identity(
        SourceInfo(
            "national-salvation-front",
            "The National Salvation Front",
            "organisation",
            aliases=("NAS",),
        ),
        SourceInfo("nas", "NAS", "organisation"),
        SourceInfo("nas-fighters", "NAS fighters", "group", aliases=("NAS",)),
        SourceInfo("fcc-fighters", "FCC fighters", "group", aliases=("FCC",)),
        SourceInfo("fcc", "FCC", "organisation"),
    )
    assert identity.canonical("nas") == "national-salvation-front"
    assert identity.canonical("nas-fighters") == "national-salvation-front"
    assert identity.canonical("fcc") == "fcc-fighters"


def test_an_acronym_of_the_body_whose_statement_the_corpus_holds_is_that_body():
    """ "CDHC" is the Comité de Derechos Humanos del Catatumbo, whose communiqué is one of the
    reports, unless a body that speaks in them has those initials."""
    identity = _identity(
        SourceInfo(
            "comite-de-derechos-humanos-del-catatumbo",
            "Comité de Derechos Humanos del Catatumbo",
            "outlet",
        ),
        SourceInfo("cdhc", "CDHC", "organisation"),
        SourceInfo("swedish-space-corporation", "Swedish Space Corporation", "organisation"),
        SourceInfo("swedish-space-corporation-release", "Swedish Space Corporation", "outlet"),
        SourceInfo("ssc", "SSC", "organisation"),
    )
    assert identity.canonical("cdhc") == "comite-de-derechos-humanos-del-catatumbo"
    assert identity.canonical("ssc") == "swedish-space-corporation"


def test_a_companys_kind_alone_is_the_one_company_so_named():
    """ "Hydro said" after "Caledonia Hydro": the only body of the corpus named so; "Army" is
    never the Arakan Army, nor "Group" any one group."""
    identity = _identity(
        SourceInfo("caledonia-hydro", "Caledonia Hydro", "organisation"),
        SourceInfo("hydro", "Hydro", "organisation"),
        SourceInfo("arakan-army", "Arakan Army", "organisation"),
        SourceInfo("army", "Army", "organisation"),
        SourceInfo("wagner-group", "Wagner Group", "organisation"),
        SourceInfo("group", "Group", "organisation"),
    )
    assert identity.canonical("hydro") == "caledonia-hydro"
    assert identity.canonical("army") == "army"
    assert identity.canonical("group") == "group"


def test_a_double_surname_alone_is_the_one_person_so_named():
    identity = _identity(
        SourceInfo("hortense-mboumba-nze", "Hortense Mboumba Nzé", "person", "GA"),
        SourceInfo("mboumba-nze", "Mboumba Nzé", "organisation"),
    )
    assert identity.canonical("mboumba-nze") == "hortense-mboumba-nze"


def test_a_capital_that_speaks_is_its_government():
    identity = _identity(
        SourceInfo("ga-government", "Government of Gabon", "government", "GA"),
        SourceInfo("libreville", "Libreville", "organisation"),
    )
    assert identity.canonical("libreville") == "ga-government"


def test_a_countrys_minister_named_by_office_alone_counts_with_its_government():
    """ "Canada's public safety minister" is the government's word; a province's minister and
    a minister with a name keep their own keys."""
    identity = _identity(
        SourceInfo("ca-public-safety-minister", "Canada's public safety minister", "person", "CA"),
        SourceInfo(
            "ca-emergency-management-minister",
            "Nova Scotia's emergency management minister",
            "person",
            "CA",
        ),
        SourceInfo("ca-police", "Canada's police", "organisation", "CA"),
    )
    government = identity.independence("ca-police", None)
    assert identity.independence("ca-public-safety-minister", None) == government
    assert identity.independence("ca-emergency-management-minister", None) != government


def test_a_countrys_side_counts_with_its_state():
    identity = _identity(
        SourceInfo("tr-side", "Turkish side", "organisation", "TR"),
        SourceInfo("tr-authorities", "Turkish authorities", "organisation", "TR"),
    )
    keys = {identity.independence(source, None) for source in ("tr-side", "tr-authorities")}
    assert len(keys) == 1, keys


def test_a_described_rights_group_is_the_one_rights_organisation_named():
    """ "A Central African rights group said" over "the Central African Observatory for Human
    Rights said" in the same report: one organisation, one origin; with two named in its
    report, or a named one of another country, it stays apart."""
    observatory = SourceInfo(
        "observatory", "Central African Observatory for Human Rights", "organisation"
    )
    sources = [
        observatory,
        SourceInfo("cf-rights-group", "Central African rights group", "organisation", "CF"),
        SourceInfo("rights-group", "Rights group", "organisation"),
        SourceInfo("ml-human-rights-group", "Malian human rights group", "organisation", "ML"),
        SourceInfo("amdh", "Malian Association for Human Rights", "organisation", "ML"),
    ]
    documents = {
        "observatory": {"d1"},
        "cf-rights-group": {"d1"},
        "rights-group": {"d2"},
        "ml-human-rights-group": {"d3"},
        "amdh": {"d3"},
    }
    one = build_identity(load_source_table(), sources, [], documents=documents)
    assert one.canonical("cf-rights-group") == "observatory"
    assert one.canonical("ml-human-rights-group") == "amdh"
    assert one.canonical("rights-group") == "rights-group"  # two in the corpus, none beside it
    league = SourceInfo("league", "Central African Human Rights League", "organisation")
    two = build_identity(
        load_source_table(), [*sources, league], [], documents={**documents, "league": {"d1"}}
    )
    assert two.canonical("cf-rights-group") == "cf-rights-group"


def test_an_unnamed_official_speaks_for_no_body_in_a_dispute():
    """The army's three dead and "at least 12", from a security official who may not be named,
    are two bodies' figures (a dispute), though both count once as Mali's support."""
    identity = _identity(
        SourceInfo("anonymous-ml-security-official", "security official", "anonymous", "ML")
    )
    army = identity.speaking_body("ml-army", identity.independence("ml-army", None))
    official = identity.speaking_body(
        "anonymous-ml-security-official",
        identity.independence("anonymous-ml-security-official", None),
    )
    assert identity.independence("anonymous-ml-security-official", None) == (
        identity.independence("ml-army", None)
    )
    assert army != official


def test_an_office_of_a_place_is_the_one_person_called_by_that_office():
    """ "the mayor of Bocaranga" is the "Mayor Hortense Yakité" of another report when she is
    the corpus's one mayor; a second place's mayor leaves both apart."""
    sources = [
        SourceInfo("mayor-of-bocaranga", "mayor of Bocaranga", "person"),
        SourceInfo("hortense-yakite", "Hortense Yakité", "person", roles=("Mayor",)),
    ]
    assert _identity(*sources).canonical("mayor-of-bocaranga") == "hortense-yakite"
    other = SourceInfo("mayor-of-koui", "mayor of Koui", "person")
    assert _identity(*sources, other).canonical("mayor-of-bocaranga") == "mayor-of-bocaranga"


def test_the_towns_mayor_is_the_one_person_called_mayor():
    """ "the town's mayor", "the local mayor": the mayor of the story's town, who is the
    corpus's one person called mayor; with two named mayors, nobody can tell which."""
    sources = [
        SourceInfo("town-s-mayor", "town's mayor", "person"),
        SourceInfo("local-mayor", "local mayor", "person"),
        SourceInfo("bakary-diarra", "Bakary Diarra", "person", roles=("Mayor",)),
    ]
    identity = _identity(*sources)
    assert identity.canonical("town-s-mayor") == "bakary-diarra"
    assert identity.canonical("local-mayor") == "bakary-diarra"
    other = SourceInfo("awa-keita", "Awa Keïta", "person", roles=("Mayor",))
    assert _identity(*sources, other).canonical("town-s-mayor") == "town-s-mayor"


def test_a_count_from_a_report_that_names_no_place_joins_the_one_placed_series(tmp_path, pipeline):
    """A report that names no country gives a count of the abducted: it is the same series as
    the abducted counted in Nigeria by other reports, whichever report came first, and the two
    bodies' figures are disputed."""
    reports = [
        (
            "Village Voice",
            "2026-05-04T08:00:00+00:00",
            "Birnin Magaji\n\nThe chairman of the parents' association said 112 students had been "
            "abducted from the school at Birnin Magaji.",
        ),
        (
            "Plover Wire",
            "2026-05-04T12:00:00+00:00",
            "Zamfara abduction\n\nPolice in Zamfara State, Nigeria, said 41 students had been "
            "abducted from the school at Birnin Magaji.",
        ),
        (
            "Village Voice",
            "2026-05-04T16:00:00+00:00",
            "Birnin Magaji\n\nThe state commissioner said 67 students had been abducted from the "
            "school at Birnin Magaji.",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        series = [s for s in read.estimate_series(store) if "abducted" in s.topic]
        contradictions = [c for c in read.contradictions(store) if c.kind == "figures"]
    assert len(series) == 1, [s.topic for s in series]
    assert {p.value for p in series[0].points} == {112, 41, 67}
    assert len(contradictions) == 3, [c.explanation for c in contradictions]


def test_a_body_described_and_not_named_is_the_one_named_body_so_described():
    """ "The company said" in a report that never names it is AS Emajõe Vesi, introduced in
    another report as "The water utility, AS Emajõe Vesi"; with a second company so described
    the corpus cannot tell which."""
    sources = [
        SourceInfo("company", "company", "organisation"),
        SourceInfo("as-emajoe-vesi", "AS Emajõe Vesi", "organisation", roles=("water utility",)),
    ]
    assert _identity(*sources).canonical("company") == "as-emajoe-vesi"
    other = SourceInfo("kuopio-energia", "Kuopio Energia", "organisation", roles=("company",))
    assert _identity(*sources, other).canonical("company") == "company"
    operator = SourceInfo("dorian-maritime", "Dorian Maritime", "organisation", roles=("operator",))
    assert _identity(*sources, operator).canonical("company") == "as-emajoe-vesi"
    # "the operator in Greece": the one operator, wherever the report places it
    greek = SourceInfo("gr-operator", "Greece operator", "organisation", country="GR")
    assert _identity(*sources, operator, greek).canonical("gr-operator") == "dorian-maritime"
    assert _identity(*sources).canonical("as-emajoe-vesi") == "as-emajoe-vesi"


def test_a_description_a_person_tagged_name_also_bears_maps_to_no_body():
    """ "operator says" in a Kosovo report is not the one body described as a boat's owner in
    another story, when the report's own operator ("the country's largest operator, Dardanet")
    was tagged as a person's name: two bearers of the word, so neither."""
    owner = SourceInfo("ana-ruiz-fishing", "Ruiz Fishing", "organisation", roles=("boat owner",))
    described = SourceInfo("operator", "operator", "organisation")
    assert _identity(owner, described).canonical("operator") == "ana-ruiz-fishing"
    tagged = SourceInfo("dardanet", "Dardanet", "person", roles=("country largest operator",))
    assert _identity(owner, described, tagged).canonical("operator") == "operator"


def test_a_body_named_with_and_without_its_country_and_parent_is_one():
    """ "the Fifth Fleet", "the U.S. Fifth Fleet" and "the U.S. Navy's Fifth Fleet" are one
    body; "the US Navy" is not it."""
    identity = _identity(
        SourceInfo("fifth-fleet", "Fifth Fleet", "organisation"),
        SourceInfo("us-fifth-fleet", "U.S. Fifth Fleet", "organisation", country="US"),
        SourceInfo("us-navy-fifth-fleet", "U.S. Navy's Fifth Fleet", "organisation", country="US"),
        SourceInfo("us-navy", "US Navy", "organisation", country="US"),
    )
    fleet = identity.canonical("us-fifth-fleet")
    assert identity.canonical("fifth-fleet") == fleet
    assert identity.canonical("us-navy-fifth-fleet") == fleet
    assert identity.canonical("us-navy") != fleet


def test_a_company_with_and_without_its_company_form_is_one():
    identity = _identity(
        SourceInfo("as-emajoe-vesi", "AS Emajõe Vesi", "organisation"),
        SourceInfo("emajoe-vesi", "Emajõe Vesi", "organisation"),
    )
    assert identity.canonical("emajoe-vesi") == identity.canonical("as-emajoe-vesi")


def test_a_firm_called_security_is_no_state_body_of_the_scene():
    """ "Kilp Security", a Tallinn firm, in a report set in Estonia is its own origin; an
    unlisted "border security service" there is the state's."""
    identity = _identity(
        SourceInfo("kilp-security", "Kilp Security", "organisation"),
        SourceInfo("border-security-service", "border security service", "organisation"),
    )
    assert identity.independence("kilp-security", None, scene="EE") == "kilp-security"
    assert identity.independence("border-security-service", None, scene="EE") != (
        "border-security-service"
    )


def test_a_presenter_passing_on_what_others_say_is_no_source_but_an_interviewee_is(analyse):
    """A transcript's presenter reading the news ("OKAFOR: ... The security service says ...
    Russia's embassy calls the accusation baseless") passes others' claims on; the interviewee
    who answers in his own words speaks."""
    from claimgraph.resolve.engine import _relaying_voice
    from claimgraph.resolve.facts import document_facts
    from claimgraph.resolve.lexicons import load_resolve_lexicon

    text = (
        "Transcript: The World Tonight\n\n"
        "OKAFOR: In Estonia, the security service says a group linked to the GRU is highly likely "
        "to be responsible for the attack on the water supply of Tartu. Russia's embassy in "
        "Tallinn calls the accusation baseless.\n\n"
        "KIVISILD: That is not true. We have the logs. Four stations were stopped, and the other "
        "seven kept working normally the whole time, whatever the channel says."
    )
    identity = build_identity(load_source_table(), [], [])
    facts = document_facts(analyse(text), identity, load_resolve_lexicon())
    voices = {f.source_text: _relaying_voice(f, facts) for f in facts if f.cue == ":"}
    assert voices.get("OKAFOR") is True, voices
    assert voices.get("KIVISILD") is False, voices


def test_a_high_estimate_disputes_a_figure_far_below_it():
    """ "as many as 200 fighters" against the army's "about 80": an estimate near its top, so
    the two disagree; "fewer than 1,000" allows anything below and disputes only more."""
    from claimgraph.resolve.contradictions import figure_conflicts

    def rows(text, qualifier):
        return [
            {**_row("c1", 80.0, "unknown", "army", "about 80"), "qualifier": "approx"},
            {
                **_row("c2", 200.0, "unknown", "officer", text),
                "qualifier": qualifier,
                "high": 200.0,
            },
        ]

    topic = {"topic": "fighters|||CO", "unit": "attackers"}
    high = [{**row, **topic} for row in rows("as many as 200", "upper_bound")]
    assert len(figure_conflicts(high, 5.0, 0.1, "attackers")) == 1
    below = [{**row, **topic} for row in rows("fewer than 200", "upper_bound")]
    assert figure_conflicts(below, 5.0, 0.1, "attackers") == []


def test_a_unit_of_a_bare_army_counts_with_the_scenes_state():
    """ "a spokesman for the army's Second Division" in a report that has named no army with
    its country: the unit is the scene's army, one body with the state's other voices."""
    from claimgraph.nlp.source_table import load_source_table

    identity = build_identity(
        load_source_table(),
        [
            SourceInfo("second-division", "Second Division", "organisation", parent="army"),
            SourceInfo("ana-vera", "Ana Vera", "person", parent="second-division"),
        ],
        [],
    )
    assert identity.independence("ana-vera", None, "CO") == "state@CO"


def test_a_state_body_publishing_its_own_statement_speaks_for_its_state():
    """A ministry's statement on its own site: the outlet is the ministry. It counts with its
    government, as the reports that pass its words on say "Eritrea said"; a newsroom named as
    a speaker stays a newsroom."""
    ministry = SourceInfo(
        "ministry-of-information-state-of-eritrea",
        "Ministry of Information, State of Eritrea",
        "organisation",
        "ER",
    )
    wire = SourceInfo("harbour-wire", "Harbour Wire", "organisation")
    eritrea = SourceInfo("er-government", "Government of Eritrea", "government", "ER")
    identity = build_identity(
        load_source_table(),
        [ministry, wire, eritrea],
        ["Ministry of Information, State of Eritrea", "Harbour Wire"],
    )
    assert not identity.is_media(ministry.id)
    government = identity.independence("er-government", None)
    assert identity.independence(ministry.id, None) == government
    assert identity.is_media("harbour-wire")


def test_a_states_own_media_count_once_with_its_government():
    """ "Iran's state television said the ship carried smuggled fuel", as the Revolutionary
    Guards' statement did: one voice, the state's; a private channel of the same country is
    its own source."""
    state_tv = SourceInfo("ir-state-television", "Iran's state television", "organisation", "IR")
    private = SourceInfo("ir-manoto", "Manoto", "organisation", "IR")
    identity = _identity(state_tv, private)
    guards = identity.independence("ir-irgc", None)
    assert identity.independence(state_tv.id, None) == guards
    assert identity.independence(private.id, None) != guards


def test_a_states_army_never_denies_its_own_defence_ministry(tmp_path, pipeline):
    """ "The army says no soldier was killed" in a report set in Cameroon speaks with
    Cameroon's defence ministry, whose "two soldiers were slightly wounded" it does not deny;
    it denies the attackers' boast."""
    pairs = _denial_pairs_of(
        tmp_path,
        pipeline,
        [
            (
                "Anvil Wire",
                "2026-11-11",
                "Fighters attacked Fotokol in Cameroon's Far North region. Cameroon's defence "
                "ministry said two soldiers were slightly wounded in the attack on Fotokol.",
            ),
            (
                "Anvil Wire",
                "2026-11-12",
                "The jihadist group said its fighters had killed 11 Cameroonian soldiers in "
                "Fotokol. In Cameroon, the army says no soldier was killed in Fotokol and two "
                "were lightly wounded.",
            ),
        ],
    )
    assert not [claim for claim, _ in pairs if "slightly wounded" in claim], pairs


def test_a_denied_figure_is_no_point_of_the_denier(tmp_path, pipeline):
    """ "The army denied that 40 to 60 civilians were killed": 40-60 is the monitor's figure,
    which the series shows once, as the monitor's; the army's own count of none stays."""
    reports = [
        (
            "Horn Ledger",
            "2026-05-04T08:00:00+00:00",
            "Raid on Gedo\n\nA rights monitor said between 40 and 60 civilians had been killed in "
            "the raid on Gedo.",
        ),
        (
            "Sahel Ledger",
            "2026-05-05T12:00:00+00:00",
            "Army rejects toll\n\nThe army denied that 40 to 60 civilians had been killed in the "
            "raid on Gedo, and said that no civilians had been hurt.",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        points = [p for s in read.estimate_series(store) for p in s.points]
    ranged = [p for p in points if p.value == 40]
    assert len(ranged) == 1, points
    assert "monitor" in (ranged[0].source or "").casefold(), ranged


def test_a_figure_two_sayers_of_one_body_gave_is_named_after_the_one_the_report_names_first():
    """ "About 11,000", said the president in the lead; "11,000", his intelligence chief later
    in the same report: the dispute names the president, as the claim's side on the page does,
    not whichever wording sorts first."""
    from claimgraph.resolve.contradictions import figure_conflicts

    president = {
        **_row("c2", 11000.0, "current", "ua", "About 11,000"),
        "original_source": "president",
        "attribution_id": "a-9",
        "document_id": "d1",
        "position": 0,
    }
    chief = {
        **president,
        "text": "11,000",
        "original_source": "chief",
        "attribution_id": "a-1",
        "position": 4,
    }
    other = _row("c1", 8000.0, "current", "us", "about 8,000", day="2026-02-03")
    names = {"president": "the President", "chief": "the Chief", "us": "Washington"}
    [found] = figure_conflicts([chief, other, president], 5.0, 0.1, "troops", name_of=names.get)
    assert "About 11,000 from the President" in found.explanation, found.explanation


def test_a_surname_without_its_arabic_article_is_the_one_person_so_named():
    """ "Brigadier Masoud al-Tarhouni" in one report, "Tarhouni denied ..." in another (the
    tagger read the bare name as a body): one spokesman, one origin."""
    identity = _identity(
        SourceInfo("masoud-al-tarhouni", "Masoud al-Tarhouni", "person", parent="ly-coast-guard"),
        SourceInfo("tarhouni", "Tarhouni", "organisation"),
    )
    assert identity.canonical("tarhouni") == "masoud-al-tarhouni"


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        # the tagger reads "Dr Nadine Sarkis" as a body; the honorific says she is a person
        (
            "Basalt Point Labs, a Beirut security firm, said it had studied the attack. The "
            "intruders copied 310,000 records, said Dr Nadine Sarkis, who leads the firm's "
            "incident response team.",
            "nadine-sarkis",
            "basalt-point-labs",
        ),
        # "the firm" with no report calling it so before: the company named last
        (
            'Tamarind Labs said some streets had no power for 26 hours. "They walked in," said '
            "Dr Rima Haddad, who leads the firm's incident response team.",
            "rima-haddad",
            "tamarind-labs",
        ),
    ],
)
def test_a_person_who_leads_a_team_of_the_firm_speaks_for_the_firm(analyse, text, person, body):
    analysis = analyse(text)
    [speaker] = [s for s in analysis.sources if s.id == person]
    assert speaker.type == "person"
    assert speaker.parent == body


def test_a_countrys_army_spokesman_speaks_for_that_countrys_army_not_the_army_named_before(
    analyse,
):
    analysis = analyse(
        "NOUAKCHOTT — Mauritania's army said it had shot down a Senegalese drone over its "
        "territory.\n\nSenegal's army spokesman, Colonel Ibrahima Ndiaye, denied that any drone "
        "had been lost."
    )
    [person] = [s for s in analysis.sources if s.id == "ibrahima-ndiaye"]
    assert person.parent is not None
    assert person.parent.startswith("sn-"), person.parent


def test_a_name_beside_an_office_is_a_person_the_tagger_took_for_a_body(analyse):
    analysis = analyse(
        "Prospect, the engineers' union, said the station was understaffed. The control room "
        "was short of staff, said Iain Cowie, the union's branch secretary.\n\n"
        "The gates were closed by hand, said Caledonia Hydro, the operator."
    )
    by_id = {s.id: s for s in analysis.sources}
    assert by_id["iain-cowie"].type == "person"
    assert by_id["iain-cowie"].parent == "prospect"
    assert by_id["caledonia-hydro"].type != "person"


def test_a_negation_of_harm_contradicts_a_count_of_those_killed(tmp_path, pipeline):
    """ "Its fighters had not harmed a single civilian in Karimama" rules out "22 civilians were
    killed in Karimama": harm includes killing; a killing of soldiers stays apart."""
    found = _denial_pairs_of(
        tmp_path,
        pipeline,
        [
            (
                "Niger River Times",
                "2026-11-24",
                "The Alibori Citizens' Observatory said 22 civilians were killed in Karimama "
                "during the raid.",
            ),
            (
                "Sahel Ledger",
                "2026-11-25",
                "In a statement, JNIM said its fighters had not harmed a single civilian in "
                "Karimama.",
            ),
        ],
    )
    assert len(found) == 1, found
    claim, negation = found[0]
    assert "22" in claim
    assert "harmed" in negation


def test_an_outlet_retelling_a_speakers_claim_adds_no_origin(tmp_path, pipeline):
    """ "Lakeside Daily reported, citing one of the wounded, that ..." beside the wounded man's
    own words: the outlet is retelling him, so the claim has one origin, not two."""
    clusters = _resolved(
        tmp_path,
        pipeline,
        [
            (
                "Lakeside Daily",
                "2026-03-02T08:00:00+00:00",
                "Fishermen held after shooting on the lake\n\nFour fishermen are still held "
                "after the shooting near Tana island, the county commissioner said on Monday.",
            ),
            (
                "Harbour Press",
                "2026-03-02T12:00:00+00:00",
                "Patrol fired on fishing boat, survivor says\n\nThe Lakeside Daily reported on "
                "Monday that the marines had fired more than 30 shots at the fishing boat.",
            ),
            (
                "Ridge Wire",
                "2026-03-03T09:00:00+00:00",
                "Survivor describes lake shooting\n\nJoseph Omondi, who was wounded in the "
                "shooting, said the marines had fired more than 30 shots at the fishing boat.",
            ),
        ],
    )
    shots = _cluster_with(clusters, "30 shots")
    assert shots.reports == 2
    names = {m.original_source for m in shots.members}
    assert "lakeside-daily" in names, names
    assert shots.original_sources == ("joseph-omondi",), shots.original_sources


def test_a_body_publishing_its_own_statement_is_an_origin_beside_others(tmp_path, pipeline):
    """A company's own release, published under its name, is its word: beside a ministry that
    says the same it is a second origin, not an outlet retelling someone."""
    clusters = _resolved(
        tmp_path,
        pipeline,
        [
            (
                "Tallis Dredging",
                "2026-03-02T08:00:00+00:00",
                "Statement on the Marlin Star\n\nTallis Dredging said its vessel Marlin Star "
                "was working inside the national sector at all times.",
            ),
            (
                "Harbour Press",
                "2026-03-02T12:00:00+00:00",
                "Ministry backs survey ship\n\nThe foreign ministry of Azerbaijan said the vessel "
                "Marlin Star was working inside the national sector at all times.",
            ),
        ],
    )
    sector = _cluster_with(clusters, "national sector")
    assert sector.reports == 2
    assert len(sector.original_sources) == 2, sector.original_sources


def test_a_name_a_report_spelled_with_its_acronym_is_a_body_that_acronym_names():
    """ "Severni Drahy Narodni (SDN)" read as a person's name is the body "SDN" names in
    another report: one origin, not two; a person with an office keeps being a person."""
    identity = _identity(
        SourceInfo("severni-drahy-narodni", "Severni Drahy Narodni", "person", aliases=("SDN",)),
        SourceInfo("sdn", "SDN", "organisation", aliases=("SDN",)),
        SourceInfo(
            "juan-perez-gil", "Juan Perez Gil", "person", roles=("President",), aliases=("JPG",)
        ),
    )
    assert identity.info("severni-drahy-narodni").type == "organisation"
    assert identity.canonical("sdn") == "severni-drahy-narodni"
    assert identity.info("juan-perez-gil").type == "person"


def test_a_countrys_office_is_the_one_person_of_the_corpus_who_holds_it():
    """ "Montenegro's interior minister" in one report is Interior Minister Vesna Lakic named in
    the next: one origin. Where two countries' interior ministers speak, neither is known to
    be her."""
    minister = SourceInfo("vesna-lakic", "Vesna Lakic", "person", roles=("Interior Minister",))
    montenegro = SourceInfo(
        "me-interior-minister", "Montenegro's interior minister", "person", "ME"
    )
    albania = SourceInfo("al-interior-minister", "Albania's interior minister", "person", "AL")
    kosovo = SourceInfo("ilir-duka", "Ilir Duka", "person", "XK", roles=("Interior Minister",))
    identity = _identity(montenegro, minister, kosovo)
    assert identity.canonical("me-interior-minister") == "vesna-lakic"
    identity = _identity(montenegro, albania, minister)
    assert identity.canonical("me-interior-minister") == "me-interior-minister"
    assert identity.canonical("al-interior-minister") == "al-interior-minister"


def test_a_bodys_name_the_parser_cut_at_and_is_that_body():
    """ "Perth and Kinross Council" read as a person "Perth" (with the council as a conjunct) is
    the council another report names whole; "Moscow" beside "Moscow and Minsk" is not cut."""
    identity = _identity(
        SourceInfo(
            "tain",
            "Tain",
            "person",
            roles=("and Easter Council",),
            aliases=("Tain and Easter Council",),
        ),
        SourceInfo("tain-and-easter-council", "Tain and Easter Council", "organisation"),
        SourceInfo("ivan-petrov", "Ivan Petrov", "person", aliases=("Ivan Petrov",)),
    )
    assert identity.canonical("tain") == "tain-and-easter-council"
    assert identity.canonical("ivan-petrov") == "ivan-petrov"
