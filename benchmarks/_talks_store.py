"""The talks set ingested by redline into a SQLite store, for benchmarks of what is built on
extraction (claims, shifts): read from ``../shared/data/talks`` at run time, never copied.

The store is kept in /tmp under a digest of the articles and the extractor version, so a second
benchmark run reuses it. Gold attributions are matched to stored statements by the scorer's rule
(``../shared/eval/score.py``: content tokens overlapping by at least half of the shorter span).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from redline.config import Settings
from redline.evaluation import best_match, documents
from redline.extract.pipeline import EXTRACTOR_VERSION
from redline.ingest import ingest
from redline.knowledge import packaged
from redline.knowledge.actors import load_actors
from redline.model import Span, Speaker, Statement
from redline.store import Store


def load_talks(shared: Path) -> list[dict[str, Any]]:
    folder = shared / "data" / "talks"
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted(folder.glob("t*.json"))]


# what analysis reads after extraction, not what extraction reads: editing them keeps the store
AFTER_EXTRACTION = frozenset({"claim_synonyms.yaml", "point_terms.yaml", "link_terms.yaml"})


def extraction_version() -> str:
    h = hashlib.sha1(EXTRACTOR_VERSION.encode())
    for f in sorted(packaged("actors.yaml").parent.iterdir()):
        if f.suffix in {".yaml", ".json"} and f.name not in AFTER_EXTRACTION:
            h.update(f.read_bytes())
    return h.hexdigest()


def talks_store(talks: list[dict[str, Any]], *, fresh: bool = False) -> Store:
    """A store holding the talks set as ``redline ingest`` stores it (built once, then reused)."""
    docs = documents(talks)
    key = "\x1f".join(d.text for d in docs) + extraction_version()
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    path = Path("/tmp") / f"redline-talks-{digest}.sqlite"
    if fresh and path.exists():
        path.unlink()
    built = path.exists()
    store = Store.open(f"sqlite:///{path}")
    if not built:
        ingest(iter(docs), store, Settings(), workers=1)
    return store


@dataclass(frozen=True, slots=True)
class GoldRef:
    """A gold attribution: the article and its index in the article's list."""

    doc: str
    index: int

    def __str__(self) -> str:
        return f"{self.doc}#{self.index}"


def match_gold(
    talks: list[dict[str, Any]], statements: list[tuple[str, str, int, int]], scorer: ModuleType
) -> dict[str, GoldRef]:
    """Statement id -> the gold attribution it extracts (``statements``: id, document, start, end).

    Each gold attribution is matched once, greedily by overlap, as the scorer matches."""
    by_doc: dict[str, list[tuple[str, int, int]]] = {}
    for sid, doc, start, end in statements:
        by_doc.setdefault(doc, []).append((sid, start, end))
    out: dict[str, GoldRef] = {}
    for t in talks:
        text = t["text"]
        gold = [scorer.span_tokens(text, *scorer.locate(text, a)) for a in t["attributions"]]
        used: set[int] = set()
        for sid, start, end in by_doc.get(str(t["id"]), []):
            best = best_match(scorer.span_tokens(text, start, end), gold, used)
            if best is not None:
                used.add(best)
                out[sid] = GoldRef(str(t["id"]), best)
    return out


Gold = tuple[GoldRef, dict[str, Any], dict[str, Any]]


def gold_attributions(talks: list[dict[str, Any]]) -> Iterator[Gold]:
    """Every gold attribution with its article."""
    for t in talks:
        for i, a in enumerate(t["attributions"]):
            yield GoldRef(str(t["id"]), i), a, t


def gold_statements(talks: list[dict[str, Any]]) -> tuple[list[Statement], dict[str, str]]:
    """The gold attributions as statements, and each gold speaker's party."""
    kb = load_actors()
    party_of: dict[str, str] = {}
    out = []
    for ref, a, t in gold_attributions(talks):
        name = a.get("speaker")
        if not name:
            continue
        found = kb.affiliation(name)
        kind = found.kind if found else None
        if found is not None and found.party:
            party_of[name] = found.party
        text = a["content"]
        start = t["text"].find(text)
        out.append(
            Statement(
                id=str(ref),
                document_id=str(t["id"]),
                content=Span(text, start, start + len(text)),
                kind=a.get("type") or "indirect",
                speaker=Speaker(name, None, Span(a.get("speaker_mention") or name, 0, 0), kind=kind),
                issues=list(a.get("issues") or []),
                stance=a.get("stance") or "neutral",
                date=date.fromisoformat(t["published"]) if t.get("published") else None,
            )
        )
    return out, party_of
