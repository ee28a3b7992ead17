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


# Off unless asked for: a production server whose environment forgot DEBUG must not run
# with the development key and error pages. `make run` (and the tests) set DEBUG=true.
DEBUG = env_bool("DEBUG", default=False)

_DEV_SECRET_KEY = "django-insecure-development-only-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (on a developer's machine: DEBUG=true)."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured("SECRET_KEY must be a real secret of at least 50 characters.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Applications and the request pipeline --------------------------------------------

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "mesoinfo.staticfiles.StaticFilesConfig",  # django.contrib.staticfiles, less static/src
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "simple_history",
    # A second factor for staff: a code from an authenticator app (TOTP).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mesoinfo",
    "content",
    "editorial",
    "screener",
    "clinic",
    "twofactor",
    "search",
    # Staff accounts: admin language per user, staff groups, the admin's translations.
    "staff",
]

MIDDLEWARE = [
    # First: the visitor's address, read behind the trusted proxies (TRUSTED_PROXY_COUNT).
    "mesoinfo.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # django-csp's, building the fixed policy once per process (mesoinfo/middleware.py).
    "mesoinfo.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "mesoinfo.middleware.CrossOriginResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Responses only: placed before the page cache, so that pages it serves carry it too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Stored public pages for visitors without cookies, before the rest of the stack.
    "content.cache.CachedPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "mesoinfo.middleware.RejectUnreadableCharsetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.AdminLanguageMiddleware",
    "twofactor.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "screener.middleware.ForgetScreenerOnLeaveMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
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
                # `clinic`: the clinic profile (name, address, phones...) on every page.
                "clinic.context_processors.clinic",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# SQLite (the default): several server processes may write at once; wait for the lock
# instead of failing, take it at the start of each transaction, and let readers go on
# while one process writes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            # secure_delete: a deleted row's bytes are overwritten, not left in free pages.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON"
            ),
        }
    )

# --- Languages and time ---------------------------------------------------------------

# Internationalisation: Arabic first, right-to-left; English equal in content.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The clinic's own time: the admin shows and takes times in it.
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Riyadh")
# Arabic dates in Arabic order, «1 ديسمبر 2026» (mesoinfo/formats/ar/formats.py).
FORMAT_MODULE_PATH = ["mesoinfo.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# Each language's copy of a field is labelled with the language's name, not its code.
from staff.labels import localized_verbose_name  # noqa: E402 (a plain function)

MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_verbose_name
# The tabbed translation admin loads jQuery UI from a CDN unless told otherwise.
JQUERY_UI_URL = "/static/vendor/jquery-ui/jquery-ui.min.js"

# --- Static files ---------------------------------------------------------------------

# Static files: served by whitenoise, compressed and with hashed names.
STATIC_URL = "/static/"
# Where collectstatic writes the files whitenoise serves.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Staff accounts: passwords, the second factor, sign-in throttling -----------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Every staff account signs in with a password and then a code from an authenticator app
# (twofactor/, django-otp TOTP); only a test or a developer's machine turns it off.
STAFF_OTP_REQUIRED = env_bool("STAFF_OTP_REQUIRED", default=True)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "MesoInfo")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# After signing in (and on a rejected "next"), staff land on the admin's first page.
LOGIN_REDIRECT_URL = "admin:index"

# Admin login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# user name from one address, or AXES_ADDRESS_FAILURE_LIMIT from one address whatever the
# names, signing in from there pauses for AXES_COOLOFF_MINUTES (mesoinfo/lockout.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_USERNAME_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_FAILURE_LIMIT = "mesoinfo.lockout.failure_limit"
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "mesoinfo.lockout.locked_out"
AXES_USERNAME_CALLABLE = "mesoinfo.lockout.username"

# The admin's address; a deployment may move it away from the obvious one.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# --- HTTPS, cookies and security headers ----------------------------------------------

# Behind a reverse proxy that terminates TLS, set PROXY_SSL_HEADER to the header it sets
# (usually X-Forwarded-Proto, which must then carry "https") and TRUSTED_PROXY_COUNT to the
# number of proxies in front of the site, so that rate limits and login throttling see the
# visitor's address and not the proxy's. Never set them when the site faces the internet
# directly: a visitor could then forge both headers.
if os.environ.get("PROXY_SSL_HEADER"):
    _proxy_header = os.environ["PROXY_SSL_HEADER"].strip().upper().replace("-", "_")
    SECURE_PROXY_SSL_HEADER = (f"HTTP_{_proxy_header}", "https")
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Sessions live in the database, so that signing out or changing a password really ends a
# staff session (a copied cookie is worthless afterwards); `clearsessions` deletes expired
# rows daily. Only staff get one: the screener keeps its answers in its own encrypted
# cookie. They expire with the browser or after SESSION_COOKIE_AGE.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "mesoinfo.csrf.csrf_failure"
# Messages ride in a cookie only: one that overflowed into the session would give a
# visitor a database session.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"


if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # __Host- cookies are sent only over HTTPS, for the whole site and this host alone: no
    # subdomain or plain-HTTP page can plant or overwrite them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Cross-Origin-Resource-Policy (mesoinfo.middleware.CrossOriginResourcePolicyMiddleware):
# no other site may embed our pages, images or files.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

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

# --- Caches ---------------------------------------------------------------------------


# Caches. "default": cached pages and their version token, shared by every process (files
# under CACHE_DIR on one machine, or one Redis server for several), so a staff edit reaches
# every worker at once. "local": each process's own copy of the pages it served, checked
# against the shared version on every request. "ratelimit": the rate-limit counts, kept
# apart so that no number of cached pages can push them out (a file cache that drops only
# expired counts, never live ones; or the same Redis).
def cache_settings(folder, redis_url=""):
    folder = Path(folder)
    if redis_url:
        shared = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
        counters = {**shared, "KEY_PREFIX": "ratelimit"}
    else:
        shared = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
        counters = {
            "BACKEND": "mesoinfo.cache_backends.CounterFileCache",
            "LOCATION": str(folder / "ratelimit"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    local = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mesoinfo-pages",
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
    return {"default": shared, "local": local, "ratelimit": counters}


CACHES = cache_settings(
    os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")), os.environ.get("REDIS_URL", "")
)
RATELIMIT_USE_CACHE = "ratelimit"
# Which release of the code is running: cached pages of another release are never served.
# Empty: the git commit of this checkout (read from .git, see mesoinfo/release.py).
RELEASE_ID = os.environ.get("RELEASE_ID", "").strip()

# Rendered public pages (home, sections, articles) are cached per language for this many
# seconds at most; any staff edit forgets them at once (content/cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# --- What the site keeps and for how long; its limits --------------------------------

# The screener forgets its answers (kept encrypted in the visitor's browser, see
# screener/cookie.py) after this many seconds.
SCREENER_TIMEOUT = int(os.environ.get("SCREENER_TIMEOUT", "3600"))
# Consultation requests: how long they are kept, how many may be sent per hour by one
# visitor, from one address (higher: a carrier's NAT puts many patients behind one) and to
# the whole site, and the fastest a person can fill the form in (quicker is automated).
CONSULTATION_RETENTION_DAYS = int(os.environ.get("CONSULTATION_RETENTION_DAYS", "180"))
CONSULTATION_VISITOR_LIMIT = os.environ.get("CONSULTATION_VISITOR_LIMIT", "3/h")
CONSULTATION_RATE_LIMIT = os.environ.get("CONSULTATION_RATE_LIMIT", "20/h")
CONSULTATION_SITE_LIMIT = os.environ.get("CONSULTATION_SITE_LIMIT", "200/h")
# The confirmation page says the clinic calls back within this many working days.
CONSULTATION_CALLBACK_WORKING_DAYS = int(os.environ.get("CONSULTATION_CALLBACK_WORKING_DAYS", "2"))
# The country whose numbers visitors may type without a country code (the clinic profile's
# country, once filled in, wins: screener.phones.default_region).
CLINIC_COUNTRY = os.environ.get("CLINIC_COUNTRY", "SA")
# Who is e-mailed when a request arrives: these addresses, or else the e-mail addresses of
# the active users in the "Reception" group.
RECEPTION_EMAILS = env_list("RECEPTION_EMAILS")
CONSULTATION_MIN_FILL_SECONDS = int(os.environ.get("CONSULTATION_MIN_FILL_SECONDS", "3"))
CONSULTATION_FORM_MAX_AGE = 24 * 60 * 60

# Backups (manage.py backup_site --folder): encrypted to these age public keys (comma-
# separated "age1…"; the private key stays off the server) and kept this many days.
BACKUP_AGE_RECIPIENTS = env_list("BACKUP_AGE_RECIPIENTS")
BACKUP_KEEP_DAYS = int(os.environ.get("BACKUP_KEEP_DAYS", "14"))

# How long manage.py purge_personal_data keeps, besides consultation requests, the
# comments left with "Was this page helpful?" (the yes/no answer stays) and django-axes'
# records of sign-ins and failed attempts (user names and addresses).
FEEDBACK_COMMENT_RETENTION_DAYS = int(os.environ.get("FEEDBACK_COMMENT_RETENTION_DAYS", "180"))
AXES_LOG_RETENTION_DAYS = int(os.environ.get("AXES_LOG_RETENTION_DAYS", "90"))

# "Was this page helpful?": how often one client may answer.
FEEDBACK_RATE_LIMIT = os.environ.get("FEEDBACK_RATE_LIMIT", "10/h")

# --- E-mail ---------------------------------------------------------------------------

# Editorial and reception e-mail (editorial/notifications.py, screener/sending.py):
# printed to the console in development, sent by SMTP in production when EMAIL_HOST is set.
# SITE_URL makes the admin links in them absolute.
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

# --- Logging --------------------------------------------------------------------------

# Logs never carry visitors' personal data: SQL statements lose their values, template
# errors lose their context, and e-mail addresses and phone numbers are blanked out of
# every message (mesoinfo/logging.py). Filters on a logger apply before its records
# reach any handler.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "mesoinfo.logging.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"filters": ["redact"]},
        "django.template": {"filters": ["redact"]},
    },
}
