"""Outbound safety: webhook URLs must not reach into private networks unless the operator allows it.

A subscriber URL that resolves to a private, loopback, link-local, multicast or reserved address is refused
(server-side request forgery), unless the address is inside a network listed in
DIPLOWATCH_WEBHOOK_ALLOW_NETS. The check is made inside the HTTP client when it opens a connection, on the
very addresses it then connects to, so a name cannot resolve to a public address for a check and to a private
one a moment later (DNS rebinding). TLS still verifies the certificate against the URL's host name.
Redirects are never followed; subscription URLs are http(s) by their schema.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable

import httpcore
import httpx

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class Refused(Exception):
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


def _public(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return not (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_multicast
                or addr.is_reserved or addr.is_unspecified)


def check_addresses(host: str, addresses: list[str], allow: list[IPNetwork]) -> None:
    for text in addresses:
        addr = ipaddress.ip_address(text.split("%")[0])
        if not _public(addr) and not any(addr in net for net in allow):
            raise Refused(f"{host} resolves to non-public address {addr}; "
                          "allow it with DIPLOWATCH_WEBHOOK_ALLOW_NETS if intended")


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
