"""Form tokens against cross-site request forgery: each form carries a token the server signed.

A correction form posted from another site would carry no valid token: the token is an HMAC,
under a secret made when the app starts (``app.state.form_secret``, never sent out), of the
statement it is for and the time it was issued, so it cannot be forged, moved to another
statement, or replayed after ``MAX_AGE``. No cookie or server-side session is needed: the
write itself is still signed in with the API token, as an API client's would be.
"""

from __future__ import annotations

import hashlib
import hmac
import time

__all__ = ["MAX_AGE", "check_form_token", "form_token"]

MAX_AGE = 4 * 3600  # seconds a form stays valid: an analyst reading the source text first


def _sign(secret: bytes, subject: str, issued: int) -> str:
    return hmac.new(secret, f"{subject}\x00{issued}".encode(), hashlib.sha256).hexdigest()


def form_token(secret: bytes, subject: str, now: float | None = None) -> str:
    issued = int(time.time() if now is None else now)
    return f"{issued}.{_sign(secret, subject, issued)}"


def check_form_token(secret: bytes, subject: str, token: str, now: float | None = None) -> bool:
    """Whether ``token`` was issued by this app for ``subject`` within ``MAX_AGE``."""
    issued_text, _, mac = token.partition(".")
    if not issued_text.isdigit() or not mac:
        return False
    issued = int(issued_text)
    age = (time.time() if now is None else now) - issued
    return 0 <= age <= MAX_AGE and hmac.compare_digest(mac, _sign(secret, subject, issued))
