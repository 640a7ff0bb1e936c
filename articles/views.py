"""Reader pages: thin views over ``articles.selectors``.

Only published articles and approved verdicts are ever read here; anything
else is a 404 (the selectors never hold it), so a reader cannot tell a draft from a
page that never existed.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.http import require_safe

from . import selectors
from .claimreview import claim_review
from .models import Claim
from .rendering import render_body

ARTICLES_PER_PAGE = 10
FACT_CHECKS_PER_PAGE = 20
LATEST_FACT_CHECKS = 5


def _page(request, queryset, per_page):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


@require_safe
def home(request):
    context = {
        "page_obj": _page(request, selectors.article_list(), ARTICLES_PER_PAGE),
        "latest_fact_checks": selectors.fact_check_list()[:LATEST_FACT_CHECKS],
        "nav": "articles",
    }
    return render(request, "articles/home.html", context)


@require_safe
def article_detail(request, slug):
    # Desk staff may preview an unpublished article; readers get a 404.
    staff = request.user.is_active and request.user.is_staff
    article = get_object_or_404(selectors.articles_for_reading(preview=staff), slug=slug)
    if article.is_retracted and article.published_at:
        # 410 Gone: search engines drop the page; readers learn why it went.
        context = {"article": article, "corrections": article.corrections.all()}
        return render(request, "articles/article_retracted.html", context, status=410)
    claims = article.public_claims
    context = {
        "preview": not article.is_published,
        "article": article,
        "claims": claims,
        "earlier_claims": article.earlier_claims,
        "body_html": render_body(article.body, selectors.claim_marks(claims)),
        "mentions": article.actor_mentions,
        "corrections": article.corrections.all(),
        "nav": "articles",
    }
    response = render(request, "articles/article_detail.html", context)
    if context["preview"]:
        response.headers["Cache-Control"] = "private, no-store"
        response.headers["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def claim_detail(request, pk):
    claim = get_object_or_404(selectors.claims_on_record(), pk=pk)
    retracted = claim.article.is_retracted
    context = {
        "claim": claim,
        "article": claim.article,
        # A retracted article's verdicts stay readable, marked, without the markup
        # that would put them in search results.
        "claim_review": None if retracted else claim_review(claim),
        "retracted": retracted,
        "nav": "fact-checks",
    }
    return render(request, "articles/claim_detail.html", context, status=410 if retracted else 200)


@require_safe
def actor_detail(request, slug):
    actor = get_object_or_404(selectors.public_actors().prefetch_related("aliases"), slug=slug)
    claims = selectors.fact_check_list(speaker=actor)
    context = {
        "actor": actor,
        "claims": claims,
        "rating_counts": selectors.rating_counts(claims),
        "articles": selectors.actor_articles(actor),
    }
    return render(request, "articles/actor_detail.html", context)


@require_safe
def fact_check_index(request):
    rating = request.GET.get("rating", "")
    if rating not in Claim.Rating.values:
        rating = ""
    speakers = list(selectors.speakers_with_fact_checks())
    speaker_slug = request.GET.get("speaker", "")
    speaker = next((s for s in speakers if s.slug == speaker_slug), None)
    claims = selectors.fact_check_list(rating=rating, speaker=speaker)
    context = {
        "page_obj": _page(request, claims, FACT_CHECKS_PER_PAGE),
        "ratings": Claim.Rating.choices,
        "speakers": speakers,
        "rating": rating,
        "speaker": speaker,
        # Paging links keep the filters a reader chose.
        "filter_query": _query_without_page(request),
        "nav": "fact-checks",
    }
    return render(request, "articles/fact_check_index.html", context)


@require_safe
def search(request):
    query = request.GET.get("q", "")
    if "\x00" in query:
        # No text holds a NUL, and PostgreSQL refuses one in a query.
        empty = selectors.SearchResults(query="", articles=[], claims=[])
        return render(request, "articles/search.html", {"results": empty}, status=400)
    results = selectors.search(query)
    return render(request, "articles/search.html", {"results": results, "query": results.query})


@require_safe
def favicon(request):
    # Browsers ask for /favicon.ico whatever the page links to.
    return redirect(static("img/favicon.svg"), permanent=True)


@require_safe
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# ---------------------------------------------------------------- errors


def page_not_found(request, exception):
    if request.path.startswith("/api/"):
        # API clients read JSON errors, also for a path that matches no endpoint.
        return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors and no database: whatever broke may be either.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"NEWSROOM_NAME": settings.NEWSROOM_NAME}))
