"""A logging filter that keeps visitors' personal data out of the logs.

Django never logs request bodies, so screener answers and the consultation form
reach the logs only through SQL: with DEBUG on, django.db.backends logs every
statement with its values (a consultation request's name, phone and e-mail).
django.template logs a missing variable at DEBUG with an exception whose text is
the whole template context. The filter keeps only an SQL statement's first word
and its timing, drops the template exception, and blanks out anything that looks
like an e-mail address or a phone number in any message.
"""

import logging
import re

EMAIL = re.compile(r"[^\s@<>\"']+@[^\s@<>\"']+")
PHONE = re.compile(r"\+?(?:[\d\u0660-\u0669\u06f0-\u06f9][\s\-.()]?){7,}")
REDACTED = "[redacted]"


def redact(text):
    return PHONE.sub(REDACTED, EMAIL.sub(REDACTED, text))


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
        except (TypeError, ValueError):
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
