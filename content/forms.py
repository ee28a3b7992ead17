"""Visitor forms of the content app: the search box and "Was this page helpful?"."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mesoinfo.privacy import contains_personal_data

from .models import FEEDBACK_COMMENT_MAX, Feedback
from .search import MAX_QUERY_LENGTH


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


class FeedbackForm(forms.ModelForm):
    helpful = forms.TypedChoiceField(
        label=_("Was this page helpful?"),
        choices=[
            ("yes", pgettext_lazy("was this page helpful", "Yes")),
            ("no", pgettext_lazy("was this page helpful", "No")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose Yes or No."),
            "invalid_choice": _("Please choose Yes or No."),
        },
    )
    comment = forms.CharField(
        label=_("What could be better? (optional)"),
        help_text=_(
            "Please do not write your name, e-mail address, phone number or anything about "
            "your health: this box is read by the site's editors and is not answered."
        ),
        max_length=FEEDBACK_COMMENT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _(
                "Please shorten your comment to at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
    )

    class Meta:
        model = Feedback
        fields = ["helpful", "comment"]

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        # The same check that keeps e-mail addresses and phone numbers out of the logs.
        if contains_personal_data(comment):
            raise forms.ValidationError(
                _("Please remove the e-mail address or phone number from your comment.")
            )
        return comment
