"""``make bench``: the desk's performance figures, written to docs/PERFORMANCE.md.

``python -m bench`` (``__main__``) prepares scratch databases, runs each
section in its own subprocess with its own ``DATABASE_URL`` and collects the
JSON line each prints; ``report`` turns the results into the table. Sections:
``extraction``, ``imports``, ``api``, ``pages``, ``scale``, ``load``.

The bench never touches the developer's ``var/newsroom.sqlite3`` or the
``newsroom`` database: it works on files under ``var/bench/`` and on the
PostgreSQL database ``newsroom_bench``, dropped and recreated as it goes.
"""
