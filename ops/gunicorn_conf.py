"""gunicorn settings of `make serve` and the deployment (docs/deployment.md).

Workers from the core count (2 × cores + 1, the gunicorn rule of thumb; WEB_CONCURRENCY overrides),
sync workers, the app preloaded once in the master so every worker starts settled (cms/wsgi.py).
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# A worker is replaced after this many requests (with jitter) so slow leaks cannot grow forever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
accesslog = None  # the app writes one JSON line per request with its request id (ops.requestlog)
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
