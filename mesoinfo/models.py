"""The site-wide tables of mesoinfo itself: the daily jobs' record (mesoinfo/jobs.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyJob(models.Model):
    """One row per daily job: who holds its lock (SQLite; PostgreSQL uses an advisory lock
    instead) and when a run last finished, on whichever machine."""

    name = models.CharField(_("job"), max_length=100, primary_key=True)
    holder = models.CharField(_("held by"), max_length=200, blank=True)
    taken_at = models.DateTimeField(_("lock taken at"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("daily job")
        verbose_name_plural = _("daily jobs")

    def __str__(self):
        return self.name
