"""Walks every admin page a signed-in client can reach and reports English interface text."""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

ADMIN = "/admin/"
# Not pages to read: leaving the admin, signing out, files, the JavaScript catalogue.
SKIP = re.compile(r"^/admin/(r/|logout/|jsi18n/)|\.(js|css|svg|png)$")
# Words of letters only: hashes, masked values and codes such as pbkdf2_sha256 are not words.
WORD_RE = re.compile(r"(?<![\w*])[A-Za-z]{2,}(?![\w*])")
# Words that are right in an Arabic admin: the other language's own name in the language
# switch, language codes, the name of the text format, keyboard keys, standard
# abbreviations and the example currency code.
MASKED_RE = re.compile(r"[A-Za-z0-9+/=]+\*{4,}")
INTERFACE_ALLOWED = {
    "English",  # the other language's own name, on the header's language switch
    "CSV",  # the file format reception exports to
    "JPEG",  # the picture formats the image library takes
    "PNG",
    "WebP",
    "Ctrl",  # keyboard keys, named as printed on them
    "Command",
    "HTTP",
    "LDAP",
    "SAR",
    # Organisations' own abbreviations, beside their Arabic names in the article preview's
    # "independent help" block (content/independent_help.py).
    "NHS",
    "MHRA",
    "FDA",
    "SFDA",
}
ISOLATE_RE = re.compile("\u2068[^\u2069]*\u2069")
TEXT_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}


class _TextParser(HTMLParser):
    """Visible text and text attributes, without scripts, styles, textareas and content
    marked as English or left-to-right."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.links, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in {"br", "img", "input", "meta", "link", "hr", "col", "wbr"}:
            if tag == "input" and attrs.get("type") in {"submit", "button"}:
                self.texts.append(attrs.get("value") or "")
            self._attributes(attrs)
            return
        # Content marked as such: English (lang="en"), isolated left-to-right runs (phone
        # numbers, codes, names) and code.
        hidden = (
            tag in {"script", "style", "textarea", "template", "code", "kbd", "samp"}
            or attrs.get("lang") == "en"
            or attrs.get("dir") == "ltr"
        )
        self.stack.append((tag, hidden))
        self._attributes(attrs)

    def _attributes(self, attrs):
        if not self._hidden() and attrs.get("lang") != "en":
            self.texts += [value for name, value in attrs.items() if name in TEXT_ATTRIBUTES]

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def _hidden(self):
        return any(hidden for _, hidden in self.stack)

    def handle_data(self, data):
        if not self._hidden() and data.strip():
            self.texts.append(data.strip())


# The renderer's own isolates (content/bidi.py) wrap every Latin run of an Arabic page:
# they mark direction, not content, so the English check looks through them.
RENDERER_ISOLATE_RE = re.compile(r'<span dir="ltr"(?: lang="en")?>([^<]*)</span>')


def english_in(html, content):
    """The texts of `html` that hold English words not found in `content` strings."""
    parser = _TextParser()
    parser.feed(RENDERER_ISOLATE_RE.sub(r"\1", html).replace('<code dir="ltr">', "<code>"))
    found = []
    for text in parser.texts:
        rest = ISOLATE_RE.sub(" ", text)  # names isolated with FSI…PDI are content
        rest = MASKED_RE.sub(" ", rest)  # a password hash's salt, shown masked
        for allowed in sorted(content, key=len, reverse=True):
            rest = rest.replace(allowed, " ")
        words = [w for w in WORD_RE.findall(rest) if w not in INTERFACE_ALLOWED]
        if words:
            found.append(text)
    return found, parser.links


def crawl(client, content, start=ADMIN, limit=400, check=None):
    """{url: [English texts]} over every admin page reachable from `start` (or, with
    `check`, {url: check(html)} where it finds something)."""
    seen, queue, problems = set(), [start], {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            assert response.status_code in {200, 302, 403}, (url, response.status_code)
            continue
        html = response.content.decode()
        found, links = english_in(html, content)
        if check is not None:
            found = check(html)
        if found:
            problems[url] = found
        for link in links:
            path = urldefrag(link)[0]
            parts = urlsplit(path)
            if parts.netloc or not parts.path.startswith(ADMIN) or SKIP.search(parts.path):
                continue
            # One visit per address: sorting and filters show the same words.
            queue.append(parts.path)
    return seen, problems
