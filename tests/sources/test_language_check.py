"""Non-English documents are skipped with a "language" Problem; English passes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from redline.config import Settings
from redline.sources.language import EnglishDetector

SPANISH = (
    "El ministro de Asuntos Exteriores dijo el martes que el Gobierno estudiará con atención el nuevo "
    "borrador y que está dispuesto a reunirse de nuevo con la otra parte la próxima semana para hablar "
    "de los puntos pendientes del plan."
)
RUSSIAN = (
    "Министр иностранных дел заявил во вторник, что правительство внимательно изучит новый проект и "
    "готово снова встретиться с другой стороной на следующей неделе."
)


def test_german_file_is_skipped(read: Any, inputs: Path) -> None:
    path = inputs / "german.txt"
    docs, problems = read([path])
    assert docs == []
    (problem,) = problems
    assert problem.kind == "language"
    assert problem.source == str(path)
    assert problem.reason.startswith("does not look like English")
    assert "REDLINE_CHECK_LANGUAGE=0" in (problem.hint or "")


def test_spanish_and_russian_records(read: Any, tmp_path: Path, english: str) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            f'{{"id": "{i}", "text": "{t}"}}' for i, t in (("es", SPANISH), ("ru", RUSSIAN), ("en", english))
        ),
        encoding="utf-8",
    )
    docs, problems = read([path])
    assert [d.id for d in docs] == ["en"]
    assert [(p.source, p.kind) for p in problems] == [(f"{path}:1", "language"), (f"{path}:2", "language")]
    assert "Latin script" in problems[1].reason


def test_check_can_be_switched_off(read: Any) -> None:
    docs, problems = read(["-"], Settings(check_language=False), stdin=io.StringIO(SPANISH))
    assert problems == []
    assert docs[0].language is None


def test_short_text_is_not_judged() -> None:
    detector = EnglishDetector.load()
    assert detector.is_english("Putin, Zelenskyy, Trump: Geneva.")


def test_english_plan_text_passes() -> None:
    detector = EnglishDetector.load()
    plan = (
        "1. Ukraine's sovereignty will be confirmed. 2. A comprehensive non-aggression agreement will be "
        "concluded between Russia, Ukraine and Europe. 3. Ukraine will receive reliable security guarantees. "
        "4. The size of the armed forces will be limited. 5. A dialogue will be held between Russia and NATO."
    )
    guess = detector.guess(plan)
    assert guess.english
    assert guess.share > 0.15


def test_word_list_is_data() -> None:
    detector = EnglishDetector.load()
    assert {"the", "of", "and", "said"} <= detector.words
    assert "die" not in detector.words  # shared with German: would blur the signal


DENSE_LEDE = (
    "HARLOW — Kestria's trade ministry on Monday sent Dovland's negotiators a signed counteroffer. "
    "Farm lobbies, fishing guilds, port unions and customs officials called the revised quota "
    "schedule workable, fair, overdue."
)
SHORT_SPANISH = (
    "El ministro dijo el martes que el Gobierno estudiará con atención el nuevo borrador y que está "
    "dispuesto a reunirse con la otra parte."
)


def test_short_dense_english_lede_passes() -> None:
    detector = EnglishDetector.load()
    guess = detector.guess(DENSE_LEDE)
    assert guess.words >= 20 and guess.share < 0.15  # the case: few function words in few words
    assert guess.english


def test_short_spanish_text_is_still_refused() -> None:
    guess = EnglishDetector.load().guess(SHORT_SPANISH)
    assert 20 <= guess.words < 60
    assert not guess.english


def test_a_terse_point_is_judged_by_the_same_detector_with_its_own_bars() -> None:
    detector = EnglishDetector.load()
    point = "Le traité entre Vask et Terel sera révisé après douze mois."
    assert detector.looks_foreign(point)
    # the bars are parameters of the one check, not a second detector
    assert not detector.looks_foreign(point, min_other=0.9)
    assert not detector.looks_foreign(point, min_words=20)
    assert not detector.looks_foreign("Terel's envoy's deputy's aide's Kestria's report.")
