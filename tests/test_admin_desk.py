"""The desk as a daily tool: the dashboard and its API, the queue (order,
markers, autocomplete filters, the filter kept through workflow steps, next
claim), the claim in context, kept input on every refused form, bulk dismiss,
notifications and the draft preview."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from articles import desk
from articles.models import Article, Claim, ClaimEvent, Notification
from articles.services import workflow as wf
from articles.text import cut_at_word

from .factories import (
    ActorFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
    UserFactory,
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
    cut = cut_at_word(long_body, 110)
    assert cut.endswith("inflation\u2026")
    assert f'<span title="{long_body}">{cut}</span>' in html
    assert 'class="queue-marker sent-back"' in html
    assert 'class="queue-marker similar"' in html
    assert 'class="queue-marker published"' in html


def test_the_seen_marker_follows_a_verdict_approved_since_the_last_page(client, editor):
    ClaimFactory(article=ArticleFactory(body=BODY), start=0, end=31, fingerprint="open")
    client.force_login(editor)
    assert 'class="queue-marker similar"' not in client.get(QUEUE).content.decode()

    ApprovedClaimFactory(article=ArticleFactory(body=BODY), start=0, end=31, fingerprint="seen")

    assert 'class="queue-marker similar"' in client.get(QUEUE).content.decode()


AUTOCOMPLETE = reverse("admin:autocomplete")


def offered(client, field, term):
    """What the queue's filter box offers for ``term`` (Django's autocomplete JSON)."""
    response = client.get(
        AUTOCOMPLETE,
        {"app_label": "articles", "model_name": "claim", "field_name": field, "term": term},
    )
    return response, (
        [row["text"] for row in response.json()["results"]] if response.status_code == 200 else []
    )


def filter_box(response, title):
    html = response.content.decode()
    start = html.index(f'data-filter-title="{title}"')
    return html[start : html.index("</details>", start)]


@pytest.fixture
def two_speakers():
    smith, jones = ActorFactory(name="Mr Smith"), ActorFactory(name="Ms Jones")
    budget = ArticleFactory(title="Budget day in Westminster")
    summit = ArticleFactory(title="Summit in Brussels")
    return {
        "smith": smith,
        "budget": budget,
        "smiths": ClaimFactory(article=budget, speaker=smith, fingerprint="smith"),
        "jones": ClaimFactory(article=summit, speaker=jones, fingerprint="jones"),
    }


def test_the_speaker_and_article_filters_are_autocomplete_boxes_that_keep_the_choice(
    client, editor, two_speakers, django_assert_max_num_queries
):
    for number in range(20):
        ActorFactory(name=f"Speaker {number}")
    client.force_login(editor)

    listed = filter_box(client.get(QUEUE), "speaker")
    assert 'class="desk-autocomplete-filter admin-autocomplete"' in listed
    assert "Speaker 1" not in listed  # searched as one types, never listed

    with django_assert_max_num_queries(20):
        response = client.get(QUEUE, {"speaker": two_speakers["smith"].pk})
    assert list(response.context["cl"].result_list) == [two_speakers["smiths"]]
    chosen = filter_box(response, "speaker")
    assert f'<option value="{two_speakers["smith"].pk}" selected>Mr Smith</option>' in chosen

    response = client.get(QUEUE, {"article": two_speakers["budget"].pk})
    assert list(response.context["cl"].result_list) == [two_speakers["smiths"]]
    chosen = filter_box(response, "article")
    assert "selected>Budget day in Westminster</option>" in chosen


def test_a_bookmark_from_the_old_search_box_still_opens_the_queue(client, editor, two_speakers):
    client.force_login(editor)
    response = client.get(QUEUE, {"speaker_q": "smi", "speaker": two_speakers["smith"].pk})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [two_speakers["smiths"]]


def test_the_filter_boxes_offer_only_matching_speakers_and_articles(
    client, factchecker, two_speakers
):
    client.force_login(factchecker)
    assert offered(client, "speaker", "smi")[1] == ["Mr Smith"]
    assert offered(client, "article", "budget")[1] == ["Budget day in Westminster"]
    assert offered(client, "article", "nothing like it")[1] == []


def test_the_filter_boxes_offer_nothing_to_readers_or_strangers(client, two_speakers):
    response, found = offered(client, "speaker", "smi")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert found == []

    client.force_login(UserFactory(username="reader", is_staff=False))
    response, found = offered(client, "speaker", "smi")
    assert response.status_code == 302 and found == []

    client.force_login(UserFactory(username="no-role"))  # staff, but in no desk group
    response, found = offered(client, "article", "budget")
    assert response.status_code == 403 and found == []


def test_a_workflow_step_keeps_the_speaker_filter(client, factchecker, two_speakers):
    client.force_login(factchecker)
    claim = two_speakers["smiths"]
    filters = f"speaker%3D{two_speakers['smith'].pk}"

    response = client.post(step_url(claim, "take", filters), {"expected_version": 1})

    assert response["Location"].endswith(f"?_changelist_filters={filters}")
    html = client.get(response["Location"]).content.decode()
    assert f'href="{QUEUE}?speaker={two_speakers["smith"].pk}"' in html


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


# ---------------------------------------------------------------- forms that keep work


def article_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def article_step(article, step):
    return reverse("admin:articles_article_workflow", args=[article.pk, step])


def textarea(html, element_id):
    start = html.index(f'id="{element_id}"')
    return html[html.index(">", start) + 1 : html.index("</textarea>", start)]


@pytest.mark.parametrize(
    ("step", "field", "box", "message"),
    [
        ("correct", "body", "correction-body", "The correction's length"),
        ("retract", "reason", "retraction-reason", "The retraction notice's length"),
    ],
)
def test_a_refused_correction_or_retraction_keeps_its_text(
    client, editor, step, field, box, message
):
    article = PublishedArticleFactory()
    typed = "The vote was on Tuesday, not Monday. " * 300  # over the 10,000 characters
    client.force_login(editor)

    response = client.post(article_step(article, step), {field: typed}, follow=True)

    assert any(message in m for m in messages_of(response)), messages_of(response)
    assert textarea(response.content.decode(), box) == typed.replace("'", "&#x27;")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and not article.corrections.exists()
    # Kept once: the next visit starts clean.
    assert textarea(client.get(article_url(article)).content.decode(), box) == ""


def test_a_retraction_without_a_notice_is_refused_with_the_reason(client, editor):
    article = PublishedArticleFactory()
    client.force_login(editor)

    response = client.post(article_step(article, "retract"), {"reason": "  "}, follow=True)

    assert messages_of(response) == ["A reason for the retraction is required."]
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert 'id="retract-article"' in response.content.decode()


def test_a_correction_refused_because_the_article_was_retracted_meanwhile_is_still_shown(
    client, editor, editor2
):
    article = PublishedArticleFactory()
    wf.article_retract(article=article, by=editor2, reason="The source withdrew it.")
    client.force_login(editor)

    response = client.post(
        article_step(article, "correct"), {"body": "The vote was on Tuesday."}, follow=True
    )

    html = response.content.decode()
    assert messages_of(response) == [
        "Only a published article can be corrected; this one is retracted."
    ]
    assert 'id="correct-article"' not in html  # no longer offered...
    assert textarea(html, "unsaved-1") == "The vote was on Tuesday."  # ...but not lost


def test_a_publish_refused_by_the_gate_names_the_claims_left(client, editor):
    article = ArticleFactory()
    open_claim = ClaimFactory(article=article, checkworthiness=0.9)
    client.force_login(editor)

    response = client.post(article_step(article, "publish"), follow=True)

    assert any(str(open_claim)[:60] in m for m in messages_of(response)), messages_of(response)
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def stale_version(claim, *, by) -> int:
    """The version a page loaded before ``by`` changed the claim would post."""
    version = claim.version
    wf.claim_update(claim=claim, by=by, changes={"confirmed": True})
    return version


@pytest.mark.parametrize(
    ("factory", "step", "box"),
    [
        (ApprovedClaimFactory, "reopen", "reopen-reason"),
        (ClaimFactory, "dismiss", "dismiss-reason"),
    ],
)
def test_a_stale_reopen_or_dismissal_keeps_its_reason_in_its_own_box(
    client, editor, editor2, factory, step, box
):
    claim = factory()
    version = stale_version(claim, by=editor2)
    client.force_login(editor)
    typed = {"expected_version": version, "reason": "Sweden joined in 2024."}

    response = client.post(step_url(claim, step), typed, follow=True)

    html = response.content.decode()
    assert any("someone else changed" in m.lower() for m in messages_of(response))
    assert textarea(html, box) == "Sweden joined in 2024."
    assert Claim.objects.get(pk=claim.pk).status == claim.status


def test_a_stale_assignment_keeps_the_person_chosen(client, editor, editor2, factchecker):
    claim = ClaimFactory()
    version = stale_version(claim, by=editor2)
    client.force_login(editor)
    chosen = {"expected_version": version, "assignee": factchecker.pk}

    html = client.post(step_url(claim, "assign"), chosen, follow=True).content.decode()

    assert f'<option value="{factchecker.pk}" selected>factchecker</option>' in html
    assert textarea(html, "dismiss-reason") == ""  # each box keeps only its own step
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_a_proposal_refused_after_the_claim_was_dismissed_meanwhile_is_still_shown(
    client, factchecker, editor
):
    claim = ClaimFactory()
    wf.claim_assign(claim=claim, by=factchecker)
    version = Claim.objects.get(pk=claim.pk).version
    wf.claim_dismiss(claim=claim, by=editor, reason="Not a claim.")
    client.force_login(factchecker)

    response = client.post(
        step_url(claim, "propose"),
        {
            "expected_version": version,
            "rating": "false",
            "summary": "The alliance had 32 members by then.",
            "source_url": "https://example.org/members",
            "source_title": "Members",
        },
        follow=True,
    )

    html = response.content.decode()
    assert 'id="propose-verdict"' not in html
    shown = [textarea(html, f"unsaved-{n}") for n in (1, 2, 3)]
    assert shown == [
        "The alliance had 32 members by then.",
        "https://example.org/members",
        "Members",
    ]


def test_a_note_over_the_limit_is_refused_with_the_page_as_typed(client, editor):
    article = ArticleFactory(title="Old title")
    client.force_login(editor)
    url = article_url(article)
    form = client.get(url).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if key in form.fields and value is not None and not form.fields[key].disabled
    }
    data.update(
        {
            "title": "New title typed",
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "0",
            "notes-0-body": "x" * 10_001,
        }
    )

    response = client.post(url, data)

    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    assert "The note&#x27;s length in characters is over the limit" in html
    assert 'value="New title typed"' in html and "x" * 10_001 in html
    assert Article.objects.get(pk=article.pk).title == "Old title"


def test_a_rename_onto_another_actors_name_is_refused_with_the_form_as_typed(client, editor):
    ActorFactory(name="Ms Jones")
    smith = ActorFactory(name="Mr Smith", role="Minister")
    client.force_login(editor)

    response = client.post(
        reverse("admin:articles_actor_change", args=[smith.pk]),
        {
            "name": "Ms  Jones",
            "kind": "person",
            "role": "Secretary of State",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Another person is already named Ms Jones." in html
    assert 'value="Secretary of State"' in html
    assert ActorFactory._meta.model.objects.get(pk=smith.pk).name == "Mr Smith"


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


def ticked(html) -> set[int]:
    return {int(pk) for pk in re.findall(r'<input checked type="checkbox"[^>]*value="(\d+)"', html)}


def test_bulk_dismiss_needs_a_reason_and_keeps_the_claims_ticked(client, editor):
    claims = [ClaimFactory(fingerprint=f"c{n}") for n in range(3)]
    client.force_login(editor)
    chosen = [c.pk for c in claims[:2]]
    response = client.post(
        QUEUE, {"action": "bulk_dismiss", "_selected_action": chosen, "reason": ""}, follow=True
    )
    assert any("reason" in m for m in messages_of(response))
    assert Claim.objects.get(pk=claims[0].pk).status == "new"
    assert ticked(response.content.decode()) == set(chosen)
    assert ticked(client.get(QUEUE).content.decode()) == set()  # once, then a clean list


def test_claims_a_bulk_dismissal_refused_stay_ticked_with_its_reason(client, editor):
    article = ArticleFactory()
    done = ClaimFactory(article=article, fingerprint="new")
    approved = ApprovedClaimFactory(article=article, fingerprint="approved")
    client.force_login(editor)

    response = client.post(
        QUEUE,
        {
            "action": "bulk_dismiss",
            "_selected_action": [done.pk, approved.pk],
            "reason": "Background, not a claim.",
        },
        follow=True,
    )

    html = response.content.decode()
    assert ticked(html) == {approved.pk}
    assert 'value="Background, not a claim."' in html
    assert '<option value="bulk_dismiss" selected>' in html


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
