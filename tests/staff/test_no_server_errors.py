"""Whatever a staff member's address or form holds, the admin answers with a page, never a
server error: record numbers with letters, years past any calendar, rows that are no
number, Markdown nested too deep to render."""

import itertools

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db

PREVIEW = "/admin/body-preview/"
HUGE = "99999999999999999999"
BAD_IDS = ["abc", "1x", HUGE, "-1", "%00", "١٢"]
BAD_FILTERS = [
    f"created_at__year={HUGE}",
    f"published_at__year={HUGE}",
    f"updated_at__year={HUGE}",
    f"created_at__year=2020&created_at__month={HUGE}",
    f"created_at__year=2020&created_at__month=1&created_at__day={HUGE}",
    "created_at__year=abc",
    f"id__exact={HUGE}",
    "p=abc",
    f"p={HUGE}",
    "o=abc.999",
    "q=" + "ع" * 3000,
]


def admin_pages():
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        try:
            changelist = reverse(f"{info}_changelist")
        except NoReverseMatch:
            continue
        yield from (f"{changelist}?{query}" for query in BAD_FILTERS)
        for bad, page in itertools.product(BAD_IDS, ["change/", "history/", "delete/"]):
            yield f"{changelist}{bad}/{page}"


def test_an_admin_fuzz_of_bad_ids_and_filters_gives_no_server_error(admin_client, article):
    admin_client.raise_request_exception = False
    errors = []
    for address in admin_pages():
        status = admin_client.get(address).status_code
        if status >= 500:
            errors.append((status, address))
    assert errors == []


def test_a_history_page_with_letters_for_a_number_answers_400_in_arabic(admin_client, article):
    admin_client.raise_request_exception = False
    response = admin_client.get(
        reverse("admin:content_article_changelist") + "abc/history/", HTTP_ACCEPT_LANGUAGE="ar"
    )
    assert response.status_code == 400


@pytest.mark.parametrize("selected", ["abc", HUGE])
def test_exporting_a_row_that_is_no_number_answers_400(admin_client, selected):
    admin_client.raise_request_exception = False
    response = admin_client.post(
        reverse("admin:screener_consultationrequest_changelist"),
        {"action": "export_csv", "_selected_action": [selected]},
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "text", ["[" * 20000, "1. " * 5000, "[a](" * 5000, "> " * 20000, "x" * 60_000]
)
def test_the_body_preview_refuses_what_it_cannot_render_quickly(admin_client, text):
    response = admin_client.post(PREVIEW, {"text": text, "language": "ar"})
    assert response.status_code == 400
    assert response.json()["error"]


def test_the_body_preview_still_renders_an_ordinary_article(admin_client):
    text = (
        "## عنوان\n\n"
        + "جملة فيها [رابط](https://example.org) وقائمة.\n\n- بند\n  - بند داخلي\n" * 40
    )
    response = admin_client.post(PREVIEW, {"text": text, "language": "ar"})
    assert response.status_code == 200
    assert "<li>" in response.json()["html"]


@pytest.mark.parametrize("title", ["First line\nsecond line", "Tab\there", "Bell\x07", "\r"])
def test_a_title_with_a_line_break_or_control_character_is_refused(article, title):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    article.title_en = title
    with translation.override("ar"), pytest.raises(ValidationError) as refused:
        article.full_clean()
    assert "اكتب العنوان في سطر واحد" in str(refused.value.message_dict["title_en"])


def test_an_ordinary_arabic_title_with_direction_marks_is_accepted(article):
    article.title_ar = "الميزوثيرابي\u200f: ما هي؟"
    article.full_clean()
