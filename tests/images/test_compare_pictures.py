"""A reviewer sees the picture itself in compare and review, beside its alt text."""

import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from tests.forms import form_data

pytestmark = pytest.mark.django_db


def draft_with_picture(client, editor, article, image, old_image=None):
    client.force_login(editor)
    change = reverse("admin:content_article_change", args=[article.pk])
    data = form_data(client.get(change).content.decode(), "article_form")
    for code in ("ar", "en"):
        data[f"body_{code}"] = data[f"body_{code}"] + f"\n\n![x](image:{image.pk})\n"
    data["_submit"] = "1"
    assert client.post(change, data).status_code == 302
    article.refresh_from_db()
    return article.latest_revision


def pictures(html):
    return re.findall(r'<(ins|del)>(?:[^<]|<br>)*<img class="compare-picture" src="([^"]+)"', html)


@pytest.mark.parametrize("code", ["ar", "en"])
def test_compare_and_review_show_the_added_picture_beside_its_alt_text(
    client, editor, doctor, article, make_image, code
):
    image = make_image(alt_en="A fine needle above the skin.", alt_ar="إبرة دقيقة فوق الجلد.")
    revision = draft_with_picture(client, editor, article, image)
    small = default_storage.url(image.rendition_name(image.rendition_widths()[0]))
    compare = reverse("admin:content_article_compare", args=[article.pk, 0, revision.pk])
    html = client.get(compare).content.decode()
    cell = re.search(rf'<td lang="{code}" dir="[a-z]+">(.*?)</td>', html, re.S).group(1)
    # Drawn as an addition, with the alt text written beside it (the picture's own alt is
    # empty: the words are there already).
    assert ("ins", default_storage.url(image.rendition_name(image.default_width()))) in pictures(
        cell
    )
    assert small in cell and 'sizes="8rem"' in cell and 'alt=""' in cell
    assert getattr(image, f"alt_{code}") in cell
    assert "\u27e6" not in html  # no stand-in word left
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    for url in (review, review + "?view=changes"):
        page = client.get(url).content.decode()
        assert page.count('class="compare-picture"') == 2, url
        assert getattr(image, f"alt_{code}") in page and "\u27e6" not in page


def test_a_picture_swapped_for_another_shows_both(client, editor, make_article, make_image):
    old, new = make_image(), make_image(alt_en="Another picture.", alt_ar="صورة أخرى.")
    article = make_article(body_en=f"Text.\n\n![x](image:{old.pk})")
    client.force_login(editor)
    change = reverse("admin:content_article_change", args=[article.pk])
    data = form_data(client.get(change).content.decode(), "article_form")
    data["body_en"] = f"Text.\n\n![x](image:{new.pk})"
    client.post(change, data)
    article.refresh_from_db()
    compare = reverse(
        "admin:content_article_compare", args=[article.pk, 0, article.latest_revision_id]
    )
    shown = pictures(client.get(compare).content.decode())
    assert [kind for kind, _src in shown] == ["del", "ins"]
    assert old.key in shown[0][1] and new.key in shown[1][1]


def test_a_picture_added_to_a_page_is_shown_in_its_sign_off(
    client, editor, doctor, about_page, make_image
):
    image = make_image()
    client.force_login(editor)
    url = reverse("admin:content_page_change", args=[about_page.pk])
    data = form_data(client.get(url).content.decode(), "page_form")
    data["body_ar"] = about_page.body_ar + f"\n\n![x](image:{image.pk})"
    assert client.post(url, data).status_code == 302
    from editorial.models import ChangeRequest

    change = ChangeRequest.objects.get()
    client.force_login(doctor)
    review = client.get(reverse("admin:editorial_changerequest_change", args=[change.pk]))
    html = review.content.decode()
    assert [kind for kind, _src in pictures(html)] == ["ins"]
    assert image.key in html
    assert "\u27e6" not in html
