"""Indexes the readers' reads can walk and count from alone, at 100,000 articles.

- Published articles by ``published_at`` then ``id``, partial on what readers
  see: the home page's list in index order, its count and the API's actor
  filter as index-only scans (the id is in the index). It replaces
  ``article_published_idx``, which had neither the id nor the partial condition.
- Mentions by actor then article: an actor's articles without reading the
  mentions table. It covers the actor foreign key's own index, dropped here.
- ``Claim.reviewed_at`` loses its index of its own. Walked backwards for
  "latest verdict first", it begins with the NULLs of every unreviewed claim
  (220,000 of 300,000), which the planner does not foresee: the latest five
  fact-checks read 24,000 pages. ``claim_latest_verdicts_idx`` (status,
  reviewed_at) starts at the approved ones.

Plain indexes, so the same on SQLite and PostgreSQL.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_listing_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("published_at__isnull", False), ("status", "published")),
                fields=["-published_at", "-id"],
                name="article_readers_idx",
            ),
        ),
        migrations.RemoveIndex(
            model_name="article",
            name="article_published_idx",
        ),
        migrations.AddIndex(
            model_name="actormention",
            index=models.Index(fields=["actor", "article"], name="mention_actor_article_idx"),
        ),
        migrations.AlterField(
            model_name="actormention",
            name="actor",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="mentions",
                to="articles.actor",
            ),
        ),
        migrations.AlterField(
            model_name="claim",
            name="reviewed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
