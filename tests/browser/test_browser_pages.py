"""Every page in real Chromium: it draws without console errors, its main parts are there, and a
screenshot of it lands in test-output/screenshots/."""

import pytest
from browser_pages import open_page, screenshot

PAGES = [
    ("overview", "/", "[data-testid=counts] .stat"),
    ("claims", "/claims", "[data-testid=claims-table] tbody tr"),
    ("articles", "/documents", "[data-testid=documents] tbody tr"),
    ("sources", "/sources", "[data-testid=sources-table] tbody tr"),
    ("source", "/sources/kr-nis", "[data-testid=aliases] .chip"),
    ("estimates", "/estimates", "[data-testid=estimate-chart] .estimate-point"),
    ("map", "/map", "[data-testid=map] circle.place"),
    ("paste", "/paste", "textarea.article-input"),
]


@pytest.mark.parametrize(("name", "path", "selector"), PAGES, ids=[p[0] for p in PAGES])
def test_browser_page_renders(page, name, path, selector):
    open_page(page, path)
    assert page.locator(selector).count() > 0
    assert page.locator(".error-box").count() == 0
    screenshot(page, name)


def test_browser_overview_shows_timeline_top_claims_contradictions(page):
    open_page(page, "/")
    assert page.locator("[data-testid=day-chart] rect.bar").count() > 3
    assert page.locator("[data-testid=top-claims] li").count() > 0
    assert page.locator("[data-testid=contradictions] li").count() > 0


def test_browser_article_view(page):
    open_page(page, "/documents")
    page.locator("[data-testid=documents] tbody a").first.click()
    page.wait_for_selector("body[data-ready=true]")
    text = page.locator("[data-testid=article-text]")
    for role in ("source", "cue", "content"):
        assert text.locator(f".seg.{role}").count() > 0
    colours = {
        role: text.locator(f".seg.{role}").first.evaluate(
            "el => getComputedStyle(el).backgroundColor"
        )
        for role in ("source", "cue", "content")
    }
    assert len(set(colours.values())) == 3, colours
    screenshot(page, "article")


def test_browser_source_page_shows_grade_and_claims_over_time(page):
    open_page(page, "/sources/kr-nis")
    badge = page.locator("[data-testid=grade] .badge.grade").inner_text()
    assert badge in [*"ABCDE", "unrated"]
    assert page.locator("[data-testid=day-chart] rect.bar").count() > 0
    assert page.locator("[data-testid=source-claims] tbody tr").count() > 5


def test_browser_estimates_chart_has_ranges_sources_and_modalities(page):
    open_page(page, "/estimates")
    chart = page.locator("[data-testid=estimate-series]").first
    assert chart.locator(".estimate-point").count() >= 5
    assert chart.locator("[data-band]").count() > 0
    modalities = chart.locator(".estimate-point").evaluate_all(
        "els => [...new Set(els.map(el => el.dataset.modality))]"
    )
    assert len(modalities) >= 2
    colours = chart.locator(".estimate-point").evaluate_all(
        "els => [...new Set(els.map(el => el.getAttribute('fill')))]"
    )
    assert len(colours) >= 2


def test_browser_map_draws_countries_and_links_places(page):
    open_page(page, "/map")
    assert page.locator("[data-testid=map] path.country").count() > 150
    place = page.locator('[data-testid=map] circle[data-place="Kursk"]')
    assert place.count() == 1
    page.locator('[data-testid=map] a:has(circle[data-place="Kursk"])').click()
    page.wait_for_url("**/claims?place=Kursk")
    page.wait_for_selector("[data-testid=claims-table] tbody tr")
    assert "Kursk" in page.locator("[data-testid=claims-table] tbody").inner_text()
