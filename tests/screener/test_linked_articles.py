"""The screener names content's articles by corpus key (screener/articles.py): screener
depends on content, one way. These keys must stay real articles of the corpus, in every
language, or the outcome page silently loses its links."""

from content.corpus_loader import read_articles
from screener import articles


def test_every_article_the_screener_links_to_is_in_the_corpus():
    keys = {key for key, _meta, _posts in read_articles()}
    named = {articles.EXPLAINING, *articles.FURTHER_READING}
    assert named <= keys, named - keys
