#!/usr/bin/env python3
"""Speaker resolution accuracy on gold attributions, with the scorer's name rule.

For each gold attribution that names a source mention, the mention's occurrence nearest to the
content is located and resolved; the resolved canonical name is compared with the gold speaker by
``same_speaker`` of ``shared/eval/score.py``. Speakers of earlier statements are passed on, as the
pipeline does. With ``--polnear N`` it also times mention finding and resolution (parsing excluded)
on N PolNeAR dev articles, read at run time from shared/ (never copied into the project).

    PYTHONPATH=src python benchmarks/speaker_eval.py [--shared PATH] [--polnear 20] [--sweep] [-v]

The talks set (``shared/data/talks``) is scored the same way. ``--sweep`` varies each weight of
``SalienceWeights`` (the named salience table of speaker resolution) one at a time, by a few
factors, and prints the accuracy on the seed and the talks set for each setting, so that a
change of weights is chosen by figures.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import fields, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from _parsed import parsed, product_parser
from _shared import load_scorer, require_shared
from spacy.language import Language
from spacy.tokens import Doc

from redline.extract.actors import MentionFinder
from redline.extract.speaker_pronouns import PRONOUNS
from redline.extract.speaker_salience import SalienceWeights
from redline.extract.speakers import SpeakerResolver
from redline.knowledge.actors import load_actors
from redline.model import Speaker

ROOT = Path(__file__).resolve().parents[1]


def locate(text: str, mention: str, start: int, end: int) -> tuple[int, int] | None:
    """The occurrence of ``mention`` nearest to the content [start, end), outside it."""
    best: tuple[int, int] | None = None
    for m in re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", text):
        i, j = m.span()
        if j <= start or i >= end or i == start:  # a source may open its own content (gold quirk)
            gap = start - j if j <= start else max(i - end, 0)
            if best is None or gap < best[0]:
                best = (gap, i)
    return (best[1], best[1] + len(mention)) if best else None


def evaluate_gold(
    gold: dict[str, Any],
    doc: Doc,
    resolver: SpeakerResolver,
    finder: MentionFinder,
    scorer: ModuleType,
    verbose: bool,
) -> tuple[int, int, int, int]:
    text = gold["text"]
    mentions = finder.find(doc)
    previous: list[Speaker] = []
    ok = n = ok_req = n_req = 0
    spans = [(scorer.locate(text, a), a) for a in gold["attributions"]]
    for (start, end), a in sorted(spans, key=lambda x: x[0][0]):
        if not a.get("speaker_mention") or not a.get("speaker"):
            continue
        where = locate(text, a["speaker_mention"], start, end)
        if where is None:
            if verbose:
                print(f"  mention not found: {a['speaker_mention']!r}")
            continue
        sp = resolver.resolve(doc, where, mentions, content=(start, end), previous=previous)
        good = sp is not None and bool(scorer.same_speaker(a["speaker"], sp.name))
        n += 1
        ok += good
        if not a.get("optional"):
            n_req += 1
            ok_req += good
        if sp is not None:
            previous.append(sp)
        if verbose:
            mark = "ok " if good else "BAD"
            got = f"{sp.name} [{sp.actor_id}]" if sp else None
            print(f"  {mark} {a['speaker_mention']!r} @{where[0]} -> {got}   gold: {a['speaker']}")
    return ok, n, ok_req, n_req


def time_polnear(
    shared: Path, nlp: Language, finder: MentionFinder, resolver: SpeakerResolver, limit: int
) -> None:
    files = sorted((shared / "data" / "polnear" / "derived" / "score_gold" / "dev").glob("*.json"))[:limit]
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    docs = parsed(nlp, "speaker_talks", [g["text"] for g in golds])
    t0 = time.perf_counter()
    sources = pronouns = pronouns_named = in_kb = 0
    for g, doc in zip(golds, docs, strict=True):
        mentions = finder.find(doc)
        previous: list[Speaker] = []
        for a in sorted(g["attributions"], key=lambda a: a.get("start", 0)):
            for f in a.get("source_fragments") or []:
                sources += 1
                sp = resolver.resolve(doc, (f["start"], f["end"]), mentions, previous=previous)
                if sp is None:
                    continue
                previous.append(sp)
                in_kb += sp.actor_id is not None
                if sp.mention.text.strip().lower() in PRONOUNS:
                    pronouns += 1
                    pronouns_named += sp.name.lower() not in PRONOUNS
    dt = time.perf_counter() - t0
    tokens = sum(len(d) for d in docs)
    print(
        f"polnear dev (US 2016 news, no gold coreference): {len(docs)} docs, {tokens} tokens, "
        f"{sources} source spans; {1000 * dt / max(len(docs), 1):.1f} ms/doc, {tokens / dt:.0f} tokens/s "
        f"(parsing excluded); pronoun sources given an antecedent: {pronouns_named}/{pronouns}; "
        f"sources in the (Ukraine-talks) knowledge base: {in_kb}"
    )


def accuracy(
    sets: list[tuple[str, list[tuple[dict[str, Any], Doc]]]],
    resolver: SpeakerResolver,
    finder: MentionFinder,
    scorer: ModuleType,
    verbose: bool,
) -> dict[str, tuple[int, int]]:
    """Required-item accuracy per set, as (right, total)."""
    out = {}
    for name, items in sets:
        ok = n = 0
        for gold, doc in items:
            _, _, ok_req, n_req = evaluate_gold(gold, doc, resolver, finder, scorer, verbose)
            ok, n = ok + ok_req, n + n_req
        out[name] = (ok, n)
    return out


def sweep(
    sets: list[tuple[str, list[tuple[dict[str, Any], Doc]]]],
    kb: Any,
    finder: MentionFinder,
    scorer: ModuleType,
) -> None:
    """One weight at a time, by factors 0, 0.5, 1.5 and 2 of its default."""
    base = SalienceWeights()

    def line(label: str, weights: SalienceWeights) -> None:
        figs = accuracy(sets, SpeakerResolver(kb, weights), finder, scorer, False)
        cells = "  ".join(f"{k}={ok / max(n, 1):.3f}" for k, (ok, n) in figs.items())
        print(f"  {label:40s} {cells}")

    line("defaults", base)
    for f in fields(SalienceWeights):
        default = getattr(base, f.name)
        for factor in (0.0, 0.5, 1.5, 2.0):
            line(f"{f.name}={default * factor:g}", replace(base, **{f.name: default * factor}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared")
    ap.add_argument("--polnear", type=int, default=0, help="also time N PolNeAR dev articles")
    ap.add_argument("--sweep", action="store_true", help="vary each salience weight and print accuracy")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    shared = require_shared(args.shared)
    scorer = load_scorer(shared)
    nlp = product_parser()
    kb = load_actors()
    finder, resolver = MentionFinder(kb), SpeakerResolver(kb)
    gold = scorer.load_gold([shared / "seed" / "gold.json"])["seed"]
    (doc,) = parsed(nlp, "speaker_seed", [gold["text"]])
    sets = [("seed", [(gold, doc)])]
    talks = sorted((shared / "data" / "talks").glob("t*.json"))
    if talks:
        golds = [json.loads(f.read_text(encoding="utf-8")) for f in talks]
        sets.append(
            ("talks", list(zip(golds, parsed(nlp, "speaker_talks", [g["text"] for g in golds]), strict=True)))
        )
    for name, (ok, n) in accuracy(sets, resolver, finder, scorer, args.verbose).items():
        print(f"{name}: speaker accuracy on gold mentions {ok / max(n, 1):.3f} ({ok}/{n} required)")
    if args.sweep:
        sweep(sets, kb, finder, scorer)
    if args.polnear:
        time_polnear(shared, nlp, finder, resolver, args.polnear)


if __name__ == "__main__":
    main()
