"""What a published revision says is what search finds, at once."""

import pytest
from django.utils import translation

from editorial import workflow

pytestmark = pytest.mark.django_db


def test_publishing_a_revision_puts_its_new_text_in_the_index(client, article, editor):
    # Publishing saves the row, then the revision; the revision's own copy of the row (still
    # the old text) must not be what the index keeps.
    revision = workflow.save_revision(
        article,
        workflow.snapshot_of_row(article) | {"summary_en": "Zebra stripes explained."},
        editor,
    )
    assert revision.article.pk == article.pk  # the revision holds its own copy of the row
    workflow.publish(revision, editor, notify=False)
    with translation.override("en"):
        url = article.get_absolute_url()
    assert url in client.get("/en/search/", {"q": "zebra"}).content.decode()
