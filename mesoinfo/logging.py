"""A logging filter that keeps visitors' personal data out of the logs.

Django never logs request bodies, so screener answers and the consultation form
reach the logs only through SQL: with DEBUG on, django.db.backends logs every
statement with its values (a consultation request's name, phone and e-mail).
django.template logs a missing variable at DEBUG with an exception whose text is
the whole template context. The filter keeps only an SQL statement's first word
and its timing, drops the template exception, and blanks out anything that looks
like an e-mail address or a phone number in every message (mesoinfo/privacy.py),
once it is put together and cut to MAX_MESSAGE characters.
"""

import logging

from mesoinfo.privacy import REDACTED, redact

# Django logs strings a visitor chooses (an 8 KB Host header, a long path): a message is
# cut to this many characters before it is redacted, so a log line costs little CPU.
MAX_MESSAGE = 2000
CUT = " […]"


def cut(message):
    """The message's first MAX_MESSAGE characters, ending at a space when there is one, so
    that no address or number is left half-written and unrecognised."""
    if len(message) <= MAX_MESSAGE:
        return message
    kept = message[:MAX_MESSAGE]
    space = kept.rfind(" ")
    return (kept[:space] if space > 0 else kept) + CUT


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        if record.name.startswith("django.db.backends") and hasattr(record, "sql"):
            verb = str(record.sql or "").split(None, 1)[:1]
            statement = f"{verb[0] if verb else 'SQL'} … ({REDACTED})"
            record.sql = statement
            record.params = None
            record.msg = "(%.3f) %s; alias=%s"
            record.args = (
                getattr(record, "duration", 0.0) or 0.0,
                statement,
                getattr(record, "alias", "default"),
            )
            return True
        if record.name.startswith("django.template") and record.exc_info:
            # A missing template variable is logged at DEBUG with the exception, whose
            # text is the whole template context: the visitor's answers and form data.
            record.exc_info, record.exc_text = None, None
        try:
            message = record.getMessage()
        except (TypeError, ValueError, KeyError):
            # Arguments that do not fit the format: logging would print them as they are.
            message = f"{record.msg} {record.args!r}"
        # The whole message at once: a phone number split across arguments, or logged as
        # a number, is found too.
        record.msg, record.args = redact(cut(message)), ()
        return True
