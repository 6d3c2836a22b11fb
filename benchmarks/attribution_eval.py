"""Attribution quality and speed on the seed article and PolNeAR, scored by ../shared/eval/score.py.

Usage (from the repo root)::

    PYTHONPATH=src python benchmarks/attribution_eval.py            # seed + PolNeAR dev
    PYTHONPATH=src python benchmarks/attribution_eval.py --split train
    PYTHONPATH=src python benchmarks/attribution_eval.py --timing   # also time a fresh parse

Data is read from ``../shared`` at run time and never copied into the repository. Parsed
Docs (the product's parse, ``_parsed.py``) are cached under the temp directory, keyed by what
shapes them, so that rule changes can be scored in seconds. Figures are printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from _parsed import parsed, product_parser
from _shared import find_shared, load_module
from spacy.language import Language
from spacy.tokens import Doc

from redline.evaluation import best_match, overlap
from redline.extract.attribution import Attribution, find_attributions
from redline.knowledge.cues import POLNEAR_POLICY, CueLexicon, load_cues

ROOT = Path(__file__).resolve().parents[1]


SHARED = find_shared()
SCORER = SHARED / "eval" / "score.py"
# Parses and converted gold are pure functions of shared data, so concurrent runs may share them;
# system output never goes here (see --out).
WORK = Path(tempfile.gettempdir()) / "redline_attribution_eval"


def seed_corpus() -> list[tuple[str, str, Path]]:
    """(id, text, gold file) for the seed article."""
    gold = SHARED / "seed" / "gold.json"
    text = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    return [("seed", text, gold)]


def dev_corpus() -> list[tuple[str, str, Path]]:
    out = []
    for f in sorted((SHARED / "data" / "polnear" / "derived" / "score_gold" / "dev").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        out.append((str(d["id"]), d["text"], f))
    return out


def train_corpus() -> list[tuple[str, str, Path]]:
    """PolNeAR train has no score_gold files: convert the primary annotation of each article."""
    src = SHARED / "data" / "polnear" / "derived" / "polnear_train.jsonl"
    gold_dir = WORK / "train_gold"
    gold_dir.mkdir(parents=True, exist_ok=True)
    out = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if not d.get("primary"):
                continue
            atts = []
            for a in d["attributions"]:
                if not a["content"]:
                    continue
                start = min(f["start"] for f in a["content"])
                end = max(f["end"] for f in a["content"])
                src_text = " ".join(f["text"] for f in a["source"])
                atts.append(
                    {
                        "type": _content_type(d["text"][start:end]),
                        "speaker_kind_heuristic": _source_kind(src_text),
                        "speaker": src_text or None,
                        "speaker_mention": src_text or None,
                        "cue": " ".join(f["text"] for f in a["cue"]),
                        "content": d["text"][start:end],
                        "start": start,
                        "end": end,
                        "source_fragments": a["source"],
                        "cue_fragments": a["cue"],
                        "content_fragments": a["content"],
                    }
                )
            doc_id = d["article"]
            f = gold_dir / f"{doc_id}.json"
            payload = {"id": doc_id, "text": d["text"], "attributions": atts}
            f.write_text(json.dumps(payload), encoding="utf-8")
            out.append((doc_id, d["text"], f))
    return out


_QUOTE_MARKS = "\"“”‘’«»'"
_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "who", "which"}


def _content_type(content: str) -> str:
    """The score_gold heuristic: marks at both ends = direct, marks inside = mixed."""
    c = content.strip()
    if len(c) > 1 and c[0] in _QUOTE_MARKS and c.rstrip(".,")[-1:] in _QUOTE_MARKS:
        return "direct"
    return "mixed" if any(m in c for m in _QUOTE_MARKS[:7]) else "indirect"


def _source_kind(source: str) -> str:
    words = source.split()
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pronoun"
    return "proper" if any(w[:1].isupper() for w in words[1:] or words) else "nominal"


def _span(text: str, span: tuple[int, int]) -> dict[str, Any]:
    return {"text": text[span[0] : span[1]], "start": span[0], "end": span[1]}


def to_statement(doc: Doc, att: Attribution) -> dict[str, Any]:
    text = doc.text
    speaker = None
    if att.source is not None:
        mention = text[att.source[0] : att.source[1]]
        speaker = {"name": mention, "mention": mention, "start": att.source[0], "end": att.source[1]}
    return {
        "speaker": speaker,
        "cue": _span(text, att.cue) if att.cue else None,
        "content": _span(text, att.content),
        "kind": att.kind,
        "confidence": att.confidence,
    }


def _policy(split: str) -> CueLexicon:
    """Score each corpus under its own annotation policy (printed with the figures): the seed
    under the guide's, PolNeAR under ``POLNEAR_POLICY``."""
    if split == "seed":
        return load_cues()
    return load_cues(policy=POLNEAR_POLICY)


def run_split(
    nlp: Language, split: str, corpus: list[tuple[str, str, Path]], out_dir: Path
) -> tuple[Path, float, list[Path]]:
    cues = _policy(split)
    docs = parsed(nlp, f"attribution_{split}", [t for _, t, _ in corpus])
    started = time.perf_counter()
    lines = []
    for (doc_id, _, _), doc in zip(corpus, docs, strict=True):
        atts = find_attributions(doc, cues)
        lines.append(
            json.dumps(
                {
                    "document": {"id": doc_id},
                    "statements": [to_statement(doc, a) for a in atts],
                }
            )
        )
    elapsed = time.perf_counter() - started
    out = out_dir / f"system_{split}.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out, elapsed, [g for _, _, g in corpus]


def score(system: Path, gold: Iterable[Path]) -> dict[str, Any]:
    gold_dirs = sorted({str(g.parent) for g in gold})
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(system), *gold_dirs],
        capture_output=True,
        text=True,
        check=True,
    )
    body = proc.stdout.rsplit("\n", 2)[0]
    result: dict[str, Any] = json.loads(body)
    return result


Matched = tuple[dict[str, Any], list[dict[str, Any]], dict[int, dict[str, Any]], list[dict[str, Any]]]


def matched(system: Path, gold: Iterable[Path]) -> Iterable[Matched]:
    """(gold document, its attributions, gold index -> matched prediction, unmatched predictions)
    per document, with the scorer's own matching (greedy, half the shorter span's tokens)."""
    sc = load_module("redline_score", SCORER)
    preds = {}
    for line in system.read_text(encoding="utf-8").splitlines():
        if line.strip():
            o = json.loads(line)
            preds[str(o["document"]["id"])] = o["statements"]
    for g in sc.load_gold(sorted({str(p.parent) for p in gold})).values():
        text = g["text"]
        items = [(a, sc.span_tokens(text, *sc.locate(text, a))) for a in g["attributions"]]
        used: dict[int, dict[str, Any]] = {}
        spurious = []
        for p in preds.get(str(g["id"]), []):
            pt = sc.span_tokens(text, p["content"]["start"], p["content"]["end"])
            best = best_match(pt, [gt for _, gt in items], used)
            if best is not None:
                # as the scorer does: gold items sharing the matched content (layered sources,
                # "X and Y said") are one group, satisfied by this one prediction
                where = sc.locate(text, items[best][0])
                for i, (a, _) in enumerate(items):
                    if i not in used and sc.locate(text, a) == where:
                        used[i] = p
            else:
                spurious.append(p)
        yield g, [a for a, _ in items], used, spurious


def breakdown(system: Path, gold: Iterable[Path]) -> dict[str, dict[str, float]]:
    """Recall and speaker mention match by gold content type and by gold source kind."""
    sc = load_module("redline_score", SCORER)
    counts: dict[str, list[int]] = {}
    for g, items, used, _ in matched(system, gold):
        text = g["text"]
        for i, a in enumerate(items):
            if a.get("optional"):
                continue
            hit = i in used
            spk = hit and bool(a.get("speaker")) and sc.speaker_matches(a, used[i].get("speaker"), text)
            for key in (f"type={a.get('type')}", f"source={a.get('speaker_kind_heuristic')}"):
                c = counts.setdefault(key, [0, 0, 0])
                c[0] += 1
                c[1] += int(hit)
                c[2] += int(spk)
    return {
        k: {
            "n": c[0],
            "recall": round(c[1] / c[0], 3),
            "speaker_match": round(c[2] / c[1], 3) if c[1] else 0.0,
        }
        for k, c in sorted(counts.items())
    }


def _context(text: str, start: int, end: int) -> str:
    """The sentence-ish window around a span, on one line, for reading errors."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 300) + 1
    right = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    stop = min([*right, end + 200]) + 1
    return " ".join(text[left:stop].split())


def _cells(fields: list[str]) -> list[str]:
    return [" ".join(f.split()) for f in fields]


def write_errors(system: Path, gold: Iterable[Path], path: Path) -> None:
    """TSV of every missed gold attribution (with the best-overlapping prediction, so that span
    mismatches show) and every unmatched prediction: the listing issue 10's miss classes were
    counted from."""
    sc = load_module("redline_score", SCORER)
    rows = ["error\tdocument\tcue\tsource\tcontent\toverlap\tpredicted\tcontext"]
    for g, items, used, spurious in matched(system, gold):
        text = g["text"]
        preds = [*used.values(), *spurious]
        for i, a in enumerate(items):
            if i in used or a.get("optional"):
                continue
            s, e = sc.locate(text, a)
            gt = sc.span_tokens(text, s, e)
            best, best_ov = "", 0.0
            for p in preds:
                ov = overlap(gt, sc.span_tokens(text, p["content"]["start"], p["content"]["end"]))
                if ov > best_ov:
                    best, best_ov = p["content"]["text"], ov
            fields = ["miss", g["id"], a.get("cue") or "", a.get("speaker") or "", a["content"]]
            rows.append("\t".join(_cells([*fields, f"{best_ov:.2f}", best, _context(text, s, e)])))
        for p in spurious:
            c = p["content"]
            cue = text[p["cue"]["start"] : p["cue"]["end"]] if p.get("cue") else ""
            spk = (p.get("speaker") or {}).get("mention") or ""
            fields = ["spurious", g["id"], cue, spk, c["text"], "", "", _context(text, c["start"], c["end"])]
            rows.append("\t".join(_cells(fields)))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "train"], default="dev", help="PolNeAR split")
    parser.add_argument("--timing", action="store_true", help="time a fresh parse against extraction")
    parser.add_argument(
        "--out",
        type=Path,
        help="where the system output goes (default: a new private temporary folder, so that "
        "runs at the same time never score each other's output)",
    )
    parser.add_argument(
        "--errors", type=Path, help="write the PolNeAR misses and unmatched predictions to this TSV file"
    )
    args = parser.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"shared data not found at {SHARED.resolve()}")
    nlp = product_parser()
    WORK.mkdir(parents=True, exist_ok=True)
    out_dir: Path = args.out or Path(tempfile.mkdtemp(prefix="redline_attribution_eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    corpora = {"seed": seed_corpus(), args.split: dev_corpus() if args.split == "dev" else train_corpus()}
    for split, corpus in corpora.items():
        system, elapsed, gold = run_split(nlp, split, corpus, out_dir)
        r = score(system, [gold[0]] if split == "seed" else gold)
        a = r["attribution"]
        print(
            f"{split:5s} docs={r['documents']:4d} gold={r['gold_required']:5d} "
            f"P={a['p']:.3f} R={a['r']:.3f} F1={a['f1']:.3f} (tp={a['tp']} fp={a['fp']} fn={a['fn']}) "
            f"exact={a['exact_span_share']:.3f} speaker={r['speaker_accuracy_on_matched']:.3f} "
            f"extract={elapsed:.2f}s system={system}"
            + (
                f" [PolNeAR policy: {', '.join(f'{k}={v}' for k, v in POLNEAR_POLICY.items())}]"
                if split != "seed"
                else ""
            )
        )
        if split != "seed" and args.errors:
            write_errors(system, gold, args.errors)
        if split != "seed":
            for key, fig in breakdown(system, gold).items():
                print(
                    f"      {key:18s} n={fig['n']:5.0f} recall={fig['recall']:.3f} "
                    f"speaker_match={fig['speaker_match']:.3f}"
                )
        if args.timing:
            texts = [t for _, t, _ in corpus]
            t0 = time.perf_counter()
            docs = list(nlp.pipe(texts, batch_size=16))
            parse = time.perf_counter() - t0
            cues = _policy(split)
            t0 = time.perf_counter()
            for d in docs:
                find_attributions(d, cues)
            extract = time.perf_counter() - t0
            print(
                f"{split:5s} timing: parse={parse:.2f}s extract={extract:.2f}s "
                f"ratio=(parse+extract)/parse={(parse + extract) / parse:.3f}"
            )


if __name__ == "__main__":
    main()
