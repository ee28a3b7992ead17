"""Debian's Arabic Hunspell dictionary (hunspell-ar) reads the Arabic text of every public
page; a word it does not know must be on the allow-list (transliterations, drug and brand
names, medical terms the dictionary lacks), so a new misspelling fails here.

Add a word to tests/content/hunspell_ar_allow.txt only after checking its spelling.
"""

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from content.models import Article, Category
from screener.questions import NOT_SURE, YES
from tests.screener.helpers import answer_all

ALLOW_LIST = Path(__file__).with_name("hunspell_ar_allow.txt")
ARABIC_WORD = re.compile(r"[\u0621-\u063A\u0640-\u0652\u0670-\u06D3]+")
MARKS = re.compile(r"[\u0640\u064B-\u0652\u0670]")  # tatweel and vowel marks
SKIP = {"script", "style", "code", "pre", "textarea", "template", "svg"}

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not shutil.which("hunspell") or not Path("/usr/share/hunspell/ar.dic").exists(),
        reason="Debian's hunspell and hunspell-ar are needed (make system-deps)",
    ),
]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping += 1
        for name, value in attrs:
            if name in {"title", "alt", "aria-label", "placeholder", "content"} and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def arabic_words(html):
    parser = _Text()
    parser.feed(html)
    return {MARKS.sub("", word) for word in ARABIC_WORD.findall(" ".join(parser.parts))}


def unknown_to_hunspell(words):
    result = subprocess.run(  # noqa: S603 - a fixed command; the words go to its input
        [shutil.which("hunspell"), "-d", "ar", "-l", "-i", "utf-8"],
        input="\n".join(sorted(words)),
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def allowed():
    lines = ALLOW_LIST.read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def public_urls():
    with translation.override("ar"):
        urls = [
            reverse("content:home"),
            reverse("content:about"),
            reverse("content:editorial_policy"),
            reverse("clinic:contact"),
            reverse("search:results") + "?q=حقن",
            reverse("screener:start"),
            reverse("screener:consultation"),
            "/ar/no-such-page/",
        ]
        urls += [category.get_absolute_url() for category in Category.objects.all()]
        urls += [article.get_absolute_url() for article in Article.objects.published()]
    return urls


def test_every_arabic_word_of_every_public_page_is_known_or_allowed(client):
    call_command("load_corpus", verbosity=0)
    from screener.questions import QUESTION_KEYS

    words = set()
    for url in public_urls():
        words |= arabic_words(client.get(url).content.decode())
    with translation.override("ar"):
        client.post(reverse("screener:start"))
        questions = [
            reverse("screener:question", args=[n]) for n in range(1, len(QUESTION_KEYS) + 1)
        ]
    for url in questions:
        words |= arabic_words(client.get(url).content.decode())
    # The result pages: one answer of each kind, then the check page and the printout.
    for answers in ({"pregnancy": YES}, {"pregnancy": NOT_SURE}, {}):
        words |= arabic_words(answer_all(client, answers).content.decode())
        with translation.override("ar"):
            words |= arabic_words(client.get(reverse("screener:outcome_print")).content.decode())
    assert len(words) > 2000  # the corpus was read
    new = sorted(unknown_to_hunspell(words) - allowed())
    assert new == [], "Unknown to hunspell-ar and not on the allow-list: " + " ".join(new)


def test_the_check_catches_a_misspelling():
    assert unknown_to_hunspell({"الطبيب", "الطبييب"}) == {"الطبييب"}
