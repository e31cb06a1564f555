"""Gold claim groups for the two corpora, written from each corpus README (not from the output).

Each group lists (file prefix, words of the claim's content) for the attributions that state one
proposition. Pairwise precision and recall of the clusters are scored on these attributions.
"""

NK_GROUPS = {
    "1,500 arrived": [
        ("01", "North Korea has moved about 1,500"),
        ("02", "roughly 1,500 North Korean soldiers are already"),
        ("03", "some 1,500 North Korean special forces"),
        ("04", "North Korea has sent 1,500 special forces"),
        ("05", "About 1,500 North Korean soldiers have been moved"),
        ("06", "Some 1,500 North Korean soldiers have already arrived"),
    ],
    "12,000 projected": [
        ("01", "the total number could eventually reach about 12,000"),
        ("04", "the total to rise to about 12,000"),
        ("05", "could eventually reach 12,000"),
    ],
    "shipped to Vladivostok": [
        ("01", "Russian navy transport ships carried the troops"),
        ("02", "were ferried on Russian naval vessels"),
        ("04", "were transported on Russian navy ships"),
        ("06", "were ferried on Russian naval vessels"),
    ],
    "bases in the Far East": [
        ("01", "taken to military facilities in Ussuriysk"),
        ("02", "spread across bases that include Ussuriysk"),
        ("06", "spread across bases that include Ussuriysk"),
    ],
    "Kremlin: another fake": [
        ("03", 'similar media accounts as "another fake"'),
        ("05", "earlier reports of North Korean soldiers in Russia"),
        ("07", "reports of North Korean troops in Russia as"),
        ("09", "reports of North Korean soldiers as fake"),
    ],
    "Zelensky: up to 10,000": [
        ("02", "up to 10,000 North Korean soldiers were being prepared"),
        ("03", "Kyiv had intelligence that 10,000"),
        ("06", "up to 10,000 North Korean soldiers were being prepared"),
        ("11", "as many as 10,000 North Korean troops could be sent"),
    ],
    "10,000 by December": [
        ("08", "the total to reach 10,000 by December"),
        ("07", "the number could reach 10,000 by December"),
    ],
    "about 3,000 sent": [
        ("08", "at least 3,000 North Korean soldiers had been moved"),
        ("08", "about 3,000 troops had now been sent"),
    ],
    "about 10,000 sent (Pentagon)": [
        ("09", "about 10,000 North Korean soldiers had been sent"),
        ("10", "about 10,000 had been sent to eastern Russia"),
    ],
    "11,000 in Kursk": [
        ("11", "About 11,000 North Korean soldiers are now in Russia's Kursk"),
        ("11", "11,000 North Korean troops had arrived in the Kursk area"),
    ],
    "NATO confirms": [
        ("09", "North Korean troops have been deployed to Russia's Kursk region"),
        ("09", "We can now confirm that North Korean soldiers have been sent"),
    ],
}

SAHEL_GROUPS = {
    "dozens killed": [
        ("01", "its fighters had killed dozens"),
        ("02", "they have killed dozens of Malian soldiers"),
    ],
    "84 Wagner and 47 Malian killed": [
        ("03", "84 Wagner fighters and 47 Malian soldiers had been killed"),
        ("04", "84 Wagner fighters and 47 Malian soldiers had been killed"),
        ("05", "killed 84 Russian mercenaries and 47 Malian soldiers"),
        ("06", "84 Wagner fighters and 47 Malian soldiers were killed"),
    ],
    "Wagner admits heavy losses": [
        ("03", "it suffered heavy losses in fighting with rebels"),
        ("04", "it took heavy losses in a battle"),
    ],
    "column wiped out": [
        ("03", "a column of its fighters and Malian troops"),
        ("04", "a column of its fighters and Malian troops"),
    ],
    "Yusov: rebels got information": [
        ("03", "the rebels had received the necessary information"),
        ("04", "the rebels had received the necessary information"),
        ("07", "the rebels received the information they needed"),
    ],
    "Wagner lost a commander": [
        ("05", "the group lost a commander in the battle"),
        ("07", "a commander had been killed"),
    ],
}
