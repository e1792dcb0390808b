from __future__ import annotations

from stories_fixtures import BRIDGE, BRIDGE_WIRE, CHEESE

from storyline.dedup import DuplicateFinder, shingles, signatures, text_hash


def remembered(finder: DuplicateFinder, article_id: str, text: str) -> None:
    finder.remember(article_id, text_hash(text), signatures([text])[0])


def verdict(finder: DuplicateFinder, article_id: str, text: str):
    return finder.check(article_id, text_hash(text), signatures([text])[0])


def test_dedup_text_hash_ignores_case_punctuation_and_spacing():
    assert text_hash("Rain closed the  bridge.") == text_hash("rain closed the bridge")
    assert text_hash("Rain closed the bridge.") != text_hash("Rain closed the road.")


def test_dedup_shingles_are_word_triples_and_short_texts_are_one_shingle():
    assert shingles("a b c d") == {b"a b c", b"b c d"}
    assert shingles("two words") == {b"two words"}
    assert shingles("") == set()


def test_dedup_exact_copy_found_by_hash():
    finder = DuplicateFinder()
    remembered(finder, "one", BRIDGE)
    found = verdict(finder, "two", BRIDGE.upper())
    assert found.kind == "exact" and found.duplicate_of == "one" and found.is_duplicate


def test_dedup_wire_copy_with_small_edits_is_near_duplicate():
    finder = DuplicateFinder()
    remembered(finder, "one", BRIDGE)
    found = verdict(finder, "wire", BRIDGE_WIRE)
    assert found.kind == "near" and found.duplicate_of == "one"


def test_dedup_different_story_is_new():
    finder = DuplicateFinder()
    remembered(finder, "one", BRIDGE)
    assert not verdict(finder, "cheese", CHEESE).is_duplicate


def test_dedup_check_does_not_remember_and_same_id_is_not_its_own_copy():
    finder = DuplicateFinder()
    assert not verdict(finder, "one", BRIDGE).is_duplicate
    assert len(finder) == 0
    remembered(finder, "one", BRIDGE)
    remembered(finder, "one", BRIDGE)
    assert len(finder) == 1
    assert not verdict(finder, "one", BRIDGE).is_duplicate
