"""Resolve on both corpora, SQLite and PostgreSQL: series, echoes, near-copies, denials, grades.

The expectations come from each corpus README (what was written in on purpose); the same
checks run on the demo corpus and on the test-only Sahel corpus, so nothing is tuned to one.
"""

import pytest

from claimgraph.resolve import read, resolve
from claimgraph.resolve.identity import OUTLET
from resolve_fixtures import analyses, corpus_store, file_of, reports_store
from store_fixtures import BACKENDS


def denied_labels(store) -> list[str]:
    """The labels of the claims the store's denials answer, one per denial."""
    clusters = {c.id: c for c in read.clusters(store)}
    return [clusters[x.claim].label for x in read.contradictions(store) if x.kind == "denial"]


# corpus, topic words, figure, original source's body, first report (date), outlets that repeat it
SERIES = [
    (
        "nk",
        "North Korean troops in Russia",
        1500,
        "kr-government",
        "2024-10-18",
        {"Korea Wire", "Pacific Dispatch", "Baltic Ledger", "Meridian Daily", "Steppe Observer"},
    ),
    (
        "sahel",
        "Russian fighters killed in Mali",
        84,
        "csp-dpa",
        "2024-07-29",
        {"Atlas Monitor", "Harmattan Post", "Coastline Gazette"},
    ),
]

# corpus, echo file, near-copy file, the file it copies
ECHOES = [
    ("nk", "05-", "06-", "02-"),
    ("sahel", "05-", "04-", "03-"),
]


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.mark.parametrize(("corpus", "topic", "value", "body", "first", "outlets"), SERIES)
def test_resolve_series_shows_each_figure_once(
    backend, tmp_path, pipeline, corpus, topic, value, body, first, outlets
):
    with corpus_store(backend, tmp_path, pipeline, corpus) as store:
        resolve(store)
        [series] = [s for s in read.estimate_series(store, topic) if s.topic.endswith(topic)]
        points = [p for p in series.points if p.value == value]
        from claimgraph.resolve.engine import load_identity
        from claimgraph.store import resolved as db

        with db.reading(store.engine) as conn:
            identity = load_identity(conn)
    assert len(points) == 1, [(p.text, p.source, p.modality) for p in points]
    [point] = points
    assert identity.root(point.source) == body
    assert point.first_reported.date().isoformat() == first
    assert outlets <= set(point.outlets)
    keys = [
        (p.value, p.qualifier in ("exact", "approx"), p.modality, p.source) for p in series.points
    ]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(("corpus", "echo", "copy", "original"), ECHOES)
def test_resolve_echo_chain_counts_one_source(
    backend, tmp_path, pipeline, corpus, echo, copy, original
):
    with corpus_store(backend, tmp_path, pipeline, corpus) as store:
        resolve(store)
        by_file = {file_of(corpus, a): a.document.id for a in analyses(pipeline, corpus)}
        echo_id = next(d for f, d in by_file.items() if f.startswith(echo))
        echoed = [
            c
            for c in read.clusters(store)
            if any(
                m.document_id == echo_id
                and len(m.chain) > 2
                and any(step.via in ("according to", "citing") for step in m.chain)
                for m in c.members
            )
        ]
        copies = {
            m.document_id: m.syndicated_copy_of for c in read.clusters(store) for m in c.members
        }
    assert echoed
    for cluster in echoed:
        member = next(m for m in cluster.members if m.document_id == echo_id)
        # The chain goes outlet -> outlet(s) -> the original source, which is not an outlet.
        assert member.chain[0].kind == OUTLET
        assert member.chain[-1].kind != OUTLET
        # one original however many outlets passed it on; a claim stated only with hedges
        # ("thousands more may follow") is shown with no support at all
        assert len(set(cluster.original_sources)) == 1, (cluster.label, cluster.original_sources)
        assert cluster.support <= 1, (cluster.label, cluster.support)
    copy_id = next(d for f, d in by_file.items() if f.startswith(copy))
    original_id = next(d for f, d in by_file.items() if f.startswith(original))
    assert copies[copy_id] == original_id


@pytest.mark.parametrize("corpus", ["nk", "sahel"])
def test_resolve_denial_is_a_contradiction(backend, tmp_path, pipeline, corpus):
    with corpus_store(backend, tmp_path, pipeline, corpus) as store:
        resolve(store)
        denials = [x for x in read.contradictions(store) if x.kind == "denial"]
        assert denials
        for item in denials:
            denier = read.cluster(store, item.by)
            claim = read.cluster(store, item.claim)
            assert denier.polarity == "deny"
            assert claim.polarity == "assert"
            assert item.by in claim.contradicted_by
            # A party's own denial is weighed apart ("denied by a party to it"), still named.
            assert any(
                "contradicted" in reason or "denied by a party" in reason
                for reason in claim.credibility_reasons
            )


@pytest.mark.parametrize("corpus", ["nk", "sahel"])
def test_resolve_grades_have_reasons(backend, tmp_path, pipeline, corpus):
    with corpus_store(backend, tmp_path, pipeline, corpus) as store:
        resolve(store)
        grades = read.grades(store)
        clusters = read.clusters(store)
    assert grades
    assert all(g.reliability in "ABCDEF" and g.reasons for g in grades)
    assert all(1 <= c.credibility <= 6 and c.credibility_reasons for c in clusters)
    # Support counts the independent origins that assert it without a hedge: never more than
    # the origins, and nothing for a denial or a refusal to confirm.
    assert all(c.support <= len(set(c.original_sources)) for c in clusters)
    assert all(c.support == 0 for c in clusters if c.polarity != "assert")


@pytest.mark.parametrize("corpus", ["nk", "sahel"])
def test_resolve_ranks_by_support_then_by_reports_not_quotes(backend, tmp_path, pipeline, corpus):
    # A report quoting one speaker twice is one report: the second key counts documents.
    with corpus_store(backend, tmp_path, pipeline, corpus) as store:
        resolve(store)
        clusters = read.clusters(store)
    keys = [(c.support, c.reports) for c in clusters]
    assert keys == sorted(keys, reverse=True)
    assert any(c.reports < len(c.members) for c in clusters)


def test_two_governments_stating_one_claim_support_it_twice(tmp_path, pipeline):
    texts = [
        (
            "Harbour Wire",
            "2025-03-03",
            "Norway's defence ministry said on Monday that a Russian submarine had entered "
            "Norwegian waters near Tromsø and stayed there for six hours.",
        ),
        (
            "Nordic Post",
            "2025-03-04",
            "Britain's defence ministry said a Russian submarine had entered Norwegian waters "
            "near Tromsø on Monday and stayed for six hours.",
        ),
    ]
    with reports_store(tmp_path, pipeline, texts) as store:
        clusters = read.clusters(store)
    [both] = [c for c in clusters if len({m.document_id for m in c.members}) == 2]
    assert both.support == len(set(both.original_sources)) == 2


def test_resolve_figure_contradictions_name_their_sources(tmp_path, pipeline):
    with corpus_store("sqlite", tmp_path, pipeline, "nk") as store:
        resolve(store)
        figures = [x for x in read.contradictions(store) if x.kind == "figures"]
    assert figures
    explained = " | ".join(x.explanation for x in figures)
    assert "National Intelligence Service" in explained, explained
    assert "kr-nis" not in explained, explained


def test_a_denial_naming_whose_claim_it_rejects_leaves_other_speakers_alone(tmp_path, pipeline):
    """ "rejected Azerbaijan's claim that ..." denies what Azerbaijan said, not a close claim by
    Georgia."""
    texts = [
        (
            "Tbilisi Herald",
            "2026-05-02",
            "Ferry seized\n\nGeorgia's foreign ministry said on Friday that three Georgian "
            "sailors were among the crew of the Azerbaijani ferry Kura, which Iranian guards "
            "held in the Caspian Sea.",
        ),
        (
            "Baku Post",
            "2026-05-02",
            "Ferry seized\n\nAzerbaijan's foreign ministry said on Friday that the ferry Kura had "
            "been in the Azerbaijani sector of the Caspian Sea when Iranian guards boarded it.",
        ),
        (
            "Caspian Wire",
            "2026-05-03",
            "Ferry seized\n\nIran's foreign ministry on Saturday rejected as groundless "
            "Azerbaijan's claim that the Azerbaijani ferry Kura had been in the Azerbaijani "
            "sector of the Caspian Sea when it was boarded.",
        ),
    ]
    with reports_store(tmp_path, pipeline, texts) as store:
        denied = set(denied_labels(store))
    assert any("sector" in label for label in denied), denied
    assert not any("sailors" in label for label in denied), denied


def test_an_accusation_rejected_right_after_a_summary_is_the_one_naming_the_denier(
    tmp_path, pipeline
):
    """ "Russia's embassy rejects the accusation", after a summary that gives the ministry's
    attribution and then the hackers' boast: the attribution that names Russia is denied."""
    text = (
        "The Narva blackout: who says what\n\n"
        "A week after a cyberattack cut power in Narva, the accounts differ.\n\n"
        "- Estonia's interior ministry says Red Comet, a group directed by Russia's military "
        "intelligence, carried out the attack.\n"
        "- Red Comet says it shut down all four substations and copied the billing records of "
        "30,000 customers.\n"
        "- Russia's embassy in Tallinn rejects the accusation and calls it lies.\n"
    )
    with reports_store(tmp_path, pipeline, [("Baltic Brief", "2026-05-02", text)]) as store:
        denied = denied_labels(store)
    assert len(denied) == 1, denied
    assert "military intelligence" in denied[0]


def test_a_countrys_figure_called_groundless_is_the_figure_of_the_deniers_dead(tmp_path, pipeline):
    """ "Kyrgyzstan called the Tajik figure groundless", after a Tajik spokesman gave his own
    side's dead and then the Kyrgyz dead: the denial answers the count of Kyrgyz dead."""
    text = (
        "Border clash toll rises\n\n"
        "DUSHANBE, May 7 (Wire) — Three Tajik soldiers were killed in Monday's exchange of fire "
        "near the village of Vorukh, Tajikistan's defence ministry said on Tuesday.\n\n"
        "Tajik defence ministry spokesman Rustam Nazarov said a soldier wounded in the shelling "
        "had died in hospital. Nazarov also said at least nine Kyrgyz troops had been killed.\n\n"
        "Kyrgyzstan's defence ministry called the Tajik figure groundless. It said one Kyrgyz "
        "soldier had been wounded.\n"
    )
    with reports_store(tmp_path, pipeline, [("Wire", "2026-05-07", text)]) as store:
        denied = denied_labels(store)
    assert denied, "the denial answers a claim of the report"
    assert all("nine Kyrgyz" in label for label in denied), denied


def test_a_partys_denial_answers_the_claims_that_name_it(tmp_path, pipeline):
    """ "Russia denied any involvement in the cyberattack": the minister's attribution to
    Russian intelligence, not the operator's account of the outage, more widely reported."""
    outage = (
        "The Swedish Space Corporation said the cyberattack on the Esrange ground station "
        "interrupted data from dozens of satellites for about nine hours."
    )
    texts = [
        ("Polar Wire", "2026-12-07", f"Esrange attack\n\nKIRUNA — {outage}"),
        ("Kiruna Post", "2026-12-07", f"Station hit\n\nKIRUNA — {outage}"),
        ("Nordic Desk", "2026-12-08", f"Satellite station\n\nSTOCKHOLM — {outage}"),
        (
            "Polar Wire",
            "2026-12-09",
            "Minister blames Russia\n\nSTOCKHOLM — Minister for Civil Defence Johan Brandt said "
            "the cyberattack on the Esrange ground station was most probably carried out by "
            "Russian military intelligence.",
        ),
        (
            "Nordic Desk",
            "2026-12-10",
            "Russia denies role\n\nSTOCKHOLM — Russia on Friday denied any involvement in the "
            "cyberattack on the Esrange satellite ground station.",
        ),
    ]
    with reports_store(tmp_path, pipeline, texts) as store:
        denied = denied_labels(store)
    assert denied, "the denial answers a claim"
    assert all("Russian military intelligence" in label for label in denied), denied


def test_there_was_no_leak_points_at_no_claim_before_it(tmp_path, pipeline):
    text = (
        "Tanker hit\n\nISTANBUL — Turkey's Directorate General of Coastal Safety said all 25 crew "
        "members were rescued from the tanker. Transport Minister Mehmet Uysal said there was no "
        "oil leak."
    )
    with reports_store(tmp_path, pipeline, [("Wire", "2026-12-10", text)]) as store:
        denied = denied_labels(store)
    assert not denied


def test_two_bodies_of_one_state_that_give_two_counts_disagree(tmp_path, pipeline):
    """They count once as support (one state), but the police's 41 and the state government's
    73 abducted students are a dispute an analyst must see, not a revision."""
    texts = [
        (
            "Zamfara Sentinel",
            "2026-12-05",
            "Students abducted\n\nGUSAU — Nigeria's police said 41 students were abducted from "
            "the school in Birnin Magaji.",
        ),
        (
            "Plover Wire",
            "2026-12-05",
            "Students abducted\n\nGUSAU — Nigeria's information ministry said 73 students were "
            "abducted from the school in Birnin Magaji.",
        ),
    ]
    with reports_store(tmp_path, pipeline, texts) as store:
        figures = [x for x in read.contradictions(store) if x.kind == "figures"]
    assert len(figures) == 1, [x.explanation for x in figures]
    assert "41" in figures[0].explanation
    assert "73" in figures[0].explanation


def test_the_accusations_a_party_calls_fabricated_are_those_naming_it_further_up(
    tmp_path, pipeline
):
    filler = (
        "The station's operator said its engineers worked through the night to bring the "
        "antennas back, and that customers had been told what happened within the hour. "
    ) * 4
    text = (
        "Briefing on the Esrange attack\n\n"
        "STOCKHOLM — Minister for Civil Defence Johan Brandt said the attack on the Esrange "
        "ground station was most probably carried out by Russian military intelligence. "
        f"{filler}\n\n"
        "Eva Norberg of the security service said investigators were looking at whether access "
        "was obtained through an external supplier.\n\n"
        "The Russian embassy said the accusations were fabricated.\n"
    )
    with reports_store(tmp_path, pipeline, [("Scandia Post", "2026-12-08", text)]) as store:
        denied = denied_labels(store)
    assert denied, "the denial answers a claim of the report"
    assert all("Russian military intelligence" in label for label in denied), denied


def test_two_counts_of_explosions_disagree_without_an_event_word(tmp_path, pipeline):
    texts = [
        (
            "Bosphorus Monitor",
            "2026-12-10",
            "Tanker hit\n\nISTANBUL — Turkey's Directorate General of Coastal Safety said the "
            "sanctioned tanker, which was sailing empty after unloading its cargo, was hit by two "
            "explosions early on Wednesday that set its engine room on fire.",
        ),
        (
            "Karadeniz Haber",
            "2026-12-10",
            "Captain speaks\n\nISTANBUL — The captain of the Volna Spirit, Sergei Antonov, told "
            "Russian state television there were three explosions.",
        ),
    ]
    with reports_store(tmp_path, pipeline, texts) as store:
        figures = [x for x in read.contradictions(store) if x.kind == "figures"]
    assert len(figures) == 1, [x.explanation for x in figures]
    assert "explosions" in figures[0].explanation


def test_a_denial_that_restates_the_claim_beside_it_answers_that_claim(tmp_path, pipeline):
    text = (
        "Border clash\n\n"
        "BISHKEK — Kyrgyzstan's president said on Monday that Tajikistan had planned its "
        "offensive against the border villages weeks in advance, and he ordered a day of "
        "mourning.\n\n"
        "Tajikistan's foreign ministry denied that its forces had planned any offensive and said "
        "Kyrgyz troops had fired first.\n"
    )
    with reports_store(tmp_path, pipeline, [("Wire", "2026-05-02", text)]) as store:
        denied = denied_labels(store)
    assert len(denied) == 1, denied
    assert "weeks in advance" in denied[0]


def test_a_claim_dismissed_is_the_one_whose_count_the_denier_answers(tmp_path, pipeline):
    """ "The army dismissed the claim. 'Two of our soldiers fell, not eleven'": of the group's
    claims just told, the one with the soldiers' count, not the church it says it burned."""
    text = (
        "Group claims attack\n\n"
        "GOMA, Nov 12 (Wire) — The Hawk Brigade claimed Monday's attack on the town of Kanyabayonga, "
        "saying its fighters had killed 11 Congolese soldiers.\n\n"
        "The claim was published by the group's news agency on Telegram. It said the fighters "
        'had also burned a church and "the houses of the Christians".\n\n'
        'The army dismissed the claim. "This is propaganda. Two of our soldiers fell in '
        'Kanyabayonga, not eleven," said Captain Jacques Mbala, an army spokesman.\n'
    )
    with reports_store(tmp_path, pipeline, [("Wire", "2026-11-12", text)]) as store:
        denied = denied_labels(store)
    assert denied, "the dismissal answers a claim of the report"
    assert all("11" in label for label in denied), denied


@pytest.mark.parametrize(
    ("text", "day", "denied_words"),
    [
        # "propaganda" is the police's word for the claim just told, not a matter that claim
        # has to speak of
        (
            "Gang says it burned station\n\n"
            "LAE, Oct 3 (Wire) — An armed gang said on Saturday that its members had burned the "
            "police station at Wau and killed three officers. The police dismissed the claim as "
            "propaganda.\n",
            "2026-10-03",
            "burned the police station",
        ),
        # the communiqué is the claim the report has just given, named by its form
        (
            "Rebels claim raid on post\n\n"
            "OCANA, Nov 24 (Wire) — An armed group said in a communiqué on Tuesday that its "
            "fighters had killed 14 soldiers at the post of La Vega. The army dismissed the "
            "communiqué as propaganda.\n",
            "2026-11-24",
            "14 soldiers",
        ),
        # "irresponsible" says what the denier thinks of the accusation, not what it is about
        (
            "Ministry blames neighbour for cyberattack\n\n"
            "NEW DELHI, Dec 5 (Wire) — The interior ministry said on Saturday that the attack on "
            "the railway's ticketing had been carried out by hackers working for Pakistan's "
            "intelligence service. Pakistan's Foreign Office rejected the accusation as baseless "
            "and irresponsible.\n",
            "2026-12-05",
            "hackers working for Pakistan",
        ),
    ],
)
def test_what_a_denier_calls_a_claim_is_no_matter_the_claim_must_name(
    tmp_path, pipeline, text, day, denied_words
):
    """ "The police dismissed the claim as propaganda", "the army dismissed the communiqué as
    propaganda": the denial answers the claim just told."""
    with reports_store(tmp_path, pipeline, [("Wire", day, text)]) as store:
        denied = denied_labels(store)
    assert len(denied) == 1, denied
    assert denied_words in denied[0], denied


def test_a_denial_set_after_a_report_answers_that_report(tmp_path, pipeline):
    """ "..., a rights group said, an accusation the army dismissed as fabricated": the army
    denies the claim the sentence reports."""
    text = (
        "Rights group accuses soldiers\n\n"
        "SEGOU — Soldiers detained six herders at the landing stage of Sansanding and executed "
        "them, a Malian human rights group said on Thursday, an accusation the army dismissed "
        "as fabricated.\n\n"
        "The mayor said 38 civilians had been killed in the attack on the town.\n"
    )
    with reports_store(tmp_path, pipeline, [("Observer", "2026-12-05", text)]) as store:
        denied = denied_labels(store)
    assert len(denied) == 1, denied
    assert "executed" in denied[0], denied
    assert "accusation" not in denied[0], denied


def test_the_armed_forces_of_the_report_are_its_countrys_army(tmp_path, pipeline):
    """ "The armed forces general staff said" in a report set in Burkina Faso speaks for the
    army another report names as Burkina Faso's: one origin, not two."""
    texts = [
        (
            "Meridian",
            "2026-12-01",
            "Attack on Pama\n\nOUAGADOUGOU — The armed forces general staff said seven soldiers "
            "were killed in the attack on Pama in Burkina Faso.",
        ),
        (
            "Horizon",
            "2026-12-01",
            "Attack on Pama\n\nOUAGADOUGOU — Burkina Faso's army said seven soldiers were killed "
            "in the attack on Pama.",
        ),
    ]
    with reports_store(tmp_path, pipeline, texts) as store:
        sources = {s for c in read.clusters(store) for s in c.original_sources}
    assert sources == {"bf-army"}


def test_a_dismissed_communique_is_what_its_issuer_said_further_up(tmp_path, pipeline):
    """The report quotes a group's communiqué, then tells more of the story before the army
    dismisses "the communiqué": what the group said is what is denied, though it lies more than
    a paragraph up and others spoke in between."""
    filler = (
        "The attack began before dawn, residents said, and lasted several hours while "
        "shops along the main road stayed shut and the market did not open. " * 4
    )
    text = (
        "Group claims raid on post\n\n"
        "OCANA, Nov 24 (Wire) — The army said on Tuesday that six soldiers were killed at the "
        "post of La Vega.\n\n"
        "The Frente Comunero del Catatumbo (FCC), the dissident group the army blames for the "
        "attack, gave a far higher figure. In a communiqué posted on its channels, it said its "
        'fighters had killed 21 soldiers at the post. "Our units did not fire on a single '
        'home," said the communiqué, signed by its commander.\n\n'
        f"{filler}\n\n"
        "Colonel Ruben Ortiz, the army spokesman, dismissed the communiqué as propaganda.\n"
    )
    with reports_store(tmp_path, pipeline, [("Wire", "2026-11-24", text)]) as store:
        denied = denied_labels(store)
    assert len(denied) == 1, denied
    assert "21 soldiers" in denied[0] or "single home" in denied[0], denied


def test_a_party_negating_its_own_act_answers_the_claim_that_it_did_it(tmp_path, pipeline):
    """ "Our vessel did not ram anyone. The Turkish boat turned into our bow", said by Greece's
    coast guard, answers Turkey's "the Greek boat rammed our vessel", though its next words
    name another country than the claim does."""
    reports = [
        (
            "Wire",
            "2026-11-20",
            "Turkey says Greek boat rammed patrol\n\n"
            "ANKARA, Nov 20 (Wire) — Turkey's coast guard said on Friday that a Greek patrol boat "
            "rammed its vessel near the Kardak rocks while its crew was inspecting a trawler.\n",
        ),
        (
            "Dispatch",
            "2026-11-21",
            "Greece rejects Turkish account\n\n"
            'ATHENS, Nov 21 (Dispatch) — "Our vessel did not ram anyone. The Turkish boat '
            'turned into our bow near the Kardak rocks," said Eleni Vrettou, a spokeswoman for '
            "the Greek coast guard.\n",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        denied = denied_labels(store)
    assert any("rammed" in label for label in denied), denied
