"""The visitor's screener state, kept only in their browser in an encrypted cookie that
screener.middleware writes back; never in the database or the session.

It holds the answers (for at most SCREENER_TIMEOUT seconds) and what the consultation form
needs between requests: when it was opened, a refused draft, whether a request was sent."""

import secrets
import time

from django.conf import settings

from . import cookie
from .questions import ANSWER_CODES, QUESTION_KEYS, decide, is_complete

# Why the saved state could not be used; the views turn these into messages.
OK, DAMAGED, EXPIRED, LOST = "ok", "damaged", "expired", "lost"

# Answers travel as one letter per question in QUESTION_KEYS order ("-" for none yet),
# so the cookie is the same length whatever the answers are.
LETTERS = ANSWER_CODES
FROM_LETTER = {letter: answer for answer, letter in LETTERS.items()}
UNANSWERED = "-"
HOUR = 60 * 60
# A refused form's fields, kept for the one GET that shows it again, must fit in a cookie
# (browsers keep at most about 4 KB): longer text is cut there, and the form's errors are
# kept as they were given, so a cut field still shows why it was refused.
DRAFT_BUDGET = 2400


def encode_answers(answers):
    return "".join(LETTERS.get(answers.get(key), UNANSWERED) for key in QUESTION_KEYS)


def decode_answers(text):
    if not isinstance(text, str) or len(text) != len(QUESTION_KEYS):
        raise ValueError("not a set of answers")
    if not set(text) <= set(FROM_LETTER) | {UNANSWERED}:
        raise ValueError("not a set of answers")
    return {
        key: FROM_LETTER[c] for key, c in zip(QUESTION_KEYS, text, strict=True) if c in FROM_LETTER
    }


def new_reference():
    """A short reference a visitor can read out on the phone: 8 letters and digits."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
    return "".join(secrets.choice(alphabet) for _ in range(8))


class ScreenerState:
    """One visitor's screener, read from the request's cookie; `changed` once it must be
    written back (screener.middleware does that)."""

    def __init__(self, request):
        self.changed = False
        self._reset_answers()
        self.sent_reference, self.sent_at, self.send_times = "", None, []
        self.sent_summary = {}
        self.form_opened_at, self.draft = None, None
        raw = request.COOKIES.get(cookie.cookie_name())
        self.found = bool(raw)
        self.status = OK
        if self.found:
            try:
                self.status = self._load(cookie.unseal(raw))
            except cookie.Unreadable:
                self.status = LOST
            if self.status != OK:
                self._reset_answers()
                self.changed = True

    def _reset_answers(self):
        self.answers, self.started, self.finished = {}, None, False

    def _load(self, data):
        now = int(time.time())
        try:
            answers = decode_answers(data.get("a", UNANSWERED * len(QUESTION_KEYS)))
            started, finished = data.get("t"), bool(data.get("f"))
            if started is not None and not isinstance(started, (int, float)):
                return DAMAGED
            if finished and not is_complete(answers):
                return DAMAGED
            self.sent_reference = str(data.get("s") or "")
            self.sent_at = data.get("sa")
            summary = data.get("ss") or {}
            self.sent_summary = summary if isinstance(summary, dict) else {}
            self.send_times = [int(t) for t in data.get("n", []) if now - int(t) < HOUR]
            self.form_opened_at = data.get("o")
            draft = data.get("d")
            self.draft = draft if isinstance(draft, dict) else None
        except (AttributeError, TypeError, ValueError):
            return DAMAGED
        if self.sent_at is not None and now - float(self.sent_at) > settings.SCREENER_TIMEOUT:
            self.sent_reference, self.sent_at = "", None
            self.changed = True
        if started is not None and now - started > settings.SCREENER_TIMEOUT:
            return EXPIRED if answers else OK
        self.answers, self.started, self.finished = answers, started, finished
        return OK

    def as_dict(self):
        data = {"a": encode_answers(self.answers), "t": self.started, "f": self.finished}
        if self.sent_reference:
            data |= {"s": self.sent_reference, "sa": self.sent_at, "ss": self.sent_summary}
        if self.send_times:
            data["n"] = self.send_times
        if self.form_opened_at is not None:
            data["o"] = self.form_opened_at
        if self.draft is not None:
            data["d"] = self.draft
        return data

    def is_empty(self):
        return (
            not (self.answers or self.sent_reference or self.send_times or self.form_opened_at)
            and self.draft is None
        )

    def _touch(self):
        self.changed = True

    # --- The questions and the result ------------------------------------------------

    @property
    def outcome(self):
        """The outcome, once the visitor has asked for it; worked out from the answers, so a
        changed answer changes it."""
        if self.finished and is_complete(self.answers):
            return decide(self.answers)
        return None

    def first_unanswered(self):
        """The 1-based number of the first question without an answer, or None."""
        for number, key in enumerate(QUESTION_KEYS, start=1):
            if key not in self.answers:
                return number
        return None

    def begin(self):
        """A new, empty set of answers: the visitor has pressed Start (a new journey, so a
        consultation request may be sent again)."""
        self._reset_answers()
        self.sent_reference, self.sent_at, self.draft = "", None, None
        self._touch()

    def answer(self, key, value):
        if self.started is None:
            self.started = int(time.time())
        self.answers[key] = value
        self._touch()

    def finish(self):
        self.finished = True
        self._touch()

    def clear(self):
        """Start again: forget the answers, the result and any draft."""
        self._reset_answers()
        self.draft = None
        self._touch()

    def leave(self):
        """The visitor opened a page outside the screener: forget everything about health."""
        if self.answers or self.finished or self.draft is not None:
            self.clear()

    # --- Post/Redirect/Get: a refused form comes back through one GET ------------------

    def keep_draft(self, form_name, data, errors=None, **extra):
        """A refused form's fields and errors, shown once by the next GET of that form."""
        fields = {
            name: value
            for name, value in data.items()
            if name != "csrfmiddlewaretoken" and isinstance(value, str)
        }
        errors = {name: [str(e) for e in messages] for name, messages in (errors or {}).items()}
        draft = {"form": form_name, "data": fields, "errors": errors, "at": int(time.time())}
        while len(cookie.payload_of(draft)) > DRAFT_BUDGET and any(fields.values()):
            longest = max(fields, key=lambda name: len(fields[name]))
            fields[longest] = fields[longest][: len(fields[longest]) * 2 // 3]
        if len(cookie.payload_of(draft)) > DRAFT_BUDGET:  # errors alone too long: say less
            draft["errors"] = {name: messages[:1] for name, messages in errors.items()}
        self.draft = draft | extra
        self._touch()

    def take_draft(self, form_name):
        draft, self.draft = self.draft, None
        if draft is not None:
            self._touch()
        return draft if draft and draft.get("form") == form_name else None

    # --- The consultation request -------------------------------------------------------

    def opened_form(self):
        """When the visitor first opened the consultation form (now, the first time)."""
        if self.form_opened_at is None or int(time.time()) - self.form_opened_at > HOUR:
            self.form_opened_at = int(time.time())
            self._touch()
        return self.form_opened_at

    def sends_in_the_last_hour(self):
        return len(self.send_times)

    def mark_sent(self, reference, preferred_time, attached):
        """A request was stored: forget the answers; remember that it went, its reference,
        the time to call and whether the result went with it (for the confirmation)."""
        self._reset_answers()
        now = int(time.time())
        self.sent_reference, self.sent_at = reference, now
        self.sent_summary = {"time": preferred_time, "attached": bool(attached)}
        self.send_times = [*self.send_times, now]
        self.form_opened_at, self.draft = None, None
        self._touch()

    @property
    def already_sent(self):
        return bool(self.sent_reference)

    def allow_another(self):
        """The visitor chose to send a new request: the earlier one no longer blocks it."""
        self.sent_reference, self.sent_at, self.sent_summary = "", None, {}
        self._touch()


def screener_state(request):
    """The request's ScreenerState, read once per request."""
    state = getattr(request, "_screener_state", None)
    if state is None:
        state = request._screener_state = ScreenerState(request)
    return state
