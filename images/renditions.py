"""Renditions: each picture in WebP at a few widths (models.WIDTHS), stored under
MEDIA_ROOT/images/renditions/ beside the original. Made at upload, and again on first use
for any that are missing (a restored backup, a width added later)."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

QUALITY = 80


def make(image, only_missing=False):
    """Write the renditions of `image` (a models.Image); return their names."""
    widths = image.rendition_widths()
    if only_missing:
        widths = [w for w in widths if not default_storage.exists(image.rendition_name(w))]
        if not widths:
            return []
    with default_storage.open(image.file.name, "rb") as source:
        picture = PILImage.open(source)
        picture.load()
    if picture.mode not in ("RGB", "RGBA"):
        picture = picture.convert("RGBA" if picture.has_transparency_data else "RGB")
    names = []
    for width in widths:
        size = (width, image.rendition_height(width))
        copy = picture if size == picture.size else picture.resize(size, PILImage.LANCZOS)
        out = io.BytesIO()
        copy.save(out, "WEBP", quality=QUALITY, method=4)
        name = image.rendition_name(width)
        default_storage.delete(name)  # the same name again, not a renamed copy
        names.append(default_storage.save(name, ContentFile(out.getvalue())))
    return names


def delete(image):
    """Remove the files of `image`: its renditions and its original."""
    for width in image.rendition_widths():
        default_storage.delete(image.rendition_name(width))
    if image.file:
        default_storage.delete(image.file.name)
