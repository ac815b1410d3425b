#!/usr/bin/env python
"""Django's command-line utility for Newsroom Review."""

import os
import sys

# One numpy (OpenBLAS) thread per process, set before anything imports numpy. The text
# engine's matrices are small; a second thread per process only spins against the web
# workers and task workers (`manage.py db_worker`) on the same cores.
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
