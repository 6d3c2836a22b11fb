"""A small scorer for the example corpus, used when ../shared/eval/score.py is not there.

It follows the rules the shared scorer documents (content spans match when they share at least
half of the shorter one's word tokens; each gold item is matched once; optional items are neither
required nor false positives; two sources on one span form a group either of which satisfies the
match; speakers compare canonical names, a surname being enough), so figures on either scorer are
comparable. The shared scorer stays the reference whenever it is present.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from redline.evaluation import best_match

_WORD = re.compile(r"\w+")
_VARIANTS = {"zelenskyy": "zelensky", "zelenskiy": "zelensky", "kyslytsia": "kyslytsya"}


def _word_starts(text: str, start: int, end: int) -> frozenset[int]:
    return frozenset(m.start() for m in _WORD.finditer(text, start, end) if m.end() <= end)


def _plain(name: str | None) -> list[str]:
    ascii_ = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return [_VARIANTS.get(w, w) for w in re.sub(r"[^a-z ]", " ", ascii_).split()]


def names_agree(gold: str | None, system: str | None) -> bool:
    """Same actor: equal names, the same last word (a surname), or one name inside the other."""
    g, s = _plain(gold), _plain(system)
    if not g or not s:
        return False
    gj, sj = " ".join(g), " ".join(s)
    return g[-1] == s[-1] or gj in sj or sj in gj


def _ratio(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


Item = dict[str, Any]


def align(doc: Item, preds: list[Item]) -> tuple[list[tuple[Item, list[Item]]], list[Item]]:
    """Pair each system statement with the gold group it matches ([] when none), and list the
    gold items left over."""
    text = doc["text"]
    gold = [(a, _word_starts(text, a["start"], a["end"])) for a in doc["attributions"]]
    used: set[int] = set()
    pairs: list[tuple[Item, list[Item]]] = []
    for pred in preds:
        content = pred.get("content") or {}
        words = _word_starts(text, int(content["start"]), int(content["end"]))
        best = best_match(words, [gw for _, gw in gold], used)
        if best is None:
            pairs.append((pred, []))
            continue
        item = gold[best][0]
        group = [best] + [
            i
            for i, (b, _) in enumerate(gold)
            if i not in used and i != best and (b["start"], b["end"]) == (item["start"], item["end"])
        ]
        used.update(group)
        pairs.append((pred, [gold[i][0] for i in group]))
    missed = [a for i, (a, _) in enumerate(gold) if i not in used]
    return pairs, missed


def judged_item(members: list[Item], pred: Item) -> Item:
    """The gold item of a group that issues and stance are judged against: the one whose speaker agrees."""
    name = (pred.get("speaker") or {}).get("name")
    agreeing = [m for m in members if m.get("speaker") and names_agree(m["speaker"], name)]
    return agreeing[0] if agreeing else members[0]


def score_documents(gold_docs: list[Item], system: dict[str, list[Item]]) -> dict[str, Any]:
    """Figures for system statements (document id -> statement dicts as in Extraction.to_dict())."""
    tp = fp = fn = spk_ok = spk_n = 0
    itp = ifp = ifn = st_n = st_ok = 0
    for doc in gold_docs:
        pairs, missed = align(doc, system.get(doc["id"], []))
        fn += sum(1 for a in missed if not a.get("optional"))
        for pred, members in pairs:
            if not members:
                fp += 1
                continue
            if all(m.get("optional") for m in members):
                continue
            tp += 1
            item = judged_item(members, pred)
            if any(m.get("speaker") for m in members):
                spk_n += 1
                name = (pred.get("speaker") or {}).get("name")
                spk_ok += int(bool(item.get("speaker")) and names_agree(item["speaker"], name))
            gi, pi = set(item.get("issues") or []), set(pred.get("issues") or [])
            itp, ifp, ifn = itp + len(gi & pi), ifp + len(pi - gi), ifn + len(gi - pi)
            if item.get("stance") not in (None, "neutral") and item.get("issues"):
                st_n += 1
                st_ok += int(pred.get("stance") == item["stance"])
    return {
        "attribution": {**_ratio(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn},
        "speaker_accuracy_on_matched": round(spk_ok / spk_n, 3) if spk_n else 0.0,
        "issues": _ratio(itp, ifp, ifn),
        "stance_accuracy": round(st_ok / st_n, 3) if st_n else None,
        "stance_n": st_n,
    }
