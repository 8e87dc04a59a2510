"""Bounded HTTP fetching: http(s) only, timeouts, a size cap, re-checked redirects, no private targets."""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from wirecoder.errors import FetchError, UnsafeURLError
from wirecoder.settings import DEFAULT, Settings

USER_AGENT = "wirecoder/0.1 (+https://github.com/wirecoder)"


@dataclass(frozen=True)
class Page:
    """A fetched document: where it ended up, its content type and its bytes."""

    url: str
    final_url: str
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        """The body decoded by its declared charset (UTF-8 when none), bad bytes replaced."""
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def is_url(text: str) -> bool:
    """True when the input names a web address rather than a file."""
    return "://" in text[:12] or text.lower().startswith(("http:", "https:"))


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse non-http(s) URLs and, unless allowed, hosts that resolve to any non-public address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeURLError(f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}",
                             source=url)
    host = parts.hostname
    if not host:
        raise UnsafeURLError("the URL has no host name", source=url)
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise UnsafeURLError("the URL has an invalid port", source=url) from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc.strerror})", source=url) from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if _blocked(ip):
            raise UnsafeURLError(f"host {host!r} resolves to the non-public address {ip}; "
                                 "pass --allow-private to fetch it", source=url)


def fetch(url: str, *, allow_private: bool = False, settings: Settings = DEFAULT,
          client: httpx.Client | None = None) -> Page:
    """GET a URL within the limits of `settings`, following and re-checking redirects by hand."""
    own = client is None
    # trust_env=False: a proxy from the environment would connect to addresses we never checked.
    client = client or httpx.Client(follow_redirects=False, trust_env=False, timeout=settings.fetch_timeout,
                                    headers={"User-Agent": USER_AGENT})
    try:
        current = url
        for _ in range(settings.fetch_max_redirects + 1):
            check_url(current, allow_private=allow_private)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"HTTP {resp.status_code} redirect without a Location", source=url)
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip(), source=url)
                    body = _read_capped(resp, settings.fetch_max_bytes, url)
                    return Page(url=url, final_url=current, content_type=resp.headers.get("content-type", ""),
                                body=body)
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {settings.fetch_timeout:g} s", source=url) from None
            except httpx.TooManyRedirects:
                raise FetchError("too many redirects", source=url) from None
            except httpx.HTTPError as exc:
                detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise FetchError(f"cannot fetch ({detail})", source=url) from None
        raise FetchError(f"more than {settings.fetch_max_redirects} redirects", source=url)
    finally:
        if own:
            client.close()


def _read_capped(resp: httpx.Response, cap: int, url: str) -> bytes:
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise FetchError(f"the response is {int(declared) / 1e6:.1f} MB, over the {cap / 1e6:.1f} MB cap",
                         source=url)
    chunks, total = [], 0
    for chunk in resp.iter_bytes():
        total += len(chunk)
        if total > cap:
            raise FetchError(f"the response exceeds the {cap / 1e6:.1f} MB cap; download stopped", source=url)
        chunks.append(chunk)
    return b"".join(chunks)
