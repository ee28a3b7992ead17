"""A backup restores into an empty database with every translation and request intact."""

from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from content.models import Article, Category, Feedback, Page, Reviewer, Source
from editorial.models import Revision
from screener.models import ConsultationRequest

pytestmark = pytest.mark.django_db

User = get_user_model()
PLAIN = [Category, Reviewer, Source, Article, Page, Feedback, ConsultationRequest, Revision]
HISTORY = [Article.history.model, Category.history.model, Page.history.model]


def to_milliseconds(value):
    # Django's JSON fixtures keep times to the millisecond.
    if isinstance(value, datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def rows(model, order):
    # Every column by name: title_ar and title_en, not modeltranslation's "title". A staff
    # account is named by its user name: restored users get new keys (natural keys).
    columns = [
        f"{field.name}__username" if field.related_model is User else field.attname
        for field in model._meta.concrete_fields
    ]
    return [
        {name: to_milliseconds(value) for name, value in row.items()}
        for row in model.objects.order_by(order).values(*columns)
    ]


def snapshot():
    state = {model._meta.label: rows(model, "pk") for model in PLAIN}
    state["sources"] = sorted(Article.sources.through.objects.values_list("article", "source"))
    for model in HISTORY:
        state[model._meta.label] = [
            {k: v for k, v in row.items() if k != "history_user_id"}
            for row in rows(model, "history_id")
        ]
        state[model._meta.label + " users"] = list(
            model.objects.order_by("history_id").values_list("history_user__username", flat=True)
        )
    state["users"] = [
        (u.username, u.password, u.is_staff, sorted(u.groups.values_list("name", flat=True)))
        for u in User.objects.order_by("username")
    ]
    return state


def empty_the_database():
    ConsultationRequest.objects.all().delete()
    Feedback.objects.all().delete()
    Revision.objects.all().delete()
    Article.objects.all().delete()
    Category.objects.all().delete()
    Reviewer.objects.all().delete()
    Source.objects.all().delete()
    Page.objects.all().delete()
    for model in HISTORY:
        model.objects.all().delete()
    User.objects.all().delete()


@pytest.fixture
def site(article, make_article, editor, about_page):
    draft = make_article(status=Article.Status.DRAFT, title_en="A draft", title_ar="مسودة")
    draft.title_ar = "مسودة عدّلها المحرر"
    draft._history_user = editor
    draft.save()
    about_page.title_ar = "عن هذا الموقع 🙂"
    about_page._history_user = editor
    about_page.save()
    Feedback.objects.create(
        article=article, language="ar", helpful=False, comment="ينقصها مثال\u200f عملي 🙂"
    )
    Feedback.objects.create(article=article, language="en", helpful=True)
    ConsultationRequest.objects.create(
        name="ليلى أحمد",
        phone="+966501234567",
        email="layla@example.com",
        preferred_language="ar",
        message="أفضّل الاتصال مساءً 🙂",
        consent_to_contact=True,
        screener_outcome="check_first",
        screener_reasons={"yes": [], "not_sure": ["stroke"]},
        submission_token="token-1",
    )


def test_backup_and_restore_round_trip(site, tmp_path):
    before = snapshot()
    assert before["content.Article"][0]["title_ar"] and before["content.Article"][0]["body_en"]
    (page,) = [row for row in before["content.Page"] if row["corpus_key"] == "about"]
    assert page["title_ar"] == "عن هذا الموقع 🙂" and page["title_en"]
    assert page["slug_ar"] and page["slug_en"] and page["body_ar"] and page["body_en"]
    assert len(before["content.Feedback"]) == 2
    assert before["content.HistoricalPage users"][-1] == "editor"
    path = str(tmp_path / "site.json.gz")
    call_command("backup_site", path, plain=True, verbosity=0)

    empty_the_database()
    assert snapshot() != before
    call_command("restore_site", path, verbosity=0)

    assert snapshot() == before
    # New rows still get fresh keys after the restore (sequences follow the loaded rows).
    category = Category.objects.create(name_ar="جديد", name_en="New", slug_ar="جديد", slug_en="new")
    assert category.pk > max(row["id"] for row in before["content.Category"])


def test_restore_refuses_a_database_in_use(site, tmp_path):
    path = str(tmp_path / "site.json")
    call_command("backup_site", path, plain=True, verbosity=0)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_site", path, verbosity=0)
    call_command("restore_site", path, force=True, verbosity=0)
    assert Article.objects.count() == 2


def test_backup_needs_a_json_file_name(tmp_path):
    with pytest.raises(CommandError):
        call_command("backup_site", str(tmp_path / "site.txt"), plain=True, verbosity=0)


# Encrypted, rotated backups (issue 18): the server holds only the public key.


@pytest.fixture
def age_key(tmp_path):
    """An age identity file, as `age-keygen -o key.txt` writes it, and its public key."""
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    path = tmp_path / "off-the-server" / "key.txt"
    path.parent.mkdir()
    path.write_text(f"# created: today\n# public key: {identity.to_public()}\n{identity}\n")
    return path, str(identity.to_public())


def test_an_encrypted_backup_restores_only_with_the_identity(site, tmp_path, age_key, settings):
    identity_file, public_key = age_key
    settings.BACKUP_AGE_RECIPIENTS = [public_key]
    before = snapshot()
    folder = tmp_path / "backups"
    folder.mkdir()
    call_command("backup_site", folder=str(folder), verbosity=0)
    (written,) = folder.iterdir()
    assert written.name.endswith(".json.gz.age")
    assert written.stat().st_mode & 0o777 == 0o600
    data = written.read_bytes()
    assert data.startswith(b"age-encryption.org/v1")
    password_hash = User.objects.get(username="editor").password.encode()
    for secret in [b"layla@example.com", b"+966501234567", password_hash, "ليلى".encode()]:
        assert secret not in data
    # Nothing unencrypted was left beside it.
    assert [p.name for p in folder.iterdir()] == [written.name]

    empty_the_database()
    with pytest.raises(CommandError, match="--identity"):
        call_command("restore_site", str(written), verbosity=0)
    import pyrage

    stranger = tmp_path / "stranger.txt"
    stranger.write_text(f"{pyrage.x25519.Identity.generate()}\n")
    with pytest.raises(CommandError, match="cannot decrypt"):
        call_command("restore_site", str(written), identity=str(stranger), verbosity=0)
    call_command("restore_site", str(written), identity=str(identity_file), verbosity=0)
    assert snapshot() == before


def test_without_a_recipient_a_backup_is_refused_unless_asked_plain(site, tmp_path, settings):
    settings.BACKUP_AGE_RECIPIENTS = []
    with pytest.raises(CommandError, match="BACKUP_AGE_RECIPIENTS"):
        call_command("backup_site", str(tmp_path / "site.json.gz"), verbosity=0)
    assert not (tmp_path / "site.json.gz").exists()
    with pytest.raises(CommandError, match="age public key"):
        call_command("backup_site", str(tmp_path / "a.json.age"), recipient=["nope"], verbosity=0)
    call_command("backup_site", str(tmp_path / "site.json.gz"), plain=True, verbosity=0)
    assert (tmp_path / "site.json.gz").stat().st_mode & 0o777 == 0o600


def test_the_daily_job_deletes_backups_older_than_the_kept_days(site, tmp_path, age_key, settings):
    import os
    import time

    settings.BACKUP_AGE_RECIPIENTS = [age_key[1]]
    settings.BACKUP_KEEP_DAYS = 14
    folder = tmp_path / "backups"
    folder.mkdir()
    day = 24 * 60 * 60
    for age_in_days in [30, 15, 13, 1]:
        moment = time.time() - age_in_days * day
        old = folder / time.strftime("site-%Y-%m-%dT%H%M%SZ.json.gz.age", time.gmtime(moment))
        old.write_bytes(b"age-encryption.org/v1 old")
        os.utime(old, (moment, moment))
    other = folder / "notes.txt"  # not a backup: never touched
    other.write_text("keep me")
    os.utime(other, (time.time() - 90 * day,) * 2)

    call_command("backup_site", folder=str(folder), verbosity=0)
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4 and "notes.txt" in names
    kept = [n for n in names if n != "notes.txt"]
    ages = sorted(round((time.time() - (folder / n).stat().st_mtime) / day) for n in kept)
    assert ages == [0, 1, 13]
