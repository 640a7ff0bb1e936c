#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError as exc:
        message = _unreachable_database(exc)
        if message is None:
            raise
        sys.stderr.write(message + "\n")
        sys.exit(1)


def _unreachable_database(exc) -> str | None:
    """A plain message when the database could not be connected to at all, with
    the address (its password hidden) and what to do; None for any other error."""
    from django.db import connection

    if connection.connection is not None:
        return None  # connected: a query failed, which the traceback explains
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    address = _redacted(os.environ.get("DATABASE_URL", ""))
    return (
        f"Cannot connect to the database at DATABASE_URL={address}: "
        f"{reason}. Start the database server, correct DATABASE_URL, or leave it "
        "empty to use the local SQLite file."
    )


def _redacted(url: str) -> str:
    """``url`` with its password, if any, replaced by ``***``."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
        return parts._replace(netloc=netloc).geturl()
    except ValueError:
        return "(unreadable)"


if __name__ == "__main__":
    main()
