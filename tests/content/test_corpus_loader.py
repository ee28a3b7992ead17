"""The set-up command adds the corpus once and never overwrites what staff changed."""

import shutil

import pytest
from django.core.management import call_command

from content.corpus_loader import CORPUS_DIR, CorpusError, load_corpus
from content.models import Article, Category, Source

pytestmark = pytest.mark.django_db


def test_corpus_loads_published_articles_in_both_languages():
    call_command("load_corpus", verbosity=0)
    articles = Article.objects.published()
    assert articles.count() >= 3
    for article in articles:
        assert article.title_ar and article.title_en and article.body_ar and article.body_en


def test_loading_twice_adds_nothing_and_keeps_staff_edits():
    load_corpus()
    article = Article.objects.order_by("pk").first()
    article.title_en = "Edited by staff"
    article.save()
    category = Category.objects.order_by("pk").first()
    category.name_ar = "قسم عدّله الفريق"
    category.save()
    count = Article.objects.count()

    added = load_corpus()

    assert added["articles"] == 0 and added["categories"] == 0
    assert Article.objects.count() == count
    article.refresh_from_db()
    category.refresh_from_db()
    assert article.title_en == "Edited by staff"
    assert category.name_ar == "قسم عدّله الفريق"


def test_an_article_staff_deleted_is_not_brought_back():
    load_corpus()
    article = Article.objects.order_by("pk").first()
    key = article.corpus_key
    article.delete()
    added = load_corpus()
    assert added["articles"] == 0
    assert not Article.objects.filter(corpus_key=key).exists()


def test_a_section_staff_deleted_stays_deleted_with_its_articles():
    load_corpus()
    category = Category.objects.order_by("pk").first()
    keys = list(category.articles.values_list("corpus_key", flat=True))
    category.articles.all().delete()
    category.delete()
    added = load_corpus()
    assert added["categories"] == 0 and added["articles"] == 0
    assert not Article.objects.filter(corpus_key__in=keys).exists()


def test_an_article_missing_from_the_database_is_added():
    """Loading fills gaps that nobody made: e.g. an article added to the corpus later."""
    load_corpus()
    article = Article.objects.order_by("pk").first()
    key = article.corpus_key
    Article.objects.filter(pk=article.pk).delete()  # gone without a trace in the history
    article.history.all().delete()
    added = load_corpus()
    assert added["articles"] == 1
    assert Article.objects.filter(corpus_key=key).count() == 1


def test_an_article_without_its_english_text_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, corpus)
    victim = sorted((corpus / "en").glob("*.md"))[0]
    victim.unlink()
    with pytest.raises(CorpusError, match="no en text"):
        load_corpus(corpus)


def changed_copy(tmp_path, sentence="A corrected sentence from the new corpus."):
    """A copy of the corpus whose first article's English body gained a sentence."""
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        shutil.copytree(CORPUS_DIR, corpus)
    path = sorted((corpus / "en").glob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    return corpus, path.stem


def live_texts():
    return {
        a.corpus_key: (a.title_ar, a.body_ar, a.body_en, a.status)
        for a in Article.objects.order_by("pk")
    }


def test_a_changed_corpus_becomes_drafts_awaiting_review_and_changes_nothing_live(tmp_path):
    load_corpus()
    Article.objects.update(latest_revision=None, live_revision=None)  # a site loaded before
    before = live_texts()
    corpus, key = changed_copy(tmp_path)

    added = load_corpus(corpus)

    assert added["proposed"] == 1 and added["articles"] == 0
    assert live_texts() == before
    article = Article.objects.get(corpus_key=key)
    draft = article.latest_revision
    assert draft.status == "submitted" and draft.origin == "corpus"
    assert "A corrected sentence from the new corpus." in draft.content["body_en"]
    assert article.has_unpublished_changes and article.is_public
    assert load_corpus(corpus)["proposed"] == 0  # the same text is not proposed twice


def test_a_changed_corpus_never_overrides_a_staff_edit(tmp_path, editor):
    from editorial.workflow import save_revision, snapshot_of_row

    load_corpus()
    corpus, key = changed_copy(tmp_path)
    article = Article.objects.get(corpus_key=key)
    staff = save_revision(
        article, snapshot_of_row(article) | {"title_en": "The editor's own title"}, editor
    )
    before = live_texts()

    assert load_corpus(corpus)["proposed"] == 1

    article.refresh_from_db()
    assert live_texts() == before
    assert article.latest_revision == staff  # the editor's version stays the newest
    proposal = article.revisions.get(status="proposal")
    assert "A corrected sentence" in proposal.content["body_en"]
    assert proposal.content["title_en"] != "The editor's own title"


def test_a_source_loaded_without_an_address_gets_the_confirmed_one_but_keeps_staff_edits():
    load_corpus()
    label = Source.objects.get(corpus_key="kybella-label")
    confirmed = label.url
    assert confirmed.startswith("https://")
    label.url = ""
    label.save()
    edited = Source.objects.get(corpus_key="plachouri-2019")
    edited.url = "https://example.org/staff-chosen-copy"
    edited.save()

    load_corpus()

    label.refresh_from_db()
    edited.refresh_from_db()
    assert label.url == confirmed
    assert edited.url == "https://example.org/staff-chosen-copy"


def test_a_sources_citation_note_and_checks_are_loaded_apart():
    load_corpus()
    consensus = Source.objects.get(corpus_key="mammucari-2011")
    assert consensus.title.endswith("a consensus report from the Italian Society of Mesotherapy")
    assert consensus.publisher == "European Review for Medical and Pharmacological Sciences"
    assert consensus.volume == "15:682-694" and not consensus.url
    assert "no DOI" in consensus.note and consensus.authors_checked
    unnamed = Source.objects.get(corpus_key="hair-mesotherapy-review-2023")
    assert not unnamed.authors_checked
    assert Source.objects.get(corpus_key="mckesey-2020").link_kind == Source.LinkKind.COPY
    assert Source.objects.get(corpus_key="plachouri-2019").link_kind == Source.LinkKind.ORIGINAL


def test_the_migration_takes_the_notes_out_of_a_source_loaded_before_it_only():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("content.migrations.0016_source_notes_out_of_titles")
    [(old_title, old_publisher)], values = migration.CHANGES["mckesey-2020"]
    untouched = Source.objects.create(
        corpus_key="mckesey-2020", title=old_title, publisher=old_publisher, url="https://x.org"
    )
    [(_title, edited_publisher)], _values = migration.CHANGES["singsing-2022"]
    edited = Source.objects.create(
        corpus_key="singsing-2022", title="Retitled by staff", publisher=edited_publisher
    )

    migration.take_notes_out(apps, None)

    untouched.refresh_from_db()
    edited.refresh_from_db()
    assert untouched.title == values["title"] and "reprinted by Medscape" in untouched.note
    assert untouched.publisher == "American Journal of Clinical Dermatology"
    assert (untouched.volume, untouched.link_kind) == ("21(2):173-225", "copy")
    assert edited.title == "Retitled by staff" and edited.note == ""
