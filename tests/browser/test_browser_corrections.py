"""The cluster page's correction buttons in real Chromium, on a server of their own (a split
writes to the store and re-resolves it, which the other browser tests must not see)."""

import json
import socket
import threading
import time
import urllib.request

import pytest
from browser_pages import open_page, screenshot


@pytest.fixture(scope="module")
def own_server(pipeline, tmp_path_factory):
    import uvicorn

    from api_fixtures import copy_of_demo
    from claimgraph.api import create_app

    pytest.importorskip("claimgraph.resolve.corrections")
    folder = tmp_path_factory.getbasetemp()
    path = copy_of_demo(pipeline, folder, tmp_path_factory.mktemp("fix") / "fix.db")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive(), "uvicorn stopped"
        assert time.monotonic() < deadline, "uvicorn did not start in time"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.slow
def test_browser_split_a_report_out_of_its_cluster(page, own_server):
    with urllib.request.urlopen(f"{own_server}/api/clusters?limit=1000") as response:
        items = json.load(response)["items"]
    big = next(c for c in items if len(c["members"]) >= 2)
    report = big["members"][-1]["attribution_id"]
    page.on("dialog", lambda dialog: dialog.accept())
    open_page(page, f"{own_server}/clusters/{big['id']}")
    page.click("[data-testid=corrections] summary")
    assert page.locator("[data-testid=merge]").is_enabled()
    screenshot(page, "cluster-corrections")
    page.locator("[data-testid=cluster-members] button:has-text('Split out')").last.click()
    page.wait_for_url(lambda url: big["id"] not in url, timeout=240_000)
    page.wait_for_selector("body[data-ready=true]")
    members = page.locator("[data-testid=cluster-members] tbody tr a[href*='#']")
    assert members.count() == 1
    assert members.first.get_attribute("href").endswith(f"#{report}")
