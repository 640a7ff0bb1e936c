"""The desk's three roles as groups with model permissions.

Reporter reads everything and writes editor notes; Fact-checker also takes
claims and proposes verdicts; Editor also approves verdicts, publishes,
corrects and retracts articles, corrects extractions and merges actors.

Idempotent (groups are synced, not duplicated) and the same on SQLite and
PostgreSQL. The definitions live in ``articles.roles``.
"""

from django.db import migrations

from articles.roles import roles_remove, roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(roles_sync, roles_remove)]
