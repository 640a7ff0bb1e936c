"""Settings for the verification desk, read once from the environment.

Every variable is listed in ``.env.example``. With none set, the project runs
locally on a SQLite file under ``var/`` with debug on; production sets
``DJANGO_DEBUG=0`` and must then provide a secret key and allowed hosts.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    # Only ever used with debug on, on a developer's machine.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "axes",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "articles.middleware.RequestBodyLimitMiddleware",
    "articles.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a 429.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.newsroom",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

# Unset (or empty, as in .env.example) DATABASE_URL means a local SQLite file,
# so a fresh clone runs with no service.
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
try:
    _database = dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'var' / 'newsroom.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
        # A persistent connection the database dropped is replaced before a
        # request uses it, instead of failing that request with a 500.
        conn_health_checks=True,
    )
except ValueError as exc:  # an unknown scheme, a port that is not a number...
    raise ImproperlyConfigured(
        f"DATABASE_URL is not a database address ({exc}); leave it empty for SQLite or "
        "give postgres://USER@HOST:PORT/NAME."
    ) from None
if not _database.get("ENGINE"):
    raise ImproperlyConfigured(
        "DATABASE_URL names no database engine; leave it empty for SQLite or give "
        "postgres://USER@HOST:PORT/NAME."
    )
DATABASES = {"default": _database}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers work while the importer writes, and NORMAL sync keeps
    # it durable at each checkpoint without an fsync per committed file;
    # IMMEDIATE takes the write lock up front instead of failing mid-transaction.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: a locked-out account or address is refused before its
# password is hashed, so guessing costs the attacker, not our CPU.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "articles.security.DeskModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # collectstatic fills it; whitenoise wants it
STATICFILES_DIRS = [BASE_DIR / "static"]
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

LOGIN_URL = "admin:login"

# --- Security headers (on everywhere; the HTTPS-only ones in production) ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# How many reverse proxies stand in front of the app (0: none, clients connect
# directly). Only then are X-Forwarded-For and X-Forwarded-Proto believed:
# from anyone else they are whatever the client chose to send.
NEWSROOM_TRUSTED_PROXIES = int(os.environ.get("NEWSROOM_TRUSTED_PROXIES") or "0")
if NEWSROOM_TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured("NEWSROOM_TRUSTED_PROXIES must be 0 or more.")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    if NEWSROOM_TRUSTED_PROXIES:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- The desk's own settings ---
# Claims at or above this check-worthiness must be approved or dismissed before
# an article can be published.
NEWSROOM_PUBLISH_THRESHOLD = float(os.environ.get("NEWSROOM_PUBLISH_THRESHOLD", "0.5"))
NEWSROOM_NAME = os.environ.get("NEWSROOM_NAME", "The Verification Desk")
NEWSROOM_SITE_URL = os.environ.get("NEWSROOM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Imported files larger than this are refused.
NEWSROOM_MAX_IMPORT_BYTES = int(os.environ.get("NEWSROOM_MAX_IMPORT_BYTES", str(5 * 1024 * 1024)))
# Seconds one file may take to extract before it is rejected (0: no limit).
NEWSROOM_EXTRACT_SECONDS = float(os.environ.get("NEWSROOM_EXTRACT_SECONDS", "30"))

# --- API ---
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_FILTER_BACKENDS": ["articles.api.backends.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "articles.api.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["articles.api.throttling.AnonRateThrottle"],
    "EXCEPTION_HANDLER": "articles.api.exceptions.exception_handler",
    # The browsable API (forms for every endpoint) only while debugging.
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("NEWSROOM_ANON_THROTTLE", "600/minute"),
        # Token requests per address, counted before any password is checked.
        "login": os.environ.get("NEWSROOM_LOGIN_THROTTLE", "10/minute"),
    },
    # The throttle's idea of the client's address (see articles.security).
    "NUM_PROXIES": NEWSROOM_TRUSTED_PROXIES,
}

# API tokens: hashed at rest, one per login, expiring (knox).
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=int(os.environ.get("NEWSROOM_TOKEN_HOURS") or "10")),
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_LIMIT_PER_USER": 20,
}

# Failed logins (admin and token endpoint): after AXES_FAILURE_LIMIT failures
# for one account, or from one address, further attempts are refused unhashed
# for the cool-off time. Attempts are stored in the database, so every worker
# counts the same ones.
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURES") or "5")
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("NEWSROOM_LOGIN_COOLOFF_MINUTES") or "15"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "articles.security.client_ip"
AXES_VERBOSE = False
SPECTACULAR_SETTINGS = {
    "TITLE": "Verification Desk API",
    "DESCRIPTION": (
        "Published articles, the claims they carry and their verdicts, with ClaimReview."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "articles.api.schema.add_links",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "articles.api.schema.ARTICLE_STATUS",
        "ClaimStatusEnum": "articles.api.schema.CLAIM_STATUS",
        "ClaimKindEnum": "articles.api.schema.CLAIM_KIND",
        "ActorKindEnum": "articles.api.schema.ACTOR_KIND",
        "RatingEnum": "articles.api.schema.RATING",
    },
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if not DEBUG:
    # Throttle counters must be shared by every worker, or each worker's limit
    # adds up: without Redis, a cache on disk that all workers on this host read.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": BASE_DIR / "var" / "cache",
        }
    }
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# --- Ingest: URLs, feeds, uploads and wire documents (articles.ingest) ---
# Fetching refuses loopback, private, link-local and other non-public
# addresses (SSRF) unless this is on; tests serve pages from 127.0.0.1.
NEWSROOM_INGEST_ALLOW_PRIVATE = env_bool("NEWSROOM_INGEST_ALLOW_PRIVATE", False)
# Seconds for a whole fetch (connect, headers and body), and for one read.
NEWSROOM_INGEST_TIMEOUT = float(os.environ.get("NEWSROOM_INGEST_TIMEOUT", "20"))
NEWSROOM_INGEST_MAX_BYTES = int(os.environ.get("NEWSROOM_INGEST_MAX_BYTES", str(5 * 1024 * 1024)))
NEWSROOM_INGEST_MAX_REDIRECTS = int(os.environ.get("NEWSROOM_INGEST_MAX_REDIRECTS", "5"))
# How often (seconds) Celery beat looks for feeds due a poll.
NEWSROOM_FEED_POLL_TICK = float(os.environ.get("NEWSROOM_FEED_POLL_TICK", "60"))

# --- Background workers (newsroom/celery.py): Celery with Redis as broker ---
# Without REDIS_URL tasks run in the calling process, so `make run` needs nothing else.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("REDIS_URL")
# "memory://" when eager: nothing ever tries to reach a broker that is not there.
CELERY_BROKER_URL = os.environ.get("REDIS_URL") or "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged when it is done, not when it is received: a worker
# killed mid-task leaves it to another (the tasks are idempotent).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Seconds before a task taken by a worker that vanished is handed out again.
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE = {
    "poll-due-feeds": {
        "task": "articles.ingest.tasks.feeds_poll_due",
        "schedule": NEWSROOM_FEED_POLL_TICK,
    },
}
# Seconds before an item's first retry after a network error (doubled each time).
NEWSROOM_INGEST_RETRY_DELAY = float(os.environ.get("NEWSROOM_INGEST_RETRY_DELAY", "10"))
# ---------------------------------------------------------------- email (desk notifications)
# The console backend prints mails to the terminal; set EMAIL_HOST to send by SMTP.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "desk@localhost")
