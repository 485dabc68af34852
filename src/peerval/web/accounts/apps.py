from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "peerval.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
