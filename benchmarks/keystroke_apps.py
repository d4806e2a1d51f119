"""The two apps benchmarks/keystrokes.py types into, each in its own process.

    python benchmarks/keystroke_apps.py bare
    python benchmarks/keystroke_apps.py sdtui STORE SESSION_ID

`bare`: a Textual app holding one TextArea (soft wrap, no line numbers, like Run's note
editor), focused, as tall and as far down as the note editor on Run at 80x24 (rows 7 to 23):
a TextArea repaints all of itself on every key, so a taller one would write more per key.
`sdtui`: the real app on the store, the session opened on its Run screen
with the note editor focused. The cursor does not blink in either, so only typing (and, in
sdtui, the clock) writes to the terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Static, TextArea  # noqa: E402


class BareEditor(App[None]):
    CSS = "#above { height: 6; } TextArea { height: 17; }"

    def compose(self) -> ComposeResult:
        yield Static(id="above")
        editor = TextArea(soft_wrap=True, tab_behavior="focus")
        editor.show_line_numbers = False
        editor.cursor_blink = False
        yield editor


def sdtui_on_run(store_path: str, session_id: str):
    from sdtui.store import Store
    from sdtui.tui.app import SdtuiApp

    class OnRun(SdtuiApp):
        # A CSS path is relative to the file of the class that sets it; the subclass lives here.
        CSS_PATH = str(Path(sys.modules[SdtuiApp.__module__].__file__).parent / SdtuiApp.CSS_PATH)

        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(self.open_session, session_id, "run")

    return OnRun(Store(store_path), cursor_blink=False)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        BareEditor().run()
    else:
        app = sdtui_on_run(sys.argv[2], sys.argv[3])
        try:
            app.run()
        finally:
            app.store.close()
