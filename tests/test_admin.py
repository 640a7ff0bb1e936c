"""The admin as each role sees and uses it: pages, the queue, the workflow
buttons, notes, the audit trail, actors; and crafted POSTs that must fail."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin as django_admin
from django.urls import reverse

from articles.models import (
    Actor,
    ActorAlias,
    ActorMention,
    Article,
    ArticleRevision,
    Claim,
    ClaimEvent,
    Correction,
    EditorialEvent,
    EditorNote,
    Feed,
    ImportRun,
    Notification,
)
from articles.services import workflow as wf

from .factories import (
    ActorFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    EditorNoteFactory,
    PublishedArticleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SOURCES = [{"url": "https://www.nato.int/members", "title": "NATO members"}]


# ---------------------------------------------------------------- helpers


class _FormReader(HTMLParser):
    """The fields a browser would submit from one form of a page."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, []
        self._select = self._textarea = None
        self._options = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name") and "disabled" not in a:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and a.get("name") and "disabled" not in a:
            self._textarea = [a["name"], ""]
        elif tag == "select" and a.get("name") and "disabled" not in a:
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select:
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            self.data.append((self._textarea[0], self._textarea[1].lstrip("\n")))
            self._textarea = None
        elif tag == "select" and self._select:
            chosen = [v for v, selected in self._options if selected] or [
                v for v, _ in self._options[:1]
            ]
            self.data.extend((self._select, v) for v in chosen)
            self._select = None


def form_data(response, form_id):
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    data = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return {k: v if len(v) > 1 else v[0] for k, v in data.items()}


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def step_url(claim, step):
    return reverse("admin:articles_claim_workflow", args=[claim.pk, step])


def article_step_url(article, step):
    return reverse("admin:articles_article_workflow", args=[article.pk, step])


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def as_user(client, user):
    client.force_login(user)
    return client


def fresh(claim):
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def claim(db):
    return ClaimFactory(speaker=ActorFactory(name="Mr Smith"))


@pytest.fixture
def proposed(claim, factchecker):
    wf.claim_assign(claim=claim, by=factchecker)
    return wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="32 members.", sources=SOURCES
    )


@pytest.fixture
def one_of_everything(superuser, editor, factchecker):
    """A row of every model the admin shows, for the smoke tests."""
    article = PublishedArticleFactory()
    actor = ActorFactory()
    ActorAlias.objects.create(actor=actor, name="Number")
    ActorMention.objects.create(article=article, actor=actor, count=1, offsets=[[0, 4]])
    claim = ClaimFactory(article=article, speaker=actor)
    wf.claim_assign(claim=claim, by=factchecker)
    wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="No.", sources=SOURCES
    )
    ApprovedClaimFactory(article=ArticleFactory(), fingerprint="other")
    wf.article_correct(article=article, by=editor, body="A correction.")
    EditorNoteFactory(article=article, author=editor)
    EditorNote.objects.create(claim=claim, author=editor, body="On the claim.")
    ImportRun.objects.create(files=1, created=1)
    ArticleRevision.objects.create(
        article=article, number=1, title=article.title, body=article.body, content_hash="h"
    )
    return {
        ArticleRevision: ArticleRevision.objects.get(),
        EditorialEvent: EditorialEvent.objects.get(),
        Article: article,
        Actor: actor,
        Claim: claim,
        ClaimEvent: claim.events.first(),
        Correction: Correction.objects.get(),
        EditorNote: EditorNote.objects.first(),
        ImportRun: ImportRun.objects.get(),
        Feed: Feed.objects.create(url="http://feeds.example/rss"),
        ActorAlias: ActorAlias.objects.get(),
        ActorMention: ActorMention.objects.get(),
    }


# ---------------------------------------------------------------- every page opens


ROLES = ["superuser", "editor", "factchecker", "reporter"]


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_list_and_change_page_opens_for_each_role(
    request, client, role, one_of_everything
):
    user = request.getfixturevalue(role)
    as_user(client, user)
    assert client.get(reverse("admin:index")).status_code == 200
    registered = [
        m
        for m in django_admin.site._registry
        if m._meta.app_label == "articles" and m is not Notification  # each person's own
    ]
    assert set(registered) == set(one_of_everything)
    for model in registered:
        opts = model._meta
        listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert listing.status_code == 200, (role, model)
        page = client.get(change_url(one_of_everything[model]))
        assert page.status_code == 200, (role, model)


def test_search_and_filters_open_on_every_list(client, superuser, one_of_everything):
    as_user(client, superuser)
    for model in one_of_everything:
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert client.get(url, {"q": "NATO"}).status_code == 200
    claims = reverse("admin:articles_claim_changelist")
    for query in (
        {"status__exact": "proposed"},
        {"assignee": "mine"},
        {"assignee": "none"},
        {"rating__exact": "false"},
        {"kind__exact": "factual"},
        {"worthiness": "gate"},
        {"worthiness": "high"},
        {"worthiness": "below"},
        {"o": "5"},
    ):
        assert client.get(claims, query).status_code == 200, query


def test_the_claim_queue_keeps_its_query_count_flat(client, editor, django_assert_max_num_queries):
    for _ in range(3):
        article = ArticleFactory()
        for n in range(5):
            ClaimFactory(article=article, speaker=ActorFactory(), fingerprint=f"{article.pk}-{n}")
    as_user(client, editor)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("admin:articles_claim_changelist"))
    assert response.status_code == 200


def test_the_article_list_keeps_its_query_count_flat(client, editor, django_assert_max_num_queries):
    for n in range(10):
        ClaimFactory(article=ArticleFactory(), fingerprint=f"fp-{n}")
    as_user(client, editor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200


# ---------------------------------------------------------------- each role sees what it may do


def test_reporter_sees_the_claim_but_no_workflow_buttons(client, reporter, claim):
    page = as_user(client, reporter).get(change_url(claim)).content.decode()
    assert "Take this claim" not in page
    assert "Propose verdict" not in page
    assert "Approve verdict" not in page
    assert 'name="notes-0-body"' in page  # may still write a note


def test_factchecker_is_offered_to_take_a_new_claim_but_never_to_approve(
    client, factchecker, claim
):
    page = as_user(client, factchecker).get(change_url(claim)).content.decode()
    assert "Take this claim" in page
    assert "Approve verdict" not in page
    assert "Dismiss claim" not in page


def test_editor_is_offered_approve_send_back_and_dismiss_on_a_proposal(client, editor, proposed):
    page = as_user(client, editor).get(change_url(proposed)).content.decode()
    assert "Approve verdict" in page
    assert "Send back" in page
    assert "Dismiss claim" in page


def test_an_editor_who_proposed_is_told_why_they_cannot_approve(client, editor, claim):
    wf.claim_assign(claim=claim, by=editor)
    wf.claim_propose_verdict(claim=claim, by=editor, rating="true", summary="Yes.", sources=SOURCES)
    page = as_user(client, editor).get(change_url(claim)).content.decode()
    assert "Approve verdict" not in page
    assert "two-person rule" in page


def test_queue_actions_are_offered_to_factcheckers_not_reporters(
    client, factchecker, reporter, claim
):
    url = reverse("admin:articles_claim_changelist")
    assert "Assign to me" in as_user(client, factchecker).get(url).content.decode()
    assert "Assign to me" not in as_user(client, reporter).get(url).content.decode()


def test_only_editors_see_publish(client, editor, factchecker):
    article = ArticleFactory()
    assert "Publish article" in as_user(client, editor).get(change_url(article)).content.decode()
    assert (
        "Publish article"
        not in as_user(client, factchecker).get(change_url(article)).content.decode()
    )


def test_imported_fields_are_read_only_even_for_editors(client, editor, claim):
    page = as_user(client, editor).get(change_url(claim)).content.decode()
    for field in ("text", "quote", "start", "end", "extractor_version", "rating", "status"):
        assert f'name="{field}"' not in page, field
    assert 'name="kind"' in page and 'name="confirmed"' in page
    article_page = client.get(change_url(claim.article)).content.decode()
    for field in ("body", "content_hash", "source_path", "source_key", "extractor_version"):
        assert f'name="{field}"' not in article_page, field
    assert 'name="title"' in article_page


# ---------------------------------------------------------------- the workflow through the admin


def test_factchecker_takes_and_proposes_from_the_claim_page(client, factchecker, claim):
    as_user(client, factchecker)
    response = client.post(step_url(claim, "take"), {"expected_version": 1}, follow=True)
    assert "The claim is in review with you." in messages_of(response)

    response = client.post(
        step_url(claim, "propose"),
        {
            "expected_version": 2,
            "rating": "false",
            "summary": "NATO has 32 members.",
            "source_url": ["https://www.nato.int/members", ""],
            "source_title": ["NATO members", ""],
        },
        follow=True,
    )

    assert "Verdict proposed; another person must approve it." in messages_of(response)
    claim = fresh(claim)
    assert (claim.status, claim.proposed_by, claim.sources) == ("proposed", factchecker, SOURCES)


def test_a_proposal_without_a_source_is_refused_with_the_reason(client, factchecker, claim):
    wf.claim_assign(claim=claim, by=factchecker)
    as_user(client, factchecker)
    response = client.post(
        step_url(claim, "propose"),
        {"rating": "false", "summary": "Wrong.", "source_url": "", "source_title": ""},
        follow=True,
    )
    assert any("at least one source" in m for m in messages_of(response))
    assert fresh(claim).status == "in_review"


def test_editor_approves_from_the_claim_page(client, editor, proposed):
    response = as_user(client, editor).post(
        step_url(proposed, "approve"), {"expected_version": proposed.version}, follow=True
    )
    assert "Verdict approved." in messages_of(response)
    assert fresh(proposed).status == "approved"


def test_editor_sends_back_and_dismisses_from_the_claim_page(client, editor, proposed):
    as_user(client, editor)
    client.post(step_url(proposed, "send_back"), {"comment": "Second source please."})
    assert fresh(proposed).status == "in_review"
    client.post(step_url(proposed, "dismiss"), {"reason": "Not checkable after all."})
    assert fresh(proposed).status == "dismissed"


def test_editor_assigns_a_claim_to_a_factchecker(client, editor, factchecker, claim):
    as_user(client, editor).post(step_url(claim, "assign"), {"assignee": factchecker.pk})
    assert fresh(claim).assignee == factchecker


def test_a_stale_page_is_refused_and_nothing_is_overwritten(client, editor, editor2, proposed):
    stale = proposed.version
    wf.claim_send_back(claim=proposed, by=editor2, comment="Rework")
    response = as_user(client, editor).post(
        step_url(proposed, "dismiss"), {"expected_version": stale, "reason": "Dull"}, follow=True
    )
    assert any("Someone else changed this claim" in m for m in messages_of(response))
    assert fresh(proposed).status == "in_review"


def test_workflow_steps_only_answer_post(client, editor, claim):
    assert as_user(client, editor).get(step_url(claim, "take")).status_code == 405


def test_an_unknown_step_is_not_found(client, editor, claim):
    assert as_user(client, editor).post(step_url(claim, "publish")).status_code == 404


def test_earlier_verdicts_are_listed_and_copied_as_a_proposal(client, factchecker, editor, claim):
    earlier = ApprovedClaimFactory(article=ArticleFactory(body=claim.article.body))
    as_user(client, factchecker)
    page = client.get(change_url(claim)).content.decode()
    assert "Earlier verdicts on similar claims" in page
    assert "False" in page and "Copy this verdict as a proposal" in page

    client.post(
        step_url(claim, "copy_verdict"), {"source_claim": earlier.pk, "expected_version": 1}
    )

    claim = fresh(claim)
    assert (claim.status, claim.rating, claim.proposed_by) == ("proposed", "false", factchecker)
    response = client.post(step_url(claim, "approve"), follow=True)
    assert any("Only editors" in m for m in messages_of(response))
    assert fresh(claim).status == "proposed"


# ---------------------------------------------------------------- crafted POSTs


def test_factchecker_cannot_approve_their_own_proposal_by_a_crafted_post(
    client, factchecker, proposed
):
    response = as_user(client, factchecker).post(step_url(proposed, "approve"), follow=True)
    assert any("Only editors can approve" in m for m in messages_of(response))
    assert fresh(proposed).status == "proposed"


def test_reporter_cannot_propose_or_approve_by_crafted_posts(client, reporter, proposed):
    as_user(client, reporter)
    client.post(step_url(proposed, "approve"))
    client.post(
        step_url(proposed, "propose"),
        {"rating": "true", "summary": "Fine", "source_url": "https://x.org", "source_title": "X"},
    )
    claim = fresh(proposed)
    assert (claim.status, claim.rating, claim.reviewer) == ("proposed", "false", None)


def test_reporter_cannot_change_a_verdict_through_the_change_form(client, reporter, proposed):
    as_user(client, reporter)
    data = form_data(client.get(change_url(proposed)), "claim_form")
    data.update(
        {
            "status": "approved",
            "rating": "true",
            "verdict_summary": "All fine.",
            "kind": "quote",
            "version": "99",
        }
    )
    assert client.post(change_url(proposed), data).status_code == 302  # saved: nothing of it
    claim = fresh(proposed)
    assert (claim.status, claim.rating, claim.verdict_summary, claim.kind) == (
        "proposed",
        "false",
        "32 members.",
        "factual",
    )


def test_editor_cannot_set_a_verdict_through_the_change_form(client, editor, proposed):
    as_user(client, editor)
    data = form_data(client.get(change_url(proposed)), "claim_form")
    data.update({"status": "approved", "rating": "true", "reviewer": str(editor.pk)})
    client.post(change_url(proposed), data)
    claim = fresh(proposed)
    assert (claim.status, claim.rating, claim.reviewer) == ("proposed", "false", None)


def test_reporter_cannot_publish_by_a_crafted_post(client, reporter):
    article = ArticleFactory()
    as_user(client, reporter).post(article_step_url(article, "publish"))
    article.refresh_from_db()
    assert article.status == "draft"


def test_a_user_without_any_role_is_turned_away(client, claim):
    outsider = UserFactory(username="outsider")
    as_user(client, outsider)
    assert client.get(change_url(claim)).status_code == 403
    assert client.post(step_url(claim, "take")).status_code == 403
    assert fresh(claim).status == "new"


# ---------------------------------------------------------------- editing a claim


def test_editor_corrects_the_extraction_and_the_audit_trail_shows_it(client, editor, claim):
    as_user(client, editor)
    data = form_data(client.get(change_url(claim)), "claim_form")
    data.update({"kind": "quote", "confirmed": "on"})
    client.post(change_url(claim), data)
    claim = fresh(claim)
    assert (claim.kind, claim.confirmed, claim.version) == ("quote", True, 2)
    assert claim.events.first().action == "edited"


def test_the_second_of_two_simultaneous_edits_is_refused(client, editor, editor2, claim):
    as_user(client, editor)
    first = form_data(client.get(change_url(claim)), "claim_form")
    second = dict(first)
    first["kind"] = "quote"
    assert client.post(change_url(claim), first).status_code == 302

    as_user(client, editor2)
    second["kind"] = "attributed"
    response = client.post(change_url(claim), second)

    assert response.status_code == 200
    assert "Someone else changed this claim" in response.content.decode()
    assert fresh(claim).kind == "quote"


# ---------------------------------------------------------------- audit trail


def test_the_audit_trail_is_shown_newest_first_and_read_only(client, editor, proposed):
    page = as_user(client, editor).get(change_url(proposed)).content.decode()
    trail = page[page.index("Audit trail") :]
    assert trail.index("Verdict proposed") < trail.index("Assigned")
    assert 'name="events-0-comment"' not in page
    assert 'name="events-0-DELETE"' not in page


def test_audit_events_cannot_be_edited_or_deleted_even_by_a_superuser(client, superuser, proposed):
    event = proposed.events.first()
    as_user(client, superuser)
    url = change_url(event)
    client.post(url, {"comment": "rewritten"})
    delete = reverse("admin:articles_claimevent_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.comment != "rewritten"


# ---------------------------------------------------------------- notes


def test_reporter_writes_a_note_on_a_claim_with_author_and_time_set(client, reporter, claim):
    as_user(client, reporter)
    data = form_data(client.get(change_url(claim)), "claim_form")
    data["notes-0-body"] = "The figure comes from a 2019 press release."
    response = client.post(change_url(claim), data)
    assert response.status_code == 302
    note = EditorNote.objects.get()
    assert (note.claim, note.author, note.body) == (
        claim,
        reporter,
        "The figure comes from a 2019 press release.",
    )
    assert note.created_at is not None


def test_a_note_on_an_article_is_marked_resolved(client, editor):
    note = EditorNoteFactory(author=editor)
    as_user(client, editor)
    url = change_url(note.article)
    data = form_data(client.get(url), "article_form")
    data["notes-0-resolved"] = "on"
    data["notes-0-body"] = "Rewritten?"  # disabled: ignored
    client.post(url, data)
    note.refresh_from_db()
    assert note.resolved
    assert note.body == "Check the membership figure against NATO's own list."


def test_notes_are_resolved_from_the_note_list(client, reporter):
    note = EditorNoteFactory()
    as_user(client, reporter).post(
        reverse("admin:articles_editornote_changelist"),
        {"action": "resolve_notes", "_selected_action": [note.pk]},
    )
    note.refresh_from_db()
    assert note.resolved


# ---------------------------------------------------------------- the queue


def test_queue_filters_mine_and_sorts_by_checkworthiness(client, factchecker, factchecker2):
    article = ArticleFactory()
    low = ClaimFactory(article=article, checkworthiness=0.3, fingerprint="low")
    high = ClaimFactory(article=article, checkworthiness=0.9, fingerprint="high")
    theirs = ClaimFactory(article=article, checkworthiness=0.95, fingerprint="theirs")
    wf.claim_assign(claim=low, by=factchecker)
    wf.claim_assign(claim=high, by=factchecker)
    wf.claim_assign(claim=theirs, by=factchecker2)
    as_user(client, factchecker)

    response = client.get(reverse("admin:articles_claim_changelist"), {"assignee": "mine"})

    shown = list(response.context["cl"].result_list)
    assert shown == [high, low]


def test_queue_filter_by_checkworthiness_gate(client, editor, settings):
    settings.NEWSROOM_PUBLISH_THRESHOLD = 0.5
    article = ArticleFactory()
    ClaimFactory(article=article, checkworthiness=0.3, fingerprint="low")
    high = ClaimFactory(article=article, checkworthiness=0.7, fingerprint="high")
    response = as_user(client, editor).get(
        reverse("admin:articles_claim_changelist"), {"worthiness": "gate"}
    )
    assert list(response.context["cl"].result_list) == [high]


def test_assign_to_me_action(client, factchecker):
    claims = [ClaimFactory(fingerprint=f"a{n}") for n in range(2)]
    response = as_user(client, factchecker).post(
        reverse("admin:articles_claim_changelist"),
        {"action": "assign_to_me", "_selected_action": [c.pk for c in claims]},
        follow=True,
    )
    assert "2 claim(s) assigned to you." in messages_of(response)
    assert {fresh(c).assignee for c in claims} == {factchecker}


def test_mark_in_review_action_assigns_the_chosen_factchecker(client, editor, factchecker):
    claim = ClaimFactory()
    as_user(client, editor).post(
        reverse("admin:articles_claim_changelist"),
        {"action": "mark_in_review", "assignee": factchecker.pk, "_selected_action": [claim.pk]},
    )
    assert (fresh(claim).status, fresh(claim).assignee) == ("in_review", factchecker)


def test_queue_actions_report_refusals_per_claim(client, factchecker, editor):
    claim = ClaimFactory()
    wf.claim_dismiss(claim=claim, by=editor, reason="Opinion")
    response = as_user(client, factchecker).post(
        reverse("admin:articles_claim_changelist"),
        {"action": "assign_to_me", "_selected_action": [claim.pk]},
        follow=True,
    )
    assert any("dismissed" in m for m in messages_of(response))


def test_article_list_shows_claims_resolved_out_of_total(client, editor):
    article = ArticleFactory(title="The progress story")
    ApprovedClaimFactory(article=article, fingerprint="a")
    ClaimFactory(article=article, fingerprint="b")
    response = as_user(client, editor).get(reverse("admin:articles_article_changelist"))
    row = next(a for a in response.context["cl"].result_list if a.pk == article.pk)
    assert (row.claims_resolved, row.claims_total, row.claims_blocking) == (1, 2, 1)
    assert "1 / 2" in response.content.decode()


# ---------------------------------------------------------------- publishing


def test_publish_is_refused_with_the_claims_left_then_succeeds(
    client, editor, editor2, factchecker
):
    article = ArticleFactory()
    claim = ClaimFactory(article=article, checkworthiness=0.9)
    as_user(client, editor)

    page = client.get(change_url(article)).content.decode()
    assert "Still to be approved or dismissed" in page
    response = client.post(article_step_url(article, "publish"), follow=True)
    assert any("Not published: 1 claim is still" in m for m in messages_of(response))
    assert any("NATO's Article 5" in m for m in messages_of(response))

    wf.claim_dismiss(claim=claim, by=editor2, reason="Background, not a claim.")
    response = client.post(article_step_url(article, "publish"), follow=True)

    assert "Published. Readers can now see the article." in messages_of(response)
    article.refresh_from_db()
    assert article.status == "published" and article.published_at is not None


def test_publish_action_on_the_article_list(client, editor):
    ready, blocked = ArticleFactory(), ArticleFactory()
    ClaimFactory(article=blocked, checkworthiness=0.9)
    response = as_user(client, editor).post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_articles", "_selected_action": [ready.pk, blocked.pk]},
        follow=True,
    )
    ready.refresh_from_db()
    blocked.refresh_from_db()
    assert (ready.status, blocked.status) == ("published", "draft")
    assert any("Not published" in m for m in messages_of(response))


def test_editor_corrects_and_retracts_a_published_article(client, editor):
    article = PublishedArticleFactory()
    as_user(client, editor)
    page = client.get(change_url(article)).content.decode()
    assert "Add correction" in page and "Retract article" in page

    client.post(article_step_url(article, "correct"), {"body": "The minister is Ms Jones."})
    client.post(article_step_url(article, "retract"), {"reason": "The interview was fabricated."})

    article.refresh_from_db()
    assert article.corrections.get().body == "The minister is Ms Jones."
    assert (article.status, article.retraction_reason) == (
        "retracted",
        "The interview was fabricated.",
    )


def test_editor_edits_an_article_title_without_touching_its_status(client, editor):
    article = ArticleFactory()
    as_user(client, editor)
    data = form_data(client.get(change_url(article)), "article_form")
    data["title"] = "A better headline"
    wf.article_publish(article=Article.objects.get(pk=article.pk), by=editor)  # meanwhile
    client.post(change_url(article), data)
    article.refresh_from_db()
    assert (article.title, article.status) == ("A better headline", "published")


# ---------------------------------------------------------------- actors


def test_actor_page_has_aliases_inline_and_mentions_read_only(client, editor):
    actor = ActorFactory(name="Tony Blair")
    ActorAlias.objects.create(actor=actor, name="Blair")
    ActorMention.objects.create(article=ArticleFactory(), actor=actor, count=2)
    page = as_user(client, editor).get(change_url(actor)).content.decode()
    assert 'name="aliases-0-name"' in page
    assert 'name="mentions-0-count"' not in page
    assert "Blair" in page


def test_editor_renames_an_actor_and_the_old_name_stays_an_alias(client, editor):
    actor = ActorFactory(name="Tony Blaire")
    as_user(client, editor)
    data = form_data(client.get(change_url(actor)), "actor_form")
    data["name"] = "Tony Blair"
    client.post(change_url(actor), data)
    actor.refresh_from_db()
    assert actor.name == "Tony Blair"
    assert set(actor.aliases.values_list("name", flat=True)) >= {"Tony Blaire", "Tony Blair"}


def test_editor_merges_two_actors_choosing_the_survivor(client, editor):
    keep = ActorFactory(name="Tony Blair")
    drop = ActorFactory(name="Mr Blair")
    claim = ClaimFactory(speaker=drop)
    as_user(client, editor)
    url = reverse("admin:articles_actor_changelist")

    confirm = client.post(url, {"action": "merge_actors", "_selected_action": [keep.pk, drop.pk]})
    assert "Choose the actor to keep" in confirm.content.decode()
    client.post(
        url,
        {"action": "merge_actors", "_selected_action": [keep.pk, drop.pk], "survivor": keep.pk},
    )

    assert not Actor.objects.filter(pk=drop.pk).exists()
    assert fresh(claim).speaker == keep
    assert keep.aliases.filter(name="Mr Blair").exists()



def test_a_refused_merge_comes_back_with_the_unmerged_actors_still_selected(client, editor):
    keep = ActorFactory(name="Georgia Smith")
    same = ActorFactory(name="G. Smith")
    country = ActorFactory(name="Georgia", kind="country")
    as_user(client, editor)
    url = reverse("admin:articles_actor_changelist")
    page = client.post(
        url,
        {
            "action": "merge_actors",
            "_selected_action": [keep.pk, same.pk, country.pk],
            "survivor": keep.pk,
        },
    )
    text = page.content.decode()
    assert page.status_code == 200 and "Choose the actor to keep" in text
    assert "the kinds differ" in text  # the reason, on the page that asks again
    assert not Actor.objects.filter(pk=same.pk).exists()  # what could merge, did
    assert f'name="survivor" value="{keep.pk}" checked' in text
    assert f'value="{country.pk}"' in text and f'value="{same.pk}"' not in text


def test_factchecker_is_not_offered_the_merge(client, factchecker):
    ActorFactory()
    page = as_user(client, factchecker).get(reverse("admin:articles_actor_changelist"))
    assert "merge_actors" not in page.content.decode()


def test_the_admin_index_offers_no_add_links_to_a_reporter(client, reporter):
    page = as_user(client, reporter).get(reverse("admin:index")).content.decode()
    assert "Claims" in page and "Articles" in page
    assert "addlink" not in page


def test_editors_may_add_aliases_but_nobody_adds_claims_or_articles_by_hand(client, editor):
    page = as_user(client, editor).get(reverse("admin:index")).content.decode()
    assert reverse("admin:articles_actoralias_add") in page
    assert reverse("admin:articles_claim_add") not in page
    # Adding an article is importing one (tests/test_ingest_admin.py).
    added = client.get(reverse("admin:articles_article_add"))
    assert added.url == reverse("admin:articles_importrun_ingest")


def test_not_even_a_superuser_deletes_a_claim_and_its_audit_trail(client, superuser, proposed):
    url = reverse("admin:articles_claim_delete", args=[proposed.pk])
    assert as_user(client, superuser).post(url, {"post": "yes"}).status_code == 403
    assert proposed.events.count() == 2


def test_nobody_can_add_change_or_delete_audit_events_inline(rf, superuser):
    from django.contrib import admin as django_admin

    from articles.admin.claims import ClaimEventInline
    from articles.models import Claim

    request = rf.get("/admin/")
    request.user = superuser
    inline = ClaimEventInline(Claim, django_admin.site)
    assert not inline.has_add_permission(request, None)
    assert not inline.has_change_permission(request, None)
    assert not inline.has_delete_permission(request, None)


def test_changing_an_actors_kind_brings_its_articles_into_updated_since(client, editor):
    actor = ActorFactory(name="Amnesty", kind="person")
    article = PublishedArticleFactory()
    ActorMention.objects.create(article=article, actor=actor, count=1, offsets=[[0, 7]])
    before = Article.objects.get(pk=article.pk).updated_at
    as_user(client, editor)
    data = form_data(client.get(change_url(actor)), "actor_form")
    data["kind"] = "organization"
    client.post(change_url(actor), data)
    assert Actor.objects.get(pk=actor.pk).kind == "organization"
    assert Article.objects.get(pk=article.pk).updated_at > before


def test_the_claim_page_says_why_a_claim_scored_high(client, editor):
    claim = ClaimFactory(
        text="NATO has 31 member nations, the first alliance of its kind.",
        quote="",
        start=0,
        end=len("NATO has 31 member nations, the first alliance of its kind."),
    )
    as_user(client, editor)
    page = client.get(change_url(claim)).content.decode()
    assert "why check-worthy" in page.lower()
    assert "number" in page and "first/only" in page


def test_lowering_below_the_gate_without_a_reason_keeps_the_form_as_typed(client, editor):
    claim = ClaimFactory(checkworthiness=0.9)
    as_user(client, editor)
    data = form_data(client.get(change_url(claim)), "claim_form")
    data.update({"checkworthiness": "0.1", "change_reason": ""})
    response = client.post(change_url(claim), data)
    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    assert "A reason for lowering the claim below the publish gate" in html
    assert 'value="0.1"' in html
    claim.refresh_from_db()
    assert claim.checkworthiness == 0.9
