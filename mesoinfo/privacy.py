"""The site's one detector of personal data: e-mail addresses and phone numbers in text.

The feedback form refuses a comment it finds them in (content/forms.py) and the logs have
them blanked out (mesoinfo/logging.py). Visitors choose much of the text this reads (a
Host header, a path), so every pattern has bounded repetitions and costs time linear in
the text: an unbounded one backtracks quadratically over a long run of letters.
"""

import re

# An address's local part is at most 64 characters, a domain name at most 255 (RFC 5321).
EMAIL = re.compile(r"[^\s@<>\"']{1,64}@[^\s@<>\"']{1,255}")
# \d is any script's decimal digit: 0-9, Arabic-Indic ٠-٩ and Persian ۰-۹. A phone
# number is seven digits or more, maybe after a "+", with spaces, dashes, dots, slashes
# or brackets between them: "+966 50-123 4567", "(050) 123 4567", "050/123/4567",
# "٠٥٠١٢٣٤٥٦٧". This finds the candidates (at most 32 digits each; E.164 allows 15);
# looks_like_a_phone_number decides.
PHONE = re.compile(r"\+?\(?\d(?:[\s\-./()]{0,2}\d){0,31}\)?")
DIGITS = re.compile(r"\d{1,32}")
SEPARATOR_BUT_SPACE = re.compile(r"[\-./()]")
# A date, a time, both, or a span of years, standing alone: "2026-11-24 10:26:30.123+00:00",
# "2026-11-24T10:26:30Z", "2026.10.01", "25/11/2026", "10:26", "2019-2026". Not glued to
# more digits, a "+", a dash, a dot or a slash, which would make it a piece of something
# longer, such as a phone number.
_TIME = r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?"
_DATE = (
    r"(?P<year>\d{4})(?P<s1>[-./])(?P<month>\d{1,2})(?P=s1)(?P<day>\d{1,2})"
    r"|(?P<day_or_month>\d{1,2})(?P<s2>[-./])(?P<month_or_day>\d{1,2})(?P=s2)\d{4}"
)
_YEARS = r"(?P<first_year>\d{4})[-–](?P<last_year>\d{4})"
DATE_OR_TIME = re.compile(
    rf"(?<![\d+\-./])(?:(?:{_DATE})(?:[T ]{_TIME})?|{_TIME}|{_YEARS})(?![\d\-/]|[\s./]\d)"
)
REDACTED = "[redacted]"


def _is_date_or_time(match):
    # int() reads a digit of any script, as \d finds it.
    if match["year"]:
        return 1 <= int(match["month"]) <= 12 and 1 <= int(match["day"]) <= 31
    if match["day_or_month"]:  # 25/11/2026 or, written the American way, 11/25/2026
        a, b = int(match["day_or_month"]), int(match["month_or_day"])
        return 1 <= min(a, b) <= 12 and max(a, b) <= 31
    if match["first_year"]:
        return 1000 <= int(match["first_year"]) < int(match["last_year"]) <= 2999
    return True


def looks_like_a_phone_number(text):
    """Seven digits or more. Two groups with only a space between them and no "+", 0 or
    bracket in front ("200 12345": a status code and a size) are two numbers; a group of
    seven digits or more, three groups, or any dash, dot, slash or bracket make a phone
    number ("0501234567", "555 123 4567", "050 1234567", "7700-900123")."""
    groups = DIGITS.findall(text)
    if sum(map(len, groups)) < 7:
        return False
    if max(map(len, groups)) >= 7 or len(groups) >= 3 or SEPARATOR_BUT_SPACE.search(text):
        return True
    return text[0] in "+(" or int(text[0]) == 0


def _phone_numbers(text):
    """The (start, end) of every phone number in text. They are looked for only between
    the dates and times, which are kept whole."""
    start = 0
    for date in [m for m in DATE_OR_TIME.finditer(text) if _is_date_or_time(m)] + [None]:
        end = date.start() if date else len(text)
        for match in PHONE.finditer(text, start, end):
            if looks_like_a_phone_number(match.group()):
                yield match.span()
        start = date.end() if date else end


def contains_personal_data(text):
    """Whether text holds something that looks like an e-mail address or a phone number."""
    return EMAIL.search(text) is not None or next(_phone_numbers(text), None) is not None


def redact(text):
    """Blank out e-mail addresses and phone numbers; keep dates, times and short numbers."""
    text = EMAIL.sub(REDACTED, text)
    pieces, start = [], 0
    for begin, end in _phone_numbers(text):
        pieces += [text[start:begin], REDACTED]
        start = end
    pieces.append(text[start:])
    return "".join(pieces)
