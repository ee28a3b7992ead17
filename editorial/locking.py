"""Who else has an article open: a notice when a second person opens it, and a reviewer's
take-over (after which the earlier holder's saves are refused)."""

from datetime import timedelta

from django.utils import timezone

from .models import EditLock

# An open edit form left alone this long no longer counts as someone editing.
LAPSES_AFTER = timedelta(minutes=30)


def current(article):
    """The lock still in force, or None."""
    lock = EditLock.objects.select_related("holder", "taken_from").filter(article=article).first()
    if lock is None or timezone.now() - lock.seen_at > LAPSES_AFTER:
        return None
    return lock


def held_by_other(article, user):
    """The lock someone other than `user` holds, or None. Looking never locks (review
    walk 5 #1: opening the form took a lock the viewer never meant to take)."""
    lock = current(article)
    if lock is not None and lock.holder_id != user.pk:
        return lock
    return None


def held_by(article, user):
    """`user`'s own lock still in force, or None."""
    lock = current(article)
    return lock if lock is not None and lock.holder_id == user.pk else None


def opened(article, user):
    """`user` starts editing (first keystroke, "Lock for editing", or a save): returns the
    lock someone else holds, else takes it (or keeps it fresh)."""
    now = timezone.now()
    lock = current(article)
    if lock is not None and lock.holder_id != user.pk:
        return lock
    if lock is None:
        EditLock.objects.update_or_create(
            article=article,
            defaults={"holder": user, "since": now, "seen_at": now, "taken_from": None},
        )
    else:
        EditLock.objects.filter(pk=lock.pk).update(seen_at=now)
    return None


def take_over(article, user):
    now = timezone.now()
    lock = current(article)
    previous = lock.holder if lock is not None and lock.holder_id != user.pk else None
    EditLock.objects.update_or_create(
        article=article,
        defaults={"holder": user, "since": now, "seen_at": now, "taken_from": previous},
    )
    return previous


def taken_from(article, user):
    """The lock, if it was taken over from `user` and is still in force."""
    lock = current(article)
    if lock is not None and lock.taken_from_id == user.pk and lock.holder_id != user.pk:
        return lock
    return None


def saved(article, user):
    """A save that stays on the form takes the lock, or keeps it (works without JavaScript)."""
    opened(article, user)


def released(article, user):
    """`user` saved and left the form (any button but "Save draft", which stays on it)."""
    EditLock.objects.filter(article=article, holder=user).delete()


def release(article):
    """A reviewer frees an article someone left open: the holder, or None if it was free.

    The holder's open form may still be saved, unless another save came first (the
    stale-save refusal)."""
    lock = current(article)
    EditLock.objects.filter(article=article).delete()
    return lock.holder if lock is not None else None
