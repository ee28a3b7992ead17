"""`manage.py check_deployment https://example.org/ [--cafile PATH]`: asks the running site,
from outside, what README promises and the screener needs.

It takes the screener three times (every answer No, every answer Yes, every answer Not
sure) as a browser would, asking for compressed responses (Accept-Encoding: gzip, br),
and fails if any screener response comes back compressed, not marked no-store and
no-transform, or of another size than the same page for other answers; it checks the
security headers, the cookies' flags and, for an https address, that plain http is sent
to https.
"""

import gzip
import http.cookiejar
import ssl
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation

from screener.middleware import PAGE_BUCKET
from screener.padding import BODY_LENGTH
from screener.questions import ANSWER_CODES, TOTAL

ACCEPT_ENCODING = "gzip, br"
TIMEOUT = 20
# What every page must carry (README, "Security"); name -> a part its value must hold.
HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=()",
}
HTTPS_HEADERS = {"Strict-Transport-Security": "max-age="}


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # a redirect comes back as the response itself


class FormFields(HTMLParser):
    """The fields of each POST form on a page, in document order."""

    def __init__(self):
        super().__init__()
        self.forms, self.current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.current = {"action": attrs.get("action") or "", "fields": []}
        elif tag == "input" and self.current is not None and attrs.get("name"):
            self.current["fields"].append(attrs)

    def handle_endtag(self, tag):
        if tag == "form" and self.current is not None:
            self.forms.append(self.current)
            self.current = None


class Response:
    def __init__(self, url, status, headers, raw):
        """`raw`: the bytes as they came; `body`: the page (unzipped, to read its forms)."""
        self.url, self.status, self.headers, self.raw = url, status, headers, raw
        encoding = (headers.get("Content-Encoding") or "identity").lower()
        if encoding in ("gzip", "x-gzip"):
            self.body = gzip.decompress(raw)
        elif encoding in ("identity", ""):
            self.body = raw
        else:
            raise CommandError(
                f"{url} came back compressed ({encoding}): compression undoes the padding, "
                "so the size tells the answers. Turn it off for the screener."
            )

    def forms(self):
        parser = FormFields()
        parser.feed(self.body.decode("utf-8", "replace"))
        return parser.forms


class Visitor:
    """One browser: its own cookies, no redirects followed, compressed responses asked for."""

    def __init__(self, context):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(self.cookies),
            NoRedirects,
        )
        self.set_cookie_headers = []

    def request(self, url, data=None, referer=None):
        headers = {"Accept-Encoding": ACCEPT_ENCODING, "User-Agent": "mesoinfo-check"}
        if referer:
            headers["Referer"] = referer
        if data is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        # Only http(s): handle() refuses any other scheme.
        request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=TIMEOUT) as answer:
                response = Response(url, answer.status, answer.headers, answer.read())
        except urllib.error.HTTPError as error:
            response = Response(url, error.code, error.headers, error.read())
        except (urllib.error.URLError, OSError) as error:
            raise CommandError(f"Could not reach {url}: {error}") from error
        self.set_cookie_headers += response.headers.get_all("Set-Cookie") or []
        return response


class Command(BaseCommand):
    help = (
        "Checks a running site from outside: screener responses uncompressed and of one "
        "size whatever the answers, security headers, cookie flags, http to https."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="The site's address, e.g. https://example.org/")
        parser.add_argument("--cafile", help="A CA certificate to trust (e.g. self-signed).")
        parser.add_argument(
            "--http-url",
            help="The plain-http address that must redirect to https (by default the same "
            "host on port 80).",
        )

    def handle(self, url, cafile=None, http_url=None, **options):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise CommandError(f"Give the site's full address, like https://example.org/: {url}")
        self.base = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        self.https = parts.scheme == "https"
        context = ssl.create_default_context(cafile=cafile) if self.https else None
        self.problems = []
        for code, _name in settings.LANGUAGES:
            try:
                self.check_screener(context, code)
            except CommandError as error:
                # A walk that cannot go on: said with what was found before it stopped.
                self.problem(str(error))
        if self.https:
            self.check_redirect(context, parts, http_url)
        if self.problems:
            raise CommandError(
                "The deployment does not keep its promises:\n- " + "\n- ".join(self.problems)
            )
        self.stdout.write(self.style.SUCCESS(f"{url}: every check passed."))

    def problem(self, text):
        if text not in self.problems:  # three walks through the screener find it thrice
            self.problems.append(text)

    # --- The screener ---------------------------------------------------------------

    def address(self, language, name, *args):
        with translation.override(language):
            return urljoin(self.base, reverse(f"screener:{name}", args=args))

    def check_screener(self, context, language):
        sizes = {}
        for answer in ANSWER_CODES.values():
            visitor = Visitor(context)
            for page, response in self.take_screener(visitor, language, answer):
                self.check_screener_response(response)
                sizes.setdefault(page, set()).add(len(response.raw))
            self.check_cookies(visitor)
        for page, found in sizes.items():
            if len(found) > 1:
                self.problem(
                    f"{page} ({language}) is {' or '.join(map(str, sorted(found)))} bytes "
                    "depending on the answers: a screener page must be one size."
                )

    def take_screener(self, visitor, language, answer):
        """(page, response) for each screener page, answering `answer` to every question."""
        start = self.get(visitor, self.address(language, "start"), "the screener's start page")
        yield "start", start
        self.post(visitor, start, self.address(language, "start"))
        for number in range(1, TOTAL + 1):
            address = self.address(language, "question", number)
            page = self.get(visitor, address, f"question {number}")
            yield f"question {number}", page
            self.post(visitor, page, address, answer=answer)
        check = self.get(visitor, self.address(language, "check"), "the check page")
        yield "check", check
        self.post(visitor, check, self.address(language, "check"))
        for name in ("outcome", "outcome_print"):
            yield name, self.get(visitor, self.address(language, name), f"the {name} page")

    def get(self, visitor, address, what):
        response = visitor.request(address)
        if response.status != 200:
            raise CommandError(f"{what} ({address}) answered {response.status}, not 200.")
        return response

    def post(self, visitor, page, address, answer=None):
        """Send the page's form as a browser would (its fields, the chosen radio)."""
        forms = [f for f in page.forms() if urljoin(address, f["action"]) == address]
        if not forms:
            raise CommandError(f"{address} has no form to send.")
        pairs = []
        for field in forms[0]["fields"]:
            if field.get("type") == "radio":
                if field.get("value") == answer:
                    pairs.append((field["name"], field["value"]))
            elif field.get("type") not in ("checkbox", "submit", "button"):
                pairs.append((field["name"], field.get("value") or ""))
        body = urlencode(pairs).encode()
        if answer is not None and len(body) != BODY_LENGTH:
            self.problem(
                f"Answering {address} sends {len(body)} bytes, not {BODY_LENGTH}: the answer "
                "can be read from the request's size."
            )
        response = visitor.request(address, data=body, referer=address)
        if response.status != 302:
            raise CommandError(f"Sending the form of {address} answered {response.status}.")
        return response

    def check_screener_response(self, response):
        where = response.url
        encoding = (response.headers.get("Content-Encoding") or "identity").lower()
        if encoding != "identity":
            self.problem(
                f"{where} came back compressed ({encoding}): compression undoes the "
                "padding, so the size tells the answers. Turn it off for the screener."
            )
            return
        length = response.headers.get("Content-Length")
        if length is not None and int(length) != len(response.raw):
            self.problem(f"{where}: Content-Length {length} but {len(response.raw)} bytes.")
        if len(response.raw) % PAGE_BUCKET:
            self.problem(
                f"{where} is {len(response.raw)} bytes, not a multiple of {PAGE_BUCKET}: "
                "something between the site and the visitor changed the page."
            )
        cache_control = (response.headers.get("Cache-Control") or "").lower()
        for directive in ("no-store", "no-transform"):
            if directive not in cache_control:
                self.problem(f"{where}: Cache-Control lacks {directive}.")
        self.check_headers(response)

    def check_headers(self, response):
        expected = HEADERS | (HTTPS_HEADERS if self.https else {})
        for name, part in expected.items():
            value = response.headers.get(name)
            if value is None:
                self.problem(f"{response.url}: no {name} header.")
            elif part.lower() not in value.lower():
                self.problem(f"{response.url}: {name} is {value!r}, without {part!r}.")

    def check_cookies(self, visitor):
        if not visitor.set_cookie_headers:
            self.problem("The screener set no cookie: its state and CSRF cookies are missing.")
        for header in visitor.set_cookie_headers:
            name = header.split("=", 1)[0].strip()
            flags = {part.strip().split("=", 1)[0].lower() for part in header.split(";")[1:]}
            needed = {"httponly", "samesite"} | ({"secure"} if self.https else set())
            if missing := sorted(needed - flags):
                self.problem(f"The cookie {name} lacks {', '.join(missing)}.")

    # --- Plain http -------------------------------------------------------------------

    def check_redirect(self, context, parts, http_url):
        given = http_url is not None
        if not given:
            http_url = urlunsplit(("http", parts.hostname, parts.path or "/", "", ""))
            if ":" in parts.hostname:  # an IPv6 address
                http_url = urlunsplit(("http", f"[{parts.hostname}]", parts.path or "/", "", ""))
        try:
            response = Visitor(context).request(http_url)
        except CommandError as error:
            if given:
                raise
            self.stderr.write(f"Not checked: http to https ({error}); give --http-url.")
            return
        location = response.headers.get("Location") or ""
        if response.status not in (301, 302, 307, 308) or not location.startswith("https://"):
            self.problem(
                f"{http_url} answered {response.status} without sending the visitor to "
                f"https (Location: {location or 'none'})."
            )
