"""The minutes, parsed with markdown-it-py: their structure, and typed text coming back as typed."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdtui.demo import build_demo
from sdtui.minutes import escape_inline, format_date, render_minutes
from sdtui.minutes import labels as minutes_labels
from sdtui.model import Language, Participant, Session, SessionStatus, ValidationError

from .support.markdown import headings, no_html, parse, squeeze, structure, tables, text_of, walk


@pytest.fixture(params=list(Language))
def language(request) -> Language:
    return request.param


def test_demo_minutes_have_one_title_and_every_section(language: Language) -> None:
    demo = build_demo()
    tree = parse(render_minutes(demo, language=language))
    labels = minutes_labels(language)
    assert headings(tree, "h1") == [demo.title]
    assert headings(tree, "h2") == [
        labels[key] for key in ("participants", "agenda", "proceedings", "rounds", "signals", "decisions", "actions")
    ]
    assert [r.topic for r in demo.rounds] == [h for h in headings(tree, "h3") if h in {r.topic for r in demo.rounds}]
    assert labels["good-practice"] in headings(tree, "h3") and labels["bottleneck"] in headings(tree, "h3")
    assert no_html(tree)


def test_every_table_row_has_as_many_cells_as_its_header(language: Language) -> None:
    found = tables(parse(render_minutes(build_demo(), language=language)))
    assert len(found) == 4  # agenda, two tallies, actions
    for table in found:
        assert all(len(row) == len(table[0]) for row in table)


def test_agenda_table_lists_each_item_with_planned_and_actual_times() -> None:
    demo = build_demo()
    agenda = tables(parse(render_minutes(demo, language="en")))[0]
    assert agenda[0] == ["#", "Item", "Presenter", "Planned", "Actual"]
    assert [row[1] for row in agenda[1:]] == [item.title for item in demo.agenda]
    first = demo.agenda[0]
    assert agenda[1][3] == f"13:30 ({first.timebox} min)"
    assert agenda[1][4].startswith(first.started_at.strftime("%H:%M"))


def test_confidential_notes_never_appear() -> None:
    demo = build_demo()
    secret = [n.text for item in demo.agenda for n in item.notes if n.confidential]
    assert secret
    for language in Language:
        text = squeeze(text_of(parse(render_minutes(demo, language=language))))
        for note in secret:
            assert squeeze(note)[:40] not in text


def test_tally_counts_positions_of_those_present() -> None:
    demo = build_demo()
    round_ = demo.rounds[0]
    tally = tables(parse(render_minutes(demo, language="en")))[1]
    counts = round_.tally(demo.participants)
    assert [row[:2] for row in tally[1:]] == [[p.value, str(counts[p])] for p in counts]
    assert sum(int(row[1]) for row in tally[1:]) == len(demo.present)


def test_a_meeting_not_closed_is_marked_draft_in_the_document() -> None:
    demo = build_demo()
    closed = parse(render_minutes(demo, language="en"))
    assert not any(n.type == "blockquote" for n in walk(closed))
    for status in (SessionStatus.DRAFT, SessionStatus.RUNNING):
        demo.status = status
        tree = parse(render_minutes(demo, language="en"))
        [quote] = [n for n in walk(tree) if n.type == "blockquote"]
        assert text_of(quote).startswith("Draft:")
        assert tree.children[1].type == "blockquote"  # right under the title


def test_dates_are_written_the_dutch_way_in_dutch() -> None:
    assert format_date(date(2026, 11, 12), Language.NL) == "12 november 2026"
    assert format_date(date(2026, 6, 18), Language.EN) == "18 June 2026"
    text = text_of(parse(render_minutes(build_demo(), language="nl")))
    assert "Datum: 18 juni 2026" in text


def test_actions_carried_from_earlier_meetings_are_listed_apart() -> None:
    demo = build_demo()
    demo.actions[0].carried_from = "earlier1"
    tree = parse(render_minutes(demo, language="en"))
    assert headings(tree, "h3")[-2:] == ["Open from earlier meetings", "New"]
    carried, new = tables(tree)[-2:]
    assert [row[0] for row in carried[1:]] == [demo.actions[0].text]
    assert len(new) == len(demo.actions)  # header plus the others


def test_an_empty_session_still_renders_a_valid_document(language: Language) -> None:
    tree = parse(render_minutes(Session(title="Leeg"), language=language))
    assert headings(tree, "h1") == ["Leeg"]
    assert no_html(tree)


@pytest.mark.parametrize(
    "typed",
    [
        "# not a heading",
        "1. not a list",
        "- not a list",
        "> not a quote",
        "<b>bold</b> <script>alert(1)</script>",
        "a | b | c",
        "**stars** _under_",
        "[link](http://x) ![img](y)",
        "`code`",
        "---",
        "===",
        "+ plus",
        "2) two",
        "&amp; &lt;",
        "back\\slash\\",
        "~~strike~~",
        "    indented",
    ],
)
def test_markdown_typed_into_a_title_comes_back_as_text(typed: str) -> None:
    tree = parse(render_minutes(Session(title=typed), language="en"))
    assert headings(tree, "h1") == [squeeze(typed)]
    assert no_html(tree)


def test_escape_inline_leaves_ordinary_text_readable() -> None:
    assert escape_inline("Zoë's werkgroep, 18-06-2026 (online).") == "Zoë's werkgroep, 18-06-2026 (online)."


# Arbitrary text in every field: the structure stays, the text comes back.

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60)
LINE = TEXT.filter(lambda s: s.strip())


def build(
    session_title: str,
    name: str,
    organisation: str,
    item: str,
    note: str,
    topic: str,
    argument: str,
    signal: str,
    decision: str,
    action: str,
) -> Session:
    session = build_demo()
    session.title = session_title
    session.participants[3] = Participant(name, organisation, id=session.participants[3].id)
    session.agenda[1].title = item
    session.agenda[1].notes[0].text = note
    session.rounds[0].topic = topic
    session.rounds[0].restore_args[0] = argument
    session.signals[0].text = signal
    session.decisions[0].text = decision
    session.actions[0].text = action
    return Session.from_dict(session.to_dict())  # the model cleans every field as it would when typed


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, min_size=10, max_size=10))
def test_any_typed_text_keeps_the_structure_and_comes_back(typed: list[str]) -> None:
    try:
        session = build(*typed)
    except ValidationError:
        return  # the model refused it (empty after cleaning); refusing is its job, tested elsewhere
    reference = parse(render_minutes(build_demo(), language="en"))
    tree = parse(render_minutes(session, language="en"))
    assert structure(tree) == structure(reference)
    assert no_html(tree)
    assert headings(tree, "h1") == [squeeze(session.title)]
    seen = squeeze(text_of(tree))
    owner = session.participants[3]
    for value in (
        owner.name,
        owner.organisation,
        session.agenda[1].title,
        session.agenda[1].notes[0].text,
        session.rounds[0].topic,
        session.rounds[0].restore_args[0],
        session.signals[0].text,
        session.decisions[0].text,
        session.actions[0].text,
    ):
        assert squeeze(value) in seen
    agenda = tables(tree)[0]
    assert agenda[2][1] == squeeze(session.agenda[1].title)
    actions = tables(tree)[-1]
    assert squeeze(session.actions[0].text) in [row[0] for row in actions]


def test_rendering_is_stable_for_a_fixed_clock() -> None:
    demo = build_demo(today=datetime(2026, 6, 18).date())
    assert render_minutes(demo) == render_minutes(Session.from_dict(demo.to_dict()))
