from django.apps import AppConfig


class QualitativeConfig(AppConfig):
    name = "peerval.web.qualitative"
    label = "qualitative"
    verbose_name = "Qualitative coding"
