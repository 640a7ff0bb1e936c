"""Who may do what, cell by cell: anonymous, reporter, fact-checker and editor
against every API endpoint, every reader page and every admin workflow step.

Each row states the outcome every role must see; a cell that changes is a
permission bug (or a deliberate change that must be made here too).
"""

import pytest
from django.urls import reverse

from articles.models import Article, Claim
from articles.services import workflow as wf

from .factories import (
    ActorFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
    UserFactory,
    token_for,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "reporter", "factchecker", "editor")
GROUPS = {"reporter": "Reporter", "factchecker": "Fact-checker", "editor": "Editor"}
SOURCES = [{"url": "https://www.nato.int/cps/en/natohq/topics_52044.htm", "title": "NATO members"}]


class World:
    """One published article with a public verdict, one draft with claims in
    every state the steps start from, and the person acting."""

    def __init__(self, role):
        self.role = role
        self.user = None if role == "anonymous" else UserFactory(
            username=f"acting-{role}", groups=[GROUPS[role]]
        )
        self.other_checker = UserFactory(username="other-checker", groups=["Fact-checker"])
        self.speaker = ActorFactory(name="Jane Speaker", slug="jane-speaker")
        self.published = PublishedArticleFactory(slug="published-story")
        self.public_claim = ApprovedClaimFactory(article=self.published, speaker=self.speaker)
        self.draft = ArticleFactory(slug="draft-story")
        self.new_claim = ClaimFactory(article=self.draft)
        self.clean_draft = ArticleFactory(slug="clean-draft")  # nothing blocks publishing

        # In review with the acting person where they may take claims, else with another.
        self.in_review = ClaimFactory(article=self.draft)
        takes = self.user is not None and wf.user_can_take_claims(self.user)
        wf.claim_assign(claim=self.in_review, by=self.user if takes else self.other_checker)

        self.proposed = ClaimFactory(article=self.draft)
        wf.claim_assign(claim=self.proposed, by=self.other_checker)
        wf.claim_propose_verdict(
            claim=self.proposed, by=self.other_checker, rating="false",
            summary="Wrong.", sources=SOURCES,
        )

    def status(self, claim):
        return Claim.objects.get(pk=claim.pk).status


@pytest.fixture(params=ROLES)
def world(request):
    return World(request.param)


def api(client, world, method, url, data=None):
    headers = {}
    if world.user is not None:
        headers["HTTP_AUTHORIZATION"] = f"Token {token_for(world.user)}"
    call = getattr(client, method)
    if method == "get":
        return call(url, **headers)
    return call(url, data or {}, content_type="application/json", **headers)


def expect(world, **by_role):
    return by_role[world.role]


# ---------------------------------------------------------------- API reads

API_READS = {
    "article list": (lambda w: "/api/v1/articles/", dict(anonymous=200, reporter=200,
                                                          factchecker=200, editor=200)),
    "published article": (lambda w: "/api/v1/articles/published-story/",
                          dict(anonymous=200, reporter=200, factchecker=200, editor=200)),
    "draft article": (lambda w: "/api/v1/articles/draft-story/",
                      dict(anonymous=404, reporter=200, factchecker=200, editor=200)),
    "claim list": (lambda w: "/api/v1/claims/", dict(anonymous=200, reporter=200,
                                                      factchecker=200, editor=200)),
    "public claim": (lambda w: f"/api/v1/claims/{w.public_claim.pk}/",
                     dict(anonymous=200, reporter=200, factchecker=200, editor=200)),
    "unreviewed claim": (lambda w: f"/api/v1/claims/{w.new_claim.pk}/",
                         dict(anonymous=404, reporter=200, factchecker=200, editor=200)),
    "claimreview": (lambda w: f"/api/v1/claims/{w.public_claim.pk}/claimreview/",
                    dict(anonymous=200, reporter=200, factchecker=200, editor=200)),
    "actor list": (lambda w: "/api/v1/actors/", dict(anonymous=200, reporter=200,
                                                      factchecker=200, editor=200)),
    "actor": (lambda w: "/api/v1/actors/jane-speaker/",
              dict(anonymous=200, reporter=200, factchecker=200, editor=200)),
    "schema": (lambda w: "/api/v1/schema/", dict(anonymous=200, reporter=200,
                                                  factchecker=200, editor=200)),
    "docs": (lambda w: "/api/v1/docs/", dict(anonymous=200, reporter=200,
                                              factchecker=200, editor=200)),
}


@pytest.mark.parametrize("case", API_READS)
def test_api_reads(client, world, case):
    url, expected = API_READS[case]
    assert api(client, world, "get", url(world)).status_code == expected[world.role]


# ---------------------------------------------------------------- API workflow

DENIED = dict(anonymous=401, reporter=403)
CHECKERS = dict(DENIED, factchecker=200, editor=200)
EDITORS = dict(DENIED, factchecker=403, editor=200)

API_STEPS = {
    "assign": (lambda w: (f"/api/v1/claims/{w.new_claim.pk}/assign/", {}),
               CHECKERS, lambda w: w.status(w.new_claim) == "in_review"),
    "verdict": (lambda w: (f"/api/v1/claims/{w.in_review.pk}/verdict/",
                           {"rating": "false", "summary": "Wrong.", "sources": SOURCES}),
                CHECKERS, lambda w: w.status(w.in_review) == "proposed"),
    "approve": (lambda w: (f"/api/v1/claims/{w.proposed.pk}/approve/", {}),
                EDITORS, lambda w: w.status(w.proposed) == "approved"),
    "send back": (lambda w: (f"/api/v1/claims/{w.proposed.pk}/send-back/",
                             {"comment": "Find a primary source."}),
                  EDITORS, lambda w: w.status(w.proposed) == "in_review"),
    "dismiss": (lambda w: (f"/api/v1/claims/{w.new_claim.pk}/dismiss/", {"reason": "Opinion."}),
                EDITORS, lambda w: w.status(w.new_claim) == "dismissed"),
    "publish": (lambda w: ("/api/v1/articles/clean-draft/publish/", {}),
                EDITORS, lambda w: Article.objects.get(slug="clean-draft").is_published),
    "note": (lambda w: ("/api/v1/notes/", {"article": w.draft.slug, "body": "Call the source."}),
             dict(DENIED, reporter=201, factchecker=201, editor=201),
             lambda w: w.draft.notes.exists()),
}


@pytest.mark.parametrize("case", API_STEPS)
def test_api_workflow_steps(client, world, case):
    request, expected, happened = API_STEPS[case]
    url, body = request(world)
    response = api(client, world, "post", url, body)
    assert response.status_code == expected[world.role], response.content
    assert happened(world) == (response.status_code < 300)
    if response.status_code >= 400:
        assert response.json()["detail"]  # every refusal says why


# ---------------------------------------------------------------- reader pages

PAGES = {
    "home": (lambda w: "/", 200),
    "published article": (lambda w: w.published.get_absolute_url(), 200),
    "draft article": (lambda w: "/articles/draft-story/", 404),  # desk staff: a preview
    "fact-check": (lambda w: w.public_claim.get_absolute_url(), 200),
    "unreviewed claim": (lambda w: f"/fact-checks/{w.new_claim.pk}/", 404),
    "fact-check index": (lambda w: "/fact-checks/", 200),
    "actor": (lambda w: w.speaker.get_absolute_url(), 200),
    "search": (lambda w: "/search/?q=NATO", 200),
    "articles feed": (lambda w: "/feeds/articles/rss/", 200),
    "fact-checks feed": (lambda w: "/feeds/fact-checks/atom/", 200),
    "sitemap": (lambda w: "/sitemap.xml", 200),
    "robots": (lambda w: "/robots.txt", 200),
}


@pytest.mark.parametrize("case", PAGES)
def test_reader_pages_are_the_same_for_everyone(client, world, case):
    """Reader pages show the published record only, whoever is signed in;
    desk staff alone may open a draft, as a preview that says so."""
    url, expected = PAGES[case]
    if world.user is not None:
        client.force_login(world.user)
    response = client.get(url(world))
    if case == "draft article" and world.role != "anonymous":
        assert response.status_code == 200
        assert "Preview: not published." in response.content.decode()
        return
    assert response.status_code == expected


# ---------------------------------------------------------------- admin workflow

ADMIN_STEPS = {
    "take": (lambda w: ("claim", w.new_claim.pk, {}), ("factchecker", "editor"),
             lambda w: w.status(w.new_claim) == "in_review"),
    "propose": (lambda w: ("claim", w.in_review.pk,
                           {"rating": "false", "summary": "Wrong.",
                            "source_url": SOURCES[0]["url"], "source_title": "NATO"}),
                ("factchecker", "editor"), lambda w: w.status(w.in_review) == "proposed"),
    "approve": (lambda w: ("claim", w.proposed.pk, {}), ("editor",),
                lambda w: w.status(w.proposed) == "approved"),
    "send_back": (lambda w: ("claim", w.proposed.pk, {"comment": "Find a primary source."}),
                  ("editor",), lambda w: w.status(w.proposed) == "in_review"),
    "dismiss": (lambda w: ("claim", w.new_claim.pk, {"reason": "Opinion."}), ("editor",),
                lambda w: w.status(w.new_claim) == "dismissed"),
    "publish": (lambda w: ("article", w.clean_draft.pk, {}), ("editor",),
                lambda w: Article.objects.get(pk=w.clean_draft.pk).is_published),
}


@pytest.mark.parametrize("step", ADMIN_STEPS)
def test_admin_workflow_steps(client, world, step):
    request, allowed, happened = ADMIN_STEPS[step]
    model, pk, data = request(world)
    if world.user is not None:
        client.force_login(world.user)
    url = reverse(f"admin:articles_{model}_workflow", args=[pk, step])
    response = client.post(url, data)
    if world.role == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert happened(world) == (world.role in allowed)


@pytest.mark.parametrize("page", ["claim", "article", "actor", "editornote"])
def test_admin_lists_open_to_every_desk_role(client, world, page):
    if world.user is not None:
        client.force_login(world.user)
    response = client.get(reverse(f"admin:articles_{page}_changelist"))
    assert response.status_code == (302 if world.role == "anonymous" else 200)


def test_a_reporter_cannot_change_a_verdict_with_a_crafted_post(client):
    world = World("reporter")
    client.force_login(world.user)
    url = reverse("admin:articles_claim_change", args=[world.proposed.pk])
    # Reporters may post the claim page (their notes are inline on it), but the
    # verdict fields are not theirs: whatever they send, the verdict stands.
    client.post(url, {"rating": "true", "verdict_summary": "Fine.", "status": "approved"})
    claim = Claim.objects.get(pk=world.proposed.pk)
    assert (claim.status, claim.rating) == ("proposed", "false")
