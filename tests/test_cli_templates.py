"""`sdtui templates` and `sdtui new --template` as a shell user runs them."""

from __future__ import annotations

from pathlib import Path

from sdtui.library import OwnLibrary
from sdtui.model import Language, Session
from sdtui.store import Store
from sdtui.templates import TEMPLATES, Template

from .support.cli import assert_one_line_error, sdtui


def test_templates_lists_built_in_and_own_ones_id_first(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with Store(store) as opened:
        session = Session(title="x")
        session.add_item("Opening")
        own = OwnLibrary(opened.root).add_template(Template.from_session(session, "Mijn agenda"))
    result = sdtui("templates", store=store)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [*(t.id for t in TEMPLATES), own.id]
    assert TEMPLATES[0].title("en") in lines[0]
    assert lines[-1].endswith("Mijn agenda  (own)")
    dutch = sdtui("--lang", "nl", "templates", store=store)
    assert TEMPLATES[0].title("nl") in dutch.stdout and "(eigen)" in dutch.stdout


def test_new_makes_a_session_from_a_template_and_prints_its_id_last(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = sdtui(
        "new", "--template", "crisis-lessons", "--title", "Oktober", "--lang", "nl", "--date", "2026-10-01", store=store
    )
    assert result.returncode == 0, result.stderr
    session_id = result.stdout.strip().splitlines()[-1]
    with Store(store) as opened:
        session = opened.load(session_id)
    assert (session.title, session.language, session.date.isoformat()) == ("Oktober", Language.NL, "2026-10-01")
    assert [item.title for item in session.agenda] == [item.title["nl"] for item in TEMPLATES[1].items]
    by_name = sdtui("new", "--template", TEMPLATES[2].title("en"), store=store)
    with Store(store) as opened:
        assert opened.load(by_name.stdout.strip().splitlines()[-1]).title == TEMPLATES[2].title("en")


def test_new_explains_an_unknown_template_or_a_bad_date_in_one_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert "sdtui templates" in assert_one_line_error(sdtui("new", "--template", "nope", store=store))
    assert "2026-02-30" in assert_one_line_error(
        sdtui("new", "--template", "guest-speaker", "--date", "2026-02-30", store=store)
    )
    with Store(store) as opened:
        assert opened.list() == []


def test_a_damaged_templates_file_is_one_line_and_the_built_in_templates_still_work(tmp_path: Path) -> None:
    store = tmp_path / "store"
    Store(store).close()
    (store / "templates.json").write_text("{torn", encoding="utf-8")
    listed = sdtui("templates", store=store)
    assert "templates.json" in assert_one_line_error(listed)
    assert len(listed.stdout.splitlines()) == len(TEMPLATES)
    assert "templates.json" in assert_one_line_error(sdtui("new", "--template", "mine", store=store))
    assert sdtui("new", "--template", "signals-round", store=store).returncode == 0
    assert sdtui("list", store=store).returncode == 0
    assert (store / "templates.json").read_text(encoding="utf-8") == "{torn"
