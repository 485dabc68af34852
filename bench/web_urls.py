"""peerval's URLs plus a bare baseline view for bench/web.py.

The baseline answers a form POST with exactly one INSERT into a small table the bench
creates, through the same Django stack (middleware, database connection settings) as the
survey, so the survey's cost can be read against the least a POST can cost here.
"""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from peerval.web.config.urls import (  # noqa: F401 - the error handlers are looked up here
    handler400,
    handler403,
    handler404,
    handler500,
)
from peerval.web.config.urls import urlpatterns as peerval_urlpatterns

BASELINE_TABLE = "bench_baseline"


def create_baseline_table() -> None:
    """The baseline's table (id, time, a short text), made once before the run."""
    key = (
        "integer PRIMARY KEY AUTOINCREMENT"
        if connection.vendor == "sqlite"
        else "bigserial PRIMARY KEY"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {BASELINE_TABLE} "
            f"(id {key}, created_at varchar(40) NOT NULL, payload varchar(200) NOT NULL)"
        )


@csrf_exempt
@login_not_required
@require_POST
def baseline_insert(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BASELINE_TABLE} (created_at, payload) VALUES (%s, %s)",
            [timezone.now().isoformat(), request.POST.get("payload", "")[:200]],
        )
    return HttpResponse(status=204)


urlpatterns = [path("bench/insert/", baseline_insert), *peerval_urlpatterns]
