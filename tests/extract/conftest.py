"""Fixtures of the extraction tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import Attributed, attributed_by


@pytest.fixture(scope="session")
def attributed(nlp: Language) -> Attributed:
    """Attributions of a text as the words they span (``attribution_spans.Spanned``)."""
    return attributed_by(nlp)
