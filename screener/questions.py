"""The screener's questions and the one rule that turns answers into an outcome.

Both are declarative tables: the eight documented contraindications, in the
content brief's order, and RULES, read from top to bottom, where the first row
whose answer was given to any question decides the outcome.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

YES = "yes"
NO = "no"
NOT_SURE = "not_sure"

ANSWER_CHOICES = [
    (YES, pgettext_lazy("screener answer", "Yes")),
    (NO, pgettext_lazy("screener answer", "No")),
    (NOT_SURE, _("I'm not sure")),
]
ANSWERS = tuple(value for value, _label in ANSWER_CHOICES)
# What the answer form sends and the state cookie keeps: one letter each, so that neither
# a request's length nor the cookie's tells the answer.
ANSWER_CODES = {YES: "y", NO: "n", NOT_SURE: "u"}


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str
    reason: str  # the condition named on the outcome page


QUESTIONS = (
    Question(
        "pregnancy",
        _("Are you pregnant, trying to become pregnant, or breastfeeding?"),
        _(
            "Some substances injected into the scalp, such as finasteride and dutasteride, "
            "are known to harm an unborn baby. For most others, nobody knows whether they "
            "are safe in pregnancy or while breastfeeding. If this does not apply to you, "
            "answer No."
        ),
        _("Pregnancy or breastfeeding"),
    ),
    Question(
        "insulin_diabetes",
        _("Do you have diabetes that is treated with insulin?"),
        _(
            "What matters most is how well your blood sugar is controlled, not only insulin: "
            "high sugar slows healing and raises the risk of infection where the skin is "
            "pierced. Answer Yes if you inject insulin or use an insulin pump. If you take "
            "tablets and your sugar is often high, answer I'm not sure, and tell the doctor."
        ),
        _("Diabetes treated with insulin"),
    ),
    Question(
        "cancer",
        _("Have you ever had cancer?"),
        _(
            "We ask about your own history of cancer, even if it was treated or happened "
            "long ago, because some injected substances have not been tested in people who "
            "have had cancer."
        ),
        _("A personal history of cancer"),
    ),
    Question(
        "clots_blood_disorder",
        _("Have you ever had a blood clot, or do you have a blood disorder?"),
        _(
            "These are two different things. A past clot, in a leg vein or in the lung, "
            "can mean the blood clots too easily; the risk comes mostly from the blood "
            "thinner you may take for it. A bleeding disorder, such as haemophilia, means the "
            "blood clots too little, so you may bleed or bruise a lot."
        ),
        _("A history of blood clots or a blood disorder"),
    ),
    Question(
        "blood_thinners",
        _("Do you take a medicine that thins the blood?"),
        _(
            "For example warfarin (Marevan, Coumadin), apixaban (Eliquis), rivaroxaban "
            "(Xarelto), dabigatran (Pradaxa), clopidogrel (Plavix), or aspirin taken every "
            "day. These raise the risk of bleeding and bruising. Never stop one without "
            "asking the doctor who prescribed it."
        ),
        _("Taking blood-thinning medicines"),
    ),
    Question(
        "heart_medicines",
        _("Do you take any medicine for your heart or blood pressure?"),
        _(
            "For example beta blockers such as bisoprolol, ACE inhibitors for blood "
            "pressure such as ramipril or lisinopril, digoxin, or amiodarone. Beta blockers "
            "and ACE inhibitors can make a severe allergic reaction worse, and beta blockers "
            "can make it harder to treat; other heart medicines tell the doctor about a "
            "heart condition. If unsure, check the box or leaflet of each medicine."
        ),
        _("Taking certain heart medicines"),
    ),
    Question(
        "heart_disease",
        _("Have you ever had heart disease?"),
        _(
            "For example a heart attack, angina, heart failure, a heart valve problem or an "
            "irregular heartbeat."
        ),
        _("A history of heart disease"),
    ),
    Question(
        "stroke",
        _("Have you ever had a stroke?"),
        _(
            "This includes a mini-stroke (a transient ischaemic attack, or TIA): weakness, "
            "numbness or trouble speaking that went away within hours."
        ),
        _("A history of stroke"),
    ),
)
QUESTION_KEYS = tuple(question.key for question in QUESTIONS)
TOTAL = len(QUESTIONS)

AVOID = "avoid"
CHECK_FIRST = "check_first"
NO_KNOWN_REASON = "no_known_reason"

# (answer that triggers the outcome, outcome); None matches any set of answers.
RULES = (
    (YES, AVOID),
    (NOT_SURE, CHECK_FIRST),
    (None, NO_KNOWN_REASON),
)


@dataclass(frozen=True)
class Outcome:
    kind: str
    yes: tuple = field(default=())  # keys answered Yes, in question order
    not_sure: tuple = field(default=())  # keys answered "I'm not sure", in question order


def question(number):
    """The question at 1-based position `number`."""
    return QUESTIONS[number - 1]


def is_complete(answers):
    return all(answers.get(key) in ANSWERS for key in QUESTION_KEYS)


def decide(answers):
    """The outcome for a complete set of answers ({key: answer})."""
    if not is_complete(answers):
        raise ValueError("Every question needs an answer before an outcome.")
    given = {answers[key] for key in QUESTION_KEYS}
    kind = next(outcome for trigger, outcome in RULES if trigger is None or trigger in given)
    return Outcome(
        kind=kind,
        yes=tuple(key for key in QUESTION_KEYS if answers[key] == YES),
        not_sure=tuple(key for key in QUESTION_KEYS if answers[key] == NOT_SURE),
    )
