"""HTML minutes for email, and the language chosen for one export."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from sdtui import cli
from sdtui.demo import build_demo
from sdtui.minutes import labels, render_minutes_html
from sdtui.model import Language, Session
from sdtui.store import Store

from .support.hostile import FIELDS, base_session, with_text
from .support.hostile_text import HOSTILE
from .support.markdown import headings, parse


class Page(HTMLParser):
    """The tags and attributes of a page, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def hostile_everywhere() -> Session:
    data = base_session().to_dict()
    for number, path in enumerate(FIELDS):
        with_text(data, path, HOSTILE[(number * 7) % 28 + 7] or "x")  # escape sequences, Markdown, HTML
    return Session.from_dict(data)


def test_html_minutes_carry_no_script_or_event_handler_from_user_text() -> None:
    for value in HOSTILE[20:30]:
        session = base_session()
        session.title = value.strip() or "x"
        session.agenda[1].notes[0].text = value
        session.decisions[0].text = value.strip() or "x"
        page = Page(render_minutes_html(Session.from_dict(session.to_dict())))
        tags = [tag for tag, _ in page.tags]
        assert "script" not in tags and "img" not in tags and "iframe" not in tags
        assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
        assert not [v for _, attrs in page.tags for v in attrs.values() if v and "javascript:" in v.lower()]
    page = Page(render_minutes_html(hostile_everywhere()))
    assert [tag for tag, _ in page.tags].count("h1") == 1
    assert [tag for tag, _ in page.tags if tag in ("style", "link")] == ["style"]  # self-contained


def test_export_html_writes_a_page_beside_the_minutes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(tmp_path / "store") as store:
        demo = store.add(build_demo())
    assert cli.main(["--store", str(tmp_path / "store"), "export", demo.id, "--format", "html"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.suffix == ".html" and path.parent == tmp_path / "store" / "minutes"
    page = Page(path.read_text(encoding="utf-8"))
    assert ("html", {"lang": "nl"}) in page.tags
    assert demo.title in "".join(page.text)


def test_lang_overrides_the_minutes_language_for_one_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(tmp_path / "store") as store:
        demo = store.add(build_demo())  # minutes in Dutch
    assert cli.main(["--store", str(tmp_path / "store"), "export", demo.id, "--lang", "en", "-o", "-"]) == 0
    tree = parse(capsys.readouterr().out)
    assert labels(Language.EN)["decisions"] in headings(tree, "h2")
    assert labels(Language.NL)["decisions"] not in headings(tree, "h2")
    with Store(tmp_path / "store") as store:
        assert store.load(demo.id).language is Language.NL  # the session keeps its own language
