"""The site's languages and what the code needs to know of each, from settings.

`settings.LANGUAGES` names the languages; `settings.LANGUAGE_DETAILS` holds, per language,
its direction, Snowball stemmer, PostgreSQL text-search configuration, Open Graph locale
and digits. Every other module asks here, so a language is added in settings alone, and a
language with no details fails at start-up instead of falling back to English's.
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver


@dataclass(frozen=True)
class Language:
    code: str
    direction: str
    stemmer: str
    search_config: str
    og_locale: str
    digits: str

    @property
    def is_rtl(self):
        return self.direction == "rtl"


def codes():
    """The language codes, the default first as settings list it."""
    return tuple(code for code, _name in settings.LANGUAGES)


@cache
def table():
    """Every language in LANGUAGES, by code. Raises ImproperlyConfigured for a missing one."""
    found = {}
    for code in codes():
        try:
            found[code] = Language(code=code, **settings.LANGUAGE_DETAILS[code])
        except (KeyError, TypeError) as error:
            raise ImproperlyConfigured(
                f"settings.LANGUAGE_DETAILS needs a complete entry for {code!r} "
                f"(direction, stemmer, search_config, og_locale, digits): {error}"
            ) from error
    return found


@receiver(setting_changed)
def _forget(setting, **kwargs):
    # override_settings in tests: a third language, or other details.
    if setting in ("LANGUAGES", "LANGUAGE_DETAILS"):
        table.cache_clear()


def language(code):
    """The details of one of the site's languages; a code not in LANGUAGES raises."""
    try:
        return table()[code]
    except KeyError:
        raise ImproperlyConfigured(f"{code!r} is not one of settings.LANGUAGES") from None


def direction(code):
    """ "rtl" or "ltr" for a language of the site; "auto" for an empty or unknown code
    (a source in a language the site is not written in)."""
    found = table().get(code)
    return found.direction if found else "auto"
