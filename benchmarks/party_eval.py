#!/usr/bin/env python3
"""Party coverage of extracted speakers on the talks set (issue 9, "every speaker in a party").

Runs the full extraction on ``shared/data/talks/`` (read at run time, never copied), matches system
statements to gold attributions by the rule of ``shared/eval/score.py`` (content overlap of at
least half of the shorter span's tokens, each gold item once, layered sources as one group) and
prints:

- party accuracy on matched statements: the party of the system's speaker (the ``party`` and
  ``kind`` the extraction writes) against the party of the gold speaker, looked up in redline's
  actor base (``ActorBase.affiliation``). Three outcomes are compared: a party, media, or none;
- the share of system statements whose speaker has no party and is not media (media counted
  separately), and the same share for the gold;
- speaker accuracy on matched statements, by the scorer's name rule.

    PYTHONPATH=src python benchmarks/party_eval.py [--shared PATH] [--system OUT.jsonl] [-v]

Parses are cached in /tmp by content hash, so a second run only re-runs redline's own component.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from _shared import load_scorer, require_shared
from spacy.tokens import Doc, DocBin

from redline.evaluation import best_match
from redline.evaluation import documents as annotated_documents
from redline.extract.pipeline import COMPONENT, Extractor
from redline.knowledge.actors import ActorBase, load_actors

ROOT = Path(__file__).resolve().parents[1]
MEDIA = "(media)"
NONE = "(none)"


def load_talks(shared: Path) -> list[dict[str, Any]]:
    return [
        json.loads(f.read_text(encoding="utf-8")) for f in sorted((shared / "data" / "talks").glob("t*.json"))
    ]


def extract(golds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Extraction records as ``redline extract --format jsonl`` writes them (parses cached)."""
    extractor = Extractor.load()
    nlp = extractor.nlp
    documents = annotated_documents(golds)
    digest = hashlib.sha1(("\x1f".join(d.text for d in documents) + nlp.meta["name"]).encode()).hexdigest()[
        :16
    ]
    cache = Path("/tmp") / f"redline-party-eval-{digest}.spacy"
    if cache.exists():
        parsed = list(DocBin(store_user_data=True).from_disk(cache).get_docs(nlp.vocab))
    else:
        with nlp.select_pipes(disable=[COMPONENT]):
            parsed = [nlp(extractor._prepare(d)) for d in documents]
        DocBin(docs=parsed, store_user_data=True).to_disk(cache)
    component = nlp.get_pipe(COMPONENT)
    out = []
    for document, doc in zip(documents, parsed, strict=True):
        done: Doc = component(doc)
        out.append(extractor._records(document, done).to_dict())
    return out


def party_label(party: str | None, kind: str | None) -> str:
    if kind == "media":
        return MEDIA
    return party or NONE


def gold_label(kb: ActorBase, name: str | None) -> str:
    if not name:
        return NONE
    found = kb.affiliation(name)
    return party_label(found.party, found.kind) if found else NONE


def system_label(kb: ActorBase, speaker: dict[str, Any] | None) -> str:
    """The party the extraction wrote; for output of older versions (no ``party`` key), the
    party of the speaker's knowledge-base actor, as the store would look it up."""
    if not speaker:
        return NONE
    if "party" not in speaker:
        actor = kb.get(speaker.get("actor_id"))
        return party_label(kb.party_of(actor), actor.type if actor else None)
    return party_label(speaker.get("party"), speaker.get("kind"))


def evaluate(
    golds: list[dict[str, Any]], records: list[dict[str, Any]], scorer: ModuleType, verbose: bool
) -> None:
    kb = load_actors()
    by_id = {str(r["document"]["id"]): r.get("statements") or [] for r in records}
    matched = party_ok = speaker_n = speaker_ok = 0
    system_total = Counter[str]()
    gold_total = Counter[str]()
    confusion = Counter[tuple[str, str]]()
    unmatched = Counter[bool]()  # statements matching no gold item: without party or not
    errors: list[str] = []
    for g in golds:
        text = g["text"]
        for a in g["attributions"]:
            gold_total[gold_label(kb, a.get("speaker"))] += 1
        gold = []
        for a in g["attributions"]:
            s, e = scorer.locate(text, a)
            gold.append((a, scorer.span_tokens(text, s, e)))
        used: set[int] = set()
        for p in by_id.get(str(g["id"]), []):
            system = system_label(kb, p.get("speaker"))
            system_total[system] += 1
            c = p.get("content") or {}
            pt = scorer.span_tokens(text, int(c["start"]), int(c["end"]))
            best = best_match(pt, [gt for _, gt in gold], used)
            if best is None:
                unmatched[system == NONE] += 1
                continue
            used.add(best)
            a = gold[best][0]
            group = [a] + [
                b
                for i, (b, _) in enumerate(gold)
                if i not in used and scorer.locate(text, b) == scorer.locate(text, a)
            ]
            used.update(i for i, (b, _) in enumerate(gold) if any(b is x for x in group))
            if a.get("optional") and all(b.get("optional") for b in group):
                continue
            named = [b for b in group if b.get("speaker")]
            if not named:
                continue
            matched += 1
            labels = {gold_label(kb, b["speaker"]) for b in named}
            good = system in labels
            party_ok += good
            confusion[(sorted(labels)[0], system)] += 0 if good else 1
            speaker_n += 1
            speaker_ok += any(scorer.speaker_matches(b, p.get("speaker"), text) for b in named)
            if not good:
                sp = p.get("speaker") or {}
                errors.append(
                    f"{g['id']}: {sp.get('mention')!r} -> {sp.get('name')!r} [{system}]"
                    f"   gold: {named[0]['speaker']!r} [{'/'.join(sorted(labels))}]"
                )
    n_sys = sum(system_total.values())
    n_gold = sum(gold_total.values())
    if verbose:
        for line in errors:
            print("  " + line)
        print("  confusions (gold -> system):")
        for (gl, sl), n in confusion.most_common(15):
            if n:
                print(f"    {n:3d}  {gl} -> {sl}")
    figures = {
        "documents": len(golds),
        "system_statements": n_sys,
        "matched_with_gold_speaker": matched,
        "party_accuracy_on_matched": round(party_ok / matched, 3) if matched else 0.0,
        "system_without_party_share": round(system_total[NONE] / n_sys, 3) if n_sys else 0.0,
        "system_media_share": round(system_total[MEDIA] / n_sys, 3) if n_sys else 0.0,
        "unmatched_statements": sum(unmatched.values()),
        "unmatched_without_party": unmatched[True],
        "gold_without_party_share": round(gold_total[NONE] / n_gold, 3) if n_gold else 0.0,
        "gold_media_share": round(gold_total[MEDIA] / n_gold, 3) if n_gold else 0.0,
        "speaker_accuracy_on_matched": round(speaker_ok / speaker_n, 3) if speaker_n else 0.0,
        "system_parties": dict(system_total.most_common()),
    }
    print(json.dumps(figures, indent=1))
    print(
        f"party_acc={figures['party_accuracy_on_matched']} no_party={figures['system_without_party_share']} "
        f"media={figures['system_media_share']} speaker_acc={figures['speaker_accuracy_on_matched']}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="path of the shared folder (default: ../shared or $REDLINE_SHARED)")
    ap.add_argument("--system", help="score this extraction JSONL instead of extracting")
    ap.add_argument("--out", help="also write the extraction JSONL here")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every party error")
    args = ap.parse_args()
    shared = require_shared(args.shared)
    scorer = load_scorer(shared)
    golds = load_talks(shared)
    t0 = time.perf_counter()
    if args.system:
        lines = Path(args.system).read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
    else:
        records = extract(golds)
        if args.out:
            Path(args.out).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    evaluate(golds, records, scorer, args.verbose)
    print(f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
