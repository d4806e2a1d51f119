"""Keys that arrive in one burst act as if they had been typed one at a time.

Over a slow or busy SSH link, keys arrive in bursts: a whole word, or a Tab and the next
field's text, in one read. Textual hands each key to the widget that has focus when the key is
dispatched, and a focus change, a screen push or a dialog that an earlier key asked for happens
a little later, through the message queues. Unchecked, the text typed after Tab lands in the
field that was left, and the keys after Enter or Ctrl+T go to the screen that is being left.

`TypeAhead` holds a key back while the app is still busy with the keys before it: once every
widget of the screen in front has worked through its messages, the next held key goes. Keys
typed at a human pace find the app idle and pass straight through, so typing costs nothing.

A terminal sends Esc followed closely by a key as one sequence, which Textual reads as
Alt+key (or, for Enter, Tab and Ctrl keys, as the bare key, the Esc lost). sdtui binds no Alt
keys, so `EscapeThenKeyParser` reads such a sequence as Esc and then the key, and `TypeAhead`
splits any Alt+key that still arrives (from another driver) the same way.

Textual drops a typed character that Python does not call printable. Some of those are part of
what a person writes: the zero-width joiner that makes 👩‍👩‍👧 one family, the non-joiner, direction
marks in Arabic or Hebrew names, the tags of a regional flag. `TypeAhead` hands each of them to
the focused field as a one-character paste, which text fields take as typed.
"""

from __future__ import annotations

import asyncio
import os
import selectors
from codecs import getincrementaldecoder
from collections import deque
from collections.abc import Iterable
from time import monotonic
from typing import Any

from textual import events
from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.message_pump import MessagePump

HOLD_LIMIT = 2.0
"""Seconds a held key waits at most for the keys before it: a stuck widget never eats input."""
QUIET = 0.05
"""A key within this many seconds of the one before is held until that one has been handled."""


KEPT_FORMAT_CHARACTERS = frozenset(
    ["\u200c", "\u200d", "\u200e", "\u200f", "\u2060", *map(chr, range(0xE0020, 0xE0080))]
)
"""Invisible characters that belong to the text typed (joiners, direction marks, flag tags)."""


def split_alt(event: events.Key) -> list[events.Key]:
    """Alt+key as Esc followed by the key; any other key as it is."""
    if not event.key.startswith("alt+"):
        return [event]
    key = event.key.removeprefix("alt+")
    character = event.character
    if key.startswith("shift+") and len(key) == len("shift+") + 1:
        key = key.removeprefix("shift+").upper()
    if character is None and len(key) == 1:
        character = key
    return [events.Key("escape", "\x1b"), events.Key(key, character)]


class TypeAhead(App[Any]):
    """App base: hold each key until the app has handled the keys before it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: deque[events.Key] = deque()
        self._released: set[int] = set()
        """Ids of held keys posted again: they pass the hold when they come round."""
        self._releasing: asyncio.Task[None] | None = None
        self._last_key_at = 0.0

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        return TypeAheadDriver if driver is LinuxDriver else driver  # a driver set by $TEXTUAL_DRIVER stays

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        if id(event) in self._released:
            self._released.discard(id(event))
        else:
            keys = split_alt(event)
            if keys[0] is not event or self._held or self._releasing is not None or self._busy():
                self._held.extend(keys)
                self._release_held()
                return
        self._last_key_at = monotonic()
        if event.character in KEPT_FORMAT_CHARACTERS:
            await super().on_event(events.Paste(event.character))
            return
        await super().on_event(event)

    def _busy(self) -> bool:
        """True while a key just dispatched may still be on its way, or a screen still settling."""
        if monotonic() - self._last_key_at < QUIET:
            return True
        return any(node.message_queue_size for node in self._front_nodes())

    def _front_nodes(self) -> list[MessagePump]:
        try:
            return [self, *self.screen.walk_children(with_self=True)]
        except Exception:  # no screen yet, or one being torn down: nothing to wait for
            return [self]

    def _release_held(self) -> None:
        if self._releasing is None:
            self._releasing = asyncio.create_task(self._release_in_order())

    async def _release_in_order(self) -> None:
        try:
            while self._held:
                await self._settle()
                event = self._held.popleft()
                self._released.add(id(event))
                self.post_message(event)  # handled in the app's own task, as a key from the terminal
        finally:
            self._releasing = None

    async def _settle(self) -> None:
        """Wait until every widget in front has handled what it was sent, or HOLD_LIMIT passes."""
        deadline = monotonic() + HOLD_LIMIT
        while monotonic() < deadline:
            nodes = self._front_nodes()
            await _round_trip(nodes, deadline - monotonic())
            if not any(node.message_queue_size for node in self._front_nodes()):
                return


async def _round_trip(nodes: Iterable[MessagePump], timeout: float) -> None:
    """Return once each node has handled every message it held when this was called."""
    waiting = 0
    done = asyncio.Event()

    def arrived() -> None:
        nonlocal waiting
        waiting -= 1
        if waiting == 0:
            done.set()

    for node in nodes:
        if node.call_later(arrived):
            waiting += 1
    if waiting:
        try:
            await asyncio.wait_for(done.wait(), max(timeout, 0.001))
        except TimeoutError:
            pass


class EscapeThenKeyParser(XTermParser):
    """Reads Esc followed closely by a key as Esc and then that key, never as Alt+key."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if alt:
            yield events.Key("escape", "\x1b")
        yield from super()._sequence_to_key_events(sequence)


class TypeAheadDriver(LinuxDriver):
    """Textual's Linux driver, reading keys with `EscapeThenKeyParser`.

    `run_input_thread` is Textual 8.2.8's own, but for the parser it builds: Textual makes its
    parser inside this method. Textual is pinned; tests/e2e/test_bursts.py fails if an upgrade
    changes how keys are read.
    """

    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = EscapeThenKeyParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> None:
            for last, (_selector_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    unicode_data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        break  # stdin is a pipe that ended
                    for event in parser.feed(unicode_data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass


__all__ = ["KEPT_FORMAT_CHARACTERS", "EscapeThenKeyParser", "TypeAhead", "TypeAheadDriver", "split_alt"]
