"""What a figure counts: the thing, the event and which numbers are no figures at all.

Sentences of our own, analysed with the real pipeline, read back through `document_facts`.
"""

import pytest

from claimgraph.nlp.source_table import load_source_table
from claimgraph.resolve.facts import document_facts
from claimgraph.resolve.identity import build_identity
from claimgraph.resolve.lexicons import load_resolve_lexicon


@pytest.fixture(scope="module")
def figures(analyse):
    lexicon = load_resolve_lexicon()

    def run(text: str) -> dict[float, tuple[str | None, str | None]]:
        analysis = analyse(text, published="2025-03-02")
        identity = build_identity(load_source_table(), [], [])
        found = {}
        for facts in document_facts(analysis, identity, lexicon):
            for figure in facts.figures:
                found.setdefault(figure.value, (figure.thing, figure.event))
        return found

    return run


@pytest.mark.parametrize(
    ("text", "value", "thing", "event"),
    [
        ("The navy said nine sailors were still missing on Tuesday.", 9, "sailors", "missing"),
        ("Police said 12 passengers had been rescued from the bus.", 12, "passengers", "rescued"),
        ("The ministry said 300 families had been evacuated.", 300, "families", "displaced"),
        (
            "The group said 5 reporters had been arrested at the crossing.",
            5,
            "reporters",
            "detained",
        ),
        # a bare number counts its subject's noun
        ("The ministry said the number of wounded had risen to 162.", 162, "people", "wounded"),
        ("Officials said the death toll stood at 41 on Monday.", 41, "people", "killed"),
        # a toll among some people counts their dead, not everyone's
        ("The army said the toll among soldiers had risen to six.", 6, "troops", "killed"),
        ("Monitors said the toll among civilians had reached 23.", 23, "people", "killed"),
        # records a breach reached were taken
        (
            "The firm said customer data of 40,000 records had been accessed.",
            40000,
            "records",
            "stolen",
        ),
        # coordinated numbers share the verb before the first of them
        (
            "The militia said it killed 30 police officers and 12 soldiers in the raid.",
            12,
            "troops",
            "killed",
        ),
        # the share of a partitive takes the whole's noun
        ("The agency said 7 of the 20 workers were missing.", 7, "workers", "missing"),
        # what an attack on infrastructure did to it
        (
            "The group said it had shut down 11 heating plants on Monday.",
            11,
            "plants",
            "shut down",
        ),
        ("The ministry said seven inmates lost their lives.", 7, "inmates", "killed"),
        ("The agency said more than 9,000 people have left the town.", 9000, "people", "displaced"),
        # a state's soldiers who fell or were lost were killed; shells that fell were not, and a
        # group's own losses stay apart from the army's
        ('Benin\'s army said: "Seven of our men fell in the town."', 7, "troops", "killed"),
        ("Benin's army said it lost only three men in the attack.", 3, "troops", "killed"),
        ("Benin's army said six soldiers fell defending the post.", 6, "troops", "killed"),
        ("Residents said 12 shells fell on the market.", 12, "shells", None),
        ("The group said it lost only three men in the attack.", 3, "men", None),
        # data taken in a breach
        ("The firm said about 90,000 records were copied.", 90000, "records", "stolen"),
        ("The group said it stole 2 million files.", 2000000, "files", "stolen"),
        ("Police said two people are under arrest.", 2, "people", "detained"),
        ("The union said 19 guards were taken hostage.", 19, "guards", "taken hostage"),
        ("A pamphlet said 11 soldiers were annihilated.", 11, "troops", "killed"),
        ("The mayor said the bodies of seven soldiers arrived.", 7, "troops", "killed"),
        # a bare number's event is in its own sentence: the other nine did not stop
        (
            'The governor said: "Two guards were killed. The other nine are safe."',
            9,
            "guards",
            None,
        ),
        # people taken were abducted, things taken stolen; "taken to hospital" neither
        ("The governor said 64 pupils were taken.", 64, "pupils", "abducted"),
        ("Elders said raiders took 18 herders before dawn.", 18, "herders", "abducted"),
        (
            "The bishop said 23 worshippers from the chapel had been taken by armed men.",
            23,
            "worshippers",
            "abducted",
        ),
        ("The hospital said 15 people were taken to hospital.", 15, "people", None),
        ("The company said 4,500 records had been taken.", 4500, "records", "stolen"),
        ("The group said it had taken 800,000 customer files.", 800000, "files", "stolen"),
        # a death named as a noun: "the deaths of", "the killing of"
        ("The monitor said it had recorded the deaths of 31 villagers.", 31, "people", "killed"),
        (
            "The union condemned the killing of at least 12 miners, a lawyer said.",
            12,
            "miners",
            "killed",
        ),
        # a verb with its own complement before "and" heads the other predicate
        (
            "The firm said the intruders used a password stolen from a supplier and sent "
            "commands to 41 pumps.",
            41,
            "pumps",
            None,
        ),
        # the next reported clause has its own verbs: 35 were on duty, 19 were killed
        (
            "The officer said 35 of the post's 90 soldiers were on duty, that 19 soldiers were "
            "killed and that the rest fled.",
            35,
            "troops",
            None,
        ),
        # an armed group's fighters are not a state's soldiers
        (
            "The group said three of its fighters had died in the assault.",
            3,
            "fighters",
            "killed",
        ),
        # a toll that says whose dead it counts
        (
            "A security source put the soldiers' toll at 23 and said the attackers burned the market.",
            23,
            "troops",
            "killed",
        ),
        (
            "A security source put the toll at 23 and said the attackers burned the market.",
            23,
            "people",
            "killed",
        ),
    ],
)
def test_figure_counts_thing_and_event(figures, text, value, thing, event):
    assert figures(text)[value] == (thing, event)


def test_a_verbless_list_keeps_each_verb_with_its_own_number(figures):
    """ "said at least 11 civilians dead, 23 residents taken and 40 houses burned": the first
    clause is part of the report, and its "dead" is not what happened to the residents or the
    houses listed after it."""
    found = figures(
        "Mayor Edilsa Quintero said at least 11 civilians dead, 23 residents taken and 40 houses "
        "burned."
    )
    assert found[11] == ("people", "killed")
    assert found[23][1] != "killed"
    assert found[40][1] != "killed"


def test_a_bulletins_second_story_places_its_figures_in_its_own_country(facts_of):
    """A radio bulletin that leads on Iran and moves on "In Estonia, ...": a count in the second
    story that names no place is Estonia's, not the lead's country; where a speaker sits ("the
    operator in Greece says") places nothing."""
    facts = facts_of(
        "PRESENTER: Good evening. Iran's Revolutionary Guards have seized an oil tanker in the "
        "Strait of Hormuz. The tanker is now at anchor off Bandar Abbas, in Iran. The US Navy "
        "says the ship was in international waters when three Guard boats raced up to it in the "
        "shipping lane, fired across its bow and put commandos on board from a helicopter. "
        "Iranian state television showed pictures of the ship this evening, with the Guard's "
        "boats alongside it, and said it had struck a fishing dhow before it was stopped.\n\n"
        "REPORTER: The operator in Greece says there are 24 people on board.\n\n"
        "PRESENTER: In Estonia, the government has blamed Russian military intelligence for a "
        "cyberattack that cut the water supply in Tartu. The water company now says about 26,000 "
        "households lost supply."
    )
    place = {figure.value: figure.place for figure in figures_in(facts)}
    assert place[26000] == "EE"
    assert place[24] == "IR"


def test_a_figure_changed_from_one_to_another_counts_the_same_and_the_old_one_is_past(facts_of):
    """ "raised its toll of soldiers killed from five to eight": eight soldiers killed now; the
    five is what the toll was, no figure to set against anyone's."""
    facts = facts_of(
        "The ministry said on Sunday that it had raised its toll of soldiers killed from five "
        "to eight."
    )
    by_value = {figure.value: figure for figure in figures_in(facts)}
    assert (by_value[8].thing, by_value[8].event) == ("troops", "killed")
    assert by_value[8].modality == "cumulative"
    assert by_value[5].modality == "recap"
    assert not [f for f in figures_in(facts) if f.event == "casualties"]


@pytest.fixture(scope="module")
def facts_of(analyse):
    """The claims of a text, as resolve reads them (figures, dates)."""
    lexicon = load_resolve_lexicon()
    identity = build_identity(load_source_table(), [], [])

    def run(text: str, published: str = "2025-03-02") -> list:
        return document_facts(analyse(text, published=published), identity, lexicon)

    return run


def figures_in(facts: list) -> list:
    return [figure for fact in facts for figure in fact.figures]


def test_what_is_still_so_is_a_current_count_not_the_total(facts_of):
    """ "900 passengers were still waiting" counts those left, not all who were stranded: it is
    never set against a total of the same thing."""
    facts = facts_of(
        "The airport said about 900 passengers were still waiting to be rebooked. The carriers' "
        "association said 4,100 passengers were stranded."
    )
    modality = {figure.value: figure.modality for figure in figures_in(facts)}
    assert modality[900] == "current"
    assert modality[4100] != "current"


def test_a_number_put_at_a_figure_is_how_many_there_are(facts_of):
    """ "put the number of advisers in Mali at about 400" says how many are there now: never a
    projection to be merged with "up to 400 could be sent"."""
    facts = facts_of(
        "The defence minister put the number of foreign advisers in Mali at about 400."
    )
    [figure] = figures_in(facts)
    assert (figure.value, figure.modality) == (400, "current")


def test_a_number_put_at_a_figure_counts_whom_and_where_its_subject_says(facts_of):
    facts = facts_of(
        "The US defence secretary put the overall number of Iranian soldiers in Syria at "
        "around 3,000."
    )
    [figure] = figures_in(facts)
    assert (figure.actor, figure.place) == ("IR", "SY")


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's country is neither whose nor where the troops are
        "The Singapore newspaper said the number of North Korean troops sent to Russia could "
        "eventually reach 12,000.",
        "Officials in Tokyo said the number of North Korean soldiers in Russia had risen to "
        "about 11,000.",
    ],
)
def test_a_count_that_reaches_a_figure_counts_whom_and_where_its_subject_says(facts_of, text):
    figures = [f for f in figures_in(facts_of(text)) if f.thing == "troops"]
    assert figures, figures_in(facts_of(text))
    assert {(f.actor, f.place) for f in figures} == {("KP", "RU")}


def test_citizens_of_a_country_are_its_people_not_people_there(facts_of):
    facts = facts_of(
        "The shipping company said there were 17 people on board the Kestrel: eleven citizens "
        "of Lebanon and six citizens of Egypt."
    )
    found = {figure.value: figure for figure in figures_in(facts)}
    assert (found[11].actor, found[6].actor) == ("LB", "EG")


def test_our_citizens_are_the_speakers_people(facts_of):
    facts = facts_of(
        '"Three of our citizens were killed by shells fired from Myanmar," Bangladesh\'s '
        "foreign ministry said."
    )
    [figure] = [f for f in figures_in(facts) if f.value == 3]
    assert figure.actor == "BD"


def test_attackers_killed_are_not_the_toll_of_their_victims(facts_of):
    """ "put the number of gunmen killed at 12" counts the attackers (an armed group's men,
    whatever a source calls them): an analyst never reads it as the death toll of the raid ("put
    the toll at 12")."""
    facts = facts_of(
        "The army put the number of gunmen killed in the fighting at 12. Hospital officials put "
        "the death toll at 12."
    )
    things = [figure.thing for figure in figures_in(facts) if figure.value == 12]
    assert len(things) == 2
    assert things[0] == "fighters"
    assert things[1] == "people"


@pytest.mark.parametrize(
    ("text", "value", "thing"),
    [
        # a toll counts the dead, not what was counted before it
        (
            "Two police officers were killed in the raid, the ministry said. The police said the "
            "toll remained eight.",
            8,
            "people",
        ),
        # an armed group's members killed are no count of the troops the army lost
        ("The army said air strikes on the islands killed 62 militants.", 62, "fighters"),
        ("The army said its troops had killed 40 rebels near the lake.", 40, "fighters"),
        # a number counts the noun it shares with the next one
        (
            "Three Turkish engineers were abducted, the ministry said. The company said it had 212 "
            "Turkish and more than 900 Nigerien employees at the site.",
            212,
            "employees",
        ),
    ],
)
def test_a_figure_counts_what_its_own_words_count(facts_of, text, value, thing):
    [figure] = [figure for figure in figures_in(facts_of(text)) if figure.value == value]
    assert figure.thing == thing


def test_a_day_that_names_the_raid_does_not_date_the_statement(facts_of):
    """ "the toll from Saturday's raid" is this week's news about Saturday's raid, not a recap
    of a figure given on Saturday."""
    facts = facts_of(
        "Police put the death toll from Saturday's raid on the town at 11 on Wednesday.",
        published="2026-11-26",
    )
    [figure] = figures_in(facts)
    assert (figure.thing, figure.modality) == ("people", "cumulative")


def test_a_figure_set_aside_or_broken_down_is_no_count_of_its_own(facts_of):
    facts = facts_of(
        "The ministry said four soldiers had been killed, not two as it first said. Police said "
        "eight people died, six of them civilians."
    )
    counted = {figure.value for figure in figures_in(facts) if figure.modality != "recap"}
    assert counted == {4, 8}


def test_the_displaced_are_people(facts_of):
    [figure] = figures_in(facts_of("The agency said nearly 8,000 were displaced by the raid."))
    assert (figure.thing, figure.event) == ("people", "displaced")


def test_a_figure_recalled_from_weeks_before_dates_from_when_it_was_said(facts_of):
    facts = facts_of(
        "The count has risen steadily. On March 2, the coast guard reported 40 migrants "
        "missing. On Friday the ministry said 65 migrants were missing.",
        published="2026-03-21",
    )
    said = {figure.value: fact.said_on for fact in facts for figure in fact.figures}
    assert said[40] is not None
    assert said[40].date().isoformat() == "2026-03-02"
    assert said[65] is None  # said within the week: the report's own news


def test_ages_are_no_counts(figures):
    found = figures("Police said two sailors aged 41 and 57 were detained at the quay.")
    assert found[2] == ("sailors", "detained")
    # an age is no quantity at all ("aged 41"), or one that counts nothing
    assert found.get(41, (None,))[0] is None
    assert found.get(57, (None,))[0] is None


def test_the_whole_of_a_partitive_is_no_count(figures):
    found = figures("The agency said 7 of the 20 workers were missing.")
    assert found[20][0] is None


def test_a_number_that_names_a_ship_is_no_count(figures):
    found = figures("The coast guard said ship 4108 had blocked three rescue boats.")
    assert found.get(4108, (None, None))[0] is None
    assert found[3][0] == "boats"


def test_own_side_casualties_count_the_speakers_side(analyse):
    analysis = analyse(
        "Tajikistan's government said 41 people had died on its side in the fighting, while the "
        "Kyrgyz health ministry said 46 people had been killed.",
        published="2022-09-18",
    )
    identity = build_identity(load_source_table(), [], [])
    actors = {
        figure.value: figure.actor
        for facts in document_facts(analysis, identity, load_resolve_lexicon())
        for figure in facts.figures
    }
    assert actors[41] == "TJ"
    assert actors.get(46) != "TJ"


@pytest.mark.parametrize(
    ("text", "value", "event"),
    [
        # what happened to a share is said after its group, past a relative clause
        (
            "Police said 31 of the prisoners who escaped on Friday had been recaptured.",
            31,
            "recaptured",
        ),
        ("The warden said about 20 of the escaped prisoners were gang members.", 20, None),
        ("The army said two of its soldiers were killed and five wounded.", 2, "killed"),
        ("The navy said a tanker had rescued four of the sailors.", 4, "rescued"),
        ("The prison service said more than 150 prisoners escaped.", 150, "escaped"),
    ],
)
def test_a_share_of_a_group_takes_what_happened_to_the_share(figures, text, value, event):
    assert figures(text)[value][1] == event


def _modalities(analyse, text, published="2025-03-02"):
    analysis = analyse(text, published=published)
    identity = build_identity(load_source_table(), [], [])
    return {
        figure.value: figure.modality
        for facts in document_facts(analysis, identity, load_resolve_lexicon())
        for figure in facts.figures
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The gang said it stole 2 terabytes from Lakeside Care, the operator of 14 clinics.", 14),
        ("The UN said armed groups had killed thousands of people over the past decade.", 1000),
        ("The mayor said Rivne, a town of 20,000 people, had no water.", 20000),
        (
            "UNICEF said at least 1,500 students had been abducted from schools in Nigeria since "
            "the kidnapping at Chibok in 2014.",
            1500,
        ),
        # another's figure named to be discussed is not the speaker's estimate
        (
            "The police commander said the mission's figure of 64 dead could include people "
            "killed in earlier clashes.",
            64,
        ),
    ],
)
def test_a_number_that_describes_or_spans_years_is_no_new_figure(analyse, text, value):
    assert _modalities(analyse, text)[value] == "recap"


def test_anothers_figure_restated_as_it_stands_or_ones_own_still_counts(analyse):
    stands = "The envoy said the mission's toll of 64 dead was unchanged on Friday."
    assert _modalities(analyse, stands)[64] != "recap"
    own = "The minister said his office's figure of no more than 400 arrivals was right."
    assert _modalities(analyse, own)[400] != "recap"


def test_a_number_of_an_event_noun_still_counts(analyse):
    found = _modalities(analyse, "The ministry said posts saw the evacuation of 12 bodies.")
    assert found[12] != "recap"


def test_a_date_naming_the_event_does_not_make_its_figure_a_recap(analyse):
    found = _modalities(
        analyse,
        "The mission said on Saturday that 14 civilians were killed in the May 2 shelling of "
        "the market.",
        published="2026-05-09",
    )
    assert found[14] != "recap"


def test_a_date_inside_what_is_reported_dates_the_event_not_the_statement(analyse):
    """A weekly review: "the army said seven soldiers were killed in the attack on Sunday, Nov.
    22" gives the army's toll as it stands, not a figure told on that day."""
    found = _modalities(
        analyse,
        "The army said seven soldiers and six civilians were killed in the attack on Sunday, "
        "Nov. 22.",
        published="2026-11-29",
    )
    assert found[7] != "recap"


@pytest.mark.parametrize(
    "text",
    [
        # a part of a group the report counts elsewhere, with nothing happening to the part
        "Doctors said six of the wounded were in critical condition.",
        "Medics said two of the injured were children.",
    ],
)
def test_a_part_of_a_group_is_no_count_of_the_group(figures, text):
    assert all(thing is None for thing, _ in figures(text).values())


@pytest.mark.parametrize(
    "text",
    [
        # a part of a toll, whatever is said of the part, is no count of the dead or wounded
        "The ministry said 17 people were wounded. Two of the dead were refinery workers and "
        "two were civilians, it said.",
        "The ministry said 17 people were wounded. Of the injured, eleven were treated and "
        "discharged.",
        "The ministry raised the toll to six, saying two of the injured had died overnight.",
    ],
)
def test_a_share_of_a_toll_counts_nothing_new(figures, text):
    found = figures(text)
    assert found.get(2, (None, None))[0] is None
    assert found.get(11, (None, None))[0] is None


def test_their_dead_are_dead_not_a_share_of_a_toll(figures):
    found = figures("The army said the rebels fled, leaving 11 of their dead behind.")
    assert found[11][1] == "killed"


def test_a_counted_subject_named_before_its_event_is_what_is_counted(figures):
    found = figures(
        "The operator said one more employee had died, bringing the number of its workers "
        "killed to three."
    )
    assert found[3] == ("workers", "killed")


def test_treated_for_burns_is_wounded(figures):
    found = figures("The firm said three employees had been treated for burns.")
    assert found[3] == ("employees", "wounded")


def test_a_part_with_its_own_event_still_counts(figures):
    assert figures("The coast guard said three of the fishermen were rescued.")[3] == (
        "fishermen",
        "rescued",
    )


def test_a_share_of_a_possessive_whole_counts_the_whole_noun(figures):
    found = figures("The port authority said two of the terminal's six storage tanks were hit.")
    assert found[2][0] == "tanks"
    assert found[6][0] is None


def test_a_count_since_an_earlier_day_is_todays_news_not_a_recap(facts_of):
    """ "have crossed since fighting flared last Wednesday": the day the count starts from."""
    facts = facts_of(
        "About 4,100 people have crossed into Bangladesh since fighting flared near Maungdaw "
        "last Wednesday, the U.N. refugee agency said on Monday.",
        published="2026-11-30",
    )
    [crossed] = [f for f in figures_in(facts) if f.value == 4100]
    assert crossed.modality != "recap"
    assert all(fact.said_on is None for fact in facts)


@pytest.mark.parametrize(
    ("content", "agent"),
    [
        ("the shells were fired by the Arakan Army", "arakan army"),
        ('the shells "were fired by the Myanmar armed forces" from the hills', "MM"),
        ("the tanker was seized by Iran in the Gulf", "IR"),
        # a vehicle or a means is not who did it
        ("1,500 troops had been carried by Russian ships to Vladivostok", None),
        ("the depot was hit by a drone", None),
    ],
)
def test_the_doer_of_a_passive_is_the_claims_actor(content, agent):
    from claimgraph.resolve.facts import _passive_agent

    assert _passive_agent(content, load_resolve_lexicon()) == agent


def test_the_it_a_state_denies_is_the_state(facts_of):
    """ "Iran rejected accusations that it had supplied the drones": compared as "that Iran had
    supplied the drones", and about Iran."""
    facts = facts_of(
        "Iran on Friday rejected as baseless accusations by Yemen's government that it had "
        "supplied the drones."
    )
    denial = next(f for f in facts if f.polarity == "deny")
    assert "that Iran had supplied the drones" in denial.match_text
    assert "IR" in denial.countries


def test_where_counted_people_came_from_is_not_where_they_are(facts_of):
    """ "crossed the river from Chad" says where the fighters came from; the raid was in the
    report's own country."""
    facts = facts_of(
        "KOUSSERI, Cameroon — The army said about 80 fighters had crossed the river from Chad "
        "before dawn and attacked the market in Cameroon's Far North."
    )
    [figure] = figures_in(facts)
    assert figure.place != "TD"
    facts = facts_of(
        "KOUSSERI, Cameroon — The army said about 80 fighters had come from the Central African "
        "Republic before dawn and attacked the market in Cameroon's Far North."
    )
    [figure] = figures_in(facts)
    assert figure.place != "CF"


def test_the_buried_are_the_dead(figures):
    assert figures("The mayor said 31 people had been buried in the town.")[31] == (
        "people",
        "killed",
    )


def test_an_age_after_a_name_and_a_number_to_dial_are_no_counts(figures):
    found = figures(
        "The association said two fishermen died and that one of them, Selvam Arulraj, 41, "
        "had lived in Rameswaram. The police said witnesses should report by dialling 112."
    )
    assert found[2] == ("fishermen", "killed")
    assert found.get(41, (None,))[0] is None
    assert found.get(112, (None,))[0] is None


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        (
            'A police commander said: "We have recorded 19 deaths from the attack. Last night '
            'our officers arrested four suspects at a roadblock."',
            19,
            ("people", "killed"),
        ),
        (
            "The agency said 4,100 people have fled their homes, as police hold four suspects.",
            4,
            ("suspects", None),
        ),
        (
            "The administrator said at least 30 people had been killed and about 90 houses burned.",
            90,
            ("houses", None),
        ),
        (
            "The commander said that about 60 gunmen took part, that his unit reached the village "
            "within two hours and that four suspects have been arrested.",
            60,
            ("fighters", "took part"),
        ),
        (
            "The rebels said their fighters had killed dozens of soldiers and destroyed several "
            "armoured vehicles.",
            12,
            ("troops", "killed"),
        ),
    ],
)
def test_what_happened_to_a_count_is_said_in_its_own_clause(figures, text, value, expected):
    assert figures(text)[value] == expected


def test_a_bare_number_repeating_a_figure_counts_what_that_one_counted(facts_of):
    found = figures_in(
        facts_of(
            "The priest said he had buried 42 people, among them 11 women and nine children. "
            '"I wrote down every name. Forty-two," he told the paper.'
        )
    )
    said = [(f.text, f.thing, f.event) for f in found if f.value in (42, 9)]
    assert said == [
        ("42", "people", "killed"),
        ("nine", "children", None),
        ("Forty-two", "people", "killed"),
    ]


def test_a_roundups_other_story_giving_the_same_number_counts_something_else(facts_of):
    """A briefing's bullets on two stories: "21 are held" on a seized ship is not the 21 people
    the burgomaster buried a bullet before."""
    found = figures_in(
        facts_of(
            "Security briefing\n\n- The burgomaster of Oicha says 21 people were buried.\n"
            "- Iran's state media say 21 are held on the tanker."
        )
    )
    events = [f.event for f in found if f.value == 21]
    assert events[0] == "killed"
    assert len(events) == 2
    assert events[1] != "killed"
    # a report's later paragraph repeating its lead's figure still counts what the lead counted
    found = figures_in(
        facts_of(
            'A rights group said rebels had abducted 52 people in the raid.\n\n"They took 52 '
            'into the forest," said a lawyer for the group.'
        )
    )
    assert [f.event for f in found if f.value == 52] == ["abducted", "abducted"]


def test_a_share_of_them_counts_what_its_own_claim_counted(facts_of):
    """ "two of them were beaten" is a share of the union's 19 guards, not the ministry's two
    nurses said before it, and nothing the share's own words name happened to it."""
    facts = facts_of(
        "The ministry said 12 guards and two nurses were freed. The union said 19 guards were "
        "held hostage and that two of them were beaten."
    )
    union = next(fact for fact in facts if "beaten" in fact.content_text)
    share = next(figure for figure in union.figures if figure.value == 2)
    assert share.thing in ("guards", None), share  # not the nurses
    assert share.event is None, share


def test_a_place_named_after_a_later_number_is_not_where_the_first_was_counted(facts_of):
    facts = facts_of(
        "Paraguay's justice ministry said 10 inmates died in the riot at the Pedro Juan Caballero "
        "prison and that three inmates escaped, none of whom crossed into Brazil."
    )
    places = {figure.value: figure.place for figure in figures_in(facts)}
    assert places[10] != "BR", places


def test_the_dead_that_arrive_are_a_toll_not_a_deployment(facts_of):
    facts = facts_of("The mayor said the bodies of seven soldiers arrived at the health post.")
    (figure,) = figures_in(facts)
    assert figure.modality == "cumulative"


def test_a_country_that_owns_or_houses_a_body_is_no_scene(facts_of):
    """The scene of a summary is where it happened ("off Turkey's Black Sea coast"), not where
    a company sits ("the tanker's Dubai-based manager")."""
    facts = facts_of(
        "The tanker attack: who says what\n\n"
        "Days after explosions crippled a tanker off Turkey's Black Sea coast, the accounts "
        "differ.\n\n"
        "- The tanker's Dubai-based manager, Orsa Shipping, says 27 seafarers were on board.\n"
        "- The captain told reporters there were three explosions.\n"
    )
    [three] = [f for f in figures_in(facts) if f.value == 3]
    assert three.place == "TR"


@pytest.mark.parametrize(
    ("topic", "units", "label"),
    [
        ("people|killed||ML", ["civilians", None, "civilians"], "civilians killed in Mali"),
        ("people|killed||ML", ["civilians", "people"], "people killed in Mali"),
        ("people|killed||ML", ["civilians", "deaths"], "people killed in Mali"),
        ("troops|killed||ML", ["soldier", "soldiers"], "soldiers killed in Mali"),
        ("troops|killed||ML", ["soldiers", "troops"], "troops killed in Mali"),
        ("troops|casualties||", ["soldiers"], "troop casualties"),
        ("people|killed||ML", [], "people killed in Mali"),
    ],
)
def test_a_series_is_named_in_the_one_word_its_figures_count(topic, units, label):
    """An analyst reads "civilians killed" where every source counted civilians; a series
    that mixes civilians with people keeps the wider word."""
    from claimgraph.resolve.topics import topic_label

    assert topic_label(topic, load_resolve_lexicon(), units) == label


@pytest.mark.parametrize(
    "text",
    [
        # no country in the lead: the dateline and the towns say where it happened
        "SÉGOU — Gunmen stormed a river town at dawn on Saturday, burning the market and the "
        "boats at the landing stage, residents said.\n\n"
        + "Fishermen hid in the reeds until the shooting stopped in the afternoon. " * 8
        + "\n\nThe army said three soldiers were killed. Hundreds fled to Markala and Bamako.",
        # an organ of the army speaks for it
        "BAMAKO — Gunmen attacked an army post in Mali's Ségou region on Saturday.\n\nThe army "
        "general staff said three soldiers were killed.",
    ],
)
def test_the_army_of_a_report_set_in_one_country_is_that_countrys_army(analyse, text):
    """Every place of the report is in Mali, so its "army" is Mali's (the table's ml-army),
    and one origin with the "Malian army" of another report."""
    from claimgraph.resolve.identity import SourceInfo

    analysis = analyse(text, published="2025-03-02")
    stored = [SourceInfo(s.id, s.name, s.type, s.country, s.parent) for s in analysis.sources]
    identity = build_identity(load_source_table(), stored, [])
    facts = document_facts(analysis, identity, load_resolve_lexicon())
    assert {f.source_id for f in facts if f.numbers} == {"ml-army"}


def test_a_report_set_in_two_countries_keeps_a_bare_army(facts_of):
    facts = facts_of(
        "Gunmen crossed from Mali into Burkina Faso near Djibo and Mopti on Saturday.\n\nThe "
        "army said three soldiers were killed."
    )
    assert {f.source_id for f in facts if f.numbers} == {"army"}


@pytest.mark.parametrize(
    ("text", "value", "thing", "event"),
    [
        (
            "Fighters attacked the town on Sunday, killing four soldiers and seven civilians, the "
            "army said.",
            7,
            "people",
            "killed",
        ),
        (
            "Fighters attacked the town on Sunday, killing four soldiers and seven civilians, the "
            "army said.",
            4,
            "troops",
            "killed",
        ),
        (
            "The mayor said 23 civilians had been killed and 31 people abducted.",
            31,
            "people",
            "abducted",
        ),
        (
            "Police said gunmen had kidnapped 14 passengers from the bus.",
            14,
            "passengers",
            "abducted",
        ),
    ],
)
def test_killing_and_abducting_say_what_happened_to_a_count(figures, text, value, thing, event):
    assert figures(text)[value] == (thing, event)


def test_a_transcript_voice_relays_the_figures_of_those_it_quotes(analyse):
    """ "KEÏTA: ... It says three soldiers were killed": the figure is the army's point, not
    one of the correspondent's own."""
    lexicon = load_resolve_lexicon()
    analysis = analyse(
        "KEITA: The army has still not given a civilian toll. It says three soldiers were killed."
        "\n\nPRESENTER: Thank you.",
        published="2025-03-02",
    )
    facts = document_facts(analysis, build_identity(load_source_table(), [], []), lexicon)
    counted = {f.source_id: [g.value for g in f.figures] for f in facts}
    assert counted.get("army") == [3]
    assert all(not values for source, values in counted.items() if source != "army"), counted


@pytest.mark.parametrize(
    ("text", "value", "thing"),
    [
        (
            "Residents said they were without electricity for more than 19 hours.",
            19,
            "outage hours",
        ),
        (
            "The company said the attack cut power to the island for about two days.",
            2,
            "outage hours",
        ),
        ("Power was restored within 90 minutes, the operator said.", 90, "outage hours"),
        ("The city said homes lost water for more than 30 hours.", 30, "outage hours"),
        (
            "A security firm said the pumps were out of service for about 20 hours.",
            20,
            "outage hours",
        ),
        ("Russia said the boat was about 900 metres inside Russian waters.", 900, "distance"),
        (
            "Belize said the skiffs were about two nautical miles west of Hunting Caye.",
            2,
            "distance",
        ),
        ("The governor said fighting lasted three days.", 3, None),
        ("The army said 122-mm shells hit the market.", 122, None),
        # how long something stood open or shut, said right before the figure
        ("The operator said the sluice gates were open for about 25 minutes.", 25, "outage hours"),
        ("Police said the crossing was closed for six hours.", 6, "outage hours"),
        ("The mayor said the schools would stay closed for two weeks.", 2, None),
        ("The border post, which opened in 2019, was shelled for two hours, he said.", 2, None),
        # an outage said as what was off, unavailable or would return
        ("The party said the internet was off for 48 hours.", 48, "outage hours"),
        ("The railway said counters remained unavailable for up to 31 hours.", 31, "outage hours"),
        ("The minister said water would return to every town within 48 hours.", 48, "outage hours"),
        ("The army said the troops would return to base within 48 hours.", 48, None),
    ],
)
def test_lengths_of_time_and_distances_are_series_of_their_own(figures, text, value, thing):
    """How long the power was out and how far from a place are series (figures as written);
    other measures are not."""
    found = {round(v, 3): t for v, (t, _) in figures(text).items()}
    assert found.get(round(value, 3), "absent") == thing, found


def test_a_distance_series_is_named_in_the_unit_its_sources_use():
    from claimgraph.resolve.topics import topic_label

    lexicon = load_resolve_lexicon()
    assert (
        topic_label("distance|||BZ", lexicon, ["nmi", "nmi"])
        == "distance in nautical miles in Belize"
    )
    assert topic_label("distance|||EE", lexicon, ["km", "m"]) == "distance in kilometres in Estonia"
    assert (
        topic_label("distance|||SN", lexicon, ["nmi", "km", "nmi"])
        == "distance in nautical miles and kilometres in Senegal"
    )


def test_measures_are_compared_in_one_unit():
    """ "two days" and "48 hours" agree; "900 metres" and "1.2 km" do not."""
    from claimgraph.resolve.contradictions import interval
    from claimgraph.resolve.measures import in_base_unit

    assert in_base_unit(2, "d") == in_base_unit(48, "h")
    days = {"value": 2.0, "low": 2.0, "high": 2.0, "qualifier": "exact", "text": "two days"}
    assert interval({**days, "unit": "d"}, 0.1) == (48.0, 48.0)
    metres = {"value": 900.0, "low": None, "high": None, "qualifier": "approx", "text": "900"}
    _low, high = interval({**metres, "unit": "m"}, 0.1)
    assert high < 1.2


def test_a_bare_count_never_counts_hours_or_kilometres(figures):
    found = figures(
        "Households went more than 40 hours without usable internet, spokesperson Chiu Mei-ling "
        "said. She said the county still put the number of affected customers at nearly 12,000."
    )
    assert found[40] == ("outage hours", None)
    assert found[12000][0] != "outage hours"


def test_a_report_whose_lead_names_no_country_places_its_figures_in_the_one_it_names(facts_of):
    """ "BIRNIN MAGAJI — Parents ... 112 children missing": the lead names only a town the
    gazetteer does not know; the rest of the report is set in one country, and so is the count."""
    lead = (
        "BIRNIN MAGAJI — Parents of students at the secondary school drew up a list of 112 "
        "children missing after gunmen raided the school overnight, the chairman of the "
        "parents' association said on Friday. "
    )
    filler = "Mothers gathered at the gate of the school all morning waiting for word. " * 6
    rest = "The school lies on the road between Gusau and Kaura Namoda in Zamfara State."
    [figure] = [f for f in figures_in(facts_of(lead + filler + "\n\n" + rest)) if f.value == 112]
    assert figure.place == "NG"
    two_countries = rest + " Some gunmen later fled towards Niger."
    [figure] = [
        f for f in figures_in(facts_of(lead + filler + "\n\n" + two_countries)) if f.value == 112
    ]
    assert figure.place is None


def test_a_briefings_figure_is_placed_by_its_section_not_the_headline(facts_of):
    """A roundup's bullet under "Chad: Ngouboua" counts soldiers killed in Chad, not in the
    countries its headline names for another story."""
    facts = facts_of(
        "Weekly briefing: Ngouboua tolls disputed; Senegal and Mauritania at odds over a pirogue\n\n"
        "Frontline Weekly | Friday 27 November\n\n"
        "Chad: Ngouboua\n"
        "- The army says eight soldiers were killed in the attack.\n"
    )
    [figure] = [f for f in figures_in(facts) if f.value == 8]
    assert figure.place == "TD"


def test_a_briefings_section_that_names_no_country_takes_its_bullets(facts_of):
    """Under "Baltic: Gotland strait" (no country in the heading) the figures are Sweden's, as
    its bullets say, not Chad's from the section before."""
    facts = facts_of(
        "Weekly briefing: Ngouboua tolls disputed; a ferry stopped off Gotland\n\n"
        "Frontline Weekly | Friday 27 November\n\n"
        "Chad: Ngouboua\n"
        "- The army says eight soldiers were killed in the attack.\n\n"
        "Baltic: the ferry\n"
        "- Sweden's coast guard says 14 crew were detained.\n"
    )
    [figure] = [f for f in figures_in(facts) if f.value == 14]
    assert figure.place == "SE"


def test_a_claim_that_is_a_bare_figure_counts_what_the_one_before_counted(figures):
    """A briefing's "the governor says nearly 20,000" after "OCHA says more than 11,000 people
    have fled" counts the displaced."""
    found = figures(
        "OCHA says more than 11,000 people have fled Ngouboua; the governor says nearly 20,000."
    )
    assert found[20000] == found[11000] == ("people", "displaced")


def test_a_bare_figure_does_not_count_what_another_sentence_counted(figures):
    """ "JNIM says it killed more than 30. IOM counts 5,200 displaced; the mayor says more than
    9,000": the mayor's figure is no count of soldiers killed."""
    found = figures(
        "JNIM says it killed more than 30 soldiers.\n"
        "- IOM counts 5,200 displaced; the mayor says more than 9,000."
    )
    assert found[9000] != found[30]


def test_a_figure_someone_declines_to_confirm_is_not_theirs(facts_of):
    """ "He declined to comment on Hanbit Security Lab's estimate that about 410,000 records had
    been taken": the figure is the lab's, not the spokesman's."""
    facts = facts_of(
        "Water plant hit by hackers\n\n"
        "Seo Min-jae, a spokesman for the operator, said the company was still checking. He "
        "declined to comment on Hanbit Security Lab's estimate that about 410,000 records had "
        "been taken."
    )
    holders = {f.source_id for f in facts if any(g.value == 410000 for g in f.figures)}
    assert holders == {"hanbit-security-lab"}, holders


def test_a_bare_number_far_from_the_same_figure_is_not_its_repeat(facts_of):
    """A weekly review's third story: "Kenya says four came home" is not the four soldiers its
    first story counted paragraphs before."""
    found = figures_in(
        facts_of(
            "The army said four soldiers had died in the attack on the town and later raised its "
            "toll to six. The regent says nine residents were buried and that more than 40 houses "
            "burned; a rights group counts 11 civilian dead, three of them shot by soldiers in a "
            "search afterwards. The disaster agency counts 3,900 displaced; the regent says more "
            "than 7,000 and the UN about 5,000.\n\n"
            "A patrol fired on a fishing boat near the island on 1 December, killing a fisherman. "
            "One country says the boat was about 2.5 km east of the island, the other about 4 km "
            "west; a tracker placed it about 1.2 km east. The other side first said three warning "
            "shots were fired and now says five. It says it freed six fishermen after fines; Kenya "
            "says four came home."
        )
    )
    [came_home] = [f for f in found if f.text == "four" and f.start > 600]
    assert (came_home.thing, came_home.event) != ("troops", "killed")


def test_a_rivals_figure_asked_back_is_not_the_speakers(facts_of):
    """ "Seventeen? They always multiply. Six of our soldiers fell": the army's toll is six; the
    17 it asks back is the rebels' figure, and soldiers who fell were killed."""
    found = figures_in(
        facts_of(
            '"Seventeen? They always multiply. Six of our soldiers fell, and they fell defending '
            'the people," said an army spokesman.'
        )
    )
    by_value = {f.value: f for f in found}
    assert by_value[17].modality == "recap"
    assert (by_value[6].thing, by_value[6].event) == ("troops", "killed")


def test_a_sides_own_dead_on_its_own_soil_are_one_series_with_the_unsaid_side(facts_of):
    """ "killing 17 Indonesian soldiers" in Indonesia and "six soldiers were killed" there are
    one count: the actor is left out where it is the place."""
    found = figures_in(
        facts_of(
            "Rebels said they killed 17 Indonesian soldiers in Oksibil, in Indonesia. The army "
            "said six soldiers were killed in Oksibil."
        )
    )
    topics = {f.value: f.topic for f in found}
    assert topics[17] == topics[6]


def test_people_on_board_and_people_who_came_home_are_counted(facts_of):
    found = figures_in(
        facts_of(
            "Uganda says it freed six fishermen after fines; Kenya says four came home. Uganda "
            "says nine were on board."
        )
    )
    by_value = {f.value: (f.thing, f.event) for f in found}
    assert by_value[4] == ("fishermen", "released")
    assert by_value[9][1] == "aboard"
    assert by_value[9][0] in ("people", "fishermen")


def test_a_modal_of_the_next_predicate_or_report_is_not_the_figures(facts_of):
    """ "had taken 1.4 million records and would publish them": the records were taken, the
    publishing is what is threatened; "fewer than 2,000 had left, that most had gone back": the
    going back is another reported clause. "sent commands to 37 controllers" sent nothing there."""
    facts = facts_of(
        "The group said it had taken 600,000 customer records and would publish them. The "
        "governor said on Sunday that fewer than 2,000 people had left the town, that most had "
        "already gone back. The firm said the intruders sent commands to 37 substation "
        "controllers."
    )
    modality = {figure.value: figure.modality for figure in figures_in(facts)}
    assert modality[600000] == "cumulative"
    assert modality[2000] == "cumulative"
    assert modality[37] == "unknown"


ROUNDUP = (
    "The week in two disputes\n\nPlainview | Weekly | 30 November\n\n"
    "SANTA RITA, COLOMBIA\n22 November: the {speaker} says 11 {people} were killed.\n\n"
    "KOSOVO: DARDANET\n24 November: the operator says 420,000 subscribers lost service.\n"
)


def test_a_roundups_sections_in_capitals_file_their_figures_under_their_country(facts_of):
    """A weekly roundup's sections headed in capitals ("EL TARRA, COLOMBIA", "KOSOVO:
    DARDANET"): a figure under one is in that section's country, not in the country another
    story or the outlet's own name suggests."""
    facts = facts_of(ROUNDUP.format(speaker="mayor", people="civilians"), published="2026-11-30")
    places = {figure.value: figure.place for figure in figures_in(facts)}
    assert places[11] == "CO"
    assert places[420000] == "XK"


def test_a_roundups_numbered_sections_in_capitals_file_their_figures_there(facts_of):
    """ "1. SUDAN: THE DAM", "2. MYANMAR: MOMAUK": numbered headings head sections too, so a
    figure of the second story is not filed under the first story's country."""
    text = (
        "THE BRIEF - Sunday 19 September\nThree stories we follow\n\n"
        "1. SUDAN: THE DAM\n\nThe state health ministry says 58 people died when the dam "
        "above Er Rahad collapsed.\n\n"
        "2. MYANMAR: MOMAUK\n\nThe Kachin Independence Army says 14 people died after the "
        "attack on Momauk.\n"
    )
    places = {figure.value: figure.place for figure in figures_in(facts_of(text))}
    assert places[58] == "SD"
    assert places[14] == "MM"


def test_a_roundups_sections_headed_by_title_lines_file_their_figures_there(facts_of):
    """Sections headed by short title lines ("Tiris, Mali", "The Ocean Star, Gulf of Guinea")
    file their figures under the section's countries, not the first story's."""
    text = (
        "The week in two disputes\n\nHarbour Weekly, 30 November — Our round-up.\n\n"
        "Tessit, Mali\n\nGunmen attacked the town of Tessit in Mali on Monday. The army says "
        "nine soldiers were killed.\n\n"
        "The Ocean Star, off Ghana\n\nGhana's navy says the tanker was seized off Takoradi "
        "in Ghana with 14 crew members aboard.\n"
    )
    places = {figure.value: figure.place for figure in figures_in(facts_of(text))}
    assert places[9] == "ML"
    assert places[14] == "GH"


def test_a_figure_the_speaker_says_is_not_so_is_no_estimate(facts_of):
    """ "We do not have 1.1 million subscribers in the whole country": the operator's answer to
    another's figure, not a count of its own."""
    facts = facts_of(
        'The group said it had cut off 1.1 million users. "We do not have 1.1 million '
        "subscribers in the whole country,\" the operator's spokeswoman said."
    )
    spokeswoman = next(fact for fact in facts if "whole country" in fact.content_text)
    assert [f.modality for f in spokeswoman.figures] == ["recap"]


def test_a_bare_army_in_a_roundup_section_is_that_sections_countrys(analyse):
    """ "the army says" under "SANTA RITA, COLOMBIA" is Colombia's army, which other reports
    of the corpus name."""
    from claimgraph.resolve.identity import SourceInfo

    analysis = analyse(ROUNDUP.format(speaker="army", people="soldiers"), published="2026-11-30")
    named = SourceInfo("co-army", "Colombian army", "organisation", country="CO")
    identity = build_identity(load_source_table(), [named], [])
    facts = document_facts(analysis, identity, load_resolve_lexicon())
    army = next(fact for fact in facts if "11 soldiers" in fact.content_text)
    assert army.source_id == "co-army"


@pytest.mark.parametrize(
    ("text", "scene"),
    [
        # the country a lead names twice as often as any other is where the story is set
        (
            "Fighters attacked the town of Fotokol in Cameroon's Far North region on Tuesday, "
            "the army said. Cameroon has fought the group for a decade; its fighters crossed "
            "from Nigeria, officials in Maroua said.",
            "CM",
        ),
        # named as often as another, neither is the scene
        (
            "On Monday Kenya and Uganda traded accusations after a patrol boat fired on "
            "fishermen, the police said.",
            None,
        ),
    ],
)
def test_the_scene_is_the_country_the_lead_is_mostly_about(facts_of, text, scene):
    facts = facts_of(text)
    assert facts
    assert {fact.scene for fact in facts} == {scene}


@pytest.mark.parametrize(
    ("text", "value", "modality"),
    [
        # what a toll rose by is no toll: no point of a series, no figure to dispute
        ("The spokesman said the bodies of five more civilians had been found.", 5, "recap"),
        ("Police said three more people had died in hospital.", 3, "recap"),
        # more of something sent is a figure of its own; "more than" bounds a figure
        ("The army said 300 more troops would be sent.", 300, "projected"),
        ("Police said more than 40 people had been killed.", 40, "cumulative"),
    ],
)
def test_a_toll_risen_by_some_more_is_no_toll(facts_of, text, value, modality):
    [figure] = [f for f in figures_in(facts_of(text)) if f.value == value]
    assert figure.modality == modality


def test_a_bare_army_under_a_roundups_section_is_that_sections_country(analyse):
    """ "the army says" under "COLOMBIA: EL ZULIA" is Colombia's army, though the brief's lead
    is about Honduras: the section heading says more than the report's lead."""
    from claimgraph.resolve.identity import SourceInfo

    identity = build_identity(
        load_source_table(),
        [
            SourceInfo("co-army", "Colombian army", "organisation", "CO"),
            SourceInfo("hn-army", "Honduran army", "organisation", "HN"),
            SourceInfo("army", "army", "organisation"),
        ],
        [],
    )
    text = (
        "Risk brief: Honduras border tension and a raid in Colombia\n\nRidgeline Brief | Monday "
        "30 November\n\nHonduras and Nicaragua traded accusations over the Gulf of Fonseca this "
        "week.\n\nCOLOMBIA: EL ZULIA (22 NOVEMBER)\nSituation: The army says two civilians and "
        "nine attackers died in the raid.\n"
    )
    facts = document_facts(analyse(text, published="2026-11-30"), identity, load_resolve_lexicon())
    [raid] = [f for f in facts if "two civilians" in f.content_text]
    assert raid.source_id == "co-army"


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        # the army's dead enemies and the group's own dead are one count, whatever each calls them
        (
            "The army said 40 terrorists were neutralised in the fighting.",
            "The group said three of its fighters were killed in the fighting.",
            ("fighters", "killed"),
        ),
        (
            "The governor said 12 militants were killed.",
            "The police said six gunmen were killed.",
            ("fighters", "killed"),
        ),
        # one thing under two names
        (
            "The police said three blasts shook the plant.",
            "Residents said two explosions shook it.",
            ("explosions", None),
        ),
        (
            "The agency said 46 vessels were waiting.",
            "The pilots said 74 ships were waiting.",
            ("ships", None),
        ),
        # a crowd, as the police and the organisers count it: people counted with what they did,
        # so the two counts can be set against each other
        (
            "The police said about 3,000 people gathered in the city centre.",
            "The party said more than 200,000 people joined the protests.",
            ("people", "took part"),
        ),
    ],
)
def test_one_count_under_the_names_sources_give_it(figures, one, other, expected):
    [mine] = figures(one).values()
    [theirs] = figures(other).values()
    assert mine == theirs == expected
