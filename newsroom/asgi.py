"""ASGI entry point."""

import os

# One numpy (OpenBLAS) thread per worker, set before anything imports numpy: see manage.py.
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

from django.core.asgi import get_asgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_asgi_application()

from newsroom.startup import refuse_insecure_serving  # noqa: E402

refuse_insecure_serving()
