"""Admin forms in every language of the site: each per-language input (name_ar, name_en, ...
as django-modeltranslation makes them) gets its language's lang and dir, so Arabic is typed
right-to-left. Any app's admin uses it; the directions come from mesoinfo/languages.py."""

from mesoinfo import languages


class LanguageDirectionMixin:
    """Give each language's input its own lang and dir."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        code = db_field.name.rsplit("_", 1)[-1]
        if field is not None and "_" in db_field.name and code in languages.codes():
            field.widget.attrs.update({"lang": code, "dir": languages.direction(code)})
        return field


def per_language(*names):
    """name -> name_ar, name_en, ...: admin search_fields over every language's copy."""
    return [f"{name}_{code}" for name in names for code in languages.codes()]
