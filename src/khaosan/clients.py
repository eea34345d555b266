"""Who sent a request: the direct peer, or the client a trusted proxy names (behind nginx).

One rule for everything that records or counts a client — the traffic log, the audit trail, lockouts and
the visitor counter — so none of them reads REMOTE_ADDR, which is 127.0.0.1 behind the proxy.
"""

import ipaddress
import logging
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger("khaosan.clients")


@dataclass(frozen=True)
class Client:
    address: str | None
    port: int | None
    from_trusted_proxy: bool  # the direct peer is a trusted proxy (its headers are believed)


@lru_cache(maxsize=8)
def _trusted_networks(entries):
    networks, unix = [], False
    for entry in entries:
        if entry == "unix":
            unix = True
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            logger.error("KHAOSAN_TRUSTED_PROXIES: %r is not an address or network; ignored", entry)
    return tuple(networks), unix


def ip_or_none(value):
    """Return `value` as a normalised IP address, or None (also accepts "[v6]:port" and "v4:port")."""
    value = (value or "").strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)  # a dual-stack socket shows IPv4 clients as ::ffff:a.b.c.d
    return (mapped or address).compressed


def _port(value):
    try:
        port = int(value)
    except (TypeError, ValueError):
        return None
    return port if 0 < port < 65536 else None


def _is_trusted(address, networks):
    if address is None:
        return False
    parsed = ipaddress.ip_address(address)
    return any(parsed in network for network in networks)


def _header_key(name):
    return "HTTP_" + name.upper().replace("-", "_")


def client_of(request):
    """Return who sent `request`: the direct peer, or, when that peer is a trusted proxy, the client it names.

    A proxy header is believed only from a peer in KHAOSAN["TRUSTED_PROXIES"]; anyone else could write
    any address into it. In a chain of proxies the client is the rightmost address that is not itself
    a trusted proxy.
    """
    config = settings.KHAOSAN
    networks, unix = _trusted_networks(tuple(config.get("TRUSTED_PROXIES", ())))
    meta = request.META
    peer = ip_or_none(meta.get("REMOTE_ADDR"))
    peer_trusted = _is_trusted(peer, networks) or (unix and peer is None)
    if peer_trusted:
        forwarded = meta.get(_header_key(config.get("TRUSTED_PROXY_HEADER", "X-Forwarded-For")), "")
        hops = [hop for hop in (part.strip() for part in forwarded.split(",")) if hop]
        client = None
        for hop in reversed(hops):
            address = ip_or_none(hop)
            if address is None:
                break  # garbage from further left cannot be trusted either
            client = address
            if not _is_trusted(address, networks):
                break
        if client is not None:
            port_header = config.get("TRUSTED_PROXY_PORT_HEADER", "")
            port = _port(meta.get(_header_key(port_header))) if port_header else None
            return Client(client, port, True)
    return Client(peer, _port(meta.get("REMOTE_PORT")), peer_trusted)


def client_address(request):
    """The client's address by the trusted-proxy rule: what the traffic log, the audit trail and lockouts record.

    The traffic log's middleware has worked it out for the request already (`traffic_client`).
    """
    client = getattr(request, "traffic_client", None)
    return (client if isinstance(client, Client) else client_of(request)).address
