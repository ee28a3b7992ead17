"""Every model of every installed app is classified once (mesoinfo/registry.py): shown on
public pages or not, backed up or left out for a named reason; the release digest covers
every app of ours. A backup restored into an emptied database brings back every row."""

from datetime import datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from content.models import Article, Author, Feedback
from editorial.models import ChangeRequest
from images.models import Image
from mesoinfo import backup, registry
from mesoinfo.release import source_folders
from screener.models import ConsultationRequest
from staff.models import StaffPreference

User = get_user_model()


def all_models():
    # Many-to-many tables Django makes by itself are saved and restored with their model.
    return [model for model in apps.get_models() if not model._meta.auto_created]


def test_every_model_of_every_installed_app_is_classified():
    labels = {model._meta.label for model in all_models()}
    assert sorted(labels - set(registry.MODELS)) == [], "classify these in mesoinfo/registry.py"
    assert sorted(set(registry.MODELS) - labels) == [], "no longer installed"
    for label, kind in registry.MODELS.items():
        assert kind.backup is registry.BACKED_UP or (isinstance(kind.backup, str) and kind.backup)
        assert isinstance(kind.public, bool), label


def test_every_app_of_ours_is_in_the_release_digest():
    base = Path(settings.BASE_DIR).resolve()
    ours = {
        Path(app.path).resolve().relative_to(base)
        for app in apps.get_app_configs()
        if Path(app.path).resolve().parent == base
    }
    folders = set(source_folders())
    assert ours <= folders
    assert {"clinic", "editorial", "search", "staff", "twofactor"} <= {str(f) for f in folders}
    assert {Path("templates"), Path("locale"), Path("static")} <= folders
    for model in all_models():
        app_folder = Path(model._meta.app_config.path).resolve()
        if app_folder.parent == base:
            assert app_folder.relative_to(base) in folders, model._meta.label


@pytest.mark.django_db
@pytest.mark.parametrize("label", registry.labels(public=True))
def test_saving_a_publicly_shown_model_forgets_cached_pages_on_commit(
    label, commit, article, clinic_profile, about_page
):
    Author.objects.create(name="Someone", role="writer")
    picture_row()
    row = apps.get_model(label)._default_manager.first()
    a_page_is_stored()
    with commit():
        row.save()
    assert not page_is_still_stored()


@pytest.mark.django_db
def test_deleting_an_author_forgets_cached_pages_on_commit(commit):
    author = Author.objects.create(name="Someone", role="writer")
    a_page_is_stored()
    with commit():
        author.delete()
    assert not page_is_still_stored()


@pytest.mark.django_db
def test_renaming_an_author_shows_on_cached_pages_in_both_languages(client, commit):
    call_command("load_corpus", verbosity=0)
    article = Article.objects.published().exclude(author=None).first()
    urls = {}
    for code in ("ar", "en"):
        with override(code):
            urls[code] = article.get_absolute_url()
        assert client.get(urls[code]).status_code == 200  # now cached
    author = article.author
    author.name_ar, author.name_en = "كاتبة جديدة الاسم", "A Newly Named Writer"
    with commit():
        author.save()
    assert "كاتبة جديدة الاسم" in client.get(urls["ar"]).content.decode()
    assert "A Newly Named Writer" in client.get(urls["en"]).content.decode()


def a_page_is_stored():
    """A stand-in for a cached page; page_is_still_stored() says whether an edit cleared it."""
    caches["pages"].set("a-stored-page", "<p>page</p>", 60)


def page_is_still_stored():
    return caches["pages"].get("a-stored-page") is not None


def override(code):
    from django.utils import translation

    return translation.override(code)


@pytest.mark.django_db
def test_a_rolled_back_save_forgets_nothing(article, django_capture_on_commit_callbacks):
    a_page_is_stored()
    with django_capture_on_commit_callbacks(execute=True):  # the outer, committed block
        try:
            with transaction.atomic():
                Author.objects.create(name="Someone", role="writer")
                raise RuntimeError("the request failed")
        except RuntimeError:
            pass
    assert page_is_still_stored()


# A backup then a restore into an emptied database brings back every row.

NATURAL = {User: ("username",), Group: ("name",), ContentType: ("app_label", "model")}


def to_milliseconds(value):
    # Django's JSON fixtures keep times to the millisecond.
    if isinstance(value, datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def rows(model):
    """Every row, every column; keys to users, groups and content types by their natural
    key, since a restore gives them new numbers."""
    columns = []
    for field in model._meta.concrete_fields:
        if field.primary_key and model in NATURAL:
            continue
        if field.related_model in NATURAL:
            columns += [f"{field.name}__{key}" for key in NATURAL[field.related_model]]
        else:
            columns.append(field.attname)
    found = [
        tuple(sorted((name, repr(to_milliseconds(value))) for name, value in row.items()))
        for row in model._default_manager.values(*columns)
    ]
    return sorted(found)


def site_state():
    return {label: rows(apps.get_model(label)) for label in backup.BACKUP_LABELS}


def picture_row():
    # The row alone: its files live under MEDIA_ROOT, not in the database's backup.
    return Image.objects.create(
        title="A picture", alt_ar="صورة.", alt_en="A picture.", width=8, height=8,
        file="images/originals/test.png",
    )  # fmt: skip


@pytest.fixture
def every_kind_of_row(clinic_profile, editor, article, about_page):
    article.author = Author.objects.create(name_ar="كاتبة", name_en="A writer", role="writer")
    article.save()
    Feedback.objects.create(article=article, language="ar", helpful=True)
    ConsultationRequest.objects.create(
        name="ليلى أحمد",
        phone="+966501234567",
        preferred_language="ar",
        consent_to_contact=True,
        screener_outcome="check_first",
        screener_reasons={"yes": [], "not_sure": []},
        submission_token="token-registry",
    )
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk),
        object_repr=str(article),
        action_flag=ADDITION,
        change_message="[]",
    )
    StaffPreference.objects.create(user=editor, admin_language="en")
    picture_row()
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    ChangeRequest.objects.create(
        content_type=ContentType.objects.get_for_model(Author),
        object_id=str(article.author.pk),
        object_repr="A writer",
        changes={"name_en": ["A writer", "A renamed writer"]},
        author=editor,
    )


@pytest.mark.django_db
def test_a_backup_restores_every_row_of_every_backed_up_model(every_kind_of_row, tmp_path):
    before = site_state()
    empty = sorted(label for label, found in before.items() if not found)
    assert empty == [], "give these models a row in every_kind_of_row"
    path = str(tmp_path / "site.json")
    call_command("backup_site", path, plain=True, verbosity=0)

    # A fresh database holds nothing backed up but what migrations make: empty it all
    # (twice: deleting an article writes a history row).
    for _pass in range(2):
        for label in reversed(backup.BACKUP_LABELS):
            apps.get_model(label)._default_manager.all().delete()
    assert all(not rows(apps.get_model(label)) for label in backup.BACKUP_LABELS)
    call_command("restore_site", path, force=True, verbosity=0)

    after = site_state()
    for label in backup.BACKUP_LABELS:
        assert after[label] == before[label], label
