"""The desk's admin, one module per desk area, where editors work the queue.

Thin by design: every workflow step (take, propose, approve, send back,
dismiss, copy a verdict, publish, correct, retract, notes, merges) calls a
service in ``articles.services`` and shows its message; which buttons a page
offers comes from the same services, so no rule lives here. Imported and
derived fields are read-only; the audit trail cannot be edited or deleted.
"""

from . import (  # noqa: F401  (registers the ModelAdmins)
    actors,
    articles,
    bulk,
    claims,
    dashboard,
    ingest,
    record,
    records,
)
