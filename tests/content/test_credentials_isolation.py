"""J4-1: a reviewer's licence number typed as "12-R-3456" reads the same on Arabic pages."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_credentials_keep_their_order_on_arabic_pages(client, article, reviewer):
    reviewer.credentials_ar = "ترخيص الهيئة السعودية للتخصصات الصحية 12-R-3456"
    reviewer.save()
    with translation.override("ar"):
        url = article.get_absolute_url()
    html = client.get(url + "?fresh=1").content.decode()
    assert (
        "<bdi>ترخيص الهيئة السعودية للتخصصات الصحية "
        '<span dir="ltr" lang="en">12-R-3456</span></bdi>' in html
    )
    assert html.count('<span dir="ltr" lang="en">12-R-3456</span>') >= 2  # byline and box
    with translation.override("en"):
        english = client.get(article.get_absolute_url() + "?fresh=1").content.decode()
    assert "Dr Salma Haddad, Dermatologist" in english
