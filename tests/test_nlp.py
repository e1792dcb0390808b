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


def test_nlp_parse_keeps_parsed_texts_so_a_grown_story_parses_only_its_new_article(monkeypatch):
    first = Article("a", "Mayor Lena Ortiz opened the new bridge in Fernmoor on Monday.")
    second = Article("b", "Tom Reyes said the bridge cost 40 million crowns.")
    docs = nlp.parse([first, second])
    parsed: list[str] = []
    real = nlp.pipeline()

    class Counting:
        def pipe(self, texts, batch_size=16):
            texts = list(texts)
            parsed.extend(texts)
            return real.pipe(texts, batch_size=batch_size)

    monkeypatch.setattr(nlp, "pipeline", lambda: Counting())
    third = Article("c", "Ortiz said on Tuesday that the bridge would close for a week.")
    again = nlp.parse([first, second, third])
    assert parsed == [third.text]  # the story's earlier articles came from the kept parses
    assert again[0] is docs[0] and again[1] is docs[1]
    assert again[2].text == third.text and len(again[2]) > 5


def test_nlp_exported_parses_read_back_the_same_and_damaged_ones_are_parsed_again(monkeypatch):
    text = "Mayor Lena Ortiz said the Fernmoor bridge would reopen on Friday."
    other = "Tom Reyes of the Harbour Board disagreed."
    [doc] = nlp.parse([Article("a", text)])
    exported = nlp.export_parses([text, "never parsed here"])
    assert set(exported) == {text}
    nlp.forget_parses()
    assert nlp.import_parses({text: exported[text], other: b"not a parse"}) == 1
    parsed: list[str] = []
    real = nlp.pipeline()

    class Counting:
        vocab = real.vocab

        def pipe(self, texts, batch_size=16):
            texts = list(texts)
            parsed.extend(texts)
            return real.pipe(texts, batch_size=batch_size)

    monkeypatch.setattr(nlp, "pipeline", lambda: Counting())
    back, again = nlp.parse([Article("a", text), Article("b", other)])
    assert parsed == [other]  # the imported parse was used; the damaged one was redone
    assert [(t.text, t.idx, t.tag_, t.ent_type_, t.is_sent_start) for t in back] == \
        [(t.text, t.idx, t.tag_, t.ent_type_, t.is_sent_start) for t in doc]
    assert [e.text for e in back.ents] == [e.text for e in doc.ents]
    assert again.text == other
    monkeypatch.undo()
    assert nlp.parse_model().startswith("en_core_web_sm") and "spacy-" in nlp.parse_model()
