"""Close: review decisions and actions, preview the minutes as participants will read them, export."""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Markdown, Static, TabbedContent, TabPane

from ...exporting import export_minutes
from ...i18n import N_, _, counted, word
from ...minutes import markdown_parser, render_minutes
from ...model import SessionStatus
from ...search import Target
from ...store import StoreError
from ..widgets.action_table import action_table, cycle_status, show_actions
from ..widgets.safe import plain
from ..widgets.tables import ListTable, RowDetail, keep_cursor
from .base import SessionScreen
from .dialogs import ConfirmScreen


def preview_parser() -> MarkdownIt:
    """CommonMark with tables and raw HTML off: `<script>` in a note shows as text."""
    return markdown_parser()


class CloseScreen(SessionScreen):
    """The end of a meeting: what was decided, who does what, and the minutes."""

    SCREEN_NAME = "close"
    KEY_SCOPES = ("close",)  # then "session", from SessionScreen
    CSS_PATH = "../styles/close.tcss"
    HELP_TITLE = N_("Close")
    HELP_TEXT = N_(
        "Space changes the selected action's status. e writes the minutes into the store's "
        "minutes folder; f closes the meeting, after which the minutes are no longer a draft."
    )

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.readonly_banner()
        yield Static(id="close-status")
        with TabbedContent(initial="review"):
            with TabPane(_("Review F5"), id="review"):
                with Vertical():
                    yield Static(_("Decisions"), classes="section-title")
                    decisions = ListTable(id="decisions", cursor_type="row", zebra_stripes=True)
                    decisions.add_column("#", width=2)
                    decisions.add_column(_("Decision"), width=48)
                    decisions.add_column(_("Item"), width=20)
                    yield decisions
                    yield Static(_("Action items (Space: open, done, dropped)"), classes="section-title")
                    yield action_table()
            with TabPane(_("Preview F6"), id="preview"):
                # The frame takes focus and scrolls (arrows, PgUp, PgDn, Home, End): all of the minutes can be read.
                with VerticalScroll(id="minutes-scroll"):
                    yield Markdown(parser_factory=preview_parser, open_links=False, id="minutes")
        yield Static(id="written")
        yield RowDetail()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_view()
        self.query_one("#actions").focus()
        if self.opens_at is not None:
            self.show_place(self.opens_at)

    def show_place(self, target: Target) -> None:
        """Open the review with the action of a search hit selected."""
        self.action_tab("review")
        keep_cursor(self.query_one("#actions", DataTable), target.part_id)

    # --- showing ------------------------------------------------------------------------

    def refresh_view(self) -> None:
        session = self.session
        today = self.sdtui.today()
        open_count = len(session.open_actions)
        decided = len(session.decisions) + sum(1 for round_ in session.rounds if round_.decision)
        state = {
            SessionStatus.DRAFT: _("Meeting in preparation"),
            SessionStatus.RUNNING: _("Meeting running"),
            SessionStatus.CLOSED: _("Meeting closed"),
        }[session.status]
        hint = _(" · m: next meeting") if session.status is SessionStatus.CLOSED else _(" · f closes it")
        self.query_one("#close-status", Static).update(
            plain(
                state
                + hint
                + " · "
                + counted(decided, _("1 decision"), _("{count} decisions"))
                + " · "
                + counted(open_count, _("1 open action"), _("{count} open actions"))
            )
        )

        items = {item.id: item.title for item in session.agenda}
        decisions = self.query_one("#decisions", ListTable)
        decisions.clear()
        for number, decision in enumerate(session.decisions, start=1):
            decisions.add_fitted(str(number), decision.text, items.get(decision.item_id or "", ""), key=decision.id)
        # The board's decisions are decisions too: the review counts and lists them with the others.
        decided_rounds = [(round_, round_.decision) for round_ in session.rounds if round_.decision]
        for number, (round_, verdict) in enumerate(decided_rounds, start=len(session.decisions) + 1):
            decisions.add_fitted(
                str(number),
                _("{topic}: {verdict}").format(topic=round_.topic, verdict=word(verdict)),
                items.get(round_.item_id or "", ""),
                key=round_.id,
            )

        show_actions(self.query_one("#actions", ListTable), session, today)
        if self.query_one(TabbedContent).active == "preview":
            self.show_preview()

    def show_preview(self) -> None:
        """Render the minutes; only while the preview is in view, as rendering takes a moment."""
        self.query_one("#minutes", Markdown).update(render_minutes(self.session))

    # --- actions ------------------------------------------------------------------------

    def action_tab(self, name: str) -> None:
        self.query_one(TabbedContent).active = name
        self.query_one("#actions" if name == "review" else "#minutes-scroll").focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "preview":
            self.show_preview()
        self.refresh_bindings()

    def action_cycle_status(self) -> None:
        cycle_status(self.sdtui, self.query_one("#actions", DataTable))
        self.refresh_view()

    def action_export(self) -> None:
        try:
            path = export_minutes(self.session, self.sdtui.store.minutes_dir)
        except (StoreError, OSError) as error:
            self.notify(
                _("The minutes were not written: {error}").format(error=error),
                title=_("Not exported"),
                severity="error",
                markup=False,
            )
            return
        self.sdtui.published_minutes(self.session)
        written = self.query_one("#written", Static)
        written.update(plain(_("Written: {path}").format(path=path)))
        written.add_class("-shown")
        self.notify(_("Minutes written to {path}").format(path=path), title=_("Exported"), markup=False, timeout=10)

    def action_finish(self) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                self.sdtui.edit(lambda session: session.close(self.sdtui.clock()))
                self.refresh_view()

        self.sdtui.push_screen(
            ConfirmScreen(_("Close the meeting? The clock stops and the minutes are final.")), callback=confirmed
        )

    def action_next_meeting(self) -> None:
        from .next_meeting import ask_next_meeting

        ask_next_meeting(self.sdtui, self.session.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cycle_status":  # asked by the footer, maybe before the tabs are built
            tabs = self.query(TabbedContent)
            return bool(tabs) and tabs.first().active == "review" and bool(self.session.actions)
        if action == "finish":
            return self.session.status is not SessionStatus.CLOSED or None
        return True
