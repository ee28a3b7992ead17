"""Django's admin strings whose Arabic the project corrects (staff/catalogue.py), one test
per string, and the admin's counters with Arabic's counted-noun forms (staff/counts.py)."""

import json

import pytest
from django.contrib.admin.views.main import ChangeList  # noqa: F401 - the admin is loaded
from django.utils import translation
from django.utils.translation import gettext, ngettext

from content.models import Article
from screener.models import ConsultationRequest
from staff.counts import count_of

pytestmark = pytest.mark.django_db

OVERRIDES = [
    ("Select %s to change", "مقالة", "تعديل مقالة: اختر من القائمة"),
    ("Select %s to view", "مصدر", "عرض مصدر: اختر من القائمة"),
    ("Add %(name)s", {"name": "مرادف للبحث"}, "إضافة مرادف للبحث"),
    ("Add another %(model)s", {"model": "القسم"}, "إضافة القسم"),
    ("Change selected %(model)s", {"model": "القسم"}, "تعديل ما اخترته (القسم)"),
    ("Delete selected %(model)s", {"model": "القسم"}, "حذف ما اخترته (القسم)"),
    ("View selected %(model)s", {"model": "القسم"}, "عرض ما اخترته (القسم)"),
    (
        "Delete selected %(verbose_name_plural)s",
        {"verbose_name_plural": "المستخدمون"},
        "حذف المحدَّد (المستخدمون)",
    ),
    ("No, take me back", None, "لا، تراجع"),
    ("Welcome,", None, "أهلًا،"),
    ("Filter", None, "تصفية"),
    (" By %(filter_title)s ", {"filter_title": "نشط"}, " نشط "),
    ("Changed:", None, "عُدِّل:"),
    ("Log in", None, "تسجيل الدخول"),
    ("access failure", None, "سجل محاولة دخول فاشلة"),
    ("IP Address", None, "عنوان الجهاز على الشبكة"),
    (
        "After you’ve created a user, you’ll be able to edit more user options.",
        None,
        "بعد إضافة المستخدم يمكنك تعديل مزيد من إعداداته.",
    ),
]


@pytest.mark.parametrize(("msgid", "values", "arabic"), OVERRIDES)
def test_each_corrected_admin_string(msgid, values, arabic):
    with translation.override("ar"):
        text = gettext(msgid)
        assert (text % values if values is not None else text) == arabic


def test_the_multiple_choice_help_names_the_keys_as_the_keyboard_prints_them():
    with translation.override("ar"):
        text = gettext("Hold down “Control”, or “Command” on a Mac, to select more than one.")
    assert "مفتاح Ctrl" in text and "Command في ماك" in text and "Control" not in text


@pytest.mark.parametrize(
    ("count", "arabic"),
    [
        (0, "يجب أن تتكوّن كلمة المرور من 0 حرف على الأقل."),
        (2, "يجب أن تتكوّن كلمة المرور من حرفين على الأقل."),
        (8, "يجب أن تتكوّن كلمة المرور من 8 أحرف على الأقل."),
        (12, "يجب أن تتكوّن كلمة المرور من 12 حرفًا على الأقل."),
    ],
)
def test_password_length_counts_its_letters(count, arabic):
    with translation.override("ar"):
        text = ngettext(
            "Your password must contain at least %(min_length)d character.",
            "Your password must contain at least %(min_length)d characters.",
            count,
        )
    assert text % {"min_length": count} == arabic


@pytest.mark.parametrize(
    ("model", "count", "arabic"),
    [
        (Article, 0, "لا توجد مقالات"),
        (Article, 1, "مقالة واحدة"),
        (Article, 2, "مقالتان"),
        (Article, 3, "3 مقالات"),
        (Article, 18, "18 مقالة"),
        (Article, 100, "100 مقالة"),
        (ConsultationRequest, 2, "طلبا استشارة"),
        (ConsultationRequest, 11, "11 طلبَ استشارة"),
    ],
)
def test_counters_use_the_counted_noun(model, count, arabic):
    with translation.override("ar"):
        assert count_of(model._meta, count) == arabic
    with translation.override("en"):
        assert count_of(model._meta, 2).startswith("2 ")


def test_every_admin_list_shows_its_count_in_arabic(admin_client, make_article):
    make_article()
    make_article()
    html = admin_client.get("/admin/content/article/").content.decode()
    assert "مقالتان" in html and "2 المقالات" not in html
    assert "تعديل مقالة: اختر من القائمة" in html


def test_the_javascript_counters_are_arabic(admin_client):
    catalogue = admin_client.get("/admin/jsi18n/").content.decode()
    assert json.dumps("لم يُحدَّد شيء من %(cnt)s") in catalogue
    assert json.dumps("لا شي محدد") not in catalogue
    assert json.dumps("ملاحظة: توقيتك متأخر ساعتين عن توقيت الخادم.") in catalogue


def test_the_about_page_editor_explains_each_placeholder_in_arabic(admin_client, about_page):
    html = admin_client.get(f"/admin/content/page/{about_page.pk}/change/").content.decode()
    for token, meaning in [
        ("{clinic_name}", "اسم العيادة، من بيانات العيادة."),
        ("{retention_days}", "عدد الأيام التي يُحتفظ فيها بطلب الاستشارة قبل حذفه."),
        ("{axes_days}", "سجلات الدخول إلى لوحة الإدارة"),
    ]:
        assert f'<code dir="ltr">{token}</code>' in html and meaning in html


def test_sections_are_named_for_staff(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "المحتوى" in html and "الاستشارات" in html
    breadcrumbs = admin_client.get("/admin/content/article/").content.decode()
    assert "المقالات › المقالات" not in breadcrumbs.replace("&rsaquo;", "›")


def test_history_pages_count_their_entries_in_arabic(admin_client, about_page):
    about_page.title_ar = "عن هذا الموقع"
    about_page.save()
    html = admin_client.get(f"/admin/content/page/{about_page.pk}/history/").content.decode()
    count = about_page.history.count()
    expected = {1: "قيد واحد في السجل", 2: "قيدان في السجل"}.get(count, f"{count} قيود في السجل")
    assert expected in html, count
    assert "الإدخالات" not in html


def test_a_history_entry_names_the_changed_fields_in_arabic(client, django_user_model):
    from django.contrib.auth.models import Group

    desk = django_user_model.objects.create_user(
        username="desk", password="a-long-test-password-42", is_staff=True
    )
    desk.groups.add(Group.objects.get(name="Reception"))
    request = ConsultationRequest.objects.create(
        name="سارة", phone="+966112345678", preferred_language="ar", consent_to_contact=True
    )
    client.force_login(desk)
    change = f"/admin/screener/consultationrequest/{request.pk}/change/"
    form = client.get(change).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update({"status": "booked", "reception_notes": "اتصلنا بها."})
    response = client.post(change, {**data, "_save": "1"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    html = client.get(f"/admin/screener/consultationrequest/{request.pk}/history/")
    text = html.content.decode()
    assert "Status" not in text and "Reception notes" not in text
    assert "الحالة" in text and "قيد واحد في السجل" in text


def test_none_is_nothing_except_where_no_person_made_the_change():
    from django.utils.translation import pgettext

    with translation.override("ar"):
        assert gettext("None") == "لا شيء"
        assert pgettext("no user made the change", "None") == "لا أحد"


def test_an_english_time_at_the_end_of_a_sentence_has_one_full_stop(client, editor, article):
    """A lock notice, a conflict message or a log line ends with the time and a full stop:
    Django's own English ("10:06 p.m.") made that "10:06 p.m.."."""
    import datetime as dt

    from django.utils import timezone

    from editorial.notifications import local_time

    evening = timezone.make_aware(dt.datetime(2026, 12, 7, 22, 6))
    with translation.override("en"):
        assert local_time(evening) == "Dec. 7, 2026, 10:06 PM"
    with translation.override("ar"):
        assert local_time(evening) == "7 ديسمبر 2026، 10:06 م"
