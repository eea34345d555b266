"""Settings for khaosan, read from the environment in this one module.

Production is the default: DEBUG is off, the secret key must be given, cookies are secure and
HTTPS is required. `./khaosan run` and the test suite set DEBUG=true explicitly.
"""

import datetime
import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent  # src/khaosan
REPO_DIR = BASE_DIR.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("KHAOSAN_TESTING", "pytest" in sys.modules)

DATA_DIR = Path(env("KHAOSAN_DATA_DIR", REPO_DIR / "var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key():
    key = env("SECRET_KEY")
    if key:
        return key
    if not DEBUG and not TESTING:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: a random key kept in the data folder so sessions survive restarts.
    key_file = DATA_DIR / "dev-secret-key"
    if not key_file.exists():
        from django.utils.crypto import get_random_string

        key_file.write_text(get_random_string(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or TESTING) else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "khaosan.org.admin_site.OperatorAdminConfig",  # django.contrib.admin, for platform operators only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "khaosan.thai",
    "khaosan.org",
    "khaosan.audit",
    "khaosan.catalog",
    "khaosan.public",
    "khaosan.workflow",
    "khaosan.compliance",
    "khaosan.opendata",
    "khaosan.reports",
    "khaosan.procurement",
    "khaosan.backoffice",
    "khaosan.eservice",
    "khaosan.participation",
    "khaosan.demo",
]

MIDDLEWARE = [
    "khaosan.audit.middleware.TrafficLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "khaosan.params.NoNulInQueryMiddleware",
    # Links in e-mails name the running server in development when KHAOSAN_SITE_URL is not set.
    "khaosan.workflow.notify.RequestOriginMiddleware",
    "khaosan.public.middleware.SecurityHeadersMiddleware",
    # A kept public page is answered here, before the session, CSRF and authentication layers it needs not.
    "khaosan.public.pagecache.KeptPageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The office a person working in several offices chose: before the second factor, which its roles may need.
    "khaosan.org.offices.ActingOfficeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "khaosan.backoffice.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "khaosan.org.middleware.OfficeMiddleware",
    "khaosan.public.middleware.VisitCountMiddleware",
    # Inside the traffic log and the visit counter: a kept page is still recorded and counted.
    "khaosan.public.pagecache.PageCacheMiddleware",
    # Last: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "khaosan.urls"
WSGI_APPLICATION = "khaosan.wsgi.application"

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
                "khaosan.public.context_processors.site",
                "khaosan.backoffice.context_processors.backoffice",
            ],
            "builtins": [
                "khaosan.thai.templatetags.thai",
                "khaosan.catalog.templatetags.catalog_tags",
                "django.contrib.humanize.templatetags.humanize",
            ],
        },
    }
]

# Database: SQLite in WAL mode by default; PostgreSQL (or any) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'khaosan.sqlite3'}"), conn_max_age=600)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One connection for the life of the worker: closing a WAL database checkpoints it, about 9 ms
    # (bench/README.md), and there is no server whose connection slots it would hold.
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer commits; IMMEDIATE avoids lock upgrades mid-transaction.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "org.Staff"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Django's rules with Thai messages (org/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "khaosan.org.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "khaosan.org.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "khaosan.org.passwords.CommonPasswordValidator"},
    {"NAME": "khaosan.org.passwords.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # counts failures and refuses locked-out sign-ins first
    "django.contrib.auth.backends.ModelBackend",
]
# S-2.7: lock an account, or an address, after repeated failures; an administrator can unlock it.
AXES_FAILURE_LIMIT = env_int("KHAOSAN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("KHAOSAN_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "khaosan.backoffice.views.auth.locked_out"
# The client address comes from khaosan's own rule: the proxy header only from a trusted proxy.
AXES_CLIENT_IP_CALLABLE = "khaosan.backoffice.views.auth.client_ip_for_axes"
AXES_VERBOSE = False
# Staff sessions end after 30 minutes without activity, and when the browser closes.
SESSION_COOKIE_AGE = env_int("KHAOSAN_SESSION_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
OTP_TOTP_ISSUER = env("KHAOSAN_OTP_ISSUER", "khaosan")
LOGIN_URL = "backoffice:login"
LOGIN_REDIRECT_URL = "backoffice:home"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # an invitation link stays valid for three days

# Language and time: Thai first, Buddhist-era dates are produced by khaosan.thai.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

# Files
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", DATA_DIR / "static"))
if DEBUG or TESTING:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it; collectstatic fills it in production
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", DATA_DIR / "media"))
# Uploaded files and office images on an S3-compatible object store (MinIO, Ceph, AWS S3) instead of the
# disk: set the bucket. It must be private; visitors get files through khaosan's views, never from the store.
# Without the access key and secret, boto3 reads the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
S3_BUCKET = env("KHAOSAN_S3_BUCKET", "")
S3 = (
    {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env("KHAOSAN_S3_ENDPOINT_URL", "") or None,
        "region_name": env("KHAOSAN_S3_REGION", "") or None,
        "access_key": env("KHAOSAN_S3_ACCESS_KEY", "") or None,
        "secret_key": env("KHAOSAN_S3_SECRET_KEY", "") or None,
        # MinIO and Ceph answer at one address for every bucket (path-style); AWS at the bucket's own name.
        "addressing_style": "path" if env("KHAOSAN_S3_ENDPOINT_URL", "") else None,
    }
    if S3_BUCKET
    else None
)
STORAGES = {
    "default": (
        {"BACKEND": "khaosan.catalog.objectstore.MediaStorage", "OPTIONS": S3}
        if S3
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# S-2.10: the file types the framework allows, and the largest upload accepted.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750

# Caches. One app server: each alias in memory (or files) on this machine. Several app servers behind one name
# (README, "Several app servers"): KHAOSAN_REDIS_URL names one Redis that all of them share, e.g.
# unix:///run/redis/redis-server.sock?db=0 or redis://10.0.0.5:6379/0, and the aliases whose entries every
# server must see live there, each under its own key prefix. khaosan.sharedcache explains why a Redis outage
# is a cache miss there, never an error page.
REDIS_URL = env("KHAOSAN_REDIS_URL", "")


def redis_cache(alias, url):
    """Return the settings of cache `alias` in the Redis at `url`, under its own key prefix."""
    return {
        "BACKEND": "khaosan.sharedcache.ForgivingRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": f"khaosan:{alias}",
        # Short socket timeouts: an unreachable Redis over TCP must cost a page a fraction of a second, once
        # (the backend then leaves it alone for RETRY_SECONDS), not the kernel's minutes.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "RETRY_SECONDS": 5},
    }


def _shared_cache(alias, alone):
    """Return the Redis cache of `alias` when several servers share one, else `alone` (this machine only)."""
    return redis_cache(alias, REDIS_URL) if REDIS_URL else alone


# The aliases every app server must see alike (tests/test_redis_cache.py points them at one Redis).
SHARED_CACHES = ("default", "pages", "participation")
CACHES = {
    # Shared: the office-version token (org/middleware.py: a changed office reaches every server at once),
    # the footer's visit figures, the ITA request-form PDFs (Chromium once per version, not once per server),
    # the redaction reports of the publish screen, and the session copies of cached_db (below).
    "default": _shared_cache(
        "default", {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "khaosan"}
    ),
    # Kept public pages (public/pagecache.py), checked against the shared PageStamp on every request: a page
    # kept in a per-process cache is still never stale, but each worker of each server would make it again.
    # Shared, a page is made once for all of them. Their size is bounded by Redis's maxmemory (README).
    "pages": _shared_cache(
        "pages",
        {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "khaosan-pages",
            "OPTIONS": {"MAX_ENTRIES": 3000},
        },
    ),
    # Rate limits and challenges of the public forms (participation/ratelimit.py). They count per client
    # address, so every gunicorn worker must see the same counts: a per-process memory cache would give each
    # worker its own (three workers, three times the limit). Files in the data folder are shared by the
    # workers of one machine; several machines share Redis.
    "participation": _shared_cache(
        "participation",
        (
            {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "khaosan-participation"}
            if TESTING
            else {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": DATA_DIR / "cache" / "participation",
                "OPTIONS": {"MAX_ENTRIES": 20000},
            }
        ),
    ),
    # Always per process, even beside Redis: model instances with their prefetched rows (window_cached's
    # public lists, the office of a host). Their keys carry a state read from the database or the shared
    # cache, so no server shows a stale one; kept here, they cost no network and no unpickling of big object
    # graphs on every page, and one release never has to unpickle another's model classes.
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "khaosan-local"},
}
# Sessions stay in the database, which every app server shares (Django's default engine, unchanged); beside
# Redis they are read through a copy in the "default" cache (cached_db), so a Redis flush or outage signs
# nobody out. Sign-in lockouts (django-axes) are database rows too, shared the same way.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# E-mail: console by default, SMTP when EMAIL_HOST is given.
EMAIL_HOST = env("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    # Without a mail server: development writes each e-mail as a file under var/mail; production logs it.
    EMAIL_BACKEND = env(
        "EMAIL_BACKEND",
        "django.core.mail.backends.filebased.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.console.EmailBackend",
    )
    EMAIL_FILE_PATH = DATA_DIR / "mail"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "khaosan <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production defaults; DEBUG relaxes only what plain-HTTP development needs.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# A refused form (the CSRF cookie missing or stale) answers in Thai with what to do next.
CSRF_FAILURE_VIEW = "khaosan.public.errors.csrf_failure"
LANGUAGE_COOKIE_SAMESITE = "Lax"
if not DEBUG and not TESTING:
    # S-2.9: production speaks HTTPS only. gunicorn serves plain HTTP on 127.0.0.1, so TLS must end at a
    # reverse proxy (nginx) on this machine, and that has to be said explicitly for its header to count.
    if not env_bool("KHAOSAN_BEHIND_TLS_PROXY", False):
        raise ImproperlyConfigured(
            "khaosan serves only HTTPS in production: put nginx with a TLS certificate in front of it and set "
            "KHAOSAN_BEHIND_TLS_PROXY=true (see README, Production)."
        )
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # Scanners send any Host header; khaosan's 400 handler logs one warning for each (public/errors.py).
        "django.security.DisallowedHost": {"level": "CRITICAL"},
    },
}


def env_traffic_retention_days():
    """Read how long the traffic log is kept, refusing what the law does not allow.

    At least 90 days (CCA s.26; MDES notification B.E. 2564), at most 2 years (CCA s.26 as amended
    B.E. 2560, on an official's order). A wrong value stops the start-up rather than losing evidence.
    """
    days = env_int("KHAOSAN_TRAFFIC_RETENTION_DAYS", 90)
    if not 90 <= days <= 730:
        raise ImproperlyConfigured(
            f"KHAOSAN_TRAFFIC_RETENTION_DAYS={days}: the traffic log must be kept at least 90 days "
            "(CCA s.26) and at most 730 days (2 years)."
        )
    return days


def env_participation_retention_days():
    """Read how long a closed case keeps its complainant's personal data (PDPA s.37(3): no longer than needed).

    The office states the period in its privacy notice. At least 30 days, so a reopened question can
    still be answered; at most 10 years. A wrong value stops the start-up rather than erase early.
    """
    days = env_int("KHAOSAN_PARTICIPATION_RETENTION_DAYS", 365)
    if not 30 <= days <= 3650:
        raise ImproperlyConfigured(
            f"KHAOSAN_PARTICIPATION_RETENTION_DAYS={days}: keep personal data of closed complaints "
            "between 30 and 3650 days."
        )
    return days


# khaosan's own settings
KHAOSAN = {
    # The standard as data (DESIGN principle 2): shipped with the code, synced by `sync_standard`.
    "STANDARD_FILE": Path(env("KHAOSAN_STANDARD_FILE", BASE_DIR / "catalog" / "standard" / "standard.yaml")),
    # Which office answers a host that matches no office's hostname.
    "DEFAULT_OFFICE": env("KHAOSAN_DEFAULT_OFFICE", ""),
    # Uploaded files live outside MEDIA_ROOT: they are served only through khaosan's access checks.
    "FILES_ROOT": Path(env("KHAOSAN_FILES_ROOT", DATA_DIR / "files")),
    # …or in the bucket of KHAOSAN_S3_* (files/ for uploads, media/ for office images), when one is set.
    "S3": S3,
    # Production: nginx sends the bytes (X-Accel-Redirect) after khaosan checked access and counted the
    # download. Set to the internal location that aliases FILES_ROOT, e.g. "/protected-files/".
    "X_ACCEL_PREFIX": env("KHAOSAN_X_ACCEL_PREFIX", ""),
    # Optional virus scan of uploads: a clamd unix socket path or host:port.
    "CLAMAV_SOCKET": env("KHAOSAN_CLAMAV_SOCKET", ""),
    "ITEMS_PER_PAGE": 20,
    # Visit and item-view counters are added up in each worker and written together (public/visits.py):
    # every so many seconds or views. Tests write them at once.
    "COUNTS_FLUSH_SECONDS": env_int("KHAOSAN_COUNTS_FLUSH_SECONDS", 0 if TESTING else 10),
    "COUNTS_FLUSH_VIEWS": env_int("KHAOSAN_COUNTS_FLUSH_VIEWS", 1 if TESTING else 500),
    # Whole public pages kept per office, language and URL, never stale (public/pagecache.py); the seconds
    # are the longest a kept page lives, and how fresh the footer's visit counts are.
    "PAGE_CACHE": env_bool("KHAOSAN_PAGE_CACHE", True),
    "PAGE_CACHE_SECONDS": env_int("KHAOSAN_PAGE_CACHE_SECONDS", 60),
    # The costly parts of public pages (lists, the home page's sections, an item's content) kept rendered
    # under the same rules, for every visitor, signed in or not (public/fragments.py).
    "FRAGMENT_CACHE": env_bool("KHAOSAN_FRAGMENT_CACHE", True),
    # nginx in front keeps the pages khaosan keeps, told for how long by X-Accel-Expires, under the page stamp
    # `page_stamp --nginx-include` hands it (README: Production, the nginx page cache).
    "NGINX_PAGE_CACHE": env_bool("KHAOSAN_NGINX_PAGE_CACHE", False),
    # The public address of the site, for links in e-mails (e.g. https://ssobanluang.go.th). Required in
    # production (`check --deploy` warns); in development, links name the server the request reached.
    "SITE_URL": env("KHAOSAN_SITE_URL", ""),
    # Image renditions for lists and galleries (pixels of the longer side).
    "RENDITION_WIDTHS": (480, 960, 1600),
    # Traffic log (S-2.8, LOG-1…14). Off only for the overhead benchmark (bench/traffic_overhead.py).
    "TRAFFIC_LOG": env_bool("KHAOSAN_TRAFFIC_LOG", True),
    # A file each request is appended to instead of the database, chained by `traffic follow --spool` (README).
    "TRAFFIC_SPOOL": env("KHAOSAN_TRAFFIC_SPOOL", ""),
    "TRAFFIC_RETENTION_DAYS": env_traffic_retention_days(),
    # Peers whose client-address header is believed (addresses or networks; "unix" for a Unix socket).
    "TRUSTED_PROXIES": env_list("KHAOSAN_TRUSTED_PROXIES", "127.0.0.1,::1"),
    "TRUSTED_PROXY_HEADER": env("KHAOSAN_TRUSTED_PROXY_HEADER", "X-Forwarded-For"),
    # The client's source port as the proxy saw it (nginx: proxy_set_header X-Real-Port $remote_port).
    "TRUSTED_PROXY_PORT_HEADER": env("KHAOSAN_TRUSTED_PROXY_PORT_HEADER", "X-Real-Port"),
    # Link checks (GWS-7.8): links to other sites are fetched only when allowed (HEAD, then GET, 5 s each).
    "CHECK_EXTERNAL_LINKS": env_bool("KHAOSAN_CHECK_EXTERNAL_LINKS", False),
    # OCR of scanned PDFs (ACC-4) with tesseract where installed: a scan's words become findable by search.
    "OCR": env_bool("KHAOSAN_OCR", True),
    "OCR_LANGUAGES": env("KHAOSAN_OCR_LANGUAGES", "tha+eng"),
    # Public participation: days after a case is closed until its personal data is erased (privacy notice).
    "PARTICIPATION_RETENTION_DAYS": env_participation_retention_days(),
}
os.environ.setdefault("PYTHAINLP_DATA_DIR", str(DATA_DIR / "pythainlp"))
