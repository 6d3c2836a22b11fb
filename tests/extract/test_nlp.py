"""Loading the spaCy model: a missing model is an installation problem with a fix in the message."""

from __future__ import annotations

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
