"""Django and third-party strings whose Arabic the project's catalogue supplies or corrects.

Listed here so that `makemessages` keeps them in locale/ar/LC_MESSAGES/django.po: Django's
own Arabic says a change was an addition («نجحت إضافة…») and lacks the strings of its
newer password form; axes leaves some names untranslated. Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

OVERRIDES = [
    gettext_noop(
        'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? '
        "All of the following related items will be deleted:"
    ),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Changed {fields}."),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("Conflicting form data submitted. Please try again."),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("Set password: %s"),
    gettext_noop("Reset password"),
    gettext_noop("Set password"),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop("salt"),
    gettext_noop("hash"),
    gettext_noop("Enter a valid domain name."),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single "
        "Sign-On or LDAP."
    ),
    gettext_noop(
        "Enter a valid username. This value may contain only unaccented lowercase a-z and "
        "uppercase A-Z letters, numbers, and @/./+/-/_ characters."
    ),
    gettext_noop("Locked Out"),
    # Django's Arabic gets the noun's gender or case wrong, or misspells (findings A1-A9).
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Change selected %(model)s"),
    gettext_noop("Delete selected %(model)s"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("No, take me back"),
    gettext_noop("Welcome,"),
    gettext_noop("Filter"),
    gettext_noop(" By %(filter_title)s "),
    gettext_noop("Changed:"),
    gettext_noop("Log in"),
    gettext_noop("Hold down “Control”, or “Command” on a Mac, to select more than one."),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("IP Address"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
]
PLURALS = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "number",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
]
# The admin's JavaScript strings corrected in djangojs.po (the same findings, A3 and A4)
# are listed for makemessages in static/js/admin-languages.js.
