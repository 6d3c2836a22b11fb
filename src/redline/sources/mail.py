"""An e-mail saved as a file (``.eml``, raw MIME source) as the text a mail program shows.

Quoted-printable and base64 bodies are decoded and their soft line breaks joined, so that a
provision cut at 76 characters ("within 60 days=" / "of signature") reads as one line again.
The plain-text part is preferred; a message that only has HTML is read as its page's outline.
The HTML part of a ``multipart/alternative`` message is the same message again: never read twice.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from redline.sources.html import outline_text

# A header line of an RFC 5322 message: a field name, a colon, its value.
_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]?\S?")
# Fields only a mail message (not a memo that opens "To:" or "Subject:") has in its header block.
_MAIL_FIELDS = re.compile(rb"^(?:mime-version|content-type|message-id|received|return-path):", re.I | re.M)


def is_mail(data: bytes) -> bool:
    """Whether ``data`` is a raw e-mail: a header block first (field lines, folded lines), with
    a field that only mail has (``MIME-Version``, ``Content-Type``, ``Message-ID``...)."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf").split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    lines = head.splitlines()
    if len(lines) < 2 or not all(_HEADER.match(line) or line[:1] in (b" ", b"\t") for line in lines):
        return False
    return bool(_MAIL_FIELDS.search(head))


def mail_subject(data: bytes) -> str | None:
    """The message's subject as a mail program shows it (RFC 2047 words decoded): an article
    mailed as a newsletter or forwarded has its headline there."""
    message = BytesParser(policy=policy.default).parsebytes(data, headersonly=True)
    subject = " ".join(str(message.get("subject", "") or "").split())
    return subject or None


def mail_text(data: bytes) -> str:
    """The body a mail program shows of the message in ``data``: its text part, or the outline
    of its HTML part when it has no text part; an empty string when it has neither."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)  # policy.default makes EmailMessage objects
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        content = body.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken encoding: read as it stands
        payload = body.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
    if not isinstance(content, str):
        return ""
    return outline_text(content) if body.get_content_subtype() == "html" else content
