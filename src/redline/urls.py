"""One URL identity for every layer: the key under which two links name the same article.

Sources derive document ids from it, the store de-duplicates on it. Identity is deliberately
coarser than a fetchable address: ``www.``, ``http``/``https``, a trailing slash, default
ports, tracking parameters, the query's order and the fragment never make two articles, so
they are all dropped (``www.example.org/a`` and ``example.org/a/`` are one page on every news
site we read). ``without_tracking`` keeps a URL fetchable while dropping what identifies the
reader rather than the page.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ocid$|cmpid$|ref$|ref_src$|smid$|at_)")
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}


def _query(query: str) -> str:
    kept = (kv for kv in parse_qsl(query, keep_blank_values=True) if not _TRACKING.match(kv[0]))
    return urlencode(sorted(kept))


def without_tracking(url: str) -> str:
    """``url`` with tracking parameters and the fragment dropped, scheme and host lower-cased."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = parts.netloc.lower().removesuffix(_DEFAULT_PORTS.get(scheme, "\0"))
    return urlunsplit((scheme, host, parts.path or "/", _query(parts.query), ""))


def canonical_url(url: str | None) -> str | None:
    """The identity of the page at ``url`` (None for no URL); a non-web URL is kept as given."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.netloc:
        return url.strip()
    host = urlsplit(without_tracking(url)).netloc.removeprefix("www.")
    if host.endswith(":80") or host.endswith(":443"):  # the other scheme's default port
        host = host.rsplit(":", 1)[0]
    return urlunsplit(("https", host, parts.path.rstrip("/") or "/", _query(parts.query), ""))
