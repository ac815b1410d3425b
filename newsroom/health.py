"""`/healthz`: whether this instance can serve the desk, for a load balancer or a monitor.

No login and nothing secret: 200 `{"status": "ok"}` when the database answers and the task
queue is being worked; 503 with a one-line reason otherwise.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    problem = database_problem() or queue_problem()
    if problem:
        return JsonResponse({"status": "unavailable", "reason": problem}, status=503)
    return JsonResponse({"status": "ok"})


def database_problem() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "the database does not answer"
    return ""


def queue_problem() -> str:
    """A task ready to run that has waited too long: no worker is taking the queue."""
    limit = settings.NEWSROOM_QUEUE_STUCK_SECONDS
    try:
        oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    except DatabaseError:
        return "the task queue cannot be read"
    if oldest is not None and timezone.now() - oldest > timedelta(seconds=limit):
        waited = int((timezone.now() - oldest).total_seconds())
        return f"a task has waited {waited} s for a worker (limit {limit} s): is `manage.py desk_worker` running?"
    return ""
