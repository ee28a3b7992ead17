"""J4-1: a reviewer's licence number typed as "12-R-3456" reads the same on Arabic pages:
the renderer (content/template_backend.py) isolates its Latin and digit run left to right,
as it does every such run, with no filter of its own for credentials."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_credentials_keep_their_order_on_arabic_pages(client, article, reviewer):
    reviewer.credentials_ar = "ترخيص الهيئة السعودية للتخصصات الصحية 12-R-3456"
    reviewer.save()
    with translation.override("ar"):
        url = article.get_absolute_url()
    html = client.get(url + "?fresh=1").content.decode()
    licence = '<span dir="ltr" lang="en">12-R-3456</span>'
    assert f"ترخيص الهيئة السعودية للتخصصات الصحية {licence}" in html
    assert html.count('<span dir="ltr" lang="en">12-R-3456</span>') >= 2  # byline and box
    with translation.override("en"):
        english = client.get(article.get_absolute_url() + "?fresh=1").content.decode()
    assert "Dr Salma Haddad, Dermatologist" in english
