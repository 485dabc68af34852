from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "peerval.web.surveys"
    label = "surveys"
    verbose_name = "Surveys"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (system checks)
