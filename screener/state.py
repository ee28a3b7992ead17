"""The visitor's screener answers, kept only in their session.

Nothing here touches the database. The session holds the answers until the
outcome is worked out; then only the outcome's summary is kept, for the outcome
page and (with a second consent) the consultation request, and it is dropped
when the visitor starts again or leaves the screener.
"""

import time

from django.conf import settings

from .questions import ANSWERS, AVOID, CHECK_FIRST, NO_KNOWN_REASON, QUESTION_KEYS, Outcome

SESSION_KEY = "screener"
OUTCOME_KINDS = {AVOID, CHECK_FIRST, NO_KNOWN_REASON}

# Why the saved state could not be used; the views turn these into messages.
OK, DAMAGED, EXPIRED = "ok", "damaged", "expired"


class ScreenerState:
    def __init__(self, session):
        self.session = session
        self.answers = {}
        self.started = None
        self.outcome = None
        # Whether the session held a screener at all. Without one, the views tell a visitor
        # who had begun (see middleware.STARTED_COOKIE) that the answers were lost.
        self.found = session.get(SESSION_KEY) is not None
        self.status = self._load(session.get(SESSION_KEY))
        if self.status != OK:
            self.clear()

    def _load(self, data):
        if data is None:
            return OK
        try:
            answers = data.get("answers", {})
            started = data.get("started")
            outcome = data.get("outcome")
            if not isinstance(answers, dict) or not set(answers) <= set(QUESTION_KEYS):
                return DAMAGED
            if any(value not in ANSWERS for value in answers.values()):
                return DAMAGED
            if started is not None and not isinstance(started, (int, float)):
                return DAMAGED
            if outcome is not None:
                outcome = self._outcome_from(outcome)
        except (AttributeError, TypeError, ValueError):
            return DAMAGED
        if started is not None and time.time() - started > settings.SCREENER_TIMEOUT:
            return EXPIRED
        self.answers, self.started, self.outcome = answers, started, outcome
        return OK

    @staticmethod
    def _outcome_from(data):
        kind = data["kind"]
        yes = tuple(data.get("yes", ()))
        not_sure = tuple(data.get("not_sure", ()))
        if kind not in OUTCOME_KINDS or not set(yes + not_sure) <= set(QUESTION_KEYS):
            raise ValueError("not an outcome")
        return Outcome(kind=kind, yes=yes, not_sure=not_sure)

    def _save(self):
        data = {"answers": self.answers, "started": self.started}
        if self.outcome is not None:
            data["outcome"] = {
                "kind": self.outcome.kind,
                "yes": list(self.outcome.yes),
                "not_sure": list(self.outcome.not_sure),
            }
        self.session[SESSION_KEY] = data

    def first_unanswered(self):
        """The 1-based number of the first question without an answer, or None."""
        for number, key in enumerate(QUESTION_KEYS, start=1):
            if key not in self.answers:
                return number
        return None

    def begin(self):
        """A new, empty set of answers: the visitor has pressed Start."""
        self.answers, self.started, self.outcome = {}, None, None
        self._save()

    def answer(self, key, value):
        """Only before the outcome: the question pages send a visitor with one to it."""
        if self.started is None:
            self.started = time.time()
        self.answers[key] = value
        self._save()

    def finish(self, outcome):
        """Keep the outcome's summary and forget the answers themselves."""
        self.answers, self.started, self.outcome = {}, time.time(), outcome
        self._save()

    def clear(self):
        self.answers, self.started, self.outcome = {}, None, None
        self.session.pop(SESSION_KEY, None)
