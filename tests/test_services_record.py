"""Revising a published verdict, the gate's two-person rule and the editorial
record, through the workflow services the admin and the API both call."""

import pytest

from articles.claimreview import claim_review
from articles.models import Claim, ClaimEvent, EditorialEvent, VerdictVersion
from articles.services import actors as actor_services
from articles.services import workflow as wf

from .factories import (
    ActorFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db

SOURCE = {"url": "https://www.nato.int/", "title": "NATO members"}
NEW_SOURCE = {"url": "https://www.government.se/", "title": "Sweden joins NATO"}


@pytest.fixture
def approved(factchecker, editor):
    claim = ClaimFactory(article=PublishedArticleFactory(), checkworthiness=0.9)
    wf.claim_assign(claim=claim, by=factchecker)
    wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="NATO has 32.", sources=[SOURCE]
    )
    return wf.claim_approve(claim=claim, by=editor)


def test_every_approval_adds_a_verdict_version(approved):
    (version,) = VerdictVersion.objects.filter(claim=approved)
    assert (version.number, version.rating, version.summary) == (1, "false", "NATO has 32.")
    assert version.approved_at and version.approved_by_id == approved.reviewer_id


def test_a_reopened_verdict_stays_public_until_its_revision_is_approved(
    client, approved, factchecker, editor, editor2
):
    wf.claim_reopen(claim=approved, by=editor, reason="Sweden's accession date was wrong")
    approved.refresh_from_db()
    assert approved.status == Claim.Status.APPROVED and approved.is_reopened
    wf.claim_propose_verdict(
        claim=approved,
        by=factchecker,
        rating="mostly-false",
        summary="NATO has had 32 members since March 2024.",
        sources=[SOURCE, NEW_SOURCE],
    )
    # Readers still see the approved verdict, not the proposal.
    html = client.get(approved.get_absolute_url()).content.decode()
    assert "NATO has 32." in html and "since March 2024" not in html
    assert client.get(f"/api/v1/claims/{approved.pk}/").json()["rating"] == "false"

    wf.claim_approve(claim=approved, by=editor2)
    approved.refresh_from_db()
    assert approved.rating == "mostly-false" and not approved.is_reopened
    assert "Sweden's accession date was wrong" in approved.verdict_update_note
    assert "Rating changed from False to Mostly false" in approved.verdict_update_note
    assert "source added: Sweden joins NATO" in approved.verdict_update_note
    html = client.get(approved.get_absolute_url()).content.decode()
    assert "Updated on" in html and "since March 2024" in html
    review = claim_review(approved)
    assert review["dateModified"] == approved.verdict_updated_at.date().isoformat()
    assert list(approved.verdict_versions.values_list("number", "rating")) == [
        (2, "mostly-false"),
        (1, "false"),
    ]


def test_a_revision_obeys_the_two_person_rule(approved, editor):
    wf.claim_reopen(claim=approved, by=editor, reason="New figures", assignee=editor)
    wf.claim_propose_verdict(
        claim=approved, by=editor, rating="true", summary="It is right.", sources=[SOURCE]
    )
    with pytest.raises(wf.NotAllowed, match="two-person rule"):
        wf.claim_approve(claim=approved, by=editor)


def test_a_revision_can_be_sent_back_and_the_published_verdict_stays(
    approved, factchecker, editor, editor2
):
    wf.claim_reopen(claim=approved, by=editor, reason="Check again")
    wf.claim_propose_verdict(
        claim=approved, by=factchecker, rating="true", summary="Right.", sources=[SOURCE]
    )
    wf.claim_send_back(claim=approved, by=editor2, comment="The source does not say so.")
    approved.refresh_from_db()
    assert approved.rating == "false" and approved.is_reopened
    assert "propose" in wf.claim_allowed_actions(claim=approved, user=factchecker)


def test_reopening_needs_an_editor_and_a_reason(approved, factchecker, editor):
    with pytest.raises(wf.NotAllowed):
        wf.claim_reopen(claim=approved, by=factchecker, reason="Because")
    with pytest.raises(wf.InvalidTransition, match="reason"):
        wf.claim_reopen(claim=approved, by=editor, reason="  ")
    event = approved.events.first()
    assert event.action == ClaimEvent.Action.APPROVED


def test_the_audit_trail_keeps_the_revision_text(approved, factchecker, editor):
    wf.claim_reopen(claim=approved, by=editor, reason="Check again")
    wf.claim_propose_verdict(
        claim=approved, by=factchecker, rating="true", summary="Right after all.", sources=[SOURCE]
    )
    proposed = approved.events.first()
    assert proposed.data["revision"]["summary"] == "Right after all."


# ---------------------------------------------------------------- the gate



def test_a_reopened_claims_steps_are_offered_as_its_revision_stands_in_one_read(
    approved, factchecker, editor2, django_assert_max_num_queries
):
    wf.claim_reopen(claim=approved, by=editor2, reason="Check again", assignee=factchecker)
    approved.refresh_from_db()
    with django_assert_max_num_queries(1):  # the revision, read once for every check
        offered = wf.claim_allowed_actions(claim=approved, user=factchecker)
    assert "propose" in offered and "approve" not in offered
    wf.claim_propose_verdict(
        claim=approved, by=factchecker, rating="false", summary="NATO has 32.", sources=[SOURCE]
    )
    approved.refresh_from_db()
    assert "approve" in wf.claim_allowed_actions(claim=approved, user=editor2)
    assert "propose" not in wf.claim_allowed_actions(claim=approved, user=factchecker)


@pytest.fixture
def gated(editor):
    article = ArticleFactory()
    return ClaimFactory(article=article, checkworthiness=0.9)


def test_lowering_below_the_gate_needs_a_reason(gated, editor):
    with pytest.raises(wf.InvalidTransition, match="reason"):
        wf.claim_update(claim=gated, by=editor, changes={"checkworthiness": 0.1})


def test_a_lowered_claim_blocks_until_a_second_editor_confirms(gated, editor, editor2):
    wf.claim_update(
        claim=gated, by=editor, changes={"checkworthiness": 0.1}, reason="A quote of a quote"
    )
    gated.refresh_from_db()
    assert gated.events.first().action == ClaimEvent.Action.LOWERED
    with pytest.raises(wf.PublishBlocked, match="second editor"):
        wf.article_publish(article=gated.article, by=editor)
    with pytest.raises(wf.NotAllowed, match="two-person rule"):
        wf.claim_confirm_lowering(claim=gated, by=editor)
    wf.claim_confirm_lowering(claim=gated, by=editor2)
    wf.article_publish(article=gated.article, by=editor)
    gated.article.refresh_from_db()
    assert gated.article.is_published


def test_raising_it_back_clears_the_lowering(gated, editor):
    wf.claim_update(claim=gated, by=editor, changes={"checkworthiness": 0.1}, reason="Minor")
    wf.claim_update(claim=gated, by=editor, changes={"checkworthiness": 0.7})
    gated.refresh_from_db()
    assert gated.lowered_by_id is None


# ---------------------------------------------------------------- the record


def test_publishing_correcting_and_retracting_are_on_the_record(editor):
    article = ArticleFactory()
    wf.article_publish(article=article, by=editor)
    wf.article_correct(article=article, by=editor, body="The date was wrong.")
    wf.article_retract(article=article, by=editor, reason="The source recanted.")
    actions = list(
        EditorialEvent.objects.filter(article=article)
        .order_by("created_at", "id")
        .values_list("action", "user__username")
    )
    assert actions == [
        ("published", "editor"),
        ("corrected", "editor"),
        ("retracted", "editor"),
    ]


def test_an_actor_merge_is_recorded_with_both_names(editor):
    survivor, merged = ActorFactory(name="Jens Stoltenberg"), ActorFactory(name="Stoltenberg")
    ApprovedClaimFactory(speaker=merged)
    actor_services.actor_merge(survivor=survivor, merged=merged, by=editor)
    event = EditorialEvent.objects.get(action=EditorialEvent.Action.ACTOR_MERGED)
    assert event.user == editor and event.actor == survivor
    assert "Stoltenberg" in event.description and "Jens Stoltenberg" in event.description


def test_renames_and_confirmations_are_recorded(editor):
    actor = ActorFactory(name="Rutte")
    actor_services.actor_rename(actor=actor, name="Mark Rutte", by=editor)
    actor_services.actor_confirm(actor=actor, by=editor)
    assert list(
        EditorialEvent.objects.filter(actor=actor).order_by("id").values_list("action", flat=True)
    ) == ["actor_renamed", "actor_confirmed"]


def test_a_revision_is_on_the_desk_of_whoever_works_it(approved, factchecker, editor, editor2):
    from articles import desk

    wf.claim_reopen(claim=approved, by=editor, reason="Check again")
    assert desk.desk_counts(factchecker).mine == 1
    wf.claim_propose_verdict(
        claim=approved, by=factchecker, rating="true", summary="Right.", sources=[SOURCE]
    )
    assert desk.desk_counts(factchecker).mine == 0
    assert desk.desk_counts(editor2).review == 1
    assert list(desk.claim_list("review", editor2)) == [approved]


def test_desk_work_on_a_hidden_claim_moves_no_public_timestamp(factchecker, editor):
    article = PublishedArticleFactory()
    speaker = ActorFactory(name="Hidden Speaker")
    claim = ClaimFactory(article=article, speaker=speaker)
    article.refresh_from_db()
    speaker.refresh_from_db()
    before = (article.updated_at, speaker.updated_at)
    wf.claim_assign(claim=claim, by=factchecker)
    wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="No.", sources=[SOURCE]
    )
    wf.claim_send_back(claim=claim, by=editor, comment="More sources.")
    article.refresh_from_db()
    speaker.refresh_from_db()
    assert (article.updated_at, speaker.updated_at) == before
    wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="No.", sources=[SOURCE]
    )
    wf.claim_approve(claim=claim, by=editor)  # now public: the article's record changed
    article.refresh_from_db()
    assert article.updated_at > before[0]
