from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "peerval.web.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (sign-in events)
