"""The test settings with a third language, French, added in settings alone (no Python file
of the site changes): tests/third_language/ runs under them, in a run of its own
(`pytest --ds=tests.settings_french tests/third_language`, as `make test` does). Its conftest
adds the French columns django-modeltranslation declares to the migrated test database."""

from django.utils.translation import gettext_lazy as _

from tests.settings import *  # noqa: F403
from tests.settings import LANGUAGE_DETAILS, LANGUAGES

LANGUAGES = [*LANGUAGES, ("fr", _("French"))]
LANGUAGE_DETAILS = {
    **LANGUAGE_DETAILS,
    "fr": {
        "direction": "ltr",
        "stemmer": "french",
        "search_config": "french",
        "og_locale": "fr_FR",
        "digits": "latn",
    },
}
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
