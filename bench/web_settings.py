"""Settings for bench/web.py: peerval's own settings, with the bench's URLs added.

Everything (middleware, database, static files, security) comes from the environment
through peerval's settings, exactly as on a server; only the URLconf differs, adding the
bare baseline view of :mod:`bench.web_urls`.
"""

from peerval.web.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.web_urls"
