"""A library picture in an article body, `![…](image:<id>)`: a figure with its WebP
renditions in srcset, explicit width and height (no layout shift), lazy loading, and the
alt text and caption in the page's language. A picture that may not be shown (a patient's
without recorded consent, a deleted one) is left out."""

from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.html import format_html

from . import renditions
from .models import Image

# The article column is 42rem wide at most (static/css/site.css, .article-body).
SIZES = "(min-width: 44rem) 42rem, 100vw"


def figure(image, language):
    renditions.make(image, only_missing=True)
    url = default_storage.url
    default = image.default_width()
    srcset = ", ".join(f"{url(image.rendition_name(w))} {w}w" for w in image.rendition_widths())
    with translation.override(language):
        alt, caption = image.alt, image.caption
    return format_html(
        '<figure class="article-figure"><img src="{}" srcset="{}" sizes="{}" width="{}" '
        'height="{}" loading="lazy" decoding="async" alt="{}">{}</figure>',
        url(image.rendition_name(default)),
        srcset,
        SIZES,
        default,
        image.rendition_height(default),
        alt,
        format_html("<figcaption>{}</figcaption>", caption) if caption else "",
    )


def figures(keys, language):
    """The figures for the image ids `keys` (strings) that may be shown, by key; with
    language None, their alt text and caption as a paragraph (text-only uses)."""
    ids = {int(key) for key in keys if key.isdigit()}
    images = Image.objects.in_bulk(ids)
    return {
        str(pk): figure(image, language) if language else in_words(image)
        for pk, image in images.items()
        if image.usable
    }


def in_words(image):
    return format_html("<p>{}</p>", " ".join(filter(None, [image.alt, image.caption])))
