"""The README documents every command and option (after sqlite-utils' docs tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def readme() -> str:
    text = README.read_text(encoding="utf-8") if README.is_file() else ""
    if "storyline summarize" not in text:
        pytest.skip("README.md has no usage section yet (no 'storyline summarize' in it)")
    return text


def mentions_option(text: str, option: str) -> bool:
    return re.search(re.escape(option) + r"(?![\w-])", text) is not None


def test_docs_readme_shows_every_command(readme, cli_commands):
    for command in cli_commands:
        assert f"storyline {command}" in readme, f"`storyline {command}` is not in README.md"


def test_docs_readme_explains_every_summarize_option(readme, cli_options):
    missing = [o for o in cli_options["summarize"] if not mentions_option(readme, o)]
    assert not missing, f"summarize options missing from README.md: {missing}"


def test_docs_readme_shows_every_evaluate_option(readme, cli_options):
    missing = [o for o in cli_options["evaluate"] if not mentions_option(readme, o)]
    assert not missing, f"evaluate options missing from README.md: {missing}"


def test_docs_readme_lists_every_method(readme):
    from storyline.summarizers.base import available_methods

    for method in available_methods():
        assert f"`{method}`" in readme, f"method {method} is not in README.md"


def test_docs_readme_lists_every_output_format(readme):
    from storyline.render import FORMATS

    for fmt in FORMATS:
        assert f"`{fmt}`" in readme, f"format {fmt} is not in README.md"
