"""Full-text search documents.

On PostgreSQL each article and claim keeps its document in ``search_document``,
filled by a trigger on every insert and update (so every writer, the importer's
bulk inserts included, keeps it right) and indexed with GIN. Queries then
match and rank on the stored document instead of parsing the text of every
row. SQLite has no full-text type: the column stays empty there and the search
falls back to plain matching (``articles.selectors``).

Headline and claim words weigh more (A) than body and verdict text (B).

PostgreSQL refuses a document over 1 MB ("string is too long for tsvector"),
and an accepted file may be 5 MB: each column's text is indexed up to
``INDEXED_CHARS`` (a long article's first 20,000 words or so), so that even
four-byte characters, all distinct, stay under the limit together.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F

CONFIG = "english"
# Characters of one column that go into a document: 4 bytes each at most,
# 1,048,575 bytes for a whole document.
INDEXED_CHARS = {"title": 1_000, "body": 120_000, "text": 40_000, "quote": 40_000}
INDEXED_CHARS["verdict_summary"] = 40_000


def _weighted(column: str, weight: str) -> str:
    text = f"left(coalesce(NEW.{column}, ''), {INDEXED_CHARS[column]})"
    return f"setweight(to_tsvector('{CONFIG}', {text}), '{weight}')"


DOCUMENTS = {
    "articles_article": f"{_weighted('title', 'A')} || {_weighted('body', 'B')}",
    "articles_claim": (
        f"{_weighted('text', 'A')} || {_weighted('quote', 'A')} || "
        f"{_weighted('verdict_summary', 'B')}"
    ),
}


# The columns each document is made of: an update that writes none of them
# (a workflow step, a touch of updated_at) leaves the document as it is.
SOURCE_COLUMNS = {
    "articles_article": ("title", "body"),
    "articles_claim": ("text", "quote", "verdict_summary"),
}


def install_sql(table: str) -> list[str]:
    """The trigger that keeps ``table.search_document``, its GIN index, and a
    backfill of the rows already there."""
    return [
        function_sql(table),
        *trigger_sql(table, on_every_update=True),
        f"UPDATE {table} SET search_document = NULL",  # fires the trigger on every row
        f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING gin (search_document)",
    ]


def function_sql(table: str) -> str:
    """The trigger's function, which computes the document (``DOCUMENTS``)."""
    function = f"{table}_search_document"
    return f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
        BEGIN
            NEW.search_document := {DOCUMENTS[table]};
            RETURN NEW;
        END $$ LANGUAGE plpgsql"""


def trigger_sql(table: str, *, on_every_update: bool = False) -> list[str]:
    """(Re)create the trigger: on inserts and on updates of the source columns,
    or of any column (as migration 0003 first made it)."""
    function = f"{table}_search_document"
    update = "UPDATE" if on_every_update else f"UPDATE OF {', '.join(SOURCE_COLUMNS[table])}"
    return [
        f"DROP TRIGGER IF EXISTS {function} ON {table}",
        f"""CREATE TRIGGER {function} BEFORE INSERT OR {update} ON {table}
        FOR EACH ROW EXECUTE FUNCTION {function}()""",
    ]


def uninstall_sql(table: str) -> list[str]:
    function = f"{table}_search_document"
    return [
        f"DROP INDEX IF EXISTS {table}_search_gin",
        f"DROP TRIGGER IF EXISTS {function} ON {table}",
        f"DROP FUNCTION IF EXISTS {function}()",
    ]


def search_query(text: str) -> SearchQuery:
    """Web-search syntax: words, "quoted phrases", -excluded words."""
    return SearchQuery(text, search_type="websearch", config=CONFIG)


def ranked_newest(queryset, terms: SearchQuery, *, newest: tuple[str, ...], candidates: int):
    """The ``candidates`` newest rows (in the order ``newest``) whose stored
    document matches, best ranked first (PostgreSQL only).

    Ranking reads each row's whole document, out of line for an article: a
    common word matches a third of all articles, and ranking them all took a
    third of a second. The newest matches alone are found from an index, on
    the date for a common word (it soon has enough) and on the documents for a
    rare one.
    """
    pool = queryset.filter(search_document=terms).order_by(*newest).values("pk")[:candidates]
    return (
        queryset.filter(pk__in=pool)
        .annotate(rank=SearchRank(F("search_document"), terms))
        .order_by("-rank", *newest)
    )
