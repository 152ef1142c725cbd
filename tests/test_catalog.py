from __future__ import annotations

import json
import threading
from decimal import Decimal
from pathlib import Path

import pytest

import medcoder_careers as mc
from medcoder_careers import _catalog
from medcoder_careers._data import table as _table
from medcoder_careers._data import trusted as _trusted

OCC = "medical-records-and-health-information-technicians"


class TestCatalog:
    """`catalog()` is loaded once, shared and read-only."""

    def test_same_object(self) -> None:
        """Two calls return the same catalog."""
        assert mc.catalog() is mc.catalog()

    def test_data_version(self, cat: mc.Catalog) -> None:
        """The packaged catalog reports DATA_VERSION."""
        assert cat.data_version == mc.DATA_VERSION

    def test_threads_load_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Sixteen threads on a cold start get one catalog, each file read once."""
        monkeypatch.setattr(_catalog, "_packaged", None)
        calls: list[str] = []
        real_read, real_open = _trusted.read_trusted, _table.open_table

        def counting_read(root: object, name: str, cls: type) -> list[object]:
            calls.append(name)
            return real_read(root, name, cls)  # type: ignore[arg-type]

        def counting_open(root: object, name: str, **options: bool) -> _table.Table:
            calls.append(name)
            return real_open(root, name, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(_trusted, "read_trusted", counting_read)
        monkeypatch.setattr(_table, "open_table", counting_open)
        barrier = threading.Barrier(16)
        results: list[mc.Catalog] = []
        found: list[tuple[mc.Statistic, ...]] = []

        def worker() -> None:
            barrier.wait()
            cat = mc.catalog()
            results.append(cat)
            found.append(cat.stats(occupation="medical coder", measure="employment"))

        threads = [threading.Thread(target=worker) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len({id(r) for r in results}) == 1
        assert len(found) == 16
        assert len({id(f) for f in found}) == 1  # one cached result, built once
        assert sorted(calls) == sorted(set(calls))  # no file read twice
        assert {"occupations", "statistics"} <= set(calls)

    def test_mappings_read_only(self, cat: mc.Catalog) -> None:
        """The public mappings refuse assignment and deletion."""
        with pytest.raises(TypeError):
            cat.occupations["x"] = cat.occupation(OCC)  # type: ignore[index]
        with pytest.raises(TypeError):
            del cat.sources["ooh-2010-11"]  # type: ignore[attr-defined]
        assert isinstance(cat.statistics, tuple)
        assert isinstance(cat.facts, tuple)

    def test_no_new_attributes(self, cat: mc.Catalog) -> None:
        """A catalog cannot grow attributes or have its data replaced."""
        with pytest.raises(AttributeError):
            cat.statistics = ()  # type: ignore[misc]
        with pytest.raises(AttributeError):
            cat.extra = 1  # type: ignore[attr-defined]

    def test_repr(self, cat: mc.Catalog) -> None:
        """The repr summarises the release: its records and its table cells, counted."""
        assert repr(cat) == (
            f"<Catalog data {mc.DATA_VERSION}: 6 occupations, 5 credentials, 10 organizations,"
            " 36 sources, 583 areas, 112 statistics and 3715 table cells, 66 facts>"
        )
        counts = {
            "occupations": len(cat.occupations),
            "credentials": len(cat.credentials),
            "organizations": len(cat.organizations),
            "sources": len(cat.sources),
            "areas": len(cat.areas),
            "facts": len(cat.facts),
        }
        assert counts == {
            "occupations": 6,
            "credentials": 5,
            "organizations": 10,
            "sources": 36,
            "areas": 583,
            "facts": 66,
        }


class TestLookup:
    """Lookups by id, code, name and abbreviation, normalised."""

    @pytest.mark.parametrize(
        "key",
        [
            OCC,
            "29-2071",
            "29-2072",
            "Medical Records and Health Information Technicians",
            "medical coder",
            "Medical Coders",
            "MEDICAL  RECORDS  CODER",
            "coder/abstractor",
            "coder abstractors",
            "cancer registrar",
            "Tumor Registrars",
            "Medical Records Specialists",
        ],
    )
    def test_occupation(self, cat: mc.Catalog, key: str) -> None:
        """Every name of the occupation finds it."""
        assert cat.occupation(key).id == OCC

    @pytest.mark.parametrize(
        "key",
        [
            "29-9021",
            "Health Information Technologists and Medical Registrars",
            "health information technologists & medical registrars",
        ],
    )
    def test_split_occupation(self, cat: mc.Catalog, key: str) -> None:
        """The 2018 SOC's 29-9021 is an occupation of its own, related to the coders'."""
        found = cat.occupation(key)
        assert found.id == "health-information-technologists-and-medical-registrars"
        assert [(s.version, s.code) for s in found.soc] == [(2018, "29-9021")]
        assert cat.occupation(OCC) in cat.related(found)
        assert found in cat.related(OCC)

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            ("RHIT", "rhit"),
            ("rhit", "rhit"),
            ("Registered Health Information Technician", "rhit"),
            ("Registered Health Information Technicians", "rhit"),
            ("cpc", "cpc"),
            ("Certified Tumor Registrar", "ctr"),
            ("CCS", "ccs"),
            ("cca", "cca"),
        ],
    )
    def test_credential(self, cat: mc.Catalog, key: str, expected: str) -> None:
        """Abbreviations and names find credentials."""
        assert cat.credential(key).id == expected

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            ("ahima", "ahima"),
            ("AHIMA", "ahima"),
            ("American Academy of Professional Coders", "aapc"),
            ("Professional Association of Healthcare Coding Specialist", "pahcs"),
            ("bureau of labor statistics", "bls"),
            ("O*NET", "onet"),
            ("onet", "onet"),
            (
                (
                    "Commission on Accreditation for Health Informatics & Information "
                    "Management Education"
                ),
                "cahiim",
            ),
        ],
    )
    def test_organization(self, cat: mc.Catalog, key: str, expected: str) -> None:
        """Abbreviations, names and '&' find organizations."""
        assert cat.organization(key).id == expected

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            ("2010-11", "ooh-2010-11"),
            ("2006-07 Edition", "ooh-2006-07"),
            ("ooh-2012-13", "ooh-2012-13"),
            ("ooh-latest", "ooh-latest"),
        ],
    )
    def test_source(self, cat: mc.Catalog, key: str, expected: str) -> None:
        """Edition labels and ids find sources."""
        assert cat.source(key).id == expected

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            ("6221", "6221"),
            ("622110", "6221"),
            ("General medical and surgical hospitals", "6221"),
            ("Nursing care facilities", "6231"),
            ("999100", "999100"),
            ("Federal Executive Branch", "999100"),
            ("Offices of physicians", "6211"),
        ],
    )
    def test_industry(self, cat: mc.Catalog, key: str, expected: str) -> None:
        """Codes and titles find industries."""
        assert cat.industry(key).id == expected

    def test_miss_suggests(self, cat: mc.Catalog) -> None:
        """A misspelt key raises NotFound with the closest names first."""
        with pytest.raises(mc.NotFound) as info:
            cat.occupation("medcal codr")
        assert info.value.kind == "occupation"
        assert info.value.key == "medcal codr"
        assert info.value.suggestions[0] == "Medical coder"
        assert isinstance(info.value, KeyError)
        assert "did you mean" in str(info.value)

    def test_non_string_key(self, cat: mc.Catalog) -> None:
        """A key of the wrong type is NotFound, not TypeError."""
        with pytest.raises(mc.NotFound):
            cat.credential(42)  # type: ignore[arg-type]

    def test_entity_key(self, cat: mc.Catalog) -> None:
        """An entity of the catalog looks up as itself."""
        rhit = cat.credential("rhit")
        assert cat.credential(rhit) is rhit

    def test_ambiguous_key_names_both(self) -> None:
        """A key two entities share raises NotFound naming both ids."""
        from medcoder_careers._names import KeyIndex  # noqa: PLC0415

        index = KeyIndex("thing", [("Same Name", "a"), ("same name", "b"), ("Other", "c")])
        with pytest.raises(mc.NotFound) as info:
            index.resolve("same  NAME")
        assert info.value.matches == ("a", "b")
        assert info.value.suggestions == ("a", "b")
        assert "a, b" in str(info.value)


class TestHelpers:
    """`credentials_by` and `related`."""

    def test_credentials_by(self, cat: mc.Catalog) -> None:
        """AHIMA issues RHIT, CCA and CCS; AAPC issues CPC."""
        assert [c.id for c in cat.credentials_by("AHIMA")] == ["cca", "ccs", "rhit"]
        assert [c.id for c in cat.credentials_by(cat.organization("aapc"))] == ["cpc"]
        assert cat.credentials_by("bls") == ()

    def test_related(self, cat: mc.Catalog) -> None:
        """The occupation's related occupations resolve to entities."""
        titles = {o.title for o in cat.related("medical coder")}
        assert titles == {
            "Medical and Health Services Managers",
            "Medical Transcriptionists",
            "Billing and Posting Clerks",
            "Medical Secretaries and Administrative Assistants",
            "Health Information Technologists and Medical Registrars",
        }


class TestStats:
    """`stats()` filters by id, entity, name or plain string."""

    def test_edition_and_percentile(self, cat: mc.Catalog) -> None:
        """The 2010-11 Edition's overall median is $30,610 for May 2008."""
        found = cat.stats(
            measure="annual_wage",
            edition="2010-11",
            percentile=50,
            occupation="29-2071",
        )
        overall = [s for s in found if s.industry is None]
        assert [(s.value, str(s.period)) for s in overall] == [(Decimal(30610), "2008-05")]
        assert found[0].industry is None

    def test_filters_accept_entities_and_enums(self, cat: mc.Catalog) -> None:
        """Entities and enum members filter like their ids and strings."""
        by_entity = cat.stats(
            occupation=cat.occupation(OCC),
            measure=mc.Measure.EMPLOYMENT,
            source=cat.source("ooh-2006-07"),
        )
        by_text = cat.stats(occupation=OCC, measure="employment", source="2006-07")
        assert by_entity == by_text
        assert [s.value for s in by_text] == [Decimal(159000)]

    def test_industry_setting_experience(self, cat: mc.Catalog) -> None:
        """Qualifier filters resolve names."""
        found = cat.stats(industry="Federal Executive Branch", edition="2010-11")
        assert [s.value for s in found] == [Decimal(42760)]
        assert {s.value for s in cat.stats(setting="Hospitals")} == {
            Decimal(40),
            Decimal(39),
        }
        assert [s.value_high for s in cat.stats(experience="1 to 4 years")] == [Decimal(40349)]

    def test_period(self, cat: mc.Catalog) -> None:
        """A period filter matches exactly, as text or Period."""
        assert cat.stats(period="2010/2020") == cat.stats(period=mc.Period.interval(2010, 2020))
        assert {s.measure for s in cat.stats(period="2010/2020")} == {
            mc.Measure.PROJECTED_CHANGE,
            mc.Measure.PROJECTED_CHANGE_PERCENT,
        }

    def test_year_includes_its_months(self, cat: mc.Catalog) -> None:
        """A year finds that year's figures and its months'; a month only its own."""
        in_2010 = {(s.measure, str(s.period)) for s in cat.stats(period="2010")}
        assert in_2010 == {
            (mc.Measure.EMPLOYMENT, "2010"),
            (mc.Measure.ANNUAL_WAGE, "2010-05"),
            (mc.Measure.HOURLY_WAGE, "2010-05"),
        }
        assert {str(s.period) for s in cat.stats(period="2010-05")} == {"2010-05"}
        assert [s.value for s in cat.stats(period="2010", measure="hourly_wage")] == [
            Decimal("15.55")
        ]
        assert all(s.period.kind is mc.PeriodKind.INTERVAL for s in cat.stats(period="2008/2018"))

    def test_percentile_names(self, cat: mc.Catalog) -> None:
        """'median' and '50' mean percentile 50."""
        assert (
            cat.stats(percentile="median") == cat.stats(percentile=50) == cat.stats(percentile="50")
        )

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"measure": "salry"}, mc.NotFound),
            ({"occupation": "astronaut"}, mc.NotFound),
            ({"percentile": 30}, mc.ArgumentError),
            ({"percentile": True}, mc.ArgumentError),
            ({"percentile": "-50"}, mc.ArgumentError),
            ({"percentile": "(50)"}, mc.ArgumentError),
            ({"percentile": "#50"}, mc.ArgumentError),
            ({"percentile": "50-"}, mc.ArgumentError),
            ({"occupation": None}, mc.ArgumentError),
            ({"area": None}, mc.ArgumentError),
            ({"period": None}, mc.ArgumentError),
            ({"period": "May 2008"}, mc.PeriodError),
            ({"period": 2008}, mc.PeriodError),
            ({"edition": "ooh-latest"}, mc.NotFound),
            ({"setting": "spaceship"}, mc.NotFound),
            ({"industry": "mining"}, mc.NotFound),
        ],
    )
    def test_bad_filters(
        self, cat: mc.Catalog, kwargs: dict[str, object], error: type[Exception]
    ) -> None:
        """A bad filter raises a MedcoderError subclass."""
        with pytest.raises(error) as info:
            cat.stats(**kwargs)  # type: ignore[arg-type]
        assert isinstance(info.value, mc.MedcoderError)

    def test_measure_suggestion(self, cat: mc.Catalog) -> None:
        """A misspelt measure suggests the right one."""
        with pytest.raises(mc.NotFound) as info:
            cat.stats(measure="anual wage")
        assert "annual_wage" in info.value.suggestions

    def test_find_facts(self, cat: mc.Catalog) -> None:
        """Facts filter by topic and edition."""
        facts = cat.find_facts(topic="entry level education", edition="2012-13")
        assert [f.text for f in facts] == ["Postsecondary non-degree award"]
        with pytest.raises(mc.NotFound):
            cat.find_facts(topic="salary")

    def test_quick_facts_labels(self, cat: mc.Catalog) -> None:
        """The handbook's Quick Facts labels name their topics."""
        labelled = cat.find_facts(topic="Work Experience in a Related Occupation")
        assert labelled == cat.find_facts(topic=mc.FactTopic.WORK_EXPERIENCE)
        assert (
            cat.find_facts(topic="Typical Entry-Level Education", source="ooh-latest")[0].text
            == "Postsecondary nondegree award"
        )


class TestVerify:
    """The packaged data matches its manifest."""

    def test_intact(self, cat: mc.Catalog) -> None:
        """verify() reports every file intact."""
        report = cat.verify()
        assert report.ok
        assert "statistics.json" in report.checked
        assert "intact" in str(report)
        assert len(cat.digest) == 64


class TestReviewFixes:
    """Behaviour settled by the contract review."""

    def test_catalog_equality(self, cat: mc.Catalog, tmp_path: Path) -> None:
        """A catalog loaded from an export equals the packaged one; an edit breaks equality."""
        mc.export(tmp_path / "copy")
        assert mc.load(tmp_path / "copy") == cat
        target = tmp_path / "copy" / "credentials.json"
        document = json.loads(target.read_text(encoding="utf-8"))
        document["credentials"][0]["name"] = "Changed"
        target.write_text(json.dumps(document), encoding="utf-8")
        assert mc.load(tmp_path / "copy") != cat
        assert cat != "catalog"

    def test_exact_id_wins(self, data_copy: Path) -> None:
        """An id finds its entity even when another entity uses it as an abbreviation."""
        path = data_copy / "organizations.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        aapc = next(o for o in document["organizations"] if o["id"] == "aapc")
        aapc["abbreviation"] = "AHIMA"
        path.write_text(json.dumps(document), encoding="utf-8")
        loaded = mc.load(data_copy)
        assert loaded.organization("ahima").id == "ahima"
        with pytest.raises(mc.NotFound) as info:
            loaded.organization("AHIMA")
        assert info.value.matches == ("aapc", "ahima")

    def test_entity_from_another_catalog(self, cat: mc.Catalog, data_copy: Path) -> None:
        """An entity of another release looks up by its id in this one."""
        other = mc.load(data_copy)
        assert cat.credential(other.credential("rhit")) is cat.credential("rhit")

    def test_wrong_kind_message_is_short(self, cat: mc.Catalog) -> None:
        """An entity of the wrong kind is named briefly, not by its whole repr."""
        with pytest.raises(mc.NotFound) as info:
            cat.stats(occupation=cat.credential("rhit"))  # type: ignore[arg-type]
        assert "<Credential 'rhit'>" in str(info.value)
        assert len(str(info.value)) < 200

    def test_conflicting_figures_refused(self, data_copy: Path) -> None:
        """Two figures for the same thing with different values are a DataError."""
        path = data_copy / "statistics.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        twin = dict(document["statistics"][0])
        twin["value"] = str(int(twin["value"]) + 1)
        document["statistics"].append(twin)
        path.write_text(json.dumps(document), encoding="utf-8")
        with pytest.raises(mc.DataError) as info:
            mc.load(data_copy)
        last = len(document["statistics"]) - 1
        assert any(
            p.path == f"statistics[{last}]" and p.message.startswith("duplicates statistics[0]")
            for p in info.value.problems
        )
