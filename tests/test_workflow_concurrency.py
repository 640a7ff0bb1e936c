"""Two people acting on one claim at once, each on their own connection:
exactly one wins and nothing is overwritten silently (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection, transaction

from articles.models import Claim, ClaimEvent
from articles.services import workflow as wf

from .factories import ClaimFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SOURCES = [{"url": "https://example.org/source", "title": "A source"}]


def _race(*calls):
    """Run each call in its own thread (own connection), started together."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # the outcome under test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_concurrent_transitions_with_the_same_version_exactly_one_wins(
    factchecker, factchecker2
):
    claim = ClaimFactory()

    outcomes = _race(
        lambda: wf.claim_assign(
            claim=Claim.objects.get(pk=claim.pk), by=factchecker, expected_version=1
        ),
        lambda: wf.claim_assign(
            claim=Claim.objects.get(pk=claim.pk), by=factchecker2, expected_version=1
        ),
    )

    winners = [o for o in outcomes if isinstance(o, Claim)]
    losers = [o for o in outcomes if isinstance(o, wf.Conflict)]
    assert (len(winners), len(losers)) == (1, 1), outcomes
    assert "Someone else changed this claim" in losers[0].message
    claim.refresh_from_db()
    assert claim.version == 2
    assert claim.assignee == winners[0].assignee
    assert ClaimEvent.objects.filter(claim=claim, action="assigned").count() == 1


def test_two_editors_approving_at_once_one_approval_is_recorded(factchecker, editor, editor2):
    claim = ClaimFactory()
    wf.claim_assign(claim=claim, by=factchecker)
    wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="Wrong.", sources=SOURCES
    )

    outcomes = _race(
        lambda: wf.claim_approve(claim=Claim.objects.get(pk=claim.pk), by=editor),
        lambda: wf.claim_approve(claim=Claim.objects.get(pk=claim.pk), by=editor2),
    )

    assert sum(isinstance(o, Claim) for o in outcomes) == 1, outcomes
    assert sum(isinstance(o, wf.InvalidTransition) for o in outcomes) == 1, outcomes
    assert ClaimEvent.objects.filter(claim=claim, action="approved").count() == 1


def test_a_dismissal_and_an_approval_at_once_cannot_both_land(factchecker, editor, editor2):
    claim = ClaimFactory()
    wf.claim_assign(claim=claim, by=factchecker)
    wf.claim_propose_verdict(
        claim=claim, by=factchecker, rating="false", summary="Wrong.", sources=SOURCES
    )
    version = Claim.objects.get(pk=claim.pk).version

    outcomes = _race(
        lambda: wf.claim_approve(
            claim=Claim.objects.get(pk=claim.pk), by=editor, expected_version=version
        ),
        lambda: wf.claim_dismiss(
            claim=Claim.objects.get(pk=claim.pk),
            by=editor2,
            reason="Dull",
            expected_version=version,
        ),
    )

    assert sum(isinstance(o, Claim) for o in outcomes) == 1, outcomes
    assert sum(isinstance(o, wf.Conflict) for o in outcomes) == 1, outcomes
    claim.refresh_from_db()
    assert claim.version == version + 1


def test_a_transition_waits_for_the_row_lock_of_another(factchecker):
    claim = ClaimFactory()
    locked, release, done = threading.Event(), threading.Event(), threading.Event()

    def hold_the_lock():
        try:
            with transaction.atomic():
                Claim.objects.select_for_update().get(pk=claim.pk)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    def take():
        try:
            wf.claim_assign(claim=Claim.objects.get(pk=claim.pk), by=factchecker)
            done.set()
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    assert locked.wait(10)
    taker = threading.Thread(target=take)
    taker.start()

    assert not done.wait(0.5), "the transition did not wait for the row lock"
    release.set()
    assert done.wait(10)
    holder.join(10)
    taker.join(10)
    claim.refresh_from_db()
    assert claim.status == "in_review"
