"""One catalog for every word sdtui shows: complete in Dutch and English, and chosen as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdtui.i18n import LOCALE_DIR, Catalog, choose_language, current_language, read_po, set_language, translation, word
from sdtui.model import Role, Session, SignalKind, ValidationError

from . import catalog
from .support.cli import assert_one_line_error, sdtui


def test_every_string_in_the_code_has_its_dutch() -> None:
    dutch = read_po(LOCALE_DIR / "nl.po")
    missing = sorted(
        {
            f"{m.where}: {m.msgid!r}"
            for m in [*catalog.messages(), *catalog.words()]
            if not dutch.get((m.context, m.msgid), "").strip()
        }
    )
    assert not missing, "no Dutch in sdtui/locale/nl.po for (run `python tests/catalog.py`):\n" + "\n".join(missing)


def test_every_stored_value_has_a_word_in_both_languages() -> None:
    for language in ("nl", "en"):
        words = read_po(LOCALE_DIR / f"{language}.po")
        missing = [(m.context, m.msgid) for m in catalog.words() if not words.get((m.context, m.msgid))]
        assert not missing, f"{language}.po lacks words for {missing}"


def test_the_catalog_holds_nothing_the_code_no_longer_asks_for() -> None:
    used = {(m.context, m.msgid) for m in [*catalog.messages(), *catalog.words()]}
    for language in ("nl", "en"):
        stale = set(read_po(LOCALE_DIR / f"{language}.po")) - used
        assert not stale, f"{language}.po has entries no code uses: {sorted(stale)}"


def test_translations_keep_every_placeholder() -> None:
    for (_context, msgid), msgstr in read_po(LOCALE_DIR / "nl.po").items():
        assert catalog.placeholders(msgid) == catalog.placeholders(msgstr), msgid


def test_no_literal_text_reaches_the_screen_past_the_catalog() -> None:
    assert catalog.bypasses() == []


def test_the_finder_catches_a_literal_that_skips_the_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The two checks above are only as good as the finder: prove it sees what it must."""
    (tmp_path / "screen.py").write_text(
        'self.notify("Saved.")\nself.notify(_("Kept."))\nField("x", f"Label {n}")\n'
        'Key("k", "x", "act", "Describe", "Help text", palette="P: Title")\nclean_line(v, "Label")\n'
    )
    monkeypatch.setattr(catalog, "sources", lambda: [tmp_path / "screen.py"])
    monkeypatch.setattr(catalog, "ROOT", tmp_path)
    assert [b.split(": ", 1)[1] for b in catalog.bypasses()] == ["'Saved.'", "'Label '"]
    assert {m.msgid for m in catalog.messages()} >= {"Kept.", "Describe", "Help text", "P: Title", "Label"}


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        ("nl", {"SDTUI_LANG": "en", "LANG": "en_GB.UTF-8"}, "nl"),
        (None, {"SDTUI_LANG": "nl", "LANG": "en_GB.UTF-8"}, "nl"),
        (None, {"SDTUI_LANG": "en", "LANG": "nl_NL.UTF-8"}, "en"),
        (None, {"LANG": "nl_BE.UTF-8"}, "nl"),
        (None, {"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        (None, {"LC_MESSAGES": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"SDTUI_LANG": "fr", "LANG": "nl_NL.UTF-8"}, "nl"),
        (None, {}, "en"),
    ],
)
def test_the_ui_language_comes_from_the_option_then_the_environment_then_the_locale(
    option: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose_language(option, environ) == expected


def test_model_messages_and_stored_values_follow_the_ui_language() -> None:
    set_language("nl")
    assert current_language() == "nl"
    with pytest.raises(ValidationError) as refused:
        Session(title="")
    assert refused.value.message == "Titel mag niet leeg zijn."
    with pytest.raises(ValidationError) as late:
        Session(title="x", start_time="14:00", end_time="13:00")
    assert late.value.message == "De eindtijd moet na de begintijd liggen."
    assert word(Role.MINUTE_TAKER) == "notulist"
    assert word(SignalKind.GOOD_PRACTICE, "en") == "good practice"
    set_language("en")
    with pytest.raises(ValidationError) as english:
        Session(title="")
    assert english.value.message == "Title cannot be empty."


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        set_language("fr")


def test_read_po_joins_continued_lines_and_reads_escapes(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    po.write_text(
        '# comment\nmsgid ""\nmsgstr "Language: nl\\n"\n\n'
        'msgid "One\\n"\n"two \\"q\\""\nmsgstr "Een\\n"\n"twee \\"q\\""\n\n'
        'msgctxt "Role"\nmsgid "chair"\nmsgstr "voorzitter"\n\nmsgid "untranslated"\nmsgstr ""\n',
        encoding="utf-8",
    )
    messages = read_po(po)
    assert messages == {("", 'One\ntwo "q"'): 'Een\ntwee "q"', ("Role", "chair"): "voorzitter"}
    assert Catalog(messages).gettext("untranslated") == "untranslated"
    po.write_text('msgid "x"\nmsgstr x\n', encoding="utf-8")
    with pytest.raises(ValueError, match="not a quoted string"):
        read_po(po)


def test_the_cli_speaks_the_language_asked_for(tmp_path: Path) -> None:
    store = tmp_path / "store"
    dutch = sdtui("--lang", "nl", "list", store=store)
    assert dutch.stderr.strip() == "Nog geen sessies. Probeer `sdtui demo` om een voorbeeldbijeenkomst toe te voegen."
    by_environment = sdtui("export", "zzzz", store=store, env={"SDTUI_LANG": "nl"})
    assert assert_one_line_error(by_environment) == "sdtui: Geen sessie met id 'zzzz'; `sdtui list` toont de ids."
    by_locale = sdtui("export", "zzzz", store=store, env={"SDTUI_LANG": "", "LC_ALL": "nl_NL.UTF-8"})
    assert "Geen sessie met id" in by_locale.stderr
    english = sdtui("export", "zzzz", store=store, env={"SDTUI_LANG": "", "LC_ALL": "", "LANG": "C.UTF-8"})
    assert "No session with id" in english.stderr
    helped = sdtui("--lang", "nl", "--help")
    assert "schrijf de notulen van een sessie als Markdown" in helped.stdout


def test_the_ui_language_and_the_minutes_language_are_separate(tmp_path: Path) -> None:
    store = tmp_path / "store"
    session_id = sdtui("--lang", "nl", "demo", store=store).stdout.strip().splitlines()[-1]
    english_minutes = sdtui("--lang", "nl", "export", session_id, "-o", "-", "--lang", "en", store=store)
    assert english_minutes.returncode == 0
    assert "## Action items" in english_minutes.stdout
    dutch_minutes = sdtui("export", session_id, "-o", "-", store=store)
    assert "## Actiepunten" in dutch_minutes.stdout  # the demo added in Dutch keeps Dutch minutes


def test_the_dutch_catalog_is_shipped_with_the_package() -> None:
    assert translation("nl").gettext("Quit") == "Stoppen"
    assert (LOCALE_DIR / "nl.po").is_file()
