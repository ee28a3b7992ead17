"""The image library: pictures staff upload once and insert into any article body.

A picture's file is cleaned on upload (processing.py: size and pixel caps, orientation
applied, metadata dropped) and never replaced afterwards, so its renditions' addresses can
be cached for ever. Its alt text is required in every language of the site.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.fields import staff_member

WIDTHS = (480, 800, 1200)  # the renditions' widths in pixels, at most the original's
DEFAULT_WIDTH = 800  # the one named in src, width and height

CONSENT_REQUIRED = _(
    "This picture shows a patient. It can be kept and used only once the patient's "
    "written consent is on file: tick the box to confirm that it is."
)


def new_key():
    return uuid.uuid4().hex


def original_path(image, filename):
    # A random name: the upload's own name may hold a patient's name.
    return f"images/originals/{image.key}.{filename.rsplit('.', 1)[-1].lower()}"


class Image(models.Model):
    key = models.CharField(max_length=32, default=new_key, editable=False, unique=True)
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("To find the picture in the library. Patients do not see it."),
    )
    file = models.FileField(_("picture file"), upload_to=original_path, editable=False)
    width = models.PositiveIntegerField(_("width in pixels"), editable=False)
    height = models.PositiveIntegerField(_("height in pixels"), editable=False)
    alt = models.CharField(
        _("picture description"),
        max_length=250,
        help_text=_(
            "What the picture shows, in one sentence, for people who cannot see it (its alt "
            "text). Required in every language of the site."
        ),
    )
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Optional: shown under the picture."),
    )
    shows_patient = models.BooleanField(
        _("shows a patient"),
        default=False,
        help_text=_("A face, or before-and-after photos of a patient's body."),
    )
    consent_on_file = models.BooleanField(
        _("written consent is on file"),
        default=False,
        help_text=_("The patient's signed consent to show this picture on the site."),
    )
    consent_recorded_by = staff_member(_("consent recorded by"), editable=False)
    consent_recorded_at = models.DateTimeField(
        _("consent recorded at"), null=True, blank=True, editable=False
    )
    uploaded_by = staff_member(_("uploaded by"), editable=False)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        for code, _name in settings.LANGUAGES:
            if not (getattr(self, f"alt_{code}", "") or "").strip():
                errors[f"alt_{code}"] = _("Describe the picture in this language too.")
        if self.shows_patient and not self.consent_on_file:
            errors["consent_on_file"] = CONSENT_REQUIRED
        if errors:
            raise ValidationError(errors)

    @property
    def usable(self):
        """May a page show it: a picture of a patient only with their written consent."""
        return not self.shows_patient or self.consent_on_file

    def rendition_widths(self):
        """The renditions' widths: the standard ones below the original's width, and the
        original's width itself (capped at the largest standard one)."""
        top = min(self.width, max(WIDTHS))
        return sorted({w for w in WIDTHS if w < top} | {top})

    def default_width(self):
        widths = self.rendition_widths()
        return max((w for w in widths if w <= DEFAULT_WIDTH), default=widths[0])

    def rendition_height(self, width):
        return max(1, round(self.height * width / self.width))

    def rendition_name(self, width):
        return f"images/renditions/{self.key}-{width}.webp"
