"""Refuse URLs that point inside the machine or its network (SSRF guard), hop by hop.

A URL given to `ingest` or `POST /api/documents` is fetched by the server, so without this check a
user could make claimgraph read the cloud metadata service (169.254.169.254) or an internal admin
page. The host is resolved here and every address it resolves to must be public; the fetcher then
connects to the address checked here, so a name cannot resolve to a public address for the check
and to a private one for the connection (DNS rebinding).

Needs: a URL and a resolver (the system's by default; tests inject their own).
Returns: the addresses the fetcher may connect to, or raises InputError CG141.
"""

import ipaddress
import socket
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from claimgraph.errors import FetchError, InputError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

# Cloud metadata endpoints that are not covered by the link-local or private ranges.
_METADATA = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack (also link-local)
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6 (also private, listed for clarity)
}
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: not reachable publicly


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the operating system resolves the host to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            f"cannot resolve the host {host!r}: {error}",
            hint="check the URL; claimgraph needs DNS to fetch pages",
            code="CG142",
        ) from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def refusal(address: Address) -> str | None:
    """Why this address may not be fetched, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return refusal(mapped)
    if address in _METADATA:
        return "a cloud metadata address"
    checks = (
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_unspecified, "the unspecified address"),
        (address.is_multicast, "a multicast address"),
        (address.is_reserved, "a reserved address"),
        (address.version == 4 and address in _SHARED, "a shared (carrier NAT) address"),
        (address.is_private, "a private address"),
        (not address.is_global, "not a public address"),
    )
    return next((why for refused, why in checks if refused), None)


def url_parts(url: str) -> tuple[str, str, int]:
    """Scheme, host and port of an http(s) URL; anything else is refused (CG140)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise InputError(f"not a valid URL {url!r}: {error}", code="CG140") from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"} or not parts.hostname:
        raise InputError(
            f"cannot fetch {url!r}: only http and https URLs are fetched",
            hint="give a URL such as https://example.org/article",
            code="CG140",
        )
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


def checked_addresses(
    url: str,
    *,
    allow_private: bool = False,
    allow_hosts: frozenset[str] = frozenset(),
    resolver: Resolver = system_resolver,
) -> list[str]:
    """The addresses of the URL's host, all of them public (or allowed).

    Args:
        allow_private: fetch private, loopback and link-local addresses too (a local test
            server, an intranet mirror); cloud metadata addresses stay refused unless this is set.
        allow_hosts: host names (or "host:port") trusted although they resolve privately.

    Raises:
        InputError: CG140 for a URL that is not http(s), CG141 for a refused address.
        FetchError: CG142 when the name does not resolve.
    """
    _, host, port = url_parts(url)
    addresses = [str(a) for a in resolver(host, port)]
    if not addresses:
        raise FetchError(f"the host {host!r} resolves to no address", code="CG142")
    if allow_private or host in allow_hosts or f"{host}:{port}" in allow_hosts:
        return addresses
    for text in addresses:
        why = refusal(ipaddress.ip_address(text.split("%")[0]))
        if why is not None:
            raise InputError(
                f"refused to fetch {url!r}: {host} resolves to {text}, {why}",
                hint="claimgraph only fetches public addresses; pass --allow-private to fetch "
                "from your own network",
                code="CG141",
            )
    return addresses
