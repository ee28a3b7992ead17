"""JSON-LD MedicalWebPage on every article, built from what the page shows."""

import json
import re

import pytest
from django.utils import translation

from content.structured_data import json_ld_script

pytestmark = pytest.mark.django_db

SCRIPT_RE = re.compile(r'<script type="application/ld\+json"([^>]*)>(.*?)</script>', re.DOTALL)


def json_ld(html):
    scripts = SCRIPT_RE.findall(html)
    assert len(scripts) == 1
    return json.loads(scripts[0][1])


def test_arabic_article_carries_a_medical_web_page(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    data = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == article.title_ar and data["name"] in html
    assert data["description"] == article.summary_ar
    assert data["inLanguage"] == "ar"
    assert data["url"] == "http://testserver" + article.get_absolute_url()
    assert data["lastReviewed"] == "2026-11-01"
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "د. سلمى حداد",
        "jobTitle": "طبيبة جلدية",
    }
    assert data["datePublished"].startswith(article.published_at.date().isoformat())
    assert "dateModified" in data
    assert data["citation"][0]["name"] == "Mesotherapy: a review"
    about = data["about"]
    assert about["@type"] == "MedicalTherapy" and about["name"] == "الميزوثيرابي"
    names = [item["name"] for item in about["contraindication"]]
    assert len(names) == 8 and "الحمل أو الرضاعة" in names
    assert all(item["@type"] == "MedicalContraindication" for item in about["contraindication"])
    assert {"@type": "MedicalEntity", "name": "الكدمات"} in about["adverseOutcome"]


def test_english_article_json_ld_is_in_english(client, article):
    with translation.override("en"):
        url = article.get_absolute_url()
    data = json_ld(client.get(url).content.decode())
    assert data["inLanguage"] == "en"
    assert data["name"] == article.title_en
    assert data["reviewedBy"]["jobTitle"] == "Dermatologist"
    assert data["about"]["name"] == "Mesotherapy"
    assert "Pregnancy or breastfeeding" in [c["name"] for c in data["about"]["contraindication"]]
    assert "Bruising" in [a["name"] for a in data["about"]["adverseOutcome"]]


def test_an_unreviewed_article_claims_no_review(client, make_article):
    article = make_article(reviewer=None, last_reviewed=None)
    data = json_ld(client.get(article.get_absolute_url()).content.decode())
    assert "reviewedBy" not in data and "lastReviewed" not in data


def test_text_cannot_break_out_of_the_script(client, make_article):
    article = make_article(title_ar="</script><script>alert(1)</script> & <!--")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script> & <!--"


def test_the_data_block_is_the_same_for_every_visitor():
    # Not executed, so no CSP nonce: a cached page serves everyone the same bytes.
    html = json_ld_script({"a": "<b>"})
    assert html.startswith('<script type="application/ld+json">')
    assert "nonce" not in html


def test_home_page_has_no_medical_web_page(client, article):
    assert not SCRIPT_RE.findall(client.get("/ar/").content.decode())
