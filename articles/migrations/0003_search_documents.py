"""Stored full-text documents: a column on articles and claims, kept by a
trigger and indexed with GIN on PostgreSQL (see ``articles.search``). An index
on an expression finds matches, but ranking them would parse every matching
text again; a stored document serves both."""

import django.contrib.postgres.search
from django.db import migrations

from articles.search import install_sql, uninstall_sql

TABLES = ("articles_article", "articles_claim")


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        for statement in install_sql(table):
            schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        for statement in uninstall_sql(table):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_roles")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text=(
                    "Full-text document (PostgreSQL keeps it with a trigger; see articles.search)."
                ),
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text=(
                    "Full-text document (PostgreSQL keeps it with a trigger; see articles.search)."
                ),
                null=True,
            ),
        ),
        migrations.RunPython(install, uninstall),
    ]
