"""Is a text English? A cheap check so non-English articles are skipped with a reason.

The pipeline's models and lexicons are English; running them on German or Russian text
yields confident nonsense rather than an error. A full language identifier would be a heavy
dependency for one yes/no question, so this looks at the share of English function words
(a data list in ``knowledge/english_function_words.yaml``) among the first few thousand
characters, plus the share of Latin letters to catch non-Latin scripts.

A short, dense lede ("Kestria's trade ministry on Monday sent the envoys a signed counteroffer")
can have few function words of any language, so below ``SHORT_WORDS`` a low English share only
refuses a text when another language's function words (``non_english_function_words.yaml``)
are at least as frequent: too few words is weak evidence, and it needs a positive sign of the
other language.

A plan provision is terser still ("Ukraine receives robust guarantees"), so whether a *point* is
in another language is asked of the same figures with its own thresholds (``looks_foreign``):
one tokenizer and one pair of word lists, two verdicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from redline.errors import ConfigError
from redline.knowledge import packaged

WORDS_FILE = "english_function_words.yaml"
OTHER_WORDS_FILE = "non_english_function_words.yaml"
SAMPLE_CHARS = 3000
MIN_WORDS = 20  # below this a text is too short to judge, and is let through
SHORT_WORDS = 60  # below this a low English share also needs other languages' words to refuse
MIN_SHARE = 0.15  # English news prose scores 0.3-0.55; German, Spanish, French about 0-0.05
MIN_LATIN = 0.6  # share of letters that are Latin script
MIN_SCRIPT_LETTERS = 20  # from this many letters a text mostly in another script is not English
# A terse text (a plan point) is foreign only with almost no English function words and a fair
# share of other languages' ones; under TERSE_MIN_WORDS words it is not judged at all.
TERSE_MIN_WORDS = 5
TERSE_MAX_SHARE = 0.06
TERSE_MIN_OTHER = 0.15

_WORD = re.compile(r"[^\W\d_]+")
_CLITIC = re.compile(r"['\u2019][^\W\d_]+")
_NON_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")  # letters outside the Latin script


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The verdict and the figures behind it, so a Problem can say why."""

    english: bool
    share: float  # share of English function words among word tokens
    latin: float  # share of Latin-script letters among letters
    words: int  # word tokens looked at
    other: float = 0.0  # share of other languages' function words among word tokens

    def reason(self) -> str:
        if self.latin < MIN_LATIN:
            return f"does not look like English ({self.latin:.0%} of letters are Latin script)"
        return (
            f"does not look like English (only {self.share:.0%} of {self.words} words are common "
            f"English words; English prose has over {MIN_SHARE:.0%})"
        )


class EnglishDetector:
    """Holds the function-word list; build once and reuse for every document."""

    def __init__(self, words: frozenset[str], others: frozenset[str] = frozenset()) -> None:
        if not words:
            raise ConfigError("the English function-word list is empty", where=WORDS_FILE)
        self.words = words
        self.others = others - words

    @classmethod
    def load(cls, path: Path | None = None, others: Path | None = None) -> EnglishDetector:
        """Read the packaged word lists (or others with the same shape)."""
        return cls(_word_list(path or packaged(WORDS_FILE)), _word_list(others or packaged(OTHER_WORDS_FILE)))

    def guess(self, text: str) -> LanguageGuess:
        sample = text[:SAMPLE_CHARS]
        lowered = sample.lower()
        tokens = _WORD.findall(lowered)
        letters = sum(len(t) for t in tokens)
        latin = 1.0 - len(_NON_LATIN.findall(sample)) / letters if letters else 1.0
        share = sum(1 for t in tokens if t in self.words) / len(tokens) if tokens else 1.0
        # an English clitic ("Kestria's") is no Croatian "s"
        clitic_free = _WORD.findall(_CLITIC.sub("", lowered))
        other = sum(1 for t in clitic_free if t in self.others) / len(tokens) if tokens else 0.0
        # the script needs fewer letters than the word count: a line of Cyrillic is no English
        if letters >= MIN_SCRIPT_LETTERS and latin < MIN_LATIN:
            return LanguageGuess(False, share, latin, len(tokens), other)
        short = len(tokens) < SHORT_WORDS
        english = len(tokens) < MIN_WORDS or share >= MIN_SHARE or (short and other < share)
        return LanguageGuess(english, share, latin, len(tokens), other)

    def is_english(self, text: str) -> bool:
        return self.guess(text).english

    def looks_foreign(
        self,
        text: str,
        *,
        min_words: int = TERSE_MIN_WORDS,
        max_share: float = TERSE_MAX_SHARE,
        min_other: float = TERSE_MIN_OTHER,
    ) -> bool:
        """Whether a terse text is in another language: written mostly in another script, or
        with almost no English function words and a fair share of other languages' ones.

        Not ``not is_english``: a terse English provision has few function words of any
        language, so the bar for English is lower and another language must show itself."""
        seen = self.guess(text)
        if seen.words < min_words:
            return False
        return seen.latin < MIN_LATIN or (seen.share < max_share and seen.other >= min_other)


def _word_list(path: Path) -> frozenset[str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the word list: {exc}", where=str(path)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("words"), list):
        raise ConfigError("expected a mapping with a 'words' list", where=str(path))
    return frozenset(str(w).lower() for w in data["words"])
