"""`Catalog.stats(percentile=...)` reads a percentile given as text, through the public API only.

Written against the public call alone, so it holds whatever the query layer
behind `stats()` becomes.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc

PERCENTILES = (10, 25, 50, 75, 90)


@st.composite
def percentile_texts(draw: st.DrawFn) -> tuple[int, str]:
    """A percentile and a way to write it: its digits or "median" in any case, spaced."""
    number = draw(st.sampled_from(PERCENTILES))
    forms = [str(number)]
    if number == 50:
        word = draw(st.sampled_from(["median", "Median", "MEDIAN", "mEdIaN"]))
        forms.append(word)
    text = draw(st.sampled_from(forms))
    pad = st.sampled_from(["", " ", "  ", "\t"])
    return number, draw(pad) + text + draw(pad)


class TestPercentileText:
    """A percentile written as text selects what the number selects."""

    @pytest.mark.parametrize(
        ("text", "number"),
        [
            (" 90 ", 90),
            ("90", 90),
            ("Median", 50),
            ("MEDIAN", 50),
            ("median", 50),
            (" median ", 50),
            ("50", 50),
            ("\t10", 10),
        ],
    )
    def test_text_is_the_number(self, cat: mc.Catalog, text: str, number: int) -> None:
        """Spaces around and letter case do not matter."""
        found = cat.stats(percentile=text)
        assert found
        assert found == cat.stats(percentile=number)
        assert {s.percentile for s in found} == {number}

    @given(case=percentile_texts())
    def test_any_spelling(self, cat: mc.Catalog, case: tuple[int, str]) -> None:
        """Any such spelling, with other filters too, selects what the number selects."""
        number, text = case
        assert cat.stats(percentile=text, measure="annual_wage") == cat.stats(
            percentile=number, measure="annual_wage"
        )

    @pytest.mark.parametrize(
        "text", ["p90", "ninety", "51", "9 0", "00090", "0050", "", "-50", "(50)", "#50", "50-"]
    )
    def test_other_text_refused(self, cat: mc.Catalog, text: str) -> None:
        """Text that is no published percentile (padded digits too) raises ArgumentError."""
        with pytest.raises(mc.ArgumentError, match="percentile"):
            cat.stats(percentile=text)
