"""The articles the screener links to, named in this one place.

The screener names articles by their corpus key (front matter `key:`) and each condition
by a neutral anchor, `#condition-1` to `#condition-8` in question order: the article
EXPLAINING gives its eight condition headings those ids, and nothing in a visitor's
browser history then names a condition.
"""

from content.models import Article

# The article that explains every contraindication, one heading per question.
EXPLAINING = "who-should-not-have-it"
# What every outcome suggests reading next.
FURTHER_READING = ("preparing", "side-effects", "evidence")


def condition_anchor(number):
    """The fragment of question `number`'s (1-based) heading in the EXPLAINING article."""
    return f"condition-{number}"


def linked_articles():
    """{corpus key: published article} for every article the screener links to, in one query."""
    keys = {EXPLAINING, *FURTHER_READING}
    return {a.corpus_key: a for a in Article.objects.published().filter(corpus_key__in=keys)}


def further_reading(articles):
    """The published further-reading articles, in their order."""
    return [articles[key] for key in FURTHER_READING if key in articles]
