"""Read the corpus files (content/corpus/) and add what the database lacks.

Layout of the corpus:
- categories.yaml, reviewers.yaml, authors.yaml, sources.yaml: lists keyed by `key`;
- ar/<key>.md: an article's Arabic text and its shared metadata in front matter
  (category, order, featured, status, author, reviewer, last_reviewed, next_review_due,
  sources, and `published`/`modified`: when its text first went live and last changed,
  from the files' git history, see `manage.py corpus_dates`);
- en/<key>.md: the same article's English title, slug, summary and body;
- pages/ar/<key>.md, pages/en/<key>.md: a standing page (About this site) with its
  title and slug in front matter.

Nothing live is overwritten: staff edits always win (an article loaded before its author
and dates were recorded gets them, and a source loaded before its web address was
confirmed gets it, where still empty). A changed article file reaching a
site that already holds the article becomes a revision awaiting medical review (the
editorial workflow, editorial/workflow.py), or, when staff edited the article since, a
proposal filed beside their version. An article, category or page that staff deleted
(its deletion is in the content history) is not brought back.
"""

from datetime import date, datetime, time
from pathlib import Path

import frontmatter
import yaml
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from mesoinfo import languages

from . import contributions
from .models import Article, Author, Category, Page, Reviewer, Source

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


# The keys of a sources.yaml entry: the citation as published, then what a page tells a
# patient about it (authors_checked, link_kind) and the editors' own note.
SOURCE_FIELDS = (
    "title",
    "publisher",
    "volume",
    "year",
    "url",
    "language",
    "authors_checked",
    "link_kind",
    "note",
)


class CorpusError(ValueError):
    pass


def read_yaml(name, corpus_dir=CORPUS_DIR):
    with open(corpus_dir / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or []


def translated(entry, fields):
    """{'name_ar': ..., 'name_en': ...} from an entry holding {'ar': {...}, 'en': {...}}, for
    every language of the site; CorpusError names an entry without one of them."""
    values = {}
    for code in languages.codes():
        if not isinstance(entry.get(code), dict):
            raise CorpusError(f"{entry.get('key', entry)}: no {code!r} text in the corpus")
        for field in fields:
            values[f"{field}_{code}"] = entry[code].get(field, "")
    return values


def read_articles(corpus_dir=CORPUS_DIR):
    """Yield (key, metadata, {lang: post}) for every article; CorpusError names an article
    without a text in one of the site's languages."""
    yield from read_posts(corpus_dir)


def read_posts(corpus_dir):
    """Yield (key, metadata, {lang: post}) for every <lang>/<key>.md set in corpus_dir; the
    shared metadata is the default language's file's."""
    codes = languages.codes()
    keys = {path.stem for code in codes for path in (corpus_dir / code).glob("*.md")}
    for key in sorted(keys):
        posts = {}
        for code in codes:
            path = corpus_dir / code / f"{key}.md"
            if not path.exists():
                raise CorpusError(f"{key}: no {code} text ({path} is missing)")
            posts[code] = frontmatter.load(path)
        yield key, posts[settings.LANGUAGE_CODE].metadata, posts


def corpus_datetime(value, key, field):
    """A front matter date or date-time (YAML reads either) as an aware datetime, or None."""
    if value is None:
        return None
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is None:
            raise CorpusError(f"{key}: {field} {value!r} is not a date and time")
        value = parsed
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time())
    return value if timezone.is_aware(value) else timezone.make_aware(value, timezone.utc)


def article_record(key, meta):
    """The author and dates the corpus gives an article."""
    author = meta.get("author")
    return {
        "author": Author.objects.get(corpus_key=author) if author else None,
        "first_published_at": corpus_datetime(meta.get("published"), key, "published"),
        "content_modified_at": corpus_datetime(meta.get("modified"), key, "modified"),
    }


def fill_missing_record(obj, record):
    """Give a row loaded earlier the corpus values it still lacks (an article's author and
    dates, a source's confirmed web address), never replacing a value staff set."""
    changed = [field for field, value in record.items() if value and not getattr(obj, field)]
    for field in changed:
        setattr(obj, field, record[field])
    if changed:
        obj.save(update_fields=changed)


def deleted_by_staff(model, key):
    """True when a row loaded from the corpus under `key` was later deleted."""
    return model.history.filter(corpus_key=key, history_type="-").exists()


def load_corpus(corpus_dir=CORPUS_DIR):
    added = {
        "categories": 0,
        "reviewers": 0,
        "authors": 0,
        "sources": 0,
        "articles": 0,
        "pages": 0,
        "proposed": 0,
    }

    for entry in read_yaml("categories.yaml", corpus_dir):
        if deleted_by_staff(Category, entry["key"]):
            continue
        _obj, created = Category.objects.get_or_create(
            corpus_key=entry["key"],
            defaults={"order": entry.get("order", 0)}
            | translated(entry, ("name", "slug", "description")),
        )
        added["categories"] += created

    for entry in read_yaml("reviewers.yaml", corpus_dir):
        _obj, created = Reviewer.objects.get_or_create(
            corpus_key=entry["key"],
            defaults=translated(entry, ("name", "credentials"))
            | {"is_placeholder": entry.get("placeholder", False)},
        )
        added["reviewers"] += created

    has_authors = (corpus_dir / "authors.yaml").exists()
    for entry in read_yaml("authors.yaml", corpus_dir) if has_authors else []:
        _obj, created = Author.objects.get_or_create(
            corpus_key=entry["key"],
            defaults=translated(entry, ("name", "role", "credentials"))
            | {"is_placeholder": entry.get("placeholder", False)},
        )
        added["authors"] += created

    for entry in read_yaml("sources.yaml", corpus_dir):
        fields = {k: entry[k] for k in SOURCE_FIELDS if k in entry}
        source, created = Source.objects.get_or_create(corpus_key=entry["key"], defaults=fields)
        added["sources"] += created
        if not created:
            fill_missing_record(source, fields)

    for key, meta, posts in read_articles(corpus_dir):
        existing = Article.objects.filter(corpus_key=key).first()
        if existing is not None:
            fill_missing_record(existing, article_record(key, meta))
        elif deleted_by_staff(Article, key):
            continue
        category = Category.objects.filter(corpus_key=meta["category"]).first()
        if category is None:
            if deleted_by_staff(Category, meta["category"]):
                continue  # its section was deleted by staff: the article goes with it
            raise CorpusError(f"{key}: unknown category {meta['category']!r}")
        fields = {
            "category": category,
            "order": meta.get("order", 0),
            "featured": meta.get("featured", False),
            "status": meta.get("status", Article.Status.PUBLISHED),
            "reviewer": Reviewer.objects.get(corpus_key=meta["reviewer"]),
            "last_reviewed": meta["last_reviewed"],
            "next_review_due": meta["next_review_due"],
            **article_record(key, meta),
        }
        for code, post in posts.items():
            for field in ("title", "slug", "summary"):
                fields[f"{field}_{code}"] = post.metadata[field]
            fields[f"body_{code}"] = post.content
        sources = list(Source.objects.filter(corpus_key__in=meta.get("sources", [])))
        missing = set(meta.get("sources", [])) - {source.corpus_key for source in sources}
        if missing:
            raise CorpusError(f"{key}: unknown sources {sorted(missing)}")
        if existing is not None:
            fields.pop("status")
            proposal = contributions.corpus_article_changed(existing, fields | {"sources": sources})
            added["proposed"] += proposal is not None
            continue
        article = Article.objects.create(corpus_key=key, **fields)
        article.sources.set(sources)
        contributions.corpus_article_added(article)
        added["articles"] += 1

    added["pages"] = load_pages(corpus_dir / "pages")
    return added


def load_pages(pages_dir):
    """Add the standing pages that are missing; return how many were added."""
    count = 0
    for key, _meta, posts in read_posts(pages_dir):
        if Page.objects.filter(corpus_key=key).exists() or deleted_by_staff(Page, key):
            continue
        fields = {}
        for code, post in posts.items():
            fields[f"title_{code}"] = post.metadata["title"]
            fields[f"slug_{code}"] = post.metadata["slug"]
            fields[f"body_{code}"] = post.content
        Page.objects.create(corpus_key=key, **fields)
        count += 1
    return count
