"""The article form of the workflow: loads the latest revision, refuses stale saves."""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from content import declaration
from content.models import PUBLISH_PERMISSION, Article
from content.publishing import missing_for_publishing
from content.widgets import TOOLBAR_LABELS

from . import locking
from .models import Revision
from .notifications import staff_name

# What the editor asked for, by the name of the button pressed.
SUBMIT, PUBLISH = "_submit", "_publish"
PUBLISH_APPROVED = "_publish_approved"  # the editor publishes what a reviewer approved


def intent_of(request):
    for name in (PUBLISH, SUBMIT, PUBLISH_APPROVED):
        if name in request.POST:
            return name
    return None


def placeholder_fields(values):
    """The body fields in which a care card kept the toolbar's placeholder heading or text."""
    found = []
    for code, _name in settings.LANGUAGES:
        body = str(values.get(f"body_{code}") or "")
        with translation.override(code):
            heading = f'"{TOOLBAR_LABELS["heading_text"]}"'
            text = f"    {TOOLBAR_LABELS['callout_text']}"
        cards = [line for line in body.splitlines() if line.startswith("!!! ")]
        if any(line.rstrip().endswith(heading) for line in cards) or any(
            line.rstrip() == text for line in body.splitlines()
        ):
            found.append(
                str(
                    _("%(field)s (%(language)s)")
                    % {
                        "field": declaration.label(Article, "body"),
                        "language": _(translation.get_language_info(code)["name"]),
                    }
                )
            )
    return found


class ArticleAdminForm(forms.ModelForm):
    """Refuses to submit or publish an incomplete article, and a save over a newer one."""

    intent = None  # set per request by the admin (get_form)
    base_revision = forms.IntegerField(
        label=_("version this form was opened on"), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk is not None:
            self.initial["base_revision"] = instance.latest_revision_id
            if hasattr(instance, "editing_sources") and "sources" in self.fields:
                self.initial["sources"] = instance.editing_sources

    def clean(self):
        cleaned = super().clean()
        self.refuse_when_taken_over()
        # A newer save says more than an open form does: "saved a newer version" first.
        self.refuse_stale_save(cleaned)
        self.refuse_when_held_by_another()
        if self.intent in (SUBMIT, PUBLISH):
            values = cleaned
            if self.intent == SUBMIT:
                # The review date is the reviewer's to give: the doctor's approval sets it.
                values = {**cleaned, "last_reviewed": cleaned.get("last_reviewed") or "-"}
            missing = missing_for_publishing(values, cleaned.get("sources"))
            if missing:
                opening = (
                    _(
                        "This article cannot be submitted for review yet. "
                        "Add, or keep it as a draft:"
                    )
                    if self.intent == SUBMIT
                    else _("This article cannot be published yet. Add, or keep it as a draft:")
                )
                raise forms.ValidationError(
                    format_lazy(
                        "{} {}",
                        opening,
                        pgettext("list separator", ", ").join(str(item) for item in missing),
                    ),
                    code="incomplete",
                )
            placeholders = placeholder_fields(cleaned)
            if placeholders:
                raise forms.ValidationError(
                    format_lazy(
                        "{} {}",
                        _("A care card still holds its placeholder text. Replace it in:"),
                        pgettext("list separator", ", ").join(placeholders),
                    ),
                    code="placeholder",
                )
        return cleaned

    editing_user = None  # set per request by the admin (get_form)

    def refuse_when_taken_over(self):
        if self.instance.pk is None or self.editing_user is None:
            return
        lock = locking.taken_from(self.instance, self.editing_user)
        if lock is not None:
            raise forms.ValidationError(
                _(
                    "Not saved: %(user)s took over editing of this article on %(date)s. "
                    "Your text is still below: copy what you need and agree with them."
                )
                % {
                    "user": staff_name(lock.holder),
                    "date": date_format(localtime(lock.since), "DATETIME_FORMAT"),
                },
                code="taken_over",
            )

    def refuse_when_held_by_another(self):
        """Someone else has the article open (review D6): the second person's save is
        refused, their text kept, until the first finishes or a reviewer takes over."""
        if self.instance.pk is None or self.editing_user is None:
            return
        lock = locking.current(self.instance)
        if lock is None or lock.holder_id == self.editing_user.pk:
            return
        # The same instruction as the notice above the form (walk 5 #12): a reviewer or
        # administrator has the "Take over editing" button there; others ask a reviewer.
        if self.editing_user.has_perm(PUBLISH_PERMISSION):
            text = _(
                "Not saved: %(user)s has had this article open for editing since %(date)s. "
                "Your text is still below. Wait until they have finished, or press “Take "
                "over editing” above, then save again."
            )
        else:
            text = _(
                "Not saved: %(user)s has had this article open for editing since %(date)s. "
                "Your text is still below. Wait until they have finished, or ask a medical "
                "reviewer to take over editing, then save again."
            )
        raise forms.ValidationError(
            text
            % {
                "user": staff_name(lock.holder),
                "date": date_format(localtime(lock.since), "DATETIME_FORMAT"),
            },
            code="locked",
        )

    def refuse_stale_save(self, cleaned):
        """Someone saved a newer revision since this form was opened: say who and when."""
        if self.instance.pk is None:
            return
        current = Article.objects.filter(pk=self.instance.pk).values_list(
            "latest_revision", flat=True
        )[0]
        base = cleaned.get("base_revision")
        if current is None or current == base:
            return

        newer = Revision.objects.select_related("author").get(pk=current)
        compare = reverse(
            "admin:content_article_compare", args=[self.instance.pk, base or 0, current]
        )
        # The next save is taken as deliberate: the text typed here stays in the form.
        self.data = self.data.copy()
        self.data["base_revision"] = current
        raise forms.ValidationError(
            format_html(
                '{} <a href="{}">{}</a>',
                _(
                    "Not saved: %(user)s saved a newer version of this article on %(date)s, "
                    "after you opened it. Your text is still below. Compare the two versions, "
                    "then save again to make yours the newest draft."
                )
                % {
                    "user": staff_name(newer.author),
                    # The clinic's time, as the status line above shows it.
                    "date": date_format(localtime(newer.created_at), "DATETIME_FORMAT"),
                },
                compare,
                _("Compare the versions"),
            ),
            code="stale",
        )
