"""gunicorn as ``make serve`` (and the bench's load test) runs it.

Threaded workers: a slow client (one header line every few seconds, a
slowloris) holds one thread, not a whole worker, and the worker's heartbeat
keeps going, so two slow connections no longer stop the site for 30 s.
Forwarded headers (X-Forwarded-Proto and friends) are believed only when
NEWSROOM_TRUSTED_PROXIES says proxies stand in front (see the README).
"""

import os

workers = int(os.environ.get("NEWSROOM_GUNICORN_WORKERS") or "2")
worker_class = "gthread"
threads = int(os.environ.get("NEWSROOM_GUNICORN_THREADS") or "8")
timeout = 30
keepalive = 5
# A request line or headers larger than this are refused before Django sees them.
limit_request_line = 8190
limit_request_fields = 100

if int(os.environ.get("NEWSROOM_TRUSTED_PROXIES") or "0") > 0:
    forwarded_allow_ips = os.environ.get("NEWSROOM_PROXY_IPS") or "127.0.0.1,::1"
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}
