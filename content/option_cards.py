"""An option grid's options on another page, such as a type page, one card per option.

The line `<!-- option-grid: <the grid's corpus key> -->` in a body becomes a section, "Your
options side by side": one `<details>` per row of that grid's table, the option's name as
its summary and every other column as a term and its value, then a link to the grid's
"What matters to me" and questions for the doctor. The cards are read from the grid's own
published text whenever the page is rendered, so an edit to the grid shows on every page
that names it with no second edit (a published article clears the cached pages:
content/signals.py). Written as an HTML comment, the line shows nothing wherever a body is
rendered without its filters (search, readability), so the grid's words are indexed and
counted on the grid alone.

The cards are drawn as an embed (rendering.py): each cell is the grid's own sanitised HTML,
and the markup around the cells is ours.
"""

import re
from html import escape, unescape

from django.utils import translation
from django.utils.translation import gettext as _

from . import contributions
from .models import Article
from .rendering import render_markdown

SCHEME = "optiongrid"  # the embed scheme the section's cards are drawn through
MARKER = re.compile(r"^[ \t]*<!--\s*option-grid:\s*([\w-]+)\s*-->[ \t]*$", re.MULTILINE)
ANCHOR = "side-by-side"  # the section heading's id, the same in every language
# The grid page's "What matters to me" section, which holds the questions for the doctor
# (templates/content/what_matters.html).
VALUES_ANCHOR = "values-heading"
# The body of the first table in the grid's rendered, sanitised HTML (nh3 writes every
# tag and attribute in one canonical form, so these patterns read what it wrote).
TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.DOTALL)
ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
CELL = re.compile(r'<td(?: data-label="([^"]*)")?>(.*?)</td>', re.DOTALL)
LINK_TEXT = str.maketrans({"[": r"\[", "]": r"\]"})


def published_grid(key):
    return Article.objects.published().select_related("category").filter(corpus_key=key).first()


def expand(text):
    """`text` with each option-grid line replaced by its section, in the active language
    (a body filter: content/contributions.py). A grid that is not on the site leaves
    nothing."""
    if "option-grid:" not in (text or ""):
        return text
    return MARKER.sub(lambda match: section(match.group(1)), text)


def section(key):
    grid = published_grid(key)
    if grid is None:
        return ""
    link = f"[{grid.title.translate(LINK_TEXT)}]({grid.get_absolute_url()})"
    values = f"{grid.get_absolute_url()}#{VALUES_ANCHOR}"
    return "\n\n".join(
        [
            f"## {_('Your options side by side')} {{#{ANCHOR}}}",
            _(
                "Each option below comes from our grid %(grid)s, with what it is, how much it "
                "helps and how sure we are of that, its common side effects and rare serious "
                "harms, recovery and daily life, and who should not have it. Open an option "
                "to read it. The clinic that runs this site sells mesotherapy, one of these "
                "options."
            )
            % {"grid": link},
            f"![]({SCHEME}:{key})",
            _(
                "To weigh them up, [print the grid with “What matters to me” and the "
                "questions to ask the doctor](%(url)s)."
            )
            % {"url": values},
        ]
    )


def rows(html):
    """[[(column heading, cell HTML), ...] per row] of the first table in `html`."""
    body = TBODY.search(html)
    if body is None:
        return []
    return [
        [(unescape(label or ""), value.strip()) for label, value in CELL.findall(row)]
        for row in ROW.findall(body.group(1))
    ]


def cards(table):
    """One <details> per option: its name, then each column's heading and value."""
    parts = ['<div class="option-cards">']
    for cells in table:
        if not cells:
            continue
        (_label, name), *facts = cells
        parts.append(f'<details class="option-card"><summary>{name}</summary><dl>')
        parts += [f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in facts if value]
        parts.append("</dl></details>")
    parts.append("</div>")
    return "".join(parts)


def draw(keys, language):
    """{key: the cards of that grid, in `language`} (an embed drawer: rendering.py)."""
    language = language or translation.get_language()
    drawn = {}
    for key in dict.fromkeys(keys):
        grid = published_grid(key)
        if grid is None:
            continue
        with translation.override(language):
            # Its own filters, but no grid's options inside a grid (which could name itself).
            body = contributions.filled(MARKER.sub("", grid.body or ""))
            table = rows(render_markdown(body, language))
        if table:
            drawn[key] = cards(table)
    return drawn
