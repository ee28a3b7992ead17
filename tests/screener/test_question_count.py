"""The number of questions is written once, in screener/questions.py: no template, model
label or Arabic text spells it out."""

import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from screener import questions
from screener.models import ConsultationRequest

SPELLED = re.compile(r"\beight\b|ثمان", re.IGNORECASE)


def test_no_template_spells_out_the_number_of_questions():
    templates = Path(settings.BASE_DIR) / "templates"
    found = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if SPELLED.search(path.read_text())
    ]
    assert found == []


def test_the_outcome_label_names_no_number():
    label = str(ConsultationRequest.ScreenerOutcome.NO_KNOWN_REASON.label)
    assert not SPELLED.search(label) and not re.search(r"\d", label)


def test_the_result_counts_the_questions_in_both_languages(monkeypatch):
    monkeypatch.setattr("screener.templatetags.screener_tags.TOTAL", 9)
    context = {"outcome": {"kind": "no_known_reason"}}
    with translation.override("en"):
        english = render_to_string("screener/includes/outcome_summary.html", context)
    with translation.override("ar"):
        arabic = render_to_string("screener/includes/outcome_summary.html", context)
    assert "Nothing in these 9 questions rules mesotherapy out" in english
    assert "All 9 questions" not in english and "all 9 questions" in english
    assert "لم تُظهر هذه الأسئلة الـ9 سببًا لتجنّب الميزوثيرابي" in arabic
    assert len(questions.QUESTIONS) == questions.TOTAL
