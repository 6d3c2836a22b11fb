"""Aligning a draft with its translation into another script, which shares no words with it.

Every text here is written for these tests (fictional provisions).
"""

from __future__ import annotations

import pytest
from negotiation_builders import version

from redline.analysis.align import align_versions
from redline.analysis.negotiation import foreign_text
from redline.analysis.point_tags import point_warnings
from redline.errors import ConfigError
from redline.knowledge.scripts import parse_latin_letters

ENGLISH = [
    "The guns on the Lake of Dorn shall fall silent at 18:00 on the day of signature.",
    "No armed boat longer than 20 m shall come within 12 km of the other shore.",
    "The ferry between Mirna and Holt shall run again within 60 days.",
    "The islands of Vask and Terel shall stay under the Lower Council until arbitration.",
    "No sailor shall be tried for crossing the lake before signature.",
    "The Protocol shall be reviewed by the Parties after 12 months.",
]
# the next draft in Ukrainian: the ferry (3) dropped, a laboratory added at the end, figures changed
UKRAINIAN = [
    "Гармати на озері Дорн замовкають о 20:00 у день підписання.",
    "Жоден озброєний човен довжиною понад 20 м не заходить у смугу 15 км від іншого берега.",
    "Острови Васк і Терел залишаються під Нижньою Радою до арбітражу.",
    "Жодного моряка не судять за перетин озера до підписання.",
    "Сторони переглядають Протокол через 12 місяців.",
    "Спільна лабораторія щомісяця перевіряє воду.",
]


def test_a_translation_is_aligned_by_figures_names_and_order() -> None:
    diff = align_versions(version("en", ENGLISH), version("uk", UKRAINIAN))
    assert diff.pairs() == {
        ("1", "1"),
        ("2", "2"),
        ("3", None),
        ("4", "3"),
        ("5", "4"),  # no figure and no name: the one point left between two pairs on each side
        ("6", "5"),
        (None, "6"),
    }


def test_two_versions_in_one_script_do_not_pair_a_gap_by_position() -> None:
    old = ["The guns fall silent at dawn.", "The ferry runs again.", "Talks resume in spring."]
    new = [
        "The guns fall silent at dawn.",
        "A laboratory tests the water monthly.",
        "Talks resume in spring.",
    ]
    assert align_versions(version("a", old), version("b", new)).pairs() == {
        ("1", "1"),
        ("2", None),
        (None, "2"),
        ("3", "3"),
    }


def test_the_script_letters_file_is_validated() -> None:
    assert parse_latin_letters({"latin": {"Ж": "ZH", "ь": ""}}) == {"ж": "zh", "ь": ""}
    with pytest.raises(ConfigError):
        parse_latin_letters({"latin": {"жж": "zh"}})
    with pytest.raises(ConfigError):
        parse_latin_letters({"latin": {"ж": "ж"}})


def test_points_in_another_script_are_named_as_not_english() -> None:
    warnings = point_warnings(
        version("uk", [*UKRAINIAN[:2], "No sailor shall be tried for it."]), foreign_text()
    )
    assert [w.split(" does not")[0] for w in warnings] == ["point 1", "point 2"]
    assert "has no English gloss" in warnings[0]


def test_possessives_do_not_make_a_terse_english_point_foreign() -> None:
    # two "'s" once counted as the Slavic word "s": 2 of 8 words "foreign", no English ones
    foreign = foreign_text()
    assert not foreign("Vask's harbour reopened. Terel's garrison withdrawn afterwards.")
    assert not foreign("Mirna's ferries restored; Holt's customs posts dismantled.")


def test_points_in_other_latin_languages_are_still_foreign() -> None:
    foreign = foreign_text()
    assert foreign("Die Fähre zwischen Mirna und Holt wird innerhalb von 60 Tagen wieder fahren.")
    assert foreign("La sécurité de l'île de Vask sera garantie par les Parties dans un délai d'un an.")
    assert foreign("Il traghetto tra Mirna e Holt sarà ripristinato entro 60 giorni dalla firma.")
    assert not foreign("Vask und Terel.")  # under five words: not judged
