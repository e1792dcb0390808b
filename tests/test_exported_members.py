"""storyline.__all__ lists exactly the public API (after httpx's test_exported_members)."""

from __future__ import annotations

import importlib
import types

import storyline


def test_exported_members_match_the_public_names():
    public = {
        name for name, value in vars(storyline).items()
        # Submodules become package attributes when imported; they are not the curated API.
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert len(storyline.__all__) == len(set(storyline.__all__)), "a name is listed twice"
    assert set(storyline.__all__) == public


def test_exported_members_are_importable():
    fresh = importlib.import_module("storyline")
    for name in storyline.__all__:
        value = getattr(fresh, name)
        assert value is not None, name
        assert getattr(value, "__module__", "").startswith("storyline"), name
    namespace: dict = {}
    exec("from storyline import *", namespace)
    assert set(storyline.__all__) <= set(namespace)


def test_exported_members_include_the_documented_entry_points():
    # The README's Python API section uses these; they must stay public.
    for name in ("Article", "summarize", "render", "read_inputs", "StorylineError",
                 "Summary", "SummarySentence", "Citation", "available_methods"):
        assert name in storyline.__all__
