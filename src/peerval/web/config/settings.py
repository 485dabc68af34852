"""Django settings for peerval, read from the environment (see docs/web.md for every variable).

Local use needs nothing set: the database is a SQLite file in the user's peerval folder and
a secret key is made there on first use. A shared server sets ``PEERVAL_PRODUCTION=true``,
``PEERVAL_SECRET_KEY``, ``PEERVAL_ALLOWED_HOSTS`` and ``DATABASE_URL`` (PostgreSQL).
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from peerval.instruments.paths import data_home

from .env import env_bool, env_header, env_int, env_list, env_str, local_secret_key

WEB_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = WEB_DIR.parents[2]
HOME = data_home()

PRODUCTION = env_bool("PEERVAL_PRODUCTION", False)
DEBUG = env_bool("PEERVAL_DEBUG", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("PEERVAL_DEBUG=true is not allowed with PEERVAL_PRODUCTION=true")

SECRET_KEY = env_str("PEERVAL_SECRET_KEY") or ""
if PRODUCTION and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "PEERVAL_SECRET_KEY must be set to at least 50 random characters in production "
        '(python -c "import secrets; print(secrets.token_urlsafe(64))")'
    )
if not SECRET_KEY:
    SECRET_KEY = local_secret_key(HOME)

ALLOWED_HOSTS = env_list("PEERVAL_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("PEERVAL_CSRF_TRUSTED_ORIGINS", [])
#: the address that survey links and QR codes point to, e.g. https://surveys.example.nhs.uk
PUBLIC_URL = (env_str("PEERVAL_PUBLIC_URL", "") or "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "peerval.web.accounts",
    "peerval.web.surveys",
    "peerval.web.audit",
    "peerval.web.qualitative",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "peerval.web.config.sessions.PeervalSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "peerval.web.config.middleware.security_headers",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "peerval.web.config.urls"
WSGI_APPLICATION = "peerval.web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "peerval.web.config.jinja2.environment",
            "context_processors": ["peerval.web.config.context.nhsuk_page"],
        },
    },
]

# --- database -----------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    try:
        _db = dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL: {exc}") from None
    if _db["ENGINE"] not in ("django.db.backends.postgresql", "django.db.backends.sqlite3"):
        raise ImproperlyConfigured(
            f"DATABASE_URL: peerval supports PostgreSQL and SQLite, not {_db['ENGINE']}"
        )
    if _db["ENGINE"] == "django.db.backends.postgresql":
        # the survey's hot-path statements are prepared on first use (docs/adr/0008);
        # Django's own statements bind on the client and are never prepared. Off behind
        # a connection pooler that cannot keep prepared statements.
        _db.setdefault("OPTIONS", {})["prepare_threshold"] = (
            0 if env_bool("PEERVAL_DATABASE_PREPARE", True) else None
        )
else:
    _db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": Path(env_str("PEERVAL_DATABASE", "") or HOME / "peerval.sqlite3"),
    }
    _db["NAME"].parent.mkdir(parents=True, exist_ok=True)
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["OPTIONS"] = {
        # WAL lets readers work while one writer commits; FULL makes every commit durable
        # on disk before the respondent sees "thank you".
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- caching (rate limits) ------------------------------------------------------------------
REDIS_URL = env_str("PEERVAL_REDIS_URL")
if REDIS_URL:
    try:
        import redis  # noqa: F401
    except ImportError:
        raise ImproperlyConfigured(
            "PEERVAL_REDIS_URL is set but the redis package is not installed (pip install redis)"
        ) from None
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- client addresses (rate limits, sign-in lockout; see config/client.py) -------------------
#: the header a trusted reverse proxy writes the client's address into, as its request.META
#: key; None: the connection's address is used and forwarding headers are ignored
TRUSTED_PROXY_HEADER = env_header("PEERVAL_TRUSTED_PROXY_HEADER")
#: how many trusted proxies add to that header (the client is this many entries from its end)
TRUSTED_PROXY_COUNT = env_int("PEERVAL_TRUSTED_PROXY_COUNT", 1, minimum=1)
if TRUSTED_PROXY_HEADER is None and env_str("PEERVAL_TRUSTED_PROXY_COUNT"):
    raise ImproperlyConfigured(
        "PEERVAL_TRUSTED_PROXY_COUNT is set but PEERVAL_TRUSTED_PROXY_HEADER is not: name the "
        "header your proxy writes the client's address into (e.g. X-Forwarded-For)"
    )

#: requests per minute one respondent may make on a survey link; requests naming no draft in
#: progress share one such allowance per address
PUBLIC_RATE_LIMIT = env_int("PEERVAL_PUBLIC_RATE_LIMIT", 120, minimum=1)
#: requests per minute to the survey pages from one address in all (every respondent behind
#: one proxy or network together)
PUBLIC_ADDRESS_RATE_LIMIT = env_int(
    "PEERVAL_PUBLIC_ADDRESS_RATE_LIMIT", 10 * PUBLIC_RATE_LIMIT, minimum=1
)
if PUBLIC_ADDRESS_RATE_LIMIT < PUBLIC_RATE_LIMIT:
    raise ImproperlyConfigured(
        f"PEERVAL_PUBLIC_ADDRESS_RATE_LIMIT={PUBLIC_ADDRESS_RATE_LIMIT}: must be at least "
        f"PEERVAL_PUBLIC_RATE_LIMIT ({PUBLIC_RATE_LIMIT})"
    )

# --- idempotency records ----------------------------------------------------------------------
#: days a form submission's key is kept; ``peerval manage expire_idempotency`` deletes older
IDEMPOTENCY_DAYS = env_int("PEERVAL_IDEMPOTENCY_DAYS", 7, minimum=1)

# --- accounts -------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "surveys:home"
LOGOUT_REDIRECT_URL = "accounts:login"
#: failed sign-ins to one account (from anywhere) before it is locked
AXES_FAILURE_LIMIT = env_int("PEERVAL_LOGIN_FAILURE_LIMIT", 5, minimum=1)
#: failed sign-ins from one address (to any accounts) before the address is locked too;
#: much higher, as many staff may share one address (accounts/lockout.py)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("PEERVAL_LOGIN_ADDRESS_FAILURE_LIMIT", 100, minimum=1)
if LOGIN_ADDRESS_FAILURE_LIMIT < AXES_FAILURE_LIMIT:
    raise ImproperlyConfigured(
        f"PEERVAL_LOGIN_ADDRESS_FAILURE_LIMIT={LOGIN_ADDRESS_FAILURE_LIMIT}: must be at least "
        f"PEERVAL_LOGIN_FAILURE_LIMIT ({AXES_FAILURE_LIMIT})"
    )
LOGIN_COOLOFF_MINUTES = env_int("PEERVAL_LOGIN_COOLOFF_MINUTES", 30, minimum=1)
AXES_COOLOFF_TIME = LOGIN_COOLOFF_MINUTES / 60  # hours
#: failures are counted by account and by address, each with its own limit (the handler)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "peerval.web.accounts.lockout.SignInLockout"
AXES_CLIENT_IP_CALLABLE = "peerval.web.config.client.client_address"
AXES_LOCKOUT_CALLABLE = "peerval.web.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "peerval.web.config.errors.csrf_failure"

# --- security headers -----------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("PEERVAL_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("PEERVAL_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- static files (NHS.UK frontend from npm, served by WhiteNoise) -------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("PEERVAL_STATIC_ROOT", "") or HOME / "static")
#: the NHS.UK frontend files prepared by ``python -m peerval.web.frontend`` (make frontend)
NHSUK_FRONTEND_DIR = Path(
    env_str("PEERVAL_FRONTEND_DIR", "") or REPO_DIR / "frontend" / "build" / "nhsuk"
)
STATICFILES_DIRS = [WEB_DIR / "static", ("nhsuk", NHSUK_FRONTEND_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env_str(
            "PEERVAL_STATIC_STORAGE", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = env_bool("PEERVAL_STATIC_FROM_SOURCE", False)

# --- results ---------------------------------------------------------------------------------
#: where rendered reports are cached (report files are rebuilt when responses change)
REPORT_CACHE = Path(env_str("PEERVAL_REPORT_CACHE", "") or HOME / "reports")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django": {"handlers": ["console"], "level": env_str("PEERVAL_LOG_LEVEL", "WARNING")}
    },
}
