"""The Celery app of the desk's background workers (``make worker``).

Configured from Django's settings (``CELERY_*``): Redis from ``REDIS_URL`` as
the broker, or, with no ``REDIS_URL``, every task run in the calling process.
Tasks live in ``articles.ingest.tasks``, which imports this module: nothing
else does, so a process that never sends a task never loads Celery
(``celery -A newsroom`` finds ``newsroom.celery`` by itself).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["articles.ingest"])
