"""What the screener adds to an article's JSON-LD (registered in ScreenerConfig.ready, read
by content/structured_data.py through content/contributions.py)."""

from .questions import QUESTIONS


def contraindications_json_ld(article, data, request):
    """The conditions the screener asks about, as the therapy's contraindications."""
    data["about"]["contraindication"] = [
        {"@type": "MedicalContraindication", "name": str(q.reason)} for q in QUESTIONS
    ]
