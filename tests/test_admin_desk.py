"""The desk as a daily tool: the dashboard and its API, the queue (order,
markers, searching filters, the filter kept through workflow steps, next
claim), the claim in context, kept input on a refusal, bulk dismiss,
notifications and the draft preview."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from articles import desk
from articles.models import Article, Claim, ClaimEvent, Notification
from articles.services import workflow as wf

from .factories import (
    ActorFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db

SOURCES = [{"url": "https://www.nato.int/members", "title": "NATO members"}]
BODY = (
    "NATO met in Brussels on Monday.\n\n"
    "NATO's Article 5 stipulates that an attack on any one of its 31 member nations "
    "is considered an attack on all. Mr Smith said the figure was right.\n\n"
    "The summit ends on Tuesday."
)
QUEUE = reverse("admin:articles_claim_changelist")


def change_url(claim):
    return reverse("admin:articles_claim_change", args=[claim.pk])


def step_url(claim, step, filters=""):
    url = reverse("admin:articles_claim_workflow", args=[claim.pk, step])
    return f"{url}?_changelist_filters={filters}" if filters else url


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


@pytest.fixture
def desk_work(editor, editor2, factchecker):
    """An editor's desk: one claim in review with them, one proposal by a
    fact-checker waiting, one of their own proposals (not for them to review),
    one unassigned claim, an article blocked and one ready."""
    blocked = ArticleFactory(title="Blocked story")
    ready = ArticleFactory(title="Ready story")
    mine = ClaimFactory(article=blocked, fingerprint="mine", checkworthiness=0.9)
    wf.claim_assign(claim=mine, by=editor)
    waiting = ClaimFactory(article=blocked, fingerprint="waiting", checkworthiness=0.8)
    wf.claim_assign(claim=waiting, by=factchecker)
    wf.claim_propose_verdict(
        claim=waiting, by=factchecker, rating="false", summary="No.", sources=SOURCES
    )
    own = ClaimFactory(article=blocked, fingerprint="own", checkworthiness=0.7)
    wf.claim_assign(claim=own, by=editor)
    wf.claim_propose_verdict(claim=own, by=editor, rating="true", summary="Yes.", sources=SOURCES)
    unassigned = ClaimFactory(article=blocked, fingerprint="unassigned", checkworthiness=0.6)
    ClaimFactory(article=ready, fingerprint="low", checkworthiness=0.1)
    return {
        "mine": mine,
        "waiting": waiting,
        "own": own,
        "unassigned": unassigned,
        "blocked": blocked,
        "ready": ready,
    }


# ---------------------------------------------------------------- dashboard


def test_an_editors_front_page_shows_their_work_with_counts(
    client, editor, desk_work, django_assert_max_num_queries
):
    client.force_login(editor)
    with django_assert_max_num_queries(25):
        page = client.get(reverse("admin:index"))
    html = page.content.decode()
    counts = dict(re.findall(r'id="panel-(\w+)".*?data-count="(\d+)"', html, re.S))
    assert counts == {
        "unread": "1",  # the fact-checker's proposal
        "mine": "1",
        "sent_back": "0",
        "review": "1",  # not their own proposal
        "unassigned": "2",
        "recheck": "0",
        "blocked": "1",
        "ready": "1",
    }
    assert f"{QUEUE}?desk=review" in html
    assert reverse("admin:articles_article_changelist") + "?gate=ready" in html
    assert "Ready story" in html


def test_each_panel_links_to_exactly_the_claims_it_counts(client, editor, desk_work):
    client.force_login(editor)
    response = client.get(QUEUE, {"desk": "review"})
    assert list(response.context["cl"].result_list) == [desk_work["waiting"]]
    articles = client.get(reverse("admin:articles_article_changelist"), {"gate": "blocked"})
    assert list(articles.context["cl"].result_list) == [desk_work["blocked"]]


def test_a_reporter_gets_the_plain_index(client, reporter, desk_work):
    client.force_login(reporter)
    html = client.get(reverse("admin:index")).content.decode()
    assert "desk-dashboard" not in html


def test_the_desk_endpoint_gives_the_dashboards_counts(
    editor, desk_work, django_assert_max_num_queries
):
    api = APIClient()
    api.force_authenticate(editor)
    with django_assert_max_num_queries(6):
        response = api.get("/api/v1/desk/")
    assert response.status_code == 200
    body = response.json()
    assert body | {"links": None} == desk.desk_counts(editor).as_dict() | {"links": None}
    assert (body["mine"], body["review"], body["blocked"], body["ready"]) == (1, 1, 1, 1)
    assert body["links"]["review"].endswith("/admin/articles/claim/?desk=review")


def test_the_desk_endpoint_is_for_the_desk_only(db):
    assert APIClient().get("/api/v1/desk/").status_code == 401


# ---------------------------------------------------------------- the queue


def test_open_claims_come_first_by_checkworthiness(client, editor, editor2):
    article = ArticleFactory()
    done = ClaimFactory(article=article, fingerprint="done", checkworthiness=0.99)
    wf.claim_dismiss(claim=done, by=editor2, reason="Opinion.")
    low = ClaimFactory(article=article, fingerprint="low", checkworthiness=0.2)
    high = ClaimFactory(article=article, fingerprint="high", checkworthiness=0.7)
    client.force_login(editor)
    assert list(client.get(QUEUE).context["cl"].result_list) == [high, low, done]


def test_the_queue_cuts_text_at_a_word_and_marks_what_matters(
    client, editor, editor2, factchecker, django_assert_max_num_queries
):
    long_body = "The minister said " + " ".join(["inflation"] * 30) + " fell."
    article = PublishedArticleFactory(body=long_body + " " + BODY)
    claim = ClaimFactory(article=article, end=len(long_body), fingerprint="long")
    wf.claim_assign(claim=claim, by=factchecker)
    wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="No.", sources=SOURCES
    )
    wf.claim_send_back(claim=claim, by=editor2, comment="Find the ONS figure.")
    ApprovedClaimFactory(article=ArticleFactory(body=long_body), end=len(long_body))
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        html = client.get(QUEUE).content.decode()
    cut = desk.cut_at_word(long_body, 110)
    assert cut.endswith("inflation\u2026")
    assert f'<span title="{long_body}">{cut}</span>' in html
    assert 'class="queue-marker sent-back"' in html
    assert 'class="queue-marker similar"' in html
    assert 'class="queue-marker published"' in html


def test_the_speaker_filter_searches_instead_of_listing_everyone(client, editor):
    smith, jones = ActorFactory(name="Mr Smith"), ActorFactory(name="Ms Jones")
    article = ArticleFactory()
    theirs = ClaimFactory(article=article, speaker=smith, fingerprint="smith")
    ClaimFactory(article=article, speaker=jones, fingerprint="jones")
    for number in range(20):
        ClaimFactory(article=article, speaker=ActorFactory(), fingerprint=f"other{number}")
    client.force_login(editor)

    def speaker_filter(response):
        html = response.content.decode()
        start = html.index('data-filter-title="speaker"')
        return html[start : html.index("</details>", start)]

    found = speaker_filter(client.get(QUEUE, {"speaker_q": "smi"}))
    assert "Mr Smith (1)" in found and "Ms Jones" not in found
    assert 'value="smi"' in found

    listed = speaker_filter(client.get(QUEUE))
    assert listed.count("Person Number") <= 8  # the busiest few, not all twenty

    response = client.get(QUEUE, {"speaker": smith.pk})
    assert list(response.context["cl"].result_list) == [theirs]


def test_a_workflow_step_keeps_the_queues_filter_and_offers_the_next_claim(client, factchecker):
    article = ArticleFactory()
    first = ClaimFactory(article=article, fingerprint="a", checkworthiness=0.9)
    second = ClaimFactory(article=article, fingerprint="b", checkworthiness=0.8)
    client.force_login(factchecker)
    filters = "desk%3Dunassigned"

    response = client.post(step_url(first, "take", filters), {"expected_version": 1})

    assert response.status_code == 302
    assert response["Location"].endswith(f"?_changelist_filters={filters}")
    page = client.get(response["Location"])
    html = page.content.decode()
    # The taken claim has left "unassigned": next is the queue's first claim.
    next_url = reverse("admin:articles_claim_change", args=[second.pk])
    assert f'href="{next_url}?_changelist_filters={filters}"' in html
    assert f"{step_url(first, 'propose', filters)}" in html


# ---------------------------------------------------------------- the claim page


def test_the_claim_page_shows_the_claim_in_its_paragraph_and_the_speakers_record(
    client, editor, factchecker
):
    smith = ActorFactory(name="Mr Smith")
    article = ArticleFactory(body=BODY)
    start = BODY.index("NATO's")
    claim = ClaimFactory(article=article, speaker=smith, start=start, end=BODY.index("all.") + 4)
    earlier = ApprovedClaimFactory(article=ArticleFactory(), speaker=smith, fingerprint="x")
    wf.claim_assign(claim=claim, by=factchecker)
    wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="No.", sources=SOURCES
    )
    wf.claim_send_back(claim=claim, by=editor, comment="Which year's membership?")
    client.force_login(factchecker)

    html = client.get(change_url(claim)).content.decode()

    assert f'<mark id="claim-mark">{claim.text}</mark> Mr Smith said' in html.replace("&#x27;", "'")
    assert "NATO met in Brussels on Monday." in html  # the paragraph before
    assert "The summit ends on Tuesday." in html  # and after
    assert 'id="send-back-notice"' in html and "Which year" in html
    assert html.index("send-back-notice") < html.index('id="workflow"')
    assert reverse("admin:articles_claim_change", args=[earlier.pk]) in html


@pytest.mark.parametrize("refusal", ["no_source", "conflict"])
def test_a_refused_proposal_keeps_everything_typed(client, factchecker, editor, refusal):
    claim = ClaimFactory()
    wf.claim_assign(claim=claim, by=factchecker)
    version = Claim.objects.get(pk=claim.pk).version
    typed = {
        "expected_version": version,
        "rating": "mostly-false",
        "summary": "The alliance had 32 members by then.",
        "source_url": ["https://example.org/a" if refusal == "conflict" else ""],
        "source_title": ["A list of members"],
    }
    if refusal == "conflict":
        wf.claim_update(claim=claim, by=editor, changes={"checkworthiness": 0.6})
    client.force_login(factchecker)

    response = client.post(step_url(claim, "propose"), typed, follow=True)

    html = response.content.decode()
    assert any(
        ("source" in m.lower() or "someone else changed" in m.lower())
        for m in messages_of(response)
    ), messages_of(response)
    assert '<option value="mostly-false" selected>' in html
    assert "The alliance had 32 members by then.</textarea>" in html
    assert 'value="A list of members"' in html
    assert Claim.objects.get(pk=claim.pk).status == "in_review"


# ---------------------------------------------------------------- bulk triage


def test_bulk_dismiss_of_ten_claims_is_one_action_recorded_on_each(client, editor, editor2):
    article = ArticleFactory()
    claims = [ClaimFactory(article=article, fingerprint=f"c{n}") for n in range(10)]
    approved = ApprovedClaimFactory(article=article, fingerprint="approved")
    client.force_login(editor)

    response = client.post(
        QUEUE,
        {
            "action": "bulk_dismiss",
            "_selected_action": [c.pk for c in claims] + [approved.pk],
            "reason": "Background, not a claim.",
        },
        follow=True,
    )

    shown = messages_of(response)
    assert "10 claim(s) dismissed." in shown
    assert any("already approved" in m for m in shown)
    events = ClaimEvent.objects.filter(action="dismissed")
    assert events.count() == 10
    assert {e.claim_id for e in events} == {c.pk for c in claims}
    assert set(events.values_list("comment", flat=True)) == {"Background, not a claim."}
    assert set(events.values_list("user", flat=True)) == {editor.pk}


def test_bulk_dismiss_needs_a_reason(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)
    response = client.post(
        QUEUE, {"action": "bulk_dismiss", "_selected_action": [claim.pk], "reason": ""}, follow=True
    )
    assert any("reason" in m for m in messages_of(response))
    assert Claim.objects.get(pk=claim.pk).status == "new"


def test_a_fact_checker_is_not_offered_bulk_dismiss(client, factchecker):
    ClaimFactory()
    client.force_login(factchecker)
    html = client.get(QUEUE).content.decode()
    assert 'value="bulk_dismiss"' not in html


# ---------------------------------------------------------------- notifications


def test_assignment_send_back_and_a_waiting_proposal_notify_by_email_and_count(
    client, editor, editor2, factchecker, django_capture_on_commit_callbacks
):
    claim = ClaimFactory()
    with django_capture_on_commit_callbacks(execute=True):
        wf.claim_assign(claim=claim, by=editor, assignee=factchecker)
        wf.claim_propose_verdict(
            claim=claim, by=factchecker, rating="false", summary="No.", sources=SOURCES
        )
        wf.claim_send_back(claim=claim, by=editor, comment="Add the treaty text.")

    kinds = list(Notification.objects.order_by("id").values_list("user__username", "kind"))
    assert kinds == [
        ("factchecker", "assigned"),
        ("editor", "proposed"),
        ("editor2", "proposed"),
        ("factchecker", "sent_back"),
    ]
    assert [m.to for m in mail.outbox] == [
        ["factchecker@example.org"],
        ["editor@example.org"],
        ["editor2@example.org"],
        ["factchecker@example.org"],
    ]
    assert "Add the treaty text." in mail.outbox[-1].body
    client.force_login(factchecker)
    html = client.get(reverse("admin:index")).content.decode()
    assert re.search(r'id="panel-unread".*?data-count="2"', html, re.S)


def test_taking_a_claim_oneself_notifies_nobody(factchecker):
    wf.claim_assign(claim=ClaimFactory(), by=factchecker)
    assert not Notification.objects.exists()


# ---------------------------------------------------------------- draft preview


def test_desk_staff_preview_a_draft_and_readers_get_404(client, reporter):
    article = ArticleFactory(body=BODY)
    url = article.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(reporter)
    response = client.get(url)
    assert response.status_code == 200
    assert "Preview: not published." in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_a_claims_page_title_and_breadcrumb_cut_its_text_at_a_word(db):
    from articles.models import Claim

    from .factories import ArticleFactory, ClaimFactory

    body = (
        "This clause has only been invoked once in NATO's history, following the "
        "September 11 attacks in the United States. More follows."
    )
    claim = ClaimFactory(article=ArticleFactory(body=body))
    shown = str(Claim.objects.get(pk=claim.pk))
    assert shown == "This clause has only been invoked once in NATO's history, following the\u2026"
    assert len(shown) <= 80
