"""A category cannot take the address of another page: the reserved slugs come from the URL
patterns themselves (content/fields.py), not from a list kept beside them."""

import pytest
from django.core.exceptions import ValidationError

from content.fields import validate_category_slug


@pytest.mark.parametrize(
    "slug", ["about", "contact", "editorial-policy", "page", "screener", "search", "style-guide"]
)
def test_another_pages_address_is_refused(slug):
    with pytest.raises(ValidationError) as refused:
        validate_category_slug(slug)
    assert refused.value.code == "reserved"


@pytest.mark.parametrize("slug", ["hair", "الشعر", "feedback"])
def test_a_free_address_is_accepted(slug):
    validate_category_slug(slug)
