"""A synthetic corpus for scale runs: many articles in every language, with revisions.

    from benchmarks.corpus import generate
    generate(1000)          # after load_corpus: 1,000 more published articles

Each new article copies the structure of one of the real ones (its category, reviewer,
headings and sources) in every language, with its paragraphs in another order and one
more paragraph of words drawn from the real articles' vocabulary, so the text has the
real length and words; titles and slugs are numbered. Each article gets REVISIONS
revisions, full snapshots as the editor writes them, the last one live. Rows go in with
bulk_create (no signals), then the search index is rebuilt once. Seeded: the same call
gives the same corpus.
"""

import random
import re

from django.db import transaction
from django.utils import timezone

from content.models import Article
from editorial.models import Revision
from editorial.workflow import snapshot_of_row
from mesoinfo import languages
from search.index import rebuild
from search.query import forget_vocabulary

REVISIONS = 20
BATCH = 200
WORD = re.compile(r"[^\W\d_]{3,}")


def vocabulary(articles, code):
    words = set()
    for article in articles:
        words.update(WORD.findall(getattr(article, f"body_{code}") or ""))
    return sorted(words)


def shuffled_body(body, rng, words):
    """The body's blocks (a heading stays with the paragraphs after it) in another order,
    and one paragraph of vocabulary."""
    sections = re.split(r"\n(?=#{2,4} )", body)
    head, rest = sections[0], sections[1:]
    rng.shuffle(rest)
    extra = " ".join(rng.choice(words) for _ in range(60)) + "."
    return "\n".join([head, *rest]) + "\n\n" + extra


@transaction.atomic
def generate(count, seed=20261207):
    """Add `count` published articles (and REVISIONS revisions each); their ids."""
    rng = random.Random(seed)  # noqa: S311 - a repeatable corpus, not a secret
    codes = languages.codes()
    templates = list(Article.objects.published().prefetch_related("sources").order_by("pk"))
    if not templates:
        raise RuntimeError("Load the real corpus first (manage.py load_corpus).")
    words = {code: vocabulary(templates, code) for code in codes}
    start = Article.objects.count()
    now = timezone.now()
    created = []
    for batch_start in range(0, count, BATCH):
        batch = []
        for n in range(batch_start, min(batch_start + BATCH, count)):
            template = templates[n % len(templates)]
            number = start + n + 1
            fields = {
                field.attname: getattr(template, field.attname)
                for field in Article._meta.concrete_fields
                if not field.primary_key
            }
            for code in codes:
                fields[f"title_{code}"] = f"{getattr(template, f'title_{code}')} ({number})"
                fields[f"slug_{code}"] = f"{getattr(template, f'slug_{code}')}-{number}"
                fields[f"body_{code}"] = shuffled_body(
                    getattr(template, f"body_{code}") or "", rng, words[code]
                )
            fields.update(
                corpus_key=None,
                featured=False,
                latest_revision_id=None,
                live_revision_id=None,
                published_at=now,
            )
            batch.append((Article(**fields), template))
        Article.objects.bulk_create([article for article, _template in batch])
        through = Article.sources.through
        through.objects.bulk_create(
            through(article_id=article.pk, source_id=source.pk)
            for article, template in batch
            for source in template.sources.all()
        )
        revisions = []
        for article, _template in batch:
            snapshot = snapshot_of_row(article)
            for k in range(REVISIONS):
                # Older revisions: the text as it grew, paragraph by paragraph.
                content = dict(snapshot)
                for code in codes:
                    body = content.get(f"body_{code}") or ""
                    content[f"body_{code}"] = body[: len(body) * (k + 1) // REVISIONS]
                revisions.append(
                    Revision(
                        article=article,
                        origin=Revision.Origin.STAFF,
                        content=content,
                        status=Revision.Status.PUBLISHED
                        if k == REVISIONS - 1
                        else Revision.Status.DRAFT,
                    )
                )
        Revision.objects.bulk_create(revisions)
        lasts = revisions[REVISIONS - 1 :: REVISIONS]
        for (article, _template), live in zip(batch, lasts, strict=True):
            article.latest_revision_id = article.live_revision_id = live.pk
        Article.objects.bulk_update(
            [article for article, _t in batch], ["latest_revision", "live_revision"]
        )
        created += [article.pk for article, _t in batch]
    rebuild(Article.objects.filter(pk__in=created).select_related("latest_revision"))
    transaction.on_commit(forget_vocabulary)
    return created
