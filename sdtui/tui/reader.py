"""The reader: exported minutes in the terminal, for participants, keyboard only.

A list of the minutes in a folder (newest first), and each document with its table of contents
and a search. Raw HTML in a file is shown as text, never rendered, and links are not followed.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Input, MarkdownViewer, OptionList, Static
from textual.widgets.markdown import MarkdownBlock
from textual.widgets.option_list import Option

from ..i18n import N_, _
from ..minutes import markdown_parser
from .keyed import KeyedApp, KeyedScreen
from .screens.help import HelpKey
from .widgets.safe import SafeInput, plain


class MinutesList(KeyedScreen[None]):
    """Every Markdown file in the folder, newest first."""

    KEY_SCOPES = ("reader_list",)
    HELP_TITLE = N_("Minutes")

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield Header()
        files = sorted(self.folder.glob("*.md"), reverse=True) if self.folder.is_dir() else []
        if files:
            yield OptionList(*(Option(plain(path.stem), id=str(path)) for path in files), id="files")
        else:
            yield Static(
                plain(_("No minutes in {folder} yet. `sdtui export ID` writes them there.").format(folder=self.folder))
            )
        yield Footer(compact=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(Document(Path(str(event.option.id)), can_go_back=True))

    def action_open(self) -> None:
        files = self.query(OptionList)
        if files and files.first().highlighted is not None:
            files.first().action_select()


class Document(KeyedScreen[None]):
    """One document: table of contents on the left, the minutes on the right, a search below."""

    KEY_SCOPES = ("reader",)
    HELP_TITLE = N_("Minutes")
    DEFAULT_CSS = """
    Document #viewer { height: 1fr; }
    Document #search { height: 1; display: none; }
    Document #search.-shown { display: block; }
    Document MarkdownTableOfContents { width: 30; }
    """

    def __init__(self, path: Path, *, can_go_back: bool = False) -> None:
        super().__init__()
        self.path = path
        self.can_go_back = can_go_back
        self.matches: list[MarkdownBlock] = []
        self.match_index = -1

    def compose(self) -> ComposeResult:
        yield Header()
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            text = _("Cannot read {path}: {error}").format(
                path=self.path, error=getattr(error, "strerror", None) or error
            )
            text = text.replace("\\", "\\\\").replace("<", "\\<")
        yield MarkdownViewer(
            text,
            show_table_of_contents=self.app.size.width >= 100,
            parser_factory=markdown_parser,
            open_links=False,
            id="viewer",
        )
        yield SafeInput(placeholder=_("Search: type and press Enter; Esc closes"), id="search", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = self.path.name
        self.query_one("#viewer", MarkdownViewer).document.focus()

    def action_contents(self) -> None:
        viewer = self.query_one("#viewer", MarkdownViewer)
        viewer.show_table_of_contents = not viewer.show_table_of_contents

    def action_search(self) -> None:
        search = self.query_one("#search", SafeInput)
        search.add_class("-shown")
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        wanted = event.value.casefold().strip()
        blocks = self.query_one("#viewer", MarkdownViewer).document.query(MarkdownBlock)
        self.matches = [
            b for b in blocks if wanted and wanted in (b.source or "").casefold() and not b.query(MarkdownBlock)
        ]
        self.match_index = -1
        self.query_one("#viewer", MarkdownViewer).document.focus()
        if not self.matches:
            self.notify(_("Not found: {text}").format(text=event.value), markup=False)
            return
        self.action_next_match()

    def action_next_match(self) -> None:
        if not self.matches:
            return
        self.match_index = (self.match_index + 1) % len(self.matches)
        block = self.matches[self.match_index]
        self.query_one("#viewer", MarkdownViewer).scroll_to_widget(block, top=True, animate=False)
        self.notify(
            _("Match {number} of {count}").format(number=self.match_index + 1, count=len(self.matches)),
            markup=False,
            timeout=2,
        )

    def action_back(self) -> None:
        search = self.query_one("#search", SafeInput)
        if search.has_focus:
            search.remove_class("-shown")
            self.query_one("#viewer", MarkdownViewer).document.focus()
        elif self.can_go_back:
            self.app.pop_screen()
        else:
            self.app.exit()


class ReaderApp(HelpKey, KeyedApp):
    """`sdtui read`: a list of minutes, or one document; the command palette offers the reader's keys."""

    TITLE = N_("sdtui minutes")

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def on_mount(self) -> None:
        self.title = _(self.TITLE)
        self.push_screen(MinutesList(self.path) if self.path.is_dir() else Document(self.path))
