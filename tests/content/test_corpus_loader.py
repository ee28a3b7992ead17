"""The set-up command adds the corpus once and never overwrites what staff changed."""

import shutil

import pytest
from django.core.management import call_command

from content.corpus_loader import CORPUS_DIR, CorpusError, load_corpus
from content.models import Article, Category

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
