"""Attribution rules through the real model: each form on sentences written for these tests."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from claimgraph.records import Polarity

GOLD = Path(__file__).parent / "data" / "gold_sentences.tsv"
DATA = Path(__file__).parent / "data"


def only(analysis, cue: str):
    """The one attribution whose cue text is `cue`."""
    found = [a for a in analysis.attributions if a.cue is not None and a.cue.text == cue]
    assert len(found) == 1, [
        (a.cue.text if a.cue else None, a.content_text) for a in analysis.attributions
    ]
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content", "form"),
    [
        # direct quotes: before the cue, after it, split around it, opened after a colon
        (
            "“We will hold the bridge,” the brigade commander said.",
            "said",
            "the brigade commander",
            "We will hold the bridge",
            "direct",
        ),
        (
            '"Nothing has changed," a spokesman for the ministry told reporters.',
            "told",
            "a spokesman for the ministry",
            "Nothing has changed",
            "direct",
        ),
        (
            "The governor said: “Every shelter in the city is full.”",
            "said",
            "The governor",
            "Every shelter in the city is full",
            "direct",
        ),
        (
            "“The port is closed,” the harbour master said, “and it will stay closed until Monday.”",
            "said",
            "the harbour master",
            "The port is closed … and it will stay closed until Monday",
            "direct",
        ),
        (
            "The navy issued a statement and later added:\n“Two frigates have left the base.”",
            "added",
            "The navy",
            "Two frigates have left the base",
            "direct",
        ),
        # indirect speech after verbs, with and without "that"
        (
            "Kenya's defence ministry said on Tuesday that 400 police officers had landed in Haiti.",
            "said",
            "Kenya's defence ministry",
            "that 400 police officers had landed in Haiti",
            "indirect",
        ),
        (
            "Two hospitals in Khartoum were shelled overnight, the health ministry said.",
            "said",
            "the health ministry",
            "Two hospitals in Khartoum were shelled overnight",
            "indirect",
        ),
        (
            "The coast guard revealed that three fishing boats had been seized near the atoll.",
            "revealed",
            "The coast guard",
            "that three fishing boats had been seized near the atoll",
            "indirect",
        ),
        (
            "Local residents warned of a “humanitarian catastrophe” in the camp.",
            "warned of",
            "Local residents",
            "a “humanitarian catastrophe” in the camp",
            "mixed",
        ),
        (
            "The junta denied that its aircraft had bombed the market.",
            "denied",
            "The junta",
            "that its aircraft had bombed the market",
            "indirect",
        ),
        # participles and labels
        (
            "The rebels seized the airport on Sunday, saying the army had abandoned it.",
            "saying",
            "The rebels",
            "the army had abandoned it",
            "participial",
        ),
        (
            "The foreign ministry dismissed the video as a fabrication.",
            "dismissed",
            "The foreign ministry",
            "the video as a fabrication",
            "indirect",
        ),
        (
            "The president called the strike “an act of terror”.",
            "called",
            "The president",
            "the strike “an act of terror”",
            "mixed",
        ),
        # according to, before and after the content
        (
            "According to the UN refugee agency, 1.2 million people have fled the fighting.",
            "According to",
            "the UN refugee agency",
            "1.2 million people have fled the fighting",
            "according_to",
        ),
        (
            "Some 300 militiamen crossed the river at dawn, according to a local official.",
            "according to",
            "a local official",
            "Some 300 militiamen crossed the river at dawn",
            "according_to",
        ),
        # reporting nouns
        (
            "Kyiv rejected Moscow's claim that the dam had been hit by Ukrainian artillery.",
            "claim",
            "Moscow",
            "that the dam had been hit by Ukrainian artillery",
            "noun",
        ),
    ],
)
def test_attributions_forms(analyse, text, cue, source, content, form):
    attribution = only(analyse(text), cue)
    assert attribution.source is not None
    assert (attribution.source.text, attribution.content_text, attribution.form.value) == (
        source,
        content,
        form,
    )


@pytest.mark.parametrize(
    ("text", "cue", "certainty", "hedges"),
    [
        (
            "The ministry said the convoy could reach the border by nightfall.",
            "said",
            "possible",
            ["could"],
        ),
        (
            "Officials believe the tunnels stretch for several kilometres.",
            "believe",
            "probable",
            ["believe"],
        ),
        (
            "The army said the attackers were likely foreign fighters.",
            "said",
            "probable",
            ["likely"],
        ),
        ("The agency said 40 people were killed.", "said", "certain", []),
        (
            "Witnesses said the convoy had apparently turned back.",
            "said",
            "possible",
            ["apparently"],
        ),
        (
            "The monitor said the figure might be nearer to 500.",
            "said",
            "possible",
            ["might", "nearer to"],
        ),
        (
            "The general is said to have ordered the retreat himself.",
            "is said",
            "possible",
            ["is said"],
        ),
    ],
)
def test_attributions_certainty_and_hedges(analyse, text, cue, certainty, hedges):
    attribution = only(analyse(text), cue)
    assert attribution.certainty.label == certainty
    assert [h.span.text for h in attribution.hedges] == hedges


@pytest.mark.parametrize(
    ("text", "cue", "anonymous", "channel"),
    [
        (
            "Two officials who declined to be named told a local broadcaster that the convoy was hit.",
            "told",
            True,
            "a local broadcaster",
        ),
        (
            "Anonymous sources have informed Japanese media that the talks collapsed.",
            "have informed",
            True,
            "Japanese media",
        ),
        (
            "Officials speaking on condition of anonymity said the ceasefire was close.",
            "said",
            True,
            None,
        ),
        (
            "The defence minister told parliament that the budget would rise.",
            "told",
            False,
            "parliament",
        ),
        (
            "Speaking to the BBC, the governor said residents had been evacuated.",
            "said",
            False,
            "the BBC",
        ),
        (
            "Yonhap reported, citing the spy agency, that the troops had new uniforms.",
            "reported",
            False,
            "Yonhap",
        ),
        (
            # the statement's author speaks; the agency relays it
            "Iran's Tasnim news agency, citing a statement from the Guards' navy, said the "
            "tanker had struck a fishing dhow.",
            "said",
            False,
            "Iran's Tasnim news agency",
        ),
        (
            # the participle first: the parser makes "Citing" the root and the outlet an
            # appositive of the one it cites
            "Citing a local official, the Cox's Harbour Post reported on Wednesday that six "
            "boats had sunk.",
            "reported",
            True,
            "the Cox's Harbour Post",
        ),
    ],
)
def test_attributions_anonymity_and_channel(analyse, text, cue, anonymous, channel):
    attribution = only(analyse(text), cue)
    assert attribution.anonymous is anonymous
    assert (attribution.channel.text if attribution.channel else None) == channel


@pytest.mark.parametrize(
    "text",
    [
        "The president called for an emergency meeting of the security council.",
        "The army shelled the town on Monday.",
        "The commander told his men to hold the line until reinforcements arrived.",
        "Recently, evidence surfaced that the militia was buying drones.",
        "The troops added two more checkpoints on the road.",
    ],
)
def test_attributions_actions_are_not_claims(analyse, text):
    assert analyse(text).attributions == ()


def test_attributions_nested_report_keeps_both_levels(analyse):
    analysis = analyse("The mayor claimed she believed 2,000 soldiers could enter the city.")
    outer, inner = only(analysis, "claimed"), only(analysis, "believed")
    assert inner.parent == outer.id
    assert inner.canonical_source == outer.canonical_source
    assert inner.source_kind == "pronoun"


@pytest.mark.parametrize(
    ("text", "pronoun_cue", "antecedent"),
    [
        (
            "Several aid workers reached the camp. “There is no water left,” they said.",
            "said",
            "aid-workers",
        ),
        (
            "The Polish border guard released photos of the fence, where they say migrants gathered.",
            "say",
            "pl-border-guard",
        ),
        (
            "Defence Minister Anna Berg visited the base. She said the drills would continue.",
            "said",
            "anna-berg",
        ),
    ],
)
def test_attributions_pronoun_sources_resolve_to_earlier_actor(
    analyse, text, pronoun_cue, antecedent
):
    attribution = only(analyse(text), pronoun_cue)
    assert attribution.canonical_source == antecedent


def test_attributions_offsets_point_into_text(analyse):
    analysis = analyse(
        "“It is over,” the envoy said, adding that talks would resume in Doha on Friday."
    )
    for attribution in analysis.attributions:
        for span in (
            attribution.source,
            attribution.cue,
            attribution.channel,
            *attribution.content,
        ):
            if span is not None:
                span.check(analysis.document.text)


def _gold_rows() -> dict[str, list[dict[str, str]]]:
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with GOLD.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows[row["text"].replace("\\n", "\n").replace("\\t", "\t")].append(row)
    return rows


def test_attributions_gold_sentences_floor(analyse):
    """Our own annotated sentences (tests/data/gold_sentences.tsv): floors below today's scores,
    so a regression fails; the source of a relayed report may also be found as its channel."""
    found = total = source_ok = content_ok = certainty_ok = false_alarms = empty = 0
    for text, golds in _gold_rows().items():
        predicted = analyse(text).attributions
        for gold in golds:
            if gold["form"] == "none":
                empty += 1
                false_alarms += bool(predicted)
                continue
            total += 1
            cue = gold["cue"].lower()
            match = [
                a
                for a in predicted
                if a.cue and (a.cue.text.lower() in cue or cue in a.cue.text.lower())
            ]
            if not match:
                continue
            found += 1
            best = match[0]
            named = {
                best.source.text if best.source else "",
                best.channel.text if best.channel else "",
            }
            source_ok += gold["source"] in named
            content = best.content_text.replace(" … ", " ||| ")
            content_ok += content.removeprefix("that ") == gold["content"]  # gold omits "that"
            certainty_ok += best.certainty.label == gold["certainty"]
    assert found / total >= 0.90
    assert source_ok / found >= 0.92
    assert content_ok / found >= 0.85
    assert certainty_ok / found >= 0.90
    assert false_alarms / empty <= 0.1


@pytest.mark.parametrize(
    ("text", "cue", "canonical"),
    [
        # a definite description points back to the organisation the text named before
        (
            "Lawmakers briefed by the National Intelligence Service said the intelligence agency believed 3,000 had arrived.",
            "believed",
            "kr-nis",
        ),
        # an office of a named holder is that office, not the holder
        (
            "The office of President Yoon Suk Yeol called the move a serious threat.",
            "called",
            "kr-presidential-office",
        ),
        (
            "Prime Minister Lena Varga met the envoy. Her office said talks would go on.",
            "said",
            "lena-varga-office",
        ),
        # a lone surname is the person named in full before
        (
            "Spokeswoman Amira Haddad spoke first. Later, Haddad said the road was open.",
            "said",
            "amira-haddad",
        ),
        # a country the tagger took for a person still says whose body it is
        ("Mali's defence ministry said two soldiers were killed.", "said", "ml-defence-ministry"),
        # a known organisation's own office, wherever it sits, speaks for it
        ("The World Health Organization office in Juba said 40 people had died.", "said", "who"),
        (
            "The United Nations Resident Coordinator's office in Suva said roads were cut.",
            "said",
            "un",
        ),
        # "the colonel" is the one person the report named with that rank, speaker or not
        (
            "The army spokesman, Colonel Adam Bichara, said the post was manned. The colonel "
            "also said the toll was unchanged.",
            "also said",
            "adam-bichara",
        ),
        (
            "We put the account to the army spokesman, Colonel Adam Bichara. The colonel said "
            "the toll was unchanged.",
            "said",
            "adam-bichara",
        ),
        # the tagger's person before "news agency" names the outlet, not its owner
        ("The Tasnim news agency said 21 crew were held.", "said", "tasnim-news-agency"),
    ],
)
def test_attributions_sources_point_back(analyse, text, cue, canonical):
    assert only(analyse(text), cue).canonical_source == canonical


@pytest.mark.parametrize(
    "text",
    [
        "Nobody is denying that the strike took place.",
        "No one said the convoy had left.",
        "No militia has claimed the bombing of the bridge.",
    ],
)
def test_attributions_nobody_is_no_source(analyse, text):
    assert all(a.source is None or a.canonical_source for a in analyse(text).attributions)
    assert not any(
        a.source and a.source.text.lower() in ("nobody", "no one")
        for a in analyse(text).attributions
    )


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Rutte: “The alliance stands ready to respond.”",
            "Rutte",
            "The alliance stands ready to respond",
        ),
        (
            "Ukrainian commander: Russian assaults near Pokrovsk have doubled",
            "Ukrainian commander",
            "Russian assaults near Pokrovsk have doubled",
        ),
    ],
)
def test_attributions_colon_speaker_lines(analyse, text, source, content):
    attribution = only(analyse(text), ":")
    assert (attribution.source.text, attribution.content_text) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "Update: the road reopened at noon today.",
        "Time: 10:30 on Tuesday morning.",
        "Strait of Hormuz: Kythira Voyager held off Bandar Abbas",
    ],
)
def test_attributions_colon_labels_are_not_speakers(analyse, text):
    assert analyse(text).attributions == ()


@pytest.mark.parametrize(
    ("text", "cue", "canonical", "anonymous"),
    [
        ("Officials at the Pentagon said 3,000 troops had arrived.", "said", "us-dod", True),
        (
            "Analysts at the Institute for the Study of War said Russia would attack.",
            "said",
            "isw",
            False,
        ),
        (
            "The RSF denied the report. A spokesman for the group, who asked not to be named, said the toll was exaggerated.",
            "said",
            "rsf",
            True,
        ),
        (
            "A U.S. State Department spokesperson said Washington was concerned.",
            "said",
            "us-state-department",
            False,
        ),
        (
            "Japan's top government spokesman said Tokyo was watching closely.",
            "said",
            "jp-government",
            False,
        ),
        (
            "Two security sources told Reuters that ships were seen. One of them said more would come.",
            "said",
            "anonymous-security-sources",
            True,
        ),
    ],
)
def test_attributions_speakers_for_a_body(analyse, text, cue, canonical, anonymous):
    attribution = only(analyse(text), cue)
    assert (attribution.canonical_source, attribution.anonymous) == (canonical, anonymous)


def test_attributions_quote_before_a_conjoined_cue_is_not_its_content(analyse):
    analysis = analyse(
        'The spokesperson said Washington was "seriously concerned" and urged Beijing to act with restraint.'
    )
    assert only(analysis, "urged").content_text == "to act with restraint"


def test_attributions_description_points_to_a_named_outlet(analyse):
    analysis = analyse(
        "Grey Zone, a Telegram channel linked to Wagner, said a column had been wiped out. "
        "The channel said the sandstorm had let the rebels regroup."
    )
    first, second = analysis.attributions
    assert first.canonical_source == second.canonical_source == "grey-zone"


@pytest.mark.parametrize(
    "text",
    [
        "He did not say whether Ukraine had provided it.",
        "The ministry would not say if the convoy had left.",
        # a question asked claims nothing either
        "Reporters asked the minister whether troops would be sent.",
    ],
)
def test_attributions_not_saying_whether_is_no_claim(analyse, text):
    assert analyse(text).attributions == ()


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "A senior Hamas official, Izzat al-Rishq, called the attack “a massacre” and accused Washington of complicity.",
            "accused",
            "A senior Hamas official, Izzat al-Rishq",
            "Washington of complicity",
        ),
        (
            "The ministry warned of a “humanitarian catastrophe”.",
            "warned of",
            "The ministry",
            "a “humanitarian catastrophe”",
        ),
        # whom it blames, and for what
        (
            "Slovenia has blamed Russian intelligence for the attack on the port.",
            "has blamed",
            "Slovenia",
            "Russian intelligence for the attack on the port",
        ),
        # the parser hangs "of" on the accused, not on the verb
        (
            "The ministry accused the journalists of spying on the base.",
            "accused",
            "The ministry",
            "the journalists of spying on the base",
        ),
    ],
)
def test_attributions_of_phrases_and_conjoined_cues(analyse, text, cue, source, content):
    attribution = only(analyse(text), cue)
    assert (attribution.source.text, attribution.content_text) == (source, content)


def test_attributions_citing_evidence_keeps_the_speaker(analyse):
    analysis = analyse(
        "Zelensky said 3,000 soldiers had been killed, citing preliminary data from his commanders."
    )
    assert only(analysis, "said").canonical_source == "volodymyr-zelensky"
    assert only(analysis, "said").channel is None


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a headline's second statement: the cue has its own object, the first clause is news
        ("Ukraine strikes refinery near Tuapse; Moscow denies damage", "denies", "damage"),
        # after a semicolon the clause before is another statement, object or not
        ("Guards detain two in Narva; Estonia's neighbour denies everything", "denies", None),
        # with no object and no semicolon the fronted clause is what the cue reports
        ("The convoy was hit near Kherson, the governor says", "says", "The convoy was hit"),
        # "told X": X heard it, the clause before is still what was told
        (
            "The pumps at the depot had been broken for months, an engineer told the Gazette",
            "told",
            "The pumps at the depot had been broken for months",
        ),
    ],
)
def test_attributions_clause_before_a_cue_with_its_own_complement(analyse, text, cue, content):
    found = only(analyse(text), cue)
    if content is None:
        assert "Narva" not in found.content_text
    else:
        assert found.content_text.startswith(content)
        assert "Tuapse" not in found.content_text


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The relief agency puts the number of displaced at about 14,000.",
            "puts",
            "the number of displaced at about 14,000",
        ),
        (
            "The insurer estimated the cost of the damage at 18 million euros.",
            "estimated",
            "the cost of the damage at 18 million euros",
        ),
    ],
)
def test_attributions_a_count_put_at_a_figure(analyse, text, cue, content):
    assert only(analyse(text), cue).content_text == content


def test_attributions_the_counted_people_put_at_a_figure(analyse):
    analysis = analyse("The mayor puts the dead at 11 and the abducted at 23.")
    assert only(analysis, "puts").content_text == "the dead at 11 and the abducted at 23"
    assert not analyse("They put the wounded at the hospital.").attributions


def test_attributions_gapped_counts_are_each_names_own(analyse):
    analysis = analyse(
        "OCHA puts the displaced at about 12,000, the county relief commission at 9,400 and "
        "the commissioner at more than 15,000."
    )
    said = {a.source.text: a.content_text for a in analysis.attributions}
    assert said == {
        "OCHA": "the displaced at about 12,000",
        "the county relief commission": "the displaced … at 9,400",
        "the commissioner": "the displaced … at more than 15,000",
    }


@pytest.mark.parametrize(
    ("text", "denier", "denied"),
    [
        (
            "Tunisia says two of its nationals are still held, which Libya denies.",
            "Libya",
            "two of its nationals are still held",
        ),
        (
            "Venezuelan soldiers crossed into the village, which Caracas denies.",
            "Caracas",
            "Venezuelan soldiers crossed into the village",
        ),
        (
            "The fighters came from Venezuela, the army said, which Caracas denies.",
            "Caracas",
            "The fighters came from Venezuela",
        ),
    ],
)
def test_attributions_a_relative_denial_denies_the_clause_before_it(analyse, text, denier, denied):
    analysis = analyse(text)
    denial = only(analysis, "denies")
    assert (denial.source.text, denial.polarity.value, denial.content_text) == (
        denier,
        "deny",
        denied,
    )
    reports = [a for a in analysis.attributions if a.cue.text != "denies"]
    assert all(a.polarity.value == "assert" and "which" not in a.content_text for a in reports)


def test_attributions_a_round_up_tally_is_the_labels_claim(analyse):
    analysis = analyse(
        "10 March: fighters attack the barracks. Army: five soldiers, three civilians and 11 "
        "attackers dead. Commissioner Emmanuel Lomoro Taban: 14 civilians dead and 26 residents "
        "taken. Italy: 43 nautical miles north of Zuwara. Officials: the army killed 20."
    )
    said = {a.source.text: a.content_text for a in analysis.attributions if a.cue.text == ":"}
    assert said == {
        "Army": "five soldiers, three civilians and 11 attackers dead",
        "Commissioner Emmanuel Lomoro Taban": "14 civilians dead and 26 residents taken",
        "Italy": "43 nautical miles north of Zuwara",
    }


def test_attributions_a_headline_label_cue_keeps_to_its_own_clause(analyse):
    analysis = analyse(
        "Police widen smuggling case to nine suspects; Minsk calls the charges absurd\n\nBody."
    )
    assert only(analysis, "calls").content_text == "the charges absurd"


def test_attributions_putting_something_that_is_no_count_is_no_report(analyse):
    analysis = analyse("The governor put the blame on the contractors at the site.")
    assert [a.cue.text for a in analysis.attributions if a.cue is not None] == []


def test_attributions_transcript_answers_are_the_briefers_and_questions_no_claims(analyse):
    analysis = analyse(
        "Excerpts from the briefing.\n\n"
        "OKAFOR: Good morning. I can tell you that the ferry left the port with 310 people.\n\n"
        "Q: Can you confirm that the captain has been arrested?\n\n"
        "Q: There are reports that the crew was drunk. Is that so?\n\n"
        "A: The captain is helping the investigation and has not been detained.\n"
    )
    speakers = {a.source.text for a in analysis.attributions if a.source is not None}
    assert "Q" not in speakers
    assert "A" not in speakers
    answer = next(a for a in analysis.attributions if "helping" in a.content_text)
    assert answer.source.text == "OKAFOR"
    told = next(a for a in analysis.attributions if a.cue is not None and a.cue.text == "can tell")
    assert told.canonical_source == answer.canonical_source  # "I" is the briefer
    assert not any("captain has been arrested" in a.content_text for a in analysis.attributions)
    assert not any("drunk" in a.content_text for a in analysis.attributions)  # a premise


def test_attributions_a_question_relaying_a_source_keeps_that_source(analyse):
    analysis = analyse(
        "Excerpts from the briefing.\n\n"
        "Q: A border official told the Coast Post that the guards had been bribed.\n\n"
        "OKAFOR: We have seen no evidence of that.\n"
    )
    relayed = next(a for a in analysis.attributions if "bribed" in a.content_text)
    assert relayed.source.text == "A border official"


def test_attributions_a_corrected_error_is_no_claim(analyse):
    analysis = analyse(
        "Correction: An earlier version of this story said the clinic had treated 64 people. "
        "It treated 46."
    )
    assert not any("64" in a.content_text for a in analysis.attributions)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # counted things are what a claim is about; counted people still speak
        ("Six ships reported jamming near the strait, the navy said.", {"the navy"}),
        ("Four nurses told the paper that the ward was full.", {"Four nurses"}),
        ("Two of the guards said the gate had been left open.", {"Two of the guards"}),
    ],
)
def test_attributions_a_counted_thing_is_no_speaker(analyse, text, speakers):
    found = {a.source.text for a in analyse(text).attributions if a.source is not None}
    assert found == speakers


def test_attributions_a_headline_semicolon_parts_two_reports(analyse):
    analysis = analyse(
        "About 5,000 evacuated from coastal villages, agency says; police reject figure\n\n"
        "The disaster agency said on Monday that about 5,000 people had left their homes."
    )
    says = only(analysis, "says")
    assert (says.source.text, says.content_text) == (
        "agency",
        "About 5,000 evacuated from coastal villages",
    )
    assert only(analysis, "reject").source.text == "police"


@pytest.mark.parametrize(
    "text",
    ["Rebels said to hold two hostages near border", "Hostages believed to be held in forest"],
)
def test_attributions_a_headline_said_to_is_nobody_s_words(analyse, text):
    [attribution] = analyse(text).attributions
    assert attribution.source is None


def test_attributions_claimed_to_is_still_the_claimant_s(analyse):
    claim = only(analyse("The ministry claimed to have killed 40 fighters."), "claimed")
    assert claim.source.text == "The ministry"


def test_attributions_according_to_names_only_what_follows_it(analyse):
    claim = only(
        analyse(
            "More than 40 aircraft showed signs of jamming over the border last week, nearly three "
            "times the number reported by the country's aviation authority, according to SkyTrace, "
            "a company that monitors satellite navigation signals."
        ),
        "according to",
    )
    assert claim.source.text.startswith("SkyTrace")
    assert "nearly three times" in claim.content_text


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (
            "A border official, who asked not to be named, said the crossing was shut. He said "
            "trucks were turned back.",
            "anonymous-border-official",
        ),
        (
            "The source, who was not authorised to speak to the press, said the guards fled. The "
            "gate had been left open, he said.",
            "anonymous-source",
        ),
    ],
)
def test_attributions_he_points_back_to_an_unnamed_speaker(analyse, text, canonical):
    claims = analyse(text).attributions
    assert len(claims) == 2
    assert claims[1].canonical_source == canonical


def test_attributions_claiming_responsibility_for_nothing_named_is_no_content(analyse):
    assert not analyse("The militia claimed responsibility on Tuesday.").attributions
    [claim] = analyse("The militia claimed responsibility for the ambush.").attributions
    assert claim.content_text == "responsibility for the ambush"


def test_attributions_an_aside_about_the_actor_blamed_is_not_the_blame(analyse):
    """ "blamed the army, which denied firing ...": the relative clause is the report's aside."""
    analysis = analyse(
        "Laos blamed the Thai army, which denied firing across the border and accused rebels."
    )
    blamed = next(a for a in analysis.attributions if a.cue and a.cue.text == "blamed")
    assert blamed.content_text == "the Thai army"
    kept = analyse("Moscow dismissed the video, which showed troops near Kursk, as a fabrication.")
    [dismissed] = kept.attributions
    assert "showed troops" in dismissed.content_text


def test_attributions_a_transcript_in_capitals_answers_for_its_guest_and_not_its_presenter(
    analyse,
):
    """ "GONI:" opens the guest's answers even when the tagger does not read the name as one;
    the presenter, whose lines are questions, makes no claims."""
    analysis = analyse(
        "Transcript: the mayor on Radio Logone\n\n"
        "The presenter is Clarisse Mbarga.\n\n"
        "MBARGA: How long were the fighters in the town?\n\n"
        "GONI: They stayed in the market for a long time, until the soldiers came back.\n\n"
        "MBARGA: How many people have left?\n\n"
        "GONI: More than half of the town. The schools in Kousseri are full.\n"
    )
    by_text = {a.content_text: a for a in analysis.attributions}
    assert by_text["More than half of the town. The schools in Kousseri are full"].source.text == (
        "GONI"
    )
    assert not any(
        a.source is not None and a.source.text == "MBARGA" for a in analysis.attributions
    )


def test_attributions_a_transcript_knows_its_interviewer_and_its_guest_by_name(analyse):
    """The introduction names the interviewer, whose lines relay others' claims without making
    any; the guest's label in capitals is the person the introduction names in full."""
    analysis = analyse(
        "Transcript: the harbour master on the Lagos fire\n\n"
        "The following are excerpts from an interview that Tunde Adebayo, the harbour master, "
        "gave on Friday. The interviewer is Ngozi Okafor.\n\n"
        "OKAFOR: The union says the fire burned for six hours.\n\n"
        "ADEBAYO: That is not true. The fire was out within two hours.\n\n"
        "OKAFOR: Were the tankers damaged?\n\n"
        "ADEBAYO: Two tankers lost their paint, nothing more.\n"
    )
    assert not any(
        a.source is not None and a.source.text == "OKAFOR" for a in analysis.attributions
    )
    union = next(a for a in analysis.attributions if "six hours" in a.content_text)
    assert union.source.text == "The union"
    tankers = next(a for a in analysis.attributions if "lost their paint" in a.content_text)
    assert tankers.canonical_source == "tunde-adebayo"


def test_attributions_the_one_addressed_is_not_the_speaker(analyse):
    """ "Mr Mayor, the defence ministry says ...": a presenter addressing her guest relays the
    ministry's claim; the mayor is not its source."""
    analysis = analyse("Mr Mayor, the defence ministry says nine civilians died in the town.")
    [says] = [a for a in analysis.attributions if a.cue is not None and a.cue.text == "says"]
    assert says.source.text == "the defence ministry"


def test_attributions_a_toll_raised_to_a_figure_is_a_report_and_troops_raised_are_not(analyse):
    """ "raised the death toll to 14" gives the ministry's count now; "raised the number of
    troops to 5,000" is something done, not said."""
    raised = analyse("The defence ministry on Friday raised the death toll to 14 from nine.")
    [toll] = raised.attributions
    assert toll.content_text == "the death toll to 14"
    assert toll.canonical_source is not None
    troops = analyse("The ministry raised the number of troops in the region to 5,000.")
    assert not troops.attributions


@pytest.mark.parametrize(
    ("text", "canonical", "content"),
    [
        # the reported clause read as the cue's object ("said [the code-resembled malware]")
        (
            "Anna Virta, the head of the grid agency, said the code resembled malware seen in "
            "earlier attacks on Estonia.",
            "anna-virta",
            "the code resembled malware seen in earlier attacks on Estonia",
        ),
        # no subject: the speaker hung on the fronted place as its apposition
        (
            "At Lira Regional Hospital, the medical director, Dr Okello Peter, said 14 injured "
            "people had been admitted since Friday.",
            "okello-peter",
            "14 injured people had been admitted since Friday",
        ),
        # the speaker's description read as a clause, the speaker as its subject
        (
            "Red Comet, the group Estonia accuses of cutting power to Narva on orders from "
            "Moscow, said on Monday that it was not working for any state.",
            "red-comet",
            "that it was not working for any state",
        ),
        # the clause's subject hung on the cue as a phrase of its own, or a stranded "between"
        (
            "The World Health Organization office in Juba said between 40 and 50 people had "
            "died, citing local clinics.",
            None,
            "between 40 and 50 people had died",
        ),
    ],
)
def test_attributions_survive_common_misparses(analyse, text, canonical, content):
    said = only(analyse(text), "said")
    assert said.content_text == content
    if canonical is not None:
        assert said.canonical_source == canonical


def test_a_speaker_read_as_an_apposition_to_the_last_place_still_speaks(analyse):
    """ "..., near Llochegua, a wounded soldier told the Post": the parser hangs the soldier on
    the place and makes "told" a second verb of the clause; the soldier still told it."""
    analysis = analyse(
        "More than 40 attackers took part in the ambush near Llochegua, a wounded soldier told "
        "the Post."
    )
    (attribution,) = analysis.attributions
    assert attribution.source is not None
    assert attribution.source.text == "a wounded soldier"
    assert (
        attribution.content_text == "More than 40 attackers took part in the ambush near Llochegua"
    )


def test_two_according_to_sources_of_one_sentence_each_keep_their_own_figure(analyse):
    analysis = analyse(
        "The outage cut power to about 4,100 homes, according to the utility, and to nearly "
        "9,000, according to the regional council."
    )
    contents = {a.source.text: a.content_text for a in analysis.attributions}
    assert contents["the utility"] == "The outage cut power to about 4,100 homes"
    council = contents["the regional council"]
    assert "9,000" in council
    assert "4,100" not in council
    assert council.startswith("The outage cut power")


def test_a_second_according_to_leaves_the_first_its_claim(analyse):
    analysis = analyse("According to the police, 11 people died, according to a statement.")
    police = [a for a in analysis.attributions if a.source and a.source.text == "the police"]
    assert [a.content_text for a in police] == ["11 people died"]


@pytest.mark.parametrize(
    ("text", "claim", "denier", "cue", "pointer"),
    [
        (
            "Rebels killed 40 soldiers near the town, the group said, a claim the army rejected.",
            "Rebels killed 40 soldiers near the town",
            "the army",
            "rejected",
            "a claim",
        ),
        (
            "The militia shelled the camp, according to the UN, a charge that Moscow denies.",
            "The militia shelled the camp",
            "Moscow",
            "denies",
            "a charge",
        ),
        (
            "Ukraine said Russia fired the missile, an allegation denied by the Kremlin.",
            "Russia fired the missile",
            "the Kremlin",
            "denied",
            "an allegation",
        ),
    ],
)
def test_attributions_a_denial_set_after_a_report(analyse, text, claim, denier, cue, pointer):
    """ "..., a claim the army rejected": the report keeps its own words, and the denier
    denies it by the noun that points back at it."""
    analysis = analyse(text)
    denial = only(analysis, cue)
    (reported,) = [a for a in analysis.attributions if a is not denial]
    assert reported.content_text == claim
    assert pointer not in reported.source.text
    assert (denial.source.text, denial.content_text, denial.polarity) == (
        denier,
        pointer,
        Polarity.DENY,
    )


def test_attributions_a_second_cue_after_a_reported_list_keeps_the_speaker(analyse):
    """ "said that 41 were killed and 58 people abducted ..., and accused soldiers of ...": the
    group accuses, not the 58 people of the reported clause."""
    analysis = analyse(
        "A rights group said on Wednesday that 41 civilians were killed and 58 people abducted "
        "when fighters attacked the town on Sunday, and accused soldiers of abandoning residents."
    )
    assert only(analysis, "accused").source.text == "A rights group"


@pytest.mark.parametrize(
    "credit",
    [
        "Wednesday 25 November. Presenter: Ruth Calloway.",
        "Our presenter is Ruth Calloway.",
    ],
)
def test_attributions_a_programmes_journalists_pass_on_what_others_say(analyse, credit):
    """A transcript's presenter and correspondent are the channel, as a report's narrator is:
    their turns make no claim of their own; the bodies they quote still speak."""
    analysis = analyse(
        "Globe Radio, evening news (transcript)\n\n"
        f"{credit}\n\n"
        "CALLOWAY: Good evening. Cranes at the port stopped for a day. Our correspondent Anna "
        "Hale is in Ljubljana. Anna, what do we know?\n\n"
        "HALE: The terminal operator now says all eleven cranes were stopped. On Friday it was "
        "talking about six hours, and the damage looked limited.\n\n"
        "CALLOWAY: Anna Hale in Ljubljana. The dockers' union says the port lost two days.\n\n"
        "ZORMAN: I cannot confirm that any data was stolen.\n"
    )
    speakers = {a.source.text for a in analysis.attributions if a.source is not None}
    assert not speakers & {"CALLOWAY", "HALE", "Wednesday 25 November. Presenter", "Presenter"}
    assert {"The terminal operator", "The dockers' union", "ZORMAN"} <= speakers, speakers


def test_a_comparison_after_an_inverted_cue_is_not_the_report(analyse):
    """ "..., the IOM said on Friday, up from about 3,400 it counted on Monday": the report is
    the clause before the cue, not the comparison after it."""
    [claim] = analyse(
        "More than 5,200 people have fled Karimama since Sunday's attack, the International "
        "Organization for Migration (IOM) said on Friday, up from about 3,400 it counted on "
        "Monday."
    ).attributions
    assert claim.content_text.startswith("More than 5,200 people have fled")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("IOM counts 5,200 displaced; the mayor says more than 9,000.", "more than 9,000"),
        (
            "The city says 70,000 households and more than 30 hours.",
            "70,000 households and more than 30 hours",
        ),
    ],
)
def test_a_briefings_figure_after_says_is_the_report(analyse, text, content):
    """A briefing's shorthand "the mayor says more than 9,000" reports the figure."""
    assert content in [a.content_text for a in analyse(text).attributions]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("The IOM counts 4,600 displaced in Cabaret.", "The IOM", "4,600 displaced in Cabaret"),
        ("The army counts two soldiers dead.", "The army", "two soldiers dead"),
        ("Doctors at the hospital counted 23 bodies.", "Doctors at the hospital", "23 bodies"),
    ],
)
def test_a_count_with_its_figure_is_a_report(analyse, text, source, content):
    """ "counts 4,600 displaced" is the counter's figure, as "says 4,600" would be."""
    [claim] = analyse(text).attributions
    assert (claim.source.text, claim.content_text) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "Officials counted the votes overnight.",
        "We count on our allies, the minister said.",
        "'The roof came down': Anlong Veng counts the damage",
    ],
)
def test_a_count_without_a_figure_reports_nothing(analyse, text):
    assert [a.cue.text for a in analyse(text).attributions if a.cue] in ([], ["said"])


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Uganda says about 4 kilometres west, Kenya 2.5 km east.",
            "says",
            "about 4 kilometres west",
        ),
        (
            "The Fifth Fleet puts her about 14 nautical miles south of the island, in the lane.",
            "puts",
            "her about 14 nautical miles south of the island",
        ),
    ],
)
def test_a_position_given_as_a_bare_measure_is_the_report(analyse, text, cue, content):
    """A round-up's shorthand for where a vessel was: the measure is what the source says."""
    assert only(analyse(text), cue).content_text == content


@pytest.mark.parametrize(
    "text",
    [
        "He said so two days ago.",
        "Russia puts 500 troops on alert.",
        "The ministry put pressure on the firm.",
    ],
)
def test_no_measure_report_without_a_measure_said(analyse, text):
    assert not analyse(text).attributions


def test_each_name_after_a_count_with_its_verb_left_out_gives_its_own(analyse):
    """ "The army counts two civilians dead, the mayor 11 and the rights committee CDHC 17"."""
    claims = analyse(
        "The army counts two civilians dead, the mayor 11 and the rights committee CDHC 17."
    ).attributions
    assert [(c.source.text, c.content_text) for c in claims] == [
        ("The army", "two civilians dead"),
        ("the mayor", "civilians dead … 11"),
        ("the rights committee CDHC", "civilians dead … 17"),
    ]


def test_a_list_with_its_figure_is_a_report(analyse):
    claims = analyse(
        "The operator lists 24 people on board. Two soldiers listed as missing were found dead."
    ).attributions
    assert [(c.source.text, c.content_text) for c in claims] == [
        ("The operator", "24 people on board")
    ]


def test_responsibility_claimed_for_a_deed_after_a_date_says_for_what(analyse):
    """The parser hangs "for Monday's cyberattack" on the verb once "on Tuesday" comes between."""
    claim = only(
        analyse(
            "A group calling itself Polar Star claimed responsibility on Tuesday for Monday's "
            "cyberattack on the station. No group claimed responsibility on Monday."
        ),
        "claimed",
    )
    assert claim.content_text == (
        "responsibility on Tuesday for Monday's cyberattack on the station"
    )


def test_a_speaker_read_into_a_fronted_phrase_still_speaks(analyse):
    """ "In a message circulated on WhatsApp, Wilson Desrosiers, the gang's leader, said": the
    parser takes the name for a second thing the message was circulated on."""
    claim = only(
        analyse(
            "In a voice message circulated on WhatsApp, Wilson Desrosiers, the leader of Baz Wòch "
            'Nwa, said: "We are not holding anybody."'
        ),
        "said",
    )
    assert claim.source.text.startswith("Wilson Desrosiers")


def test_a_clock_time_keeps_its_pm_before_a_new_sentence(analyse):
    claim = analyse(
        "The manager said it had lost contact with the vessel at 11:40 p.m. It said 23 crew "
        "were on board."
    ).attributions[0]
    assert claim.content_text.endswith("at 11:40 p.m.")


def test_an_acronym_read_as_an_adverb_is_the_speaker(analyse):
    """ "SEPA said ...": the parser reads the capitalised name opening the sentence as an adverb;
    it is the speaker, not part of the cue, and "a.m." keeps its point."""
    claim = only(analyse("SEPA said it had issued a flood alert at 2:50 a.m."), "said")
    assert claim.source.text == "SEPA"
    assert claim.content_text == "it had issued a flood alert at 2:50 a.m."


def test_a_briefings_section_heading_is_no_speaker(analyse):
    """ "Aegean: Imia/Kardak dispute" over a list of bullets names a section, not a speaker;
    "Russia: "We will respond"" still quotes one."""
    analysis = analyse(
        "Weekly briefing\n\nAegean: Imia/Kardak dispute\n"
        "- Turkey now says its crew fired four warning shots into the air.\n\n"
        'Russia: "We will respond"\n- Moscow said it would respond.\n'
    )
    sources = [a.source.text for a in analysis.attributions if a.source]
    assert "Aegean" not in sources
    assert "Russia" in sources


def test_attributions_a_programme_transcript_gives_a_guest_heard_once_a_voice(analyse):
    """In a broadcast's transcript every guest speaks once ("KALAKMABIN:"); a label that opens
    a single line is still a voice when the programme's presenter has one."""
    analysis = analyse(
        "Radio Lembah: evening news, Friday (transcript)\n\n"
        "PRESENTER: We reached the regent of the district, Marthen Kalakmabin.\n\n"
        "KALAKMABIN: We have now counted more than 40 houses burned, not 23.\n\n"
        "PRESENTER: The army spokesman spoke to us from the provincial capital.\n\n"
        "WIBISONO: Let me be clear. No resident of the town was abducted.\n"
    )
    by_source = {a.source.text: a for a in analysis.attributions if a.source is not None}
    assert "more than 40 houses burned" in by_source["KALAKMABIN"].content_text
    assert by_source["KALAKMABIN"].canonical_source == "marthen-kalakmabin"
    assert "No resident of the town was abducted" in by_source["WIBISONO"].content_text
    assert "PRESENTER" not in by_source


def test_attributions_a_second_cue_of_a_reporting_subject_is_its_own(analyse):
    """ "Uganda first said three warning shots were fired and now says five; the survivor says
    more than 20": the parser hangs Uganda's report on the survivor's, but "now says five" is
    Uganda's, not the survivor's (the weekly review in the brook corpus, where it happens)."""
    review = next((DATA / "corpus_brook").glob("20-*.txt")).read_text("utf-8")
    text = review[
        : review.index("now says five")
        + len("now says five; the survivor Kennedy Owuor says more than 20.")
    ]
    analysis = analyse(text)
    [five] = [a for a in analysis.attributions if a.content_text == "five"]
    assert five.source is not None
    assert five.source.text == "Uganda"


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the report on the verb as a loose fragment ("cyberattack cut" read
        # as a compound noun): still the report
        "A cyberattack cut water to much of the eastern town of Narva on Monday evening, "
        "leaving about 9,000 homes without supply for around five hours, the utility that "
        "serves the region said on Tuesday.",
        "TIRANA, May 4 (Adriatic Wire) — A cyberattack cut electricity to much of the northern "
        "Albanian city of Shkoder on Sunday evening, leaving about 60,000 customers without "
        "power for around four hours, the company that runs the region's network said on "
        "Monday.",
    ],
)
def test_a_report_before_its_speaker_is_read_whatever_the_parse(analyse, text):
    attribution = only(analyse(text), "said")
    assert attribution.content_text.startswith("A cyberattack cut")
    assert attribution.content_text.endswith("for around five hours") or (
        attribution.content_text.endswith("for around four hours")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to reporters in Tirana on Monday, the minister said.",
        "In a statement released on Friday, the port authority said.",
    ],
)
def test_how_or_where_something_was_said_is_no_report(analyse, text):
    assert not [a for a in analyse(text).attributions if a.cue and a.cue.text == "said"]


def test_a_timelines_date_is_no_speaker(analyse):
    """ "12 May: Kestrel Labs says ..." and "12 May: ..." lines of a recap: the date speaks for
    no one; the body named after it does."""
    analysis = analyse(
        "Week in review\n\n"
        "12 May: Kestrel Labs, hired by the port, says the cranes stopped for about nine hours.\n"
        "13 May: the operator of the port of Koper raised its count of stopped cranes to eight "
        "and said no data had been taken.\n"
    )
    sources = {a.source.text for a in analysis.attributions if a.source is not None}
    assert not [s for s in sources if "May" in s], sources
    nine = [a for a in analysis.attributions if "nine hours" in a.content_text]
    assert nine
    assert nine[0].source is not None
    assert "Kestrel" in nine[0].source.text


def test_a_date_opening_a_timeline_line_is_never_the_subject_that_speaks(nlp):
    """The parser may make "March" of "16 March: Kestrel Labs says ..." the subject of "says"
    (it does so inside a longer recap); a date followed by the line's colon speaks for no one."""
    from spacy.tokens import Doc

    from claimgraph.nlp.attributions import _timeline_date

    words = ["16", "March", ":", "Kestrel", "Labs", "says", "nine", "hours", "."]
    heads = [1, 5, 1, 4, 5, 5, 7, 5, 5]
    deps = ["nummod", "nsubj", "punct", "compound", "nsubj", "ROOT", "nummod", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=["B-DATE", "I-DATE"] + ["O"] * 7)
    assert _timeline_date(doc[1])
    assert not _timeline_date(doc[4])


@pytest.mark.parametrize(
    "text",
    [
        "The operator has not said whether it believes the hackers worked for a state.",
        "The navy would not say whether it thinks the trawler was in Libyan waters.",
    ],
)
def test_what_a_speaker_will_not_say_it_believes_is_no_claim_of_its_belief(analyse, text):
    """ "has not said whether it believes X" asserts neither X nor the belief."""
    assert analyse(text).attributions == ()


def test_attributions_a_turn_that_asserts_and_denies_is_two_claims(analyse):
    """A transcript turn that says what happened and then denies something else is two
    claims, one asserted and one denied: read as one, the whole turn became a denial of what
    the speaker had just affirmed. Sentences of one stance stay together."""
    analysis = analyse(
        "PRESENTER: The spokesman was asked about the seizure.\n\n"
        "MEHDI SADEGHI (via interpreter): This is a judicial matter concerning the smuggling of "
        "fuel. The ship was stopped in our waters under the law. No shots were fired, nobody "
        "was hurt, and the crew are in good health.\n"
    )
    turn = [a for a in analysis.attributions if a.cue.text == ":"]
    assert [a.polarity for a in turn] == ["assert", "deny"], [
        (a.polarity, a.content_text) for a in turn
    ]
    assert "stopped in our waters" in turn[0].content_text
    assert turn[1].content_text.startswith("No shots were fired")


def test_attributions_a_report_passed_on_according_to_another_nests_in_it(analyse):
    """ "X said Y, according to Z": X's words are Y alone, and X's report is nested in Z's, never
    the other way round as well."""
    analysis = analyse(
        "In Chennai, fisheries official R. Kathiravan said 14 boats had been seized, according "
        "to the Coastal Times."
    )
    official, paper = only(analysis, "said"), only(analysis, "according to")
    assert official.content_text == "14 boats had been seized"
    assert (official.parent, paper.parent) == (paper.id, None)


def test_attributions_the_group_that_claimed_the_attack_says(analyse):
    """The parser reads "The group that claimed the attack says five drones were launched" as
    the group claiming that "the attack says ...": the attack is what was claimed, and the group
    is who says the rest."""
    analysis = analyse("The militia that claimed the attack said five drones were launched.")
    claimed, said = only(analysis, "claimed"), only(analysis, "said")
    assert claimed.content_text == "the attack"
    assert (said.source.text, said.content_text) == (
        "The militia that claimed the attack",
        "five drones were launched",
    )


def test_attributions_a_belief_in_a_relative_clause_names_what_it_is_about(analyse):
    """ "Grey Lynx, which it believes works for a Russian intelligence service": the belief is
    that Grey Lynx works for it, not that "which" does."""
    analysis = analyse(
        "The tools matched those of a group Karstline tracks as Grey Lynx, which it believes "
        "works for a Russian intelligence service, Jereb said."
    )
    assert only(analysis, "believes").content_text == (
        "Grey Lynx … works for a Russian intelligence service"
    )
