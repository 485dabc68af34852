"""``peerval manage expire_idempotency``: delete idempotency records past their age (cron)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from ...services.idempotency import expire


class Command(BaseCommand):
    help = (
        "Delete the records of form submissions handled more than PEERVAL_IDEMPOTENCY_DAYS "
        "days ago (run daily from cron)."
    )

    def handle(self, *args, **options) -> None:
        deleted = expire()
        noun = "record" if deleted == 1 else "records"
        self.stdout.write(
            f"Deleted {deleted} idempotency {noun} older than {settings.IDEMPOTENCY_DAYS} days."
        )
