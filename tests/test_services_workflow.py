"""The verification workflow service: every legal and illegal step, the
two-person rule, the audit trail, the publish gate, corrections and notes."""


import hypothesis
import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import strategies as st

from articles.models import Article, Claim, ClaimEvent, Correction
from articles.services import workflow as wf

from .factories import (
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    EditorNoteFactory,
    PublishedArticleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SOURCES = [{"url": "https://www.nato.int/cps/en/natohq/topics_52044.htm", "title": "NATO members"}]
VERDICT = {"rating": "false", "summary": "NATO has 32 members, not 31.", "sources": SOURCES}


def _fresh(claim):
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def claim(db):
    return ClaimFactory()


@pytest.fixture
def in_review(claim, factchecker):
    return wf.claim_assign(claim=claim, by=factchecker)


@pytest.fixture
def proposed(in_review, factchecker):
    return wf.claim_propose_verdict(claim=in_review, by=factchecker, **VERDICT)


@pytest.fixture
def approved(proposed, editor):
    return wf.claim_approve(claim=proposed, by=editor)


@pytest.fixture
def dismissed(claim, editor):
    return wf.claim_dismiss(claim=claim, by=editor, reason="An opinion, not a fact.")


# ---------------------------------------------------------------- roles


def test_roles_give_each_group_its_abilities(reporter, factchecker, editor):
    abilities = [
        (
            wf.user_can_write_notes(u),
            wf.user_can_take_claims(u),
            wf.user_can_approve(u),
            wf.user_can_publish(u),
        )
        for u in (reporter, factchecker, editor)
    ]
    assert abilities == [
        (True, False, False, False),
        (True, True, False, False),
        (True, True, True, True),
    ]


def test_the_roles_migration_is_idempotent_and_gives_editors_the_most():
    from django.apps import apps
    from django.contrib.auth.models import Group

    from articles.roles import roles_sync

    def perms():
        return {
            g.name: set(g.permissions.values_list("codename", flat=True))
            for g in Group.objects.all()
        }

    before = perms()
    roles_sync(apps)
    assert perms() == before
    assert before["Reporter"] < before["Fact-checker"] < before["Editor"]
    assert "add_editornote" in before["Reporter"]
    assert "change_claim" not in before["Fact-checker"]
    assert {"approve_claim", "publish_article", "merge_actor"} <= before["Editor"]


def test_a_staff_user_without_a_role_can_do_nothing(claim):
    nobody = UserFactory(username="nobody")
    with pytest.raises(wf.NotAllowed):
        wf.claim_assign(claim=claim, by=nobody)
    with pytest.raises(wf.NotAllowed):
        wf.note_create(by=nobody, body="Hi", claim=claim)


def test_an_inactive_editor_loses_every_ability(editor):
    editor.is_active = False
    assert not wf.user_can_approve(editor)


# ---------------------------------------------------------------- assign


def test_factchecker_takes_a_new_claim(claim, factchecker):
    wf.claim_assign(claim=claim, by=factchecker)

    claim = _fresh(claim)
    assert (claim.status, claim.assignee, claim.version) == ("in_review", factchecker, 2)
    event = claim.events.get()
    assert (event.action, event.user, event.from_status, event.to_status) == (
        "assigned",
        factchecker,
        "new",
        "in_review",
    )


def test_editor_assigns_a_claim_to_a_factchecker(claim, editor, factchecker):
    wf.claim_assign(claim=claim, by=editor, assignee=factchecker)
    assert _fresh(claim).assignee == factchecker


def test_factchecker_cannot_assign_a_claim_to_someone_else(claim, factchecker, factchecker2):
    with pytest.raises(wf.NotAllowed, match="Only an editor"):
        wf.claim_assign(claim=claim, by=factchecker, assignee=factchecker2)
    assert _fresh(claim).status == "new"


def test_reporter_cannot_take_a_claim(claim, reporter):
    with pytest.raises(wf.NotAllowed):
        wf.claim_assign(claim=claim, by=reporter)


def test_a_claim_cannot_be_assigned_to_a_reporter(claim, editor, reporter):
    with pytest.raises(wf.InvalidTransition, match="cannot be assigned claims"):
        wf.claim_assign(claim=claim, by=editor, assignee=reporter)


def test_editor_reassigns_a_claim_in_review(in_review, editor, factchecker2):
    wf.claim_assign(claim=in_review, by=editor, assignee=factchecker2)

    claim = _fresh(in_review)
    assert (claim.status, claim.assignee) == ("in_review", factchecker2)
    assert "Reassigned from factchecker to factchecker2" in claim.events.first().comment


def test_factchecker_cannot_take_a_claim_another_is_working_on(in_review, factchecker2):
    with pytest.raises(wf.NotAllowed, match="in review with factchecker"):
        wf.claim_assign(claim=in_review, by=factchecker2)
    assert _fresh(in_review).assignee.username == "factchecker"


def test_taking_a_claim_one_already_has_is_refused(in_review, factchecker):
    with pytest.raises(wf.InvalidTransition, match="already in review"):
        wf.claim_assign(claim=in_review, by=factchecker)


@pytest.mark.parametrize("state", ["proposed", "approved", "dismissed"])
def test_a_claim_past_review_cannot_be_assigned(request, state, editor2):
    claim = request.getfixturevalue(state)
    with pytest.raises(wf.InvalidTransition, match="cannot be assigned"):
        wf.claim_assign(claim=claim, by=editor2)
    assert _fresh(claim).status == state


# ---------------------------------------------------------------- propose


def test_assignee_proposes_a_verdict(in_review, factchecker):
    wf.claim_propose_verdict(claim=in_review, by=factchecker, **VERDICT)

    claim = _fresh(in_review)
    assert claim.status == "proposed"
    assert (claim.rating, claim.verdict_summary) == ("false", VERDICT["summary"])
    assert claim.sources == SOURCES
    assert claim.proposed_by == factchecker and claim.proposed_at is not None
    event = claim.events.first()
    assert (event.from_status, event.to_status) == ("in_review", "proposed")
    assert event.data["rating"] == "false" and event.data["sources"] == SOURCES


def test_a_verdict_cannot_be_proposed_on_an_untaken_claim(claim, factchecker):
    with pytest.raises(wf.InvalidTransition, match="Take the claim first"):
        wf.claim_propose_verdict(claim=claim, by=factchecker, **VERDICT)


@pytest.mark.parametrize("state", ["proposed", "approved", "dismissed"])
def test_no_new_verdict_on_a_claim_past_review(request, state, editor2):
    claim = request.getfixturevalue(state)
    with pytest.raises(wf.InvalidTransition, match="No new verdict"):
        wf.claim_propose_verdict(claim=claim, by=editor2, **VERDICT)


def test_another_factchecker_cannot_propose_on_someone_elses_claim(in_review, factchecker2):
    with pytest.raises(wf.NotAllowed, match="assigned to factchecker"):
        wf.claim_propose_verdict(claim=in_review, by=factchecker2, **VERDICT)


def test_an_editor_may_propose_on_a_claim_assigned_to_someone_else(in_review, editor):
    wf.claim_propose_verdict(claim=in_review, by=editor, **VERDICT)
    assert _fresh(in_review).proposed_by == editor


def test_reporter_cannot_propose(in_review, reporter):
    with pytest.raises(wf.NotAllowed):
        wf.claim_propose_verdict(claim=in_review, by=reporter, **VERDICT)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rating": ""}, "Choose a rating"),
        ({"rating": "pants-on-fire"}, "Choose a rating"),
        ({"summary": "   "}, "summary for readers"),
        ({"sources": []}, "at least one source"),
        ({"sources": [{"url": "", "title": ""}]}, "at least one source"),
        ({"sources": [{"url": "ftp://example.org/x", "title": "X"}]}, "http:// or https://"),
        ({"sources": [{"url": "javascript:alert(1)", "title": "X"}]}, "http:// or https://"),
        ({"sources": [{"url": "https://example.org/x", "title": " "}]}, "needs a title"),
        ({"sources": ["https://example.org/x"]}, "URL and a title"),
        ({"sources": "https://example.org/x"}, "list"),
    ],
)
def test_an_incomplete_verdict_is_refused_with_the_reason(in_review, factchecker, changes, message):
    with pytest.raises(wf.InvalidTransition, match=message):
        wf.claim_propose_verdict(claim=in_review, by=factchecker, **{**VERDICT, **changes})
    claim = _fresh(in_review)
    assert (claim.status, claim.rating, claim.version) == ("in_review", "", 2)


def test_an_unverifiable_verdict_needs_no_source(in_review, factchecker):
    wf.claim_propose_verdict(
        claim=in_review, by=factchecker, rating="unverifiable", summary="No record.", sources=[]
    )
    assert _fresh(in_review).rating == "unverifiable"


def test_sources_are_trimmed_and_blank_rows_dropped(in_review, factchecker):
    sources = [
        {"url": " https://example.org/a ", "title": "  A   report "},
        {"url": "", "title": ""},
    ]
    wf.claim_propose_verdict(claim=in_review, by=factchecker, **{**VERDICT, "sources": sources})
    assert _fresh(in_review).sources == [{"url": "https://example.org/a", "title": "A report"}]


# ---------------------------------------------------------------- approve


def test_editor_approves_a_factcheckers_verdict(proposed, editor):
    wf.claim_approve(claim=proposed, by=editor)

    claim = _fresh(proposed)
    assert (claim.status, claim.reviewer) == ("approved", editor)
    assert claim.reviewed_at is not None
    assert claim.events.first().action == "approved"


def test_factchecker_cannot_approve_their_own_proposal(proposed, factchecker):
    with pytest.raises(wf.NotAllowed, match="Only editors"):
        wf.claim_approve(claim=proposed, by=factchecker)
    assert _fresh(proposed).status == "proposed"


def test_two_person_rule_an_editor_cannot_approve_their_own_proposal(in_review, editor):
    wf.claim_propose_verdict(claim=in_review, by=editor, **VERDICT)
    with pytest.raises(wf.NotAllowed, match="two-person rule"):
        wf.claim_approve(claim=in_review, by=editor)
    assert _fresh(in_review).status == "proposed"


def test_two_person_rule_a_second_editor_can_approve(in_review, editor, editor2):
    wf.claim_propose_verdict(claim=in_review, by=editor, **VERDICT)
    wf.claim_approve(claim=in_review, by=editor2)
    assert _fresh(in_review).reviewer == editor2


def test_two_person_rule_holds_in_the_database_too(proposed, factchecker):
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=proposed.pk).update(
            status="approved", reviewer=factchecker, reviewed_at=timezone.now()
        )


@pytest.mark.parametrize("state", ["claim", "in_review", "approved", "dismissed"])
def test_only_a_proposed_verdict_can_be_approved(request, state, editor2):
    claim = request.getfixturevalue(state)
    before = _fresh(claim).status
    with pytest.raises(wf.InvalidTransition, match="Only a proposed verdict can be approved"):
        wf.claim_approve(claim=claim, by=editor2)
    assert _fresh(claim).status == before


def test_reporter_cannot_approve(proposed, reporter):
    with pytest.raises(wf.NotAllowed):
        wf.claim_approve(claim=proposed, by=reporter)


# ---------------------------------------------------------------- send back


def test_editor_sends_a_verdict_back_with_a_comment(proposed, editor):
    wf.claim_send_back(claim=proposed, by=editor, comment="Cite NATO's own page.")

    claim = _fresh(proposed)
    assert (claim.status, claim.proposed_by) == ("in_review", None)
    assert claim.rating == "false"  # the draft stays for the fact-checker to revise
    event = claim.events.first()
    assert (event.action, event.comment, event.from_status, event.to_status) == (
        "sent_back",
        "Cite NATO's own page.",
        "proposed",
        "in_review",
    )


def test_sending_back_needs_a_comment(proposed, editor):
    with pytest.raises(wf.InvalidTransition, match="comment"):
        wf.claim_send_back(claim=proposed, by=editor, comment="  ")
    assert _fresh(proposed).status == "proposed"


def test_factchecker_cannot_send_back(proposed, factchecker2):
    with pytest.raises(wf.NotAllowed):
        wf.claim_send_back(claim=proposed, by=factchecker2, comment="No")


@pytest.mark.parametrize("state", ["claim", "in_review", "approved", "dismissed"])
def test_only_a_proposed_verdict_can_be_sent_back(request, state, editor2):
    claim = request.getfixturevalue(state)
    with pytest.raises(wf.InvalidTransition, match="can be sent back"):
        wf.claim_send_back(claim=claim, by=editor2, comment="More work")


def test_a_verdict_sent_back_can_be_proposed_again_and_approved(proposed, factchecker, editor):
    wf.claim_send_back(claim=proposed, by=editor, comment="Add a second source.")
    sources = [*SOURCES, {"url": "https://example.org/sweden", "title": "Sweden joins"}]
    wf.claim_propose_verdict(claim=proposed, by=factchecker, **{**VERDICT, "sources": sources})
    wf.claim_approve(claim=proposed, by=editor)
    claim = _fresh(proposed)
    assert (claim.status, len(claim.sources)) == ("approved", 2)


# ---------------------------------------------------------------- dismiss


@pytest.mark.parametrize("state", ["claim", "in_review", "proposed"])
def test_editor_dismisses_an_open_claim_with_a_reason(request, state, editor2):
    claim = request.getfixturevalue(state)
    before = _fresh(claim).status
    wf.claim_dismiss(claim=claim, by=editor2, reason="Opinion, not checkable.")

    claim = _fresh(claim)
    assert (claim.status, claim.dismissed_reason, claim.reviewer) == (
        "dismissed",
        "Opinion, not checkable.",
        editor2,
    )
    event = claim.events.first()
    assert (event.from_status, event.to_status, event.comment) == (
        before,
        "dismissed",
        "Opinion, not checkable.",
    )


def test_dismissing_needs_a_reason(claim, editor):
    with pytest.raises(wf.InvalidTransition, match="reason"):
        wf.claim_dismiss(claim=claim, by=editor, reason="")


@pytest.mark.parametrize("state", ["approved", "dismissed"])
def test_a_resolved_claim_cannot_be_dismissed(request, state, editor2):
    claim = request.getfixturevalue(state)
    with pytest.raises(wf.InvalidTransition, match="cannot be dismissed"):
        wf.claim_dismiss(claim=claim, by=editor2, reason="Why not")


def test_factchecker_cannot_dismiss(claim, factchecker):
    with pytest.raises(wf.NotAllowed, match="Only editors"):
        wf.claim_dismiss(claim=claim, by=factchecker, reason="Dull")


def test_an_editor_cannot_dismiss_their_own_proposal(in_review, editor):
    wf.claim_propose_verdict(claim=in_review, by=editor, **VERDICT)
    with pytest.raises(wf.NotAllowed, match="two-person rule"):
        wf.claim_dismiss(claim=in_review, by=editor, reason="Changed my mind")


# ---------------------------------------------------------------- versions and audit


def test_a_stale_version_is_refused_and_nothing_is_overwritten(in_review, factchecker, editor):
    stale = in_review.version
    wf.claim_propose_verdict(claim=in_review, by=factchecker, **VERDICT)

    with pytest.raises(wf.Conflict, match="Someone else changed this claim"):
        wf.claim_dismiss(claim=in_review, by=editor, reason="Dull", expected_version=stale)
    claim = _fresh(in_review)
    assert (claim.status, claim.dismissed_reason) == ("proposed", "")


def test_the_current_version_is_accepted(in_review, factchecker):
    wf.claim_propose_verdict(
        claim=in_review, by=factchecker, expected_version=in_review.version, **VERDICT
    )
    assert _fresh(in_review).version == 3


def test_a_stale_instance_without_expected_version_still_sees_the_current_state(
    claim, factchecker, editor
):
    stale_copy = Claim.objects.get(pk=claim.pk)
    wf.claim_dismiss(claim=claim, by=editor, reason="Opinion")
    with pytest.raises(wf.InvalidTransition, match="dismissed"):
        wf.claim_assign(claim=stale_copy, by=factchecker)


def test_every_step_raises_the_version_and_is_in_the_audit_trail_newest_first(approved):
    claim = _fresh(approved)
    assert claim.version == 4
    assert [e.action for e in claim.events.all()] == ["approved", "proposed", "assigned"]
    assert [e.user.username for e in claim.events.all()] == ["editor", "factchecker", "factchecker"]


def test_the_callers_instance_is_brought_up_to_date(claim, factchecker):
    returned = wf.claim_assign(claim=claim, by=factchecker)
    assert returned is claim
    assert (claim.status, claim.version, claim.assignee) == ("in_review", 2, factchecker)


# ---------------------------------------------------------------- claim extraction edits


def test_editor_corrects_the_extraction_and_it_is_recorded(claim, editor):
    wf.claim_update(
        claim=claim, by=editor, changes={"kind": "quote", "confirmed": True}, expected_version=1
    )
    claim = _fresh(claim)
    assert (claim.kind, claim.confirmed, claim.version) == ("quote", True, 2)
    assert "kind: factual \u2192 quote" in claim.events.get().comment


def test_factchecker_cannot_correct_the_extraction(claim, factchecker):
    with pytest.raises(wf.NotAllowed):
        wf.claim_update(claim=claim, by=factchecker, changes={"kind": "quote"})


def test_a_verdict_cannot_be_changed_as_an_edit(claim, editor):
    with pytest.raises(wf.NotAllowed, match="cannot be edited directly"):
        wf.claim_update(claim=claim, by=editor, changes={"status": "approved", "rating": "true"})
    assert _fresh(claim).status == "new"


# ---------------------------------------------------------------- earlier verdicts


def _claim_on(body):
    return ClaimFactory(article=ArticleFactory(body=body))


def test_a_close_approved_claim_elsewhere_is_offered_with_its_score(claim):
    earlier = ApprovedClaimFactory(article=ArticleFactory(body=claim.article.body))
    ClaimFactory(article=ArticleFactory(body=claim.article.body))  # not approved
    _claim_on("Unemployment fell to four per cent in the spring of last year, officials said.")

    matches = wf.claim_similar_verdicts(claim=claim)

    assert [(c, s) for c, s in matches] == [(earlier, 1.0)]


def test_approved_claims_in_the_same_article_are_not_offered(claim):
    ApprovedClaimFactory(article=claim.article, fingerprint="other")
    assert wf.claim_similar_verdicts(claim=claim) == []


def test_factchecker_copies_an_earlier_verdict_as_a_proposal(claim, factchecker, editor):
    earlier = ApprovedClaimFactory(article=ArticleFactory(body=claim.article.body))

    wf.claim_copy_verdict(claim=claim, source_claim=earlier, by=factchecker)

    claim = _fresh(claim)
    assert (claim.status, claim.rating, claim.sources, claim.proposed_by) == (
        "proposed",
        earlier.rating,
        earlier.sources,
        factchecker,
    )
    assert [e.action for e in claim.events.all()] == ["proposed", "assigned"]
    assert f"claim #{earlier.pk}" in claim.events.first().comment


def test_a_copied_verdict_still_needs_a_second_person(claim, editor, editor2):
    earlier = ApprovedClaimFactory(article=ArticleFactory(body=claim.article.body))
    wf.claim_copy_verdict(claim=claim, source_claim=earlier, by=editor)
    with pytest.raises(wf.NotAllowed, match="two-person rule"):
        wf.claim_approve(claim=claim, by=editor)
    wf.claim_approve(claim=claim, by=editor2)
    assert _fresh(claim).status == "approved"


def test_only_an_approved_verdict_can_be_copied(proposed, factchecker2):
    other = ClaimFactory(article=ArticleFactory(body=proposed.article.body))
    with pytest.raises(wf.InvalidTransition, match="approved verdict"):
        wf.claim_copy_verdict(claim=other, source_claim=proposed, by=factchecker2)
    assert _fresh(other).status == "new"


def test_reporter_cannot_copy_a_verdict(claim, reporter):
    earlier = ApprovedClaimFactory(article=ArticleFactory(body=claim.article.body))
    with pytest.raises(wf.NotAllowed):
        wf.claim_copy_verdict(claim=claim, source_claim=earlier, by=reporter)


# ---------------------------------------------------------------- what a page may offer


def test_allowed_actions_follow_role_state_and_person(proposed, factchecker, editor, reporter):
    assert wf.claim_allowed_actions(claim=proposed, user=reporter) == frozenset()
    assert wf.claim_allowed_actions(claim=proposed, user=factchecker) == frozenset()
    assert wf.claim_allowed_actions(claim=proposed, user=editor) == {
        "approve",
        "send_back",
        "dismiss",
    }


def test_the_proposer_is_told_why_they_cannot_approve(in_review, editor):
    wf.claim_propose_verdict(claim=in_review, by=editor, **VERDICT)
    refusals = wf.claim_action_refusals(claim=in_review, user=editor)
    assert "two-person rule" in refusals["approve"]


def test_a_new_claim_offers_a_factchecker_to_take_it(claim, factchecker):
    assert wf.claim_allowed_actions(claim=claim, user=factchecker) == {"take", "copy_verdict"}


# ---------------------------------------------------------------- publishing


@pytest.fixture
def article(db):
    return ArticleFactory()


def test_publishing_is_blocked_by_open_checkworthy_claims_and_lists_them(article, editor):
    open_claim = ClaimFactory(article=article, checkworthiness=0.9)

    with pytest.raises(wf.PublishBlocked) as refused:
        wf.article_publish(article=article, by=editor)

    assert refused.value.blocking_claims == [open_claim]
    assert "NATO's Article 5" in refused.value.message
    assert "1 claim is still to be approved or dismissed" in refused.value.message
    article.refresh_from_db()
    assert (article.status, article.published_at) == ("draft", None)


def test_resolved_and_low_checkworthiness_claims_do_not_block(article, editor):
    ApprovedClaimFactory(article=article, fingerprint="a")
    ClaimFactory(article=article, status="dismissed", dismissed_reason="Opinion", fingerprint="b")
    ClaimFactory(article=article, checkworthiness=0.2, fingerprint="c")

    wf.article_publish(article=article, by=editor)

    article.refresh_from_db()
    assert article.status == "published"
    assert article.published_at is not None
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_the_publish_threshold_comes_from_settings(article, editor, settings):
    settings.NEWSROOM_PUBLISH_THRESHOLD = 0.9
    ClaimFactory(article=article, checkworthiness=0.85)
    wf.article_publish(article=article, by=editor)
    assert article.status == "published"


def test_a_claim_exactly_at_the_threshold_blocks(article, editor, settings):
    settings.NEWSROOM_PUBLISH_THRESHOLD = 0.8
    ClaimFactory(article=article, checkworthiness=0.8)
    with pytest.raises(wf.PublishBlocked):
        wf.article_publish(article=article, by=editor)


def test_factchecker_cannot_publish(article, factchecker):
    with pytest.raises(wf.NotAllowed):
        wf.article_publish(article=article, by=factchecker)


def test_a_published_article_cannot_be_published_again(editor):
    article = PublishedArticleFactory()
    stamped = article.published_at
    with pytest.raises(wf.InvalidTransition, match="already published"):
        wf.article_publish(article=article, by=editor)
    article.refresh_from_db()
    assert article.published_at == stamped


def test_a_retracted_article_cannot_be_republished(editor):
    article = PublishedArticleFactory()
    wf.article_retract(article=article, by=editor, reason="Fabricated quotes.")
    with pytest.raises(wf.InvalidTransition, match="retracted"):
        wf.article_publish(article=article, by=editor)


def test_blocking_claims_are_listed_most_checkworthy_first(article):
    low = ClaimFactory(article=article, checkworthiness=0.6, fingerprint="low")
    high = ClaimFactory(article=article, checkworthiness=0.95, fingerprint="high")
    assert list(wf.article_blocking_claims(article)) == [high, low]


def test_editor_corrects_a_published_article(editor):
    article = PublishedArticleFactory()
    correction = wf.article_correct(article=article, by=editor, body="NATO has 32 members.")
    assert Correction.objects.get() == correction
    assert (correction.author, correction.body) == (editor, "NATO has 32 members.")
    assert correction.created_at is not None


def test_a_draft_cannot_be_corrected(article, editor):
    with pytest.raises(wf.InvalidTransition, match="Only a published article can be corrected"):
        wf.article_correct(article=article, by=editor, body="Fix")


def test_a_correction_needs_text(editor):
    with pytest.raises(wf.InvalidTransition):
        wf.article_correct(article=PublishedArticleFactory(), by=editor, body=" ")


def test_factchecker_cannot_correct(factchecker):
    with pytest.raises(wf.NotAllowed):
        wf.article_correct(article=PublishedArticleFactory(), by=factchecker, body="Fix")


def test_editor_retracts_a_published_article_with_a_reason(editor):
    article = PublishedArticleFactory()
    wf.article_retract(article=article, by=editor, reason="The source recanted.")
    article.refresh_from_db()
    assert (article.status, article.retraction_reason) == ("retracted", "The source recanted.")
    assert article.retracted_at is not None
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_retracting_needs_a_reason(editor):
    with pytest.raises(wf.InvalidTransition, match="reason"):
        wf.article_retract(article=PublishedArticleFactory(), by=editor, reason="")


def test_a_draft_cannot_be_retracted(article, editor):
    with pytest.raises(wf.InvalidTransition, match="Only a published article"):
        wf.article_retract(article=article, by=editor, reason="Wrong")


def test_allowed_article_actions(article, editor, factchecker):
    assert wf.article_allowed_actions(article=article, user=editor) == {"publish"}
    assert wf.article_allowed_actions(article=article, user=factchecker) == frozenset()
    published = PublishedArticleFactory()
    assert wf.article_allowed_actions(article=published, user=editor) == {"correct", "retract"}


# ---------------------------------------------------------------- notes


def test_reporter_writes_a_note_on_a_claim(claim, reporter):
    note = wf.note_create(by=reporter, body="  Source is a press release.  ", claim=claim)
    assert (note.author, note.body, note.claim, note.article) == (
        reporter,
        "Source is a press release.",
        claim,
        None,
    )


def test_a_note_needs_exactly_one_target(claim, reporter):
    with pytest.raises(wf.InvalidTransition):
        wf.note_create(by=reporter, body="Both", claim=claim, article=claim.article)
    with pytest.raises(wf.InvalidTransition):
        wf.note_create(by=reporter, body="Neither")


def test_a_note_needs_text(claim, reporter):
    with pytest.raises(wf.InvalidTransition):
        wf.note_create(by=reporter, body="", claim=claim)


def test_a_note_is_resolved_once(reporter):
    note = EditorNoteFactory()
    wf.note_resolve(note=note, by=reporter)
    note.refresh_from_db()
    assert note.resolved
    with pytest.raises(wf.InvalidTransition, match="already resolved"):
        wf.note_resolve(note=note, by=reporter)


def test_events_record_who_when_from_to(approved):
    event = ClaimEvent.objects.filter(claim=approved).first()
    assert event.created_at is not None and event.user.username == "editor"


# ---------------------------------------------------------------- any sequence of steps

LEGAL_MOVES = {
    ("new", "in_review"),
    ("in_review", "in_review"),
    ("in_review", "proposed"),
    ("proposed", "approved"),
    ("proposed", "in_review"),
    ("new", "dismissed"),
    ("in_review", "dismissed"),
    ("proposed", "dismissed"),
}

_STEPS = {
    "take": lambda claim, user: wf.claim_assign(claim=claim, by=user),
    "propose": lambda claim, user: wf.claim_propose_verdict(claim=claim, by=user, **VERDICT),
    "approve": lambda claim, user: wf.claim_approve(claim=claim, by=user),
    "send_back": lambda claim, user: wf.claim_send_back(claim=claim, by=user, comment="Redo"),
    "dismiss": lambda claim, user: wf.claim_dismiss(claim=claim, by=user, reason="Dull"),
}


@pytest.fixture
def people(reporter, factchecker, factchecker2, editor, editor2):
    return [reporter, factchecker, factchecker2, editor, editor2]


@hypothesis.settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
)
@hypothesis.given(
    steps=st.lists(
        st.tuples(st.sampled_from(sorted(_STEPS)), st.integers(min_value=0, max_value=4)),
        max_size=10,
    )
)
def test_any_sequence_of_steps_keeps_every_rule(people, steps):
    claim = ClaimFactory(fingerprint=f"h{ClaimFactory._meta.model.objects.count()}")
    for step, who in steps:
        user = people[who]
        before = _fresh(claim)
        offered = step in wf.claim_allowed_actions(claim=before, user=user)
        try:
            _STEPS[step](_fresh(claim), user)
        except wf.WorkflowError:
            assert not offered, (step, user, before.status)
            after = _fresh(claim)
            assert (after.status, after.version) == (before.status, before.version)
            continue
        assert offered, (step, user, before.status)
        after = _fresh(claim)
        assert (before.status, after.status) in LEGAL_MOVES
        assert after.version == before.version + 1
    final = _fresh(claim)
    assert final.version == 1 + final.events.count()
    if final.status == "approved":
        assert final.reviewer_id != final.proposed_by_id
        assert final.rating and final.verdict_summary and final.sources
