"""Every model of every installed app, classified once: whether a public page shows its data
(saving or deleting a row then clears the cached pages, content/signals.py) and whether a
backup holds its rows (mesoinfo/backup.py), or why not.

A model is named here by its label; tests/mesoinfo/test_registry.py fails for a model of any
installed app that is missing, so a new model or app cannot be forgotten by either list.
Models Django creates by itself (many-to-many tables) follow the model that declares them.
"""

from typing import NamedTuple

BACKED_UP = True


class Kind(NamedTuple):
    public: bool  # a public page shows its data: a change clears the cached pages
    backup: bool | str  # BACKED_UP, or the reason it is left out


def public(backup=BACKED_UP):
    return Kind(True, backup)


def private(backup=BACKED_UP):
    return Kind(False, backup)


MIGRATIONS_MAKE_IT = "every migrated database has it already (migrations create it)"
SECURITY_LOG = "a short-lived sign-in security record, deleted by purge_personal_data"
PROXY = "a proxy: its rows are those of the model it stands for, backed up there"

MODELS = {
    # Django and libraries
    "admin.LogEntry": private(),  # the admin's audit trail
    "auth.Permission": private(MIGRATIONS_MAKE_IT),
    "auth.Group": private(),
    "auth.User": private(),
    "contenttypes.ContentType": private(MIGRATIONS_MAKE_IT),
    "sessions.Session": private("sign-ins; everyone signs in again after a restore"),
    "axes.AccessFailureLog": private(SECURITY_LOG),
    "axes.AccessAttempt": private(SECURITY_LOG),
    "axes.AccessAttemptExpiration": private(SECURITY_LOG),
    "axes.AccessLog": private(SECURITY_LOG),
    "otp_totp.TOTPDevice": private(),  # staff's authenticator apps
    # Ours
    "content.Reviewer": public(),
    "content.Author": public(),
    "content.Source": public(),
    "content.Category": public(),
    "content.Article": public(),
    "content.ArticleDueForReview": private(PROXY),
    "content.Feedback": private(),
    "content.Page": public(),
    "content.HistoricalCategory": private(),
    "content.HistoricalArticle": private(),
    "content.HistoricalPage": private(),
    "editorial.Revision": public(),  # an article page names its live revision's sign-off
    "screener.ConsultationRequest": private(),
    "clinic.ClinicProfile": public(),
    "clinic.ClinicLicence": public(),
    "twofactor.AuthenticatorApp": private(PROXY),
    "search.SearchDocument": private("rebuilt from the articles by restore_site"),
    "search.Synonym": private(),
    "staff.StaffPreference": private(),  # each staff member's admin language
    "editorial.ChangeRequest": private(),  # a change to a page, author or source awaiting sign-off
    "editorial.EditLock": private("who has an article open; stale in minutes"),
    "editorial.AuditLog": private(PROXY),
    "screener.RateCounter": private("hourly consultation counts; stale within the hour"),
    "images.Image": public(),  # pictures in article bodies (files: MEDIA_ROOT/images/)
    "mesoinfo.DailyJob": private("the daily jobs' lock and last run; nothing to restore"),
}


def kind(model):
    """The classification of a model class; KeyError names an unclassified one."""
    return MODELS[model._meta.label]


def labels(public=None, backed_up=None):
    """The labels of the classified models matching both filters (None: either)."""
    return [
        label
        for label, found in MODELS.items()
        if (public is None or found.public == public)
        and (backed_up is None or (found.backup is BACKED_UP) == backed_up)
    ]
