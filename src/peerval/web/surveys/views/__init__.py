"""Views: thin functions that read the request, call services, and render."""
