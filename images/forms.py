"""The image library's upload form: the file is checked and cleaned (processing.py) while
the form validates, so a refused picture leaves nothing stored and the form refilled."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import processing
from .models import Image


class ImageForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("picture file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Image
        fields = ["title", "alt", "caption", "shows_patient", "consent_on_file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.picture = None
        if self.instance.pk:
            # A picture's file is never replaced (its addresses are cached for a year):
            # a different photo is a new picture.
            del self.fields["upload"]
        else:
            self.fields["upload"].required = True
            self.fields["upload"].help_text = processing.limits_text()

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            self.picture = processing.clean_upload(upload)
        return upload

    def full_clean(self):
        super().full_clean()
        # Review D4: a browser cannot refill a file input, so a picture that passed its own
        # checks is dropped when another field is refused. Say so where the file goes.
        upload = getattr(self, "cleaned_data", {}).get("upload")
        if self.is_bound and self.errors and upload and "upload" not in self.errors:
            self.add_error(
                "upload",
                forms.ValidationError(
                    _(
                        "Your picture “%(name)s” passed its checks, but a browser cannot keep "
                        "a chosen file after an error: choose it again before saving. "
                        "Everything else you typed is kept."
                    ),
                    params={"name": upload.name},
                    code="choose_again",
                ),
            )
