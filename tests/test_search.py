"""`Catalog.search`: ranked, typo-tolerant matches across every kind of entity."""

from __future__ import annotations

from typing import Any, Final

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._model import Entity
from medcoder_careers._names import KINDS, compact, names_of, normalise, singular
from medcoder_careers._search import (
    ONET_WEIGHT,
    SEARCH_KINDS,
    TOPIC_WEIGHT,
    FuzzyIndex,
    _bits,
    _most,
)
from medcoder_careers._topics import topic_names

from . import strategies
from .test_lookup import _ENTRIES, SEARCHED_NAMES, _queries

OCC = "medical-records-and-health-information-technicians"


@st.composite
def _near_names(draw: st.DrawFn) -> str:
    """A name of the data cut short, with a typo, or a run of words from it."""
    name = draw(st.sampled_from([n for _, n, _ in SEARCHED_NAMES]))
    way = draw(st.sampled_from(["prefix", "typo", "words"]))
    if way == "prefix":
        return name[: draw(st.integers(1, max(1, len(name))))]
    if way == "typo":
        at = draw(st.integers(0, len(name) - 1))
        return name[:at] + draw(st.sampled_from(["", "x", name[at] * 2])) + name[at + 1 :]
    words = name.split()
    start = draw(st.integers(0, len(words) - 1))
    return " ".join(words[start : draw(st.integers(start + 1, len(words)))])


_QUERIES = st.text(max_size=30) | _near_names()
"""Arbitrary text, and text close to a name of the data (most of it finds something)."""


def _fold(text: str) -> str:
    return singular(normalise(text))


def _squeeze(text: str) -> str:
    return compact(_fold(text))


class TestRanking:
    """The right entity comes first."""

    @given(st.sampled_from(SEARCHED_NAMES))
    def test_exact_name_first(self, case: tuple[str, str, str]) -> None:
        """Searching for any name in the data gives first an entity bearing that name.

        (Spacing aside: ``"onet"`` finds O*NET by its abbreviation ``"O*NET"``.)
        """
        kind, name, entity_id = case
        results = mc.catalog().search(name)
        assert _squeeze(results[0].name) == _squeeze(name)
        assert results[0].score >= 0.95
        tied = {(r.kind, r.id) for r in results if r.score == results[0].score}
        assert (kind, entity_id) in tied

    @pytest.mark.parametrize(
        ("text", "kind", "expected"),
        [
            ("medcal codr", "occupation", OCC),
            ("medical recrds techn", "occupation", OCC),
            ("Medical Recrods and Helth Information Technicans", "occupation", OCC),
            ("medicl transcriptionist", "occupation", "medical-transcriptionists"),
            ("medical secretarys", "occupation", "medical-secretaries"),
            ("billing cost and rate clerk", "occupation", "billing-cost-and-rate-clerks"),
            ("registerd health info", "credential", "rhit"),
            ("coding associate", "credential", "cca"),
            ("professional coder", "credential", "cpc"),
            ("ahima", "organization", "ahima"),
            ("bureau labor", "organization", "bls"),
            ("2010-11", "source", "ooh-2010-11"),
            ("offices of physicians", "industry", "6211"),
            ("nursing", "industry", "6231"),
            ("292071", "occupation", OCC),
        ],
    )
    def test_first(self, cat: mc.Catalog, text: str, kind: str, expected: str) -> None:
        """A misspelt, partial or compacted name ranks the intended entity first."""
        first = cat.search(text)[0]
        assert (first.kind, first.id) == (kind, expected)

    def test_tumor_registrar(self, cat: mc.Catalog) -> None:
        """A partial credential name finds the credential first; the alias still looks up."""
        results = cat.search("tumor registrar")
        assert (results[0].kind, results[0].id) == ("credential", "ctr")
        assert results[0].name == "Certified Tumor Registrar"
        assert cat.occupation("tumor registrar").id == OCC
        assert cat.search("cancer registrar")[0].id == OCC

    def test_tiers(self, cat: mc.Catalog) -> None:
        """Key beats name beats prefix beats word substring beats typo match."""
        assert cat.search("RHIT")[0].score == 1.0
        assert cat.search("Medical coder")[0].score == 0.95
        prefix = cat.search("Certified Tumor")[0]
        assert (prefix.id, 0.8 < prefix.score < 0.9) == ("ctr", True)
        word = cat.search("Tumor Registrar", kind="credential")[0]
        assert 0.7 < word.score < 0.8
        typo = cat.search("medcal codr")[0]
        assert 0.2 <= typo.score < 0.6

    def test_nothing_similar(self, cat: mc.Catalog) -> None:
        """Text like no name gives no result."""
        assert cat.search("xyzzy") == ()
        assert cat.search("   ") == ()

    def test_short_text(self, cat: mc.Catalog) -> None:
        """One or two letters match names that start with or contain them."""
        assert {r.id for r in cat.search("cc")} >= {"cca", "ccs"}
        assert all("a" in _fold(r.name) for r in cat.search("a", limit=50))


class TestShape:
    """Results: one per entity, sorted, limited, filtered by kind."""

    @given(text=_QUERIES, limit=st.integers(0, 40))
    def test_any_text(self, text: str, limit: int) -> None:
        """Any text gives at most limit results, one per entity, by score, kind, id."""
        results = mc.catalog().search(text, limit=limit)
        event(f"results: {'none' if not results else 'some'}")
        assert len(results) <= limit
        keys = [(-r.score, r.kind, r.id) for r in results]
        assert keys == sorted(keys)
        assert len({(r.kind, r.id) for r in results}) == len(results)
        entities = [r for r in results if r.kind != "topic"]
        # an occupation found by an O*NET title scores its match times ONET_WEIGHT
        assert all(0.2 * ONET_WEIGHT <= r.score <= 1.0 for r in entities)
        topics = [r for r in results if r.kind == "topic"]
        assert all(0.2 * TOPIC_WEIGHT <= r.score <= TOPIC_WEIGHT for r in topics)
        assert all(r.entity.id == r.id for r in results)

    @given(
        case=st.sampled_from(SEARCHED_NAMES),
        other=st.sampled_from(SEARCH_KINDS),
        own=st.sampled_from([True, True, False]),
    )
    def test_kind_filter(self, case: tuple[str, str, str], other: str, own: bool) -> None:
        """With a kind, every result is of that kind; the named entity is found under its own."""
        name_kind, name, entity_id = case
        kind = name_kind if own else other
        # a 12-character prefix can fit many names of one kind ("Occupational" fits 17
        # sources): ask for all of them, or the named one may rank below the first ten
        results = mc.catalog().search(name[:12], kind=kind, limit=100)
        event(f"results: {'none' if not results else 'some'}")
        assert all(r.kind == kind for r in results)
        assert all(type(r.entity).__name__.lower() == kind for r in results)
        if kind == name_kind:
            assert entity_id in {r.id for r in results}

    def test_result(self, cat: mc.Catalog) -> None:
        """A result carries the entity, its kind, the name matched and a score."""
        result = cat.search("rhit")[0]
        assert result.entity is cat.credential("rhit")
        assert (result.kind, result.id, result.name, result.score) == (
            "credential",
            "rhit",
            "RHIT",
            1.0,
        )
        assert repr(result) == (
            "SearchResult(entity=<Credential rhit>, kind='credential', name='RHIT', score=1.0)"
        )

    def test_kind_spellings(self, cat: mc.Catalog) -> None:
        """A kind is matched like a key: plural and case do not matter."""
        assert cat.search("6221", kind="Industries")[0].id == "6221"
        assert cat.search("ahima", kind="ORGANIZATION")[0].id == "ahima"

    def test_limit(self, cat: mc.Catalog) -> None:
        """limit caps the results; 0 gives none."""
        assert len(cat.search("medical", limit=3)) == 3
        assert cat.search("medical", limit=0) == ()
        assert len(cat.search("medical")) == 10  # the default


class TestBadInput:
    """Bad arguments raise MedcoderError subclasses."""

    def test_bad_kind(self, cat: mc.Catalog) -> None:
        """An unknown kind is NotFound listing the kinds search finds."""
        with pytest.raises(mc.NotFound) as info:
            cat.search("x", kind="person")
        assert info.value.suggestions == (*KINDS, "topic")
        assert (info.value.key, info.value.kind) == ("person", "kind")
        assert str(info.value).startswith("no kind matches 'person'; did you mean 'occupation', ")
        with pytest.raises(mc.NotFound) as info:
            cat.search("x", kind=3)  # type: ignore[arg-type]
        assert (info.value.key, info.value.kind) == (3, "kind")

    @pytest.mark.parametrize("limit", [-1, 1.5, True, "3", None])
    def test_bad_limit(self, cat: mc.Catalog, limit: object) -> None:
        """A limit that is not a whole number of 0 or more is an ArgumentError."""
        with pytest.raises(mc.ArgumentError) as info:
            cat.search("coder", limit=limit)  # type: ignore[arg-type]
        assert str(info.value) == f"limit must be a whole number of 0 or more, got {limit!r}"

    @pytest.mark.parametrize("text", [None, 3, b"rhit", ["rhit"]])
    def test_bad_text(self, cat: mc.Catalog, text: object) -> None:
        """Text that is not a string is an ArgumentError (also a ValueError)."""
        with pytest.raises(mc.ArgumentError) as info:
            cat.search(text)  # type: ignore[arg-type]
        assert isinstance(info.value, ValueError)
        assert str(info.value) == f"search text must be a string, got {type(text).__name__}"


class TestTopics:
    """Search finds what statistics and facts are about, below exact entity matches."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("salary", "median_annual_wage"),
            ("median pay", "median_annual_wage"),
            ("Median Hourly Pay", "median_hourly_wage"),
            ("sallary", "median_annual_wage"),
            ("medain pay", "median_annual_wage"),
            ("certification", "certification"),
            ("certifcation", "certification"),
            ("jobs", "employment"),
            ("job growth", "projected_change_percent"),
            ("outlook", "job_outlook"),
            ("location quotient", "location_quotient"),
            ("90th percentile annual", "annual_wage_p90"),
            ("entry level education", "entry_level_education"),
        ],
    )
    def test_first(self, cat: mc.Catalog, text: str, expected: str) -> None:
        """What a reader types about pay, jobs or credentials finds the topic first."""
        first = cat.search(text)[0]
        assert (first.kind, first.id) == ("topic", expected)
        assert first.entity is cat.topics[expected]

    def test_icd_finds_its_fact(self, cat: mc.Catalog) -> None:
        """A word only a fact's text holds finds that fact's topic, naming the fact."""
        for text in ("ICD", "icd", "CPT"):
            first = cat.search(text)[0]
            assert (first.kind, first.id) == ("topic", "training")
            (fact,) = (f for f in cat.find_facts(topic="training") if f.text == first.name)
            assert "(ICD)" in fact.citation.quote
            assert fact.source == "article-medical-information-coder"

    def test_below_exact_entities(self, cat: mc.Catalog) -> None:
        """A topic never outranks an exact entity match, and scores at most 0.9."""
        hospital = cat.search("hospitals")
        assert (hospital[0].kind, hospital[0].id) == ("industry", "622")
        assert "topic" in {r.kind for r in hospital}  # the work environment fact says hospitals
        assert max(r.score for r in cat.search("certification", kind="topic")) == TOPIC_WEIGHT
        assert cat.search("Certification")[0].score == TOPIC_WEIGHT * 1.0
        assert cat.search("Mean annual wage")[0].score == pytest.approx(TOPIC_WEIGHT * 0.95)
        assert cat.search("Mean annual wage")[0].score == 0.855  # as SearchResult documents

    @given(st.sampled_from(SEARCHED_NAMES))
    def test_entities_first(self, case: tuple[str, str, str]) -> None:
        """Every entity name searched finds entities first: each topic scores lower."""
        results = mc.catalog().search(case[1], limit=40)
        top = results[0].score
        assert results[0].kind != "topic"
        assert all(r.score < top for r in results if r.kind == "topic")

    def test_hourly_pay(self, cat: mc.Catalog) -> None:
        """The words hourly pay name the median hourly wage, as exactly as salary the annual one.

        Plain pay words (pay, salary, ...) name the annual median: the hourly
        median answers to them only as a near match.
        """
        exact = cat.search("median salary", kind="topic")[0]
        assert exact.id == "median_annual_wage"
        for text in ("hourly pay", "Median Hourly Pay"):
            first = cat.search(text, kind="topic")[0]
            assert (first.id, first.score) == ("median_hourly_wage", exact.score)
        pay = {r.id: r.score for r in cat.search("pay", kind="topic")}
        assert pay["median_annual_wage"] == exact.score
        assert pay["median_hourly_wage"] < exact.score

    def test_every_topic_has_records(self, cat: mc.Catalog) -> None:
        """A topic's fields fetch its statistics or facts, and the packaged data has some."""
        for topic in cat.topics.values():
            if topic.measure is not None:
                assert topic.fact_topic is None
                found = cat.stats(measure=topic.measure, percentile=topic.percentile)
                assert found, topic.id
                assert {(s.measure, s.percentile) for s in found} == {
                    (topic.measure, topic.percentile)
                }
            else:
                assert topic.fact_topic is not None
                assert cat.find_facts(topic=topic.fact_topic), topic.id

    def test_median_keywords(self, cat: mc.Catalog) -> None:
        """The medians' keywords are the plain words for pay, lower case, alone and as medians."""
        assert cat.topics["median_hourly_wage"].keywords == ("hourly pay", "median hourly pay")
        annual = cat.topics["median_annual_wage"].keywords
        assert annual[:2] == ("pay", "salary")
        assert annual[5:7] == ("median pay", "median salary")

    def test_vocabulary(self, cat: mc.Catalog) -> None:
        """One topic per measure, per wage percentile, and per fact topic; ids unique."""
        wages = {mc.Measure.ANNUAL_WAGE, mc.Measure.HOURLY_WAGE}
        expected: set[tuple[mc.Measure, int | None]] = {
            (m, p) for m in wages for p in (10, 25, 50, 75, 90)
        }
        expected |= {(m, None) for m in mc.Measure if m not in wages}
        topics = cat.topics.values()
        assert {(t.measure, t.percentile) for t in topics if t.measure} == expected
        assert {t.fact_topic for t in topics if t.fact_topic} == set(mc.FactTopic)
        assert len(cat.topics) == len(expected) + len(mc.FactTopic) == 36
        assert all(key == t.id for key, t in cat.topics.items())
        assert cat.topics["median_annual_wage"].name == "Median annual wage"
        assert cat.topics["hourly_wage_p10"].name == "Hourly wage, 10th percentile"

    def test_each_fact_finds_its_topic(self, cat: mc.Catalog) -> None:
        """Every fact's text, searched among topics, finds its topic among the best."""
        for fact in cat.facts:
            results = cat.search(fact.text, kind="topic")
            best = {r.id for r in results if r.score == results[0].score}
            assert fact.topic.value in best, fact.text
            # a fact's words are a name of its topic, not a key: an exact name's 0.95
            assert results[0].score == round(0.95 * TOPIC_WEIGHT, 4), fact.text

    def test_topic_names(self, cat: mc.Catalog) -> None:
        """A topic answers to its name, its keywords and its id (flagged as a key)."""
        topic = cat.topics["median_annual_wage"]
        assert list(topic_names(topic)) == [
            ("Median annual wage", False),
            *((k, False) for k in topic.keywords),
            ("median_annual_wage", True),
        ]
        assert "salary" in topic.keywords
        assert cat.search("median_annual_wage")[0].score == TOPIC_WEIGHT

    def test_kind_topic(self, cat: mc.Catalog) -> None:
        """kind="topic" (or "topics") keeps topics only; other kinds leave them out."""
        assert {r.kind for r in cat.search("pay", kind="Topics")} == {"topic"}
        assert "topic" not in {r.kind for r in cat.search("pay", kind="industry")}

    def test_frozen(self, cat: mc.Catalog) -> None:
        """A topic is a frozen, slotted, keyword-only value: equal by fields, hashable."""
        topic = cat.topics["employment"]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            topic.name = "x"  # type: ignore[misc]
        assert not hasattr(topic, "__dict__")
        assert attrs.evolve(topic) == topic
        assert hash(attrs.evolve(topic)) == hash(topic)
        with pytest.raises(TypeError):
            mc.Topic("x", "y")  # type: ignore[call-arg]


def _expected_names(entity: Entity, *, aliases: bool) -> list[tuple[str, bool]]:  # noqa: PLR0912 - one branch per documented name
    """The names an entity answers to, written out from the model's documentation."""
    match entity:
        case mc.Occupation():
            names = [(entity.title, False), *((t, False) for t in entity.alternate_titles)]
            for soc in entity.soc:
                names += [(soc.code, True), (soc.title, False)]
            for specialty in entity.specialties:
                names.append((specialty.name, False))
                if aliases:
                    names += [(n, False) for n in specialty.alternate_names]
        case mc.Credential():
            names = [(entity.abbreviation, True), (entity.name, False)]
            names += [(n, False) for n in entity.alternate_names]
        case mc.Organization():
            names = [(entity.abbreviation, True)] if entity.abbreviation else []
            names += [(entity.name, False), *((n, False) for n in entity.alternate_names)]
        case mc.Source():
            names = [(entity.title, False)]
            if entity.edition:
                names += [(entity.edition, True), (f"{entity.edition} Edition", False)]
        case mc.Industry():
            names = [(entity.title, False), *((t, False) for t in entity.alternate_titles)]
            for naics in entity.naics:
                names += [(naics.code, True), (naics.title, False)]
            for citation in entity.citations:  # the OEWS industry code it was read under
                code = (citation.locator or "").removeprefix("oe.industry:")
                if citation.locator and code not in {citation.locator, entity.id}:
                    names.append((code, True))
        case mc.Area():
            names = [(entity.name, False)]
            if "," in entity.name:
                names.append((entity.name.rpartition(",")[0], False))
            if entity.kind is mc.AreaKind.NATIONAL:
                names.append(("national", False))
                names += [
                    (n, True)
                    for n in ("US", "USA", "U.S.", "United States", "United States of America")
                ]
                names.append(("nationwide", True))
            if entity.kind is mc.AreaKind.STATE:
                names += [(postal, True) for postal in entity.states]
            names += [(code, True) for code in (entity.fips, entity.cbsa) if code is not None]
    return [*names, (entity.id, True)]


_ENTITIES = st.one_of(
    strategies.occupations,
    strategies.credentials,
    strategies.organizations,
    strategies.sources,
    strategies.industries,
    strategies.areas,
)


class TestNamesOf:
    """`names_of` yields every name, the main one first, the id last, keys flagged."""

    @given(entity=_ENTITIES, aliases=st.booleans())
    def test_generated(self, entity: Entity, aliases: bool) -> None:
        """Any entity's names are the documented ones, in order, ids and codes flagged."""
        assert list(names_of(entity, aliases=aliases)) == _expected_names(entity, aliases=aliases)

    def test_packaged(self, cat: mc.Catalog) -> None:
        """Every packaged entity's names are the documented ones; aliases are on by default."""
        tables: list[Any] = [
            cat.occupations,
            cat.credentials,
            cat.organizations,
            cat.sources,
            cat.industries,
            cat.areas,
        ]
        for table in tables:
            for entity in table.values():
                assert list(names_of(entity)) == _expected_names(entity, aliases=True)

    def test_search_result(self, cat: mc.Catalog) -> None:
        """A result's id is its entity's; its repr names the entity briefly."""
        result = mc.SearchResult(entity=cat.occupation(OCC), kind="occupation", name="x", score=0.5)
        assert result.id == OCC
        assert repr(result) == (
            f"SearchResult(entity=<Occupation {OCC}>, kind='occupation', name='x', score=0.5)"
        )

    def test_place_before_the_last_comma(self, cat: mc.Catalog) -> None:
        """An area's name without its state part: cut at the last comma, not the first."""
        akron = cat.area("Akron, OH")
        assert list(names_of(akron))[:2] == [("Akron, OH", False), ("Akron", False)]
        twice = attrs.evolve(akron, name="Canton, Massillon, OH")
        assert list(names_of(twice))[1] == ("Canton, Massillon", False)

    def test_code_scores_as_a_key(self, cat: mc.Catalog) -> None:
        """A SOC or NAICS code, an edition label and an id score 1.0; a title 0.95."""
        assert cat.search("29-2071")[0].score == 1.0
        assert cat.search("622110")[0].score == 1.0
        assert cat.search("2010-11")[0].score == 1.0
        assert cat.search("ooh-2010-11")[0].score == 1.0
        assert cat.search("2010-11 Edition")[0].score == 0.95


def _every_name_scored(  # noqa: PLR0912 - the documented rules, one branch each
    entries: list[tuple[Any, ...]], text: str, kind: str | None, limit: int
) -> list[tuple[float, str, str, str]]:
    """The hits of scoring every name by the documented rules (weights included): the reference.

    No index, no bound: each name is folded, its trigrams shared with the
    query counted, and scored as `FuzzyIndex` documents it.
    """
    grams = _trigrams
    rows: list[list[Any]] = []  # kind, id, name, folded, is_key, weight
    seen: dict[tuple[str, str, str], int] = {}
    for row_kind, row_id, name, is_key, *own in entries:
        folded = singular(normalise(name))
        if not folded:
            continue
        if (row_kind, row_id, folded) in seen:
            rows[seen[row_kind, row_id, folded]][4] |= is_key
            continue
        seen[row_kind, row_id, folded] = len(rows)
        weight = own[0] if own else TOPIC_WEIGHT if row_kind == "topic" else 1.0
        rows.append([row_kind, row_id, name, folded, is_key, weight])
    query = singular(normalise(text))
    if not query or limit <= 0:
        return []
    asked = grams(query) if len(query) >= 3 else set()
    best: dict[tuple[str, str], tuple[float, int]] = {}
    for index, (row_kind, row_id, _, folded, is_key, weight) in enumerate(rows):
        if kind is not None and row_kind != kind:
            continue
        if query == folded or compact(query) == compact(folded):
            score = 1.0 if is_key else 0.95
        else:
            common = len(asked & grams(folded))
            if (not asked and query not in folded) or (asked and common * 3 < len(asked)):
                continue
            if common >= len(asked) - 2 and query in folded:
                tier = 0.8 if folded.startswith(query) else 0.7 if f" {query}" in folded else 0.6
                score = 0.1 * len(query) / len(folded) + tier
            else:
                score = 0.3 * (2 * common / (len(asked) + len(grams(folded))) + common / len(asked))
                if score < 0.2:
                    continue
        score *= weight
        held = best.get((row_kind, row_id))
        if held is None or score > held[0] or (score == held[0] and index < held[1]):
            best[row_kind, row_id] = (score, index)
    ranked = sorted((-round(score, 4), key, index) for key, (score, index) in best.items())
    return [(-score, k, i, rows[index][2]) for score, (k, i), index in ranked[:limit]]


def _trigrams(folded: str) -> set[str]:
    padded = f" {folded} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


README_QUERIES = ("medcal codr", "median pay", "medical recrds techn")


class TestSameHits:
    """The index finds exactly the hits of scoring every name of the catalog (the reference)."""

    @pytest.fixture(scope="class")
    @staticmethod
    def entries() -> list[tuple[Any, ...]]:
        """Every name the catalog's search indexes, with its kind, id and weight."""
        return list(mc.catalog()._search._entries())

    @pytest.mark.parametrize(
        "text",
        [*README_QUERIES, "hospitals", "California", "rhit", "ca", "29-2072", "o net", "x"],
    )
    @pytest.mark.parametrize("kind", [None, "occupation", "topic"])
    def test_queries(self, entries: list[tuple[Any, ...]], text: str, kind: str | None) -> None:
        """The README's queries and others: the same hits, scores, names and order, any limit."""
        cat = mc.catalog()
        for limit in (1, 10, 40):
            found = [(r.score, r.kind, r.id, r.name) for r in cat.search(text, kind, limit)]
            assert found == _every_name_scored(entries, text, kind, limit)

    @given(text=_QUERIES, limit=st.sampled_from([1, 3, 10]))
    def test_sampled(self, entries: list[tuple[Any, ...]], text: str, limit: int) -> None:
        """Text near the catalog's names, or any: the reference's hits."""
        found = [(r.score, r.kind, r.id, r.name) for r in mc.catalog().search(text, limit=limit)]
        assert found == _every_name_scored(entries, text, None, limit)


class TestWeights:
    """Any positive weight scales a score; the bound still skips only what cannot place."""

    @given(
        entries=_ENTRIES,
        weights=st.lists(st.sampled_from([0.25, 0.5, 1.0, 2.0, 3.0]), min_size=8, max_size=8),
        data=st.data(),
    )
    def test_weighted_hits(
        self, entries: list[tuple[str, str, str, bool]], weights: list[float], data: st.DataObject
    ) -> None:
        """Weighted entries, heavier than 1 too: the hits of scoring every name."""
        weighted = [(*entry, weight) for entry, weight in zip(entries, weights, strict=False)]
        text = data.draw(_queries([name for _, _, name, _ in entries]))
        limit = data.draw(st.sampled_from([1, 2, 3]))
        found = [tuple(hit) for hit in FuzzyIndex(weighted).search(text, limit=limit)]
        assert found == _every_name_scored(weighted, text, None, limit)

    def test_heavier_than_one(self) -> None:
        """A name weighted 2 that only resembles the query still places (found by the test above).

        The query "aa ab" is a name of weight 0.25 exactly (0.95 x 0.25 = 0.2375); "aa",
        of weight 2, shares its 2 trigrams with the query's 5 and scores
        0.3 x (4/7 + 2/5) x 2 = 0.5829.
        """
        weighted = [
            ("k1", "x", "aa ab", False, 0.25),
            ("k1", "y", "aa", False, 2.0),
        ]
        found = [tuple(hit) for hit in FuzzyIndex(weighted).search("aa ab", limit=1)]
        assert found == _every_name_scored(weighted, "aa ab", None, 1)
        assert found == [(0.5829, "k1", "y", "aa")]


class TestCounting:
    """The bit planes count the trigrams every name shares with the query, all at once."""

    @given(entries=_ENTRIES, data=st.data())
    def test_planes_count_shared_trigrams(
        self, entries: list[tuple[str, str, str, bool]], data: st.DataObject
    ) -> None:
        """Bit b of plane i is digit i of row b's count; the most is the largest count."""
        index = FuzzyIndex(entries)
        text = data.draw(_queries([name for _, _, name, _ in entries]))
        grams = _trigrams(singular(normalise(text)))
        planes = index._shared(grams)
        rows = index._rows
        counts = [
            sum((plane >> row & 1) << digit for digit, plane in enumerate(planes))
            for row in range(len(rows))
        ]
        assert counts == [len(grams & _trigrams(row[2])) for row in rows]
        assert _most(planes) == max(counts, default=0)

    @given(st.integers(min_value=0, max_value=1 << 4000))
    def test_bits(self, mask: int) -> None:
        """The positions of the bits set, highest first."""
        assert _bits(mask) == [at for at in range(mask.bit_length() - 1, -1, -1) if mask >> at & 1]


_SCORE = FuzzyIndex._score  # before any test wraps it


class TestReadsOnlyWhatCanPlace:
    """The index skips the names that cannot reach the cutoff: what it reads, it needed to."""

    @staticmethod
    def _read(
        monkeypatch: pytest.MonkeyPatch,
        text: str,
        limit: int = 10,
        index: FuzzyIndex | None = None,
    ) -> list[tuple[int, int, int]]:
        """Search *index* (the catalog's by default): (row, shared, size) of each name read."""
        index = index or mc.catalog()._search._index.get()
        original = _SCORE
        read: list[tuple[int, int, int]] = []

        def recording(
            self: FuzzyIndex,
            asked: Any,
            rows: Any,
            common: int,
            best: dict[tuple[str, str], tuple[float, int]],
        ) -> bool:
            rows = list(rows)
            read.extend((row, common, asked.size) for row in rows)
            return original(self, asked, rows, common, best)

        monkeypatch.setattr(FuzzyIndex, "_score", recording)
        index.search(text, limit=limit)
        return read

    @pytest.mark.parametrize(
        "text",
        [*README_QUERIES, "medicl transcrption", "medical records and health", "cancer registrar"],
    )
    def test_every_name_read_can_reach_the_cutoff(
        self, monkeypatch: pytest.MonkeyPatch, text: str
    ) -> None:
        """A name sharing too few trigrams to hold the query is read only if it can score 0.2."""
        rows = mc.catalog()._search._index.get()._rows
        read = self._read(monkeypatch, text)
        similar_only = [(row, common, size) for row, common, size in read if common < size - 2]
        assert similar_only  # the bound is put to the test
        for row, common, size in similar_only:
            grams = len(_trigrams(rows[row][2]))
            best_score = 0.3 * (2 * common / (size + grams) + common / size)  # weights <= 1
            assert best_score >= 0.2 - 1e-3, (rows[row][1], common, size, grams)

    def test_a_long_name_is_not_read(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A name sharing a few trigrams but too long to reach the cutoff is never read.

        "abcd klmn opqr stuv wxyz" shares 3 of the 8 trigrams of "abcdefgh" (a third or
        more) but has 24: it scores at most 0.3 x (6/32 + 3/8) = 0.169. That it is the
        first row changes nothing.
        """
        index = FuzzyIndex(
            [("k", "long", "abcd klmn opqr stuv wxyz", False), ("k", "near", "abcdefgx", False)]
        )
        read = self._read(monkeypatch, "abcdefgh", index=index)
        assert [row for row, _, _ in read] == [1]
        assert [hit.id for hit in index.search("abcdefgh")] == ["near"]

    def test_a_tie_read_late_still_places(self) -> None:
        """A name that can only tie the hits found already is still read, and ties go by id.

        Of the 8 trigrams of "abcdefgh", "abcde klmn opqr stuv wxy" shares 4 of its 24 and
        "abcd xyz" 3 of its 8: both score 0.3 x (8/32 + 4/8) = 0.3 x (6/16 + 3/8) = 0.225.
        The first is read first (it shares more); the second, whose best is exactly the
        score to beat, must be read too, and wins the tie on its id.
        """
        index = FuzzyIndex(
            [("k", "b", "abcde klmn opqr stuv wxy", False), ("k", "a", "abcd xyz", False)]
        )
        assert [tuple(hit) for hit in index.search("abcdefgh", limit=1)] == [
            (0.225, "k", "a", "abcd xyz")
        ]

    def test_a_name_under_the_cutoff_skips_only_itself(self) -> None:
        """Names sharing as many trigrams are scored one by one: one too weak drops alone.

        "ab klmn opqr" and "ab" each share 1 of the 3 trigrams of "abc" (enough to hold
        it but for the padding); the first scores under 0.2, the second 0.22. The weak
        name stands between two that place, so whichever way the names are read, one
        of them comes after it.
        """
        index = FuzzyIndex(
            [
                ("k", "first", "ab", False),
                ("k", "long", "ab klmn opqr", False),
                ("k", "last", "ab", False),
            ]
        )
        assert [tuple(hit) for hit in index.search("abc")] == [
            (0.22, "k", "first", "ab"),
            (0.22, "k", "last", "ab"),
        ]

    def test_a_long_query_finds_shorter_names(self) -> None:
        """A query with more trigrams than any name has still finds the names similar to it.

        "abcd efghi" has 10 trigrams; "abcd" shares 4 of its 4 and scores
        0.3 x (8/14 + 4/10) = 0.2914. Release 2027.1.0 began at the count
        its planes could hold (7), past the longest name, and stopped there.
        """
        index = FuzzyIndex([("k", "a", "abcd", False)])
        assert [tuple(hit) for hit in index.search("abcd efghi")] == [(0.2914, "k", "a", "abcd")]

    def test_scores_that_round_alike_tie(self) -> None:
        """Hits rank by scores rounded to 4 places: a hair's difference is a tie, broken by id.

        0.95 and 0.95 x 1.00001 both round to 0.95, so "a" places first at limit 1.
        """
        index = FuzzyIndex([("k", "a", "abc", False, 1.0), ("k", "b", "abc", False, 1.00001)])
        assert [tuple(hit) for hit in index.search("abc", limit=1)] == [(0.95, "k", "a", "abc")]
        assert [hit.id for hit in index.search("abc", limit=2)] == ["a", "b"]

    # The names each query reads, at limit 1 and at limit 10, in release 2027.1 (3,754
    # names): the bound is a promise of speed, so a change that reads more is a regression.
    READ_AT_MOST: Final = {
        "medcal codr": (7, 32),
        "median pay": (3, 16),
        "medical recrds techn": (2, 35),
        "medicl transcrption": (5, 23),
        "medical records and health": (7, 29),
        "cancer registrar": (12, 17),
    }

    @pytest.mark.parametrize("text", sorted(READ_AT_MOST))
    def test_reads_few_names(self, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
        """Of the thousands of names, a query reads a few dozen at most, fewer for one hit."""
        for limit, most in zip((1, 10), self.READ_AT_MOST[text], strict=True):
            read = len(self._read(monkeypatch, text, limit))
            assert 0 < read <= most, (limit, read)
        assert len(mc.catalog()._search._index.get()._rows) > 3000
