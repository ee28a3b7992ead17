"""Design-system components inside Markdown bodies (see templates/includes/components/).

Editors write Python-Markdown admonitions (`!!! urgent "Heading"`, `!!! same-day`,
`!!! non-urgent`, `!!! warning`, `!!! inset`); a tree processor turns them into the
components' markup, wraps tables in a box that scrolls by itself, and `contents()` builds
the "On this page" list from the h2 headings. rendering.py sanitises the result, keeping
only the classes listed here.
"""

import xml.etree.ElementTree as etree
from html import escape

from django.utils.translation import gettext as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

CARE_CARDS = ("urgent", "same-day", "non-urgent")
HEADINGS = ("h2", "h3", "h4")  # the levels rendering.py lets through

# The classes nh3 keeps, per tag: only the components' own (nh3's `allowed_classes`).
ALLOWED_CLASSES = {
    "section": {"care-card", *(f"care-card--{kind}" for kind in CARE_CARDS), "callout-warning"},
    "div": {"care-card__content", "inset-text", "table-wrap"},
    **{tag: {"care-card__heading", "callout-warning__heading", "toc__title"} for tag in HEADINGS},
    "span": {"visually-hidden"},
    "nav": {"toc"},
    "ol": {"toc__list"},
}
ALLOWED_ATTRIBUTES = {
    "td": {"data-label"},  # its column's heading, shown above it when rows stack as cards
    "section": {"aria-labelledby"},
    "nav": {"aria-labelledby"},
    "div": {"role", "tabindex", "aria-label"},
}
# Attribute values a body may carry (anything else is dropped by `attribute_filter`).
FIXED_VALUES = {"role": {"region"}, "tabindex": {"0"}}


def attribute_filter(tag, attribute, value):
    """nh3 callback: `role` and `tabindex` only with the values the components use, and no
    `class` attribute left empty once the classes nobody allowed are gone."""
    if attribute in FIXED_VALUES and value not in FIXED_VALUES[attribute]:
        return None
    if attribute == "class" and not set(value.split()) & ALLOWED_CLASSES.get(tag, set()):
        return None
    return value


def callout_texts(kind):
    """(hidden prefix read before the heading, heading used when the editor gave none)."""
    return {
        "urgent": (_("Urgent advice: "), _("Get help now")),
        "same-day": (_("Same-day advice: "), _("Contact a doctor today")),
        "non-urgent": (_("Non-urgent advice: "), _("Speak to a doctor")),
        "warning": (_("Important: "), _("Important")),
        "inset": (_("Information: "), ""),
    }.get(kind, ("", ""))


def text_of(element):
    return "".join(element.itertext()).strip()


class ComponentsProcessor(Treeprocessor):
    """Admonitions become components; tables get their scrolling box. Runs after `toc`,
    so component headings never enter the "On this page" list."""

    def run(self, root):
        self.count = 0
        self.level = 1  # the page's h1 is the title, above the body
        self.heading = ""
        self.labels = set()
        self.walk(root)

    def walk(self, parent):
        for index, child in enumerate(list(parent)):
            if child.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.level, self.heading = int(child.tag[1]), text_of(child)
            elif child.tag == "div" and "admonition" in (child.get("class") or "").split():
                parent[index] = child = self.component(child)
                outer = self.level, self.heading
                self.walk(child)  # a component's own heading does not name what follows it
                self.level, self.heading = outer
            elif child.tag == "table":
                parent[index] = self.table_box(child)
            else:
                self.walk(child)

    def next_id(self):
        self.count += 1
        return f"component-{self.count}"

    def component(self, div):
        classes = (div.get("class") or "").split()
        kind = next((c for c in classes if c != "admonition"), "inset")
        title = None
        if len(div) and div[0].tag == "p" and div[0].get("class") == "admonition-title":
            title = div[0].text or ""
            div.remove(div[0])
            if title.strip().lower() in (kind, kind.replace("-", " ")):
                title = None  # Python-Markdown's default title, in English: ours instead
        prefix, default = callout_texts(kind)
        if kind == "warning" and not title:
            prefix = ""  # "Important: Important" says it twice
        if kind not in (*CARE_CARDS, "warning"):  # inset text, and any unknown kind
            box = etree.Element("div", {"class": "inset-text"})
            hidden = etree.SubElement(box, "span", {"class": "visually-hidden"})
            hidden.text = prefix
            if title:
                etree.SubElement(etree.SubElement(box, "p"), "strong").text = title
            box.extend(list(div))
            return box
        block = "care-card" if kind in CARE_CARDS else "callout-warning"
        classes = f"care-card care-card--{kind}" if kind in CARE_CARDS else block
        heading_id = self.next_id()
        box = etree.Element("section", {"class": classes, "aria-labelledby": heading_id})
        level = min(max(self.level + 1, 2), 4)
        heading = etree.SubElement(
            box, f"h{level}", {"class": f"{block}__heading", "id": heading_id}
        )
        hidden = etree.SubElement(heading, "span", {"class": "visually-hidden"})
        hidden.text = prefix
        hidden.tail = title or default
        if kind in CARE_CARDS:
            content = etree.SubElement(box, "div", {"class": "care-card__content"})
            content.extend(list(div))
        else:
            box.extend(list(div))
        return box

    def table_box(self, table):
        caption = table.find("caption")
        name = text_of(caption) if caption is not None else self.heading
        label = _("Table: %(name)s") % {"name": name} if name else _("Table")
        number = 2
        unique = label
        while unique in self.labels:  # each region's name tells it apart
            unique, number = f"{label} ({number})", number + 1
        self.labels.add(unique)
        box = etree.Element(
            "div", {"class": "table-wrap", "role": "region", "tabindex": "0", "aria-label": unique}
        )
        label_cells(table)
        box.append(table)
        return box


def label_cells(table):
    """Give every body cell its column's heading (`data-label`), so that on a narrow screen
    or in print each row can stand alone as a card that still says what each value is."""
    head = table.find("thead")
    row = head.find("tr") if head is not None else None
    if row is None:
        return
    headings = [text_of(cell) for cell in row if cell.tag in ("th", "td")]
    for body in table.iter("tbody"):
        for tr in body.iter("tr"):
            cells = [c for c in tr if c.tag in ("th", "td")]
            for heading, cell in zip(headings, cells, strict=False):  # a short row is fine
                if heading and cell.tag == "td":
                    cell.set("data-label", heading)


class ComponentsExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # After `toc` (5) and `attr_list` (8), before inline placeholders are restored (<= 2).
        md.treeprocessors.register(ComponentsProcessor(md), "components", 4)


def contents(toc_tokens, minimum=3):
    """The "On this page" list for a body with at least `minimum` h2 headings, else ""."""
    tokens = [token for token in toc_tokens if token["level"] == 2]
    if len(tokens) < minimum:
        return ""
    items = "".join(
        f'<li><a href="#{escape(token["id"])}">{token["name"]}</a></li>' for token in tokens
    )  # a token's name is already escaped text
    return (
        '<nav class="toc" aria-labelledby="on-this-page">'
        f'<h2 class="toc__title" id="on-this-page">{escape(_("On this page"))}</h2>'
        f'<ol class="toc__list">{items}</ol></nav>'
    )
