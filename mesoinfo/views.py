"""Site-wide pages that belong to no app: robots.txt."""

from django.conf import settings
from django.views.generic import TemplateView


class RobotsView(TemplateView):
    """robots.txt: the sitemap, and the admin at its default address.

    The screener and search pages are not disallowed: they answer `noindex`, and a
    crawler that may not fetch a page never sees its noindex, so a linked address could
    still be listed.
    """

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        private = []
        if settings.ADMIN_URL == "admin/":
            # A moved admin is not named here: robots.txt is public.
            private.append("/" + settings.ADMIN_URL)
        return super().get_context_data(
            disallow=private,
            sitemap=self.request.build_absolute_uri("/sitemap.xml"),
            **kwargs,
        )
