"""Loading the English spaCy pipeline (storyline.nlp)."""

from __future__ import annotations

import pytest

from storyline import nlp
from storyline.types import Article


def test_nlp_missing_model_says_how_to_install(monkeypatch):
    import spacy

    def no_model(name, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", no_model)
    monkeypatch.setattr(nlp, "_pipeline", None)
    with pytest.raises(nlp.ModelMissingError) as error:
        nlp.pipeline()
    assert "requirements/model.txt" in str(error.value)
    assert "en_core_web_sm" in str(error.value)


def test_nlp_pipeline_loads_once_and_parses_with_source_offsets():
    first = nlp.pipeline()
    assert nlp.pipeline() is first
    assert "parser" not in first.pipe_names and "ner" in first.pipe_names
    article = Article("a", "Mayor Lena Ortiz met Tom Reyes in Fernmoor on Monday.")
    [doc] = nlp.parse([article])
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert people and all(article.text[e.start_char:e.end_char] == e.text for e in people)
