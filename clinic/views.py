from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from content.cache import CachedPageMixin


class ContactView(CachedPageMixin, TemplateView):
    """How to reach the clinic, and what to do in an emergency."""

    template_name = "clinic/contact.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = [{"label": _("Contact the clinic"), "url": None}]
        return context
