"""Who stands behind the site: every public page names the clinic and how to reach it,
and with the profile empty no page invents a name, a number or an address."""

import re

import pytest
from django.core import checks
from django.utils import translation

from clinic.emergency import table

pytestmark = pytest.mark.django_db


def public_urls(language, article, about_page):
    with translation.override(language):
        return [
            f"/{language}/",
            article.category.get_absolute_url(),
            article.get_absolute_url(),
            f"/{language}/about/",
            f"/{language}/editorial-policy/",
            f"/{language}/contact/",
            f"/{language}/search/?q=x",
            f"/{language}/screener/",
            f"/{language}/screener/consultation/",
        ]


NAMES = {"ar": "عيادة الاختبار للجلدية", "en": "Test Dermatology Clinic"}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_public_page_names_the_clinic_and_a_way_to_reach_it(
    client, article, about_page, clinic_profile, language
):
    for url in public_urls(language, article, about_page):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert NAMES[language] in html, url
        assert '<a class="phone-number" href="tel:+966110000001" dir="ltr">' in html, url
        assert f'href="/{language}/contact/"' in html, url
    html = client.get(f"/{language}/no-such-page/nothing/").content.decode()
    assert NAMES[language] in html and "tel:+966110000001" in html


def test_contact_page_in_english(client, clinic_profile):
    html = client.get("/en/contact/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    for needle in [
        "<h1>Contact the clinic</h1>",
        "Test Dermatology Clinic",
        "Test Clinic for Dermatology LLC",
        "12 Test Street",
        "Riyadh",
        "Saudi Arabia",
        '<a class="phone-number" href="tel:+966110000001" dir="ltr">+966 11 000 0001</a>',
        'href="https://wa.me/966500000002"',
        'href="mailto:contact@clinic.example"',
        "Sunday to Thursday, 9 am to 9 pm",
        '<a class="phone-number" href="tel:997" dir="ltr">997</a>',
        '<a class="phone-number" href="tel:911" dir="ltr">911</a>',
        "Health facility licence, issued by Ministry of Testing: <bdi>TEST-0001</bdi>",
        "care-card care-card--urgent",
        "trouble breathing",
    ]:
        assert needle in main, needle
    assert "not yet provided" not in main


def test_contact_page_in_arabic(client, clinic_profile):
    html = client.get("/ar/contact/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    for needle in [
        "<h1>التواصل مع العيادة</h1>",
        "شارع الاختبار 12",
        "الرياض",
        "المملكة العربية السعودية",
        "من الأحد إلى الخميس",
        "في حالة الطوارئ في السعودية، اتصل بالرقم",
        "ترخيص منشأة صحية، صادر عن وزارة الاختبار:",
    ]:
        assert needle in html, needle


# A clinic number or address; the ambulance numbers of the table's countries are not the
# clinic's and are always shown.
AMBULANCE = "|".join(sorted({f'{n}"' for row in table().values() for n in row["numbers"]}))
INVENTED = re.compile(rf'href="(tel:(?!{AMBULANCE})|mailto:)|wa\.me|example\.org|\+9\d{{6,}}')


@pytest.mark.parametrize("language", ["ar", "en"])
def test_with_the_profile_empty_no_page_invents_a_detail(client, article, about_page, language):
    missing = {"ar": "لم تُضِف العيادة هذه المعلومة بعد", "en": "not yet provided"}[language]
    for url in public_urls(language, article, about_page):
        html = client.get(url).content.decode()
        assert not INVENTED.search(html), (url, INVENTED.search(html))
        assert missing in html, url
    contact = client.get(f"/{language}/contact/").content.decode()
    assert "callout-warning" in contact
    # No emergency number entered: the clinic's country's (CLINIC_COUNTRY) from the table.
    assert '<a class="phone-number" href="tel:997" dir="ltr">' in contact
    nearby = {"ar": "الصيدلي", "en": "ask a pharmacist"}[language]
    assert nearby in contact and "(" + missing not in contact


def test_disclosure_without_a_profile_names_the_clinic_that_runs_the_site(client, article):
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert "Written by the clinic that runs this site, which offers this treatment." in html
    html = client.get(article.get_absolute_url()).content.decode()
    assert "هذه الصفحة من إعداد العيادة التي تدير هذا الموقع، وهي تقدّم هذا العلاج." in html


def test_without_a_profile_the_top_of_a_page_and_the_contact_page_say_the_name_is_missing(
    client, article
):
    # The about-the-grids page promises the name at the top of every grid and on the
    # contact page; until it is entered, both places must say it is missing.
    missing = {"en": "Its name is not yet provided here.", "ar": "ولم تُضِف العيادة اسمها هنا بعد."}
    for language, text in missing.items():
        with translation.override(language):
            html = client.get(article.get_absolute_url()).content.decode()
        header = html.split('<header class="mb-4">', 1)[1].split("</header>", 1)[0]
        assert text in header, language
        assert text in client.get(f"/{language}/contact/").content.decode(), language


def test_check_deploy_warns_while_the_profile_is_empty_and_not_once_filled(db):
    ids = [m.id for m in checks.run_checks(include_deployment_checks=True, tags=["clinic"])]
    assert sorted(ids) == ["clinic.W001", "clinic.W002"]


def test_check_deploy_quiet_with_a_complete_profile(clinic_profile):
    assert checks.run_checks(include_deployment_checks=True, tags=["clinic"]) == []


def test_placeholders_in_an_article_are_filled_from_the_profile(
    client, make_article, clinic_profile
):
    article = make_article(
        body_en="!!! inset\n    Call {emergency_number}.\n\nOr the clinic on {clinic_phone}.",
    )
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert '<span dir="ltr"><a href="tel:997"' in html and 'href="tel:+966110000001"' in html
    assert "{emergency_number}" not in html and "{clinic_phone}" not in html


def test_placeholders_without_a_profile_say_what_is_missing(client, make_article):
    article = make_article(
        body_en="Call an ambulance on {emergency_number}, or the clinic on {clinic_phone}.",
        body_ar="أو اتصل بالعيادة على {clinic_phone}.",
    )
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert 'Call an ambulance on <span dir="ltr"><a href="tel:997"' in html
    assert (
        "or the clinic on (number not yet provided; until it is, see a doctor near you or "
        "ask a pharmacist)." in html
    )
    with translation.override("ar"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert (
        "على (لم تُضِف العيادة رقمها بعد؛ وإلى أن تُضيفه راجع طبيبًا قريبًا منك أو اسأل صيدليًّا)." in html
    )


def test_placeholder_in_a_callout_heading_is_plain_text(clinic_profile):
    from clinic.placeholders import fill_placeholders

    text = '!!! urgent "Call {emergency_number} now"\n    - swelling\n\nOr {clinic_phone}.'
    with translation.override("en"):
        filled = fill_placeholders(text)
    assert filled.startswith('!!! urgent "Call \u2066997\u2069 or \u2066911\u2069 now"')
    assert "[+966 11 000 0001](tel:+966110000001)" in filled


def test_saving_the_profile_refreshes_cached_article_pages(client, article, clinic_profile, commit):
    url = article.get_absolute_url()
    assert "عيادة الاختبار للجلدية" in client.get(url).content.decode()
    clinic_profile.trade_name_ar = "عيادة جديدة"
    with commit():
        clinic_profile.save()
    assert "عيادة جديدة" in client.get(url).content.decode()


def test_contact_page_is_in_the_sitemap(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/ar/contact/</loc>" in xml
    assert "<loc>http://testserver/en/contact/</loc>" in xml
