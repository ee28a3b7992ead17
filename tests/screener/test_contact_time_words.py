"""The consultation form's contact times read the way patients say times: no 24-hour
clock, and no weekend days named (the clinic knows its own working week)."""

import html
import re

import pytest
from django.utils import translation

from screener.models import ConsultationRequest

from .helpers import url


def labels(code):
    with translation.override(code):
        return [str(label) for _, label in ConsultationRequest.ContactTime.choices]


def test_no_24_hour_clock_and_no_weekday_names_in_either_language():
    days = ("Sunday", "Thursday", "Friday", "Saturday", "الأحد", "الخميس", "الجمعة", "السبت")
    for code in ("en", "ar"):
        for label in labels(code):
            assert not re.search(r"\d:\d\d", label), (code, label)
            assert not any(day in label for day in days), (code, label)


def test_arabic_times_say_noon_afternoon_and_evening():
    ar = labels("ar")
    assert "أي يوم، بعد الظهر (من 12 ظهرًا إلى 5 عصرًا)" in ar
    assert "أي يوم، مساءً (من 5 إلى 8 مساءً)" in ar
    assert "أيام العمل، في أي وقت" in ar and "عطلة نهاية الأسبوع في بلد العيادة" in ar
    assert "Working days, any time" in labels("en") and "At the weekend" in labels("en")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "days, arabic, english",
    [
        (3, "بعد 3 أيام.", "after 3 days."),
        (2, "بعد يومين.", "after 2 days."),
        (30, "بعد 30 يومًا.", "after 30 days."),
    ],
)
def test_the_form_counts_the_days_details_are_kept_in_the_plural_the_number_needs(
    client, settings, days, arabic, english
):
    settings.CONSULTATION_RETENTION_DAYS = days
    assert arabic in html.unescape(client.get(url("consultation", "ar")).content.decode())
    assert english in html.unescape(client.get(url("consultation", "en")).content.decode())


@pytest.mark.django_db
def test_the_start_page_counts_its_questions_through_the_plural_forms(client):
    from screener.questions import TOTAL

    arabic = html.unescape(client.get(url("start", "ar")).content.decode())
    english = html.unescape(client.get(url("start", "en")).content.decode())
    assert f"Answer {TOTAL} short questions about your health" in english
    words = {3: "أسئلة قصيرة", 4: "سؤالًا قصيرًا"}
    form = 3 if 3 <= TOTAL % 100 <= 10 else 4
    assert f"أجب عن {TOTAL} {words[form]} عن صحتك" in arabic
