"""Loading the spaCy model: a missing model is an installation problem with a fix in the message."""

from __future__ import annotations

from typing import Any

import pytest

from redline.errors import ModelNotInstalledError
from redline.extract.nlp import load_nlp


def test_missing_model_says_how_to_install() -> None:
    with pytest.raises(ModelNotInstalledError) as err:
        load_nlp("xx_redline_no_such_model")
    assert "pip install xx-redline-no-such-model" in str(err.value)
    assert err.value.exit_code == 3


@pytest.mark.model
def test_default_model_parses_and_tags_entities() -> None:
    nlp = load_nlp()
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    doc = nlp("Vladimir Putin spoke in Moscow.")
    assert any(ent.label_ == "PERSON" for ent in doc.ents)


@pytest.mark.model
def test_extraction_in_two_processes_equals_one(extractor: Any) -> None:
    from redline.model import Document

    docs = [
        Document(id=f"d{i}", text=f'"We will not give up Donbas," Zelensky said on day {i}. Putin said no.')
        for i in range(6)
    ]

    def run(n_process: int) -> list[tuple[str, list[str]]]:
        out = extractor.extract(docs, n_process=n_process)
        return [(e.document.id, [s.content.text for s in e.statements]) for e in out]

    one, two = run(1), run(2)
    assert two == one
    assert one[0][1]  # the sentences were attributed, so the comparison means something
