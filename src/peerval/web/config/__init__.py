"""Django settings, URLs, WSGI entry point and the Jinja2 environment."""
