"""Sign-in lockout: an account by its own failures, an address by many more.

django-axes counts failed sign-ins by account and by address (``AXES_LOCKOUT_PARAMETERS``)
but holds both to one limit, so a few mistyped or made-up names would lock out everyone
who shares an address (a Trust's network, a reverse proxy). Here an account is locked after
``AXES_FAILURE_LIMIT`` failures to it from anywhere, and an address only after
``LOGIN_ADDRESS_FAILURE_LIMIT`` failures from it to any accounts, which stops one address
trying a password against many names. Both counts cover the cool-off period. The address
is ``config.client.client_address``'s (``AXES_CLIENT_IP_CALLABLE``).
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest

__all__ = ["SignInLockout"]


def _failures(attempts: QuerySet) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class SignInLockout(AxesDatabaseHandler):
    """Axes' database handler with a separate, larger limit for an address.

    Axes compares one number with ``AXES_FAILURE_LIMIT``: here the account's failures, or,
    once the address has reached its own limit, at least that limit, so that the address
    is refused whichever name it tries.
    """

    def _recent(self, request: HttpRequest) -> QuerySet:
        attempts = AccessAttempt.objects.all()
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        return attempts

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        recent = self._recent(request)
        username = get_client_username(request, credentials)
        by_account = _failures(recent.filter(username=username)) if username else 0
        by_address = _failures(recent.filter(ip_address=request.axes_ip_address))
        if by_address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(by_account, get_failure_limit(request, credentials))
        return by_account

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """After a successful sign-in, forget that account's failures only: a colleague
        signing in from the same address does not clear the address's count."""
        username = get_client_username(request, credentials)
        if not username:
            return 0
        deleted, _ = AccessAttempt.objects.filter(username=username).delete()
        return deleted
