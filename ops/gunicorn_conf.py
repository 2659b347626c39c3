"""gunicorn settings of `make serve` and the deployment (docs/deployment.md).

Workers from the core count (2 × cores + 1, the gunicorn rule of thumb; WEB_CONCURRENCY overrides),
sync workers, the app preloaded once in the master so every worker starts settled (cms/wsgi.py).

Preloading matters beyond memory: a worker recycled after `max_requests` (or by a HUP) is a fork of
the settled master and serves at once. Without it every new worker imported Django, Wagtail and the
apps itself — on two cores, with several workers recycled together under load, no request was
served for about seven seconds (docs/performance.md). The price: a HUP re-forks the workers but
keeps the code the master loaded, so a deploy of new code restarts the service (docs/deployment.md).
"""

import multiprocessing
import os

from django.db import connections

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# A worker is replaced after this many requests (with jitter) so slow leaks cannot grow forever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
accesslog = None  # the app writes one JSON line per request with its request id (ops.requestlog)
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):
    """No database connection opened while the master loaded the app may be shared by a worker."""
    connections.close_all()
