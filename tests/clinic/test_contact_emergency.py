"""The contact page's emergency card lists the same signs as the urgent care card in the
articles (one source, clinic.care.urgent_signs), and its links read as whole phrases."""

import html
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from clinic.care import urgent_signs
from mesoinfo import languages

pytestmark = pytest.mark.django_db

URGENT_RE = re.compile(r'<section[^>]*class="care-card care-card--urgent"[^>]*>.*?</section>', re.S)


@pytest.mark.parametrize("code", languages.codes())
def test_the_contact_page_lists_every_urgent_sign_of_the_care_card(client, code):
    cache.clear()
    card = html.unescape(URGENT_RE.search(client.get(f"/{code}/contact/").content.decode())[0])
    with translation.override(code):
        signs = [str(sign) for sign in urgent_signs()]
    items = re.findall(r"<li>(.*?)</li>", card, re.S)
    assert items == signs


def test_the_throat_chest_pain_and_double_sight_are_on_the_arabic_contact_page(client):
    cache.clear()
    card = URGENT_RE.search(client.get("/ar/contact/").content.decode())[0]
    for words in ("الحلق", "ألم في الصدر", "مزدوجة"):
        assert words in card, words


def test_the_contact_link_reads_as_a_phrase(client):
    cache.clear()
    with translation.override("ar"):
        consultation = reverse("screener:consultation")
    page = client.get(consultation).content.decode()
    assert "اطّلع على كل بيانات التواصل مع العيادة" in page
