from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from content import contributions

        from . import (
            checks,  # noqa: F401  (registers the deployment check)
            corpus,
            workflow,
        )

        # Articles the corpus adds go live as approved revisions; a changed corpus text
        # becomes a revision awaiting review (or a proposal beside staff's version).
        contributions.corpus_handlers["new"] = lambda article: workflow.record_live(
            article, origin="corpus"
        )
        contributions.corpus_handlers["changed"] = corpus.propose_from_corpus
