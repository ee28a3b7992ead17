"""Sizes that do not depend on the answers: every answer form's body is BODY_LENGTH bytes,
and every screener page is padded to a whole number of buckets (screener.middleware).

A question's form sends its CSRF token, the `return` address when there is one, the answer
(a one-letter code, ANSWER_CODES) and a filler field that the server renders long enough
to make the url-encoded body BODY_LENGTH bytes, with no JavaScript: the browser sends what
the page holds."""

from urllib.parse import urlencode

from django.middleware.csrf import CSRF_TOKEN_LENGTH

FILLER_FIELD = "filler"
# Longer than any body the form can make unpadded (about 110 bytes today).
BODY_LENGTH = 160


def filler(fields):
    """The filler's value for a form that sends `fields` ((name, value) pairs, the answer's
    code among them) besides its CSRF token and the filler itself."""
    sent = [("csrfmiddlewaretoken", "x" * CSRF_TOKEN_LENGTH), *fields, (FILLER_FIELD, "")]
    room = BODY_LENGTH - len(urlencode(sent))
    if room < 0:
        raise ValueError(f"a screener form's body is longer than {BODY_LENGTH} bytes")
    return "0" * room


# The bytes of each page's part that depends on the answers ({% fixed_size %}), chosen
# from the largest that part can be: Arabic, every condition named, the longest titles an
# article can have (tests/screener/test_response_sizes.py renders every set of answers).
REGION_BYTES = {
    "start": 512,  # the "Continue to your result" link, or nothing
    "question": 4 * 1024,
    "check": 5 * 1024,
    "outcome": 36 * 1024,
    "outcome_print": 10 * 1024,
}
COMMENT = "<!--%s-->"


def padding_for(length, size):
    """An HTML comment that brings `length` bytes to the next multiple of `size`."""
    return (COMMENT % (" " * (-(length + len(COMMENT % "")) % size))).encode()


def pad_to(text, size):
    """`text` and an HTML comment, `size` bytes in all (the next multiple of `size` if the
    text is longer, which the sizes above are chosen never to need)."""
    return text + padding_for(len(text.encode()), size).decode()
