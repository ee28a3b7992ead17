"""Settings for MesoInfo: one module, driven by environment variables.

Every value a deployment changes comes from the environment; the defaults are
safe for a developer's machine. With DEBUG off the site refuses to start
without a real SECRET_KEY.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=True)

_DEV_SECRET_KEY = "django-insecure-development-only-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured("SECRET_KEY must be a real secret of at least 50 characters.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "mesoinfo",
    "content",
    "editorial",
    "screener",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "screener.middleware.ForgetScreenerOnLeaveMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "mesoinfo.urls"
WSGI_APPLICATION = "mesoinfo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mesoinfo.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Arabic first, right-to-left; English equal in content.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "en")
# The tabbed translation admin loads jQuery UI from a CDN unless told otherwise.
JQUERY_UI_URL = "/static/vendor/jquery-ui/jquery-ui.min.js"

# Static files: served by whitenoise, compressed and with hashed names.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions live in a signed cookie: the screener's answers stay with the visitor and
# never reach the database. They expire with the browser or after SESSION_COOKIE_AGE.
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "mesoinfo.csrf.csrf_failure"

# Caches (cached pages, their version token, rate limits): files under CACHE_DIR, shared by
# every process on one machine, so a staff edit reaches every worker at once and a rate
# limit counts across workers. Several machines point REDIS_URL at one Redis server.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# The screener forgets unfinished answers after this many seconds.
SCREENER_TIMEOUT = int(os.environ.get("SCREENER_TIMEOUT", "3600"))
# Consultation requests: how long they are kept, how often one client may send the form,
# and the fastest a person can fill it in (quicker submissions are automated).
CONSULTATION_RETENTION_DAYS = int(os.environ.get("CONSULTATION_RETENTION_DAYS", "180"))
CONSULTATION_RATE_LIMIT = os.environ.get("CONSULTATION_RATE_LIMIT", "5/h")
CONSULTATION_MIN_FILL_SECONDS = int(os.environ.get("CONSULTATION_MIN_FILL_SECONDS", "3"))
CONSULTATION_FORM_MAX_AGE = 24 * 60 * 60

# "Was this page helpful?": how often one client may answer.
FEEDBACK_RATE_LIMIT = os.environ.get("FEEDBACK_RATE_LIMIT", "10/h")

# What the footer shows as the way to reach the clinic.
SITE_CONTACT_EMAIL = os.environ.get("SITE_CONTACT_EMAIL", "info@example.org")
SITE_CONTACT_PHONE = os.environ.get("SITE_CONTACT_PHONE", "")

# Editorial e-mail (editorial/notifications.py): printed to the console in development,
# sent by SMTP in production when EMAIL_HOST is set. SITE_URL makes the admin links absolute.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# The admin's address; a deployment may move it away from the obvious one.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# --- Hardening (issue 6): HTTPS, security headers, CSP, login throttling, history -------------
# Behind a reverse proxy that terminates TLS, set PROXY_SSL_HEADER to the header it sets
# (usually X-Forwarded-Proto, which must then carry "https") and TRUSTED_PROXY_COUNT to the
# number of proxies in front of the site, so that rate limits and login throttling see the
# visitor's address and not the proxy's. Never set them when the site faces the internet
# directly: a visitor could then forge both headers.
if os.environ.get("PROXY_SSL_HEADER"):
    _proxy_header = os.environ["PROXY_SSL_HEADER"].strip().upper().replace("-", "_")
    SECURE_PROXY_SSL_HEADER = (f"HTTP_{_proxy_header}", "https")
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Where collectstatic writes the files whitenoise serves.
if os.environ.get("STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["STATIC_ROOT"])

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

INSTALLED_APPS += ["csp", "axes", "simple_history"]
MIDDLEWARE.insert(0, "mesoinfo.middleware.ClientAddressMiddleware")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("csp.middleware.CSPMiddleware") + 1,
    "django_permissions_policy.PermissionsPolicyMiddleware",
)
MIDDLEWARE += [
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Content Security Policy (django-csp 4): everything from our own origin, no inline script
# (a template that needs one writes <script nonce="{{ request.csp_nonce }}">), no inline
# style, nothing may frame the site. The admin, modeltranslation's tabs and jQuery UI
# load only files from /static/, so the admin runs under the same policy.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    ]
}

# Admin login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# user name from one address, that pair is locked out for AXES_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "mesoinfo.lockout.locked_out"
AXES_USERNAME_CALLABLE = "mesoinfo.lockout.username"

# SQLite (the default): several server processes may write at once; wait for the lock
# instead of failing, take it at the start of each transaction, and let readers go on
# while one process writes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )

# Logs never carry visitors' personal data: SQL statements lose their values, template
# errors lose their context, and e-mail addresses and phone numbers are blanked out of
# every message (mesoinfo/logging.py). Filters on a logger apply before its records
# reach any handler.
LOGGING["filters"] = {"redact": {"()": "mesoinfo.logging.RedactPersonalData"}}
LOGGING["handlers"]["console"]["filters"] = ["redact"]
LOGGING["loggers"] = {
    "django.db.backends": {"filters": ["redact"]},
    "django.template": {"filters": ["redact"]},
}

# Rendered public pages (home, sections, articles) are cached per language for this many
# seconds at most; any staff edit forgets them at once (content/cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
