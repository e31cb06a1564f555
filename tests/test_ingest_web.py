"""Pages and feeds from the local server become Documents: main text and metadata, no furniture."""

from datetime import UTC, datetime

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest.feeds import is_feed, parse_feed
from claimgraph.ingest.fetch import FetchOptions, fetch
from claimgraph.ingest.sources_in import InputFailure, expand
from claimgraph.ingest.web import read_url, url_document
from claimgraph.ingest.webpage import page_document

pytest_plugins = ["tests.web_server"]

LOCAL = FetchOptions(allow_private=True, backoff=0.01)


def _page(site, path):
    return page_document(fetch(site.url(path), LOCAL))


def test_ingest_web_news_page_drops_comments_and_sidebars(site):
    page = _page(site, "/pages/news.html")
    text = page.document.text
    assert "struck by at least twelve drones" in text
    assert "civilian depot" in text
    for furniture in ("pure fiction", "windows rattled", "rainy weekend", "Subscribe", "Cookie"):
        assert furniture not in text


def test_ingest_web_news_page_metadata(site):
    page = _page(site, "/pages/news.html")
    document = page.document
    assert document.title == "Drone strikes hit fuel depot near Kherson, officials say"
    assert document.outlet == "The Harbour Ledger"
    assert page.author == "Mira Castellane"
    assert document.published is not None
    assert document.published.date().isoformat() == "2024-11-02"
    canonical = "https://harbour-ledger.example/world/2024/11/02/drone-strikes-fuel-depot"
    assert (page.canonical_url, document.url) == (canonical, canonical)
    assert page.fetched_url == site.url("/pages/news.html")


def test_ingest_web_amp_page(site):
    page = _page(site, "/pages/amp.html")
    assert "crew of nine" in page.document.text
    assert "a fabrication" in page.document.text
    assert page.document.url == "https://coastline-wire.example/news/navy-patrol-boat-seized"
    assert page.document.published.date().isoformat() == "2024-09-14"
    assert page.document.outlet == "Coastline Wire"


def test_ingest_web_date_only_in_meta_tags(site):
    page = _page(site, "/pages/meta-date.html")
    assert "differed by more than 400 names" in page.document.text
    assert page.document.published.date().isoformat() == "2024-10-18"
    assert page.document.outlet == "Meridian Daily"
    assert page.document.url == site.url("/pages/meta-date.html")  # no canonical link


@pytest.mark.parametrize("query", ["", "?undeclared"])
def test_ingest_web_windows_1252_page(site, query):
    """Declared in the header, or not declared at all: the curly quotes and accents survive."""
    page = _page(site, f"/pages/latin.html{query}")
    text = page.document.text
    assert "“about 600 soldiers”" in text
    assert "Dembélé" in text
    assert "\ufffd" not in text


def test_ingest_web_page_without_article_is_refused(site):
    with pytest.raises(InputError) as caught:
        page_document(fetch(site.url("/big"), LOCAL))
    assert caught.value.code == "CG148"


def test_ingest_web_rss_feed_items(site):
    fetched = fetch(site.url("/feeds/rss.xml"), LOCAL)
    assert is_feed(fetched.body)
    feed = parse_feed(fetched.body, fetched.url)
    assert feed.title == "The Harbour Ledger: World"
    assert [item.key for item in feed.items] == [
        "ledger-2024-11-02-depot",
        "ledger-2024-10-18-talks",
        "ledger-removed",
    ]
    assert feed.items[0].url == site.url("/pages/news.html")
    assert feed.items[0].published == datetime(2024, 11, 2, 9, 15, tzinfo=UTC)


def test_ingest_web_atom_feed_relative_links(site):
    fetched = fetch(site.url("/feeds/atom.xml"), LOCAL)
    feed = parse_feed(fetched.body, fetched.url)
    assert [item.url for item in feed.items] == [
        site.url("/pages/amp.html"),
        site.url("/pages/latin.html"),
    ]


def test_ingest_web_feed_url_gives_each_item_page(site):
    outcomes = list(read_url(site.url("/feeds/rss.xml"), LOCAL))
    keys = [key for key, _ in outcomes]
    assert keys == ["ledger-2024-11-02-depot", "ledger-2024-10-18-talks", "ledger-removed"]
    first, second, dead = (outcome for _, outcome in outcomes)
    assert "twelve drones" in first.text
    assert second.published.date().isoformat() == "2024-10-18"  # the page's own date wins
    assert isinstance(dead, InputFailure)
    assert dead.error.code == "CG144"


def test_ingest_web_skip_leaves_out_seen_items(site):
    seen = {"ledger-2024-11-02-depot", "ledger-removed"}
    outcomes = list(read_url(site.url("/feeds/rss.xml"), LOCAL, skip=seen.__contains__))
    assert [key for key, _ in outcomes] == ["ledger-2024-10-18-talks"]
    assert "/pages/news.html" not in [path for path, _ in site.requests]


def test_ingest_web_not_a_feed():
    with pytest.raises(InputError) as caught:
        parse_feed(b"just some words, not xml at all", "http://example.org/x")
    assert caught.value.code == "CG150"


def test_ingest_web_url_document_refuses_feeds(site):
    assert "crew of nine" in url_document(site.url("/pages/amp.html"), LOCAL).text
    with pytest.raises(InputError) as caught:
        url_document(site.url("/feeds/atom.xml"), LOCAL)
    assert caught.value.code == "CG152"


def test_ingest_web_expand_mixes_urls_and_refusals(site):
    """Without allow_private the local server is refused, as a failure in the stream."""
    [refused] = list(expand([site.url("/pages/news.html")]))
    assert isinstance(refused, InputFailure)
    assert refused.error.code == "CG141"
    [document] = list(expand([site.url("/pages/news.html")], fetch=LOCAL))
    assert "twelve drones" in document.text
