"""The product's parse of shared texts, cached on disk, for benchmarks that score one layer.

A benchmark that scores attribution or speaker resolution alone must read the Doc the product
reads (its tokenizer exceptions, lemma fixes, paragraph breaks), not a bare model load, or its
figure measures something redline never runs. Parsing is the slow part, so parsed Docs are kept
under the temp directory keyed by everything that shapes them: model, pipes, lemma fixes, text.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from redline.errors import ConfigError, ModelNotInstalledError
from redline.extract.pipeline import load_parser
from redline.knowledge import packaged

CACHE = Path(tempfile.gettempdir()) / "redline_parsed"


def product_parser() -> Language:
    """The product's parse without its rules; a missing model ends the run with its message."""
    try:
        return load_parser()
    except (ConfigError, ModelNotInstalledError) as err:
        raise SystemExit(str(err)) from err


def parsed(nlp: Language, label: str, texts: list[str]) -> list[Doc]:
    """``texts`` parsed by ``nlp``, from the cache when the same parse was made before; concurrent
    runs may share the cache (a file appears whole or not at all)."""
    lemmas = hashlib.sha1(packaged("lemmas.yaml").read_bytes()).hexdigest()
    parts = [nlp.meta["name"], nlp.meta["version"], ",".join(nlp.pipe_names), lemmas, *texts]
    key = hashlib.sha1("\x1e".join(parts).encode()).hexdigest()[:16]
    path = CACHE / f"{label}_{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    DocBin(store_user_data=False, docs=docs).to_disk(partial)
    partial.replace(path)
    return docs
