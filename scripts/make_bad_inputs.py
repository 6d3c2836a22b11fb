#!/usr/bin/env python3
"""Write a corpus of bad inputs, mixed with good ones, for testing that bad input never stops a run.

Usage: python scripts/make_bad_inputs.py OUT_DIR [--huge-bytes N]

Every file is generated here from text written for this project (standard library only). Besides
the inputs, OUT_DIR/manifest.json says what a run must report: ``bad`` maps each input that must
give exactly one line (``redline: skipped ...`` or ``redline: warning: ...``) to the kind of
Problem; ``good_ids`` are records that must be stored; ``good`` counts every document that
must come out (files without an id included). Run the tools with REDLINE_MAX_BYTES below
``--huge-bytes`` (the test uses 1,000,000) so the huge line is refused as too large.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
from pathlib import Path
from typing import Any

SENTENCES = [
    "Volodymyr Zelensky said on {day} that Ukraine would study the new draft carefully.",
    "Marco Rubio said the talks had made real progress on security guarantees.",
    "Dmitry Peskov told reporters that Moscow had not yet received the revised text.",
    "The delegations met for {n} hours in a hotel by the lake in Geneva.",
    "Kaja Kallas said Europe would keep its sanctions in place until a ceasefire held.",
    "A senior official said the question of territory was still open after round {n}.",
    "Vladimir Putin said the plan could become a basis for a final settlement.",
    "Reporters waited outside for {n} minutes, and no statement followed the session.",
    "Rustem Umerov said his team would report to Kyiv before the next meeting.",
    "Steve Witkoff said a framework was within reach, though several points remained.",
    "Officials in Brussels said the frozen assets would not be released this year.",
]
ARTICLE = " ".join(SENTENCES[:4]).format(day="Tuesday", n=6)
RUSSIAN = (
    "Министр иностранных дел заявил во вторник, что правительство внимательно изучит новый проект "
    "соглашения и готово снова встретиться с другой стороной на следующей неделе в Женеве, чтобы "
    "обсудить оставшиеся вопросы, включая гарантии безопасности и судьбу спорных территорий."
)


def article(n: int) -> str:
    """A good article of its own (no two share more than one sentence, so none is taken for a
    reprint of another): statements, a day and numbers that differ with ``n``."""
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    picked = [SENTENCES[(n * k + k) % len(SENTENCES)] for k in (1, 2, 3, 5)]
    return " ".join(dict.fromkeys(picked)).format(day=days[n % 7], n=n + 2) + f" This was report {n}."


def make(out: Path, huge_bytes: int = 5_000_000) -> dict[str, Any]:
    """Write the corpus into ``out`` (created) and return the manifest (also written there)."""
    out.mkdir(parents=True, exist_ok=True)
    bad: dict[str, str] = {}
    good_ids: list[str] = []
    good = 0

    def write(name: str, data: bytes | str, kind: str | None = None) -> Path:
        path = out / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if kind:
            bad[str(path)] = kind
        return path

    # good files
    write("good.txt", article(0))
    write(
        "good.html",
        "<!doctype html><html><head><meta charset='utf-8'><title>Talks resume</title></head><body>"
        f"<article><h1>Talks resume</h1><p>{article(1)}</p><p>{article(2)}</p></article></body></html>",
    )
    good += 2
    long_field = " ".join(article(i) for i in range(100, 500))  # one CSV field over 131,072 characters
    write("long-field.csv", f'id,title,text\ncsv-long,Long,"{long_field}"\ncsv-short,Short,"{article(3)}"\n')
    good_ids += ["csv-long", "csv-short"]
    good += 2

    # one JSON Lines file mixing good and bad records
    lines: list[bytes] = []

    def record(data: dict[str, Any] | None, raw: bytes | None = None, kind: str | None = None) -> None:
        lines.append(raw if raw is not None else json.dumps(data).encode())
        if kind:
            bad[f"{out / 'mixed.jsonl'}:{len(lines)}"] = kind

    def good_record(n: int) -> None:
        nonlocal good
        record({"id": f"jsonl-{n}", "text": article(3 + n), "published": "2025-11-27"})
        good_ids.append(f"jsonl-{n}")
        good += 1

    good_record(1)
    record(None, b'{"id": "huge-int", "text": "x", "count": ' + b"7" * 5000 + b"}", "json")
    good_record(2)
    record(None, b'{"id": "deep", "text": "x", "tree": ' + b"[" * 5000 + b"]" * 5000 + b"}", "json")
    good_record(3)
    record({"id": "nul", "text": article(8).replace(" said", " sa\u0000id")}, kind="cleaned")
    good_ids.append("nul")
    good += 1
    record({"id": "surrogate", "text": article(9) + " \ud800"}, kind="cleaned")
    good_ids.append("surrogate")
    good += 1
    record(None, b'{"id": "latin1", "text": "caf\xe9 au lait"}', "encoding")
    record(None, b'{"id": "cut", "text": "the record stops here', "json")
    record({"id": "no-text", "body": article(10)}, kind="json")
    good_record(4)
    write("mixed.jsonl", b"\n".join(lines) + b"\n")

    # bad files, one Problem each
    write("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 20, "binary")
    write("nul-bytes.txt", b"The minister said\x00\x00\x00\x01\x02" * 50, "binary")
    write("empty.txt", b"", "empty")
    write("huge-line.jsonl", b'{"text": "' + b"war and peace " * (huge_bytes // 14) + b'"}\n')
    bad[f"{out / 'huge-line.jsonl'}:1"] = "too_large"
    write("deep.json", "[" * 100_000 + "]" * 100_000, "json")
    write(
        "mojibake.txt",
        ARTICLE.replace("'", "’").replace(" ", " – ", 8).encode("utf-8").decode("cp1252", "replace"),
        "encoding",
    )
    write("broken-utf16.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"\x00\xd8", "encoding")
    write(
        "broken.html",
        "<html><head><title>x</title><body><div><div><script>var a = '<p>';</script><table><tr>",
        "html",
    )
    write("russian.txt", RUSSIAN, "language")
    write("archive.docx", b"PK\x03\x04" + bytes(200), "binary")
    os.mkfifo(out / "pipe.jsonl")  # never written to: opening it would block the run
    bad[str(out / "pipe.jsonl")] = "input"
    (out / "loop.txt").symlink_to(out / "loop.txt")
    bad[str(out / "loop.txt")] = "input"
    if os.geteuid() != 0:  # root reads files whatever their mode
        write("unreadable.txt", article(50), "input").chmod(0)

    manifest = {"bad": bad, "good_ids": good_ids, "good": good}
    (out / ".manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--huge-bytes", type=int, default=5_000_000, help="size of the single huge line")
    args = parser.parse_args()
    manifest = make(args.out, args.huge_bytes)
    print(f"{len(manifest['bad'])} bad inputs, {manifest['good']} good documents in {args.out}")


if __name__ == "__main__":
    main()
