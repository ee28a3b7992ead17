"""The template engine the site renders with: Django's, with every page, e-mail and admin
screen rendered in a right-to-left language passed once through the bidi isolation
(bidi.py). Isolation therefore happens in one place, whatever the value: a reviewer's
licence, a phone example in a help text, a time-zone name, an address, an admin counter.

Only HTML templates are isolated (a name ending in .html); text and XML (robots.txt,
sitemaps) are left as they are.
"""

from django.template.backends.django import DjangoTemplates, Template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from mesoinfo import languages

from .bidi import isolate_latin

HTML_SUFFIX = ".html"


def is_rtl(code):
    found = languages.table().get(code)
    return bool(found and found.is_rtl)


class IsolatingTemplate(Template):
    def render(self, context=None, request=None):
        html = super().render(context, request)
        name = self.origin.template_name or ""
        if isinstance(name, str) and name.endswith(HTML_SUFFIX) and is_rtl(get_language()):
            return mark_safe(isolate_latin(html))  # noqa: S308 - escaped text stays escaped
        return html


class IsolatingDjangoTemplates(DjangoTemplates):
    """DjangoTemplates whose page templates come out bidi-isolated on RTL pages."""

    def get_template(self, template_name):
        return IsolatingTemplate(super().get_template(template_name).template, self)
