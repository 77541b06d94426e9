"""Outbound safety: webhook URLs must not reach into private networks unless the operator allows it.

A subscriber URL that resolves to a private, loopback, link-local, multicast or reserved address is refused
(server-side request forgery), unless the address is inside a network listed in
DIPLOWATCH_WEBHOOK_ALLOW_NETS. The check runs before every attempt; redirects are never followed.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

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


async def check_url(url: str, allow: list[IPNetwork]) -> None:
    """Raise Refused when URL's host resolves anywhere it may not go."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"not an http(s) URL: {url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConnectionError(f"cannot resolve {parts.hostname}: {exc}") from None
    check_addresses(parts.hostname, [str(info[4][0]) for info in infos], allow)
