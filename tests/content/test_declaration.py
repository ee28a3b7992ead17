"""The article's fields are declared once (Article.translated_fields, panels, ...) and every
editable field is versioned, edited and published: none can be lost for want of a list."""

from datetime import date, timedelta

import pytest
from django.db import models
from django.test.utils import isolate_apps
from django.utils import timezone, translation

from content import declaration
from content.admin import article_fieldsets
from content.models import Article, Author, Category, Reviewer, Source
from editorial import diff, workflow


@isolate_apps("content")
def test_a_new_field_is_versioned_edited_compared_and_published_without_any_list():
    """A test-only model with the article's declaration and one field nothing names: the
    snapshot keeps it, publishing writes it back, the admin shows it, the compare labels it."""

    class Leaflet(models.Model):
        title_ar = models.CharField("title", max_length=20)
        title_en = models.CharField("title", max_length=20)
        title = models.CharField("title", max_length=20)
        status = models.CharField(max_length=10, default="draft")
        caption = models.CharField("picture caption", max_length=50, blank=True)  # new

        translated_fields = ("title",)
        unversioned_fields = ("status",)
        panels = [(None, ["title"])]

        class Meta:
            app_label = "content"

        def __str__(self):
            return self.title

    assert declaration.versioned_names(Leaflet) == ["title_ar", "title_en", "caption"]
    snapshot = declaration.snapshot(Leaflet, {"title_ar": "نشرة", "caption": "A\r\nphoto"})
    assert snapshot["caption"] == "A\nphoto"
    row = Leaflet(title_ar="قديم", caption="old")
    for name, value in declaration.field_values(Leaflet, snapshot).items():
        setattr(row, name, value)
    assert (row.title_ar, row.caption) == ("نشرة", "A\nphoto")
    assert declaration.panels(Leaflet)[-1][1]["fields"] == ["caption"]
    assert ("caption", "picture caption", None) in declaration.compared_fields(Leaflet)


def test_every_editable_article_field_is_versioned_or_named_as_not():
    copies = {f"{base}_{code}" for base in Article.translated_fields for code in ("ar", "en")}
    editable = {
        f.name
        for f in Article._meta.get_fields()
        if getattr(f, "editable", False) and not f.auto_created and f.name not in copies
    }
    versioned = {
        declaration.base_field(Article, name).name for name in declaration.versioned_names(Article)
    }
    assert editable == versioned | set(Article.unversioned_fields)
    assert {"title_ar", "title_en", "body_ar", "body_en", "author", "sources"} <= set(
        declaration.versioned_names(Article)
    )


def test_the_admin_shows_every_versioned_field():
    # Built afresh: modeltranslation's admin swaps in the per-language names once running.
    shown = {name for _title, options in article_fieldsets() for name in options["fields"]}
    for name in declaration.versioned_names(Article):
        assert declaration.base_field(Article, name).name in shown, name


def test_the_compare_view_labels_every_versioned_field_in_the_editors_language():
    keys = {key for key, _label, _code in diff.field_keys()}
    assert keys == set(declaration.versioned_names(Article))
    with translation.override("en"):
        labels = diff.changed_fields({}, {"author": 1, "title_ar": "x"})
    assert labels == ["title (Arabic)", "author"]


@pytest.mark.django_db
def test_publishing_writes_every_versioned_field(article, editor):
    """Each versioned field changed in a revision is on the row once it is published."""
    other = Category.objects.create(
        name_ar="قسم", name_en="Section", slug_ar="قسم", slug_en="section", order=2
    )
    later = timezone.now() - timedelta(hours=1)
    changed = {
        **{name: f"{name} changed" for name in declaration.versioned_names(Article)},
        "category": other,
        "reviewer": Reviewer.objects.create(name="Dr B", credentials="GP"),
        "author": Author.objects.create(name="A writer", role="writer"),
        "last_reviewed": date(2026, 11, 2),
        "next_review_due": date(2027, 11, 2),
        "published_at": later,
        "expires_at": later + timedelta(days=400),
        "featured": not article.featured,
        "order": 7,
        "sources": [Source.objects.create(title="Another", publisher="P")],
    }
    snapshot = workflow.normalise(changed)
    revision = workflow.save_revision(article, snapshot, editor)
    workflow.publish(revision, editor, notify=False)
    article = Article.objects.get(pk=article.pk)
    assert workflow.snapshot_of_row(article) == snapshot
