"""JSON-LD for an article page: a schema.org MedicalWebPage built from what the page shows."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import contributions

THERAPY_NAME = _("Mesotherapy")
# The side effects the side-effects article describes, named in the page's language.
ADVERSE_OUTCOMES = (
    _("Pain at the injection sites"),
    _("Swelling"),
    _("Bruising"),
    _("Haematoma"),
    _("Allergic reaction"),
    _("Infection"),
    _("Skin thinning (atrophy)"),
    _("Nausea"),
    _("Dark spots on the skin"),
    _("Scarring"),
    _("Liver damage (rare)"),
)
# The same escapes as Django's json_script: the JSON cannot close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _source(source):
    item = {
        "@type": "CreativeWork",
        "name": source.title,
        "publisher": {"@type": "Organization", "name": source.publisher},
        "inLanguage": source.language,
    }
    if source.year:
        item["datePublished"] = str(source.year)
    if source.url:
        item["url"] = source.url
    return item


def article_json_ld(article, request):
    """The MedicalWebPage for `article` in the active language, as a dict.

    Uses the article's sources as prefetched by the article view (no extra query).
    """
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": article.title,
        "headline": article.title,
        "description": article.summary,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "inLanguage": get_language(),
        "datePublished": article.date_published.isoformat(),
        "dateModified": article.date_modified.isoformat(),
        "about": {
            "@type": "MedicalTherapy",
            "name": str(THERAPY_NAME),
            "adverseOutcome": [
                {"@type": "MedicalEntity", "name": str(name)} for name in ADVERSE_OUTCOMES
            ],
        },
    }
    # The screener's contraindications, the clinic as publisher and the author's credit.
    contributions.add_json_ld(article, data, request)
    # A stand-in reviewer is not a review: claim neither a reviewer nor a review date.
    if article.has_named_review and article.last_reviewed:
        data["lastReviewed"] = article.last_reviewed.isoformat()
    if article.has_named_review:
        data["reviewedBy"] = {
            "@type": "Person",
            "name": article.reviewer.name,
            "jobTitle": article.reviewer.credentials,
        }
    sources = [_source(source) for source in article.listed_sources]
    if sources:
        data["citation"] = sources
    return data


def json_ld_script(data):
    """<script type="application/ld+json"> holding `data`, safe to put in HTML.

    A data block is never executed, so the Content Security Policy does not apply to it
    and it carries no nonce: the page stays the same for every visitor and can be cached.
    """
    payload = json.dumps(data, ensure_ascii=False, indent=None).translate(JSON_SCRIPT_ESCAPES)
    safe_payload = mark_safe(payload)  # noqa: S308 - escaped for a script element just above
    return format_html('<script type="application/ld+json">{}</script>', safe_payload)
