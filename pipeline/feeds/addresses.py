"""Which hosts a feed may make us contact: the server-side request forgery guard.

Kept apart from :mod:`pipeline.feeds.fetch` (which re-exports it) because it
is policy, not transport: it judges addresses and never opens a connection.
"""
from __future__ import annotations

import ipaddress
import socket

__all__ = ["is_public_address"]


def is_public_address(host: str) -> bool:
    """True when ``host`` (a name or IP literal) resolves only to public addresses.

    Every resolved address must be public: a name with one private A record
    would otherwise be a way in. Unresolvable names are not public.
    """
    host = host.strip("[]")
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    addresses = {str(info[4][0]) for info in infos}
    return bool(addresses) and all(_is_public_ip(a) for a in addresses)


def _is_public_ip(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop IPv6 zone id
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback in disguise
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local
                                 or ip.is_multicast or ip.is_reserved or ip.is_unspecified)
