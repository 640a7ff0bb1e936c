"""GIN indexes for full-text search, on PostgreSQL only (SQLite has no such
index; its search falls back to plain matching)."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from articles.search import article_search_vector, claim_search_vector

INDEXES = {
    "article": GinIndex(article_search_vector(), name="article_search_gin"),
    "claim": GinIndex(claim_search_vector(), name="claim_search_gin"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in INDEXES.items():
        schema_editor.add_index(apps.get_model("articles", model_name), index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in INDEXES.items():
        schema_editor.remove_index(apps.get_model("articles", model_name), index)


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_roles")]

    operations = [migrations.RunPython(create, drop)]
