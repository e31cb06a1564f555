"""Helpers for the browser tests: open a page and wait for it, save a screenshot."""

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def open_page(page, path: str) -> None:
    """Go to a page and wait until its module has drawn it (body[data-ready])."""
    page.goto(path)
    page.wait_for_selector("body[data-ready=true]")


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
