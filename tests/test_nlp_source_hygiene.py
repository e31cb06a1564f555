"""Source hygiene: a source is an actor, never a count or a document; coordinated actors are two
sources; envoys speak for their country; a headline's accused is not its speaker; anonymity
phrases on the cue count."""

import pytest


def _claims(analysis):
    return [
        (a.source.text if a.source else None, a.canonical_source, a.content_text)
        for a in analysis.attributions
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Budanov said 11,000 North Korean troops had arrived in the Kursk area, and said Russian "
        "commanders planned to use them in assaults.",
        "The general said 4,000 volunteers had reached the front line, and said more would follow.",
    ],
)
def test_source_hygiene_counted_crowd_never_speaks(analyse, text):
    analysis = analyse(text)
    assert len(analysis.attributions) == 2, _claims(analysis)
    first, second = analysis.attributions
    assert second.canonical_source == first.canonical_source is not None
    assert "said" not in first.content_text.split(), "the second report is cut from the first"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("The report said 40 civilians had died in the shelling.", None),
        ("The data show that 3,000 soldiers were wounded in the spring.", None),
        ("A report by the United Nations said 40 civilians had died.", "un"),
        ("The NIS report said 1,500 troops had arrived.", "kr-nis"),
        ("According to the information we have, no ship was hit in the strait.", None),
    ],
)
def test_source_hygiene_documents_name_their_issuer_or_no_one(analyse, text, canonical):
    [claim] = analyse(text).attributions
    assert claim.canonical_source == canonical
    assert claim.content_text  # the claim itself is kept


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Moscow and Pyongyang have not acknowledged the deployment.", ["Moscow", "Pyongyang"]),
        (
            "Russia, Iran and North Korea rejected the resolution.",
            ["Russia", "Iran", "North Korea"],
        ),
        ("Kenyatta and Museveni said the border would reopen.", ["Kenyatta", "Museveni"]),
        # a body named by its role is an actor too
        ("Senegal and the owner say 26 men are held.", ["Senegal", "the owner"]),
    ],
)
def test_source_hygiene_one_claim_per_coordinated_actor(analyse, text, sources):
    analysis = analyse(text)
    claims = analysis.attributions
    # the source span stays as written; each claim's mention is its own actor
    assert [m.span.text for m in analysis.mentions] == sources
    assert len({a.source.text for a in claims}) == 1
    assert len({a.id for a in claims}) == len(sources)
    assert len({(a.cue.text, a.content_text) for a in claims}) == 1
    assert all(" and" not in (a.canonical_source or "") for a in claims)
    assert all(a.canonical_source and not a.canonical_source.endswith("-and") for a in claims)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("North Korea's delegate told the Security Council that the matter was bilateral.", "KP"),
        ("The North Korean ambassador to the UN said the cooperation was lawful.", "KP"),
        ("Pyongyang's envoy told the General Assembly that the reports were false.", "KP"),
        ("Sudan's representative at the UN said the army had not shelled the camp.", "SD"),
    ],
)
def test_source_hygiene_envoys_speak_for_their_country(analyse, text, country):
    [claim] = analyse(text).attributions
    source = {s.id: s for s in analyse(text).sources}[claim.canonical_source]
    assert source.country == country
    assert claim.canonical_source != "un"


def test_source_hygiene_envoy_of_a_body_stays_with_it(analyse):
    [claim] = analyse("The UN envoy for Syria said talks would resume in Geneva.").attributions
    assert claim.canonical_source == "un"


@pytest.mark.parametrize(
    "text",
    [
        "RSF accused of killing dozens in Darfur village",
        "Militia commander blamed for deadly ambush near Beni",
    ],
)
def test_source_hygiene_headline_accused_is_not_the_speaker(analyse, text):
    assert analyse(text).attributions == ()


def test_source_hygiene_headline_accuser_after_by_speaks(analyse):
    [claim] = analyse("Militia accused by UN of killing dozens in Darfur").attributions
    assert claim.canonical_source == "un"


@pytest.mark.parametrize(
    "text",
    [
        "A senior diplomat said on condition of anonymity that the talks had stalled.",
        "A port official, asking not to be identified, said the shipment left on Monday.",
        "An aide, who requested anonymity, said the minister would resign.",
        "A commander, speaking anonymously, said that the unit had withdrawn.",
        "Two officers told reporters on condition of anonymity that the base was hit.",
    ],
)
def test_source_hygiene_anonymity_phrases(analyse, text):
    [claim] = analyse(text).attributions
    assert claim.anonymous is True


def test_source_hygiene_an_unnamed_source_keeps_what_describes_them(analyse):
    analysis = analyse(
        "The ferry had been overloaded, three people familiar with the inquiry told the Post."
    )
    [claim] = analysis.attributions
    source = next(s for s in analysis.sources if s.id == claim.canonical_source)
    assert claim.anonymous is True
    assert "familiar with" in source.name
    assert "inquiry" in source.name


def test_source_hygiene_no_person_suffixed_body(analyse):
    analysis = analyse(
        "Zelensky met his generals on Friday. His intelligence services said 3,000 soldiers had "
        "been killed."
    )
    claim = analysis.attributions[-1]
    assert "zelensky" not in (claim.canonical_source or "")
    source = {s.id: s for s in analysis.sources}[claim.canonical_source]
    assert source.country == "UA"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Zelensky's intelligence services said 3,000 soldiers had been killed.", "UA"),
        ("Putin's security services said the plot had been foiled.", "RU"),
    ],
)
def test_source_hygiene_a_leaders_services_are_not_his_slug(analyse, text, country):
    analysis = analyse(text)
    [claim] = analysis.attributions
    surname = text.split("'")[0].split()[-1].lower()
    assert surname not in claim.canonical_source
    assert {s.id: s for s in analysis.sources}[claim.canonical_source].country == country


@pytest.mark.parametrize(
    "text",
    [
        "“Nobody is denying it any more,” a diplomat in Geneva said.",
        "No one disputed that the convoy had crossed, the monitor said.",
    ],
)
def test_source_hygiene_nobody_is_no_speaker(analyse, text):
    claims = _claims(analyse(text))
    assert claims, "the outer report stays"
    assert all(source and source.lower() not in ("nobody", "no one") for source, _, _ in claims)


def test_source_hygiene_one_body_with_and_in_its_name(analyse):
    analysis = analyse(
        "The Bureau of Fisheries and Aquatic Resources said two crew members had been injured."
    )
    assert len(analysis.attributions) == 1, _claims(analysis)
    assert "Aquatic Resources" in analysis.attributions[0].source.text


@pytest.mark.parametrize(
    ("text", "source", "channel"),
    [
        (
            "The newspaper quoted the interior ministry as saying that 30 people had been "
            "detained.",
            "the interior ministry",
            "The newspaper",
        ),
        (
            "Reuters cited a police spokesman as saying two men had been arrested.",
            "a police spokesman",
            "Reuters",
        ),
    ],
)
def test_source_hygiene_the_quoted_speaks_not_the_quoter(analyse, text, source, channel):
    said = [a for a in analyse(text).attributions if a.cue.text == "saying"]
    assert [(a.source.text, a.channel.text) for a in said] == [(source, channel)]


@pytest.mark.parametrize(
    "text",
    [
        "Explainer: what happened at the reef, and what is still disputed\n\nThe boat sank.",
        "Border collision: live updates from the frontier town\n\nThe boat sank.",
        # the event's name, then what kind of piece follows
        "Harbour detentions: live updates\n\nThe boat sank.",
        "The pipeline break: what the sonar shows, and what it does not\n\nThe boat sank.",
    ],
)
def test_source_hygiene_a_headline_label_is_no_speaker(analyse, text):
    assert analyse(text).attributions == ()


def test_source_hygiene_a_body_with_its_own_modifier_is_another_body(analyse):
    text = (
        "The health ministry said 59 people had been killed. The emergencies ministry said "
        "more than 136,000 people had been evacuated. The ministry said 40 were hurt."
    )
    sources = [a.canonical_source for a in analyse(text).attributions]
    assert sources[0] != sources[1]
    assert sources[2] == sources[1]  # "the ministry": the one named last


@pytest.mark.parametrize(
    "text",
    [
        "Tikrit jailbreak: police say 40 inmates are still at large",
        "Harbour siege: guards say the ship was boarded twice",
    ],
)
def test_source_hygiene_an_event_headline_label_is_no_speaker(analyse, text):
    sources = [a.source.text for a in analyse(text).attributions if a.source]
    assert not any(s.split()[-1] in ("jailbreak", "siege") for s in sources), sources


def test_source_hygiene_agreeing_to_act_is_no_claim(analyse):
    analysis = analyse(
        "The ferry operator agreed to pay for the repairs. The two ministers agreed that the "
        "border should stay open."
    )
    assert [a.content_text for a in analysis.attributions] == ["that the border should stay open"]


def test_source_hygiene_the_site_a_misparsed_cue_hangs_on_does_the_citing(analyse):
    # the parser hangs "reported" on "site" and "citing" on the first clause: the site cites,
    # not the navy ship in the "when" clause
    analysis = analyse(
        "The tanker suspected of cutting the cable, the Nordlys, was missing an anchor when a "
        "Danish navy ship reached it, the maritime news site Harbour Watch reported on Tuesday, "
        "citing two people familiar with the inquiry."
    )
    sources = {a.canonical_source for a in analysis.attributions}
    assert not any(s and "navy" in s for s in sources), sources


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Post reported, citing a police officer, that the boat had been stolen.",
        "According to the Harbour Post, a police officer has said the boat had been stolen.",
    ],
)
def test_source_hygiene_an_unnamed_officer_is_an_anonymous_source(analyse, text):
    claims = [a for a in analyse(text).attributions if "stolen" in a.content_text]
    assert claims
    assert claims[-1].canonical_source == "anonymous-police-officer"
    assert claims[-1].anonymous


@pytest.mark.parametrize(
    ("text", "canonical", "source"),
    [
        # "The statement" points back to the body that just spoke; the statement is the channel
        (
            "The harbour authority said the crane had collapsed. The statement said two workers "
            "were hurt.",
            "harbour-authority",
            "The statement",
        ),
        # an indefinite document is nobody's we can tell: no source, the document as channel
        (
            "The harbour authority said the crane had collapsed. A statement said two workers "
            "were hurt.",
            None,
            None,
        ),
    ],
)
def test_source_hygiene_a_document_speaks_for_its_issuer_or_for_no_one(
    analyse, text, canonical, source
):
    *_, claim = analyse(text).attributions
    assert claim.content_text == "two workers were hurt"
    assert claim.canonical_source == canonical
    assert (claim.source.text if claim.source else None) == source
    assert claim.channel is not None
    assert claim.channel.text.lower().endswith("statement")


@pytest.mark.parametrize(
    ("located", "owned"),
    [
        ("The defence ministry in Moscow", "Russia's defence ministry"),
        ("The foreign ministry in Caracas", "Venezuela's foreign ministry"),
    ],
)
def test_source_hygiene_a_body_in_a_capital_is_that_countrys(analyse, located, owned):
    """The capital says whose ministry it is; "foreign" names its brief, not a foreigner."""
    [a] = analyse(f"{located} said the convoy had turned back.").attributions
    [b] = analyse(f"{owned} said the convoy had turned back.").attributions
    assert a.canonical_source == b.canonical_source is not None
    assert "in" not in a.canonical_source.split("-")


def test_source_hygiene_a_minister_is_not_the_government_named_paragraphs_before(analyse):
    text = (
        "Lithuania detains two men over balloons; Belarus denies role\n\n"
        "Lithuanian border guards detained two men on Sunday, and the Belarusian government "
        "denied any involvement.\n\n"
        "The border guard service said the men were held near the crossing.\n\n"
        "Interior Minister Agne Vaitkute said the balloons had carried cigarettes."
    )
    analysis = analyse(text)
    [minister] = [a for a in analysis.attributions if a.content_text.startswith("the balloons")]
    source = next(s for s in analysis.sources if s.id == minister.canonical_source)
    assert source.country != "BY"
    assert source.parent != "by-government"


def test_source_hygiene_a_surname_read_as_a_plural_noun_is_the_person(analyse):
    analysis = analyse(
        "Investigators had found nothing linking the man to the drones, spokesman Andris "
        "Zarins said. The drone taken from his car was a small camera model, he said.\n\n"
        "Zarins rejected a newspaper report that the man had flown drones before."
    )
    first, *_, second = analysis.attributions
    assert second.source.text == "Zarins"
    assert second.canonical_source == first.canonical_source


@pytest.mark.parametrize("pair", ["Both governments", "The two governments"])
def test_source_hygiene_both_governments_are_the_two_named_before(analyse, pair):
    analysis = analyse(
        "Armenia and Azerbaijan signed a ceasefire on Friday. "
        f"{pair} have denied that foreign troops took part in the fighting."
    )
    denials = [a for a in analysis.attributions if "foreign troops" in a.content_text]
    assert sorted(a.canonical_source for a in denials) == ["am-government", "az-government"]


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        (
            "Kenya's police said the road was closed. Police spokesman John Otieno said two men "
            "were held.",
            "ke-police",
        ),
        (
            "The Coast Herald, a newspaper in Mombasa, reported the arrests. Police spokesman John "
            "Otieno said two men were held.",
            "police",
        ),
    ],
)
def test_source_hygiene_a_police_spokesman_speaks_for_the_police(analyse, text, parent):
    [otieno] = [s for s in analyse(text).sources if s.id == "john-otieno"]
    assert otieno.parent == parent


def test_source_hygiene_we_in_a_statement_is_its_issuer(analyse):
    analysis = analyse(
        "Statement by Harbor Lines on the grounding of the ferry Vela\n\n"
        "The ferry touched a sandbank on Monday and was refloated. We reject reports that the "
        "ferry was overloaded.\n\n"
        'The captain said: "We followed every procedure."\n'
    )
    rejected = next(a for a in analysis.attributions if "overloaded" in a.content_text)
    assert rejected.canonical_source == "harbor-lines"
    followed = next(a for a in analysis.attributions if "procedure" in a.content_text)
    assert followed.canonical_source != "harbor-lines"


def test_source_hygiene_a_press_release_boilerplate_label_is_no_speaker(analyse):
    analysis = analyse(
        "The ferry was refloated on Monday.\n\n"
        "About Harbor Lines: Harbor Lines is a ferry operator with nine vessels on the coast.\n"
    )
    assert not any("nine vessels" in a.content_text for a in analysis.attributions)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Volunteers from the Kassala Relief Committee, a neighbourhood group, said at least "
            "nine people had died.",
            "kassala-relief-committee",
        ),
        ("Staff at Mercy Frontier said nine people had died.", "mercy-frontier"),
    ],
)
def test_source_hygiene_members_speak_for_the_body_they_belong_to(analyse, text, source):
    [claim] = analyse(text).attributions
    assert claim.canonical_source == source


def test_source_hygiene_aid_workers_in_a_country_do_not_speak_for_its_state(analyse):
    [claim] = analyse("Aid workers in Chad said nine people had died.").attributions
    assert claim.canonical_source != "td-government"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The JAS spokesman said none of its fighters died.", "jas"),
        ("The M23 spokesman said none of its fighters died.", "m23"),
    ],
)
def test_source_hygiene_an_acronyms_spokesman_speaks_for_it(analyse, text, source):
    """ "the JAS spokesman": the body the acronym names, though no table knows it, as "a Hamas
    spokesman" is Hamas; not a person called "JAS spokesman"."""
    [attribution] = analyse(text).attributions
    assert attribution.canonical_source == source


@pytest.mark.parametrize(
    "introduced",
    [
        "The Collective for Human Rights in Lac (CDHL) said",
        "An armed group calling itself the Collective for Human Rights in Lac, the CDHL, said",
    ],
)
def test_source_hygiene_an_acronym_set_after_a_name_is_that_body(analyse, introduced):
    """The acronym need not be the name's initials (a French name's): a later "the CDHL" is the
    body it was set after."""
    analysis = analyse(f"{introduced} 12 fishermen were killed. The CDHL says 31 died.")
    [body] = {a.canonical_source for a in analysis.attributions}
    assert body.startswith("collective-for-human-rights")


def test_source_hygiene_a_titled_spokesman_for_a_group_speaks_for_it(analyse):
    """ "Brigadier X al-Y, a military spokesman for the Houthis": a person (the tagger may call
    the group a person too), who belongs to the group the table knows."""
    analysis = analyse(
        "Brigadier Hamid al-Wazir, a military spokesman for the Houthis, said the group had "
        "launched four drones."
    )
    [claim] = analysis.attributions
    speaker = next(s for s in analysis.sources if s.id == claim.canonical_source)
    assert speaker.type == "person"
    assert speaker.name == "Hamid al-Wazir"
    assert speaker.parent == "houthis"


def test_source_hygiene_an_unnamed_pronoun_reads_as_an_unnamed_speaker():
    from claimgraph.nlp.source_table import load_source_table
    from claimgraph.resolve.identity import build_identity

    identity = build_identity(load_source_table(), [], [])
    assert identity.info("unresolved-she").name == "an unnamed speaker"
    assert not identity.is_identified("unresolved-she")


def test_source_hygiene_they_after_a_group_the_tagger_calls_a_person_is_the_group(analyse):
    analysis = analyse("The Houthis claimed the attack. They said they launched six drones.")
    launched = next(a for a in analysis.attributions if "six drones" in a.content_text)
    assert launched.canonical_source == "houthis"


def test_source_hygiene_it_after_a_company_named_as_an_operator_is_the_company(analyse):
    analysis = analyse(
        "Its operator, Osprey Tankers, denied that the ship was hit. The marks on deck, it says, "
        "are soot from the fire ashore."
    )
    soot = next(a for a in analysis.attributions if "soot" in a.content_text)
    assert soot.canonical_source == "osprey-tankers"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The U.N. refugee agency said 2,900 people had crossed.", "unhcr"),
        ("The UN migration agency said 4,200 people had fled.", "iom"),
        ("The United Nations humanitarian office said aid was blocked.", "ocha"),
    ],
)
def test_source_hygiene_un_agencies_by_their_descriptions(analyse, text, source):
    [claim] = analyse(text).attributions
    assert claim.canonical_source == source


def test_source_hygiene_police_named_after_a_region_are_that_countrys_police(analyse):
    analysis = analyse(
        "Insurgents raided a mining town in Mozambique on Saturday. Police in Cabo Delgado said "
        "eight people died. Cabo Delgado police commander Jorge Mucavel said the toll was 11."
    )
    by_id = {s.id: s for s in analysis.sources}
    assert "mz-police" in by_id
    assert by_id["jorge-mucavel"].parent == "mz-police"
    assert "cabo-delgado" not in by_id


@pytest.mark.parametrize(
    ("text", "police"),
    [
        ("Papua New Guinea police said 19 people had been killed.", "pg-police"),
        ("Police in Papua New Guinea said 19 people had been killed.", "pg-police"),
        ("Kenyan police said 19 people had been killed in the raid.", "ke-police"),
    ],
)
def test_source_hygiene_a_countrys_police_has_one_id_however_the_country_is_named(
    analyse, text, police
):
    [claim] = analyse(text).attributions
    assert claim.canonical_source == police


@pytest.mark.parametrize(
    ("text", "person", "government"),
    [
        (
            "Insurgents raided a town in Mozambique. The Secretary of State for Cabo Delgado, "
            "Joana Mutemba, said fewer than 3,000 people had left.",
            "joana-mutemba",
            "mz-government",
        ),
        (
            "Drones hit a depot in Russia. The Belgorod governor, Pavel Orlov, said two people "
            "were killed.",
            "pavel-orlov",
            "ru-government",
        ),
    ],
)
def test_source_hygiene_a_states_officer_for_a_region_counts_with_its_government(
    analyse, text, person, government
):
    [officer] = [s for s in analyse(text).sources if s.id == person]
    assert officer.parent == government


def test_source_hygiene_a_possessive_pronoun_is_no_source_of_its_own(analyse):
    analysis = analyse("The force stood by its assessment that bandits were responsible.")
    assert all(s.name.lower() != "its" for s in analysis.sources)


def test_source_hygiene_a_ministry_spokesman_belongs_to_his_countrys_ministry(analyse):
    analysis = analyse(
        '"We had no role in the attack," Iranian foreign ministry spokesman Reza Karimi told '
        "reporters in Tehran."
    )
    by_id = {s.id: s for s in analysis.sources}
    assert by_id["reza-karimi"].parent == "ir-foreign-ministry"
    # the body is stored with the speaker, so that a store knows what the parent is
    assert by_id["ir-foreign-ministry"].parent == "ir-government"


def test_source_hygiene_a_role_a_body_owns_is_that_bodys(analyse):
    """ "X, Quipu's head of threat research": Quipu's person, so Quipu and X count once."""
    analysis = analyse(
        'Tarn Analytics said the data was old. "Most records are copies," said Ines Marquez, '
        "Tarn's head of threat research."
    )
    [marquez] = [s for s in analysis.sources if s.id == "ines-marquez"]
    assert marquez.parent in ("tarn", "tarn-analytics")  # the short name maps to the full one


def test_source_hygiene_a_kind_of_body_before_its_name_is_the_name(analyse):
    analysis = analyse(
        "The jihadist group Islamic State West Africa Province (ISWAP) on Wednesday claimed "
        "the raid and said it had killed 11 soldiers."
    )
    said = next(a for a in analysis.attributions if a.cue.text == "said")
    assert said.canonical_source == "islamic-state-west-africa-province"


def test_source_hygiene_a_verdict_before_a_possessive_is_no_part_of_the_name(analyse):
    analysis = analyse(
        "Russia rejected as baseless Poland's accusation that its agents had cut the cables."
    )
    accusation = next(a for a in analysis.attributions if a.cue.text == "accusation")
    assert accusation.source.text == "Poland"
    assert accusation.canonical_source == "pl-government"


def test_source_hygiene_a_headline_naming_its_speaker_at_its_end_is_not_its_labels(analyse):
    """ "Fotokol: 35 killed, Basin Watch says": the town labels the headline; it says nothing."""
    analysis = analyse(
        "Fotokol: at least 35 civilians killed, Basin Watch says\n\nThe group said the toll "
        "was rising."
    )
    assert not any(
        a.source is not None and a.source.text == "Fotokol" for a in analysis.attributions
    )


def test_source_hygiene_a_country_of_several_words_is_not_its_last_word(analyse):
    analysis = analyse("The Royal Papua New Guinea Constabulary said 19 people were killed.")
    sources = {s.id: s for s in analysis.sources}
    [said] = analysis.attributions
    assert sources[said.canonical_source].country == "PG"  # not Guinea


def test_source_hygiene_a_police_rank_is_no_part_of_the_name(analyse):
    analysis = analyse("Superintendent Joseph Kewa said about 60 gunmen took part in the attack.")
    [said] = analysis.attributions
    assert said.canonical_source == "joseph-kewa"


def test_source_hygiene_a_dateline_is_no_body_an_executive_speaks_for(analyse):
    analysis = analyse(
        "Heating cut in Vaasa\n\n"
        "VAASA, Finland — A cyberattack shut down two of Pohjanmaa Energia's heating plants early "
        "on Monday, leaving about 9,000 households without heat, the municipal energy company "
        "said.\n\n"
        "Aino Virtanen, the company's chief executive, said the plants stopped at 3 a.m."
    )
    sources = {s.id: s for s in analysis.sources}
    chief = next(a for a in analysis.attributions if "stopped at 3" in a.content_text)
    parent = sources[chief.canonical_source].parent
    assert parent is not None
    assert "vaasa" not in parent
    # "the municipal energy company" is the company the lead has just named, and its chief
    # executive speaks for that one
    company = next(a for a in analysis.attributions if "9,000 households" in a.content_text)
    assert company.canonical_source == parent
    assert "municipal" not in parent


@pytest.mark.parametrize(
    "text",
    [
        "The Estonian Internal Security Service (Kapo) said it had arrested two men.",
        "The Danish Security and Intelligence Service (Pet) said in a written statement that "
        'it had "high confidence" in the attribution.',
    ],
)
def test_source_hygiene_a_name_never_leaves_a_bracket_open(analyse, text):
    [said] = analyse(text).attributions
    assert said.source.text.count("(") == said.source.text.count(")")


def test_source_hygiene_a_minister_speaks_for_the_ministry_named_a_paragraph_before(analyse):
    analysis = analyse(
        "Blackout in Tartu\n\n"
        "Estonia's interior ministry said on Tuesday that a hacker group had cut the power.\n\n"
        "Interior Minister Kadri Tamm told reporters that the group was directed from abroad."
    )
    sources = {s.id: s for s in analysis.sources}
    minister = next(a for a in analysis.attributions if "directed from abroad" in a.content_text)
    ministry = next(a for a in analysis.attributions if "cut the power" in a.content_text)
    assert sources[minister.canonical_source].parent == ministry.canonical_source


def test_source_hygiene_an_embassy_and_its_ministry_are_two_bodies_of_one_country(analyse):
    analysis = analyse(
        "China's embassy in Manila and its foreign ministry rejected the accusation."
    )
    sources = {s.id: s for s in analysis.sources}
    speakers = [sources[a.canonical_source] for a in analysis.attributions]
    assert len(speakers) == 2
    assert speakers[0].id != speakers[1].id
    assert {s.country for s in speakers} == {"CN"}


def test_source_hygiene_its_embassy_is_the_embassy_of_the_country_just_named(analyse):
    """ "Russia denies any role. Its embassy calls the accusations baseless": Russia's embassy,
    not an "embassy" of no country."""
    analysis = analyse("Russia denies any role. Its embassy calls the accusations baseless.")
    sources = {s.id: s for s in analysis.sources}
    embassy = next(a for a in analysis.attributions if a.source and "embassy" in a.source.text)
    assert sources[embassy.canonical_source].country == "RU"


def test_source_hygiene_a_quoted_phrase_parsed_as_subject_is_not_the_speaker(analyse):
    [said] = analyse(
        '"Latvia has offered no evidence, only Russophobic inventions," the Russian embassy in '
        "Riga said on Monday."
    ).attributions
    assert said.source.text == "the Russian embassy in Riga"


def test_whose_in_a_question_is_not_part_of_an_anonymous_sources_name(analyse):
    """ "An engineer at your company", asked in an interview, is the company's engineer: "your"
    says whose as the interviewer sees it, and is no part of who they are."""
    analysis = analyse(
        "LIND: An engineer at your company has said the attackers were in your network since "
        "September."
    )
    (attribution,) = analysis.attributions
    assert attribution.canonical_source == "anonymous-engineer-company"


def test_the_means_a_claim_was_told_by_is_no_source(analyse):
    analysis = analyse(
        "A soldier which was wounded in the ambush and is recovering in the regional hospital, "
        "and who asked to not publish his name, told to Selva Noticias by telephone that the "
        'attackers were "more than 40, maybe 50".'
    )
    assert analysis.attributions
    assert all(a.canonical_source != "telephone" for a in analysis.attributions)


def test_the_ministry_is_no_union_and_your_union_is_the_union_named(analyse):
    """In an interview, "the ministry" is not the union named before it, and the interviewer's
    "your union" is that union."""
    analysis = analyse(
        "The National Union of Prison Workers, led by Nestor Villalba, said on Saturday that 19 "
        "guards were held.\n\nGAONA: The ministry says 12 guards were taken hostage. Your union "
        "says there were 19."
    )
    by_source = {a.source.text: a.canonical_source for a in analysis.attributions if a.source}
    assert by_source["The ministry"] != "national-union-of-prison-workers"
    assert by_source["Your union"] == "national-union-of-prison-workers"


def test_an_acronym_the_report_spells_out_is_that_body(analyse):
    """ "the Militarized Communist Party of Peru (MPCP)": its initials are not the acronym's
    letters, yet the report says which body "the MPCP" is."""
    analysis = analyse(
        "The Militarized Communist Party of Peru (MPCP) has been active in the valley since "
        "2000.\n\nThe MPCP said on Friday it killed 11 soldiers."
    )
    (attribution,) = analysis.attributions
    assert attribution.canonical_source == "militarized-communist-party-of-peru"


def test_a_title_run_into_a_name_is_one_speaker(analyse):
    # the parser reads the title and the name as two coordinated nouns; with no comma or "and"
    # between them they are one person
    analysis = analyse(
        "Sweden's Minister for Civil Defence, Johan Brandt, said the attack bore the hallmarks "
        "of a state actor. Minister for Civil Defence Johan Brandt has said the attack was most "
        "probably carried out by Russian military intelligence."
    )
    assert [a.canonical_source for a in analysis.attributions] == ["johan-brandt"] * 2


def test_the_office_named_before_is_its_holder(analyse):
    analysis = analyse(
        "The mayor of Kiruna, Anna Berg, said two guards were hurt. The mayor said the station "
        "would reopen. Police chief Ali Musa said nobody was arrested. The police chief said the "
        "search went on."
    )
    assert [a.canonical_source for a in analysis.attributions] == [
        "anna-berg",
        "anna-berg",
        "ali-musa",
        "ali-musa",
    ]


def test_a_company_named_beside_its_description_is_that_company(analyse):
    analysis = analyse(
        "The Dubai-based company listed as the tanker's manager, Aurelia Marine Management, says "
        "in a statement that 27 seafarers were on board. Aurelia Marine Management from Dubai "
        "said the two missing sailors are a cook and a mechanic. The ministry said in a "
        "statement on Friday that 12 soldiers died."
    )
    assert [a.canonical_source for a in analysis.attributions] == [
        "aurelia-marine-management",
        "aurelia-marine-management",
        "ministry",  # a state body is never the company named before it
    ]


def test_what_a_speaker_can_confirm_is_the_clause_after_is(analyse):
    analysis = analyse(
        "Ukraine's ambassador, Andriy Koval, said he would neither confirm nor deny anything. "
        '"What I can confirm is that the ship belongs to a shadow fleet," he said.'
    )
    contents = [a.content_text for a in analysis.attributions]
    assert "What" not in contents
    assert {a.canonical_source for a in analysis.attributions} == {"andriy-koval"}


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ('"No ransom was paid," Commissioner for Information Rabi Garba said.', "rabi-garba"),
        ("Police spokesman DSP Abdullahi Kabir said the count was 41.", "abdullahi-kabir"),
        (
            "The police spokesman, DSP Abdullahi Kabir, said the number remained 41.",
            "abdullahi-kabir",
        ),
    ],
)
def test_an_office_or_a_rank_before_a_name_is_no_part_of_it(analyse, text, canonical):
    [claim] = analyse(text).attributions
    assert claim.canonical_source == canonical


def test_a_form_of_address_is_no_part_of_a_name(analyse):
    analysis = analyse(
        "Alhaji Sani Lawal, chairman of the parents' association, said 112 students were taken. "
        "Sani Lawal said the list had been checked twice."
    )
    assert {a.canonical_source for a in analysis.attributions} == {"sani-lawal"}


def test_a_named_body_is_never_the_one_described_before_it(analyse):
    analysis = analyse(
        "10:45 — The Directorate General of Coastal Safety says the fire has been put out.\n\n"
        "12:20 — The Black Sea Nature Association, an environmental group based in Kocaeli, says "
        "drone footage shows an oil slick about 4 kilometres long."
    )
    assert [a.canonical_source for a in analysis.attributions][-1] == (
        "black-sea-nature-association"
    )


def test_the_company_is_never_a_state_named_before_it(analyse):
    analysis = analyse(
        "Tanker owner says two sailors missing\n\n"
        "The Turkish side says all crew were rescued. The company which manages the tanker has "
        "declared that 27 sailors were on board."
    )
    [company] = [a for a in analysis.attributions if "27 sailors" in a.content_text]
    assert company.canonical_source != "tr-side"


@pytest.mark.parametrize(
    "text",
    [
        "Residents fled after the raid. The mayor of the town of Ayorou told reporters that four "
        "soldiers were missing.",
        "The governor of Jackson said the road was closed.",
    ],
)
def test_the_place_an_office_is_held_in_is_not_its_holder(analyse, text):
    # the tagger reads the town as a person; the mayor speaks, not someone named after it
    [claim] = analyse(text).attributions
    assert claim.canonical_source not in ("ayorou", "jackson")
    assert claim.source_kind == "person"


def test_a_law_is_cited_it_does_not_speak(analyse):
    analysis = analyse(
        "The men face up to two years in prison if convicted, according to Russian law."
    )
    assert all(a.canonical_source is None for a in analysis.attributions)


@pytest.mark.parametrize(
    "text",
    [
        "A security official in Ségou, who asked not to be named, said 12 soldiers had died.",
        "A security official in Kidal said at least 12 soldiers had died.",
    ],
)
def test_an_official_in_a_town_is_an_unnamed_official_not_the_state(analyse, text):
    # a town says where the official is; a state's voice would be the army's own (a figure from
    # an unnamed official then disputes the army's, it does not restate it)
    [claim] = analyse(text).attributions
    assert claim.anonymous
    assert claim.canonical_source.startswith("anonymous-ml")


def test_officials_in_a_capital_still_speak_for_its_state(analyse):
    [claim] = analyse("Officials in Kyiv said the drones were shot down.").attributions
    assert claim.canonical_source == "ua-government"


@pytest.mark.parametrize(
    "text",
    [
        "The al Qaeda-linked group JNIM claimed the attack, saying its fighters killed 19 soldiers.",
        "The jihadist group JNIM said its fighters had killed 19 soldiers.",
    ],
)
def test_a_kind_of_body_before_a_known_name_is_that_body(analyse, text):
    claims = analyse(text).attributions
    assert claims
    assert {claim.canonical_source for claim in claims} == {"jnim"}


def test_a_channel_named_after_its_kind_is_the_channel_by_its_name(analyse):
    """ "The Telegram channel Severny Veter claims ...": Severny Veter speaks, not a "Telegram
    channel Severny Veter" no other report would name."""
    [claim] = analyse(
        "The Telegram channel Severny Veter claims it shut down all 11 pumping stations."
    ).attributions
    assert claim.canonical_source == "severny-veter"


def test_a_security_service_and_its_initials_are_one_body(analyse):
    analysis = analyse(
        "Russia's FSB says the boat was detained inside Russian waters. Russia's Federal "
        "Security Service said the vessel attempted to ram a patrol boat."
    )
    assert {a.canonical_source for a in analysis.attributions} == {"ru-fsb"}


def test_the_kind_of_body_named_before_its_name_points_back_to_it(analyse):
    analysis = analyse(
        "The al Qaeda-linked group JNIM claimed responsibility for the attack. The group said "
        "its fighters had not burned the market."
    )
    assert {a.canonical_source for a in analysis.attributions} == {"jnim"}


def _by_content(analysis, words):
    return [a.canonical_source for a in analysis.attributions if words in a.content_text]


def test_a_pronoun_in_a_speakers_turn_points_to_the_subject_of_the_sentence_before(analyse):
    """A correspondent's turn of several sentences: "It says" is the army the sentence before
    is about, not the last body quoted."""
    analysis = analyse(
        "REPORTER: The agency put out a report this morning. It says 40 civilians died. The army "
        "has still not given a civilian toll. It says three soldiers were killed.\n\n"
        "REPORTER: The governor has closed the river."
    )
    said = [a.canonical_source for a in analysis.attributions if a.cue and a.cue.text == "says"]
    assert said[-1] == "army", _claims(analysis)


def test_the_subject_of_a_reported_clause_is_no_antecedent(analyse):
    """ "Kannan was still missing, he said": the missing man is what was said, not who says
    the next thing."""
    analysis = analyse(
        "Arockiasamy Jebamalai said the navy had pulled three men out of the water. One of the "
        "others, Muthu Kannan, 28, was still missing on Thursday, he said. He said the boat sank "
        "fast."
    )
    assert set(_by_content(analysis, "the boat sank")) == {"arockiasamy-jebamalai"}, _claims(
        analysis
    )


@pytest.mark.parametrize(
    ("text", "words", "canonical"),
    [
        (
            "The army has not given a civilian toll. Its statement on Saturday said three "
            "soldiers were killed.",
            "three soldiers",
            "army",
        ),
        (
            "The army has not given a civilian toll. The ministry issued a statement on Monday. "
            "Its report said 40 people died.",
            "40 people",
            "ministry",
        ),
        (
            "Pakistan's Foreign Office rejected the accusation as baseless. \"Pakistan has nothing "
            'to do with this incident," its spokesperson said at a weekly briefing.',
            "nothing to do",
            "pk-foreign-office",
        ),
        (
            "The Balochistan Azadi Front claimed the attack. Its spokesman said the men were "
            "prisoners of war.",
            "prisoners of war",
            "balochistan-azadi-front",
        ),
    ],
)
def test_what_its_names_speaks_for_whom_its_points_to(analyse, text, words, canonical):
    """ "Its statement said", "its spokesperson said": the statement or the spokesperson of
    the body named just before; a ministry is never the army named before it."""
    assert _by_content(analyse(text), words) == [canonical]


def test_a_stage_note_after_a_transcript_label_is_no_part_of_the_name(analyse):
    analysis = analyse(
        "PRESENTER: I spoke to the agency's spokesperson, Helene Mbaye.\n\n"
        "MBAYE (recording): We have received reports of abductions, but we cannot confirm them."
    )
    assert set(_by_content(analysis, "received reports")) == {"helene-mbaye"}, _claims(analysis)


def test_an_office_coordinated_with_a_body_is_a_speaker_of_its_own(analyse):
    analysis = analyse("The police and the mayor said five people died in the fire.")
    assert sorted(_by_content(analysis, "five people")) == ["mayor", "police"], _claims(analysis)


def test_a_headline_naming_two_actors_is_no_one_body_for_later_mentions(analyse):
    analysis = analyse(
        "Gunmen attack river town; army and mayor give different tolls\n\n"
        "Gunmen attacked the town of Sansanding at dawn, killing soldiers and civilians, the "
        "army and a local official said."
    )
    assert "army" in _by_content(analysis, "Gunmen attacked"), _claims(analysis)
    assert not [s for s in _by_content(analysis, "Gunmen attacked") if "mayor" in (s or "")]


def test_an_unnamed_source_in_a_capital_is_an_unnamed_person_of_that_country(analyse):
    """ "a security source in Bangui" is one unnamed person there, not the state; "officials in
    Kyiv" still speak for it."""
    analysis = analyse(
        "A security source in Bangui, speaking on condition of anonymity, said the toll was much "
        "higher."
    )
    (claim,) = analysis.attributions
    assert claim.anonymous, _claims(analysis)
    assert claim.canonical_source.startswith("anonymous-cf"), _claims(analysis)


def test_a_bodys_own_partners_are_that_body(analyse):
    """ "according to its humanitarian partners on the ground": OCHA's own account, not a second
    origin; a bare "ministry" is never a body of no state named before it."""
    analysis = analyse(
        "The UN humanitarian office OCHA says at least 40 civilians were killed, according to its "
        "humanitarian partners on the ground. The ministry said its sources reported 12 dead."
    )
    sources = {a.content_text.split()[0]: a.canonical_source for a in analysis.attributions}
    assert {a.canonical_source for a in analysis.attributions if "40" in a.content_text} == {
        "ocha"
    }, _claims(analysis)
    assert sources.get("12") != "ocha", _claims(analysis)


def test_source_hygiene_the_firms_head_of_research_speaks_for_the_firm_just_named(analyse):
    """ "Mart Ilves, the firm's head of threat research": Kilp Security's, named a sentence
    before, not a second origin beside it."""
    analysis = analyse(
        "Kilp Security, a Tallinn firm that monitors industrial networks, said it had seen the "
        'claims. "We could not confirm any link to the GRU," said Mart Ilves, the firm\'s head '
        "of threat research."
    )
    [person] = [s for s in analysis.sources if s.id == "mart-ilves"]
    assert person.parent == "kilp-security"


def test_source_hygiene_a_place_the_tagger_calls_a_person_before_residents_is_no_speaker(analyse):
    """ "Annelinn residents dispute ...": the residents speak; "Annelinn" (tagged a person) is
    where they live."""
    [claim] = analyse(
        '"No water for 30 hours": Annelinn residents dispute utility\'s account of cyberattack'
    ).attributions
    assert claim.source_kind == "group"
    assert claim.canonical_source != "annelinn"


@pytest.mark.parametrize(
    "before",
    [
        # an outlet cited just before
        "A maritime security firm cited by Equinox Press Agency places her nine miles out.",
        # a navy that spoke just before
        "The U.S. Fifth Fleet says the ship was in international waters.",
        # a rights group that spoke just before
        "The Beni Human Rights Collective says 38 civilians were killed.",
    ],
)
def test_source_hygiene_the_operator_is_no_outlet_navy_or_rights_group_named_before(
    analyse, before
):
    """ "The operator says 24 crew are on board" in a report that names no operator: the one
    body other reports call the operator, not the last organisation this one named."""
    analysis = analyse(f"{before} The operator says 24 crew are on board.")
    (operator,) = [a for a in analysis.attributions if "24 crew" in a.content_text]
    assert operator.canonical_source == "operator", _claims(analysis)


def test_source_hygiene_the_operator_after_its_company_is_the_company(analyse):
    analysis = analyse(
        "Dorian Maritime Shipping said it had lost contact with the tanker. Later the operator "
        "said 24 crew were on board."
    )
    (operator,) = [a for a in analysis.attributions if "24 crew" in a.content_text]
    assert operator.canonical_source == "dorian-maritime-shipping", _claims(analysis)


@pytest.mark.parametrize(
    "text",
    [
        "Few port operators can say who holds the keys to those lines.",
        "The tools, the servers and the working hours all point to a group that works for Moscow.",
        "The autopsy shows that the fisherman was shot.",
    ],
)
def test_source_hygiene_a_generalisation_or_evidence_is_no_speaker(analyse, text):
    """ "Few port operators can say ...": nobody in particular speaks; "the tools point to":
    evidence, not a source."""
    assert analyse(text).attributions == (), _claims(analyse(text))


def test_source_hygiene_a_korean_name_is_one_person_by_its_family_name(analyse):
    """ "Seo Min-jae" (family name first, the given name hyphenated) is one person, and "Seo"
    later in the report is that person."""
    analysis = analyse(
        "The pumps stopped at 1 a.m., said Seo Min-jae, a spokesman for the water company. "
        "Seo said no customer data had been taken."
    )
    assert [a.canonical_source for a in analysis.attributions] == ["seo-min-jae"] * 2


def test_source_hygiene_a_name_in_capitals_is_the_person_the_report_introduced(analyse):
    """ "YOON" (a transcript's way of naming a speaker) after "Yoon Seo-yeon" is the researcher,
    not the best-known Yoon of the source table."""
    analysis = analyse(
        "Yoon Seo-yeon is a researcher at a security firm in Seoul.\n\n"
        "YOON said the firm had counted 26 controllers that were encrypted."
    )
    said = [a for a in analysis.attributions if a.cue is not None and a.cue.text == "said"]
    assert [a.canonical_source for a in said] == ["yoon-seo-yeon"]


def test_source_hygiene_a_place_the_tagger_read_as_a_person_is_no_name(analyse):
    """ "A security official in Cotonou, who asked not to be named": an anonymous official of
    Benin, not a person called Cotonou."""
    [claim] = analyse(
        "A security official in Cotonou, who asked not to be named, said 11 soldiers had been "
        "killed."
    ).attributions
    assert claim.anonymous
    assert claim.canonical_source.startswith("anonymous-")


def test_source_hygiene_a_rank_inside_a_description_starts_the_name(analyse):
    """ "Army spokesman Colonel Servais Akpovi" is a person (the tagger saw an organisation), so
    the "He" that follows is him."""
    first, second = analyse(
        'Army spokesman Colonel Servais Akpovi said: "Seven of our men fell in Karimama." He said '
        "the civilian toll stood at six."
    ).attributions
    assert first.canonical_source == second.canonical_source == "servais-akpovi"


def test_source_hygiene_the_company_is_not_the_programme_named_in_the_title(analyse):
    """ "The company says ..." in a radio interview is not the radio programme whose title line
    opened the transcript."""
    analysis = analyse(
        'Radio Baltica, "Morning Line": interview with Andres Kivisild of the Information '
        "System Authority (transcript, abridged)\n\n"
        "Saturday 14 November. Presenter: Kaisa Rand.\n\n"
        "RAND: Andres Kivisild heads the cyber security centre at the Information System "
        "Authority, RIA. Good morning.\n\n"
        "KIVISILD: Good morning.\n\n"
        "RAND: Three days after the attack on Tartu's water. What do we actually know about how "
        "many people were affected?\n\n"
        "KIVISILD: The company says about 26,000 households. That is the figure we are working "
        "with.\n"
    )
    sources = {a.canonical_source for a in analysis.attributions if "26,000" in a.content_text}
    assert sources
    assert not any("radio" in s for s in sources), sources


def test_source_hygiene_an_anonymous_source_is_named_for_readers(analyse):
    """The name readers see keeps the report's capitals and names the country, not its code."""
    analysis = analyse(
        "A security official in Cotonou, who asked not to be named, said 11 soldiers had been "
        "killed."
    )
    [source] = [s for s in analysis.sources if s.type == "anonymous"]
    assert source.name == "anonymous security official Cotonou, Benin"


def _source_of(analysis, words: str) -> str | None:
    [found] = [a for a in analysis.attributions if words in a.content_text]
    return found.canonical_source


def test_source_hygiene_a_headlines_bare_army_is_the_country_army_its_report_names(analyse):
    """In a folder of several stories a bare "army" would join another story's army: the
    headline's "army says" is the "Indonesian army" of its own report."""
    analysis = analyse(
        "Separatists attack Oksibil; army says four soldiers killed\n\n"
        "JAYAPURA, Indonesia, Nov 26 (Wire) — Separatist fighters attacked the town of Oksibil "
        "before dawn on Thursday, killing four soldiers and two civilians, the Indonesian army "
        "said.\n"
    )
    assert _source_of(analysis, "four soldiers killed") == "id-army"
    assert _source_of(analysis, "killing four soldiers") == "id-army"


def test_source_hygiene_a_round_ups_bare_army_is_not_another_storys_army(analyse):
    """In a round-up of two stories, "the army" of the Chad section is not the Mauritanian army
    the next section names."""
    analysis = analyse(
        "Weekly briefing\n\n"
        "Chad: Ngouboua\n"
        "- Fighters attacked Ngouboua, on the shore of Lake Chad. The army says nine civilians "
        "were killed.\n\n"
        "Mauritania: N'Diago\n"
        "- Mauritania's army says it brought down a drone over N'Diago.\n"
    )
    assert _source_of(analysis, "nine civilians were killed") != "mr-army"
    assert _source_of(analysis, "brought down a drone") == "mr-army"


def test_source_hygiene_companies_named_like_people_and_what_points_back_to_them(analyse):
    """ "Caledonia Hydro" and "Velmar Controls" are companies (a company word ends the name),
    "It" and "the operator" are the operator the bullet introduced, and "the group" after an
    embassy spoke is the hacker group named before it, not the embassy nor the agency."""
    analysis = analyse(
        "UNITED KINGDOM: dam cyberattack\n"
        "- Operator Caledonia Hydro now says one spillway gate was open for up to two hours. "
        "It first said about 40 minutes and three controllers.\n"
        "- The Black Falcon Team claims six hours and four gates.\n"
        "- The NCSC says an IRGC-linked unit is highly likely behind the attack and that the "
        "Black Falcon Team is its persona. Iran's embassy calls the accusation baseless; the group "
        "says no government gives it orders.\n"
        "- Velmar Controls says the factory default password was never changed. The operator says "
        "that is not true.\n"
    )
    types = {s.id: s.type for s in analysis.sources}
    assert types["caledonia-hydro"] == "organisation"
    assert types["velmar-controls"] == "organisation"
    assert _source_of(analysis, "about 40 minutes") == "caledonia-hydro"
    assert _source_of(analysis, "that is not true") == "caledonia-hydro"
    assert _source_of(analysis, "no government gives it orders") == "black-falcon-team"


def test_source_hygiene_a_rebel_army_named_in_full_is_not_the_army(analyse):
    """ "The West Papua National Liberation Army (TPNPB)" is the rebels, not the "army" of the
    headline; and "The army" that dismisses their claim is the state's, not theirs."""
    analysis = analyse(
        "Rebels claim attack; army calls the claim propaganda\n\n"
        "JAKARTA, Nov 29 (Wire) — The West Papua National Liberation Army (TPNPB) said on Sunday "
        "that its fighters had carried out Thursday's attack on the town, killing 17 soldiers.\n\n"
        "The army dismissed the claim as propaganda.\n"
    )
    rebels = _source_of(analysis, "its fighters had carried out")
    army = _source_of(analysis, "the claim as propaganda")
    assert rebels == "west-papua-national-liberation-army"
    assert army != rebels


def test_source_hygiene_a_firm_is_never_the_group(analyse):
    """ "The group" after a security firm spoke is not the firm ("Labs", "Forensics" end a
    company's name), whoever it is."""
    analysis = analyse(
        "The Red Lynx hackers have claimed the attack on the water utility. Kestrel Forensics, "
        "the firm hired by the city, said the pumps were stopped for about nine hours. The group "
        "said it had stopped them for two days."
    )
    assert _source_of(analysis, "stopped for about nine hours") == "kestrel-forensics"
    assert _source_of(analysis, "it had stopped them for two days") != "kestrel-forensics"


def test_a_report_before_its_speaker_with_a_participle_gives_the_speaker_set_off_before_the_verb(
    analyse,
):
    """The parser takes "halting card payments ... number" for the subject of "said": the
    speaker is the phrase set off by commas right before the verb."""
    analysis = analyse(
        "A cyberattack knocked out mobile and internet service across much of Albania on Sunday "
        "morning, halting card payments in shops and cutting off calls to the police number, the "
        "country's biggest carrier, Telvanet, said."
    )
    [said] = [a for a in analysis.attributions if a.cue.text == "said"]
    assert said.source.text == "the country's biggest carrier, Telvanet"


def test_the_group_in_a_roundup_section_is_no_firm_army_or_body_of_another_section(analyse):
    """ "the group claims" in a roundup's line after a forensics firm spoke is not the firm,
    nor the army or the UN agency of the section before."""
    analysis = analyse(
        "The week in two disputes\n\n"
        "SANTA RITA, COLOMBIA\n"
        "22 November: the army says four soldiers died. OCHA counts about 4,800 displaced.\n\n"
        "KOSOVO: TELVANET\n"
        "26 November: Kestrel Forensics says 74 sites were hit and about 480,000 records "
        "copied; the group claims 1.9 million.\n"
    )
    [group] = [a for a in analysis.attributions if a.source and a.source.text == "the group"]
    assert group.canonical_source not in ("kestrel-forensics", "army", "ocha"), (
        group.canonical_source
    )


def test_another_speakers_word_set_after_a_figure_is_no_part_of_its_claim(analyse):
    """ "The group says 2.3 million, which the firm calls impossible": the firm's judgement is
    no part of what the group says."""
    analysis = analyse(
        "Telvanet now says 90,000 customers were affected. The group says 2.3 million, which "
        "Osprey Forensics calls impossible because the database holds 700,000 entries."
    )
    [group] = [a for a in analysis.attributions if a.source and a.source.text == "The group"]
    assert group.content_text == "2.3 million"


def test_a_unit_of_the_army_the_report_named_speaks_for_that_army(analyse):
    """ "a spokesman for the army's Third Brigade", after "Peru's army": the brigade is that
    army's, so its claims and the army's are one body's, not two independent sources."""
    analysis = analyse(
        "LIMA, Nov 22 (Wire) — Peru's army said two soldiers died. Major Luis Quispe, spokesman "
        "for the army's Third Brigade, said about 40 fighters had taken part."
    )
    brigade = next(s for s in analysis.sources if s.name == "Third Brigade")
    army = next(s for s in analysis.sources if s.id == brigade.parent)
    assert (army.country, brigade.country) == ("PE", "PE")


def test_a_transcripts_label_is_the_person_its_introduction_names_with_two_family_names(
    analyse,
):
    """ "IBÁÑEZ:" is "Captain Álvaro Ibáñez Cortés", whom the presenter introduced: an accented
    given name and a second family name."""
    analysis = analyse(
        "PRESENTER: We also spoke to the commander of the naval base, Captain Álvaro Ibáñez "
        "Cortés.\n\n"
        "IBÁÑEZ: Our radar followed the patrol boat as it crossed into our waters.\n"
    )
    label = next(a for a in analysis.attributions if a.source and a.source.text == "IBÁÑEZ")
    assert label.canonical_source == "alvaro-ibanez-cortes"


def test_it_after_a_clause_naming_another_body_is_the_body_the_clause_describes(analyse):
    """ "the rebel movement the army blames for the raid ... it said": "it" is the movement, not
    the army named inside the clause that describes it."""
    analysis = analyse(
        "The Frente Popular del Sur (FPS), the rebel movement the army blames for the raid, "
        "gave a far higher figure. In a statement posted on its channels, it said its fighters "
        "had killed 19 soldiers."
    )
    [said] = [a for a in analysis.attributions if "19 soldiers" in a.content_text]
    assert said.canonical_source != "army", said.canonical_source


@pytest.mark.parametrize(
    ("text", "canonical", "kind"),
    [
        (
            "A group calling itself Black Heron claimed the attack on Tuesday. It said it had "
            "encrypted 300 servers.",
            "black-heron",
            "organisation",
        ),
        (
            "A channel called Red Wolf said it had taken the station's records.",
            "red-wolf",
            "organisation",
        ),
        (
            "A man known as Abu Khalid said the convoy was hit near the bridge.",
            "abu-khalid",
            "person",
        ),
    ],
)
def test_source_hygiene_a_body_goes_by_the_name_it_is_called(analyse, text, canonical, kind):
    analysis = analyse(text)
    claims = [
        a
        for a in analysis.attributions
        if a.content_text.endswith(("servers", "records", "bridge"))
    ]
    assert [a.canonical_source for a in claims] == [canonical], _claims(analysis)
    assert {s.id: s.type for s in analysis.sources}[canonical] == kind


def test_source_hygiene_a_country_named_with_and_is_one_speaker(analyse):
    analysis = analyse(
        "Trinidad and Tobago says the pirogue was 2.5 nautical miles inside its waters."
    )
    assert [a.canonical_source for a in analysis.attributions] == ["tt-government"]
    analysis = analyse("Russia and Ukraine said the talks had failed.")
    assert [a.canonical_source for a in analysis.attributions] == ["ru-government", "ua-government"]


@pytest.mark.parametrize(
    ("text", "source", "canonical"),
    [
        (
            "Benin on Sunday rejected as baseless the claim that the fighters came from its soil.",
            "Benin",
            "bj-government",
        ),
        ("The ministry on 3 December said 40 people had died.", "The ministry", "ministry"),
    ],
)
def test_source_hygiene_when_a_source_spoke_is_not_its_name(analyse, text, source, canonical):
    [claim] = analyse(text).attributions
    assert (claim.source.text, claim.canonical_source) == (source, canonical)


def test_source_hygiene_a_quotation_before_a_semicolon_is_not_the_next_speakers(analyse):
    analysis = analyse(
        'A freed man, Marlon Joseph, told the paper the patrol fired "more than 20 shots"; '
        "Venezuela says it fired three warning shots into the air."
    )
    contents = {a.canonical_source: a.content_text for a in analysis.attributions}
    assert contents["ve-government"] == "it fired three warning shots into the air"
    assert "20 shots" in contents["marlon-joseph"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("The Konkan Railway Corporation Ltd", "konkan-railway-corporation"),
        ("Konkan Railway Corporation", "konkan-railway-corporation"),
        ("Nordic Grid Services GmbH", "nordic-grid-services"),
        ("Acme Ltd", "acme-ltd"),  # a legal form is part of a name that has nothing else
    ],
)
def test_source_hygiene_a_companys_legal_form_is_no_part_of_its_id(name, expected):
    from claimgraph.nlp.source_table import slug

    assert slug(name) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Someone said the convoy had been hit twice near the bridge.",
        "Not everyone believes that the dam was sabotaged, the mayor said.",
        "Our view: the army's account of the raid does not hold together.",
    ],
)
def test_source_hygiene_nobody_in_particular_is_no_speaker(analyse, text):
    claims = _claims(analyse(text))
    assert all(
        source is None or source.lower().split()[-1] not in ("someone", "everyone", "view")
        for source, _, _ in claims
    ), claims


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # the parser hangs the name on the place; the tagger may call it an organisation
        (
            "The prefect of Pama, Issa Thiombiano, said 14 civilians had been killed.",
            "issa-thiombiano",
        ),
        (
            "The governor of Lac province, Mahamat Saleh, said 40 people were abducted.",
            "mahamat-saleh",
        ),
    ],
)
def test_source_hygiene_an_office_of_a_place_named_after_a_comma_is_its_holder(
    analyse, text, canonical
):
    [claim] = analyse(text).attributions
    assert claim.canonical_source == canonical


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # a pronoun's antecedent is the named holder of the office, not "prefect of Pama,"
        (
            "The prefect of Pama, Issa Thiombiano, gave a heavier toll. He said 26 people had died.",
            "issa-thiombiano",
        ),
        # the clause about the antecedent is no part of its name ("army, which")
        ("The army, which lost two men, gave no toll. It said the attackers had fled.", "army"),
    ],
)
def test_source_hygiene_a_pronouns_antecedent_is_named_whole(analyse, text, canonical):
    [claim] = analyse(text).attributions
    assert claim.canonical_source == canonical


def test_source_hygiene_the_head_of_a_named_body_speaks_for_it(analyse):
    analysis = analyse(
        "The president of the Kalymnos Fishermen's Association, Michalis Tsoukalas, said 14 "
        "trawlers had been chased away. President William Ruto said the talks would go on."
    )
    sources = {s.id: s for s in analysis.sources}
    assert sources["michalis-tsoukalas"].parent == "kalymnos-fishermen-association"
    # a bare title heads no body the report has named
    assert sources["william-ruto"].parent is None


def test_source_hygiene_a_council_named_after_two_places_is_one_body(analyse):
    analysis = analyse(
        "Police moved about 140 people out of riverside homes. Perth and Kinross Council says 64 "
        "homes were evacuated."
    )
    assert [a.canonical_source for a in analysis.attributions] == ["perth-and-kinross-council"]


def test_source_hygiene_a_role_of_the_body_just_named_belongs_to_it(analyse):
    analysis = analyse(
        "The Alibori Citizens' Observatory, a rights group, said 22 civilians were killed. "
        "Ali Sanni, the group's coordinator, said 31 people were abducted."
    )
    sources = {s.id: s for s in analysis.sources}
    assert sources["ali-sanni"].parent == "alibori-citizens-observatory"


@pytest.mark.parametrize(
    "text",
    [
        "The IRGC says the ship was seized eight nautical miles off Jask.",
        "Iran's Revolutionary Guards say they seized the tanker.",
        "The Revolutionary Guards said 16 crew were detained.",
    ],
)
def test_source_hygiene_irans_revolutionary_guards_are_one_body_by_any_name(analyse, text):
    [claim] = analyse(text).attributions
    assert claim.canonical_source == "ir-irgc"


def test_source_hygiene_a_quoted_phrase_about_an_actor_is_not_its_words(analyse):
    """ "Iran's 'continued harassment of merchant shipping' threatened ...": the outer speaker's
    words about Iran; no attribution whose source holds its own content, and the outer content
    keeps its second clause."""
    analysis = analyse(
        'The navy\'s Fifth Fleet said on Thursday that the seizure was "an unlawful act" and '
        'that Iran\'s "continued harassment of merchant shipping" threatened freedom of '
        "navigation."
    )
    # two claims, one per that-clause, both the Fifth Fleet's
    assert {a.source.text for a in analysis.attributions} == {"The navy's Fifth Fleet"}
    assert analysis.attributions[-1].content_text.endswith("threatened freedom of navigation")


def test_source_hygiene_a_statement_of_a_day_speaks_for_its_issuer_not_the_day(analyse):
    """ "its statement of Friday, which says ... and calls ...": the clause hangs on the
    statement, whose issuer is the body named again just before (not the last speaker), for
    both cues."""
    analysis = analyse(
        "The Lumerian army said the strike killed 30 fighters at a depot. The opposition "
        "government said 19 civilians died in the market.\n\n"
        "We asked the Lumerian army for an interview. It referred us to its statement of Friday, "
        "which says no civilians were harmed and calls the gas allegation a fabrication."
    )
    claims = _claims(analysis)
    later = [c for c in claims if "fabrication" in c[2] or "harmed" in c[2]]
    assert len(later) == 2, claims
    assert "calls" not in later[0][2], "the second cue's words are cut from the first's"
    assert all(
        source != "Friday" and canonical and "army" in canonical for source, canonical, _ in later
    ), claims


def test_source_hygiene_a_speakers_own_people_are_no_source(analyse):
    """ "According to our teams on the ground, ..." inside a minister's quote: the minister's
    claim; "our teams" is the minister's channel, not a speaker."""
    analysis = analyse(
        '"According to our teams on the ground, 19 people were killed," said Nang Seng Pan, '
        "a deputy minister of the opposition government."
    )
    claims = _claims(analysis)
    assert [c[0] for c in claims] == [
        "Nang Seng Pan, a deputy minister of the opposition government"
    ], claims
    assert "19 people were killed" in claims[0][2]


def test_source_hygiene_a_communique_speaks_for_whoever_issued_it(analyse):
    """A communiqué never speaks: "said the communiqué, signed by its commander" is the group
    that just spoke; "according to a communiqué issued after the meeting" is the council whose
    request it reports; what blog posts say of a group is not the group's word."""
    analysis = analyse(
        'The Frente Rojo denied killing civilians. "Our units did not fire on a single home," '
        "said the communiqué, signed by its commander.\n\n"
        "The AU Peace and Security Council asked the AU Commission to send a fact-finding "
        "mission to the border, according to a communiqué issued after the meeting.\n\n"
        "Wagner has lost several senior fighters, according to posts on Russian military blogs."
    )
    claims = _claims(analysis)
    by_text = {content: canonical for _, canonical, content in claims}
    home = next(c for t, c in by_text.items() if "single home" in t)
    assert home == next(c for t, c in by_text.items() if "killing civilians" in t), claims
    mission = next(c for t, c in by_text.items() if "fact-finding" in t)
    assert mission is not None, claims
    assert "council" in mission, claims
    assert not any("communiqu" in (c or "") for c in by_text.values()), claims
    assert all(c is None for t, c in by_text.items() if "Wagner" in t), claims


def test_source_hygiene_a_second_report_by_a_network_is_cut_from_the_first(analyse):
    """ "The toll rose to 58, state officials said, while a local volunteer network said it had
    counted 112 dead": two sources (the network's count inside its report is its own); the
    officials' words end at their own."""
    analysis = analyse(
        "The toll rose to 58 on Friday, state officials said, while a local volunteer network "
        "said it had counted 112 dead."
    )
    claims = _claims(analysis)
    assert len({canonical for _, canonical, _ in claims}) == 2, claims
    officials, network = claims[:2]
    assert "112" not in officials[2], claims
    assert "network" in network[0], claims


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a live page's label before the sentence
        ("19:40 GMT — Mexico: union says eight workers are still held.", "union"),
        ("Kenya: Police said 12 people were arrested in Kisumu.", "Police"),
        # the one addressed, then the speaker: the appositive is not closed by a comma
        (
            "Naomi, the Kurdish health ministry now says six people were killed.",
            "the Kurdish health ministry",
        ),
        # one person named twice
        ("Rutte, the NATO chief, said the alliance was ready to respond.", "Rutte, the NATO chief"),
    ],
)
def test_source_hygiene_neither_a_label_nor_the_one_addressed_speaks(analyse, text, source):
    [claim] = analyse(text).attributions
    assert claim.source is not None
    assert claim.source.text == source


def test_source_hygiene_a_live_pages_label_never_joins_the_speakers_name(analyse):
    text = (
        "Russia's embassy called the accusations baseless on Monday.\n\n"
        "19:40 GMT — Mexico: union says eight workers still held\n"
        "The miners' union says eight workers seized at the mine are still being held."
    )
    sources = {
        a.source.text for a in analyse(text).attributions if a.content_text.startswith("eight")
    }
    assert sources
    assert not [s for s in sources if ":" in s], sources


def test_a_groups_name_with_a_region_in_it_is_its_own_name(analyse):
    """ "Islamic State Sahel Province" names a group; the region inside its name ("Sahel", a
    region of Burkina Faso) does not make it Burkina Faso's state."""
    analysis = analyse(
        "Islamic State Sahel Province said its fighters had not harmed civilians in Pama."
    )
    [claim] = analysis.attributions
    assert claim.canonical_source == "islamic-state-sahel-province"


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        # "at" a body's name is membership; "at" a place only places the speaker
        (
            "The attackers used stolen passwords, said Yoon Seo-yeon, a researcher at Hanbit "
            "Security Lab.",
            "yoon-seo-yeon",
            "hanbit-security-lab",
        ),
        # the parser splits "secretary-general"; it is a body's head, not a state's officer
        (
            '"The internet was off for 48 hours," NRP secretary-general Achieng Odhiambo told '
            "the Observer.",
            "achieng-odhiambo",
            "nrp",
        ),
        (
            "The talks failed, said Amina Bello, secretary-general of the Nigerian Red Cross "
            "Society.",
            "amina-bello",
            "nigerian-red-cross-society",
        ),
    ],
)
def test_source_hygiene_a_bodys_researcher_or_secretary_general_speaks_for_it(
    analyse, text, person, body
):
    [speaker] = [s for s in analyse(text).sources if s.id == person]
    assert speaker.parent == body


def test_source_hygiene_a_researcher_at_a_place_speaks_for_no_body(analyse):
    analysis = analyse("The strike hit a school, said Amal Haddad, a researcher at Khartoum.")
    [speaker] = [s for s in analysis.sources if s.type == "person"]
    assert speaker.parent is None


def test_source_hygiene_a_transcripts_ranked_label_is_the_person_it_introduced(analyse):
    """ "COL. ZAU TAWNG (KIA):" is the spokesman the presenter introduced, one person with the
    body he speaks for; the bracket after the label is no acronym of a body called
    "COL. ZAU TAWNG"."""
    analysis = analyse(
        "ASIA TONIGHT (transcript)\n\n"
        "MAI SUZUKI (PRESENTER): Good evening. Joining me by phone is KIA spokesman Colonel Zau "
        "Tawng. Colonel, what is the toll now?\n\n"
        "COL. ZAU TAWNG (KIA): Fourteen people have died. Three more died yesterday in the "
        "hospital.\n\n"
        "ZAU TAWNG: That is a lie. There was no depot in Momauk, and not a single soldier was "
        "killed there.\n"
    )
    speakers = {a.canonical_source for a in analysis.attributions}
    assert speakers == {"zau-tawng"}, _claims(analysis)
    [person] = [s for s in analysis.sources if s.id == "zau-tawng"]
    assert person.parent == "kia"
    assert not [s for s in analysis.sources if "KIA" in s.aliases and s.type != "person"]


def test_source_hygiene_a_transcript_guest_speaks_for_the_body_the_host_named(analyse):
    analysis = analyse(
        "NIGHT DESK (transcript)\n\n"
        "HAN (PRESENTER): With me in the studio is Yoon Seo-yeon, a researcher at Hanbit "
        "Security Lab, which has been examining the attack. What did you find?\n\n"
        "YOON: The attackers were inside the network for at least nine days before they "
        "struck.\n"
    )
    [person] = [s for s in analysis.sources if s.id == "yoon-seo-yeon"]
    assert person.parent == "hanbit-security-lab"
    assert any(a.canonical_source == "yoon-seo-yeon" for a in analysis.attributions)


def test_source_hygiene_a_spokeswoman_for_a_described_body_speaks_for_the_body_named_after_it(
    analyse,
):
    """ "Fiona Rennie, a spokeswoman for the operator, Caledonia Hydro": she speaks, for the
    company (which the tagger read as a second person); the company never takes her name as an
    alias."""
    analysis = analyse(
        "The gates were closed by hand, said Fiona Rennie, a spokeswoman for the operator, "
        "Caledonia Hydro."
    )
    [claim] = analysis.attributions
    assert claim.canonical_source == "fiona-rennie"
    by_id = {s.id: s for s in analysis.sources}
    assert by_id["fiona-rennie"].parent == "caledonia-hydro"
    assert all("Fiona Rennie" not in s.aliases for s in analysis.sources if s.type != "person")


def test_source_hygiene_a_companys_chief_executive_is_the_person_named_not_the_company(analyse):
    """ "Caledonia Hydro's chief executive, Alasdair Petrie" (the tagger read the company as a
    person and the man as a body): he speaks, for the company; the company is nobody's member."""
    analysis = analyse(
        "PERTH — Caledonia Hydro's chief executive, Alasdair Petrie, told a news conference in "
        "Perth that one gate was open for two hours."
    )
    [claim] = analysis.attributions
    assert claim.canonical_source == "alasdair-petrie"
    by_id = {s.id: s for s in analysis.sources}
    assert by_id["alasdair-petrie"].parent == "caledonia-hydro"
    assert by_id["caledonia-hydro"].type != "person"


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        # the tagger reads the company after "of" as the person and the person as a body
        (
            "Alasdair Petrie, the chief executive of Caledonia Hydro, said two gates were opened.",
            "alasdair-petrie",
            "caledonia-hydro",
        ),
        # the parser sets the holder's name beside the company, not the office
        (
            "The chairman of Kaduna Electricity Company, Yusuf Maikano, said five people died.",
            "yusuf-maikano",
            "kaduna-electricity-company",
        ),
    ],
)
def test_source_hygiene_the_holder_of_an_office_of_a_named_body_speaks_for_it(
    analyse, text, person, body
):
    """A chief executive or chairman named beside the office counts with the body, not as a
    second source beside it."""
    analysis = analyse(text)
    sources = {s.id: s for s in analysis.sources}
    assert [a.canonical_source for a in analysis.attributions] == [person]
    assert sources[person].type == "person"
    assert sources[person].parent == body


def test_source_hygiene_it_after_a_colon_is_the_owner_of_the_claims_the_sentence_is_about(
    analyse,
):
    """ "Hollow Birch's claims have not matched the utility's account: it says ...": the group,
    not the body that spoke in the sentence before."""
    analysis = analyse(
        "The Cyber Centre says it is a front. Hollow Birch's claims have not matched the "
        "utility's account: it says it controlled 23 substations."
    )
    said = [a for a in analysis.attributions if a.source is not None and a.source.text == "it"]
    assert [a.canonical_source for a in said] == ["hollow-birch"]


@pytest.mark.parametrize(
    "text",
    [
        "The president of ASP, Gordon Macphail, said power was back.",
        "Gordon Macphail, the president of ASP, said power was back.",
    ],
)
def test_source_hygiene_the_head_of_a_body_named_by_its_acronym_speaks_for_it(analyse, text):
    analysis = analyse(text)
    macphail = next(s for s in analysis.sources if s.id == "gordon-macphail")
    assert macphail.parent == "asp"


def test_source_hygiene_one_persons_titles_read_as_conjuncts_are_one_speaker(analyse):
    """ "Gordon Macphail, President and CEO of ASP, said": the parser makes the titles
    conjuncts of the name; one quote, one speaker ("Moscow and Pyongyang" stay two)."""
    analysis = analyse(
        "Atlantic Shore Power (ASP) said power was back.\n\nGordon Macphail, President and CEO "
        'of ASP, said: "I want to apologise to every family who spent last night in the cold."'
    )
    quoted = [a for a in analysis.attributions if a.content_text.startswith("I want")]
    assert [a.canonical_source for a in quoted] == ["gordon-macphail"]
    pair = analyse("Moscow and Pyongyang have not acknowledged the deployment.").attributions
    assert len(pair) == 2


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        # "the force": the force the report named, not a new body called "force"
        (
            'The Coastal Defence Force said two of its boats were hit. "We lost no one," Major '
            "Ines Abara, a spokeswoman for the force, told reporters.",
            "ines-abara",
            "coastal-defence-force",
        ),
        # the body a person runs, named by its kind and its place
        (
            "Dr Talia Wren, who runs the field hospital in Kalewa, said nine patients were admitted.",
            "talia-wren",
            "field-hospital-in-kalewa",
        ),
        # the body named where the sentence opens
        (
            "At Harmon District Hospital, the chief executive, Dr Petra Okafor, said 12 wounded "
            "people had been admitted.",
            "petra-okafor",
            "harmon-district-hospital",
        ),
        # the company named with the office, not the body the sentence before described
        (
            "The operator of the Glenmore dam in Scotland said on Thursday that one gate had "
            'stayed open for two hours.\n\n"Our first figures were wrong. Five controllers were '
            "affected, not three,\" Strathmore Hydro's chief executive, Ewan Baird, told a news "
            "conference in Perth.",
            "ewan-baird",
            "strathmore-hydro",
        ),
    ],
)
def test_source_hygiene_a_person_speaks_for_the_body_the_sentence_ties_them_to(
    analyse, text, person, body
):
    analysis = analyse(text)
    sources = {s.id: s for s in analysis.sources}
    said = [a.canonical_source for a in analysis.attributions]
    assert person in said, said
    assert sources[person].parent == body


def test_source_hygiene_the_place_of_the_body_a_person_runs_is_not_their_body(analyse):
    analysis = analyse(
        "Dr Talia Wren, who runs the clinic in Port Selby, said nine patients were admitted."
    )
    [wren] = [s for s in analysis.sources if s.id == "talia-wren"]
    assert wren.parent != "port-selby"


def test_source_hygiene_a_rank_is_no_body(analyse):
    """ "Its spokesman, Major General X": the general's rank names no body called "Major"."""
    analysis = analyse(
        "The junta rejected the accusation. Its spokesman, Major General Than Zaw Oo, said in "
        "a statement that the army had not fired across the border."
    )
    assert all(s.id != "major" for s in analysis.sources), [s.id for s in analysis.sources]
    assert all(s.parent != "major" for s in analysis.sources)


@pytest.mark.parametrize(
    ("text", "words", "canonical"),
    [
        # "..., Captain X told Curlew Wire. Two soldiers were wounded, he said": he is the
        # captain, not the outlet the tagger read as a person
        (
            "Suspected rebels attacked the town of Mbau late on Monday, killing seven civilians "
            'and two soldiers before troops drove them back, the army said on Tuesday.\n\n"The '
            "enemy came in through the eastern neighbourhoods at around 9 p.m. and set fire to "
            'houses. Our units engaged them and pushed them back towards the forest," Captain '
            "Remy Tshala, spokesman for the army's operations in the Beni area, told Curlew Wire. "
            "Two soldiers were wounded and four attackers were killed, he said.",
            "wounded",
            "remy-tshala",
        ),
        # "The engineers' union Kestrel says ...; the company says ...": the company is the one
        # the report named before, not the union that spoke last
        (
            "Glenmore Hydro runs the dam. The engineers' union Kestrel says only one engineer was "
            "on duty that night; the company says the control room was fully staffed.",
            "fully staffed",
            "glenmore-hydro",
        ),
        # "Ms Lindqvist, can you confirm ...?" in a reporter's question names no second
        # Lindqvist: the line labelled LINDQVIST is Karin Lindqvist of the agency
        (
            "Transcript: the agency briefs reporters\n\nExcerpts from a news conference given on "
            "Tuesday by Karin Lindqvist, head of operations at the Nordic Grid Agency.\n\nQ: Ms "
            "Lindqvist, can you confirm who was behind it?\n\nLINDQVIST: We have opened a "
            "preliminary investigation into sabotage.",
            "preliminary",
            "karin-lindqvist",
        ),
        # a writer who has called the operator "the company" twice goes on doing so, whatever
        # firm the paragraph between names
        (
            "The operator, the Ostrava Heat Company, says the boilers stopped at 4 a.m. The "
            "company first said 9,000 flats lost heating. The company now says 14,000. Birchwood "
            "Forensics, which is working for the insurer, counted 21 broken controllers. The "
            "company says it is still checking the logs.",
            "still checking",
            "ostrava-heat-company",
        ),
        # "The contractor, Vesna Control Systems, says": the name beside the noun speaks
        (
            "The National Intelligence Service says the intruders used the contractor's account. The "
            "contractor, Vesna Control Systems, says its accounts were not used.",
            "accounts were not used",
            "vesna-control-systems",
        ),
        # "the group that claims the attack" is no city hall, though the city spoke last
        (
            "Dornbach city hall says 5,000 homes lost water. The group that claims the attack "
            "says 20,000 homes lost water.",
            "20,000",
            "group",
        ),
        # "the utility" is the supplier named before: not the cyber centre that spoke since,
        # nor the contractor, nor an unnamed "utility" because a quote called it "a greedy one"
        (
            "Lakeshore Power said its grid was attacked. The Canadian Centre for Cyber Security "
            "said the malware erased servers. Later the utility said 9,000 homes lost power.",
            "9,000",
            "lakeshore-power",
        ),
        (
            'Lakeshore Power said its grid was attacked. The hackers said they acted against "a '
            'greedy utility". The contractor, Dunmore Controls Ltd, said its systems were not '
            "breached. About 9,000 homes lost power, according to the utility.",
            "9,000",
            "lakeshore-power",
        ),
        # a state's centre, its country after its name, is no company
        (
            "Savonia Energia said two of its plants stopped. The National Cyber Security Centre "
            "Finland said it was investigating. The company says two plants were affected.",
            "two plants were affected",
            "savonia-energia",
        ),
        # "X's claims have not matched ...: it says A, while the utility says B, and it says C"
        (
            "Hollow Fern's claims have not matched the utility's account: it says it controlled "
            "23 substations, while the utility says seven were disconnected, and it says it "
            "copied 2.4 million records.",
            "copied",
            "hollow-fern",
        ),
        # a spokesman's nom de guerre is no body "the group" points back to
        (
            'The Tanod Liberation Army said it had freed the men. "There was no rescue," a '
            "spokesman using the name Ka Ilaw said in a statement. The group said it was still "
            "holding two people.",
            "still holding",
            "tanod-liberation-army",
        ),
    ],
)
def test_source_hygiene_who_says_it(analyse, text, words, canonical):
    analysis = analyse(text)
    assert _by_content(analysis, words) == [canonical], _claims(analysis)


def test_source_hygiene_a_title_with_a_full_stop_does_not_end_the_sentence(analyse):
    """ "The chairman of X Local Government Area, Hon. Bala Dauda, said": the stop after "Hon"
    ends no sentence, so the chairman is one speaker who speaks for the area's council."""
    analysis = analyse(
        "The chairman of Kauru Local Government Area, Hon. Bala Dauda, said four people were "
        "killed in the attack."
    )
    [claim] = analysis.attributions
    assert claim.canonical_source == "bala-dauda"
    [dauda] = [s for s in analysis.sources if s.id == "bala-dauda"]
    assert dauda.parent == "kauru-local-government-area"


def test_source_hygiene_when_a_body_acted_is_no_part_of_its_name(analyse):
    """ "The Balochistan Azadi Front on Tuesday released a video ... who it said were ...": the
    group is "Balochistan Azadi Front", not "... Front on Tuesday"."""
    analysis = analyse(
        "QUETTA — The Balochistan Azadi Front on Tuesday released a video of eight men who it "
        "said were soldiers taken from buses on the highway."
    )
    names = {s.name for s in analysis.sources}
    assert "Balochistan Azadi Front" in names, names
    assert not any("Tuesday" in name for name in names), names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            '"The deployment is no longer a rumour," one senior official said at the briefing.',
            "anonymous senior official",
        ),
        (
            "Two security sources said the convoy had been hit near the border.",
            "anonymous security sources",
        ),
    ],
)
def test_source_hygiene_an_unnamed_source_is_named_by_who_not_how_many(analyse, text, name):
    analysis = analyse(text)
    names = {s.name for s in analysis.sources if s.type == "anonymous"}
    assert names == {name}, names


def test_source_hygiene_a_habit_another_party_is_charged_with_is_no_claim_of_theirs(analyse):
    """ "India habitually blames Pakistan for its own failures," in Pakistan's spokesperson's
    words, is Pakistan's jibe, not a claim India made."""
    analysis = analyse(
        "Pakistan's Foreign Office rejected the accusation. \"Pakistan has nothing to do with "
        'this incident. India habitually blames Pakistan for its own failures," its '
        "spokesperson said."
    )
    assert not [a for a in analysis.attributions if a.canonical_source == "in-government"], _claims(
        analysis
    )
    assert any("habitually" in a.content_text for a in analysis.attributions), _claims(analysis)


def test_source_hygiene_a_spokeswoman_of_a_described_guard_speaks_for_the_guard_named_before(
    analyse,
):
    """ "The Hellenic Coast Guard said ... said Eleni Papas, a coast guard spokeswoman": the
    coast guard she speaks for is the one just named, Greece's, not a bare "coast guard"."""
    analysis = analyse(
        'The Hellenic Coast Guard said the trawler was inside Greek waters. "The boat was '
        'fired on," said Lieutenant Eleni Papas, a coast guard spokeswoman.'
    )
    [person] = [s for s in analysis.sources if s.type == "person"]
    [guard] = [s for s in analysis.sources if s.name == "Hellenic Coast Guard"]
    assert guard.country == "GR"
    assert person.parent == guard.id


def test_source_hygiene_a_headlines_bare_kind_is_the_speaker_the_report_describes(analyse):
    """ "Union says ..." over a report on "the union of port workers in Varna" is that union,
    not a second source beside it; with two unions in the report, which one cannot be told."""
    one = analyse(
        "Union says crane collapse injured 12\n\nVARNA — The union of port workers in Varna says "
        "a crane collapse on Monday injured 12 of its members."
    )
    speakers = {a.canonical_source for a in one.attributions}
    assert len(speakers) == 1, _claims(one)
    two = analyse(
        "Union says crane collapse injured 12\n\nVARNA — The Varna Dockers Union says a crane "
        "collapse injured 12 members. The Crane Drivers Union says nine were hurt."
    )
    assert len({a.canonical_source for a in two.attributions}) == 3, _claims(two)


def test_source_hygiene_a_body_named_in_full_is_not_the_known_body_its_acronym_spells(analyse):
    """ "The Estonian Information System Authority (RIA), which ..., said": the authority
    named in full speaks, not RIA Novosti, whose short name the acronym happens to be."""
    analysis = analyse(
        "The Estonian Information System Authority (RIA), which handles cyber incidents, said "
        "it had sent a team to Tartu."
    )
    [claim] = analysis.attributions
    assert claim.canonical_source != "ria-novosti"
    assert "information-system-authority" in claim.canonical_source


def test_source_hygiene_its_in_the_subjects_own_clause_is_the_subject(analyse):
    """ "Police spokesman X said the force stood by its assessment that ...": the assessment is
    the police's, not that of the group the sentence before named."""
    analysis = analyse(
        "The Lake Province Front has not claimed the attack. Lakeside police spokesman Daniel "
        "Oyelaran said the force stood by its assessment that bandits were responsible."
    )
    [nested] = [a for a in analysis.attributions if a.content_text.startswith("that bandits")]
    assert nested.canonical_source != "lake-province-front", _claims(analysis)
    assert "police" in (nested.canonical_source or ""), _claims(analysis)


def test_source_hygiene_an_army_commander_in_a_place_speaks_for_the_army(analyse):
    """ "X, the army commander in Gedo": the army named before, not a person of no body (a
    "spokesman in Ituri" still speaks for no one the place names)."""
    analysis = analyse(
        "The Somali army said troops had surrounded the camp. Colonel Ahmed Warsame, the army "
        "commander in Gedo, said the kidnappers had let the hostages go."
    )
    [person] = [s for s in analysis.sources if s.type == "person"]
    assert person.parent == "so-army"
