"""Recompute the start/end offsets in expected.json after an article of the corpus was edited.

Usage: python examples/corpus/refresh_offsets.py

An annotation's content is the truth and its offsets follow it: for each item the occurrence
of the content nearest to the old offset is taken, so an edit earlier in the article does not
lose the annotation. Items whose content is no longer in the text are listed and the file is
left unchanged, because only a person can decide what the annotation should become. The
packaged copies under src/redline/examples/corpus/ are updated too.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGED = HERE.parents[1] / "src" / "redline" / "examples" / "corpus"


def _nearest(text: str, content: str, old_start: int) -> int | None:
    starts = []
    at = text.find(content)
    while at >= 0:
        starts.append(at)
        at = text.find(content, at + 1)
    return min(starts, key=lambda start: abs(start - old_start)) if starts else None


def main() -> int:
    texts = {}
    for line in (HERE / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    gold = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    lost = []
    moved = 0
    for document in gold["documents"]:
        text = texts.get(document["id"])
        for item in document["attributions"]:
            start = None if text is None else _nearest(text, item["content"], item["start"])
            if start is None:
                lost.append(f"{document['id']}: {item['content'][:70]!r}")
                continue
            moved += start != item["start"]
            item["start"], item["end"] = start, start + len(item["content"])
    if lost:
        print("content no longer found; fix these annotations by hand:", *lost, sep="\n  ")
        return 1
    payload = json.dumps(gold, ensure_ascii=False, indent=1)
    (HERE / "expected.json").write_text(payload, encoding="utf-8")
    for name in ("articles.jsonl", "expected.json", "README.md"):
        shutil.copyfile(HERE / name, PACKAGED / name)
    print(f"{moved} annotation(s) moved; packaged copies updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
