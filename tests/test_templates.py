"""Agenda templates and own prompts: built in, saved from a session, kept in the store."""

from __future__ import annotations

import pytest

from sdtui.library import OwnLibrary
from sdtui.model import ItemKind, Language, Session, ValidationError
from sdtui.prompts import PROMPTS, prompt_by_id
from sdtui.store import Store, StoreCorrupt, StoreError, StoreForeign
from sdtui.templates import MAX_DESCRIPTION, MAX_TEMPLATE_NAME, TEMPLATES, Template, TemplateTopic, find_template

from .support.hostile_text import HOSTILE


def prepared_session() -> Session:
    session = Session(title="Netwerkbijeenkomst september", network="Wmo-netwerk", language="nl")
    session.add_item("Opening", kind=ItemKind.OPENING, timebox=10, standing=True)
    housing = session.add_item("Wonen", kind=ItemKind.ROUND, presenter="Zoë Hendriks", timebox=30)
    session.add_round(
        PROMPTS[0].text("nl"), item_id=housing.id, what_changed=PROMPTS[0].changed("nl"), prompt_id=PROMPTS[0].id
    )
    session.add_round("Wijkbudget: [bold]houden[/] we het?", item_id=housing.id, what_changed="Het budget liep af.")
    session.add_participant("Zoë Hendriks", "gemeente Huizen")
    session.add_decision("Terug naar af")
    return session


# --- the built-in templates ----------------------------------------------------------------


def test_there_are_three_built_in_templates_in_dutch_and_english() -> None:
    assert [t.id for t in TEMPLATES] == ["guest-speaker", "crisis-lessons", "signals-round"]
    for template in TEMPLATES:
        assert template.builtin and template.languages == ("nl", "en")
        assert template.title("nl") != template.title("en")
        assert template.describe("nl") and template.describe("en")
        for language in ("nl", "en"):  # one line each in the picker, in an 80-column terminal
            assert len(template.title(language)) <= MAX_TEMPLATE_NAME
            assert len(template.describe(language)) <= MAX_DESCRIPTION


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_built_in_template_makes_a_session_in_the_language_picked(template: Template, language: str) -> None:
    other = "en" if language == "nl" else "nl"
    session = template.new_session("Bijeenkomst", language, network="Wmo-netwerk", date="2026-09-17")
    assert session.language is Language(language)
    assert [item.title for item in session.agenda] == [item.title[language] for item in template.items]
    assert [item.title for item in session.agenda] != [item.title[other] for item in template.items]
    assert [item.kind for item in session.agenda] == [item.kind for item in template.items]
    assert session.planned_minutes == template.minutes
    for round_ in session.rounds:
        assert session.item(round_.item_id) is not None
        if round_.prompt_id:
            assert round_.topic == prompt_by_id(round_.prompt_id).text(language)
    assert Session.from_dict(session.to_dict()) == session


def test_the_templates_cover_guest_speaker_crisis_lessons_and_signals() -> None:
    kinds = {t.id: {item.kind for item in t.items} for t in TEMPLATES}
    assert ItemKind.PRESENTATION in kinds["guest-speaker"]
    assert ItemKind.ROUND in kinds["crisis-lessons"]
    assert ItemKind.SIGNALS in kinds["signals-round"]
    crisis = TEMPLATES[1].new_session("x", "nl")
    assert {r.prompt_id for r in crisis.rounds} >= {"housing-first", "digital-working"}


def test_a_session_from_a_template_is_checked_like_any_other() -> None:
    with pytest.raises(ValidationError) as error:
        TEMPLATES[0].new_session("", "nl")
    assert error.value.field == "title"
    with pytest.raises(ValidationError):
        TEMPLATES[0].new_session("x", "fr")


# --- a template saved from a session ----------------------------------------------------------


def test_a_session_saved_as_a_template_keeps_agenda_and_topics_but_not_what_happened() -> None:
    session = prepared_session()
    template = Template.from_session(session, "  Mijn september-agenda  ")
    assert template.title("nl") == "Mijn september-agenda" and not template.builtin
    assert template.id.startswith("own-")
    again = template.new_session("Volgende keer", "nl")
    assert [(i.title, i.kind, i.timebox, i.presenter, i.standing) for i in again.agenda] == [
        (i.title, i.kind, i.timebox, i.presenter, i.standing) for i in session.agenda
    ]
    assert [(r.topic, r.what_changed, r.prompt_id) for r in again.rounds] == [
        (r.topic, r.what_changed, r.prompt_id) for r in session.rounds
    ]
    assert again.rounds[0].item_id == again.agenda[1].id
    assert not again.decisions and not again.participants
    assert {item.id for item in again.agenda}.isdisjoint(item.id for item in session.agenda)
    assert Template.from_dict(template.to_dict()) == template


def test_a_dutch_template_started_in_english_translates_only_the_library_topics() -> None:
    template = Template.from_session(prepared_session(), "Mijn agenda")
    english = template.new_session("Next time", "en")
    assert english.agenda[1].title == "Wonen"  # the user's own words exist in Dutch only
    assert english.rounds[0].topic == PROMPTS[0].text("en")
    assert english.rounds[1].topic == "Wijkbudget: [bold]houden[/] we het?"


@pytest.mark.parametrize("name, fragment", [("", "cannot be empty"), ("x" * 61, "too long")])
def test_a_template_needs_a_short_name(name: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as error:
        Template.from_session(prepared_session(), name)
    assert fragment in error.value.message and error.value.field == "name"


def test_an_empty_agenda_makes_no_template() -> None:
    with pytest.raises(ValidationError) as error:
        Template.from_session(Session(title="Leeg"), "Leeg")
    assert "agenda" in error.value.message


@pytest.mark.parametrize(
    "data, fragment",
    [
        ("a list", "JSON object"),
        ({"id": "Bad Id", "name": {"nl": "x"}, "items": [{"title": {"nl": "x"}}]}, "slug"),
        ({"id": "own-x", "name": {"nl": "x"}, "items": []}, "at least one"),
        ({"id": "own-x", "name": {"de": "x"}, "items": [{"title": {"nl": "x"}}]}, "de"),
        ({"id": "own-x", "name": {"nl": "x"}, "items": [{"title": {"nl": "x"}, "timebox": 9999}]}, "working day"),
        ({"id": "own-x", "name": {"nl": "x"}, "items": [{"title": {"nl": "x"}, "colour": "red"}]}, "colour"),
    ],
)
def test_a_bad_template_gets_a_clear_message(data: object, fragment: str) -> None:
    with pytest.raises(ValidationError) as error:
        Template.from_dict(data)
    assert fragment in error.value.message


def test_a_topic_falls_back_to_its_own_words_when_its_prompt_is_gone() -> None:
    topic = TemplateTopic({"nl": "Eigen vraag?"}, {"nl": "Iets veranderde."}, "own-gone")
    assert topic.words("en", PROMPTS) == ("Eigen vraag?", "Iets veranderde.")


def test_a_reworded_library_topic_keeps_its_words_in_its_own_language() -> None:
    topic = TemplateTopic({"nl": "Housing first, in Tilburg?"}, {}, PROMPTS[0].id)
    assert topic.words(Language.NL, PROMPTS) == ("Housing first, in Tilburg?", "")
    assert topic.words(Language.EN, PROMPTS) == (PROMPTS[0].text("en"), PROMPTS[0].changed("en"))


def test_templates_are_found_by_id_name_or_id_start() -> None:
    own = Template.from_session(prepared_session(), "Mijn agenda", "own-abc123")
    library = [*TEMPLATES, own]
    assert find_template("signals-round", library).id == "signals-round"
    assert find_template("network meeting with a guest speaker", library).id == "guest-speaker"
    assert find_template("Netwerkbijeenkomst met gastspreker", library).id == "guest-speaker"
    assert find_template("own-abc", library) is own
    with pytest.raises(ValidationError) as error:
        find_template("nothing like it", library)
    assert "sdtui templates" in error.value.message


# --- kept in the store ---------------------------------------------------------------------


def test_an_own_template_is_kept_in_the_store_and_starts_a_session(store: Store) -> None:
    template = OwnLibrary(store.root).add_template(Template.from_session(prepared_session(), "Mijn agenda"))
    store.close()
    with Store(store.root) as reopened:
        library = OwnLibrary(reopened.root)
        [kept] = library.templates()
        assert kept == template
        assert [t.id for t in library.all_templates()] == [*(t.id for t in TEMPLATES), template.id]
        session = reopened.add(kept.new_session("Oktober", "nl"))
        assert [i.title for i in reopened.load(session.id).agenda] == ["Opening", "Wonen"]
    assert (store.root / "templates.json").stat().st_mode & 0o777 == 0o600


def test_two_templates_cannot_share_a_name(store: Store) -> None:
    library = OwnLibrary(store.root)
    library.add_template(Template.from_session(prepared_session(), "Mijn agenda"))
    for name in ("mijn AGENDA", TEMPLATES[0].title("en")):
        with pytest.raises(ValidationError) as error:
            library.add_template(Template.from_session(prepared_session(), name))
        assert "already a template" in error.value.message
    assert len(library.templates()) == 1


def test_an_own_template_can_be_removed_but_a_built_in_one_cannot(store: Store) -> None:
    library = OwnLibrary(store.root)
    template = library.add_template(Template.from_session(prepared_session(), "Mijn agenda"))
    with pytest.raises(ValidationError):
        library.remove_template("guest-speaker")
    library.remove_template(template.id)
    assert library.templates() == []


def test_own_prompts_are_kept_across_a_reopened_store(store: Store) -> None:
    library = OwnLibrary(store.root)
    prompt = library.add_prompt("Wijkbudget: houden we het?", "Het budget loopt af.", "Het geld is op.\n")
    store.close()
    with Store(store.root) as reopened:
        again = OwnLibrary(reopened.root)
        assert again.prompts() == [prompt]
        assert again.all_prompts()[-1] == prompt and again.all_prompts()[: len(PROMPTS)] == list(PROMPTS)
        assert prompt.text("en") == "Wijkbudget: houden we het?"
        assert prompt.changed("nl") == "Het geld is op."
        again.remove_prompt(prompt.id)
        assert again.prompts() == []
        with pytest.raises(ValidationError):
            again.remove_prompt(PROMPTS[0].id)


@pytest.mark.parametrize(
    "title, explanation, fragment, field",
    [
        ("", "Uitleg.", "cannot be empty", "title"),
        ("x" * 61, "Uitleg.", "too long", "title"),
        ("Vraag?", "", "cannot be empty", "explanation"),
        ("Vraag?", "x" * 71, "too long", "explanation"),
        (PROMPTS[0].text("nl"), "Uitleg.", "already", "title"),
    ],
)
def test_a_bad_own_prompt_is_refused_with_a_clear_message(
    store: Store, title: str, explanation: str, fragment: str, field: str
) -> None:
    library = OwnLibrary(store.root)
    with pytest.raises(ValidationError) as error:
        library.add_prompt(title, explanation)
    assert fragment in error.value.message and error.value.field == field
    assert library.prompts() == []


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("templates.json", b"{not json", StoreCorrupt),
        ("templates.json", b'{"_meta": {"1": {"app": "other"}}}', StoreForeign),
        (
            "templates.json",
            b'{"_meta": {"1": {"app": "sdtui", "schema": 1, "kind": "templates"}}, '
            b'"templates": {"1": {"id": "own-x", "name": {"nl": ""}, "items": []}}}',
            StoreCorrupt,
        ),
        ("prompts.json", b"\xff\xfe garbage", StoreCorrupt),
        (
            "prompts.json",
            b'{"_meta": {"1": {"app": "sdtui", "schema": 1, "kind": "prompts"}}, '
            b'"prompts": {"1": {"prompt": {"id": "housing-first"}, "language": "nl"}}}',
            StoreCorrupt,
        ),
    ],
)
def test_a_damaged_library_file_gives_a_clear_error_and_sessions_stay_reachable(
    store: Store, name: str, content: bytes, error: type[StoreError]
) -> None:
    session = store.add(prepared_session())
    (store.root / name).write_bytes(content)
    library = OwnLibrary(store.root)
    read = library.templates if name == "templates.json" else library.prompts
    with pytest.raises(error) as raised:
        read()
    assert name in str(raised.value)
    with pytest.raises(error):  # nothing is written over the damaged file
        if name == "templates.json":
            library.add_template(Template.from_session(prepared_session(), "Nieuw"))
        else:
            library.add_prompt("Vraag?", "Uitleg.")
    assert (store.root / name).read_bytes() == content
    store.close()
    with Store(store.root) as reopened:
        assert reopened.load(session.id).title == session.title
        assert [s.id for s in reopened.list()] == [session.id]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_names_and_prompts_are_kept_clean_or_refused_in_words(store: Store, value: str) -> None:
    library = OwnLibrary(store.root)
    for add in (
        lambda: library.add_template(Template.from_session(prepared_session(), value)),
        lambda: library.add_prompt(value, value, value),
    ):
        try:
            add()
        except ValidationError as error:
            assert error.message.strip()
    kept = [
        *(t.title("nl") for t in library.templates()),
        *(p.text("nl") for p in library.prompts()),
        *(p.explain("nl") for p in library.prompts()),
        *(p.changed("nl") for p in library.prompts()),
    ]
    for text in kept:
        assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) < 0xA0 for c in text), repr(text)


def test_processes_adding_templates_of_the_same_name_at_once_keep_one(store: Store) -> None:
    import os
    import time

    go = store.root / "go"
    children = []
    for _ in range(4):
        pid = os.fork()
        if pid == 0:  # each adds "Zelfde naam" the moment the others do
            code = 1
            try:
                while not go.exists():
                    time.sleep(0.0005)
                OwnLibrary(store.root).add_template(Template.from_session(prepared_session(), "Zelfde naam"))
                code = 0
            except ValidationError:
                code = 2
            finally:
                os._exit(code)
        children.append(pid)
    time.sleep(0.2)
    go.touch()
    codes = sorted(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children)
    assert codes == [0, 2, 2, 2]
    assert [t.title("nl") for t in OwnLibrary(store.root).templates()] == ["Zelfde naam"]


def test_a_damaged_own_library_still_offers_the_built_in_templates_and_prompts(store: Store) -> None:
    library = OwnLibrary(store.root)
    template = library.add_template(Template.from_session(prepared_session(), "Mijn agenda"))
    prompt = library.add_prompt("Wijkbudget: houden we het?", "Het budget loopt af.")
    offered = library.template_offer()
    assert offered.entries == (*TEMPLATES, template) and offered.own_ids == {template.id} and offered.error is None
    assert library.prompt_offer().entries == (*PROMPTS, prompt)
    assert library.find_template("mijn agenda") == template
    for name in ("templates.json", "prompts.json"):
        (store.root / name).write_bytes(b"{not json")
    offered = library.template_offer()
    assert offered.entries == TEMPLATES and not offered.own_ids and isinstance(offered.error, StoreCorrupt)
    assert library.prompt_offer().entries == PROMPTS and isinstance(library.prompt_offer().error, StoreCorrupt)
    assert library.find_template("guest-speaker") == TEMPLATES[0]
    with pytest.raises(StoreCorrupt, match="templates.json"):  # it may have been one of the own templates
        library.find_template("mijn agenda")
