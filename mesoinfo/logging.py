"""A logging filter that keeps visitors' personal data out of the logs.

Django never logs request bodies, so screener answers and the consultation form
reach the logs only through SQL: with DEBUG on, django.db.backends logs every
statement with its values (a consultation request's name, phone and e-mail).
django.template logs a missing variable at DEBUG with an exception whose text is
the whole template context. The filter keeps only an SQL statement's first word
and its timing, drops the template exception, and blanks out anything that looks
like an e-mail address or a phone number in any message. Dates and times (as Python
and ISO 8601 write them) and numbers passed to the logger as numbers (a status code,
a size, a count) are kept: their digits are not a phone number.
"""

import logging
import numbers
import re
from collections.abc import Mapping

EMAIL = re.compile(r"[^\s@<>\"']+@[^\s@<>\"']+")
# \d is any script's decimal digit: 0-9, Arabic-Indic ٠-٩ and Persian ۰-۹. A phone
# number is seven digits or more, maybe after a "+", with spaces, dashes, dots or
# brackets between them: "+966 50-123 4567", "(050) 123 4567", "٠٥٠١٢٣٤٥٦٧".
PHONE = re.compile(r"\+?\(?\d(?:[\s\-.()]{0,2}\d){6,}\)?")
# A date, a time or both, standing alone ("2026-11-24 10:26:30.123456+00:00",
# "2026-11-24T10:26:30Z", "10:26"): not glued to more digits, a "+" or a dash, which
# would make it a piece of something longer, such as a phone number.
_TIME = r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?"
TIMESTAMP = re.compile(
    rf"(?<![\d+\-.])(?:\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]{_TIME})?|{_TIME})(?![\d\-]|[\s.]\d)"
)
REDACTED = "[redacted]"


def redact(text):
    """Blank out e-mail addresses and phone numbers; keep dates, times and short numbers."""
    text = EMAIL.sub(REDACTED, text)
    # Phone numbers are looked for only between the dates and times, which are kept whole.
    pieces, start = [], 0
    for match in TIMESTAMP.finditer(text):
        pieces += [PHONE.sub(REDACTED, text[start : match.start()]), match.group()]
        start = match.end()
    pieces.append(PHONE.sub(REDACTED, text[start:]))
    return "".join(pieces)


class _Redacted:
    """A logging argument that shows itself only with personal data blanked out."""

    def __init__(self, value):
        self.value = value

    def __str__(self):
        return redact(str(self.value))

    def __repr__(self):
        return redact(repr(self.value))


def _safe(value):
    # Numbers stay numbers: "%d" still works, and "200 12345" (a status and a size) is
    # not read as one long phone number once the message is put together.
    if isinstance(value, numbers.Number):
        return value
    if isinstance(value, str):
        return redact(value)
    return _Redacted(value)


def redact_record_message(record):
    """The record's message with its format and every argument redacted separately."""
    args = record.args
    if args:
        if isinstance(args, Mapping):
            safe_args = {key: _safe(value) for key, value in args.items()}
        else:
            safe_args = tuple(_safe(value) for value in args)
        try:
            return redact(str(record.msg)) % safe_args
        except (TypeError, ValueError, KeyError):
            pass
    return redact(record.getMessage())


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
        cleaned = redact_record_message(record)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
