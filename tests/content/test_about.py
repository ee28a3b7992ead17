"""The "About this site" page: who runs the site, who reviews it, privacy, contact."""

import re

import pytest
from django.utils import translation

from content.corpus_loader import CORPUS_DIR, load_pages
from content.models import Page

pytestmark = pytest.mark.django_db


def main_part(response):
    """The page's own content: header and footer say some of the same words on every page."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_english_about_page_states_what_a_reader_must_know(
    client, about_page, settings, clinic_profile
):
    settings.CONSULTATION_RETENTION_DAYS = 90
    response = client.get("/en/about/")
    html = main_part(response)
    assert response.status_code == 200
    assert "<h1>About this site</h1>" in html
    for needle in [
        "run by a medical clinic that offers mesotherapy",
        "conflict of",
        "medical reviewer",
        "no advertising",
        "never stored on our server",
        "after 90 days",
        '<span dir="ltr"><a href="mailto:contact@clinic.example"',
        'href="/en/screener/consultation/"',
    ]:
        assert needle in html, needle
    assert "{retention_days}" not in html and "{contact_email}" not in html


def test_arabic_about_page(client, about_page, settings, clinic_profile):
    settings.CONSULTATION_RETENTION_DAYS = 90
    html = main_part(client.get("/ar/about/"))
    assert "<h1>عن هذا الموقع</h1>" in html
    for needle in [
        "عيادةٌ تقدّم علاج الميزوثيرابي",
        "تضارب المصالح",
        "طبيب مرخّص",
        "لا يعرض هذا الموقع أي إعلانات",
        "لا تُحفظ أبدًا",
        "بعد 90 يومًا",
        '<span dir="ltr"><a href="mailto:contact@clinic.example"',
        'href="/ar/screener/consultation/"',
    ]:
        assert needle in html, needle


def test_about_page_is_linked_from_every_footer_and_has_alternates(client, about_page, article):
    for url in ["/ar/", article.get_absolute_url()]:
        assert '<a href="/ar/about/">عن هذا الموقع</a>' in client.get(url).content.decode()
    html = client.get("/en/").content.decode()
    assert '<a href="/en/about/">About this site</a>' in html
    about = client.get("/ar/about/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in about


def test_page_slug_address_leads_to_the_about_address(client, about_page):
    with translation.override("en"):
        response = client.get(f"/en/page/{about_page.slug_en}/")
    assert response.status_code == 301 and response["Location"] == "/en/about/"


def test_other_pages_live_under_their_slug(client):
    page = Page.objects.create(
        title_ar="صفحة", title_en="A page", slug_ar="صفحة", slug_en="a-page", body_en="Text."
    )
    with translation.override("en"):
        assert page.get_absolute_url() == "/en/page/a-page/"
        assert "<p>Text.</p>" in client.get("/en/page/a-page/").content.decode()
    assert client.get("/en/page/missing/").status_code == 404


def test_missing_about_page_is_404_not_an_error(client, db):
    assert client.get("/en/about/").status_code == 404


def test_loader_adds_the_about_page_once_and_keeps_staff_edits(about_page):
    about_page.title_en = "About us (edited)"
    about_page.save()
    assert load_pages(CORPUS_DIR / "pages") == 0
    about_page.refresh_from_db()
    assert about_page.title_en == "About us (edited)"
    about_page.delete()  # a page staff deleted is not brought back
    assert load_pages(CORPUS_DIR / "pages") == 0
    Page.history.filter(corpus_key=about_page.corpus_key).delete()  # no trace left
    assert load_pages(CORPUS_DIR / "pages") == 1


@pytest.mark.parametrize("name", ["about", "editorial-policy"])
def test_arabic_about_text_keeps_latin_words_in_marked_spans(name):
    import re

    text = (CORPUS_DIR / "pages" / "ar" / f"{name}.md").read_text(encoding="utf-8")
    body = text.split("---", 2)[2]
    outside_spans = re.sub(r'<span lang="en" dir="ltr">.*?</span>', "", body)
    outside_spans = re.sub(r"\{\w+\}|\]\([^)]*\)", "", outside_spans)  # placeholders, links
    assert not re.search(r"[A-Za-z]", outside_spans)


HONCODE_HEADINGS = {
    # principle: (English heading, Arabic heading)
    "authority": ("Who writes and checks the pages", "من يكتب الصفحات ومن يراجعها"),
    "complementarity": ("This site does not replace your doctor", "هذا الموقع لا يغني عن طبيبك"),
    "confidentiality": ("Your privacy", "خصوصيتك"),
    "attribution": (
        "Where the information comes from, and how current it is",
        "من أين تأتي المعلومات، وما مدى حداثتها",
    ),
    "justifiability": ("How we keep it balanced", "كيف نحافظ على التوازن"),
    "transparency": ("Who runs this site", "من يدير هذا الموقع"),
    "financial disclosure": (
        "Who pays for this site, and our conflict of interest",
        "من يموّل الموقع، وتضارب المصالح",
    ),
    "advertising": ("Advertising", "الإعلانات"),
}


def test_about_page_answers_each_honcode_principle_in_both_languages(client, about_page):
    english = main_part(client.get("/en/about/"))
    arabic = main_part(client.get("/ar/about/"))
    for principle, (en, ar) in HONCODE_HEADINGS.items():
        assert has_heading(english.replace("&#x27;", "'"), en), principle
        assert has_heading(arabic, ar), principle
    assert 'href="/en/editorial-policy/"' in english and 'href="/ar/editorial-policy/"' in arabic


def test_about_page_promises_only_what_the_site_does(client, about_page):
    """No page may say that an article needs a reviewer while articles say review is pending."""
    english = main_part(client.get("/en/about/"))
    assert "cannot be published without" not in english
    assert "A licensed doctor chosen by the clinic checks" not in english
    assert "Until then, the page says plainly that no named doctor has" in english
    arabic = main_part(client.get("/ar/about/"))
    assert "إلا إذا اكتملت باللغتين، وكان لها مراجع" not in arabic
    assert "لم يراجعها أي طبيب بعد." in arabic


def test_about_page_names_the_clinic_or_says_its_name_is_missing(client, about_page, db):
    assert "The clinic's name is not yet provided here." in main_part(
        client.get("/en/about/")
    ).replace("&#x27;", "'")
    assert "اسم العيادة: لم يُضَف إلى الموقع بعد." in main_part(client.get("/ar/about/"))


def test_editorial_policy_page_in_both_languages(client, about_page, clinic_profile):
    english = main_part(client.get("/en/editorial-policy/")).replace("&#x27;", "'")
    assert "<h1>Editorial policy</h1>" in english
    for heading in [
        "Who writes the articles",
        "How an article is written",
        "How articles are reviewed, and how often",
        "Corrections",
        "How to tell us about a mistake",
        "Funding and advertising",
        "The consultation request and the information",
    ]:
        assert has_heading(english, heading), heading
    assert 'href="mailto:contact@clinic.example"' in english
    arabic = main_part(client.get("/ar/editorial-policy/"))
    assert "<h1>السياسة التحريرية</h1>" in arabic
    for heading in ["كيف تُكتب المقالة", "تصحيح الأخطاء", "كيف تبلّغنا عن خطأ", "التمويل والإعلانات"]:
        assert has_heading(arabic, heading), heading
    assert 'href="mailto:contact@clinic.example"' in arabic


def test_editorial_policy_has_a_clean_address_and_its_slug_leads_there(client, about_page):
    policy = Page.objects.get(corpus_key="editorial-policy")
    with translation.override("ar"):
        assert policy.get_absolute_url() == "/ar/editorial-policy/"
        response = client.get(f"/ar/page/{policy.slug_ar}/")
    assert response.status_code == 301 and response["Location"] == "/ar/editorial-policy/"


def test_standing_pages_say_side_effects_as_arabic_medical_writers_do():
    for name in ("about", "editorial-policy"):
        text = (CORPUS_DIR / "pages" / "ar" / f"{name}.md").read_text(encoding="utf-8")
        assert "الأعراض الجانبية" not in text, name


def has_heading(html, text):
    """A level-2 heading with exactly this text (headings carry ids for the contents)."""
    return re.search(rf"<h2[^>]*>{re.escape(text)}</h2>", html) is not None


def test_about_page_states_the_retention_and_encryption_it_promises(client, about_page, settings):
    settings.BACKUP_KEEP_DAYS, settings.FEEDBACK_COMMENT_RETENTION_DAYS = 11, 77
    english = client.get("/en/about/").content.decode()
    arabic = client.get("/ar/about/").content.decode()
    assert "encrypted cookie" in english and "deleted after 11 days" in english
    assert "after 77 days" in english
    assert "مشفّر" in arabic and "بعد 11 يومًا" in arabic
    for page in (english, arabic):
        assert "{backup_days}" not in page and "{feedback_days}" not in page
        assert "{axes_days}" not in page


def test_about_page_day_counts_take_the_arabic_plural_the_number_needs(
    client, about_page, settings
):
    settings.BACKUP_KEEP_DAYS, settings.FEEDBACK_COMMENT_RETENTION_DAYS = 3, 100
    settings.CONSULTATION_RETENTION_DAYS = 2
    arabic = client.get("/ar/about/").content.decode()
    english = client.get("/en/about/").content.decode()
    assert "بعد 3 أيام" in arabic and "بعد 100 يوم" in arabic and "بعد يومين" in arabic
    assert "3 أيام يومًا" not in arabic and "يومين يومًا" not in arabic
    assert "after 3 days" in english and "after 2 days" in english
    assert "days days" not in english
