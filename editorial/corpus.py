"""What becomes of an article the corpus files change once it is on the site: a revision
for review, or a proposal beside staff's own version (registered with content in
EditorialConfig.ready; new articles go live through workflow.record_live)."""

from django.utils import timezone

from content import declaration
from content.models import Article

from .models import Revision
from .workflow import normalise, save_revision, snapshot_of_row

# The go-live and expiry dates are staff's: the corpus files decide every other field.
STAFF_ONLY_FIELDS = ("published_at", "expires_at")


def corpus_fields():
    return [f for f in declaration.versioned_names(Article) if f not in STAFF_ONLY_FIELDS]


def propose_from_corpus(article, values):
    """A changed corpus text for an article already on the site; returns a new revision or None.

    The live text stays. Unless staff edited the article since the corpus last spoke, the
    new text becomes the newest version, waiting for medical review; otherwise it is filed
    beside the staff's version as a proposal to compare.
    """
    proposed = {**snapshot_of_row(article), **normalise(values)}
    proposed |= {field: snapshot_of_row(article)[field] for field in STAFF_ONLY_FIELDS}
    corpus_revisions = article.revisions.filter(origin=Revision.Origin.CORPUS)
    last = corpus_revisions.order_by("-created_at", "-pk").first()
    baseline = last.content if last else snapshot_of_row(article)
    if all(baseline.get(f) == proposed.get(f) for f in corpus_fields()):
        return None
    staff = article.revisions.filter(origin=Revision.Origin.STAFF)
    if last is not None:
        staff_edited = staff.filter(created_at__gt=last.created_at).exists()
    else:
        staff_edited = staff.exists() or article.history.filter(history_user__isnull=False).exists()
    revision = save_revision(
        article, proposed, None, Revision.Origin.CORPUS, latest=not staff_edited
    )
    if not staff_edited:
        revision.status = Revision.Status.SUBMITTED
        revision.submitted_at = timezone.now()
        revision.save(update_fields=["status", "submitted_at"])
    return revision
