from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc

from .strategies import periods

_SPACE = r"[ \t\n]{0,2}"
_YEAR = r"[1-9][0-9]{3}"
_MONTH = r"(0[1-9]|1[0-2])"
_spaces = st.from_regex(_SPACE, fullmatch=True)


@st.composite
def _interval_texts(draw: st.DrawFn, *, ascending: bool) -> str:
    """Text ``YYYY/YYYY``: the end after the start (*ascending*), or not after it."""
    start = draw(st.integers(1000, 9998 if ascending else 9999))
    end = draw(st.integers(start + 1, 9999) if ascending else st.integers(1000, start))
    return f"{start}/{end}"


VALID_TEXTS = st.builds(
    "".join,
    st.tuples(
        _spaces,
        st.from_regex(_YEAR, fullmatch=True)
        | st.from_regex(f"{_YEAR}-{_MONTH}", fullmatch=True)
        | _interval_texts(ascending=True),
        _spaces,
    ),
)
"""Text of the three ISO forms, surrounding whitespace allowed: every one parses."""

INVALID_TEXTS = st.one_of(
    st.from_regex(r"0[0-9]{3}", fullmatch=True),  # a year before 1000
    st.from_regex(f"{_YEAR}-(00|1[3-9]|[2-9][0-9])", fullmatch=True),  # month out of range
    st.from_regex(f"{_YEAR}-[1-9]", fullmatch=True),  # one-digit month
    _interval_texts(ascending=False),
    st.from_regex(r"[0-9]{1,3}|[0-9]{5,8}", fullmatch=True),  # too few or too many digits
    st.from_regex(f"{_YEAR}[-/ .]{_YEAR}[-/]{_YEAR}", fullmatch=True),
    st.from_regex(f"{_YEAR}[a-zA-Z.,;:_]", fullmatch=True),
    st.text(st.characters(categories=("L", "P", "S")), min_size=1, max_size=8),
)
"""Text that is no period: wrong shape, a month or year out of range, an interval not ascending."""


class TestParse:
    """`Period.parse` reads the three ISO forms and nothing else."""

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("2004", mc.PeriodKind.YEAR),
            ("2008-05", mc.PeriodKind.MONTH),
            ("2008/2018", mc.PeriodKind.INTERVAL),
            (" 2010 ", mc.PeriodKind.YEAR),
        ],
    )
    def test_forms(self, text: str, kind: mc.PeriodKind) -> None:
        """Each form parses to a period of that kind and prints back unchanged."""
        period = mc.Period.parse(text)
        assert period.kind is kind
        assert str(period) == text.strip()

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "08",
            "2008-13",
            "2008-00",
            "2018/2008",
            "2008/2008",
            "2008-5",
            "May 2008",
            "2008-18",
            "２００８",  # noqa: RUF001 - full-width digits are the point
            "2008/2018/2020",
            "0999",
        ],
    )
    def test_rejects(self, text: str) -> None:
        """Malformed text raises PeriodError, a MedcoderError and a ValueError."""
        with pytest.raises(mc.PeriodError):
            mc.Period.parse(text)

    def test_year_span_hint(self) -> None:
        """The handbook's "2008-18" is refused with the interval to write instead."""
        with pytest.raises(mc.PeriodError, match="write the interval '2008/2018'"):
            mc.Period.parse("2008-18")
        with pytest.raises(mc.PeriodError, match="write the interval '2096/2113'"):
            mc.Period.parse("2096-13")

    def test_rejects_non_text(self) -> None:
        """A non-string raises PeriodError rather than TypeError."""
        with pytest.raises(mc.PeriodError):
            mc.Period.parse(2008)  # type: ignore[arg-type]

    def test_constructor_rejects_other_shapes(self) -> None:
        """Fields that form none of the three kinds are refused."""
        with pytest.raises(mc.PeriodError):
            mc.Period(start_year=2008, start_month=3, end_year=2009, end_month=4)

    @given(VALID_TEXTS)
    def test_valid_text_round_trips(self, text: str) -> None:
        """Any text of one of the three forms parses, and prints back as written."""
        period = mc.Period.parse(text)
        assert str(period) == text.strip()
        assert mc.Period.parse(str(period)) == period

    @given(INVALID_TEXTS)
    def test_invalid_text_raises(self, text: str) -> None:
        """Text of none of the three forms (or out of range) raises PeriodError."""
        with pytest.raises(mc.PeriodError):
            mc.Period.parse(text)

    @given(st.text(max_size=12))
    def test_any_text(self, text: str) -> None:
        """Any text gives a period that prints back, or a PeriodError; never another exception."""
        try:
            period = mc.Period.parse(text)
        except mc.PeriodError:
            return
        assert mc.Period.parse(str(period)) == period


class TestProperties:
    """Text round trip and a total order consistent with equality."""

    @given(periods())
    def test_round_trip(self, period: mc.Period) -> None:
        """`Period.parse(str(p)) == p`."""
        assert mc.Period.parse(str(period)) == period

    @given(periods(), periods())
    def test_total_and_consistent(self, a: mc.Period, b: mc.Period) -> None:
        """Exactly one of <, ==, > holds, and == agrees with the text form."""
        assert [a < b, a == b, a > b].count(True) == 1
        assert (a == b) == (str(a) == str(b))

    @given(st.lists(periods(), min_size=3, max_size=3))
    def test_transitive(self, drawn: list[mc.Period]) -> None:
        """Three periods sorted by (start, end) are ordered so by <=, and a <= c follows."""
        a, b, c = sorted(
            drawn, key=lambda p: (p.start_year, p.start_month, p.end_year, p.end_month)
        )
        assert a <= b
        assert b <= c
        assert a <= c
        assert not c < a

    @given(periods(), periods())
    def test_orders_by_start_then_end(self, a: mc.Period, b: mc.Period) -> None:
        """Periods order by start, then end."""
        key_a = (a.start_year, a.start_month, a.end_year, a.end_month)
        key_b = (b.start_year, b.start_month, b.end_year, b.end_month)
        assert (a < b) == (key_a < key_b)

    def test_example_order(self) -> None:
        """Periods order by start, then end: May 2008 starts after 2008/2018."""
        texts = ["2008-05", "2008/2018", "2008", "2004"]
        assert [str(p) for p in sorted(map(mc.Period.parse, texts))] == [
            "2004",
            "2008",
            "2008/2018",
            "2008-05",
        ]

    def test_containment(self) -> None:
        """A month lies within its year and an interval covering it."""
        assert "2008-05" in mc.Period.parse("2008")
        assert mc.Period.parse("2010") in mc.Period.parse("2008/2018")
        assert "2019" not in mc.Period.parse("2008/2018")
        assert 2008 not in mc.Period.parse("2008")

    @pytest.mark.parametrize(
        ("inner", "outer", "inside"),
        [
            ("2008", "2008", True),
            ("2008-12", "2008", True),
            ("2008-01", "2008", True),
            ("2018", "2008/2018", True),
            ("2018-12", "2008/2018", True),
            ("2008", "2008/2018", True),
            ("2008/2018", "2008/2018", True),
            ("2008-05", "2008-05", True),
            ("2009-01", "2008", False),
            ("2007-12", "2008", False),
            ("2008/2019", "2008/2018", False),
            ("2007/2018", "2008/2018", False),
            ("2008", "2008-05", False),
        ],
    )
    def test_containment_bounds(self, inner: str, outer: str, inside: bool) -> None:
        """Both bounds are inclusive: a period lies within itself and its last month within it."""
        assert (mc.Period.parse(inner) in mc.Period.parse(outer)) is inside
        assert (inner in mc.Period.parse(outer)) is inside

    @given(periods())
    def test_within_itself(self, period: mc.Period) -> None:
        """Every period lies within itself."""
        same = mc.Period.parse(str(period))
        assert same in period

    def test_hashable(self) -> None:
        """Equal periods hash alike."""
        assert len({mc.Period.parse("2008"), mc.Period.year(2008)}) == 1


def _error(build: object) -> str:
    """The message of the PeriodError *build* (a callable) raises."""
    with pytest.raises(mc.PeriodError) as info:
        build()  # type: ignore[operator]
    return str(info.value)


class TestRefusals:
    """Each refusal names what is wrong, exactly."""

    @pytest.mark.parametrize(
        ("build", "message"),
        [
            (lambda: mc.Period.year("2004"), "a year must be an int, got str"),  # type: ignore[arg-type]
            (lambda: mc.Period.year(True), "a year must be an int, got bool"),  # noqa: FBT003
            (lambda: mc.Period.year(2004.0), "a year must be an int, got float"),  # type: ignore[arg-type]
            (lambda: mc.Period.month(2008, 5.0), "a month must be an int, got float"),  # type: ignore[arg-type]
            (
                lambda: mc.Period(start_year=2008, start_month=1, end_year=2008, end_month="12"),  # type: ignore[arg-type]
                "a month must be an int, got str",
            ),
            (lambda: mc.Period.year(999), "year 999 is not a four-digit year"),
            (lambda: mc.Period.year(10000), "year 10000 is not a four-digit year"),
            (lambda: mc.Period.month(2008, 13), "month 13 is not between 1 and 12"),
            (lambda: mc.Period.month(2008, 0), "month 0 is not between 1 and 12"),
            (
                lambda: mc.Period(start_year=2008, start_month=1, end_year=2008, end_month=13),
                "month 13 is not between 1 and 12",
            ),
            (
                lambda: mc.Period(start_year=2008, start_month=1, end_year=2009, end_month=5),
                "a period is a year, a year and month, or an interval of years",
            ),
            (
                lambda: mc.Period(start_year=2008, start_month=3, end_year=2009, end_month=3),
                "a period is a year, a year and month, or an interval of years",
            ),
            (
                lambda: mc.Period(start_year=2009, start_month=1, end_year=2008, end_month=12),
                "a period is a year, a year and month, or an interval of years",
            ),
            (
                lambda: mc.Period.interval(2008, 2008),
                "an interval must end after it starts, got 2008/2008",
            ),
            (lambda: mc.Period.parse(2008), "a period is given as text, got int"),  # type: ignore[arg-type]
            (
                lambda: mc.Period.parse("May 2008"),
                (
                    "'May 2008' is not a period; use a year ('2004'), a month ('2008-05') "
                    "or an interval of years ('2008/2018')"
                ),
            ),
            (
                lambda: mc.Period.parse("2013-13"),
                (
                    "'2013-13' is not a period: month 13 is not between 1 and 12; use a year "
                    "('2004'), a month ('2008-05') or an interval of years ('2008/2018')"
                ),
            ),
            (
                lambda: mc.Period.parse("1750-13"),
                (
                    "'1750-13' is not a period: month 13 is not between 1 and 12; use a year "
                    "('2004'), a month ('2008-05') or an interval of years ('2008/2018')"
                ),
            ),
            (
                lambda: mc.Period.parse("2008-18"),
                (
                    "'2008-18' is not a month; for the years 2008 to 2018 "
                    "write the interval '2008/2018'"
                ),
            ),
        ],
    )
    def test_message(self, build: object, message: str) -> None:
        """The PeriodError's message is exactly the expected one."""
        assert _error(build) == message

    @pytest.mark.parametrize("year", [1000, 9999])
    def test_four_digit_bounds(self, year: int) -> None:
        """1000 and 9999 are years."""
        assert mc.Period.year(year).start_year == year

    def test_repr(self) -> None:
        """repr() shows the text form."""
        assert repr(mc.Period.parse("2008-05")) == "Period('2008-05')"
        assert repr(mc.Period.parse("2008/2018")) == "Period('2008/2018')"


class TestIntervalHint:
    """A month past 12 suggests the interval only where the handbook would abbreviate it."""

    @pytest.mark.parametrize(
        ("text", "hint"),
        [
            ("2008-18", "'2008/2018'"),
            ("2008-28", "'2008/2028'"),  # 20 years: the longest span suggested
            ("9995-99", "'9995/9999'"),  # ends in the last year a period may have
        ],
    )
    def test_suggested(self, text: str, hint: str) -> None:
        """The interval is named when it spans at most 20 years and ends by 9999."""
        with pytest.raises(mc.PeriodError, match=f"write the interval {hint}"):
            mc.Period.parse(text)

    @pytest.mark.parametrize("text", ["2008-29", "9999-13", "2018-13"])
    def test_not_suggested(self, text: str) -> None:
        """Past 20 years, or past 9999, no interval is suggested."""
        with pytest.raises(mc.PeriodError, match="is not between 1 and 12") as info:
            mc.Period.parse(text)
        assert "interval '" not in str(info.value)
