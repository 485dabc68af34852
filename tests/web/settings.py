"""Settings for the test suite: peerval's real settings with a throwaway home folder."""

import os
import tempfile

os.environ.setdefault("PEERVAL_SECRET_KEY", "test-only-" + "x" * 60)
os.environ.setdefault("PEERVAL_HOME", tempfile.mkdtemp(prefix="peerval-web-"))
os.environ.setdefault(
    "PEERVAL_STATIC_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)
os.environ.setdefault("PEERVAL_STATIC_FROM_SOURCE", "true")
os.environ.setdefault("PEERVAL_PUBLIC_RATE_LIMIT", "100000")

from peerval.web.config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test users
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
