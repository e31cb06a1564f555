"""Fetch one web page or feed over HTTP(S), carefully: checked hops, caps, retries.

Redirects are followed here, not by httpx, so that every hop goes through the SSRF guard
(`ssrf.py`) before a connection is made. Bodies are read in chunks and cut off at a size cap; only
HTML, XML and feed content types are accepted; connection failures, timeouts, 429 and 5xx answers are
retried with exponential backoff.

Needs: a URL, FetchOptions.  Returns: a `Fetched` (final URL, content type, charset, bytes).
"""

import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from claimgraph.errors import FetchError, MissingExtra
from claimgraph.ingest.ssrf import Resolver, checked_addresses, system_resolver, url_parts

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)
TEXT_TYPES = ("text/plain",)
_RETRY_STATUS = {429, 500, 502, 503, 504}
_REDIRECT_STATUS = {301, 302, 303, 307, 308}


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("claimgraph")
    except PackageNotFoundError:  # run from a source tree that was never installed
        installed = "dev"
    return f"claimgraph/{installed} (news claims analysis; python-httpx)"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How far a fetch may go: the defaults suit news pages on the public web."""

    timeout: float = 20.0  # seconds per connect/read/write
    max_bytes: int = 5_000_000  # the same cap as a file (ingest.text.MAX_BYTES)
    max_redirects: int = 5
    retries: int = 2  # extra attempts after a transient failure
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()
    accept: tuple[str, ...] = HTML_TYPES + FEED_TYPES + TEXT_TYPES
    resolver: Resolver = field(default=system_resolver, compare=False)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    requested: str  # what was asked for
    status: int
    content_type: str  # lower case, without parameters
    charset: str | None  # from the Content-Type header
    body: bytes

    @property
    def is_feed(self) -> bool:
        return self.content_type in FEED_TYPES


def fetch(url: str, options: FetchOptions | None = None, client: Any = None) -> Fetched:
    """GET the URL, following at most `max_redirects` checked redirects.

    Args:
        client: an `httpx.Client` to reuse (connection pooling in a batch); one is made if None.

    Raises:
        InputError: CG140 not an http(s) URL, CG141 an address the SSRF guard refuses.
        FetchError: CG142 unresolvable host, CG143 network failure after retries, CG144 an HTTP
            error status, CG145 too many redirects, CG146 body over the size cap, CG147 a
            content type that is not a page or a feed.
    """
    options = options or FetchOptions()
    own = client is None
    if client is None:
        client = new_client(options)
    try:
        current = url
        for _hop in range(options.max_redirects + 1):
            status, headers, body = _with_retries(client, current, options)
            if status in _REDIRECT_STATUS and headers.get("location"):
                current = urljoin(current, headers["location"])
                continue
            if status >= 400:
                raise FetchError(
                    f"{current} answered HTTP {status}",
                    hint="check the URL in a browser; the page may be gone or need a login",
                    code="CG144",
                )
            content_type, charset = _content_type(headers.get("content-type", ""))
            if content_type and content_type not in options.accept:
                raise FetchError(
                    f"{current} is {content_type}, not a web page or a feed",
                    hint="claimgraph reads HTML pages, RSS/Atom feeds and plain text",
                    code="CG147",
                )
            return Fetched(current, url, status, content_type, charset, body)
        raise FetchError(
            f"{url} redirected more than {options.max_redirects} times",
            hint="open it in a browser to see where it leads, and give that URL",
            code="CG145",
        )
    finally:
        if own:
            client.close()


def new_client(options: FetchOptions) -> Any:
    """An httpx client for many fetches (pooled connections); redirects are left to `fetch`."""
    return _httpx().Client(
        timeout=options.timeout, follow_redirects=False, headers={"User-Agent": user_agent()}
    )


def _with_retries(client: Any, url: str, options: FetchOptions) -> tuple[int, Any, bytes]:
    httpx = _httpx()
    last: str = ""
    for attempt in range(options.retries + 1):
        if attempt:
            time.sleep(options.backoff * 2 ** (attempt - 1))
        try:
            status, headers, body = _get_once(client, url, options)
        except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as error:
            last = f"{error.__class__.__name__}: {error}"
            continue
        if status in _RETRY_STATUS and attempt < options.retries:
            last = f"HTTP {status}"
            continue
        return status, headers, body
    raise FetchError(
        f"cannot fetch {url} after {options.retries + 1} attempt(s): {last}",
        hint="check the network and the URL, or try again later",
        code="CG143",
    )


def _get_once(client: Any, url: str, options: FetchOptions) -> tuple[int, Any, bytes]:
    """One GET, connected to an address the SSRF guard checked, read up to the size cap."""
    addresses = checked_addresses(
        url,
        allow_private=options.allow_private,
        allow_hosts=options.allow_hosts,
        resolver=options.resolver,
    )
    httpx = _httpx()
    for number, address in enumerate(addresses):
        try:
            return _read(client, url, address, options)
        except httpx.ConnectError:
            # "localhost" often resolves to ::1 first while a server listens on 127.0.0.1 only.
            if number == len(addresses) - 1:
                raise
    raise AssertionError("unreachable: checked_addresses never returns an empty list")


def _read(client: Any, url: str, address: str, options: FetchOptions) -> tuple[int, Any, bytes]:
    request_url, headers, extensions = _pinned(url, address)
    with client.stream("GET", request_url, headers=headers, extensions=extensions) as response:
        size = int(response.headers.get("content-length") or 0)
        if size > options.max_bytes:
            raise _too_big(url, options)
        chunks: list[bytes] = []
        read = 0
        for chunk in response.iter_bytes():
            read += len(chunk)
            if read > options.max_bytes:
                raise _too_big(url, options)
            chunks.append(chunk)
        return response.status_code, response.headers, b"".join(chunks)


def _pinned(url: str, address: str) -> tuple[Any, dict[str, str], dict[str, str]]:
    """The request aimed at the checked address, with the name kept for Host and TLS (SNI)."""
    httpx = _httpx()
    scheme, host, port = url_parts(url)
    target = httpx.URL(url)
    default = port == (443 if scheme == "https" else 80)
    name = f"[{host}]" if ":" in host else host  # an IPv6 literal keeps its brackets
    headers = {"Host": name if default else f"{name}:{port}"}
    extensions = {"sni_hostname": host} if scheme == "https" else {}
    return target.copy_with(host=address), headers, extensions


def _too_big(url: str, options: FetchOptions) -> FetchError:
    return FetchError(
        f"{url} is larger than the {options.max_bytes:,}-byte limit for one page",
        hint="save the article's text to a file and ingest that",
        code="CG146",
    )


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip("\"'").lower()
    return kind.strip().lower(), charset


def _httpx() -> Any:
    try:
        import httpx
    except ImportError:
        raise MissingExtra(
            "fetching URLs needs httpx", hint="pip install 'claimgraph[fetch]'"
        ) from None
    return httpx
