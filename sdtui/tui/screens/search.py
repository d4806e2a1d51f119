"""Search: words typed on Home's `s` are looked up in every session as you type; Enter opens a hit in place.

The index of all sessions is built in a thread the first time (a store of a thousand meetings
takes seconds to read) and kept for the rest of the run: opening the screen again, or coming
back from a session, reads only the sessions whose file changed. The matching itself runs on
every key, in memory (`sdtui.search`).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from ...i18n import N_, _, counted
from ...search import Entry, Hit, Result, SearchIndex, narrows, words_of
from ...store import Store, StoreError
from ...text import one_line
from ..keyed import KeyedScreen
from ..widgets.line_input import LineInput
from ..widgets.part import Part
from ..widgets.rows import Column, MadeRows, Row, RowList
from ..widgets.safe import plain

SHOWN_HITS = 50
"""Rows the screen lists at most; more words narrow the search."""
SNIPPET_WIDTH = 32
"""Characters of text per hit: what fits the last column at 80 columns."""

_indexes: dict[Path, SearchIndex] = {}
"""The last index built of each store in this run, so a second search starts at once."""


class _Stopped(Exception):
    """The screen was left while its index was being built."""


class SearchScreen(KeyedScreen[None]):
    """Every session searched at once: one hit a row, Enter opens the session where the hit is.

    The words are a `LineInput` that calls `show` itself on every key, so the hits are drawn in
    the same frame as the letter, in a `RowList` that makes a row only when it is on screen. A
    word added to a query whose hits were all found (fewer than SHOWN_HITS) searches only those
    hits, and Backspace goes back to hits already found: most keys cost no search of the store.
    """

    CSS_PATH = "../styles/search.tcss"
    KEY_SCOPES = ("search",)
    SCREEN_NAME = "search"
    HELP_TITLE = N_("Search")
    HELP_TEXT = N_(
        "Type words: every word must be in the same title, note, argument, signal, decision, action or "
        "name; case and accents do not matter. Up and Down pick a hit, Enter opens the session there. "
        "Confidential notes are found too, and marked."
    )

    def __init__(self) -> None:
        super().__init__()
        self.index: SearchIndex | None = None
        self.hits: list[Hit] = []
        self._found: dict[tuple[str, ...], Result] = {}
        """The results of the queries typed since the index was (re)built, by their words."""
        self._shown: tuple[tuple[str, ...], Result] | None = None
        """The words and result on screen now: the same words again (a space typed) change nothing."""
        """What each status line shows, so an unchanged line is not drawn again."""
        self._cells: dict[Entry, tuple[str, str]] = {}
        """The session and where of each hit listed, by its entry: they do not change with the words."""
        self._listed = 0
        """How many results were listed: each listing's rows have keys of their own, so the cursor
        goes back to the first hit whenever the words change."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield LineInput(placeholder=_("Words to find in every session"), id="query", compact=True, instant=self.typed)
        yield Part(id="search-status", classes="status-line")
        hits = RowList(
            [Column(_("Session"), 18), Column(_("Where"), 16), Column(_("Text"), None)], id="hits", zebra_stripes=True
        )
        hits.can_focus = False  # the words keep the focus; Up and Down move through the hits
        yield hits
        yield Part(id="hit-detail", classes="status-line")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = _(self.HELP_TITLE)
        self.index = _indexes.get(self.store_key)
        self.query_one("#query", LineInput).focus()
        self.show()

    def on_screen_resume(self) -> None:
        self.build_index()

    @property
    def store_key(self) -> Path:
        return Path(self.sdtui.store.root).resolve()

    @property
    def table(self) -> RowList:
        return self.query_one("#hits", RowList)

    # --- the index, built in a thread ---------------------------------------------------

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def build_index(self) -> None:
        """Read every session (again only those that changed) and search anew when done."""
        worker = get_current_worker()
        key = self.store_key

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise _Stopped
            if self.index is None:
                self.app.call_from_thread(self.show_progress, done, total)

        try:
            # A store of its own: the app's may be in use on the main thread meanwhile.
            with Store(key) as store:
                index = SearchIndex.build(store, _indexes.get(key), progress)
        except _Stopped:
            return
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=_("Cannot read the store"), severity="error", markup=False
            )
            return
        _indexes[key] = index
        if not worker.is_cancelled:
            self.app.call_from_thread(self.index_ready, index)

    def show_progress(self, done: int, total: int) -> None:
        if self.is_attached:
            line = _("Reading the sessions… {done} of {total}").format(done=done, total=total)
            self.show_line("#search-status", line)

    def index_ready(self, index: SearchIndex) -> None:
        if self.is_attached:
            self.index = index
            self._found = {}
            self._cells = {}
            self._shown = None
            self.show()

    # --- showing ------------------------------------------------------------------------

    @property
    def query_text(self) -> str:
        return self.query_one("#query", LineInput).value

    def typed(self, value: str) -> None:
        """The words changed: show their hits now, in the frame that draws the letter."""
        if self.is_mounted:
            self.show()

    def show(self) -> None:
        """Search for what is typed and list the hits."""
        if self.index is None:
            self.show_line("#search-status", _("Reading the sessions…"))
            return
        words = words_of(self.query_text)
        if self._shown is None or self._shown[0] != words:
            result = self.search(words)
            self._shown = (words, result)
            self.hits = result.hits
            self._listed += 1
            hits, listing = result.hits, self._listed
            self.table.set_rows(
                MadeRows([f"{listing}:{number}" for number in range(len(hits))], lambda key: self.row(key, hits))
            )
        self.show_line("#search-status", self.status(self._shown[1]))
        self.show_detail()

    def search(self, words: tuple[str, ...]) -> Result:
        """The hits of `words`: from a query before it when that one found all its hits, else from the index."""
        assert self.index is not None
        result = self._found.get(words)
        if result is None:
            earlier = [
                (known, found)
                for known, found in self._found.items()
                if known and not found.more and narrows(known, words)
            ]
            if earlier:
                result = self.index.search_within(min(earlier, key=lambda pair: len(pair[1].hits))[1], words)
            else:
                result = self.index.search(" ".join(words), limit=SHOWN_HITS)
            self._found[words] = result
        return result

    def row(self, key: str, hits: list[Hit]) -> Row:
        hit = hits[int(key.partition(":")[2])]
        cells = self._cells.get(hit.entry)
        if cells is None:  # the same place for every query that finds it; only its marked words change
            cells = self._cells[hit.entry] = (one_line(hit.session.title, 18), where(hit, 16))
        return Row(key, (*cells, snippet_text(hit)))

    def show_line(self, selector: str, text: str) -> None:
        """Show `text` on a one-line Part: drawn only when it changed."""
        self.query_one(selector, Part).show(plain(text), layout=False)

    def status(self, result: Result) -> str:
        """One line on what was found, or what to type."""
        index = self.index
        assert index is not None
        if not self.query_text.split():
            line = counted(
                len(index),
                _("Type one or more words; 1 session is searched."),
                _("Type one or more words; {count} sessions are searched."),
            )
        elif not result.hits:
            line = _("Nothing found for {query!r}.").format(query=self.query_text.strip())
        elif result.more:
            line = _("The first {count} hits; another word narrows the search.").format(count=len(result.hits))
        else:
            line = _("{hits} found in {sessions} of {total} sessions · Enter opens one").format(
                hits=len(result.hits), sessions=result.sessions, total=len(index)
            )
        if index.problems:
            line += " · " + counted(
                len(index.problems), _("1 session could not be read"), _("{count} sessions could not be read")
            )
        return line

    def show_detail(self) -> None:
        """The highlighted hit in full: where, then the session's date and title."""
        hit = self.highlighted()
        if hit is None:
            self.show_line("#hit-detail", "")
            return
        when = hit.session.date.isoformat() if hit.session.date else ""
        self.show_line("#hit-detail", " · ".join(part for part in (where(hit, 50), when, hit.session.title) if part))

    def highlighted(self) -> Hit | None:
        table = self.table
        if not self.hits or not 0 <= table.cursor_row < len(self.hits):
            return None
        return self.hits[table.cursor_row]

    # --- keys ---------------------------------------------------------------------------

    def on_input_submitted(self, event: LineInput.Submitted) -> None:
        self.action_open()

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self.show_detail()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.action_open()

    def key_down(self) -> None:
        self.table.action_cursor_down()

    def key_up(self) -> None:
        self.table.action_cursor_up()

    def key_pagedown(self) -> None:
        self.table.action_page_down()

    def key_pageup(self) -> None:
        self.table.action_page_up()

    def action_open(self) -> None:
        """Open the session of the highlighted hit, on the screen and pane where the hit is."""
        hit = self.highlighted()
        if hit is not None:
            target = hit.entry.target
            self.sdtui.open_session(hit.session.id, target.screen, at=target)

    def action_back(self) -> None:
        self.app.pop_screen()


def where(hit: Hit, limit: int) -> str:
    """What the hit is and, where it says more, in which item or topic: `Note · Housing first`."""
    entry = hit.entry
    label = _(entry.what)
    return one_line(f"{label} · {entry.context}" if entry.context else label, limit)


def snippet_text(hit: Hit) -> Text:
    """The text around the words, with the words marked; a confidential note says so first."""
    window, spans = hit.snippet(SNIPPET_WIDTH)
    text = Text(end="")
    if hit.entry.confidential:
        text.append(_("[confidential] "), style="bold")
    offset = len(text)
    text.append(window)
    for start, end in spans:
        text.stylize("bold underline", offset + start, offset + end)
    return text


__all__ = ["SearchScreen"]
