"""Background tasks, run by `manage.py desk_worker` (django-tasks' `db_worker`, with its database backend).

Each task is defined beside the service that queues it (no import goes both ways); this
module names them, so that a task queued under its name here before still runs.
"""

from stories.services.analysis import analyse_story
from stories.services.batches import ingest_batch

__all__ = ["analyse_story", "ingest_batch"]
