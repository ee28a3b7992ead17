"""Public article pages: what a visitor sees, what stays hidden, how many queries it costs."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from content.models import Article

pytestmark = pytest.mark.django_db


def test_home_shows_featured_articles_and_sections(client, article):
    html = client.get("/ar/").content.decode()
    assert article.title_ar in html
    assert article.category.name_ar in html
    assert article.get_absolute_url() in html


def test_article_page_shows_everything_a_patient_needs(client, article, make_article):
    sibling = make_article()
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{article.title_ar}</h1>" in html
    assert article.summary_ar in html
    assert '<h2 id="عنوان-فرعي">عنوان فرعي</h2>' in html
    assert "Mesotherapy: a review" in html  # the source
    assert "د. سلمى حداد" in html and "طبيبة جلدية" in html
    assert 'datetime="2026-11-01"' in html and 'datetime="2027-11-01"' in html
    assert 'aria-label="مسار التنقل"' in html  # breadcrumbs
    assert sibling.title_ar in html  # related article in the same category


def test_english_article_page(client, article):
    with translation.override("en"):
        url = article.get_absolute_url()
    html = client.get(url).content.decode()
    assert f"<h1>{article.title_en}</h1>" in html
    assert "Last reviewed" in html and "Dermatologist" in html


def test_category_page_lists_only_published(client, article, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    html = client.get(article.category.get_absolute_url()).content.decode()
    assert article.title_ar in html
    assert draft.title_ar not in html


def crumbs(html):
    """The breadcrumb trail's items as (text, link or None), in order."""
    trail = html.split('<ol class="breadcrumb">', 1)[1].split("</ol>", 1)[0]
    return [
        (text, href or None)
        for href, text in re.findall(
            r'<li class="breadcrumb-item[^"]*"[^>]*>(?:<a href="([^"]*)">)?([^<]*)', trail
        )
    ]


def test_breadcrumbs_lead_home_through_the_section(client, article, about_page):
    category = article.category
    assert crumbs(client.get(article.get_absolute_url()).content.decode()) == [
        ("الرئيسية", "/ar/"),
        (category.name_ar, category.get_absolute_url()),
        (article.title_ar, None),
    ]
    assert crumbs(client.get(category.get_absolute_url()).content.decode()) == [
        ("الرئيسية", "/ar/"),
        (category.name_ar, None),
    ]
    with translation.override("en"):
        about, contact = about_page.get_absolute_url(), reverse("clinic:contact")
    assert crumbs(client.get(about).content.decode()) == [
        ("Home", "/en/"),
        (about_page.title_en, None),
    ]
    assert crumbs(client.get(contact).content.decode()) == [
        ("Home", "/en/"),
        ("Contact the clinic", None),
    ]


def test_draft_article_is_404_for_visitors(client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.title_ar not in client.get("/ar/").content.decode()


def test_future_article_is_404_until_its_publish_date(client, make_article):
    future = make_article(published_at=timezone.now() + timedelta(days=2))
    assert client.get(future.get_absolute_url()).status_code == 404


def test_article_under_the_wrong_category_is_404(client, article):
    url = reverse("content:article", kwargs={"category": "غير-موجود", "slug": article.slug_ar})
    assert client.get(url).status_code == 404


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["home", "category", "article"])
def test_queries_stay_the_same_with_3_or_30_articles(
    client, make_article, django_assert_num_queries, page
):
    from clinic.cache import cached_profile

    cached_profile()  # the clinic's details are read once, then kept in the cache
    articles = [make_article(featured=True) for _ in range(3)]
    target = articles[0]
    urls = {
        "home": "/ar/",
        "category": target.category.get_absolute_url(),
        "article": target.get_absolute_url(),
    }
    baseline = count_queries(client, urls[page])
    for _ in range(27):
        make_article(featured=True)
    with django_assert_num_queries(baseline):
        client.get(urls[page])


@pytest.mark.parametrize(
    ("code", "ask"),
    [("ar", "اطلب استشارة من العيادة"), ("en", "Ask the clinic for a consultation")],
)
def test_the_home_page_offers_a_consultation(client, article, code, ask):
    """J1-10: the home page leads to the consultation request without going via Contact."""
    html = client.get(f"/{code}/").content.decode()
    with translation.override(code):
        consultation = reverse("screener:consultation")
    assert f'<a href="{consultation}">{ask}</a>' in html


@pytest.mark.parametrize(
    ("code", "with_fees", "without_fees"),
    [
        ("ar", "اطّلع على أسعار العيادة", "لم تنشر العيادة التي تدير هذا الموقع أسعارها بعد"),
        ("en", "See the clinic's fees", "has not published its prices yet"),
    ],
)
def test_the_cost_article_points_to_the_clinics_fees(
    client, make_article, clinic_profile, commit, code, with_fees, without_fees
):
    """J1-10: the cost article gives no prices; it says where the clinic's are, or that the
    clinic has not published them, and how to ask."""
    cost = make_article(corpus_key="cost-and-choosing-a-doctor")
    other = make_article()
    with translation.override(code):
        cost_url, other_url = cost.get_absolute_url(), other.get_absolute_url()
        contact, consultation = reverse("clinic:contact"), reverse("screener:consultation")
    html = client.get(cost_url).content.decode()
    assert without_fees in html and with_fees not in html
    assert f'href="{consultation}"' in html
    clinic_profile.consultation_fee = 200
    with commit():
        clinic_profile.save()
    html = client.get(cost_url).content.decode()
    assert f'<a href="{contact}#fees">{with_fees}</a>' in html and without_fees not in html
    assert 'id="fees"' in client.get(contact).content.decode()
    assert with_fees not in client.get(other_url).content.decode()


def test_start_here_includes_the_cost_and_who_should_not_articles(client, db):
    """J1-10: «ابدأ من هنا» lists who should not have mesotherapy and what it costs."""
    from django.core.management import call_command

    call_command("load_corpus", verbosity=0)
    html = client.get("/ar/").content.decode()
    start_here = html[html.index('id="featured-heading"') : html.index('id="sections-heading"')]
    for key in ("who-should-not-have-it", "cost-and-choosing-a-doctor", "what-is-mesotherapy"):
        with translation.override("ar"):
            assert Article.objects.get(corpus_key=key).get_absolute_url() in start_here, key
