"""JAMA benchmarks on every article: author, attribution, disclosure and real dates."""

import html as html_lib
import json
import os
import re
import subprocess
from datetime import datetime

import frontmatter
import pytest
from django.utils import timezone, translation

from content.corpus_loader import CORPUS_DIR, load_corpus
from content.models import Article, Author, Reviewer
from content.publishing import record_publication

# Every article the corpus ships (its Arabic files name them all).
CORPUS_ARTICLES = sorted(path.stem for path in (CORPUS_DIR / "ar").glob("*.md"))

pytestmark = pytest.mark.django_db

SCRIPT_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(client, article, language):
    with translation.override(language):
        html = client.get(article.get_absolute_url()).content.decode()
    [payload] = SCRIPT_RE.findall(html)
    return json.loads(payload), html


@pytest.fixture
def writer(db):
    return Author.objects.create(
        name_ar="هالة منصور",
        name_en="Hala Mansour",
        role_ar="كاتبة طبية",
        role_en="medical writer",
        credentials_ar="ماجستير في الصحة العامة",
        credentials_en="MPH",
    )


def test_json_ld_names_author_publisher_dates_and_the_named_review(
    client, make_article, writer, clinic_profile
):
    published = timezone.make_aware(datetime(2026, 3, 1, 9, 0))
    modified = timezone.make_aware(datetime(2026, 6, 2, 10, 30))
    article = make_article(
        author=writer, first_published_at=published, content_modified_at=modified
    )
    data, html = json_ld(client, article, "en")
    assert data["@type"] == "MedicalWebPage"
    assert data["author"] == {
        "@type": "Person",
        "name": "Hala Mansour",
        "jobTitle": "medical writer",
        "description": "MPH",
    }
    publisher = data["publisher"]
    assert publisher["@type"] == "MedicalClinic" and publisher["name"] == "Test Dermatology Clinic"
    assert publisher["telephone"] == "+966110000001"
    assert publisher["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "12 Test Street",
        "addressLocality": "Riyadh",
        "addressCountry": "SA",
    }
    assert datetime.fromisoformat(data["datePublished"]) == published
    assert datetime.fromisoformat(data["dateModified"]) == modified
    assert data["reviewedBy"]["name"] == "Dr Salma Haddad" and data["lastReviewed"]
    assert "Author: Hala Mansour, medical writer (MPH)" in html
    assert "Medical reviewer: Dr Salma Haddad, Dermatologist" in html
    ar, html = json_ld(client, article, "ar")
    assert ar["author"]["name"] == "هالة منصور" and ar["publisher"]["address"]["addressLocality"]
    # Arabic credentials read in the sentence as they are (Latin runs: J4-1's own test).
    assert "الكاتب: هالة منصور، كاتبة طبية (ماجستير في الصحة العامة)" in html


def test_no_reviewed_by_before_a_real_sign_off(client, make_article, clinic_profile):
    stand_in = Reviewer.objects.create(
        name_en="The clinic's medical reviewer", credentials_en="to be named", is_placeholder=True
    )
    data, html = json_ld(client, make_article(reviewer=stand_in), "en")
    assert "reviewedBy" not in data and "lastReviewed" not in data
    assert "Medical reviewer: pending" in html
    assert data["publisher"]["@type"] == "MedicalClinic"


def test_without_a_profile_the_json_ld_names_no_publisher(client, article):
    data, _html = json_ld(client, article, "en")
    assert "publisher" not in data and "author" not in data
    assert "datePublished" in data and "dateModified" in data


def test_dates_fall_back_for_staff_articles_and_never_go_backwards(make_article):
    article = make_article()
    assert article.date_published == article.published_at
    assert article.date_modified >= article.date_published
    record_publication(article, when=timezone.now())
    first = article.first_published_at
    assert first is not None and article.content_modified_at == first
    later = first + timezone.timedelta(days=3)
    record_publication(article, when=later)
    assert article.first_published_at == first and article.content_modified_at == later
    record_publication(article, when=later + timezone.timedelta(days=1), text_changed=False)
    assert article.content_modified_at == later


def corpus_dates():
    """{key: (published, modified)} as written in the corpus files."""
    dates = {}
    for path in sorted((CORPUS_DIR / "ar").glob("*.md")):
        meta = frontmatter.load(path).metadata
        dates[path.stem] = (meta["published"], meta["modified"])
    return dates


def as_datetime(value):
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def test_the_corpus_carries_its_files_dates_into_json_ld_and_the_sitemap(client, clinic_profile):
    load_corpus()
    dates = corpus_dates()
    assert len(dates) == len(CORPUS_ARTICLES)
    sitemap = client.get("/sitemap.xml").content.decode()
    for article in Article.objects.select_related("category", "author"):
        published, modified = map(as_datetime, dates[article.corpus_key])
        assert published <= modified
        for language in ("ar", "en"):
            data, html = json_ld(client, article, language)
            assert datetime.fromisoformat(data["datePublished"]) == published, article.corpus_key
            assert datetime.fromisoformat(data["dateModified"]) == modified, article.corpus_key
            assert data["author"]["@type"] == "Organization"
            assert "reviewedBy" not in data  # the corpus reviewer is a stand-in
            with translation.override(language):
                loc = f"<loc>http://testserver{article.get_absolute_url()}</loc>"
            entry = sitemap[sitemap.index(loc) :].split("</url>", 1)[0]
            day = timezone.localtime(modified).date()  # the sitemap speaks the clinic's time
            assert f"<lastmod>{day.isoformat()}</lastmod>" in entry


def test_every_corpus_article_discloses_the_clinic_and_names_its_author(client, clinic_profile):
    load_corpus()
    disclosure = {
        "ar": "هذه الصفحة من إعداد عيادة الاختبار للجلدية، وهي جهة تقدّم هذا العلاج.",
        "en": "Written by Test Dermatology Clinic, which offers this treatment.",
    }
    author = {"ar": "الكاتب: فريق التحرير في العيادة", "en": "Author: The clinic's editorial team"}
    policy = {"ar": 'href="/ar/editorial-policy/"', "en": 'href="/en/editorial-policy/"'}
    articles = list(Article.objects.published().select_related("category"))
    assert len(articles) == len(CORPUS_ARTICLES)
    for article in articles:
        for language in ("ar", "en"):
            with translation.override(language):
                html = html_lib.unescape(client.get(article.get_absolute_url()).content.decode())
            assert disclosure[language] in html, (article.corpus_key, language)
            assert author[language] in html and policy[language] in html


def test_loading_the_corpus_again_gives_older_rows_their_author_and_dates(db):
    load_corpus()
    Article.objects.update(author=None, first_published_at=None, content_modified_at=None)
    load_corpus()
    article = Article.objects.get(corpus_key="side-effects")
    assert article.author.corpus_key == "clinic-editorial-team" and article.author.is_placeholder
    assert article.first_published_at is not None and article.content_modified_at is not None
    edited = timezone.now()
    Article.objects.filter(pk=article.pk).update(content_modified_at=edited)
    load_corpus()  # never overwrites what is there
    article.refresh_from_db()
    assert article.content_modified_at == edited


def test_publishing_dates_the_page_and_only_text_changes_move_it(
    client, editor, article_form, django_user_model
):
    from editorial import workflow

    client.force_login(editor)
    response = client.post("/admin/content/article/add/", article_form)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug_en="a-new-article")
    assert article.first_published_at is None  # a draft has not been published
    chief = django_user_model.objects.create_superuser("chief", password="x" * 16)

    def publish(**changes):
        snapshot = workflow.editing_snapshot(article) | changes
        revision = workflow.save_revision(article, snapshot, chief)
        return workflow.publish(revision, chief, notify=False)

    published = workflow.publish(article.latest_revision, chief, notify=False)
    first = published.first_published_at
    assert first is not None and published.content_modified_at == first
    assert publish(featured=True).content_modified_at == first  # not the text: same dates
    corrected = publish(body_en="A corrected text.")
    assert corrected.first_published_at == first and corrected.content_modified_at > first
    assert corrected.date_modified == corrected.content_modified_at


def test_corpus_dates_ignore_commits_that_only_record_dates(tmp_path):
    """Recording the dates is a commit too; it must not move `modified` again."""
    from content.management.commands.corpus_dates import commit_dates

    def git(*args, date):
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        subprocess.run(  # noqa: S603 (fixed arguments, a throwaway repository)
            ["git", *args],  # noqa: S607
            cwd=tmp_path,
            env=env,
            check=True,
            capture_output=True,
        )

    article = tmp_path / "a.md"
    git("init", "-q", date="2026-01-01T00:00:00+00:00")
    for key, value in {"user.name": "Editor", "user.email": "editor@example.org"}.items():
        git("config", key, value, date="2026-01-01T00:00:00+00:00")
    article.write_text("---\ntitle: A\n---\n\nText.\n\nMore text.\n", "utf-8")
    git("add", "a.md", date="2026-01-01T00:00:00+00:00")
    git("commit", "-qm", "text", date="2026-01-01T00:00:00+00:00")
    article.write_text("---\ntitle: A\n---\n\nText, rewritten.\n\nMore text.\n", "utf-8")
    git("commit", "-qam", "text again", date="2026-02-01T00:00:00+00:00")
    dated = "---\ntitle: A\nmodified: 2026-02-01T00:00:00+00:00\n---\n"
    article.write_text(dated + "\nText, rewritten.\n\nMore text.\n", "utf-8")
    git("commit", "-qam", "dates", date="2026-03-01T00:00:00+00:00")

    assert commit_dates(article) == ["2026-02-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00"]
