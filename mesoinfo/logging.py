"""A logging filter that keeps visitors' personal data out of the logs.

Django never logs request bodies, so screener answers and the consultation form
reach the logs only through SQL: with DEBUG on, django.db.backends logs every
statement with its values (a consultation request's name, phone and e-mail).
django.template logs a missing variable at DEBUG with an exception whose text is
the whole template context. The filter keeps only an SQL statement's first word
and its timing, drops the template exception, and blanks out anything that looks
like an e-mail address or a phone number in every message (mesoinfo/privacy.py),
once it is put together and cut to MAX_MESSAGE characters; a traceback likewise, each
line cut and the whole kept to its end.
"""

import logging

from mesoinfo.privacy import REDACTED, redact

# Django logs strings a visitor chooses (an 8 KB Host header, a long path): a message is
# cut to this many characters before it is redacted, so a log line costs little CPU.
MAX_MESSAGE = 2000
CUT = " […]"
# A traceback: each line cut (an exception's text can hold the 8 KB header), the whole
# kept to its last MAX_TRACEBACK characters (where the exception is).
MAX_TRACEBACK_LINE = 500
MAX_TRACEBACK = 8000
FORMATTER = logging.Formatter()


def cut(message):
    """The message's first MAX_MESSAGE characters, ending at a space when there is one, so
    that no address or number is left half-written and unrecognised."""
    if len(message) <= MAX_MESSAGE:
        return message
    kept = message[:MAX_MESSAGE]
    space = kept.rfind(" ")
    return (kept[:space] if space > 0 else kept) + CUT


def cut_traceback(text):
    lines = [
        line if len(line) <= MAX_TRACEBACK_LINE else cut_line(line) for line in text.split("\n")
    ]
    text = "\n".join(lines)
    return text if len(text) <= MAX_TRACEBACK else "[…] " + text[-MAX_TRACEBACK:]


def cut_line(line):
    kept = line[:MAX_TRACEBACK_LINE]
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
        if record.exc_info or record.exc_text:
            # The traceback, written once here, cut and redacted like the message; handlers
            # print exc_text and never format the exception themselves.
            text = record.exc_text or FORMATTER.formatException(record.exc_info)
            record.exc_text, record.exc_info = redact(cut_traceback(text)), None
        if record.stack_info:
            record.stack_info = redact(cut_traceback(record.stack_info))
        return True
