"""Text cut to fit a column (sdtui/text.py): measured in terminal cells, ending in "…"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sdtui.text import cells, one_line


def test_short_text_is_kept_whole_on_one_line() -> None:
    assert one_line("Opening\n en   welkom", 20) == "Opening en welkom"


def test_long_text_ends_in_an_ellipsis_within_the_width() -> None:
    assert one_line("Housing first voor dak- en thuislozen", 16) == "Housing first v…"
    assert one_line("Housing first voor dak- en thuislozen", 14) == "Housing first…"  # no space before the …


def test_wide_characters_take_two_cells_and_joiners_none() -> None:
    assert cells("東京") == 4
    assert cells("👩\u200d👩\u200d👧") == 6
    assert cells("Zoë") == 3
    assert one_line("東京都の会議です", 7) == "東京都…"


@given(st.text(), st.integers(min_value=1, max_value=80))
def test_the_cut_text_never_takes_more_cells_than_the_column(text: str, width: int) -> None:
    fitted = one_line(text, width)
    assert cells(fitted) <= width
    if fitted.endswith("…") and not " ".join(text.split()).endswith("…"):
        assert " ".join(text.split()).startswith(fitted[:-1].rstrip())
