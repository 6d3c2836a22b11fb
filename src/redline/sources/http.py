"""A polite HTTP fetcher: the one door through which redline touches the network.

Crawling etiquette lives here so that every network source (pages, feeds, news APIs) gets it
for free: a clear User-Agent, robots.txt honoured on every hop of a redirect chain, a
minimum interval between requests to the same host, bounded retries with exponential
backoff (and the server's own ``Retry-After``), a streamed size limit and content-type
checks. Clock and sleep are injectable so tests check the waiting without waiting.

Failures raise ``FetchError`` (HTTP errors, timeouts, robots.txt refusals),
``InputTooLargeError`` or ``UnsupportedInputError``; readers turn them into ``Problem`` records.
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from redline.config import Settings
from redline.errors import FetchError, InputTooLargeError, UnsupportedInputError

__all__ = [
    "FEED_TYPES",
    "HTML_TYPES",
    "FetchResult",
    "Fetcher",
    "host_key",
]

HTML_TYPES: frozenset[str] = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES: frozenset[str] = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 10
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
_DISALLOW_ALL = ("User-agent: *", "Disallow: /")
# Transport failures worth another try. A read timeout is not among them: the server
# answered the connection but is slow, and trying again would multiply the wait.
_RETRY_EXCEPTIONS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.RemoteProtocolError,
    httpx.ReadError,
)


def host_key(url: str) -> str:
    """Scheme and authority: the unit of rate limiting and of robots.txt."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A successful response body with what readers need to interpret it."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # media type only, lower-cased, no parameters ("" when absent)
    content: bytes
    encoding: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body decoded with the declared charset, falling back to UTF-8."""
        encoding = self.encoding or "utf-8"
        try:
            return self.content.decode(encoding, errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


def _media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip('"')
    return media.strip().lower(), charset


def _retry_after(value: str | None, now: Callable[[], datetime]) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now()).total_seconds())


def _looks_like_markup(content: bytes) -> bool:
    head = content[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<")


class Fetcher:
    """One crawling session: a shared connection pool, robots.txt cache and per-host clock.

    Keep one fetcher for a whole run so robots.txt is read once per host and the rate limit
    spans every request to that host; nothing is cached beyond the object's lifetime.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] | None = None,
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
        max_retry_after: float = 120.0,
        respect_robots: bool = True,
    ) -> None:
        self.settings = settings
        self._owns_client = client is None
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT},
            follow_redirects=False,
        )
        self._sleep = sleep
        self._clock = clock
        self._now = now or (lambda: datetime.now(UTC))
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._max_retry_after = max_retry_after
        self._respect_robots = respect_robots
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last_request: dict[str, float] = {}

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- public ----------------------------------------------------------------------------
    def fetch(self, url: str, *, accept: Collection[str] | None = HTML_TYPES) -> FetchResult:
        """GET ``url`` politely; ``accept`` lists acceptable media types (None: any).

        Redirects are followed by hand so that robots.txt and the rate limit apply to
        every host on the way.
        """
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise FetchError(
                "not an http(s) URL", where=url, hint="give a full address such as https://example.org/page"
            )
        current = url
        for _ in range(_MAX_REDIRECTS + 1):
            self._check_robots(current)
            response, body = self._get_with_retries(current)
            if response.status_code in _REDIRECT_STATUSES and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            return self._result(url, current, response, body, accept)
        raise FetchError(
            f"more than {_MAX_REDIRECTS} redirects",
            where=url,
            hint="the site redirects in a loop; check the URL",
        )

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our User-Agent fetch it."""
        if not self._respect_robots:
            return True
        parser = self._robots_for(url)
        return parser.can_fetch(self.settings.user_agent, url)

    # -- robots.txt --------------------------------------------------------------------------
    def _check_robots(self, url: str) -> None:
        if not self.allowed(url):
            raise FetchError(
                "robots.txt disallows fetching this URL",
                where=url,
                hint="the site asks crawlers to keep out; save the article from a browser instead",
            )

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        key = host_key(url)
        parser = self._robots.get(key)
        if parser is not None:
            return parser
        parser = urllib.robotparser.RobotFileParser(key + "/robots.txt")
        location = key + "/robots.txt"
        try:
            for _ in range(5):  # RFC 9309: follow at least five redirects
                response, body = self._get_with_retries(location)
                if response.status_code not in _REDIRECT_STATUSES or "location" not in response.headers:
                    break
                location = urljoin(location, response.headers["location"])
        except InputTooLargeError:
            parser.parse([])  # an oversized robots.txt is no valid refusal; crawlers ignore it
        except FetchError as exc:
            # The host is unreachable: say so, and cache nothing so a later call tries again.
            raise FetchError(f"{exc.message} (reading robots.txt)", where=url, hint=exc.hint) from exc
        else:
            status = response.status_code
            # 401/403 read as "keep out" (as urllib.robotparser does), 429 and 5xx as RFC 9309 says.
            if status in {401, 403, 429} or status >= 500:
                parser.parse(_DISALLOW_ALL)
            elif status >= 300:
                parser.parse([])
            else:
                _, charset = _media_type(response.headers.get("content-type"))
                parser.parse(body.decode(charset or "utf-8", errors="replace").splitlines())
        self._robots[key] = parser
        return parser

    # -- rate limit --------------------------------------------------------------------------
    def _interval(self, key: str) -> float:
        interval = 1.0 / self.settings.rate_limit if self.settings.rate_limit > 0 else 0.0
        parser = self._robots.get(key)
        if parser is not None:
            delay = parser.crawl_delay(self.settings.user_agent)
            if delay is not None:
                interval = max(interval, float(delay))
        return interval

    def _throttle(self, url: str) -> None:
        key = host_key(url)
        last = self._last_request.get(key)
        if last is not None:
            wait = last + self._interval(key) - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[key] = self._clock()

    # -- one request with retries -------------------------------------------------------------
    def _get_with_retries(self, url: str) -> tuple[httpx.Response, bytes]:
        attempts = max(0, self.settings.retries) + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            self._throttle(url)
            try:
                response, body = self._get_once(url)
            except httpx.TimeoutException as exc:
                if isinstance(exc, httpx.ConnectTimeout) and not last:
                    self._sleep(self._backoff(attempt))
                    continue
                raise FetchError(
                    f"timeout after {self.settings.timeout:g}s",
                    where=url,
                    hint="the server is slow or unreachable; try later or raise --timeout / REDLINE_TIMEOUT",
                ) from exc
            except _RETRY_EXCEPTIONS as exc:
                if not last:
                    self._sleep(self._backoff(attempt))
                    continue
                raise FetchError(
                    f"connection failed after {attempts} attempt(s): {exc}",
                    where=url,
                    hint="check the address and your network connection",
                ) from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"request failed: {exc}", where=url, hint="check the URL") from exc
            if response.status_code in _RETRY_STATUSES and not last:
                delay = self._backoff(attempt)
                asked = _retry_after(response.headers.get("retry-after"), self._now)
                if asked is not None:
                    if asked > self._max_retry_after:
                        raise self._http_error(url, response, f"server asks to wait {asked:g}s")
                    delay = max(delay, asked)
                self._sleep(delay)
                continue
            return response, body
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _backoff(self, attempt: int) -> float:
        return float(min(self._backoff_max, self._backoff_base * (2**attempt)))

    def _get_once(self, url: str) -> tuple[httpx.Response, bytes]:
        """Stream the body and stop reading as soon as it exceeds the size limit."""
        limit = self.settings.max_bytes
        with self._client.stream("GET", url) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit and response.status_code < 300:
                raise self._too_large(url, int(declared))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise self._too_large(url, None)
                chunks.append(chunk)
        return response, b"".join(chunks)

    def _too_large(self, url: str, declared: int | None) -> InputTooLargeError:
        what = f"{declared} bytes" if declared is not None else "more"
        return InputTooLargeError(
            f"too large: {what} over the limit of {self.settings.max_bytes} bytes",
            where=url,
            hint="raise REDLINE_MAX_BYTES if this really is an article",
        )

    # -- interpreting the final response ------------------------------------------------------
    def _http_error(self, url: str, response: httpx.Response, detail: str = "") -> FetchError:
        status = response.status_code
        hints = {
            404: "the page does not exist (any more); check the URL",
            410: "the page was removed; check the URL",
            401: "the page needs a login; save it from a browser instead",
            403: "the site refuses automated access; save the page from a browser instead",
            429: "the site is rate limiting us; try again later or lower REDLINE_RATE_LIMIT",
        }
        hint = hints.get(status, "the server failed; try again later" if status >= 500 else "check the URL")
        reason = f"HTTP {status} {response.reason_phrase}".rstrip()
        if detail:
            reason = f"{reason}, {detail}"
        return FetchError(reason, where=url, hint=hint)

    def _result(
        self,
        url: str,
        final_url: str,
        response: httpx.Response,
        body: bytes,
        accept: Collection[str] | None,
    ) -> FetchResult:
        if response.status_code >= 400 or response.status_code in _REDIRECT_STATUSES:
            raise self._http_error(final_url, response)
        media, charset = _media_type(response.headers.get("content-type"))
        if accept is not None and media not in accept and not (media == "" and _looks_like_markup(body)):
            raise UnsupportedInputError(
                f"not HTML or a feed (content-type {media or 'unknown'})",
                where=final_url,
                hint="redline reads web pages and RSS/Atom feeds; convert other files to text first",
            )
        return FetchResult(
            url=url,
            final_url=final_url,
            status=response.status_code,
            content_type=media,
            content=body,
            encoding=charset,
            headers=dict(response.headers),
        )
