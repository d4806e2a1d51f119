"""Search across every session of a store: the words a facilitator remembers, and where they were.

Plain Python, used by `sdtui search` and by the search screen alike. An index is built once
(`SearchIndex.build`): for every session, each piece of text people typed (title, details,
participants, agenda items, notes, topics, arguments, signals, decisions, actions) becomes an
`Entry` that knows where it lives (`Target`: which screen, pane, agenda item and row). A query
is then matched in memory, fast enough to search again on every key in a store of a thousand
meetings.

Matching is case- and accent-insensitive (`zoe` finds Zoë) and every word of the query must
occur *within the same hit* (one note, one argument, one participant), so a hit is always the
place that holds all the words. A word matches the start of a word: `wijk` finds `wijkteams`,
`zoe` does not find `werkbezoek`. Punctuation separates words, in the text and in the query.
Confidential notes are found (the store is the facilitator's own), and their hits say so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .i18n import N_
from .model import Session, strip_controls
from .store import Store, StoreError
from .text import fold, fold_with_offsets, one_line

SEPARATOR = "\x00"
"""Between the folded entries of one session; the model strips control characters from all text."""
NOT_WORD = re.compile(r"[^\w]", re.UNICODE)
"""Anything but a letter or digit separates words; replaced one for one, so offsets stay."""
SNIPPET_WIDTH = 60
"""Characters of text shown around a match."""


@dataclass(frozen=True)
class Target:
    """Where a hit opens: a session screen, its tab or pane, the agenda item and the row in view."""

    screen: str
    """"prepare", "run" or "close"."""
    pane: str
    """Prepare: details, participants, agenda; Run: notes, board, signals, decisions; Close: review."""
    item_id: str | None = None
    """The agenda item Run shows (notes and topics belong to one)."""
    part_id: str | None = None
    """The row to select: a participant, agenda item, note, topic, signal, decision or action."""


@dataclass(frozen=True)
class Entry:
    """One piece of text in one session, and where it lives."""

    session_id: str
    what: str
    """What the text is, in English, marked for the catalog: translate with `_()` where shown."""
    context: str
    """User text that says where: the agenda item of a note, the topic of an argument; may be empty."""
    text: str
    target: Target
    confidential: bool = False


@dataclass(frozen=True)
class SessionInfo:
    """What a hit shows of its session."""

    id: str
    title: str
    date: date | None
    network: str


@dataclass(frozen=True)
class Hit:
    """One place that holds every word of the query."""

    session: SessionInfo
    entry: Entry
    words: tuple[str, ...]
    """The folded words of the query, to mark them in the snippet."""

    def snippet(self, width: int = SNIPPET_WIDTH) -> tuple[str, list[tuple[int, int]]]:
        """A one-line piece of the text around the first match, and the spans of the words in it."""
        return snippet(self.entry.text, self.words, width)


@dataclass(frozen=True)
class Result:
    """The hits of one query, newest session first."""

    hits: list[Hit]
    more: bool = False
    """True when the search stopped at its limit: there are more hits than `hits`."""

    @property
    def sessions(self) -> int:
        """How many sessions the hits are in."""
        return len({hit.session.id for hit in self.hits})


@dataclass
class _Indexed:
    """One session in the index: its entries, and their folded texts joined for a fast scan."""

    info: SessionInfo
    entries: list[Entry]
    folded: list[str]
    blob: str
    starts: list[int]
    stamp: tuple[int, ...] | None = None


def words_of(query: str) -> tuple[str, ...]:
    """The folded words of a query; longest first, as the scan starts from the rarest-looking word."""
    unique = dict.fromkeys(NOT_WORD.sub(" ", fold(strip_controls(query))).split())
    return tuple(sorted(unique, key=len, reverse=True))


def narrows(earlier: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """True when every place holding all of `words` holds all of `earlier` too: each earlier
    word starts one of the words (`wacht` and `wachtlijst`, `zoe` and `zoe hendr`)."""
    return all(any(word.startswith(known) for word in words) for known in earlier)


def searchable(text: str) -> str:
    """Folded text with every separator a space, after a leading one: `" " + word` finds a word start."""
    return " " + NOT_WORD.sub(" ", fold(text))


def entries_of(session: Session) -> Iterator[Entry]:
    """Every piece of text in a session that a search can find, with where it lives."""
    sid = session.id

    def entry(what: str, text: str, target: Target, context: str = "", confidential: bool = False) -> Entry:
        return Entry(sid, what, context, text, target, confidential)

    details = Target("prepare", "details")
    yield entry(N_("Title"), session.title, details)
    for what, value in (
        (N_("Network"), session.network),
        (N_("Place"), session.place),
        (N_("Online link"), session.online_link),
        (N_("Chair"), session.chair),
    ):
        if value:
            yield entry(what, value, details)
    for guest in session.guest_speakers:
        yield entry(N_("Guest speaker"), guest, details)
    for person in session.participants:
        yield entry(N_("Participant"), person.label, Target("prepare", "participants", part_id=person.id))
    titles = {item.id: item.title for item in session.agenda}
    for item in session.agenda:
        yield entry(N_("Agenda item"), item.title, Target("prepare", "agenda", part_id=item.id))
        if item.presenter:
            yield entry(N_("Presenter"), item.presenter, Target("prepare", "agenda", part_id=item.id), item.title)
        for note in item.notes:
            if note.text.strip():
                yield entry(
                    N_("Note"), note.text, Target("run", "notes", item.id, note.id), item.title, note.confidential
                )
    for round_ in session.rounds:
        board = Target("run", "board", round_.item_id, round_.id)
        yield entry(N_("Topic"), round_.topic, board, titles.get(round_.item_id or "", ""))
        parts = [
            (N_("What changed"), [round_.what_changed]),
            (N_("Argument to restore"), round_.restore_args),
            (N_("Argument to renovate"), round_.renovate_args),
            (N_("Rationale"), [round_.rationale]),
        ]
        for what, texts in parts:
            for text in texts:
                if text.strip():
                    yield entry(what, text, board, round_.topic)
    for signal in session.signals:
        yield entry(N_("Signal"), f"{signal.organisation}: {signal.text}", Target("run", "signals", part_id=signal.id))
    for decision in session.decisions:
        target = Target("run", "decisions", part_id=decision.id)
        yield entry(N_("Decision"), decision.text, target)
        if decision.rationale.strip():
            yield entry(N_("Rationale"), decision.rationale, target, one_line(decision.text, 30))
    for action in session.actions:
        yield entry(N_("Action"), action.text, Target("close", "review", part_id=action.id))


def snippet(text: str, words: Iterable[str], width: int = SNIPPET_WIDTH) -> tuple[str, list[tuple[int, int]]]:
    """A window of `width` characters of `text` around the first word found, on one line.

    Returns the window and the (start, end) spans in it where a word of the query occurs, so
    the caller can mark them; an ellipsis shows where the text was cut.
    """
    flat = " ".join(text.split())
    folded, origins = fold_with_offsets(flat)
    spans: list[tuple[int, int]] = []
    for word in words:
        for match in re.finditer(r"(?<!\w)" + re.escape(word), folded):
            spans.append((origins[match.start()], origins[match.end() - 1] + 1))
    spans.sort()
    first = spans[0][0] if spans else 0
    begin = max(0, min(first - width // 4, len(flat) - width))
    end = min(len(flat), begin + width)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shown = [
        (start - begin + len(prefix), stop - begin + len(prefix))
        for start, stop in spans
        if start >= begin and stop <= end
    ]
    return prefix + flat[begin:end] + suffix, shown


class SearchIndex:
    """Every session's text in memory, ready to be searched on each key."""

    def __init__(self) -> None:
        self._sessions: dict[str, _Indexed] = {}
        self.order: list[str] = []
        """Session ids, newest meeting first: the order hits come in."""
        self.problems: list[str] = []
        """Sessions that could not be read, one message each; the rest is searched."""

    def __len__(self) -> int:
        return len(self.order)

    def add(self, session: Session, stamp: tuple[int, ...] | None = None) -> None:
        """Index one session (again, if it was indexed before)."""
        entries = list(entries_of(session))
        folded = [searchable(entry.text) for entry in entries]
        starts, position = [], 0
        for text in folded:
            starts.append(position)
            position += len(text) + len(SEPARATOR)
        info = SessionInfo(session.id, session.title, session.date, session.network)
        if session.id not in self._sessions:
            self.order.append(session.id)
        self._sessions[session.id] = _Indexed(info, entries, folded, SEPARATOR.join(folded), starts, stamp)

    @classmethod
    def build(
        cls, store: Store, previous: SearchIndex | None = None, progress: Callable[[int, int], None] | None = None
    ) -> SearchIndex:
        """Index every session of `store`, newest first.

        Sessions whose file did not change since `previous` was built are taken from it
        unread, so building again after an edit costs one read. A session that cannot be read
        is left out and named in `problems`. `progress(done, total)` is called now and then.
        """
        index = cls()
        summaries = store.list()
        kept = previous._sessions if previous is not None else {}
        for number, summary in enumerate(summaries, start=1):
            stamp = store.stamp(summary.id)
            old = kept.get(summary.id)
            if old is not None and stamp is not None and old.stamp == stamp:
                index._sessions[summary.id] = old
                index.order.append(summary.id)
            else:
                try:
                    index.add(store.read(summary.id), stamp)
                except StoreError as error:
                    index.problems.append(str(error))
            if progress is not None and (number % 50 == 0 or number == len(summaries)):
                progress(number, len(summaries))
        return index

    def search(self, query: str, limit: int | None = None) -> Result:
        """The places that hold every word of `query`, at most `limit` of them; no words, no hits.

        The search stops at the limit, so a word found everywhere costs no more than a rare one.
        """
        words = words_of(query)
        hits: list[Hit] = []
        if not words:
            return Result(hits)
        needles = [" " + word for word in words]
        for session_id in self.order:
            indexed = self._sessions[session_id]
            if any(needle not in indexed.blob for needle in needles):
                continue  # one check per word for the whole session: most sessions stop here
            for number in self._matching_entries(indexed, needles):
                if limit is not None and len(hits) >= limit:
                    return Result(hits, more=True)
                hits.append(Hit(indexed.info, indexed.entries[number], words))
        return Result(hits)

    def search_within(self, earlier: Result, words: tuple[str, ...]) -> Result:
        """The hits of `words` among the hits of an earlier, complete search whose words `words`
        narrow (see `narrows`): the same hits a search of the whole index finds, found among a few."""
        needles = [" " + word for word in words]
        return Result(
            [
                Hit(hit.session, hit.entry, words)
                for hit in earlier.hits
                if all(needle in searchable(hit.entry.text) for needle in needles)
            ]
        )

    @staticmethod
    def _matching_entries(indexed: _Indexed, needles: list[str]) -> Iterator[int]:
        """The entries of one session that hold every needle: find the first, check the others there."""
        first, rest = needles[0], needles[1:]
        starts, blob = indexed.starts, indexed.blob
        position = blob.find(first)
        while position != -1:
            number = bisect_right(starts, position) - 1
            if all(needle in indexed.folded[number] for needle in rest):
                yield number
            if number + 1 >= len(starts):
                return
            position = blob.find(first, starts[number + 1])


def search_store(store: Store, query: str, limit: int | None = None) -> tuple[Result, list[str]]:
    """Build an index of `store` and search it once (the CLI); also the sessions that could not be read."""
    index = SearchIndex.build(store)
    return index.search(query, limit), index.problems


__all__ = [
    "Entry",
    "Hit",
    "Result",
    "SearchIndex",
    "SessionInfo",
    "Target",
    "entries_of",
    "narrows",
    "search_store",
    "snippet",
    "words_of",
]
