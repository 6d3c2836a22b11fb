"""Quality of the full extractor on the bundled example corpus (2025 talks), against expected.json.

Usage: python benchmarks/examples_eval.py [--verbose] [--json]

The example corpus is the closest thing we have to unseen coverage of the 2025 talks (the seed is
one article, PolNeAR is 2016 US politics), so this is the figure to watch for analysts. Scoring
uses ../shared/eval/score.py when it is present (the reference scorer the other benchmarks use)
and otherwise benchmarks/_examples_score.py, which follows the same rules. --verbose lists every
error: missed gold items, spurious statements, wrong speakers, issues and stances.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _examples_score import align, judged_item, names_agree, score_documents
from _shared import SHARED, as_date, load_scorer

from redline.examples import corpus_path, gold_documents
from redline.extract.pipeline import COMPONENT, Extractor
from redline.knowledge.classifiers import load_weights
from redline.model import Document


def system_output(
    extractor: Extractor, gold: list[dict[str, Any]], corpus: Path | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Statements for the annotated articles of ``corpus`` (the bundled example corpus by default)."""
    wanted = {d["id"] for d in gold}
    docs = []
    with (corpus or corpus_path()).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                r = json.loads(line)
                if r["id"] in wanted:
                    published = as_date(r.get("published"))
                    outlet = r.get("outlet")
                    docs.append(Document(id=r["id"], text=r["text"], published=published, outlet=outlet))
    return {x.document.id: x.to_dict()["statements"] for x in extractor.extract(docs)}


Item = dict[str, Any]


def figures(gold: list[Item], system: dict[str, list[Item]]) -> tuple[Item, str]:
    scorer = SHARED / "eval" / "score.py"
    if scorer.is_file():
        module = load_scorer(SHARED)
        lines = [json.dumps({"document": {"id": k}, "statements": v}) for k, v in system.items()]
        return module.score({d["id"]: d for d in gold}, lines), str(scorer)
    return score_documents(gold, system), "benchmarks/_examples_score.py"


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


def _errors_of(item: Item, pred: Item, said: str, speaker_judged: bool, issues: bool) -> list[str]:
    lines = []
    name = (pred.get("speaker") or {}).get("name")
    if speaker_judged and not (item.get("speaker") and names_agree(item["speaker"], name)):
        lines.append(
            f"  SPKR  gold {item['speaker']} ({item.get('speaker_mention')}) got {said}: "
            f"{_short(item['content'], 70)}"
        )
    if not issues:  # a set annotated for attribution and speakers only
        return lines
    gi, pi = set(item.get("issues") or []), set(pred.get("issues") or [])
    if gi != pi:
        lines.append(f"  ISSUE gold {sorted(gi)} got {sorted(pi)}: {_short(item['content'], 80)}")
    if item.get("stance") not in (None, "neutral") and gi and pred.get("stance") != item["stance"]:
        lines.append(
            f"  STNC  gold {item['stance']} got {pred.get('stance')} on {sorted(gi)}: "
            f"{_short(item['content'], 80)}"
        )
    return lines


def list_errors(gold: list[Item], system: dict[str, list[Item]], issues: bool = True) -> None:
    """Print each document's misses, spurious statements and wrong speakers (and, with
    ``issues``, wrong issues and stances)."""
    for doc in gold:
        pairs, missed = align(doc, system.get(doc["id"], []))
        lines: list[str] = []
        for a in missed:
            if not a.get("optional"):
                lines.append(
                    f"  MISS  [{a['speaker']} / {a.get('speaker_mention')} / {a.get('cue')}] "
                    f"{_short(a['content'])}"
                )
        for pred, members in pairs:
            sp = pred.get("speaker") or {}
            mention = sp.get("mention")
            said = f"{sp.get('name')} <{mention.get('text') if isinstance(mention, dict) else mention}>"
            if not members:
                cue = (pred.get("cue") or {}).get("text")
                lines.append(f"  FP    [{said} / {cue}] {_short(pred['content']['text'])}")
                continue
            if all(m.get("optional") for m in members):
                continue
            judged = any(m.get("speaker") for m in members)
            lines.extend(_errors_of(judged_item(members, pred), pred, said, judged, issues))
        if lines:
            print(doc["id"])
            print("\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbose", action="store_true", help="list every error")
    ap.add_argument("--json", action="store_true", help="print the full figures as JSON")
    ap.add_argument("--weights", type=Path, help="classifier weights to use instead of the shipped ones")
    args = ap.parse_args()
    gold = gold_documents()
    extractor = Extractor.load()
    if args.weights:  # e.g. weights trained with another training set, before shipping them
        extractor.nlp.get_pipe(COMPONENT).use_weights(load_weights(args.weights))
    report("examples", gold, system_output(extractor, gold), verbose=args.verbose, as_json=args.json)


def report(
    label: str,
    gold: list[dict[str, Any]],
    system: dict[str, list[dict[str, Any]]],
    *,
    verbose: bool,
    as_json: bool,
    issues: bool = True,
) -> None:
    """Print a corpus's figures (and with ``verbose`` its errors, with ``as_json`` all figures);
    ``issues``: whether its gold annotates issues and stance, so that they are figures at all."""
    result, scorer = figures(gold, system)
    if verbose:
        list_errors(gold, system, issues=issues)
    if as_json:
        print(json.dumps(result, indent=1))
    a = result["attribution"]
    print(f"scorer: {scorer}; {len(gold)} documents")
    line = (
        f"{label:<12} attribution P={a['p']} R={a['r']} F1={a['f1']} (tp={a['tp']} fp={a['fp']} "
        f"fn={a['fn']}) speaker_acc={result['speaker_accuracy_on_matched']}"
    )
    if issues:
        line += (
            f" issue_f1={result['issues']['f1']} stance_acc={result['stance_accuracy']}"
            f" (n={result['stance_n']})"
        )
    print(line)


if __name__ == "__main__":
    main()
