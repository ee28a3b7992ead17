from django.views.generic import TemplateView

from content.cache import CachedPageMixin


class ContactView(CachedPageMixin, TemplateView):
    """How to reach the clinic, and what to do in an emergency."""

    template_name = "clinic/contact.html"
