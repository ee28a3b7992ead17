"""Every urgent care card, on every published page and in every language, gives a real
emergency number for whichever country the clinic is in, in the page's digits and
isolated left-to-right, then one line with the other countries' numbers; the same-day
card says what to do even without a clinic phone."""

import re
from urllib.parse import unquote

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from clinic.emergency import local_digits, table
from content.models import Article, Page
from mesoinfo import languages

pytestmark = pytest.mark.django_db

CARD_RE = re.compile(
    r'<section[^>]*class="care-card care-card--(urgent|same-day)"[^>]*>.*?</section>', re.S
)
LRI, PDI = "\u2066", "\u2069"


def isolated(number, html):
    """The number appears isolated: in a left-to-right element or between LRI and PDI."""
    return (
        re.search(rf'dir="ltr"[^>]*>(?:<a [^>]*>)?{re.escape(number)}<', html) is not None
        or f"{LRI}{number}{PDI}" in html
    )


@pytest.fixture
def published_urls(db):
    call_command("load_corpus", verbosity=0)
    urls = []
    for code in languages.codes():
        with translation.override(code):
            urls += [(code, a.get_absolute_url()) for a in Article.objects.published()]
            urls += [(code, p.get_absolute_url()) for p in Page.objects.all()]
            urls.append((code, f"/{code}/contact/"))
    return urls


@pytest.mark.parametrize("country", sorted(table()))
def test_every_urgent_card_gives_the_countrys_number(client, settings, published_urls, country):
    settings.CLINIC_COUNTRY = country
    cache.clear()  # pages and the clinic profile are cached per site, not per country
    first = table()[country]["numbers"][0]
    urgent_pages = set()
    for code, url in published_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for kind, card in ((m.group(1), m.group(0)) for m in CARD_RE.finditer(html)):
            if kind == "urgent":
                urgent_pages.add(url)
                shown = local_digits(first, code)
                # In the heading (articles) or the first paragraph (contact page): the
                # line of the other countries' numbers below may hold the same number.
                where = (
                    r'<p class="emergency-numbers">.*?</p>'
                    if 'class="emergency-numbers"' in card
                    else r'<h\d class="care-card__heading".*?</h\d>'
                )
                own = re.search(where, card, re.S).group(0)
                assert isolated(shown, own), (country, url, card[:300])
                assert re.search(r"[0-9٠-٩]{3}", card), url
            # No placeholder in brackets: the clinic has no phone here.
            assert (
                "(" + {"ar": "لم تُضِف العيادة", "en": "number not yet"}.get(code, "§") not in card
            ), url
    # The safety pages and the contact page, in each language, have their cards.
    paths = unquote(" ".join(urgent_pages))
    for needle in ("aftercare", "side-effects", "العناية-بعد", "الآثار-الجانبية-والمضاعفات"):
        assert needle in paths, needle
    assert "/ar/contact/" in urgent_pages and "/en/contact/" in urgent_pages


def test_the_check_can_fail(client, published_urls, settings):
    # A country the table does not hold: no number, so the check above would fail.
    settings.CLINIC_COUNTRY = "YE"
    cache.clear()
    html = client.get("/en/contact/").content.decode()
    card = CARD_RE.search(html).group(0)
    # Its first paragraph, which gives the clinic's country's numbers (the next line lists
    # the other countries').
    first = re.search(r'<p class="emergency-numbers">.*?</p>', card, re.S).group(0)
    assert not re.search(r"[0-9٠-٩]{3}", first)


def test_the_cards_say_what_the_scheme_says(client, published_urls, settings):
    settings.CLINIC_COUNTRY = "EG"
    cache.clear()
    with translation.override("en"):
        url = Article.objects.get(corpus_key="aftercare").get_absolute_url()
    html = client.get(url).content.decode()
    assert "Call an ambulance on \u2066123\u2069 (in Egypt) now if you have:" in html
    assert "Outside Egypt: Saudi Arabia " in html and ">998</a>" in html
    assert (
        "white, pale or blotchy beyond the needle marks, or later dark" in html
        and "Any one of these signs is enough" in html
        and "any change in your sight" in html
    )
    # The normal white bumps are not the sign; sepsis is urgent; a shared needle is
    # same-day advice with the time limits of preventive treatment.
    urgent = next(m.group(0) for m in CARD_RE.finditer(html) if m.group(1) == "urgent")
    same_day = next(m.group(0) for m in CARD_RE.finditer(html) if m.group(1) == "same-day")
    assert "Small raised white bumps at each needle mark" in urgent
    assert "This can be sepsis" in urgent and "sepsis" not in same_day
    assert "used for someone else before you" in same_day
    assert "within 24 hours" in same_day and "after 72 hours" in same_day
    assert "See a doctor near you today" in html and "ask a pharmacist" in html
    assert "care-card--non-urgent" in html
    with translation.override("ar"):
        url = Article.objects.get(corpus_key="aftercare").get_absolute_url()
    html = client.get(url).content.decode()
    assert "اطلب المساعدة فورًا إذا ظهر عليك ما يلي (الإسعاف في مصر: \u2066123\u2069):" in html
    # The other countries of the region, on one line, each number a left-to-right link.
    assert "وخارج مصر: السعودية " in html and "الإمارات " in html
    assert re.search(r'<span dir="ltr"><a href="tel:140"[^>]*>140</a></span>\.', html)
    assert (
        "تبيضّ أو تشحب أو تصير مبقّعة وتمتد أبعد من نقاط الوخز، أو تسودّ" in html
        and "وتكفي علامة واحدة من هذه" in html
        and "أي تغيّر في النظر" in html
    )
    urgent = next(m.group(0) for m in CARD_RE.finditer(html) if m.group(1) == "urgent")
    same_day = next(m.group(0) for m in CARD_RE.finditer(html) if m.group(1) == "same-day")
    assert "النتوءات البيضاء الصغيرة البارزة عند كل نقطة وخز" in urgent
    assert "فقد يكون هذا إنتانًا" in urgent
    assert "تُستعمل لشخص آخر قبلك" in same_day and "72" in same_day


def test_with_a_clinic_phone_the_same_day_card_gives_it_in_the_pages_digits(
    client, published_urls, clinic_profile
):
    cache.clear()
    for code, shown in (("en", "+966 11 000 0001"), ("ar", "+966 11 000 0001")):
        with translation.override(code):
            url = Article.objects.get(corpus_key="side-effects").get_absolute_url()
        html = client.get(url).content.decode()
        card = next(m.group(0) for m in CARD_RE.finditer(html) if m.group(1) == "same-day")
        assert '<span dir="ltr"><a href="tel:+966110000001"' in card, code
        assert f">{shown}</a>" in card, code
        # The clinic's own emergency numbers (997, 911) win over the table's.
        urgent = next(m.group(0) for m in CARD_RE.finditer(html) if m.group(1) == "urgent")
        assert isolated(local_digits("911", code), urgent), code


def test_the_contact_page_names_the_country_then_the_others(client, published_urls, settings):
    settings.CLINIC_COUNTRY = "SA"
    cache.clear()
    html = client.get("/ar/contact/").content.decode()
    assert "في حالة الطوارئ في السعودية، اتصل بالرقم" in html
    line = re.search(r'<p class="emergency-numbers-elsewhere">(.*?)</p>', html, re.S).group(1)
    assert line.startswith("وخارج السعودية: الإمارات ") and "السعودية 997" not in line
    assert '<a class="phone-number" href="tel:123" dir="ltr">123</a>' in line
    html = client.get("/en/contact/").content.decode()
    assert "In an emergency in Saudi Arabia, call" in html
    assert "Outside Saudi Arabia: the UAE " in html
    # Every other country: no unconfirmed number, one line to call the local one.
    assert "In any other country, call the local emergency number at once." in html


def test_the_other_countries_line_ends_with_a_fallback_in_every_language(client, published_urls):
    cache.clear()
    html = client.get("/ar/contact/").content.decode()
    line = re.search(r'<p class="emergency-numbers-elsewhere">(.*?)</p>', html, re.S).group(1)
    assert line.rstrip().endswith("وفي أي بلد آخر: اتصل برقم الإسعاف المحلي فورًا.")


BLOCKED_VESSEL_ADVICE = {
    "en": (
        "first phone the doctor or clinic who injected you, at once",
        "If you cannot reach them straight away, or if your sight changes, call the emergency "
        "number at once.",
    ),
    "ar": (
        "فاتصل أولًا وفورًا بالطبيب أو بالعيادة التي حقنتك",
        "وإن لم تستطع الوصول إليهم على الفور، أو إذا تغيّر نظرك، فاتصل برقم الطوارئ فورًا",
    ),
}


@pytest.mark.parametrize("code", sorted(BLOCKED_VESSEL_ADVICE))
def test_a_blocked_vessel_sends_the_patient_to_the_injecting_doctor_first(client, code):
    """The clinic that injected keeps the antidote (hyaluronidase); a hospital may not."""
    call_command("load_corpus", verbosity=0)
    cache.clear()
    with translation.override(code):
        pages = [a.get_absolute_url() for a in Article.objects.published()]
    pages.append(f"/{code}/contact/")
    seen = 0
    for url in pages:
        html = client.get(url).content.decode()
        for kind, card in ((m.group(1), m.group(0)) for m in CARD_RE.finditer(html)):
            if kind == "urgent":
                seen += 1
                for words in BLOCKED_VESSEL_ADVICE[code]:
                    assert words in card, (url, words)
    assert seen >= 3
