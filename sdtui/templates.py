"""Agenda templates: a meeting's agenda and its restore-or-renovate topics, kept to start the next one from.

A template holds agenda items (title, kind, presenter, timebox, whether the item is standing) and
the topics attached to them. Texts are kept per language, like the prompt library: the built-in
templates carry Dutch and English, so a new session gets the language the user picks; a template
a user saves from a session carries that session's language only, and a session started from it
in the other language keeps those words (topics taken from the library are translated, because
the library knows both).

Nothing here imports Textual or touches the disk; `library.py` keeps a user's own templates in
the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .i18n import N_, _
from .model import ItemKind, Language, Session, ValidationError, clean_line, new_id, parse_enum, parse_timebox
from .prompts import PROMPTS, Prompt, clean_texts, pick, prompt_by_id

MAX_TEMPLATE_NAME = 60
"""Longest template name: it must fit a pick list in an 80-column terminal."""
MAX_DESCRIPTION = 64
"""Longest description of a built-in template: one line under its name in the picker."""
MAX_TEMPLATE_ITEMS = 100
"""More agenda items than any meeting has; a bigger template is not a template."""
OWN_PREFIX = "own-"
"""Ids of templates a user saved start with this, so they never collide with a built-in one."""
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGES = tuple(language.value for language in Language)


def _only(data: Any, known: set[str], what: str) -> dict[str, Any]:
    """`data` as a dict with no fields other than `known`; `what` names it in the message."""
    if not isinstance(data, dict):
        raise ValidationError(_("{what} must be a JSON object.").format(what=_(what)))
    unknown = set(map(str, data)) - known
    if unknown:
        raise ValidationError(
            _("{what} has unknown fields: {fields}.").format(what=_(what), fields=", ".join(sorted(unknown)))
        )
    return data


@dataclass(frozen=True)
class TemplateTopic:
    """A restore-or-renovate topic of an agenda item: a library prompt, or words of its own.

    `topic` and `what_changed` are kept even for a library prompt, so the template still works
    when the prompt (say, a user's own) is gone.
    """

    topic: dict[str, str] = field(hash=False)
    what_changed: dict[str, str] = field(hash=False, default_factory=dict)
    prompt_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "topic", clean_texts(self.topic, N_("Topic")))
        object.__setattr__(
            self, "what_changed", clean_texts(self.what_changed, N_("What changed"), required=False, multiline=True)
        )
        object.__setattr__(self, "prompt_id", str(self.prompt_id) if self.prompt_id else None)

    @classmethod
    def of_prompt(cls, prompt: Prompt) -> TemplateTopic:
        """A topic that is a library prompt, with its words in every language it has."""
        return cls(dict(prompt.title), dict(prompt.what_changed), prompt.id)

    def words(self, language: str | Language, prompts: Iterable[Prompt] = ()) -> tuple[str, str]:
        """Topic and what changed in `language`.

        The template's own words when it has them in that language (a user may have reworded a
        library prompt); else the library's translation of the prompt; else the words it has.
        """
        lang = str(getattr(language, "value", language))
        if lang in self.topic:
            return self.topic[lang], self.what_changed.get(lang, "")
        prompt = next((p for p in prompts if p.id == self.prompt_id), None) if self.prompt_id else None
        if prompt is not None:
            return prompt.text(lang), prompt.changed(lang)
        return pick(self.topic, lang), pick(self.what_changed, lang)

    def to_dict(self) -> dict[str, Any]:
        return {"topic": dict(self.topic), "what_changed": dict(self.what_changed), "prompt_id": self.prompt_id}

    @classmethod
    def from_dict(cls, data: Any) -> TemplateTopic:
        data = _only(data, {"topic", "what_changed", "prompt_id"}, N_("A template topic"))
        return cls(data.get("topic", {}), data.get("what_changed") or {}, data.get("prompt_id"))


@dataclass(frozen=True)
class TemplateItem:
    """One agenda item of a template."""

    title: dict[str, str] = field(hash=False)
    kind: ItemKind = ItemKind.DISCUSSION
    timebox: int = 15
    presenter: str = ""
    standing: bool = False
    topics: tuple[TemplateTopic, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", clean_texts(self.title, N_("Title"), field="title"))
        object.__setattr__(self, "kind", parse_enum(ItemKind, self.kind, "Kind"))
        object.__setattr__(self, "timebox", parse_timebox(self.timebox))
        object.__setattr__(self, "presenter", clean_line(self.presenter, "Presenter"))
        object.__setattr__(self, "standing", bool(self.standing))
        object.__setattr__(
            self,
            "topics",
            tuple(t if isinstance(t, TemplateTopic) else TemplateTopic.from_dict(t) for t in self.topics),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": dict(self.title),
            "kind": self.kind.value,
            "timebox": self.timebox,
            "presenter": self.presenter,
            "standing": self.standing,
            "topics": [topic.to_dict() for topic in self.topics],
        }

    @classmethod
    def from_dict(cls, data: Any) -> TemplateItem:
        data = _only(
            data, {"title", "kind", "timebox", "presenter", "standing", "topics"}, N_("A template agenda item")
        )
        topics = data.get("topics") or []
        if not isinstance(topics, list):
            raise ValidationError(_("The topics of a template item must be a list."))
        return cls(
            data.get("title", {}),
            data.get("kind", ItemKind.DISCUSSION.value),
            data.get("timebox", 15),
            data.get("presenter", ""),
            data.get("standing", False),
            tuple(topics),
        )


@dataclass(frozen=True)
class Template:
    """A named agenda to start sessions from: built in, or saved by a user."""

    id: str
    name: dict[str, str] = field(hash=False)
    items: tuple[TemplateItem, ...] = ()
    description: dict[str, str] = field(hash=False, default_factory=dict)
    builtin: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not _SLUG.match(self.id) or len(self.id) > 40:
            raise ValidationError(
                _("Template id {id!r} must be a short slug of lower-case letters, digits and dashes.").format(
                    id=self.id
                ),
                "id",
            )
        object.__setattr__(
            self, "name", clean_texts(self.name, N_("Template name"), limit=MAX_TEMPLATE_NAME, field="name")
        )
        object.__setattr__(self, "description", clean_texts(self.description, N_("Description"), required=False))
        items = tuple(i if isinstance(i, TemplateItem) else TemplateItem.from_dict(i) for i in self.items)
        if not items:
            raise ValidationError(_("A template needs at least one agenda item."), "items")
        if len(items) > MAX_TEMPLATE_ITEMS:
            raise ValidationError(
                _("A template holds at most {limit} agenda items.").format(limit=MAX_TEMPLATE_ITEMS), "items"
            )
        object.__setattr__(self, "items", items)
        object.__setattr__(self, "builtin", bool(self.builtin))

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages every item title of this template has words in."""
        return tuple(
            lang for lang in _LANGUAGES if lang in self.name and all(lang in item.title for item in self.items)
        )

    def title(self, language: str | Language | None) -> str:
        """The template's name in `language` (falls back to Dutch, then any)."""
        return pick(self.name, language)

    def describe(self, language: str | Language | None) -> str:
        return pick(self.description, language)

    @property
    def minutes(self) -> int:
        return sum(item.timebox for item in self.items)

    def new_session(
        self, title: str, language: Language | str, prompts: Iterable[Prompt] = PROMPTS, **details: Any
    ) -> Session:
        """A new draft session with this agenda and its topics, its texts in `language`.

        `prompts` is the library the topics' prompt ids are looked up in (built-in and own);
        `details` are further session fields (network, date, start_time, ...), validated as usual.
        """
        lang = parse_enum(Language, language, "Language", field="language")
        library = tuple(prompts)
        session = Session(title=title, language=lang, **details)
        for spec in self.items:
            item = session.add_item(
                pick(spec.title, lang),
                kind=spec.kind,
                presenter=spec.presenter,
                timebox=spec.timebox,
                standing=spec.standing,
            )
            for topic in spec.topics:
                text, changed = topic.words(lang, library)
                session.add_round(text, item_id=item.id, what_changed=changed, prompt_id=topic.prompt_id)
        return session

    @classmethod
    def from_session(cls, session: Session, name: str, template_id: str | None = None) -> Template:
        """A user's template from a session's agenda and topics, in the session's language.

        What happened in the meeting (notes, positions, decisions) stays behind; so do topics
        that belong to no agenda item.
        """
        language = session.language.value
        name = clean_line(name, N_("Template name"), required=True, limit=MAX_TEMPLATE_NAME, field="name")
        items = []
        for item in session.agenda:
            topics = tuple(
                TemplateTopic({language: r.topic}, {language: r.what_changed} if r.what_changed else {}, r.prompt_id)
                for r in session.rounds_for(item.id)
            )
            items.append(
                TemplateItem({language: item.title}, item.kind, item.timebox, item.presenter, item.standing, topics)
            )
        if not items:
            raise ValidationError(
                _("This session has no agenda yet; add agenda items before saving it as a template."), "name"
            )
        return cls(template_id or OWN_PREFIX + new_id(), {language: name}, tuple(items))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; `Template.from_dict(t.to_dict()) == t`."""
        return {
            "id": self.id,
            "name": dict(self.name),
            "description": dict(self.description),
            "items": [item.to_dict() for item in self.items],
            "builtin": self.builtin,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Template:
        """Rebuild a template; raises ValidationError with a readable message on bad data."""
        data = _only(data, {"id", "name", "description", "items", "builtin"}, N_("A template"))
        items = data.get("items") or []
        if not isinstance(items, list):
            raise ValidationError(_("The agenda of a template must be a list."))
        return cls(
            data.get("id", ""),
            data.get("name", {}),
            tuple(items),
            data.get("description") or {},
            data.get("builtin", False),
        )


def find_template(wanted: str, templates: Iterable[Template]) -> Template:
    """A template by id, by its name in any language (case-insensitive), or by a unique id start."""
    library = list(templates)
    key = wanted.strip()
    folded = key.casefold()
    for template in library:
        if template.id == key:
            return template
    named = [t for t in library if any(name.casefold() == folded for name in t.name.values())]
    if len(named) == 1:
        return named[0]
    started = [t for t in library if key and t.id.startswith(key.lower())]
    if len(started) == 1 and not named:
        return started[0]
    if named or len(started) > 1:
        raise ValidationError(_("More than one template fits {name!r}; give its id.").format(name=wanted), "template")
    raise ValidationError(
        _("There is no template {name!r}; `sdtui templates` lists them.").format(name=wanted), "template"
    )


# --- the built-in templates ----------------------------------------------------------------


def _item(
    nl: str, en: str, kind: ItemKind, timebox: int, *topics: TemplateTopic, standing: bool = False
) -> TemplateItem:
    """Shorthand for the tables below."""
    return TemplateItem({"nl": nl, "en": en}, kind, timebox, standing=standing, topics=topics)


def _prompt(prompt_id: str) -> TemplateTopic:
    return TemplateTopic.of_prompt(prompt_by_id(prompt_id))


_OPENING = ("Opening, mededelingen en vaststellen agenda", "Opening, announcements and agenda")
_ACTIONS = ("Actielijst", "Action list")
_CLOSING = ("Rondvraag en sluiting", "Any other business and closing")

TEMPLATES: tuple[Template, ...] = (
    Template(
        "guest-speaker",
        {"nl": "Netwerkbijeenkomst met gastspreker", "en": "Network meeting with a guest speaker"},
        (
            _item(*_OPENING, ItemKind.OPENING, 10, standing=True),
            _item("Gastspreker: presentatie", "Guest speaker: presentation", ItemKind.PRESENTATION, 30),
            _item(
                "Vragen en gesprek met de gastspreker",
                "Questions and discussion with the guest speaker",
                ItemKind.DISCUSSION,
                20,
            ),
            _item("Pauze", "Break", ItemKind.BREAK, 10),
            _item(
                "Restaureren of renoveren: wat betekent het advies voor ons?",
                "Restore or renovate: what does the advice mean for us?",
                ItemKind.ROUND,
                25,
                TemplateTopic(
                    {
                        "nl": "Het advies van de gastspreker: wat nemen we over in onze praktijk?",
                        "en": "The guest speaker's advice: what do we take into our own practice?",
                    },
                    {
                        "nl": "De gastspreker gaf een advies vanuit een landelijke werkgroep. De vraag is of "
                        "we teruggaan naar hoe we werkten, of dit het moment is om het anders te doen.",
                        "en": "The guest speaker presented advice from a national working group. The question "
                        "is whether we go back to how we worked, or whether this is the moment to do it "
                        "differently.",
                    },
                ),
                _prompt("learning-together"),
            ),
            _item(*_ACTIONS, ItemKind.ACTIONS_REVIEW, 10, standing=True),
            _item(*_CLOSING, ItemKind.CLOSING, 10, standing=True),
        ),
        {
            "nl": "Gastspreker en vragen, een ronde restaureren of renoveren",
            "en": "Guest speaker and questions, a restore-or-renovate round",
        },
        builtin=True,
    ),
    Template(
        "crisis-lessons",
        {"nl": "Lessen uit de crisis: restaureren of renoveren", "en": "Lessons from the crisis: restore or renovate"},
        (
            _item(*_OPENING, ItemKind.OPENING, 10, standing=True),
            _item(
                "Wat heeft de crisis ons geleerd? Ronde langs de leden",
                "What did the crisis teach us? A round of the members",
                ItemKind.DISCUSSION,
                20,
            ),
            _item(
                "Restaureren of renoveren: wonen en zorg",
                "Restore or renovate: housing and care",
                ItemKind.ROUND,
                30,
                _prompt("housing-first"),
                _prompt("postponed-care"),
            ),
            _item("Pauze", "Break", ItemKind.BREAK, 10),
            _item(
                "Restaureren of renoveren: werken en samenwerken",
                "Restore or renovate: working and partners",
                ItemKind.ROUND,
                30,
                _prompt("digital-working"),
                _prompt("local-coalitions"),
            ),
            _item(
                "Wat leggen we de raad voor?",
                "What do we put to the council?",
                ItemKind.ROUND,
                15,
                _prompt("inform-council"),
            ),
            _item("Besluiten en actiepunten", "Decisions and action items", ItemKind.ACTIONS_REVIEW, 10, standing=True),
            _item("Sluiting", "Closing", ItemKind.CLOSING, 5, standing=True),
        ),
        {
            "nl": "Wonen, zorg en samenwerken na de crisis: terug of anders?",
            "en": "Housing, care and partners after the crisis: back, or anew?",
        },
        builtin=True,
    ),
    Template(
        "signals-round",
        {"nl": "Signalenronde: goede voorbeelden en knelpunten", "en": "Signals round: good practices and bottlenecks"},
        (
            _item("Opening", "Opening", ItemKind.OPENING, 5, standing=True),
            _item("Signalenronde: goede voorbeelden", "Signals round: good practices", ItemKind.SIGNALS, 25),
            _item("Signalenronde: knelpunten", "Signals round: bottlenecks", ItemKind.SIGNALS, 25),
            _item(
                "Wat nemen we mee naar landelijke partners?",
                "What do we take to national partners?",
                ItemKind.ROUND,
                20,
                _prompt("national-signals"),
            ),
            _item(*_ACTIONS, ItemKind.ACTIONS_REVIEW, 10, standing=True),
            _item(*_CLOSING, ItemKind.CLOSING, 5, standing=True),
        ),
        {
            "nl": "Signalen van de leden ophalen en landelijk agenderen",
            "en": "Collect signals from the members and raise them nationally",
        },
        builtin=True,
    ),
)
"""The built-in templates, in Dutch and English, in the order the picker shows them."""


__all__ = [
    "MAX_TEMPLATE_NAME",
    "OWN_PREFIX",
    "TEMPLATES",
    "Template",
    "TemplateItem",
    "TemplateTopic",
    "clean_texts",
    "find_template",
    "pick",
]
