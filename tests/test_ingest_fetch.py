"""Fetching from a real local server: redirects checked hop by hop, caps, retries, SSRF guard."""

import ipaddress

import pytest

from claimgraph.errors import FetchError, InputError
from claimgraph.ingest.fetch import FetchOptions, fetch
from claimgraph.ingest.ssrf import checked_addresses, refusal, system_resolver

pytest_plugins = ["tests.web_server"]

LOCAL = FetchOptions(allow_private=True, backoff=0.01)


def test_ingest_fetch_page_with_user_agent(site):
    fetched = fetch(site.url("/pages/news.html"), LOCAL)
    assert fetched.status == 200
    assert fetched.content_type == "text/html"
    assert b"Drone strikes" in fetched.body
    [(_, agent)] = site.requests
    assert agent.startswith("claimgraph/")


def test_ingest_fetch_follows_redirects(site):
    fetched = fetch(site.url("/redirect?to=/pages/amp.html"), LOCAL)
    assert fetched.url == site.url("/pages/amp.html")
    assert [path for path, _ in site.requests] == [
        "/redirect?to=/pages/amp.html",
        "/pages/amp.html",
    ]


def test_ingest_fetch_stops_redirect_loops(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/loop"), LOCAL)
    assert caught.value.code == "CG145"
    assert len(site.requests) == LOCAL.max_redirects + 1


@pytest.mark.parametrize(
    ("path", "options", "code"),
    [
        ("/big", FetchOptions(allow_private=True, max_bytes=10_000), "CG146"),
        ("/file.pdf", LOCAL, "CG147"),
        ("/missing", LOCAL, "CG144"),
    ],
)
def test_ingest_fetch_refuses_bad_answers(site, path, options, code):
    with pytest.raises(FetchError) as caught:
        fetch(site.url(path), options)
    assert caught.value.code == code


def test_ingest_fetch_retries_transient_errors(site):
    fetched = fetch(site.url("/flaky"), LOCAL)
    assert fetched.status == 200
    assert [path for path, _ in site.requests] == ["/flaky"] * 3


def test_ingest_fetch_gives_up_after_retries(site):
    site.flaky_left = 10
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/flaky"), FetchOptions(allow_private=True, retries=1, backoff=0.01))
    assert (caught.value.code, "503" in caught.value.message) == ("CG144", True)
    assert len(site.requests) == 2


def test_ingest_fetch_network_failure_is_coded():
    """A port nobody listens on: connection refused on every attempt."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = FetchOptions(allow_private=True, retries=1, backoff=0.01)
    with pytest.raises(FetchError) as caught:
        fetch(f"http://127.0.0.1:{port}/", options)
    assert caught.value.code == "CG143"


def test_ingest_fetch_refuses_loopback_without_allow_private(site):
    with pytest.raises(InputError) as caught:
        fetch(site.url("/pages/news.html"))
    assert caught.value.code == "CG141"
    assert site.requests == []  # refused before any connection


def _outlet_resolver(host: str, port: int) -> list[str]:
    """outlet.test is the local server; metadata.test the cloud metadata service."""
    names = {"outlet.test": ["127.0.0.1"], "metadata.test": ["169.254.169.254"]}
    return names.get(host) or system_resolver(host, port)


def test_ingest_fetch_checks_every_redirect_hop(site):
    """The first hop is a trusted host; its redirect to 127.0.0.1 is refused."""
    port = site.base.rsplit(":", 1)[1]
    trusted = FetchOptions(allow_hosts=frozenset({"outlet.test"}), resolver=_outlet_resolver)
    target = site.url("/pages/news.html")
    first = f"http://outlet.test:{port}/redirect?to={target}"
    assert b"Drone" in fetch(f"http://outlet.test:{port}/pages/news.html", trusted).body
    with pytest.raises(InputError) as caught:
        fetch(first, trusted)
    assert caught.value.code == "CG141"
    assert "127.0.0.1" in caught.value.message
    assert [path for path, _ in site.requests][-1].startswith("/redirect")


def test_ingest_fetch_refuses_name_resolving_to_metadata():
    def resolver(host: str, port: int) -> list[str]:
        return {"metadata.test": ["169.254.169.254"], "news.test": ["93.184.215.14"]}[host]

    with pytest.raises(InputError) as caught:
        fetch("http://metadata.test/latest/meta-data/", FetchOptions(resolver=resolver))
    assert caught.value.code == "CG141"
    assert "metadata" in caught.value.message
    assert checked_addresses("http://news.test/a", resolver=resolver) == ["93.184.215.14"]


def test_ingest_fetch_redirect_to_metadata_name_refused(site):
    """A local page (allowed by name) that redirects to a name resolving to the metadata service."""
    port = site.base.rsplit(":", 1)[1]
    options = FetchOptions(allow_hosts=frozenset({"outlet.test"}), resolver=_outlet_resolver)
    with pytest.raises(InputError) as caught:
        fetch(f"http://outlet.test:{port}/redirect?to=http://metadata.test/", options)
    assert caught.value.code == "CG141"
    assert "169.254.169.254" in caught.value.message


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "100.100.100.200",
        "100.64.1.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::5",
        "fd00:ec2::254",
        "::",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "2002:7f00:1::",  # 6to4 around 127.0.0.1
    ],
)
def test_ingest_ssrf_refuses_internal_addresses(address):
    assert refusal(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_ingest_ssrf_allows_public_addresses(address):
    assert refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/a", "http://", "gopher://x"]
)
def test_ingest_ssrf_refuses_other_schemes(url):
    with pytest.raises(InputError) as caught:
        checked_addresses(url)
    assert caught.value.code == "CG140"


def test_ingest_fetch_tries_each_address(site):
    """A name resolving first to an address nobody listens on, then to the server."""
    port = site.base.rsplit(":", 1)[1]

    def resolver(host: str, p: int) -> list[str]:
        return ["::1", "127.0.0.1"] if host == "outlet.test" else system_resolver(host, p)

    options = FetchOptions(allow_private=True, resolver=resolver, retries=0)
    fetched = fetch(f"http://outlet.test:{port}/pages/amp.html", options)
    assert b"crew of nine" in fetched.body
