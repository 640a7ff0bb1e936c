"""RSS and Atom feeds of published articles and of public fact-checks."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from . import selectors

FEED_LENGTH = 30


def _summary(text: str, words: int = 60) -> str:
    # Feed descriptions are read as HTML: escape the text so markup in an
    # article shows as text in a feed reader too.
    return escape(Truncator(" ".join(text.split())).words(words))


class ArticlesFeed(Feed):
    link = reverse_lazy("articles:home")

    def title(self):
        return f"{settings.NEWSROOM_NAME}: articles"

    def description(self):
        return f"The latest articles from {settings.NEWSROOM_NAME}, with their fact-checks."

    def items(self):
        # The whole body for the summary; not the stored search document.
        published = selectors.article_list().defer(None).defer("search_document")[:FEED_LENGTH]
        # A retraction is news too: subscribers who got the article learn it went, and why.
        retracted = selectors.retractions()[:FEED_LENGTH]
        items = sorted([*published, *retracted], key=self._newest, reverse=True)
        return items[:FEED_LENGTH]

    @staticmethod
    def _newest(item):
        return item.retracted_at or item.published_at

    def item_title(self, item):
        return f"Retracted: {item.title}" if item.is_retracted else item.title

    def item_description(self, item):
        if item.is_retracted:
            when = f"{item.retracted_at or item.updated_at:%d %B %Y}".lstrip("0")
            reason = _summary(item.retraction_reason)
            return f"<p>This article was retracted on {when}: {reason}</p>"
        return _summary(item.body)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item):
        return ["Retraction"] if item.is_retracted else []


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description


class FactChecksFeed(Feed):
    link = reverse_lazy("articles:fact_check_index")

    def title(self):
        return f"{settings.NEWSROOM_NAME}: fact-checks"

    def description(self):
        return f"Verdicts on claims in the news, as {settings.NEWSROOM_NAME} approves them."

    def items(self):
        return selectors.fact_check_list()[:FEED_LENGTH]

    def item_title(self, item):
        claim = Truncator(item.quote or item.text).chars(120)
        return f"{item.get_rating_display()}: {claim}"

    def item_description(self, item):
        speaker = f" ({escape(item.speaker.name)})" if item.speaker_id else ""
        return (
            f"<p><strong>Rating: {escape(item.get_rating_display())}</strong>{speaker}</p>"
            f"<p>{_summary(item.verdict_summary, 120)}</p>"
        )

    def item_pubdate(self, item):
        return item.reviewed_at or item.article.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, self.item_pubdate(item))

    def item_categories(self, item):
        return [item.get_rating_display()]


class FactChecksAtomFeed(FactChecksFeed):
    feed_type = Atom1Feed
    subtitle = FactChecksFeed.description
