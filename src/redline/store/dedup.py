"""Exact and near-duplicate detection for documents.

Exact: the same canonical URL (``redline.urls``) or the same text hash means the same article. Near: a wire
story reprinted with small edits shares most of its word 5-shingles; MinHash estimates that
Jaccard similarity and LSH banding turns it into equality look-ups on ``document_band``, so
the index lives in the database (memory stays flat, runs resume) rather than in the process.
Fingerprints are computed in the extraction workers; the writer only looks them up.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass

from redline.urls import canonical_url

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: pairs above ~0.42 Jaccard become candidates
ROWS = NUM_PERM // BANDS
NEAR_DUPLICATE = 0.6  # estimated Jaccard at or above which a document is a reprint
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the writer needs to decide whether a document is already known."""

    content_hash: str
    canonical_url: str | None
    signature: bytes  # NUM_PERM little-endian uint64
    bands: tuple[int, ...]


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def fingerprint(text: str, url: str | None, content_hash: str) -> Fingerprint:
    # imported here: datasketch loads scipy and numpy, which reading the store never needs
    import numpy as np
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1)
    grams = shingles(text)
    if grams:
        mh.update_batch(list(grams))
    values = np.asarray(mh.hashvalues, dtype="<u8")
    bands = tuple(_band_hash(i, values[i * ROWS : (i + 1) * ROWS].tobytes()) for i in range(BANDS))
    return Fingerprint(content_hash, canonical_url(url), values.tobytes(), bands)


def _band_hash(index: int, data: bytes) -> int:
    digest = hashlib.blake2b(data, digest_size=8, person=b"redline-band" + bytes([index])).digest()
    return int(struct.unpack("<q", digest)[0])  # signed, fits BIGINT


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two documents from their signatures."""
    import numpy as np

    va = np.frombuffer(a, dtype="<u8")
    vb = np.frombuffer(b, dtype="<u8")
    if va.shape != vb.shape or not len(va):
        return 0.0
    return float(np.count_nonzero(va == vb)) / len(va)
