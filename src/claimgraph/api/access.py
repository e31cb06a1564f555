"""Who may use the server: the Host header it answers to, a token for writes, read-only mode.

Why: a web page the analyst visits can reach a loopback server by DNS rebinding (its own name
resolving to 127.0.0.1), so every request's Host must be a name the server is bound to. On any
interface but loopback the network can reach it directly, so writes need a token, which comes
from the environment or a file and never has a default: serving on 0.0.0.0 without one refuses
to start. `--read-only` turns every write off, for publishing a store.
"""

import hmac
import ipaddress
import os
import socket
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.api.errors import envelope
from claimgraph.errors import ClaimgraphError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_VARIABLE = "CLAIMGRAPH_TOKEN"
TOKEN_FILE_VARIABLE = "CLAIMGRAPH_TOKEN_FILE"
SHORTEST_TOKEN = 16
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})
# Not writes: analysing pasted text stores nothing.
UNGUARDED_POSTS = frozenset({"/api/extract"})


class AccessError(ClaimgraphError):
    code = "CG600"
    status = 403


@dataclass(frozen=True, slots=True)
class Access:
    """What the server allows. `hosts` None: no Host check (the app runs in-process)."""

    hosts: frozenset[str] | None = None
    token: str | None = None
    read_only: bool = False


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def access_for_serving(
    host: str,
    *,
    token_file: Path | None = None,
    read_only: bool = False,
    extra_hosts: Iterable[str] = (),
) -> Access:
    """The access rules of `claimgraph serve --host HOST`.

    Raises:
        AccessError: HOST is not loopback and no token is set (CG600), or the token is unusable.
    """
    token = _token(token_file)
    if not is_loopback(host) and token is None and not read_only:
        raise AccessError(
            f"serving on {host} would let anyone on the network write to the store, and no "
            "token is set",
            hint=f"set {TOKEN_VARIABLE} (at least {SHORTEST_TOKEN} characters) or "
            f"--token-file FILE, or serve with --read-only",
            code="CG600",
        )
    return Access(hosts=bound_names(host, extra_hosts), token=token, read_only=read_only)


def bound_names(host: str, extra_hosts: Iterable[str] = ()) -> frozenset[str]:
    """Names a browser may send as Host: loopback always, the bound address, and for a
    wildcard bind this machine's names and addresses."""
    names = set(LOOPBACK_NAMES) | {host.lower().strip("[]")}
    names |= {name.lower().strip("[]") for name in extra_hosts if name}
    if host in WILDCARDS:
        for name in {socket.gethostname(), socket.getfqdn()}:
            names.add(name.lower())
            try:
                names |= {str(info[4][0]) for info in socket.getaddrinfo(name, None)}
            except OSError:
                pass
    names.discard("")
    return frozenset(names)


def _token(token_file: Path | None) -> str | None:
    path = token_file or (Path(p) if (p := os.environ.get(TOKEN_FILE_VARIABLE)) else None)
    if path is not None:
        try:
            token = path.read_text("utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise AccessError(
                f"cannot read the token file {str(path)!r}: {error.__class__.__name__}",
                hint="give a readable UTF-8 file holding the token on one line",
                code="CG601",
            ) from None
    else:
        token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if not token:
        return None
    if len(token) < SHORTEST_TOKEN:
        raise AccessError(
            f"the token has {len(token)} characters; at least {SHORTEST_TOKEN} are needed",
            hint="e.g. python -c 'import secrets; print(secrets.token_urlsafe(24))'",
            code="CG601",
        )
    return token


def host_of(header: str) -> str:
    """The name in a Host header, without the port ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class AccessGuard:
    """ASGI middleware enforcing an Access: Host check, token on writes, read-only."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        refusal = self._refusal(scope, headers)
        if refusal is None:
            await self.app(scope, receive, send)
            return
        status, code, message, hint, extra = refusal
        await envelope(code, message, status, hint, headers=extra)(scope, receive, send)

    def _refusal(
        self, scope: Scope, headers: dict[bytes, bytes]
    ) -> tuple[int, str, str, str, dict[str, str] | None] | None:
        access = self.access
        if access.hosts is not None:
            host = host_of(headers.get(b"host", b"").decode("latin-1"))
            if host not in access.hosts:
                return (
                    400,
                    "CG602",
                    f"this server does not answer to the host name {host[:80]!r}",
                    "use the address it was started on, or add the name with --allow-host",
                    None,
                )
        path, method = scope.get("path", ""), scope.get("method", "GET")
        if method in ("GET", "HEAD", "OPTIONS") or not path.startswith("/api/"):
            return None
        if access.read_only:
            return (403, "CG604", "this server is read-only", "writes are turned off", None)
        if access.token is None or path in UNGUARDED_POSTS:
            return None
        given = headers.get(b"authorization", b"").decode("latin-1")
        scheme, _, value = given.partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(
            value.strip().encode(), access.token.encode()
        ):
            return None
        return (
            401,
            "CG603",
            "writing needs the server's token",
            "send the header Authorization: Bearer <token>",
            {"WWW-Authenticate": "Bearer"},
        )
