"""Full-text search documents, shared by the queries and the indexes behind them.

On PostgreSQL the reader search ranks with these vectors, and migration
``0003_search_indexes`` builds GIN indexes on the very same expressions so the
planner can use them. Change one, and a new migration must rebuild the index.
"""

from django.contrib.postgres.search import SearchVector

CONFIG = "english"


def article_search_vector():
    """The article's document: headline above body."""
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector(
        "body", weight="B", config=CONFIG
    )


def claim_search_vector():
    """The claim's document: its words above the verdict's."""
    return (
        SearchVector("text", weight="A", config=CONFIG)
        + SearchVector("quote", weight="A", config=CONFIG)
        + SearchVector("verdict_summary", weight="B", config=CONFIG)
    )
