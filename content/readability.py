"""How easy an article body is to read: sentence length, in either language.

Sentences end at . ! ? ؟ (followed by a space or the end) and where a paragraph,
list item or table cell ends; a line break inside a paragraph does not end one;
words are what whitespace separates, which holds for Arabic as for English.
Headings are left out: they are labels, not sentences.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.utils.html import strip_tags

from .rendering import render_markdown

LONG_SENTENCE_WORDS = 20  # more words than this makes a sentence long
WARN_AVERAGE_WORDS = 20  # an average above this gets a warning
BLOCK_END = "\u2029"  # the paragraph separator stands for the end of a block
SENTENCE_END_RE = re.compile(rf"(?<=[.!?؟])\s+|{BLOCK_END}+")
HEADING_RE = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>", re.DOTALL)
BLOCK_END_RE = re.compile(r"</(?:p|li|td|th|blockquote)>|<br\s*/?>")


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    long_sentences: int

    @property
    def average_words(self):
        return round(self.words / self.sentences, 1) if self.sentences else 0.0

    @property
    def long_share(self):
        """The share of long sentences, as a whole percentage."""
        return round(100 * self.long_sentences / self.sentences) if self.sentences else 0

    @property
    def too_long(self):
        return self.average_words > WARN_AVERAGE_WORDS


def sentences(markdown_text):
    """The sentences of a Markdown body, as lists of words."""
    html = HEADING_RE.sub(BLOCK_END, render_markdown(markdown_text))
    text = unescape(strip_tags(BLOCK_END_RE.sub(BLOCK_END, html)))
    result = []
    for sentence in SENTENCE_END_RE.split(text):
        words = [word for word in sentence.split() if any(ch.isalnum() for ch in word)]
        if words:
            result.append(words)
    return result


def readability(markdown_text):
    found = sentences(markdown_text)
    return Readability(
        sentences=len(found),
        words=sum(len(words) for words in found),
        long_sentences=sum(len(words) > LONG_SENTENCE_WORDS for words in found),
    )
