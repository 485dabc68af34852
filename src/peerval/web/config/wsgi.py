"""WSGI entry point: ``gunicorn peerval.web.config.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerval.web.config.settings")
application = get_wsgi_application()
