"""Hardening (issue 15): search documents capped under PostgreSQL's 1 MB
tsvector limit, so any accepted file (up to 5 MB) imports."""

from django.db import migrations

from articles.search import SOURCE_COLUMNS, function_sql


def _capped_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in SOURCE_COLUMNS:
        schema_editor.execute(function_sql(table))


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_ingest")]

    # Backwards keeps the capped function: it is never wrong, only shorter.
    operations = [migrations.RunPython(_capped_documents, migrations.RunPython.noop)]
