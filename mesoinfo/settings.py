"""Settings for MesoInfo: one module, driven by environment variables (README lists them);
the defaults suit a developer's machine."""

from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from mesoinfo.env import (
    cache_settings,
    database,
    env_bool,
    env_int,
    env_list,
    env_str,
    proxy_ssl_header,
    secret_key,
)
from staff.labels import localized_verbose_name

BASE_DIR = Path(__file__).resolve().parent.parent

# Off unless asked for: a production server whose environment forgot DEBUG must not run
# with the development key and error pages. `make run` (and the tests) set DEBUG=true.
DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = secret_key(DEBUG)
# Earlier keys, comma-separated, during a rotation: sessions, signed forms and screener
# cookies made with them still open while visitors and staff move to the new key.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

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
    # The image library: pictures in article bodies, WebP renditions (Pillow).
    "images",
    # Staff accounts: admin language per user, staff groups, the admin's translations.
    "staff",
]

MIDDLEWARE = [
    # First: the visitor's address, read behind the trusted proxies (TRUSTED_PROXY_COUNT).
    "mesoinfo.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # django-csp, as shipped: builds each response's policy.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "mesoinfo.middleware.CrossOriginResourcePolicyMiddleware",
    # Responses only.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags for pages that may be stored (content/cache.py) and their 304s.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "mesoinfo.middleware.RejectUnreadableCharsetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.AdminLanguageMiddleware",
    "staff.middleware.YesNoIconTextMiddleware",
    "twofactor.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "screener.middleware.ScreenerPrivacyHeadersMiddleware",
    "screener.middleware.PadScreenerPagesMiddleware",
    "screener.middleware.ScreenerStateCookieMiddleware",
    "screener.middleware.ForgetScreenerOnLeaveMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A staff address or form the admin cannot read answers 400 (mesoinfo/admin_errors.py).
    "mesoinfo.admin_errors.AdminBadInputMiddleware",
    # Axes must come last: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mesoinfo.urls"
WSGI_APPLICATION = "mesoinfo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "content.template_backend.IsolatingDjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinic.context_processors.clinic",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------

DATABASES = {"default": database(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Languages and time ---------------------------------------------------------------

# Arabic first, right-to-left; English equal in content.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
# What the code needs to know of each language in LANGUAGES, written once here
# (mesoinfo/languages.py reads it and refuses to start when a language has no entry):
# - direction: "rtl" or "ltr";
# - stemmer: the Snowball stemmer's name (PyStemmer);
# - search_config: PostgreSQL's text-search configuration;
# - og_locale: the Open Graph locale (language_TERRITORY);
# - digits: the numbering system a number is written in ("arab" or "latn").
LANGUAGE_DETAILS = {
    "ar": {
        "direction": "rtl",
        "stemmer": "arabic",
        "search_config": "arabic",
        "og_locale": "ar_AR",
        # Western digits, as the corpus and the Gulf health authorities' sites write them.
        "digits": "latn",
    },
    "en": {
        "direction": "ltr",
        "stemmer": "english",
        "search_config": "english",
        "og_locale": "en_GB",
        "digits": "latn",
    },
}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The clinic's own time: the admin shows and takes times in it.
TIME_ZONE = env_str("TIME_ZONE", "Asia/Riyadh")
# Arabic dates in Arabic order, «1 ديسمبر 2026» (mesoinfo/formats/ar/formats.py).
FORMAT_MODULE_PATH = ["mesoinfo.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# Each language's copy of a field is labelled with the language's name, not its code.
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_verbose_name
# The tabbed translation admin loads jQuery UI from a CDN unless told otherwise.
JQUERY_UI_URL = "/static/vendor/jquery-ui/jquery-ui.min.js"

# --- Static files ---------------------------------------------------------------------

# Served by whitenoise, compressed and with hashed names.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

# Uploaded pictures (images/): originals and their WebP renditions. In production nginx
# serves /media/images/renditions/ itself (deploy/nginx); Django serves MEDIA only when
# SERVE_MEDIA is on (a developer's machine, the tests).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=DEBUG)

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
    # Twelve characters of one letter, or one short piece again and again, are refused.
    {"NAME": "mesoinfo.validators.VariedPasswordValidator"},
]

# Every staff account signs in with a password and then a code from an authenticator app
# (twofactor/, django-otp TOTP); only a test or a developer's machine turns it off.
STAFF_OTP_REQUIRED = env_bool("STAFF_OTP_REQUIRED", default=True)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "MesoInfo")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# After signing in (and on a rejected "next"), staff land on the admin's first page.
LOGIN_REDIRECT_URL = "admin:index"

# Admin sign-in throttling (django-axes; the limits in mesoinfo/lockout.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_USERNAME_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20)
AXES_FAILURE_LIMIT = "mesoinfo.lockout.failure_limit"
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
# A right password clears only that name's failures from that address
# (mesoinfo.lockout.reset_own_failures): axes' own reset would also clear every failure of
# the address, so one staff member's sign-in would wipe another's guesses at a third's
# password. Every failure is also kept in the failure log (purged after
# AXES_LOG_RETENTION_DAYS).
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "mesoinfo.lockout.locked_out"
AXES_USERNAME_CALLABLE = "mesoinfo.lockout.username"

ADMIN_URL = env_str("ADMIN_URL", "admin/").strip("/") + "/"

# --- HTTPS, cookies and security headers ----------------------------------------------

# Only behind proxies: a site facing the internet directly would trust forged headers.
SECURE_PROXY_SSL_HEADER = proxy_ssl_header()
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# In the database, so that signing out or a new password really ends a staff session (a
# copied cookie is worthless afterwards). Only staff get one.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "mesoinfo.csrf.csrf_failure"
# Messages ride in a cookie only: one that overflowed into the session would give a
# visitor a database session.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
# The language chosen with the switcher (mesoinfo/language_choice.py), so that `/` opens it
# next time: a year, this site only, unread by scripts. Stored pages are still served.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # __Host- cookies are sent only over HTTPS, for the whole site and this host alone: no
    # subdomain or plain-HTTP page can plant or overwrite them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_SECURE = True
    LANGUAGE_COOKIE_NAME = "__Host-language"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Cross-Origin-Resource-Policy (mesoinfo.middleware.CrossOriginResourcePolicyMiddleware):
# no other site may embed our pages, images or files.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# Content Security Policy (django-csp 4), the admin's included: no inline script without
# the page's nonce, no inline style, no framing.
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

# One Redis for several machines: the shared cache (the pages in the database after
# REDIS_URL's), and the consultation flood counters
# (screener.limits counts in the database without it).
REDIS_URL = env_str("REDIS_URL", "")
CACHES = cache_settings(env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache")), REDIS_URL)
RATELIMIT_USE_CACHE = "ratelimit"
# Cached pages are kept per release; empty: the checkout's git commit (mesoinfo/release.py).
RELEASE_ID = env_str("RELEASE_ID", "").strip()

# At most; any staff edit clears CACHES["pages"] at once (content/cache.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# --- What the site keeps and for how long; its limits --------------------------------

# Seconds before the screener's encrypted cookie (screener/cookie.py) is forgotten.
SCREENER_TIMEOUT = env_int("SCREENER_TIMEOUT", 3600)
CONSULTATION_RETENTION_DAYS = env_int("CONSULTATION_RETENTION_DAYS", 180)
CONSULTATION_VISITOR_LIMIT = env_str("CONSULTATION_VISITOR_LIMIT", "3/h")
# Per address higher than per visitor: a carrier's NAT puts many patients behind one.
CONSULTATION_RATE_LIMIT = env_str("CONSULTATION_RATE_LIMIT", "20/h")
CONSULTATION_SITE_LIMIT = env_str("CONSULTATION_SITE_LIMIT", "200/h")
CONSULTATION_CALLBACK_WORKING_DAYS = env_int("CONSULTATION_CALLBACK_WORKING_DAYS", 2)
# Numbers typed without a country code; the clinic profile's country wins once filled in.
CLINIC_COUNTRY = env_str("CLINIC_COUNTRY", "SA")
# Whether the deployment named the country: the emergency numbers shown before the clinic
# profile is saved follow it (clinic/emergency_numbers.yaml); a deploy check warns if not.
CLINIC_COUNTRY_FROM_ENVIRONMENT = bool(env_str("CLINIC_COUNTRY", "").strip())
# Empty: the active users of the "Reception" group.
RECEPTION_EMAILS = env_list("RECEPTION_EMAILS")
# Sent sooner than this after opening (a program, or a person with autofill), the form
# comes back filled in and asks to be sent again; the second send is accepted.
CONSULTATION_MIN_FILL_SECONDS = env_int("CONSULTATION_MIN_FILL_SECONDS", 2)
# While the site-wide allowance is spent (screener.limits.site_is_busy), a form must have
# been open this long before it is sent: people take that long, a flooding program not.
CONSULTATION_BUSY_FILL_SECONDS = env_int("CONSULTATION_BUSY_FILL_SECONDS", 20)
CONSULTATION_FORM_MAX_AGE = 24 * 60 * 60

# Backups (manage.py backup_site): the private age key stays off the server.
BACKUP_AGE_RECIPIENTS = env_list("BACKUP_AGE_RECIPIENTS")
BACKUP_KEEP_DAYS = env_int("BACKUP_KEEP_DAYS", 14)

# What manage.py purge_personal_data deletes besides old consultation requests: feedback
# comments (the yes/no answer stays) and django-axes' sign-in records.
FEEDBACK_COMMENT_RETENTION_DAYS = env_int("FEEDBACK_COMMENT_RETENTION_DAYS", 180)
AXES_LOG_RETENTION_DAYS = env_int("AXES_LOG_RETENTION_DAYS", 90)

FEEDBACK_RATE_LIMIT = env_str("FEEDBACK_RATE_LIMIT", "10/h")

# --- E-mail ---------------------------------------------------------------------------

# Editorial and reception e-mail: SMTP when EMAIL_HOST is set, else the console. SITE_URL
# makes the admin links in them absolute.
SITE_URL = env_str("SITE_URL", "http://localhost:8000")
EMAIL_HOST = env_str("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# The sender of Django's own error reports; the site's sender unless set apart.
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Logging --------------------------------------------------------------------------

# No personal data in logs (mesoinfo/logging.py). The loggers that carry SQL values and
# template context filter too: a logger's filters apply before any handler, even another's.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "mesoinfo.logging.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"filters": ["redact"]},
        "django.template": {"filters": ["redact"]},
    },
}
