"""A staff member's authenticator app: django-otp's TOTP device, named for the admin."""

import base64
import re

import qrcode
import qrcode.image.svg
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

# The session's own unconfirmed app, by its id.
ENROLMENT_KEY = "twofactor.enrolment_app"


class AuthenticatorApp(TOTPDevice):
    """A proxy, so that the admin lists the devices under a translated name; deleting
    one is how an administrator resets a lost second factor."""

    class Meta:
        proxy = True
        ordering = ["user__username"]
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")

    def __str__(self):
        return str(_("Authenticator app of %(user)s") % {"user": self.user})

    @classmethod
    def for_enrolment(cls, user, session):
        """This session's unconfirmed app, made when it has none: the key stays the same
        across reloads in this session only, so that nobody else who opens the enrolment
        page (with the same password) sees the key this session will confirm."""
        pk = session.get(ENROLMENT_KEY)
        app = cls.objects.filter(pk=pk, user=user, confirmed=False).first() if pk else None
        if app is None:
            app = cls.objects.create(user=user, name="MesoInfo", confirmed=False)
            session[ENROLMENT_KEY] = app.pk
        return app

    def confirm(self, session):
        """The first right code: this app is the user's; every other unconfirmed one, made
        in another session, goes."""
        self.confirmed = True
        self.save(update_fields=["confirmed"])
        type(self).objects.filter(user=self.user, confirmed=False).exclude(pk=self.pk).delete()
        session.pop(ENROLMENT_KEY, None)

    def typed_key(self):
        """The secret in base32, in groups of four, for typing into the app by hand."""
        key = base64.b32encode(self.bin_key).decode().rstrip("=")
        return " ".join(re.findall(".{1,4}", key))

    def qr_code_svg(self):
        """The otpauth:// address as an inline SVG drawn here: nothing is fetched from
        another host, and the secret never leaves the page."""
        image = qrcode.make(
            self.config_url,
            image_factory=qrcode.image.svg.SvgPathFillImage,
            box_size=8,
            border=4,
        )
        return image.to_string(encoding="unicode")
