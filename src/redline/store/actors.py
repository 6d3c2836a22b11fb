"""One identity per actor across documents: knowledge-base ids, then learned names and aliases.

A speaker the extractor resolved to a knowledge-base actor keeps that id. An unresolved
speaker is looked up by its name key (``knowledge.actors.name_key``, the extractor's own, so
"Serhiy Kyslytsya" and "Sergiy Kyslytsia" are one actor here as they are one to the extractor)
among the aliases learned so far (including titles learned from appositions such as "Kremlin
spokesman Dmitry Peskov"); failing that it becomes a new actor, and every later spelling with
the same key joins it. The new actor's id is a readable slug of the first spelling seen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.engine import Connection

from redline.knowledge.actors import name_key
from redline.model import Actor, Speaker
from redline.store._sql import chunks, insert_ignore
from redline.store.schema import actor, actor_alias

NAME_PREFIX = "name:"
_PRONOUNS = frozenset(
    name_key(w)
    for w in [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "their",
        "its",
        "who",
        "which",
        "this",
        "that",
    ]
)
# what an actor row's ``kind`` means, in the words every listing shows (CLI table, pages); the
# JSON and CSV keep the stored codes, which the README explains
ACTOR_KINDS = {"kb": "knowledge base", "name": "learned from names"}


def actor_kind_name(kind: str | None) -> str:
    """The reader's word for a stored actor kind (an unknown code as it is)."""
    return ACTOR_KINDS.get(kind or "", kind or "")


_SOURCE_RANK = {"correction": 0, "kb": 1, "name": 2, "apposition": 3}
_NON_WORD = re.compile(r"[^\w\s-]+", re.UNICODE)
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"[’']s\b")


# the name key, remembered: the same few thousand names recur in every batch the writer sees
_key = lru_cache(maxsize=65536)(name_key)


def _slug(name: str) -> str:
    """Readable id part: lower-case words joined by hyphens, accents and punctuation dropped."""
    text = name
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.casefold())
    text = _NON_WORD.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    return text.removeprefix("the ").replace(" ", "-")


def name_actor_id(name: str) -> str:
    return NAME_PREFIX + _slug(name)


@dataclass(frozen=True, slots=True)
class Resolved:
    actor_id: str
    name: str


def learned_title(speaker: Speaker) -> str | None:
    """The title in an apposition mention ("Kremlin spokesman" in "Kremlin spokesman Dmitry Peskov")."""
    mention = _key(speaker.mention.text)
    name = _key(speaker.name)
    if not mention or not name or mention == name or mention in _PRONOUNS:
        return None
    for part in (name, name.split(" ")[-1]):
        if mention.endswith(" " + part):
            title = mention[: -len(part)].strip()
            if len(title.split(" ")) >= 2 and title.split(" ")[0] not in _PRONOUNS:
                return title
    return None


def resolve_many(
    conn: Connection, speakers: Sequence[Speaker], document_ids: Sequence[str]
) -> list[Resolved]:
    """Resolve speakers (each from the document at the same index) to actor ids.

    Creates name-keyed actors and records aliases as needed; one query per batch.
    """
    unresolved = {_key(s.name) for s in speakers if not s.actor_id}
    unresolved.discard("")
    best: dict[str, tuple[int, str]] = {}
    for part in chunks(sorted(unresolved)):
        rows = conn.execute(
            select(actor_alias.c.alias, actor_alias.c.actor_id, actor_alias.c.source).where(
                actor_alias.c.alias.in_(part)
            )
        )
        for key, actor_id, source in rows:
            rank = (_SOURCE_RANK.get(source, 9), actor_id)
            if key not in best or rank < best[key]:
                best[key] = rank
    known = {key: rank[1] for key, rank in best.items()}
    out: list[Resolved] = []
    actors: dict[str, dict[str, object]] = {}
    aliases: dict[tuple[str, str], dict[str, object]] = {}

    def alias(key: str, actor_id: str, source: str, text: str, document_id: str) -> None:
        if key:
            aliases.setdefault(
                (key, actor_id),
                {
                    "alias": key,
                    "actor_id": actor_id,
                    "source": source,
                    "document_id": document_id,
                    "text": text,
                },
            )

    for sp, document_id in zip(speakers, document_ids, strict=True):
        norm = _key(sp.name)
        if sp.actor_id:
            actor_id = sp.actor_id
            actors.setdefault(
                actor_id, {"id": actor_id, "name": sp.name, "type": None, "kind": "kb", "party": None}
            )
        elif norm in known:
            actor_id = known[norm]
        else:
            actor_id = name_actor_id(sp.name)
            # the side the extractor gave an unnamed or collective source ("anonymous US official")
            # is the actor's party, so that it has a row in the positions matrix
            actors.setdefault(
                actor_id,
                {"id": actor_id, "name": sp.name, "type": sp.kind, "kind": "name", "party": sp.party},
            )
            known[norm] = actor_id
        alias(norm, actor_id, "name", sp.name, document_id)
        title = learned_title(sp)
        if title:
            alias(_key(sp.mention.text), actor_id, "apposition", sp.mention.text, document_id)
            alias(title, actor_id, "apposition", sp.mention.text, document_id)
            known.setdefault(title, actor_id)
        out.append(Resolved(actor_id, sp.name))
    insert_ignore(conn, actor, list(actors.values()), ["id"])
    insert_ignore(conn, actor_alias, list(aliases.values()), ["alias", "actor_id"])
    return out


def add_kb_actors(conn: Connection, kb: Iterable[Actor]) -> int:
    """Load knowledge-base actors and their aliases; existing rows are kept."""
    rows: list[dict[str, object]] = []
    alias_rows: list[dict[str, object]] = []
    for a in kb:
        rows.append(
            {
                "id": a.id,
                "name": a.name,
                "type": a.type,
                "kind": "kb",
                "party": a.party,
                "country": a.country,
                "wikidata": a.wikidata,
            }
        )
        for text in (a.name, *a.aliases):
            key = _key(text)
            if key:
                alias_rows.append(
                    {"alias": key, "actor_id": a.id, "source": "kb", "document_id": None, "text": text}
                )
    insert_ignore(conn, actor, rows, ["id"])
    unique = {(r["alias"], r["actor_id"]): r for r in reversed(alias_rows)}  # first spelling wins
    insert_ignore(conn, actor_alias, list(unique.values()), ["alias", "actor_id"])
    return len(rows)


def find_actor_ids(conn: Connection, query: str) -> list[str]:
    """Actor ids a user's ``--actor`` names: an id, a name or any alias."""
    key = _key(query)
    ids = {r[0] for r in conn.execute(select(actor.c.id).where(actor.c.id == query))}
    ids |= {r[0] for r in conn.execute(select(actor_alias.c.actor_id).where(actor_alias.c.alias == key))}
    return sorted(ids)
