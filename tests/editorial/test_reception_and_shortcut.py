"""Reception's request list and the admin's "view on site" shortcut."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from content.models import Article

pytestmark = pytest.mark.django_db


def shortcut(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return f"/admin/r/{content_type.pk}/{obj.pk}/"


def test_view_on_site_never_reveals_a_drafts_address(client, editor, make_article):
    draft = make_article(status=Article.Status.DRAFT, slug_en="secret-draft-slug")
    live = make_article()
    client.force_login(editor)
    response = client.get(shortcut(draft))
    assert response.status_code == 404
    assert "secret-draft-slug" not in response.content.decode()
    assert "secret-draft-slug" not in response.get("Location", "")
    found = client.get(shortcut(live))
    assert found.status_code == 302
    with translation.override("ar"):
        assert found["Location"].endswith(live.get_absolute_url())
    assert client.get("/admin/r/999999/1/").status_code == 404
    article_type = ContentType.objects.get_for_model(live).pk
    assert client.get(f"/admin/r/{article_type}/x/").status_code == 404
    client.logout()
    assert client.get(shortcut(live)).status_code == 302  # to the sign-in page
    assert "/login/" in client.get(shortcut(live))["Location"]


def test_the_long_lists_put_their_filters_above_the_columns(client, admin_user):
    client.force_login(admin_user)
    for url in ("/admin/screener/consultationrequest/", "/admin/content/article/"):
        html = client.get(url).content.decode()
        assert "editorial/changelist.css" in html, url


def request_row(number, status="new"):
    from screener.models import ConsultationRequest

    return ConsultationRequest.objects.create(
        name=f"Patient {number}",
        phone="+966500000000",
        preferred_language="ar",
        preferred_time="any",
        submission_token=f"token-{number}",
        status=status,
    )


@pytest.mark.parametrize(
    "code, expected",
    [("ar", "صار طلبان «حُجز موعد»."), ("en", "2 requests marked “Booked”.")],
)
def test_a_bulk_status_change_says_what_it_did(client, admin_user, code, expected):
    rows = [request_row(n) for n in range(2)]
    client.force_login(admin_user)
    response = client.post(
        "/admin/screener/consultationrequest/",
        {"action": "mark_booked", "_selected_action": [str(r.pk) for r in rows]},
        HTTP_ACCEPT_LANGUAGE=code,
        follow=True,
    )
    assert expected in response.content.decode()


def test_the_dashboard_opens_the_new_requests(client, admin_user):
    request_row(1)
    request_row(2, status="booked")
    client.force_login(admin_user)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "/admin/screener/consultationrequest/?status__exact=new" in html
    listing = client.get("/admin/screener/consultationrequest/?status__exact=new").content
    assert b"Patient 1" in listing and b"Patient 2" not in listing


def test_a_requests_history_names_its_fields_in_arabic(client, admin_user):
    from tests.forms import form_data

    row = request_row(7)
    client.force_login(admin_user)
    url = f"/admin/screener/consultationrequest/{row.pk}/change/"
    data = form_data(client.get(url).content.decode(), "consultationrequest_form")
    data.update(status="booked", notes="اتصلنا بها")
    assert client.post(url, data).status_code == 302
    response = client.get(url.replace("change/", "history/"), HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200, response.get("Location")
    history = response.content.decode()
    assert "الحالة" in history and "ملاحظات الاستقبال" in history
    assert "Status" not in history and "Reception notes" not in history


def test_reception_reads_the_patients_own_words_for_not_sure(client, admin_user):
    row = request_row(8)
    row.screener_reasons = {"not_sure": ["cancer"]}
    row.save()
    client.force_login(admin_user)
    html = client.get(f"/admin/screener/consultationrequest/{row.pk}/change/").content.decode()
    assert "أجاب بـ«لا أدري»" in html


def test_reception_sees_when_a_request_will_be_deleted(client, admin_user, settings):
    from django.utils import timezone
    from django.utils.formats import date_format

    settings.CONSULTATION_RETENTION_DAYS = 180
    row = request_row(9)
    client.force_login(admin_user)
    html = client.get(
        f"/admin/screener/consultationrequest/{row.pk}/change/", HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    from datetime import timedelta

    from django.utils import translation

    with translation.override("ar"):
        when = date_format(timezone.localdate(row.created_at + timedelta(days=180)))
    assert "تاريخ الحذف" in html and f"{when} (يُحفظ 180 يومًا بعد إرساله)" in html
