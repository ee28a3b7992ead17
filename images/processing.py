"""An uploaded picture made safe to keep: refused when too big (bytes or pixels, so a
"decompression bomb" never reaches memory), turned upright by its EXIF orientation, then
re-encoded by Pillow so that no metadata survives (GPS position, camera, date, comments).
Nothing is stored here: the admin saves the result once the whole form is valid."""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, UnidentifiedImageError

MAX_MEGABYTES = 10
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
MAX_MEGAPIXELS = 40  # a 7,700 x 5,200 photo; far more than a page needs
MAX_PIXELS = MAX_MEGAPIXELS * 1_000_000
# Pillow's name of each accepted format, and the extension the cleaned file keeps.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

NOT_A_PICTURE = _(
    "This file is not a picture the site can use. Upload a photo or drawing saved as "
    "JPEG, PNG or WebP."
)


def too_many_bytes():
    return ngettext(
        "The file is larger than %(count)d megabyte. Save the picture smaller and upload it again.",
        "The file is larger than %(count)d megabytes. Save the picture smaller and upload it "
        "again.",
        MAX_MEGABYTES,
    ) % {"count": MAX_MEGABYTES}


def too_many_pixels():
    return ngettext(
        "The picture has more than %(count)d million pixel. Save it at a smaller size and "
        "upload it again.",
        "The picture has more than %(count)d million pixels. Save it at a smaller size and "
        "upload it again.",
        MAX_MEGAPIXELS,
    ) % {"count": MAX_MEGAPIXELS}


def limits_text():
    """The upload field's help: the formats and both limits, each number with its noun."""
    size = ngettext("%(count)d megabyte", "%(count)d megabytes", MAX_MEGABYTES) % {
        "count": MAX_MEGABYTES
    }
    pixels = ngettext("%(count)d million pixel", "%(count)d million pixels", MAX_MEGAPIXELS) % {
        "count": MAX_MEGAPIXELS
    }
    return _(
        "JPEG, PNG or WebP, at most %(size)s and %(pixels)s. The photo's location, camera "
        "and other hidden details are removed when it is saved."
    ) % {"size": size, "pixels": pixels}


@dataclass
class CleanPicture:
    content: ContentFile  # the re-encoded file, without metadata
    extension: str
    width: int
    height: int


def to_srgb(picture):
    """Colours converted to sRGB when the file carries another colour profile, since the
    profile itself is dropped with the rest of the metadata."""
    profile = picture.info.get("icc_profile")
    if not profile or picture.mode not in ("RGB", "RGBA"):
        return picture
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(picture, source, ImageCms.createProfile("sRGB"))
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture


def clean_upload(upload):
    """A CleanPicture from an uploaded file, or ValidationError with a message for staff."""
    if upload.size > MAX_BYTES:
        raise ValidationError(too_many_bytes(), code="too_large")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            picture = PILImage.open(upload)
            # Only the header is read so far: refuse a huge canvas before decoding it.
            if picture.width * picture.height > MAX_PIXELS:
                raise ValidationError(too_many_pixels(), code="too_many_pixels")
            if picture.format not in FORMATS:
                raise ValidationError(NOT_A_PICTURE, code="format")
            extension = FORMATS[picture.format]
            picture.load()
            picture = ImageOps.exif_transpose(picture)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise ValidationError(too_many_pixels(), code="too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(NOT_A_PICTURE, code="invalid") from None
    if picture.mode not in ("RGB", "RGBA", "L", "LA"):
        picture = picture.convert("RGBA" if picture.has_transparency_data else "RGB")
    picture = to_srgb(picture)
    picture.info = {}  # nothing of the upload's metadata is written back
    out = io.BytesIO()
    if extension == "jpg":
        picture.convert("RGB").save(out, "JPEG", quality=90, optimize=True)
    elif extension == "png":
        picture.save(out, "PNG", optimize=True)
    else:
        picture.save(out, "WEBP", quality=90)
    return CleanPicture(ContentFile(out.getvalue()), extension, picture.width, picture.height)
