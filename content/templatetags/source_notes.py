"""What a patient is told about a source beside its citation, in the page's language.

The citation (title, publisher, volume, year) is shown as stored. The editors' working note
(Source.note) is never shown; the patient's note comes from the facts recorded with it.
"""

from django import template
from django.utils.translation import gettext as _

from content.models import Source

register = template.Library()


@register.simple_tag
def patient_note(source):
    """One short note on what a reader should know about `source`, or ""."""
    said = []
    if not source.authors_checked:
        said.append(_("authors' names not checked"))
    if not source.url:
        said.append(_("no link available"))
    elif source.link_kind == Source.LinkKind.COPY:
        said.append(_("the link leads to a record or copy of the article"))
    return _("; ").join(said)
