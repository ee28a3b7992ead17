"""The table of emergency numbers, and how the clinic's country and profile choose from it."""

import re
from datetime import date

import pytest
from django.core import checks
from django.utils import translation

from clinic.emergency import clinic_country, country_numbers, local_digits, table
from clinic.models import ClinicProfile

SERVED = ["SA", "AE", "EG", "JO", "KW", "QA", "BH", "OM", "LB"]


def test_the_table_holds_every_country_the_site_serves_with_a_source():
    rows = table()
    assert set(SERVED) <= set(rows)
    for country, row in rows.items():
        assert row["numbers"], country
        assert all(re.fullmatch(r"[0-9]{3,4}", number) for number in row["numbers"]), country
        assert row["authority"].strip(), country
        assert row["sources"] and all(s.startswith(("https://", "http://")) for s in row["sources"])
        # How firm the source is, said in words: an authority's own page, or what is missing.
        assert len(row["confirmed"].split()) >= 3, country


def test_every_row_says_how_firm_its_source_is_and_when_it_was_read():
    for country, row in table().items():
        assert row["level"] in {"authority", "secondary"}, country
        assert isinstance(row["checked"], str), country  # quoted, so YAML keeps it text
        assert date.fromisoformat(row["checked"]) <= date.today(), country
        # A row resting on news reports must say so where a reader of the file looks.
        assert (row["level"] == "secondary") == row["confirmed"].startswith("Secondary"), country


def test_known_numbers_are_in_the_table():
    # The numbers as the sources give them (see emergency_numbers.yaml).
    assert country_numbers("SA")[0] == "997" and country_numbers("EG") == ["123"]
    assert country_numbers("LB") == ["140"] and country_numbers("OM") == ["9999"]
    assert country_numbers("XX") == []


@pytest.mark.django_db
def test_the_setting_chooses_until_the_profile_is_saved(settings):
    settings.CLINIC_COUNTRY = "EG"
    profile = ClinicProfile.load()
    assert clinic_country(profile) == "EG" and profile.emergency_numbers == ["123"]
    profile.country = "LB"
    profile.save()
    profile = ClinicProfile.load()
    assert clinic_country(profile) == "LB" and profile.emergency_numbers == ["140"]
    profile.emergency_phones = "112"
    profile.save()
    assert ClinicProfile.load().emergency_numbers == ["112"]  # the clinic's own win


@pytest.mark.django_db
def test_deploy_check_warns_when_nobody_chose_the_country(settings):
    settings.CLINIC_COUNTRY_FROM_ENVIRONMENT = False
    ids = {m.id for m in checks.run_checks(include_deployment_checks=True, tags=["clinic"])}
    assert "clinic.W002" in ids
    settings.CLINIC_COUNTRY_FROM_ENVIRONMENT = True
    ids = {m.id for m in checks.run_checks(include_deployment_checks=True, tags=["clinic"])}
    assert "clinic.W002" not in ids and "clinic.W003" not in ids
    settings.CLINIC_COUNTRY = "YE"  # served, but not in the table
    ids = {m.id for m in checks.run_checks(include_deployment_checks=True, tags=["clinic"])}
    assert "clinic.W003" in ids


def test_digits_follow_the_language(settings):
    # Arabic is written in Western digits, like the corpus; a language set to "arab" digits
    # gets Arabic-Indic ones.
    assert local_digits("997", "ar") == "997"
    assert local_digits("997", "en") == "997"
    details = {code: dict(values) for code, values in settings.LANGUAGE_DETAILS.items()}
    details["ar"]["digits"] = "arab"
    settings.LANGUAGE_DETAILS = details
    with translation.override("ar"):
        assert local_digits("+966 11") == "+٩٦٦ ١١"
