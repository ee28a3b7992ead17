from django import forms
from django.utils.translation import gettext_lazy as _

from .query import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        strip=True,
        error_messages={
            "max_length": _(
                "Please use a shorter search, of at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
        widget=forms.TextInput(attrs={"type": "search"}),
    )
