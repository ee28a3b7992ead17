"""Words as search sees them: one normalisation and one stemmer for the text and the query.

Characters are evened out first (compatibility forms, invisible marks, diacritics,
tatweel, digits), then each word goes through the Snowball stemmer of its language
(PyStemmer). A word is stored and looked up by all its `forms`, so that a text word
and a query word match when any of their forms meet.
"""

import functools
import re
import unicodedata
from html import unescape

import Stemmer
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.html import strip_tags

from content.rendering import render_markdown
from mesoinfo.languages import language as language_details

ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
TATWEEL = "\u0640"
# Invisible characters that may sit inside a word: soft hyphen, Arabic letter mark,
# zero-width non-joiner and joiner, direction marks, embeddings and isolates, word
# joiner, zero-width no-break space.
FORMAT_CHARACTERS = "\u00ad\u061c\u200c-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
# A word: letters or digits, with any Arabic diacritics, tatweel and invisible
# characters inside it.
WORD_RE = re.compile(rf"(?:[^\W_]|[{ARABIC_MARKS}{TATWEEL}{FORMAT_CHARACTERS}])+")
MARKS_RE = re.compile(rf"[{ARABIC_MARKS}{TATWEEL}{FORMAT_CHARACTERS}]")
LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
    | {chr(0x0660 + n): str(n) for n in range(10)}  # Arabic-Indic digits
    | {chr(0x06F0 + n): str(n) for n in range(10)}  # Eastern Arabic-Indic digits
)
# Words that carry no meaning for a search, compared after normalisation (a language
# without a list has none: no other language's list is borrowed).
STOPWORDS = {
    "ar": {
        "في", "من", "الي", "علي", "عن", "ما", "ماذا", "هل", "هو", "هي", "ان", "او", "مع",
        "هذا", "هذه", "ذلك", "التي", "الذي", "كيف", "لا", "لم", "ثم", "قد", "كل", "بعد", "قبل",
        "يا", "انا", "لي", "عندي", "كم", "متي", "لماذا", "اريد", "اي",
    },
    "en": {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from",
        "how", "i", "in", "is", "it", "of", "on", "or", "the", "to", "what", "when", "with",
        "my", "me", "will", "should", "much", "long", "which", "who", "why", "there", "after",
        "get", "have", "has", "you", "your", "this", "that", "any", "about", "vs", "versus",
    },
}  # fmt: skip
# Snowball's Arabic stemmer keeps و or ف in front of ا, so it leaves the common
# conjunction + article (والحمل، فالحمل) whole: such a word is also stemmed without it.
CONJUNCTION_BEFORE_ARTICLE = re.compile(r"^[وف](?=ال)")


def stemmer_name(language):
    """The Snowball stemmer of a site language (settings.LANGUAGE_DETAILS); a language
    without details raises ImproperlyConfigured."""
    return language_details(language).stemmer


@receiver(setting_changed)
def forget_forms(setting, **kwargs):
    # override_settings in tests: another stemmer for a language.
    if setting in ("LANGUAGES", "LANGUAGE_DETAILS"):
        forms.cache_clear()


def stemmer(language):
    return snowball(stemmer_name(language))


@functools.cache
def snowball(name):
    return Stemmer.Stemmer(name)


def clean(word):
    """Compatibility forms to plain letters; no diacritics, tatweel or invisible marks;
    ى as ي (the stemmer takes care of the other letter forms)."""
    return MARKS_RE.sub("", unicodedata.normalize("NFKC", word)).casefold().replace("ى", "ي")


def normalise_characters(text):
    """`clean`, with alef forms to ا, ى to ي, ة to ه and digits in Western form."""
    return clean(text).translate(LETTERS)


@functools.lru_cache(maxsize=50_000)
def forms(word, language):
    """The stems a cleaned word is stored and looked up by; empty for a stop word.

    Snowball's Arabic stemmer is not always idempotent and treats a word with the
    article differently from one without, so an Arabic word also gives the stem of its
    stem and the stem it would have with the article: كدمات and الكدمات then meet.
    """
    if normalise_characters(word) in STOPWORDS.get(language, ()) or (
        len(word) < 2 and not word.isdigit()
    ):
        return ()
    stem = stemmer(language).stemWord
    if stemmer_name(language) != "arabic":
        return (stem(word),)
    variants = [word, CONJUNCTION_BEFORE_ARTICLE.sub("", word)]
    found = []
    for variant in dict.fromkeys(variants):
        first = stem(variant)
        found += [first, stem(first)]
        if variant.isalpha() and not variant.startswith("ال"):
            found.append(stem("ال" + variant))
    stems = (form.translate(LETTERS) for form in found)
    stop = STOPWORDS.get(language, ())
    return tuple(dict.fromkeys(s for s in stems if s not in stop and len(s) > 1))


def words(text, language):
    """Yield (cleaned word, its forms, start, end) for each searchable word of `text`.

    A written word that compatibility normalisation splits (ﷺ) gives each of its
    words, all with the written word's start and end.
    """
    for match in WORD_RE.finditer(text or ""):
        for part in WORD_RE.findall(clean(match.group())):
            found = forms(part, language)
            if found:
                yield part, found, match.start(), match.end()


def stems(text, language):
    """The forms of every word of `text`, separated by spaces: what the index stores."""
    return " ".join(" ".join(found) for _word, found, _s, _e in words(text, language))


# A heading run into the next paragraph reads as one sentence in a snippet ("Bruising
# Bruising shows up"): end every heading that has no closing mark with a full stop.
HEADING_END_RE = re.compile(r"(?<![.!?؟:؛])\s*</h([1-6])>")
HEADING_RE = re.compile(r"<h[2-4][^>]*>(.*?)</h[2-4]>", re.DOTALL)


def plain_text(markdown_text):
    """An article body as the text a reader sees, and its headings' text."""
    html = HEADING_END_RE.sub(r".</h\1>", render_markdown(markdown_text))
    headings = " ".join(unescape(strip_tags(h)) for h in HEADING_RE.findall(html))
    return unescape(strip_tags(html)), headings
