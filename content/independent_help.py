"""The "Where to find independent help" block shown under every article (DISCERN question 7):
organisations that neither sell the treatment nor have any link with the clinic, written once
here and chosen by the article's section and corpus key.

Every address below was looked up and read before it was listed (December 2026); add one
only after the same check, never from memory. The pages are in English but one, in Arabic
(`language`), which the block says.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Link:
    url: str
    name: str
    why: str
    language: str = "en"


LINKS = {
    "nhs-choosing": Link(
        "https://www.nhs.uk/conditions/cosmetic-procedures/choosing-who-will-do-your-procedure/",
        _("NHS (UK health service): choosing who will do your cosmetic procedure"),
        _("What to ask before any cosmetic treatment, and what to avoid."),
    ),
    "bad-leaflets": Link(
        "https://www.bad.org.uk/for-the-public/patient-information-leaflets?l=10&group=00016001000200010001",
        _("British Association of Dermatologists: patient information leaflets"),
        _("Leaflets written by skin doctors about skin and hair conditions and their treatments."),
    ),
    "sfda-side-effects": Link(
        "https://ade.sfda.gov.sa/Home/QA",
        _("Saudi Food and Drug Authority: questions and answers on side effects (in Arabic)"),
        _("What a side effect of a medicine or cosmetic product is, and why to report it."),
        language="ar",
    ),
    "mhra-finasteride": Link(
        "https://www.gov.uk/government/news/men-on-finasteride-asked-to-stay-vigilant-for-possible-psychiatric-and-sexual-side-effects",
        _("MHRA (UK medicines regulator): finasteride warning, 2024"),
        _("Its advice on the mood and sexual side effects of finasteride."),
    ),
    "fda-lipodissolve": Link(
        "https://www.fda.gov/ForConsumers/ConsumerUpdates/ucm206240.htm",
        _("US Food and Drug Administration: warning about fat-dissolving injections, 2010"),
        _("Why the claims made for these injections are not proven."),
    ),
}

# Where to report a side effect of a medicine: each country's own regulator.
REPORTING = {
    "sfda": Link(
        "https://sfda.gov.sa/en/node/1383810",
        _("Saudi Arabia: Saudi Food and Drug Authority"),
        _("It asks everyone to report side effects of medicines and cosmetic products."),
    ),
    "mohap": Link(
        "https://mohap.gov.ae/en/w/reporting-side-effects-of-medicines-and-medical-products-within-uae-for-individuals",
        _("United Arab Emirates: Ministry of Health and Prevention"),
        _("How to report a side effect of a medicine or medical product."),
    ),
    "epvc": Link(
        "http://epvc.gov.eg/faqs/1",
        _("Egypt: Egyptian Pharmaceutical Vigilance Center"),
        _("Questions and answers on reporting a side effect."),
    ),
}

EVERY_ARTICLE = ("nhs-choosing", "bad-leaflets", "sfda-side-effects")
# Topic links by the section's corpus key, then by the article's own corpus key.
BY_CATEGORY = {"evidence": ("fda-lipodissolve",), "comparisons": ("fda-lipodissolve",)}
BY_ARTICLE = {
    "type-hair": ("mhra-finasteride",),
    "options-hair-loss": ("mhra-finasteride",),
    "type-body-sculpting": ("fda-lipodissolve",),
    "type-cellulite": ("fda-lipodissolve",),
    "options-local-fat": ("fda-lipodissolve",),
}


def links_for(article):
    """The independent-information links for `article`: the general ones first, then its
    topic's, each once, in a fixed order."""
    category = getattr(getattr(article, "category", None), "corpus_key", None)
    keys = [
        *EVERY_ARTICLE,
        *BY_CATEGORY.get(category, ()),
        *BY_ARTICLE.get(getattr(article, "corpus_key", None), ()),
    ]
    return [LINKS[key] for key in dict.fromkeys(keys)]


def reporting_links():
    return list(REPORTING.values())
