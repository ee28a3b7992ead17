"""Reception's request list on a phone: each cell carries its column's name, so a row can
be shown as a card ("Phone: …") with CSS alone."""

import re

from django import template
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

register = template.Library()
CELL_START = re.compile(r"^\s*<(td|th)\b")


@register.filter
def labelled_cells(result, result_headers):
    """The row's cells (Django's own HTML), each with data-label set to its header's text."""
    cells = []
    for cell, header in zip(result, result_headers, strict=False):
        cell = str(cell)
        label = escape(strip_tags(str(header["text"])).strip())
        start = CELL_START.match(cell)
        if label and start:
            cell = f'<{start[1]} data-label="{label}"{cell[start.end() :]}'
        cells.append(mark_safe(cell))  # noqa: S308 - Django's escaped cell, the label escaped
    return cells
