"""How records read in a notebook: `_repr_html_` is complete, escaped and cited."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._display import cited_html, figure_text, html_table, record_html

VOID = {"br"}  # tags that never close


class _Balance(HTMLParser):
    """Collect the text and check that every tag closes in order."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:  # noqa: ARG002
        self.tags.append(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open.pop() == tag, f"</{tag}> closes another tag"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(markup: str) -> _Balance:
    """Parse *markup*; fail unless its tags are balanced."""
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    assert parser.open == [], parser.open
    return parser


def records(cat: mc.Catalog) -> list[object]:
    """One record of every kind the catalog holds, and a few statistics of each source kind."""
    found: list[object] = [
        cat.occupation("medical coder"),
        cat.credential("CCS"),
        cat.organizations["ahima"],
        cat.sources["onet-29.3"],
        cat.areas["0600000"],
        cat.facts[0],
        cat.unpublished(occupation="29-9021", area="Lima, OH")[0],
    ]
    found += [cat.stats(source=source)[0] for source in ("oews-2025-05", "ep-2024-34")]
    return found


class TestRecords:
    """Every record has an HTML table of its fields; its plain repr is unchanged."""

    def test_every_kind(self, cat: mc.Catalog) -> None:
        """A table captioned with the kind; the record's own citation quoted in it."""
        for record in records(cat):
            markup = record._repr_html_()  # type: ignore[attr-defined]
            page = parsed(markup)
            assert page.tags[:2] == ["table", "caption"]
            text = "".join(page.text)
            assert text.startswith(type(record).__name__)
            citations = getattr(record, "citations", ()) or (getattr(record, "citation", None),)
            for citation in (c for c in citations if c is not None):
                assert f"{citation.source}: {citation.quote}" in text
            assert repr(record).startswith(f"{type(record).__name__}(")

    def test_escaped(self, cat: mc.Catalog) -> None:
        """Markup in a field is shown as text, never run: no tag comes from the data."""
        occupation = attrs.evolve(
            cat.occupation("medical coder"), title="<script>alert('x')</script> & co"
        )
        markup = occupation._repr_html_()
        assert "<script>" not in markup
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in markup
        assert "<script>alert('x')</script> & co" in "".join(parsed(markup).text)

    @settings(max_examples=30, deadline=None)
    @given(text=st.text(min_size=1, max_size=40))
    def test_any_text_round_trips(self, text: str) -> None:
        """Whatever a field holds reads back exactly from the HTML, and adds no tag."""
        cat = mc.catalog()
        occupation = attrs.evolve(cat.occupation("medical coder"), title=text)
        page = parsed(occupation._repr_html_())
        assert set(page.tags) <= {"table", "caption", "tr", "th", "td", "small", "br", "p"}
        assert text.replace("\r", "\n") in html.unescape("".join(page.text)).replace("\r", "\n")


_NAMED_BY = ("id", "name", "abbreviation", "code", "text", "example", "quote")
"""The fields a record inside another is shown by, the first it has."""

_Sample = attrs.make_class(
    "Sample",
    {
        "id": attrs.field(),
        "citation": attrs.field(),
        "parts": attrs.field(),
        "citations": attrs.field(),
        "empty": attrs.field(),
        "missing": attrs.field(),
        "count": attrs.field(),
    },
)


class TestMarkup:
    """The exact markup: a row per field with text, inner records by name, citations last."""

    def test_record(self) -> None:
        """Empty and None fields are left out; a tuple lists its items; every citation is cited."""
        parts = tuple(
            attrs.make_class(f"Has{field.title()}", [field])(f"{field}<{n}>")
            for n, field in enumerate(_NAMED_BY)
        )
        sample = _Sample(
            id="x&y",
            citation=mc.Citation(source="ooh-2010-11", quote="coders <earn>", locator="p. 2"),
            parts=parts,
            citations=(mc.Citation(source="onet-29.3", quote="tasks"),),
            empty=(),
            missing=None,
            count=3,
        )
        named = "; ".join(f"{field}&lt;{n}&gt;" for n, field in enumerate(_NAMED_BY))
        assert record_html(sample) == (
            "<table><caption>Sample</caption>"
            "<tr><th>field</th><th>value</th></tr>"
            "<tr><td>id</td><td>x&amp;y</td></tr>"
            f"<tr><td>parts</td><td>{named}</td></tr>"
            "<tr><td>count</td><td>3</td></tr>"
            "<tr><td>cited</td><td>ooh-2010-11: coders &lt;earn&gt; [p. 2]</td></tr>"
            "<tr><td>cited</td><td>onet-29.3: tasks</td></tr>"
            "</table>"
        )

    def test_table_foot(self) -> None:
        """A table's caption and foot are escaped text; its cells are markup already."""
        assert html_table(["a", "b<"], [["<i>1</i>", "2"]], caption="c&", foot="f<") == (
            "<table><caption>c&amp;</caption><tr><th>a</th><th>b&lt;</th></tr>"
            "<tr><td><i>1</i></td><td>2</td></tr></table><p><small>f&lt;</small></p>"
        )
        assert html_table(["a"], []) == "<table><tr><th>a</th></tr></table>"

    def test_cited(self) -> None:
        """A text without a citation is only escaped; with one, its source and quote follow."""
        assert cited_html("a & b", None) == "a &amp; b"
        citation = mc.Citation(source="ooh-2010-11", quote="q", locator="oe.area:0600000")
        assert cited_html("a", citation) == ("a<br><small>ooh-2010-11: q [oe.area:0600000]</small>")


class TestQuickFacts:
    """Quick facts in a notebook: the figure as the command line writes it, its source below."""

    def test_figures_and_sources(self, cat: mc.Catalog) -> None:
        """Each figure's words, its quote, its period and its source id."""
        facts = cat.quick_facts("medical coder", area="CA")
        text = "".join(parsed(facts._repr_html_()).text)
        assert text.startswith(f"{facts.occupation.title}: California")
        pay = facts.median_annual_pay
        assert pay is not None
        assert figure_text(pay) in text
        assert pay.citation.quote in text
        jobs = facts.employment
        assert jobs is not None
        assert f"{figure_text(jobs)} wage and salary jobs" in text
        base = facts.projection_base
        assert base is not None
        assert f"{figure_text(base)} all jobs, self-employed included (national)" in text

    def test_other_definition_is_named(self, cat: mc.Catalog) -> None:
        """A figure that counts another SOC code than today's says which."""
        facts = cat.quick_facts("medical coder")
        text = "".join(parsed(facts._repr_html_()).text)
        for item in (facts.median_annual_pay, facts.employment, facts.projected_change):
            assert item is not None
            if item.definition not in {None, facts.current_definition}:
                assert f"(SOC {item.definition})" in text

    def test_missing(self, cat: mc.Catalog) -> None:
        """A figure the area lacks reads "not in the data", never another area's figure."""
        facts = cat.quick_facts(
            "health-information-technologists-and-medical-registrars", area="0010180"
        )
        assert facts.employment is None
        text = "".join(parsed(facts._repr_html_()).text)
        assert "employmentnot in the data" in text


def _cells(markup: str) -> list[list[str]]:
    """The cells of each row of an HTML table, as markup (a header row's too)."""
    return [
        re.findall(r"<t[dh]>(.*?)</t[dh]>", row) for row in re.findall(r"<tr>(.*?)</tr>", markup)
    ]


class TestQuickFactsRows:
    """Quick facts in a notebook, row by row: the label, the figure, its period and its source."""

    LABELS = (
        "median annual pay",
        "median hourly pay",
        "employment",
        "projected change percent",
        "projected change",
        "projection base",
        "annual openings",
        "entry level education",
        "work experience",
        "on the job training",
    )

    def test_rows(self, cat: mc.Catalog) -> None:
        """A header, one row per figure or fact (its words cited, its period, its source), then
        the credentials."""
        facts = cat.quick_facts("medical coder", area="CA")
        rows = _cells(facts._repr_html_())
        assert rows[0] == ["", "figure", "period", "source"]
        assert [row[0] for row in rows[1:]] == [*self.LABELS, "credentials"]
        pay = facts.median_annual_pay
        assert pay is not None
        assert rows[1] == [
            "median annual pay",
            cited_html(figure_text(pay), pay.citation),
            "2025-05",
            "oews-2025-05",
        ]
        education = facts.entry_level_education
        assert education is not None
        assert rows[8] == [
            "entry level education",
            cited_html("Postsecondary nondegree award", education.citation),
            "2024",
            "ep-2024-34",
        ]
        assert rows[-1] == ["credentials", "CCA, CCS, CPC, CTR, RHIT", "", ""]

    def test_missing_and_no_credentials(self, cat: mc.Catalog) -> None:
        """A figure the data lacks fills its row with words alone; no credential says "none"."""
        facts = cat.quick_facts(
            "health-information-technologists-and-medical-registrars", area="0010180"
        )
        rows = _cells(facts._repr_html_())
        assert rows[3] == ["employment", "not in the data", "", ""]
        assert rows[-1] == ["credentials", "none", "", ""]

    def test_older_definition_and_no_period(self, cat: mc.Catalog) -> None:
        """A figure of another SOC code than today's names it after its words; a fact with no
        period has an empty period cell."""
        facts = cat.quick_facts("medical coder")
        pay, education = facts.median_annual_pay, facts.entry_level_education
        assert pay is not None
        assert education is not None
        assert facts.current_definition == "29-2072"
        changed = attrs.evolve(
            facts,
            median_annual_pay=attrs.evolve(pay, definition="29-2071"),
            entry_level_education=attrs.evolve(education, period=None),
        )
        rows = _cells(changed._repr_html_())
        assert rows[1][1] == cited_html(f"{figure_text(pay)} (SOC 29-2071)", pay.citation)
        assert rows[8] == [
            "entry level education",
            cited_html(education.text, education.citation),
            "",
            "ep-2024-34",
        ]


class TestSeries:
    """A series in a notebook: one row per period, the definition's change marked."""

    def test_rows_and_break(self, cat: mc.Catalog) -> None:
        """Every point is a row with its figure and source; a definition change is a row."""
        series = cat.series("medical coder", "employment")
        page = parsed(series._repr_html_())
        text = "".join(page.text)
        for point in series:
            assert figure_text(point.statistic) in text
            assert point.source in text
        assert page.tags.count("tr") == 1 + len(series) + len(series.breaks)
        assert text.count("definition changes:") == len(series.breaks)

    @pytest.mark.parametrize("measure", ["annual_wage", "employment"])
    def test_caption(self, cat: mc.Catalog, measure: str) -> None:
        """The caption names the measure and the occupation."""
        series = cat.series("medical coder", measure)
        text = "".join(parsed(series._repr_html_()).text)
        assert text.startswith(f"{measure} of {series.occupation}")

    def test_markup(self, cat: mc.Catalog) -> None:
        """The exact table: a change of definition says from what to what, "not stated" for none.

        Each point's row: its period, its figure cited, its source, its
        definition ("-" for none) and how many figures it outranked.
        """
        found = cat.series("medical coder", "employment")
        first, second, third = (found.at(period) for period in ("2018-05", "2019-05", "2021-05"))
        points = [
            mc.SeriesPoint(
                period=first.period, statistic=attrs.evolve(first.statistic, definition=None)
            ),
            mc.SeriesPoint(
                period=second.period, statistic=second.statistic, alternatives=[first.statistic]
            ),
            mc.SeriesPoint(
                period=third.period, statistic=attrs.evolve(third.statistic, definition=None)
            ),
        ]
        series = mc.Series(occupation="an-occupation", measure=mc.Measure.EMPLOYMENT, points=points)

        def row(point: mc.SeriesPoint, definition: str, others: int) -> str:
            figure = cited_html(figure_text(point.statistic), point.statistic.citation)
            return (
                f"<tr><td>{point.period}</td><td>{figure}</td><td>{point.source}</td>"
                f"<td>{definition}</td><td>{others}</td></tr>"
            )

        assert series._repr_html_() == (
            "<table><caption>employment of an-occupation</caption>"
            "<tr><th>period</th><th>figure</th><th>source</th><th>definition</th>"
            "<th>others</th></tr>"
            + row(points[0], "-", 0)
            + "<tr><td><b>definition changes: not stated → 29-2098</b></td></tr>"
            + row(points[1], "29-2098", 1)
            + "<tr><td><b>definition changes: 29-2098 → not stated</b></td></tr>"
            + row(points[2], "-", 0)
            + "</table><p><small>others: sources outranked</small></p>"
        )
