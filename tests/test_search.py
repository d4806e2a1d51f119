"""Search across sessions: what is found, where it opens, and that a big store is searched whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sdtui.demo import build_demo
from sdtui.model import Session
from sdtui.search import SearchIndex, Target, narrows, snippet, words_of
from sdtui.store import Store
from sdtui.text import fold, fold_with_offsets


@pytest.fixture
def meeting() -> Session:
    """A small meeting with one of each thing a search can find."""
    session = Session(
        "Juni-bijeenkomst",
        network="Wmo transformatienetwerk",
        date="2026-06-18",
        place="Stadhuis Zwolle",
        chair="Marieke de Vries",
    )
    session.add_participant("Zoë Bakker", "Gemeente Breda")
    session.add_participant("Ahmed El Amrani", "Gemeente Utrecht", attendance="apologies")
    item = session.add_item("Housing first", kind="restore-renovate")
    item.notes.append(_note("Het wijkteam zocht een woning binnen tien dagen."))
    item.notes.append(_note("Naam van de cliënt: niet delen.", confidential=True))
    round_ = session.add_round(
        "Daklozen binnen tien dagen gehuisvest", item_id=item.id, what_changed="De noodverordening gaf ruimte."
    )
    session.add_argument(round_.id, "restore", "Oude regels zijn bekend")
    session.add_argument(round_.id, "renovate", "Housing first werkt ook na de crisis")
    session.decide(round_.id, None, "Renoveren.")
    session.add_signal("Gemeente Breda", "bottleneck", "Te weinig woningen voor spoedzoekers.")
    session.add_decision("We schrijven een brief aan de wethouder.", "De raad moet het weten.")
    session.add_action("Brief aan de wethouder opstellen", "Zoë")
    return session


def _note(text: str, confidential: bool = False):
    from sdtui.model import Note

    return Note(text, confidential)


def index_of(*sessions: Session) -> SearchIndex:
    index = SearchIndex()
    for session in sessions:
        index.add(session)
    return index


def test_fold_ignores_case_and_accents_and_maps_back_to_the_original() -> None:
    assert fold("Zoë") == fold("ZOE") == "zoe"
    folded, origins = fold_with_offsets("Straße Zoë")
    assert folded == "strasse zoe"
    assert "Straße Zoë"[origins[folded.index("zoe")]] == "Z"
    assert origins[folded.index("sse") + 2] == 5  # both s's of ß point back at it


def test_home_still_filters_with_the_shared_fold() -> None:
    from sdtui.tui.screens import home

    assert home.fold is fold


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ("zoe", "Participant"),
        ("ZOË breda", "Participant"),
        ("stadhuis", "Place"),
        ("juni", "Title"),
        ("wijkteam", "Note"),
        ("noodverordening", "What changed"),
        ("oude regels", "Argument to restore"),
        ("crisis", "Argument to renovate"),
        ("spoedzoekers", "Signal"),
        ("brief wethouder", "Decision"),
        ("opstellen", "Action"),
        ("raad", "Rationale"),
    ],
)
def test_every_kind_of_text_is_found_case_and_accent_insensitive(meeting: Session, query: str, what: str) -> None:
    hits = index_of(meeting).search(query).hits
    assert what in [hit.entry.what for hit in hits], [hit.entry.what for hit in hits]
    assert all(hit.session.id == meeting.id for hit in hits)


def test_all_words_must_be_in_the_same_place(meeting: Session) -> None:
    index = index_of(meeting)
    assert [hit.entry.what for hit in index.search("wijkteam woning").hits] == ["Note"]
    # Both words are in the session, but never in one place: no hit.
    assert index.search("wijkteam spoedzoekers").hits == []


def test_words_match_the_start_of_a_word_only(meeting: Session) -> None:
    index = index_of(meeting)
    assert [hit.entry.what for hit in index.search("wijk").hits] == ["Note"]
    assert index.search("team").hits == []  # inside "wijkteam": not a word start


def test_a_confidential_note_is_found_and_marked(meeting: Session) -> None:
    [hit] = index_of(meeting).search("client").hits
    assert hit.entry.confidential
    assert [h.entry.confidential for h in index_of(meeting).search("wijkteam").hits] == [False]


def test_each_hit_knows_where_it_opens(meeting: Session) -> None:
    index = index_of(meeting)
    item = meeting.agenda[0]

    def target(query: str, what: str) -> Target:
        return next(hit.entry.target for hit in index.search(query).hits if hit.entry.what == what)

    assert target("wijkteam", "Note") == Target("run", "notes", item.id, item.notes[0].id)
    assert target("crisis", "Argument to renovate") == Target("run", "board", item.id, meeting.rounds[0].id)
    assert target("spoedzoekers", "Signal") == Target("run", "signals", part_id=meeting.signals[0].id)
    assert target("brief wethouder", "Decision") == Target("run", "decisions", part_id=meeting.decisions[0].id)
    assert target("opstellen", "Action") == Target("close", "review", part_id=meeting.actions[0].id)
    assert target("zoe", "Participant") == Target("prepare", "participants", part_id=meeting.participants[0].id)
    assert target("juni", "Title") == Target("prepare", "details")


def test_no_words_no_hits(meeting: Session) -> None:
    index = index_of(meeting)
    for query in ("", "   ", "\x1b\x00", "-- ,."):
        assert words_of(query) == ()
        assert index.search(query).hits == []


def test_markup_and_brackets_in_a_query_are_just_text() -> None:
    session = Session("[bold]Overleg[/] <b>x</b>")
    hits = index_of(session).search("[bold]overleg").hits
    assert [hit.entry.text for hit in hits] == ["[bold]Overleg[/] <b>x</b>"]


def test_the_snippet_shows_the_words_in_their_place() -> None:
    text = "Aan het begin " + "veel woorden " * 20 + "daar staat Zoë Bakker\nen nog meer tekst " * 3
    shown, spans = snippet(text, words_of("zoe bakker"), width=40)
    assert "\n" not in shown and shown.startswith("…") and shown.endswith("…")
    assert [shown[start:end] for start, end in spans] == ["Zoë", "Bakker"]


def test_the_limit_stops_the_search_and_says_there_is_more(meeting: Session) -> None:
    copies = [Session.from_dict(meeting.to_dict()) for _ in range(5)]
    for number, copy in enumerate(copies):
        copy.id = f"copy{number + 2}"
    index = index_of(*copies)
    result = index.search("wethouder", limit=3)
    assert len(result.hits) == 3 and result.more
    assert not index.search("wethouder").more
    assert len(index.search("wethouder").hits) == 10  # the decision and the action, in each copy


def test_a_store_of_many_sessions_is_indexed_and_searched_whole(tmp_path: Path) -> None:
    """Hundreds of demo-sized sessions: every one is read, each hit names its own session."""
    with Store(tmp_path / "store") as store:
        sessions = [
            build_demo(today=date(2000 + number % 30, 1, 1), language="en" if number % 2 else "nl")
            for number in range(300)
        ]
        for number, session in enumerate(sessions):
            session.title = f"Meeting number {number}"
        unique = sessions[123]
        unique.agenda[0].notes[0].text += " Kwartiermaker Xylofoon."
        store.add_many(sessions)
        index = SearchIndex.build(store)
        assert len(index) == 300 and index.problems == []
        [hit] = index.search("xylofoon kwartiermaker").hits
        assert hit.session.id == unique.id and hit.entry.what == "Note"
        zoe = index.search("zoe hendriks").hits
        assert len(zoe) == 300 and len({hit.session.id for hit in zoe}) == 300
        dates = [hit.session.date for hit in zoe]
        assert dates == sorted(dates, reverse=True)  # newest meeting first


def test_building_again_reads_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(tmp_path / "store") as store:
        first, second = store.add(build_demo()), store.add(Session("Overleg over de brug"))
        index = SearchIndex.build(store)
        second.title = "Overleg over de tunnel"
        store.save(second)
        reads: list[str] = []
        real_read = store.read
        monkeypatch.setattr(store, "read", lambda session_id: reads.append(session_id) or real_read(session_id))
        again = SearchIndex.build(store, index)
        assert reads == [second.id]
        assert again.search("tunnel").hits and not again.search("brug").hits
        assert again.search("zoe").hits[0].session.id == first.id


def test_an_unreadable_session_is_named_and_the_rest_is_searched(tmp_path: Path) -> None:
    with Store(tmp_path / "store") as store:
        good, bad = store.add(Session("Goed overleg")), store.add(Session("Kapot overleg"))
        (store.sessions_dir / f"{bad.id}.json").write_text("{not json", encoding="utf-8")
        index = SearchIndex.build(store)
        assert [hit.session.id for hit in index.search("overleg").hits] == [good.id]
        assert len(index.problems) == 1 and bad.id in index.problems[0]


def test_narrows_when_every_earlier_word_starts_a_word_now() -> None:
    assert narrows(words_of("wacht"), words_of("wachtlijst"))
    assert narrows(words_of("zoe"), words_of("zoë hendr"))
    assert narrows(words_of("hendr zoe"), words_of("zoe hendriks"))
    assert not narrows(words_of("wachtlijst"), words_of("wacht"))
    assert not narrows(words_of("zoe hendr"), words_of("zoe"))
    assert not narrows(words_of("woning"), words_of("wijkteam"))


@pytest.mark.parametrize(
    "earlier, query", [("b", "brief"), ("br", "brief wethouder"), ("zo", "zoe bakker"), ("w", "wijkteam woning")]
)
def test_a_search_within_earlier_hits_finds_what_a_whole_search_finds(
    meeting: Session, earlier: str, query: str
) -> None:
    index = index_of(meeting, build_demo(today=date(2026, 6, 18)), meeting.duplicate())
    before = index.search(earlier)
    assert not before.more
    within = index.search_within(before, words_of(query))
    whole = index.search(query)
    assert within.hits and within.hits == whole.hits
