"""The article serializers' hand-written ``to_representation`` (the list's hot
path) says exactly what DRF's generic field-by-field walk says, for every kind
of article a consumer can get: published, draft (no date), with and without
a dateline, seen by a reader and by the desk."""

import datetime as dt

import pytest
from rest_framework import serializers as drf
from rest_framework.test import APIClient

from articles.api import serializers
from articles.api.views import ArticleViewSet
from articles.models import Article

from .factories import (
    ActorFactory,
    ActorMentionFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    named = PublishedArticleFactory(slug="named", dateline=dt.date(2025, 2, 3))
    ActorMentionFactory(article=named, actor=ActorFactory(slug="nato", kind="organization"))
    ApprovedClaimFactory(article=named)
    return [named, PublishedArticleFactory(slug="no-dateline", dateline=None), ArticleFactory()]


def generic(serializer, article):
    """DRF's own walk over the declared fields, skipping the fast path."""
    return drf.ModelSerializer.to_representation(serializer, article)


@pytest.mark.parametrize("audience", ["reader", "desk"])
def test_list_and_detail_match_drf_generic_output(articles, editor, audience):
    client = APIClient()
    if audience == "desk":
        client.force_authenticate(editor)
    listed = client.get("/api/v1/articles/").json()["results"]
    assert listed, "no article listed"
    view_articles = {a.slug: a for a in articles}
    for item in listed:
        detail = client.get(f"/api/v1/articles/{item['slug']}/").json()
        # The list item is the detail without what only the detail has, field for field.
        only_detail = set(serializers.ArticleDetailSerializer.Meta.fields) - set(
            serializers.ArticleSerializer.Meta.fields
        )
        assert {k: v for k, v in detail.items() if k not in only_detail} == item
        assert item["slug"] in view_articles

    # The same objects through the fast path and through DRF's generic one.
    for article in articles:
        shown = Article.objects.with_claims_count(approved_only=audience == "reader").get(
            pk=article.pk
        )
        shown.visible_claims = list(article.claims.all())
        ArticleViewSet().decorate([shown])
        for cls in (serializers.ArticleSerializer, serializers.ArticleDetailSerializer):
            serializer = cls(shown)
            assert serializer.to_representation(shown) == generic(serializer, shown), cls
