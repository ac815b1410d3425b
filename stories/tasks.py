"""Background tasks, run by `manage.py desk_worker` (django-tasks' `db_worker`, with its database backend)."""

from django_tasks import task

from stories.services.batches import run_batch


@task()
def ingest_batch(batch_id: int) -> None:
    """Take in a queued upload batch; its page shows the progress."""
    run_batch(batch_id)
