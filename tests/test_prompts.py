"""The built-in restore-or-renovate prompt library."""

from __future__ import annotations

import pytest

from sdtui.model import Language, ValidationError
from sdtui.prompts import MAX_EXPLANATION, MAX_PROMPT_TITLE, PROMPTS, Prompt, prompt_by_id

LANGUAGES = ("nl", "en")


def test_library_has_enough_prompts_with_unique_slug_ids() -> None:
    assert len(PROMPTS) >= 14
    ids = [prompt.id for prompt in PROMPTS]
    assert len(ids) == len(set(ids))
    for prompt_id in ids:
        assert prompt_id == prompt_id.lower() and " " not in prompt_id and len(prompt_id) <= 40


def test_library_covers_the_questions_from_the_source_texts() -> None:
    ids = {prompt.id for prompt in PROMPTS}
    assert {
        "housing-first",
        "digital-working",
        "elderly-attention",
        "postponed-care",
        "lost-work",
        "neighbourhood-teams",
        "local-coalitions",
        "inform-council",
        "crisis-priorities",
        "care-demand",
        "information-position",
        "policy-guide",
        "case-privacy",
        "learning-together",
        "national-signals",
    } <= ids


@pytest.mark.parametrize("prompt", PROMPTS, ids=lambda p: p.id)
def test_every_prompt_is_translated(prompt: Prompt) -> None:
    for texts in (prompt.title, prompt.explanation, prompt.what_changed):
        assert set(texts) == set(LANGUAGES)
        assert all(texts[lang].strip() for lang in LANGUAGES)
        assert texts["nl"] != texts["en"]


@pytest.mark.parametrize("prompt", PROMPTS, ids=lambda p: p.id)
def test_every_prompt_fits_a_narrow_list(prompt: Prompt) -> None:
    for lang in LANGUAGES:
        title, explanation = prompt.text(lang), prompt.explain(lang)
        assert len(title) <= MAX_PROMPT_TITLE <= 60
        assert len(explanation) <= MAX_EXPLANATION <= 70
        assert "\n" not in title and "\n" not in explanation
        assert title == title.strip() and explanation == explanation.strip()


@pytest.mark.parametrize("prompt", PROMPTS, ids=lambda p: p.id)
def test_every_prompt_asks_a_question(prompt: Prompt) -> None:
    assert all(prompt.text(lang).endswith("?") for lang in LANGUAGES)


def test_language_falls_back_to_dutch() -> None:
    prompt = prompt_by_id("housing-first")
    assert prompt.text() == prompt.title["nl"]
    assert prompt.text(Language.EN) == prompt.title["en"]
    assert prompt.text("EN") == prompt.title["en"]
    assert prompt.text("de") == prompt.title["nl"]
    assert prompt.explain("fr") == prompt.explanation["nl"]
    assert prompt.changed(None) == prompt.what_changed["nl"]
    assert "10" in prompt.explain("nl") and "10" in prompt.explain("en")


def test_a_dutch_only_prompt_answers_in_dutch() -> None:
    prompt = Prompt("eigen-vraag", {"nl": "Wijkbudget: houden we het?"}, {"nl": "Eigen vraag van het netwerk."})
    assert prompt.text("en") == "Wijkbudget: houden we het?"
    assert prompt.explain("en") == "Eigen vraag van het netwerk."
    assert prompt.changed("en") == ""


def test_prompt_by_id_finds_each_prompt() -> None:
    for prompt in PROMPTS:
        assert prompt_by_id(prompt.id) is prompt


def test_prompt_by_id_names_the_unknown_id() -> None:
    with pytest.raises(KeyError) as error:
        prompt_by_id("no-such-prompt")
    message = str(error.value)
    assert "no-such-prompt" in message and "housing-first" in message


def test_prompt_by_id_searches_a_given_library() -> None:
    own = Prompt("eigen-vraag", {"nl": "Wijkbudget: houden we het?"}, {"nl": "Eigen vraag."})
    assert prompt_by_id("eigen-vraag", [*PROMPTS, own]) is own
    with pytest.raises(KeyError):
        prompt_by_id("eigen-vraag")


def test_prompts_are_immutable_and_hashable() -> None:
    prompt = PROMPTS[0]
    with pytest.raises(AttributeError):
        prompt.id = "other"  # type: ignore[misc]
    assert len(set(PROMPTS)) == len(PROMPTS)


def test_prompt_survives_a_round_trip_through_a_dict() -> None:
    for prompt in PROMPTS:
        assert Prompt.from_dict(prompt.to_dict()) == prompt


@pytest.mark.parametrize(
    "data, fragment",
    [
        ({"id": "Housing First", "title": {"nl": "Vraag?"}, "explanation": {"nl": "Uitleg."}}, "slug"),
        ({"id": "vraag", "title": {"en": "Question?"}, "explanation": {"nl": "Uitleg."}}, "Dutch"),
        ({"id": "vraag", "title": {"nl": "x" * 61}, "explanation": {"nl": "Uitleg."}}, "too long"),
        ({"id": "vraag", "title": {"nl": "Vraag?"}, "explanation": {"nl": "x" * 71}}, "too long"),
        ({"id": "vraag", "title": {"nl": "Vraag?", "de": "Frage?"}, "explanation": {"nl": "Uitleg."}}, "de"),
        ({"id": "vraag", "title": "Vraag?", "explanation": {"nl": "Uitleg."}}, "language"),
        ({"id": "vraag", "explanation": {"nl": "Uitleg."}}, "title"),
        ({"id": "vraag", "title": {"nl": "Vraag?"}, "explanation": {"nl": "Uitleg."}, "colour": "red"}, "colour"),
    ],
)
def test_a_bad_prompt_gets_a_clear_message(data: dict, fragment: str) -> None:
    with pytest.raises(ValidationError) as error:
        Prompt.from_dict(data)
    assert fragment in error.value.message


def test_prompt_text_is_cleaned_of_control_characters() -> None:
    prompt = Prompt("vraag", {"nl": "  Vraag\x1b[31m?  "}, {"nl": "Uitleg\nop twee regels."})
    assert prompt.text() == "Vraag[31m?"
    assert prompt.explain() == "Uitleg op twee regels."
