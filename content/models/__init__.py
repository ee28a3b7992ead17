"""The patient-education content: sections, articles, their credits, standing pages and
visitors' feedback.

Titles, slugs, summaries and bodies (and the names of sections and reviewers) are
translated: django-modeltranslation adds one column per language (translation.py).
"""

from ..fields import validate_category_slug  # noqa: F401 - migration 0005 names it here
from .articles import (
    PUBLISH_CODENAME,
    PUBLISH_PERMISSION,
    Article,
    ArticleDueForReview,
    Category,
)
from .credits import Author, Reviewer, Source
from .feedback import FEEDBACK_COMMENT_MAX, Feedback
from .pages import ABOUT_PAGE, EDITORIAL_POLICY_PAGE, FIXED_PAGE_URLS, Page

__all__ = [
    "ABOUT_PAGE",
    "EDITORIAL_POLICY_PAGE",
    "FEEDBACK_COMMENT_MAX",
    "FIXED_PAGE_URLS",
    "Article",
    "ArticleDueForReview",
    "PUBLISH_CODENAME",
    "PUBLISH_PERMISSION",
    "Author",
    "Category",
    "Feedback",
    "Page",
    "Reviewer",
    "Source",
]
