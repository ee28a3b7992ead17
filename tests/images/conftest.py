import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from images.models import Image


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test's uploads in a folder of its own, served by Django."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SERVE_MEDIA = True
    return settings.MEDIA_ROOT


def photo_bytes(size=(1600, 1000), fmt="JPEG", exif=None, colour=(200, 120, 90)):
    picture = PILImage.new("RGB", size, colour)
    out = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    picture.save(out, fmt, **kwargs)
    return out.getvalue()


def upload(name="photo.jpg", data=None, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data if data is not None else photo_bytes(), content_type)


@pytest.fixture
def image_form():
    """What the admin's "Add image" form sends for a complete picture of no patient."""
    return {
        "title": "Needle and skin",
        "alt_ar": "إبرة دقيقة فوق الجلد.",
        "alt_en": "A fine needle above the skin.",
        "caption_ar": "",
        "caption_en": "",
    }


@pytest.fixture
def make_image(db, admin_user):
    """A picture as the admin stores it, through the same upload path."""
    from images import processing, renditions

    def make(**fields):
        picture = processing.clean_upload(upload())
        image = Image(
            title=fields.pop("title", "A picture"),
            alt_ar=fields.pop("alt_ar", "صورة إبرة فوق الجلد."),
            alt_en=fields.pop("alt_en", "A needle above the skin."),
            width=picture.width,
            height=picture.height,
            **fields,
        )
        image.file.save(f"upload.{picture.extension}", picture.content, save=False)
        image.save()
        renditions.make(image)
        return image

    return make
