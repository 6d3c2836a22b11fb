"""What the office-document readers share: a part of a ZIP package read as XML, guarded against
zip bombs and external entities, and a list counter written as a word processor writes it.

Word (``sources.word``), OpenDocument (``sources.opendocument``) and Excel (``sources.workbook``)
files are all ZIP archives of XML parts; each reader keeps its own schema, and these two
concerns live here once.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

__all__ = ["OfficeError", "formatted", "is_package", "xml_part"]

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
# The most a part of a document may hold unpacked: a zip bomb is refused, not read.
_MAX_PART = 50_000_000


class OfficeError(ValueError):
    """The file is a ZIP archive but no office document that can be read."""


def is_package(data: bytes, part: str) -> bool:
    """Whether ``data`` is a ZIP archive holding ``part`` (a document's main part)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return part in archive.namelist()
    except zipfile.BadZipFile:
        return False


def xml_part(
    archive: zipfile.ZipFile, name: str, error: type[OfficeError] = OfficeError
) -> etree._Element | None:
    """The part ``name`` of ``archive`` parsed, None when the archive has no such part; raises
    ``error`` for a part too large to unpack or not well-formed."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise error(f"has a part too large to read ({name})")
    try:
        return etree.fromstring(archive.read(name), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise error(f"has a part that is not well-formed XML ({name}: {exc.msg})") from None


def attribute_int(value: str | None, default: int = 0) -> int:
    """A whole-number XML attribute (a list level, a start value): absent, empty or malformed in a
    hand-made file, it takes the format's default rather than refusing the document."""
    try:
        return int(value) if value else default
    except ValueError:
        return default


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def formatted(value: int, fmt: str) -> str:
    """``value`` as a list counter in ``fmt``: Word's names (``lowerLetter``, ``upperRoman``) or
    OpenDocument's (``a``, ``I``); anything else is written in digits."""
    fmt = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}.get(fmt, fmt)
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        out, rest = "", value
        for size, digits in _ROMAN:
            while rest >= size:
                out, rest = out + digits, rest - size
        return out.upper() if fmt == "upperRoman" else out
    return str(value)
