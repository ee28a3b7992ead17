"""Shared fixtures: a small published corpus, an editor; every test starts with empty
caches, in Arabic. Settings that differ for tests are in tests/settings.py."""

import functools
import itertools
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation

from content.models import Article, Category, Reviewer, Source
from editorial.workflow import record_live


@pytest.fixture(autouse=True)
def _empty_cache():
    # Cached pages and rate limits must not leak from one test into the next.
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # Outside a request the active language is whatever the last request left;
    # start every test in the site's default language, Arabic.
    translation.activate("ar")
    yield
    translation.activate("ar")


@pytest.fixture
def fast_password_hashing():
    """No longer needed: tests/settings.py sets the MD5 hasher for the whole suite. Kept so
    that tests written against the older opt-in fixture still run."""


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit(): ...`: what the block writes is committed, as a request's or a
    command's transaction is in production. Tests run inside one transaction that never
    commits, so on_commit actions (forgetting cached pages, e-mails) run only so."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def category(db):
    return Category.objects.create(
        name_ar="الأساسيات",
        name_en="Basics",
        slug_ar="الأساسيات",
        slug_en="basics",
        description_ar="ما تحتاج إلى معرفته أولًا.",
        description_en="What to know first.",
        order=1,
    )


@pytest.fixture
def doctor(db, django_user_model):
    """Dr Haddad's own staff account, in the Medical reviewers group."""
    user = django_user_model.objects.create_user(
        username="dr-haddad",
        password="a-long-test-password-42",
        email="dr.haddad@example.org",
        is_staff=True,
    )
    user.groups.add(medical_reviewers_group())
    return user


def medical_reviewers_group():
    """The group its migration creates (re-created for live-server tests, which empty the
    database after each test)."""
    import importlib

    from django.contrib.auth.models import Permission

    migration = importlib.import_module("content.migrations.0012_medical_reviewers_group")
    group, created = Group.objects.get_or_create(name=migration.REVIEWERS)
    if created:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="content", codename__in=migration.REVIEWER_PERMISSIONS
            )
        )
    return group


@pytest.fixture
def reviewer(db, doctor):
    return Reviewer.objects.create(
        name_ar="د. سلمى حداد",
        name_en="Dr Salma Haddad",
        credentials_ar="طبيبة جلدية",
        credentials_en="Dermatologist",
        user=doctor,
    )


@pytest.fixture
def source(db):
    return Source.objects.create(
        title="Mesotherapy: a review", publisher="Journal of Testing", year=2020, language="en"
    )


_numbers = itertools.count(1)


@pytest.fixture
def make_article(db, category, reviewer, source, commit):
    def make(approved=True, **overrides):
        with commit():
            return _make(approved, **overrides)

    def _make(approved, **overrides):
        """A published article whose live text its reviewer approved (approved=False: not)."""
        n = next(_numbers)
        fields = {
            "category": category,
            "title_ar": f"مقالة رقم {n}",
            "title_en": f"Article number {n}",
            "slug_ar": f"مقالة-{n}",
            "slug_en": f"article-{n}",
            "summary_ar": "ملخص قصير بالعربية.",
            "summary_en": "A short English summary.",
            "body_ar": "## عنوان فرعي\n\nنص المقالة بالعربية.",
            "body_en": "## A subheading\n\nThe article's English text.",
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(days=1),
            "reviewer": reviewer,
            "last_reviewed": date(2026, 11, 1),
            "next_review_due": date(2027, 11, 1),
        }
        fields.update(overrides)
        article = Article.objects.create(**fields)
        article.sources.add(source)
        reviewer_account = article.reviewer.user if approved and article.reviewer else None
        record_live(article, approved_by=reviewer_account)
        return article

    return make


@pytest.fixture
def article(make_article):
    return make_article(featured=True)


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user(
        username="editor",
        password="a-long-test-password-42",
        email="editor@example.org",
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


@pytest.fixture
def about_page(db):
    """The "About this site" page as the corpus ships it."""
    from content.corpus_loader import CORPUS_DIR, load_pages
    from content.models import ABOUT_PAGE, Page

    load_pages(CORPUS_DIR / "pages")
    return Page.objects.get(corpus_key=ABOUT_PAGE)


@pytest.fixture
def article_form(category, reviewer, source):
    """What the admin's "Add article" form sends for a complete, published article."""
    return {
        "category": category.pk,
        "title_ar": "مقالة جديدة",
        "title_en": "A new article",
        "slug_ar": "مقالة-جديدة",
        "slug_en": "a-new-article",
        "summary_ar": "ملخص.",
        "summary_en": "Summary.",
        "body_ar": "نص.",
        "body_en": "Text.",
        "status": "published",
        "published_at_0": "2026-01-01",
        "published_at_1": "10:00:00",
        "order": "0",
        "reviewer": reviewer.pk,
        "last_reviewed": "2026-11-01",
        "next_review_due": "2027-11-01",
        "sources": [source.pk],
    }


@pytest.fixture
def clinic_profile(db):
    """A complete clinic profile (test data: the numbers and names are not real)."""
    from clinic.models import ClinicLicence, ClinicProfile

    profile = ClinicProfile.objects.create(
        legal_name="Test Clinic for Dermatology LLC",
        trade_name_ar="عيادة الاختبار للجلدية",
        trade_name_en="Test Dermatology Clinic",
        address_ar="شارع الاختبار 12",
        address_en="12 Test Street",
        city_ar="الرياض",
        city_en="Riyadh",
        country="SA",
        phone="+966110000001",
        whatsapp="+966500000002",
        email="contact@clinic.example",
        opening_hours_ar="من الأحد إلى الخميس، من 9 صباحًا إلى 9 مساءً",
        opening_hours_en="Sunday to Thursday, 9 am to 9 pm",
        emergency_phones="997, 911",
    )
    ClinicLicence.objects.create(
        profile=profile,
        kind_ar="ترخيص منشأة صحية",
        kind_en="Health facility licence",
        number="TEST-0001",
        issued_by_ar="وزارة الاختبار",
        issued_by_en="Ministry of Testing",
    )
    return profile
