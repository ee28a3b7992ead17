"""How many: a number with its noun, in the counted-noun form each language needs.

Django's admin writes "18 المقالات" (a number before a definite plural): Arabic counts
with six forms (none, one, two, 3-10, 11-99, 100 and up), each with its own noun form.
One entry per model the admin lists; a model without one says «المقالات: 18», which is
right in every language.
"""

from django.utils.translation import gettext, ngettext_lazy

COUNTED = {
    "auth.group": ngettext_lazy("%(count)s group", "%(count)s groups", "count"),
    "auth.user": ngettext_lazy("%(count)s user", "%(count)s users", "count"),
    "axes.accessattempt": ngettext_lazy(
        "%(count)s sign-in attempt", "%(count)s sign-in attempts", "count"
    ),
    "axes.accesslog": ngettext_lazy(
        "%(count)s sign-in record", "%(count)s sign-in records", "count"
    ),
    "axes.accessfailurelog": ngettext_lazy(
        "%(count)s failed sign-in record", "%(count)s failed sign-in records", "count"
    ),
    "search.synonym": ngettext_lazy(
        "%(count)s search synonym", "%(count)s search synonyms", "count"
    ),
    "content.category": ngettext_lazy("%(count)s section", "%(count)s sections", "count"),
    "content.reviewer": ngettext_lazy(
        "%(count)s medical reviewer", "%(count)s medical reviewers", "count"
    ),
    "content.author": ngettext_lazy("%(count)s writer", "%(count)s writers", "count"),
    "content.source": ngettext_lazy("%(count)s source", "%(count)s sources", "count"),
    "content.article": ngettext_lazy("%(count)s article", "%(count)s articles", "count"),
    "content.articledueforreview": ngettext_lazy(
        "%(count)s article due for review", "%(count)s articles due for review", "count"
    ),
    "content.page": ngettext_lazy("%(count)s page", "%(count)s pages", "count"),
    "content.feedback": ngettext_lazy(
        "%(count)s visitor answer", "%(count)s visitor answers", "count"
    ),
    "screener.consultationrequest": ngettext_lazy(
        "%(count)s consultation request", "%(count)s consultation requests", "count"
    ),
    "twofactor.authenticatorapp": ngettext_lazy(
        "%(count)s authenticator app", "%(count)s authenticator apps", "count"
    ),
}


def count_of(opts, count):
    """«18 مقالة», «مقالتان», «لا توجد مقالات» for `count` objects of the model `opts`."""
    counted = COUNTED.get(opts.label_lower)
    if counted is not None:
        return counted % {"count": count}
    return gettext("%(name)s: %(count)s") % {"name": opts.verbose_name_plural, "count": count}
