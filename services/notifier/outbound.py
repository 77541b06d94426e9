"""Outbound safety: webhook URLs must not reach into private networks unless the operator allows it.

A subscriber URL that resolves to an address that is not globally reachable (private, shared 100.64.0.0/10
with cloud metadata at 100.100.100.200, loopback, link-local, multicast, reserved; an IPv6 address wrapping
such an IPv4 one through 6to4, Teredo, NAT64 or IPv4-mapping) is refused (server-side request forgery), unless
the address is inside a network listed in DIPLOWATCH_WEBHOOK_ALLOW_NETS. The check is made inside the HTTP
client when it opens a connection, on the very addresses it then connects to, so a name cannot resolve to a
public address for a check and to a private one a moment later (DNS rebinding). TLS still verifies the
certificate against the URL's host name. Redirects are never followed; subscription URLs are http(s) by their
schema, and one httpx cannot read is refused as such (`check_url`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable

import httpcore
import httpx

from services.errors import PermanentDelivery

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class Refused(PermanentDelivery):
    """The URL may not be called; not worth retrying."""


def allowed_networks(spec: str) -> list[IPNetwork]:
    """Parse "127.0.0.0/8, ::1/128"; a bad entry is a configuration error, said at start."""
    nets = []
    for part in (p.strip() for p in spec.split(",")):
        if part:
            try:
                nets.append(ipaddress.ip_network(part, strict=False))
            except ValueError as exc:
                raise ValueError(f"DIPLOWATCH_WEBHOOK_ALLOW_NETS: {part!r} is not a network: {exc}") from None
    return nets


NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def _embedded(addr: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries: 6to4, Teredo (server and client), NAT64, IPv4-compatible.
    Each of them is where the packets may end up (2002:7f00::1 is 127.0.0.0 for a 6to4 relay)."""
    inner = []
    if addr.sixtofour is not None:
        inner.append(addr.sixtofour)
    if addr.teredo is not None:
        inner.extend(addr.teredo)
    if addr in NAT64 or addr in IPV4_COMPATIBLE:
        inner.append(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
    return inner


def _allowed(addr: ipaddress.IPv4Address | ipaddress.IPv6Address, allow: list[IPNetwork]) -> bool:
    """Globally reachable (IANA's special-purpose registries: not private, shared 100.64.0.0/10, loopback,
    link-local, reserved...) or inside an allowed network; an IPv6 address wrapping IPv4 ones, all of them."""
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped  # ::ffff:a.b.c.d is a.b.c.d to the kernel
    if any(addr in net for net in allow):
        return True
    inner = _embedded(addr) if isinstance(addr, ipaddress.IPv6Address) else []
    return addr.is_global and not addr.is_multicast and all(_allowed(a, allow) for a in inner)


def check_addresses(host: str, addresses: list[str], allow: list[IPNetwork]) -> None:
    for text in addresses:
        addr = ipaddress.ip_address(text.split("%")[0])
        if not _allowed(addr, allow):
            raise Refused(f"{host} resolves to non-public address {addr}; "
                          "allow it with DIPLOWATCH_WEBHOOK_ALLOW_NETS if intended")


def check_url(url: str) -> httpx.URL:
    """The URL as the client will read it, or Refused with why ("http://0177.0.0.1/": httpx refuses octal
    IPv4 hosts, which resolvers read as 127.0.0.1)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise Refused(f"invalid URL {url[:200]!r}: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise Refused(f"not an http(s) URL with a host: {url[:200]!r}")
    return parsed


Resolver = Callable[[str, int], Awaitable[list[str]]]


async def resolve(host: str, port: int) -> list[str]:
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConnectionError(f"cannot resolve {host}: {exc}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, resolving the host itself and connecting only to addresses it checked."""

    def __init__(self, allow: list[IPNetwork], resolver: Resolver = resolve,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._allow = allow
        self._resolve = resolver
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        addresses = await self._resolve(host, port)
        check_addresses(host, addresses, self._allow)
        error: Exception = httpcore.ConnectError(f"{host} resolves to no address")
        for address in addresses:
            try:
                return await self._inner.connect_tcp(address.split("%")[0], port, timeout=timeout,
                                                     local_address=local_address, socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise Refused("webhooks do not go to unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_client(allow: list[IPNetwork], resolver: Resolver = resolve) -> httpx.AsyncClient:
    """An httpx client whose connections go only where `allow` and the public-address rule let them."""
    transport = httpx.AsyncHTTPTransport(trust_env=False)
    # httpx takes no network backend, its connection pool (httpcore) does: the pool is made again with one,
    # with httpx's default TLS context and limits
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False), max_connections=100,
        max_keepalive_connections=20, keepalive_expiry=5.0, network_backend=GuardedBackend(allow, resolver))
    return httpx.AsyncClient(transport=transport, follow_redirects=False, trust_env=False)
