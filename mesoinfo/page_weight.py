"""What a first visit to a page downloads, by kind of resource: counted in one place for
benchmarks/run.py (over HTTP, from a running server) and the weight test (from the test
client and the static files). Plain Python, no Django: the benchmark imports it too.

A page's HTML as sent (gzip, as the front proxy sends it), every stylesheet, preload and
script it links (as sent), and, on a page that preloads a font (the pages written in a
language the site's web font is for), every face its stylesheets declare: both weights,
so the figure is the upper bound. Other pages use the system's fonts and download none.
"""

import gzip
import re
import urllib.parse

KB = 1024
# The project's quality rule, and its own stricter target for the home page.
LIMIT = 60 * KB
HOME_LIMIT = 50 * KB

LINKED = (
    r'<link[^>]+rel="(?:stylesheet|preload)"[^>]+href="([^"]+)"',
    r'<link[^>]+href="([^"]+)"[^>]+rel="(?:stylesheet|preload)"',
    r'<script[^>]+src="([^"]+)"',
)
FONT_PRELOAD = re.compile(r'<link[^>]+as="font"')
FONT_FACE_URL = re.compile(r'url\("?([^")]+\.woff2)"?\)')


def gzipped_size(data):
    """Bytes sent for `data` by a server that compresses when it pays (fonts are already)."""
    return min(len(data), len(gzip.compress(data)))


def kind_of(url):
    path = urllib.parse.urlsplit(url).path
    if path.endswith(".css"):
        return "CSS"
    if ".woff" in path:
        return "fonts"
    return "JS"


def first_visit(html, html_sent, load):
    """{"HTML", "CSS", "fonts", "JS", "total"} in bytes as sent.

    html: the page's text; html_sent: its size as sent; load(url) -> (bytes, size as
    sent) for an address the page links (relative to the site).
    """
    urls = [url for pattern in LINKED for url in re.findall(pattern, html)]
    if FONT_PRELOAD.search(html):
        for url in list(urls):
            if kind_of(url) == "CSS":
                css = load(url)[0].decode()
                urls += [urllib.parse.urljoin(url, face) for face in FONT_FACE_URL.findall(css)]
    weights = {"HTML": html_sent, "CSS": 0, "fonts": 0, "JS": 0}
    for url in dict.fromkeys(urls):
        weights[kind_of(url)] += load(url)[1]
    weights["total"] = sum(weights.values())
    return weights


def describe(weights):
    """'51.2 KB (HTML 3.8 KB, CSS 11.9 KB, fonts 26.2 KB, JS 0.0 KB)'."""
    parts = ", ".join(f"{k} {v / KB:.1f} KB" for k, v in weights.items() if k != "total")
    return f"{weights['total'] / KB:.1f} KB ({parts})"
