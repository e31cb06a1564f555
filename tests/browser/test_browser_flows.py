"""What an analyst does: filter the claims, follow one to its evidence, move by keyboard, paste an
article; and a stored article with markup in it shows the markup as text."""

import json
import urllib.request

from browser_pages import open_page, screenshot


def test_browser_filter_then_click_claim_to_article_highlight(page):
    open_page(page, "/claims")
    page.fill("input[name=source]", "NIS")
    page.select_option("select[name=certainty]", "probable")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/claims?*source=NIS*")
    page.wait_for_function(
        "document.querySelector('[data-testid=claims-summary]').textContent.includes('claim(s)')"
    )
    rows = page.locator("[data-testid=claims-table] tbody tr")
    assert rows.count() > 0
    assert set(rows.locator(".certainty .badge").all_inner_texts()) == {"probable"}
    screenshot(page, "claims-filtered")
    link = rows.first.locator("a.evidence")
    claim_id = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_selector(f"[data-testid=claim-panel][data-claim='{claim_id}']")
    selected = page.locator("[data-testid=article-text] .seg.selected")
    assert selected.count() > 0
    assert selected.first.is_visible()
    panel = page.locator("[data-testid=claim-panel]")
    assert "probable" in panel.inner_text()
    screenshot(page, "article-highlight")


def test_browser_claim_panel_lists_other_reports(page):
    open_page(page, "/claims?search=1%2C500+special+forces")
    page.locator("[data-testid=claims-table] a.evidence").first.click()
    page.wait_for_selector("[data-testid=other-reports] li")
    assert page.locator("[data-testid=other-reports] li").count() > 1


def test_browser_sort_claims_by_certainty(page):
    open_page(page, "/claims")
    page.click("th button.sort:has-text('Certainty')")
    page.wait_for_selector("th[aria-sort=ascending] button:has-text('Certainty')")
    first = page.locator("[data-testid=claims-table] tbody tr .certainty .badge").first.inner_text()
    assert first in {"possible", "unknown"}


def test_browser_export_link_carries_the_filter(page):
    open_page(page, "/claims?source=NIS")
    href = page.locator("a:has-text('CSV')").get_attribute("href")
    assert "source=NIS" in href
    assert "format=csv" in href


def test_browser_keyboard_moves_between_claims(page):
    open_page(page, "/documents")
    page.locator("[data-testid=documents] tbody a").first.click()
    page.wait_for_selector("body[data-ready=true]")
    page.keyboard.press("j")
    page.wait_for_selector("[data-testid=claim-panel]")
    first = page.locator("[data-testid=claim-panel]").get_attribute("data-claim")
    page.keyboard.press("j")
    page.wait_for_function(
        f"document.querySelector('[data-testid=claim-panel]').dataset.claim !== '{first}'"
    )
    focused = page.evaluate("document.activeElement.dataset.claim")
    assert focused == page.locator("[data-testid=claim-panel]").get_attribute("data-claim")
    page.keyboard.press("k")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"[data-testid=claim-panel][data-claim='{first}']")


def test_browser_paste_shows_claims_then_saves(page):
    open_page(page, "/paste")
    page.fill(
        "textarea.article-input",
        "Ukraine's military intelligence said on Friday that about 3,000 North Korean soldiers "
        "had reached Kursk, and officials believe the number could reach 10,000.",
    )
    page.fill("input[name=published]", "2024-11-01")
    page.fill("input[name=title]", "Pasted in a browser test")
    page.click("button:has-text('Show claims')")
    page.wait_for_selector("[data-testid=paste-result] [data-testid=article-text] .seg.cue")
    page.locator("[data-testid=paste-result] .claim-list button").first.click()
    page.wait_for_selector("[data-testid=claim-panel]")
    screenshot(page, "paste")
    page.click("button:has-text('Save to the corpus')")
    page.locator("[data-testid=saved-link]").click()
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("#page-title").inner_text() == "Pasted in a browser test"


def test_browser_article_markup_is_shown_as_text(page, server):
    payload = (
        "Officials said <script>window.__pwned = 1</script> the convoy had arrived. "
        '<img src=x onerror="window.__pwned = 2"> <b>bold</b> was never bold.'
    )
    request = urllib.request.Request(
        f"{server}/api/documents",
        data=json.dumps({"text": payload, "html": False, "title": "<i>Markup</i> title"}).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        document_id = json.load(response)["document_id"]
    open_page(page, f"/documents/{document_id}")
    text = page.locator("[data-testid=article-text]")
    assert "<script>window.__pwned = 1</script>" in text.inner_text()
    assert '<img src=x onerror="window.__pwned = 2">' in text.inner_text()
    assert text.locator("script, img, b").count() == 0
    assert page.locator("#page-title").inner_text() == "<i>Markup</i> title"
    assert page.evaluate("window.__pwned") is None
    screenshot(page, "article-markup-as-text")
