"""Settings for the Cao Bằng administrative-reform information site.

One module, configured by the environment. The defaults run the whole site on a local SQLite file
with no other service; production sets DATABASE_URL (PostgreSQL), SECRET_KEY, ALLOWED_HOSTS and,
to scale search out, ELASTICSEARCH_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

# A fixed key is only acceptable for a local, DEBUG run; production must bring its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "local-development-only-not-secret"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "home",
    "articles",
    "editorial",
    "search",
    "indices",
    "legal",
    "participation",
    "ops",
    "channels",
    "wagtailmedia",
    "reports",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "editorial.apps.CustomUsersAppConfig",  # wagtail.users with editorial.users.UserViewSet
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "storages",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Request id and one JSON log line per request (docs/deployment.md).
    "ops.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # /healthz, answered before anything that needs the database.
    "ops.health.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy: strict on public pages, relaxed for the admin (docs/security.md).
    "ops.security.csp.ScopedCSPMiddleware",
    # 429 for a flood of searches from one address, before anything else is spent on it.
    "ops.security.ratelimit.RateLimitMiddleware",
    # Anonymous visitors get whole pages from the cache (docs/caching.md).
    "ops.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ops.security.twofactor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.CachedSiteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_navigation",
                "ops.context_processors.visitor",
            ],
        },
    },
]

# dj-database-url form: sqlite:////absolute/path.sqlite3 or postgres://user:pass@host:5432/name
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Write-ahead log: readers never wait for a writer; commits skip the fsync that WAL
            # makes safe to skip (a power cut may lose the last commits, never corrupt the file).
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            # A transaction takes the write lock when it begins, so two writers queue at BEGIN
            # (waiting up to the busy timeout) instead of one failing half-way through with
            # "database is locked" when it first writes. Public GETs open no transaction.
            "transaction_mode": "IMMEDIATE",
            "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "ops.security.passwords.CharacterClassValidator"},
]
AUTHENTICATION_BACKENDS = [
    # django-axes first: a locked account+address is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Our catalogue comes first so it overrides Wagtail's incomplete Vietnamese one.
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # One Redis for every worker and app server: shared tables, whole pages, rate-limit counters.
    _redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    CACHES = {
        "default": _redis,
        "pages": {**_redis, "KEY_PREFIX": "pages", "TIMEOUT": int(os.environ.get("PAGE_CACHE_SECONDS", "600"))},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "TIMEOUT": int(os.environ.get("PAGE_CACHE_SECONDS", "600")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Whole-page cache for anonymous visitors (ops.pagecache, docs/caching.md).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"
# Never cached: the admin, previews, documents (privacy checked per request), search (logged and
# rate-limited per request), the API, the CSRF token and page-view endpoints, the health check.
PAGE_CACHE_EXCLUDED_PREFIXES = env_list(
    "PAGE_CACHE_EXCLUDED_PREFIXES",
    [
        "/admin/",
        "/django-admin/",
        "/documents/",
        "/api/",
        "/tim-kiem/",
        "/xem-truoc/",
        "/csrf-token/",
        "/healthz",
        "/static/",
        "/media/",
    ],
)
# Without Redis, worker processes on one host share the cache generation through this file.
PAGE_CACHE_GENERATION_FILE = os.environ.get(
    "PAGE_CACHE_GENERATION_FILE", str(BASE_DIR / "var" / "page-cache-generation")
)
# Models of other apps whose edits change what public pages show (app_label.ModelName). Pages,
# sites, snippets and site settings of every app are watched without being listed here.
PAGE_CACHE_INVALIDATING_MODELS = [
    "wagtailcore.Page",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Locale",
    "wagtailredirects.Redirect",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailembeds.Embed",
    "taggit.Tag",
    "home.ReformArea",
    "home.Unit",
    "home.SiteContact",
    "home.HomePage",
    "articles.ArticlePageTag",
    *env_list("PAGE_CACHE_EXTRA_INVALIDATING_MODELS", []),
]

# Background work (Wagtail's search index and reference index updates, file deletions): run at once
# by default and in tests; in production a database queue and `manage.py db_worker` (make serve).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cchc@caobang.gov.vn")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Transport security (docs/security.md). Secure by default when DEBUG is off: HTTPS only, secure
# cookies, HSTS. Behind a TLS-terminating proxy set BEHIND_TLS_PROXY=1 (trust X-Forwarded-Proto);
# a plain-HTTP local run of the production stack (make serve) sets SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DENY everywhere; Wagtail's own preview views override it to SAMEORIGIN for the admin's preview panel.
X_FRAME_OPTIONS = "DENY"

# The client address for rate limits and login throttling. Behind nginx set
# CLIENT_IP_HEADER=HTTP_X_REAL_IP (and have nginx set X-Real-IP); never trust it without a proxy.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "REMOTE_ADDR")

# Content-Security-Policy (django-csp): public pages allow only this site's own scripts and styles;
# no 'unsafe-inline'. The admin (Wagtail) gets the relaxed policy below (ops.security.csp).
_CSP_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_CSP_SELF],
        "script-src": [_CSP_SELF],
        "style-src": [_CSP_SELF],
        "img-src": [_CSP_SELF, "data:", *env_list("CSP_MEDIA_ORIGINS", [])],
        "font-src": [_CSP_SELF],
        "connect-src": [_CSP_SELF],
        "media-src": [_CSP_SELF, *env_list("CSP_MEDIA_ORIGINS", [])],
        # Embedded videos (Wagtail embeds) come from the providers' players.
        "frame-src": [_CSP_SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": [_CSP_SELF],
        "form-action": [_CSP_SELF],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [_CSP_SELF],
        "script-src": [_CSP_SELF, "'unsafe-inline'"],
        "style-src": [_CSP_SELF, "'unsafe-inline'"],
        "img-src": [_CSP_SELF, "data:", "blob:", *env_list("CSP_MEDIA_ORIGINS", [])],
        "font-src": [_CSP_SELF, "data:"],
        "connect-src": [_CSP_SELF],
        "media-src": [_CSP_SELF, "blob:", *env_list("CSP_MEDIA_ORIGINS", [])],
        "frame-src": [_CSP_SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com"],
        "frame-ancestors": [_CSP_SELF],
        "object-src": ["'none'"],
        "base-uri": [_CSP_SELF],
        "form-action": [_CSP_SELF],
    }
}
CSP_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]

# Login throttling (django-axes): 5 failures for one account from one address lock that pair for
# AXES_COOLOFF_HOURS or until an administrator unlocks it (Quản trị → Tài khoản bị khóa).
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "ops/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_IPWARE_META_PRECEDENCE_ORDER = [CLIENT_IP_HEADER, "REMOTE_ADDR"]
AXES_VERBOSE = False

# Rate limits (django-ratelimit counters in the default cache): per client address.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_IP_META_KEY = CLIENT_IP_HEADER
# Opens of search results counted per client address (search.clicks; beyond it, not counted).
SEARCH_CLICK_RATE = os.environ.get("SEARCH_CLICK_RATE", "30/h")
# A page counts for a query in the ranking once this many distinct visits in the last
# SEARCH_CLICK_DAYS days opened it, and it holds SEARCH_CLICK_MIN_SHARE of the query's opens.
SEARCH_CLICK_MIN_VISITS = int(os.environ.get("SEARCH_CLICK_MIN_VISITS", "5"))
SEARCH_CLICK_DAYS = int(os.environ.get("SEARCH_CLICK_DAYS", "90"))
SEARCH_CLICK_MIN_SHARE = float(os.environ.get("SEARCH_CLICK_MIN_SHARE", "0.3"))
RATE_LIMITS = {
    "search": os.environ.get("RATE_LIMIT_SEARCH", "60/m"),
    "search_autocomplete": os.environ.get("RATE_LIMIT_AUTOCOMPLETE", "180/m"),
}

# Two-factor authentication (django-otp TOTP, ops.security.twofactor): members of these groups must
# verify a code from an authenticator app before using the admin. On by default when DEBUG is off;
# TWO_FACTOR_REQUIRED=0 turns it off (the local demo has it off while DEBUG is on).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", not DEBUG)
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS", ["Phê duyệt cấp tỉnh", "Quản trị hệ thống"])
OTP_TOTP_ISSUER = "CCHC Cao Bằng"

# Media on S3-compatible object storage (django-storages) when a bucket is given: several app
# servers then share uploads without a shared disk (docs/deployment.md).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID", "")
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", True)
    AWS_S3_FILE_OVERWRITE = False
    # Documents keep going through Wagtail's view, which checks their privacy before redirecting.
    WAGTAILDOCS_SERVE_METHOD = "redirect"

# Logs: JSON lines with the request id when DEBUG is off (LOG_FORMAT=text|json).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOG_REQUESTS = env_bool("LOG_REQUESTS", not DEBUG)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ops.requestlog.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "ops.request": {"level": "INFO" if LOG_REQUESTS else "WARNING"},
        "axes": {"level": os.environ.get("LOG_LEVEL", "WARNING")},
    },
}

# An import waits this long (seconds) for another import or writer to finish (PostgreSQL lock_timeout).
IMPORT_LOCK_TIMEOUT = float(os.environ.get("IMPORT_LOCK_TIMEOUT", "60"))

# Searches are counted in each process and written after the response, at most this often (search.querylog).
QUERY_LOG_FLUSH_SECONDS = float(os.environ.get("QUERY_LOG_FLUSH_SECONDS", "30"))

# Reads of articles are counted in each process and written after the response, at most this often (reports.reads).
READS_FLUSH_SECONDS = float(os.environ.get("READS_FLUSH_SECONDS", "30"))

# Wagtail
WAGTAIL_SITE_NAME = "Cải cách hành chính tỉnh Cao Bằng"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# The admin's date pickers write WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT, so the forms must read them
# back (Django's Vietnamese locale defines no input formats; its default would read 25/11/2026 as m/d/Y).
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
]
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Editorial workflow (docs/workflow.md): a login form whose labels all go through the catalogue.
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.LoginForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "pdf", "rtf", "txt", "xls", "xlsx", "zip"]
# Uploads are checked by their content, not their name (ops.uploads, docs/security.md).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "ops.uploads.CheckedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "ops.uploads.CheckedImageForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# The legal bookcase takes only PDF and DOCX files up to LEGAL_FILE_MAX_SIZE bytes (docs/legal.md).
LEGAL_FILE_MAX_SIZE = int(os.environ.get("LEGAL_FILE_MAX_SIZE", str(20 * 1024 * 1024)))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatar look-ups on gravatar.com: the admin loads nothing from other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50

# Channels (docs/channels.md): recordings of the ethnic-language radio scripts are wagtailmedia audio,
# checked by content (MP3, OGG, M4A) and size in channels.recordings; no video is taken.
WAGTAILMEDIA = {
    "MEDIA_FORM_BASE": "channels.recordings.RecordingForm",
    "AUDIO_EXTENSIONS": ["mp3", "ogg", "oga", "m4a"],
    "VIDEO_EXTENSIONS": [],
}
CHANNELS_RECORDING_MAX_BYTES = int(os.environ.get("CHANNELS_RECORDING_MAX_BYTES", str(20 * 1024 * 1024)))

# Search: the database backend is the embedded default; ELASTICSEARCH_URL switches to Elasticsearch.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "cchc_caobang")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": env_list("ELASTICSEARCH_URL", []),
            "INDEX_PREFIX": ELASTICSEARCH_INDEX + "_",
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "5")),
            "OPTIONS": {},
        }
    }
else:
    # Wagtail's database backend (FTS5 / PostgreSQL) behind our query sanitiser; see docs/search.md.
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# Demo accounts: a local-only default password; never used when DEBUG is off.
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "")

# Citizen participation (docs/participation.md): feedback, questions, e-mail alerts.
# Per client address, django-ratelimit counters in the default cache (shared with REDIS_URL).
PARTICIPATION_RATE_LIMITS = {
    "feedback": os.environ.get("RATE_LIMIT_FEEDBACK", "10/m"),
    "ask": os.environ.get("RATE_LIMIT_ASK", "5/m"),
    "subscribe": os.environ.get("RATE_LIMIT_SUBSCRIBE", "5/m"),
}
# A question's name and contact are erased this many days after it was received (purge_personal_data).
PARTICIPATION_RETENTION_DAYS = int(os.environ.get("PARTICIPATION_RETENTION_DAYS", "365"))
# How long a subscription's confirmation link stays valid (nothing is stored until it is used).
PARTICIPATION_CONFIRMATION_DAYS = int(os.environ.get("PARTICIPATION_CONFIRMATION_DAYS", "7"))
# Who may unlock locked logins in the admin (besides superusers).
ADMINISTRATOR_GROUPS = env_list("ADMINISTRATOR_GROUPS", ["Quản trị hệ thống"])
