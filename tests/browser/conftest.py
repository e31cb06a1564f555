"""Browser-test fixtures: the app on a real uvicorn server, and Debian's Chromium driven by Playwright.

The server runs in a thread on a free port of 127.0.0.1 over a copy of the demo database (the paste
test stores a document). Every page records console errors and uncaught exceptions; a test fails if
any appear. Screenshots go to test-output/screenshots/ (gitignored).
"""

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: run scripts/setup-browser")
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def server(pipeline, tmp_path_factory) -> Iterator[str]:
    """Base URL of the app served by uvicorn over a copy of the demo corpus."""
    import uvicorn

    from api_fixtures import copy_of_demo
    from claimgraph.api import create_app

    folder = tmp_path_factory.getbasetemp()
    path = copy_of_demo(pipeline, folder, tmp_path_factory.mktemp("browser") / "browser.db")
    port = _free_port()
    config = uvicorn.Config(
        create_app(str(path)), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


class Console:
    """Console errors and uncaught page exceptions seen by one page."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def message(self, message) -> None:  # type: ignore[no-untyped-def]
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def exception(self, error) -> None:  # type: ignore[no-untyped-def]
        self.errors.append(f"page error: {error}")


@pytest.fixture
def console() -> Console:
    return Console()


@pytest.fixture
def page(browser, server, console):
    # bypass_csp: the pages' Content-Security-Policy would also block Playwright's own
    # wait_for_function; and without it the markup test proves the DOM code alone keeps
    # article text inert, not the CSP.
    context = browser.new_context(
        viewport={"width": 1366, "height": 860}, base_url=server, bypass_csp=True
    )
    opened = context.new_page()
    opened.on("console", console.message)
    opened.on("pageerror", console.exception)
    opened.set_default_timeout(15_000)
    yield opened
    context.close()
    assert console.errors == [], console.errors
