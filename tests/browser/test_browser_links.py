"""Only absolute http(s) urls become links: a stored url of "//host" or "javascript:" is text."""

import json
import urllib.request

import pytest
from browser_pages import open_page


@pytest.mark.parametrize(
    "url", ["//evil.example/page", "/\\evil.example/page", "javascript:alert(1)"]
)
def test_browser_stored_url_that_is_not_http_is_plain_text(page, server, url):
    body = {"text": f"Officials said the convoy {url[-6:]} had arrived.", "url": url}
    request = urllib.request.Request(
        f"{server}/api/documents",
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        document_id = json.load(response)["document_id"]
    open_page(page, f"/documents/{document_id}")
    hrefs = page.eval_on_selector_all("a", "links => links.map(a => a.href)")
    assert not [h for h in hrefs if "evil.example" in h or h.startswith("javascript:")]
    assert url in page.locator("body").inner_text()


def test_browser_http_url_is_a_link(page, server):
    body = {
        "text": "Officials said the second convoy had arrived.",
        "url": "https://news.example/a",
    }
    request = urllib.request.Request(
        f"{server}/api/documents",
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        document_id = json.load(response)["document_id"]
    open_page(page, f"/documents/{document_id}")
    assert page.locator("a[href='https://news.example/a']").count() == 1
