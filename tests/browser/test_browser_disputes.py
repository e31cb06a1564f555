"""What an analyst briefs from: the contradictions page (both sides named, each opening its claim),
the clusters page, and "Disputed by" wherever a claim is read (cluster page, article panel, claims
table). Screenshots land in test-output/screenshots/."""

import json
import urllib.parse
import urllib.request

import pytest
from browser_pages import open_page, screenshot


def _get(server: str, path: str):
    with urllib.request.urlopen(f"{server}{path}") as response:
        return json.load(response)


@pytest.fixture(scope="module")
def disputed(server):
    """A contradiction from the API (the most recent), or a skip when resolve found none."""
    try:
        found = _get(server, "/api/contradictions")
    except urllib.error.HTTPError as error:
        pytest.skip(f"cross-document stage not available ({error.code})")
    if not found:
        pytest.skip("resolve found no contradiction in the demo corpus")
    return found[0]


def test_browser_contradictions_page_names_both_sides(page, disputed):
    open_page(page, "/contradictions")
    rows = page.locator("[data-testid=contradictions-table] tbody tr")
    assert rows.count() > 0
    for index in range(min(rows.count(), 8)):
        sides = rows.nth(index).locator("td.side")
        assert sides.count() == 2
        for side in range(2):
            who = sides.nth(side).locator(".who").inner_text().strip()
            assert who, index
            assert not who.startswith("c_"), who
            assert sides.nth(side).locator("a.open-claim").count() == 1
    screenshot(page, "contradictions")
    first = rows.first.locator("td.side").nth(1).locator("a.open-claim")
    label = first.get_attribute("title")
    first.click()
    page.wait_for_selector("body[data-ready=true]")
    assert page.url.split("/clusters/")[1]
    assert page.locator("[data-testid=cluster-members] tbody tr").count() > 0
    assert label


def test_browser_contradictions_page_gathers_figure_disputes_by_topic(page, server, disputed):
    expected = _get(server, "/api/disputed-figures")
    if not expected:
        pytest.skip("resolve found no figure dispute in the demo corpus")
    open_page(page, "/contradictions")
    cards = page.locator("[data-testid=figure-disputes] [data-testid=figure-dispute]")
    assert cards.count() == len(expected)
    first = cards.first
    assert expected[0]["topic"] in first.locator(".topic").inner_text()
    positions = first.locator("[data-testid=position]")
    assert positions.count() == len(expected[0]["positions"]) >= 2
    assert positions.first.locator(".figure").inner_text() == ", ".join(
        expected[0]["positions"][0]["figures"]
    )
    screenshot(page, "contradictions-by-topic")
    open_page(page, "/contradictions?kind=denial")
    assert page.locator("[data-testid=figure-disputes]").count() == 0


@pytest.mark.parametrize("kind", ["denial", "figures"])
def test_browser_contradictions_filter_by_kind(page, server, disputed, kind):
    expected = len(_get(server, f"/api/contradictions?kind={kind}"))
    open_page(page, "/contradictions")
    page.select_option("select[name=kind]", kind)
    page.wait_for_url(f"**/contradictions?kind={kind}")
    page.wait_for_selector("body[data-ready=true]")
    rows = page.locator("[data-testid=contradictions-table] tbody tr")
    assert rows.count() == expected
    kinds = rows.evaluate_all("els => [...new Set(els.map(el => el.dataset.kind))]")
    assert kinds in ([kind], [])
    screenshot(page, f"contradictions-{kind}")


def test_browser_clusters_page_filters_and_marks_polarity(page, server):
    open_page(page, "/clusters")
    rows = page.locator("[data-testid=clusters-table] tbody tr")
    assert rows.count() > 0
    assert rows.first.locator(".badge.polarity").count() == 1
    assert rows.first.locator(".credibility").inner_text()[0] in "123456"
    screenshot(page, "clusters")
    everything = _get(server, "/api/clusters?limit=1000")["items"]
    denied = sum(c["polarity"] == "deny" for c in everything)
    page.select_option("select[name=polarity]", "deny")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/clusters?*polarity=deny*")
    page.wait_for_selector("body[data-ready=true]")
    shown = page.locator("[data-testid=clusters-table] tbody tr")
    assert shown.count() == min(denied, 1000)
    if denied:
        polarities = shown.evaluate_all("els => [...new Set(els.map(el => el.dataset.polarity))]")
        assert polarities == ["deny"]
        assert shown.first.locator(".badge.polarity.deny").inner_text() == "denied"
        screenshot(page, "clusters-denied")


def test_browser_clusters_search(page):
    open_page(page, "/clusters?search=troops")
    rows = page.locator("[data-testid=clusters-table] tbody tr")
    assert rows.count() > 0
    summary = page.locator("[data-testid=clusters-summary]").inner_text()
    assert "claim(s)" in summary


def test_browser_cluster_page_says_who_disputes_it(page, disputed):
    open_page(page, f"/clusters/{urllib.parse.quote(disputed['claim'])}")
    name = disputed["by_side"]["source_name"]
    lines = page.locator("[data-testid=disputes] .disputed-by li")
    line = lines.filter(has=page.locator(f"a[href='/clusters/{disputed['by']}']")).first
    assert name in line.text_content()
    assert disputed["kind"] in line.text_content()
    assert "c_" not in line.locator("a").first.text_content()
    credibility = page.locator("[data-testid=credibility]").inner_text()
    assert any(
        word in credibility for word in ("confirmed", "true", "doubtful", "improbable", "judged")
    )
    screenshot(page, "cluster-disputed")
    page.locator("details.more-disputes").evaluate_all("els => els.forEach(e => e.open = true)")
    line.locator("a.dispute-claim").click()
    page.wait_for_selector("body[data-ready=true]")
    assert page.url.endswith(f"/clusters/{disputed['by']}")


def test_browser_article_panel_says_who_disputes_the_claim(page, disputed):
    side = disputed["claim_side"]
    if not side["document_id"]:
        pytest.skip("the disputed claim has no stored report")
    open_page(page, f"/documents/{side['document_id']}#{side['attribution_id']}")
    panel = page.locator(f"[data-testid=claim-panel][data-claim='{side['attribution_id']}']")
    panel.wait_for()
    panel.locator("[data-testid=disputes]").wait_for()
    text = panel.locator("[data-testid=disputes]").text_content()
    assert "Disputed by" in text
    assert disputed["by_side"]["source_name"] in text
    assert panel.locator(".badge.polarity").count() >= 1
    screenshot(page, "article-disputed")


def test_browser_claims_table_says_who_disputes_the_claim(page, disputed):
    side = disputed["claim_side"]
    if not side["document_id"]:
        pytest.skip("the disputed claim has no stored report")
    open_page(page, f"/claims?document={urllib.parse.quote(side['document_id'])}")
    row = page.locator(f"[data-testid=claims-table] tr[data-claim='{side['attribution_id']}']")
    row.locator("[data-testid=disputes]").wait_for()
    names = row.locator("[data-testid=disputes]").text_content()
    assert disputed["by_side"]["source_name"] in names
    assert row.locator(".badge.polarity").count() == 1
    screenshot(page, "claims-disputed")


def test_browser_overview_marks_denials_and_links_pages(page, server):
    open_page(page, "/")
    top = page.locator("[data-testid=top-claims] li")
    assert top.count() > 0
    overview = _get(server, "/api/overview")
    marked = [c for c in overview["top_clusters"] if c["polarity"] != "assert"]
    assert page.locator("[data-testid=top-claims] li.not-asserted").count() == len(marked)
    assert page.locator("a[href='/contradictions']").count() >= 1
    assert page.locator("a[href='/clusters']").count() >= 1
    screenshot(page, "overview-ranked")


def test_browser_estimates_lines_links_and_folds(page, server):
    series = _get(server, "/api/estimates")
    open_page(page, "/estimates")
    assert page.locator("details.folded-chart").count() == max(0, len(series) - 3)
    first = page.locator("[data-testid=estimate-series]").first
    links = first.locator("a.point-link")
    assert links.count() > 0
    assert links.first.get_attribute("href").startswith("/clusters/c_")
    lines = [(p["source"], p["modality"] == "projected") for s in series[:3] for p in s["points"]]
    if len(set(lines)) < len(lines):  # some source has two figures of one kind: a line joins them
        assert page.locator("[data-testid=estimate-chart] path.source-line").count() > 0
    screenshot(page, "estimates-lines")
    links.first.click()
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("[data-testid=cluster-members] tbody tr").count() > 0
