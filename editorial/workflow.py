"""The editorial workflow as plain functions: snapshot, save, submit, review, publish.

Only `publish` writes an article's live text; every other step writes revisions.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info, gettext, pgettext

from content import declaration
from content.models import Article, Reviewer
from content.publishing import LIVE_TEXT_FIELDS, record_publication
from mesoinfo import languages

from . import notifications
from .models import Revision


def normalise(values):
    """A snapshot (JSON-ready) from a dict of field values or model instances: every field
    the article versions (content/declaration.py)."""
    return declaration.snapshot(Article, values)


def snapshot_of_row(article):
    """The live text of the article row, as a snapshot."""
    return normalise(declaration.row_values(article))


def field_values(snapshot):
    """Model field values from a snapshot (foreign keys as *_id), many-to-many apart."""
    return declaration.field_values(Article, snapshot)


def apply_snapshot(article, snapshot):
    """Set the article's attributes (in memory only) to a snapshot's values. (Setting a
    foreign key's *_id forgets the related object Django had cached for the old one.)"""
    for name, value in field_values(snapshot).items():
        setattr(article, name, value)
    return article


def editing_snapshot(article):
    """What the edit form loads: unpublished changes if any, else the live row."""
    if article.has_unpublished_changes:
        return article.latest_revision.content
    return snapshot_of_row(article)


def save_revision(article, snapshot, user, origin=Revision.Origin.STAFF, latest=True):
    """A new draft revision; the live text is untouched. `latest=False` files a proposal."""
    revision = Revision.objects.create(
        article=article,
        author=user,
        origin=origin,
        content=snapshot,
        status=Revision.Status.DRAFT if latest else Revision.Status.PROPOSAL,
    )
    if latest:
        Article.objects.filter(pk=article.pk).update(latest_revision=revision)
        article.latest_revision = revision
    return revision


def submit(revision, user):
    revision.status = Revision.Status.SUBMITTED
    revision.submitted_at = timezone.now()
    revision.save(update_fields=["status", "submitted_at"])
    notifications.submitted(revision, user)


def send_back(revision, user, comment):
    revision.status = Revision.Status.SENT_BACK
    revision.comment = comment
    revision.sent_back_by = user
    revision.save(update_fields=["status", "comment", "sent_back_by"])
    notifications.sent_back(revision, user)


def approve(revision, user):
    """The reviewer signs the revision (publishing it then dates the review and says so)."""
    revision.status = Revision.Status.APPROVED
    revision.approved_by = user
    revision.approved_at = timezone.now()
    revision.save(update_fields=["status", "approved_by", "approved_at"])


def named_approval_date(revision):
    """The day the article's own reviewer approved this revision from their account, or None."""
    if revision.approved_by_id is None or not revision.content.get("reviewer"):
        return None
    if not Reviewer.objects.filter(
        pk=revision.content["reviewer"], user_id=revision.approved_by_id, is_placeholder=False
    ).exists():
        return None
    return timezone.localdate(revision.approved_at)


# When a version goes live and comes down: publishing details, not medical text.
DATE_FIELDS = ("published_at", "expires_at")


def same_but_dates(one, other):
    """Whether two snapshots differ in their publishing dates at most."""
    strip = lambda snapshot: {k: v for k, v in snapshot.items() if k not in DATE_FIELDS}  # noqa: E731
    return strip(one) == strip(other)


def take_dates(revision, snapshot):
    """Give an approved revision the publishing dates of `snapshot` (its text unchanged)."""
    dates = {name: snapshot[name] for name in DATE_FIELDS if name in snapshot}
    if any(revision.content.get(name) != value for name, value in dates.items()):
        revision.content = {**revision.content, **dates}
        revision.save(update_fields=["content"])


# The texts every language must keep in step (walk 6 #3: a safety callout added in
# Arabic only nearly went live).
KEPT_IN_STEP = ("title", "body")


def language_drift(live, new):
    """A warning, in the admin's language, when the title or body changed in some
    languages but not in the others since the live version; else None."""
    codes = languages.codes()
    changed = [
        code
        for code in codes
        if any(live.get(f"{name}_{code}") != new.get(f"{name}_{code}") for name in KEPT_IN_STEP)
    ]
    if not changed or len(changed) == len(codes):
        return None
    join = pgettext("list separator", ", ").join

    def names(which):
        return join(gettext(get_language_info(code)["name"]) for code in which)

    return gettext(
        "Only the %(changed)s text changed; the %(unchanged)s text was not updated. "
        "Check that every language says the same before it goes live."
    ) % {"changed": names(changed), "unchanged": names(c for c in codes if c not in changed)}


def go_live_time(revision):
    """The go-live date the revision carries (its own "published at"), or None."""
    return field_values(revision.content).get("published_at")


def on_site(article, now=None):
    now = now or timezone.now()
    return article.status == Article.Status.PUBLISHED and article.published_at <= now


def scheduled_version(article):
    """The new version of a live article waiting for its go-live date, or None."""
    return article.revisions.filter(status=Revision.Status.SCHEDULED).first()


def cancel_schedule(article, keep=None):
    """A scheduled version goes back to approved (it no longer goes live by itself)."""
    scheduled = article.revisions.filter(status=Revision.Status.SCHEDULED)
    if keep is not None:
        scheduled = scheduled.exclude(pk=keep.pk)
    scheduled.update(status=Revision.Status.APPROVED)


def unschedule(article):
    """The reviewer's "Cancel the schedule": the version goes back to approved and drops
    its go-live date for the live one's, so "Publish the approved version" later puts it
    live at once instead of silently scheduling it again (walk 6 #1)."""
    live = snapshot_of_row(article)
    for revision in article.revisions.filter(status=Revision.Status.SCHEDULED):
        take_dates(revision, live)
    cancel_schedule(article)


def schedule(article, revision, user, when, notify=True):
    """A new version of a live article, to replace it on `when`: the live text stays on
    the site until then (as in Wagtail), and `publish_due` puts this one in its place."""
    cancel_schedule(article, keep=revision)
    revision.status = Revision.Status.SCHEDULED
    revision.announced_at = None
    revision.save(update_fields=["status", "announced_at"])
    if notify:
        notifications.published(
            revision,
            user,
            medical_approval=named_approval_date(revision) is not None,
            goes_live_at=when,
        )
    return article


def publish_due(now=None):
    """Publish every scheduled version whose go-live time has come; the revisions published."""
    now = now or timezone.now()
    done = []
    scheduled = Revision.objects.filter(status=Revision.Status.SCHEDULED).order_by("created_at")
    for revision in scheduled.select_related("approved_by", "author"):
        when = go_live_time(revision)
        if when is None or when <= now:
            publish(revision, revision.approved_by, notify=False)
            done.append(revision)
    return done


@transaction.atomic
def publish(revision, user, notify=True):
    """The one way text goes live: copy the revision into the article row.

    A new version of a live article dated in the future is scheduled instead: copying it
    now would take the live page off the site until that date."""
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    when = go_live_time(revision)
    if when is not None and when > timezone.now() and on_site(article):
        return schedule(article, revision, user, when, notify)
    cancel_schedule(article, keep=revision)
    changed = snapshot_of_row(article) != revision.content or article.status != "published"
    went_live = article.status != Article.Status.PUBLISHED
    text_before = {field: getattr(article, field) for field in LIVE_TEXT_FIELDS}
    apply_snapshot(article, revision.content)
    text_changed = went_live or any(
        getattr(article, field) != value for field, value in text_before.items()
    )
    approved_on = named_approval_date(revision)
    if approved_on is not None:  # `last_reviewed` is set by the doctor's own approval
        article.last_reviewed = approved_on
        changed = True
    article.status = Article.Status.PUBLISHED
    # The dates a reader and the JSON-LD see: the first publication, and the last one
    # that changed the text (not one that only changed, say, the review dates).
    if text_changed or article.first_published_at is None:
        when = max(timezone.now(), article.published_at or timezone.now())
        record_publication(article, when=when, text_changed=text_changed)
    article.live_revision = revision
    if article.latest_revision_id is None:
        article.latest_revision = revision
    # The row's history (django-simple-history) records real changes only.
    # (it skips a save whenever the attribute exists, whatever its value).
    if not changed:
        article.skip_history_when_saving = True
    article.save()
    article.sources.set(revision.content.get("sources", []))
    revision.status = Revision.Status.PUBLISHED
    scheduled = article.published_at > timezone.now()
    # A scheduled version is announced when it goes live (announce_go_live), not now.
    revision.announced_at = None if scheduled else timezone.now()
    revision.save(update_fields=["status", "announced_at"])
    if notify:
        notifications.published(
            revision,
            user,
            medical_approval=approved_on is not None,
            goes_live_at=article.published_at if scheduled else None,
        )
    return article


def approve_and_publish(revision, user):
    approve(revision, user)
    return publish(revision, user)


def unpublish(article):
    """Off the site; the text and its revisions stay (and nothing scheduled comes back)."""
    cancel_schedule(article)
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status"])


def archive(article):
    cancel_schedule(article)
    article.status = Article.Status.ARCHIVED
    article.save(update_fields=["status"])


def restore(article, user):
    """An archived article comes back off the site, its newest text in the review queue.

    Not straight back on the site: an archived medical text may have aged, so a reviewer
    reads it again before patients do (walk 5 #16). Returns the version in review."""
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status"])
    latest = article.latest_revision
    waiting = (Revision.Status.SUBMITTED, Revision.Status.APPROVED)
    if latest is not None and latest.status in waiting:
        return latest
    if latest is None or latest.status == Revision.Status.PUBLISHED:
        # The live text's own version keeps its history; a copy goes to review.
        latest = save_revision(article, editing_snapshot(article), user)
    latest.status = Revision.Status.SUBMITTED
    latest.submitted_at = timezone.now()
    latest.save(update_fields=["status", "submitted_at"])
    return latest


def revert(revision, user):
    """A new draft holding an earlier revision's text, sources and category."""
    return save_revision(revision.article, dict(revision.content), user)


def record_live(article, user=None, approved_by=None, origin=Revision.Origin.STAFF):
    """A first revision for a row written directly (the corpus, tests), live if published."""
    live = article.status == Article.Status.PUBLISHED
    revision = Revision.objects.create(
        article=article,
        author=user,
        origin=origin,
        content=snapshot_of_row(article),
        status=Revision.Status.PUBLISHED if live else Revision.Status.DRAFT,
        approved_by=approved_by,
        approved_at=timezone.now() if approved_by else None,
    )
    article.latest_revision = revision
    article.live_revision = revision if live else None
    Article.objects.filter(pk=article.pk).update(
        latest_revision=revision, live_revision=article.live_revision
    )
    return revision


def state(article):
    """The article's place in the workflow, as the list shows it."""
    latest = article.latest_revision
    if article.status == Article.Status.ARCHIVED:
        return "archived"
    if latest is not None and latest.status == Revision.Status.SUBMITTED:
        return "in_review"
    if latest is not None and latest.status == Revision.Status.SCHEDULED:
        return "scheduled"
    if article.status == Article.Status.PUBLISHED:
        now = timezone.now()
        if article.published_at > now:
            return "scheduled"
        if article.expires_at and article.expires_at <= now:
            return "expired"
        return "live_changed" if article.has_unpublished_changes else "live"
    if article.live_revision_id is not None:  # was on the site, taken off (or restored)
        return "unpublished"
    return "draft"
