"""The search-document triggers fire only when a document's own columns are
written. Touching ``updated_at`` on the articles naming a much-named actor
(a rename) rebuilt tens of thousands of documents for nothing: 13 s instead of
5 s for 28,000 articles at the bench's scale."""

from django.db import migrations

from articles.search import SOURCE_COLUMNS, trigger_sql


def _recreate(schema_editor, *, on_every_update: bool):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in SOURCE_COLUMNS:
        for statement in trigger_sql(table, on_every_update=on_every_update):
            schema_editor.execute(statement)


def forwards(apps, schema_editor):
    _recreate(schema_editor, on_every_update=False)


def backwards(apps, schema_editor):
    _recreate(schema_editor, on_every_update=True)


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_reader_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
