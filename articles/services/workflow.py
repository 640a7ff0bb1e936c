"""The verification workflow: claim states, verdicts, the two-person rule,
publishing, corrections, retractions and editor notes.

Every rule of the workflow lives here; the admin and the API call these
functions and hold no rule of their own. Each claim transition runs in a
transaction, takes a row lock on the claim (``select_for_update``, a real lock
on PostgreSQL), refuses a stale ``expected_version`` with ``Conflict``, raises
``version`` by one and writes a ``ClaimEvent`` for the audit trail.

States::

    new -> in_review -> proposed -> approved
             ^   |         |
             +---+---------+  (reassign; an editor sends a verdict back)
    new / in_review / proposed -> dismissed  (an editor, with a reason)

Every approval adds a ``VerdictVersion``. An editor can reopen an approved
verdict with a reason: the claim stays approved and readers keep its verdict,
while the revision (a pending version) is proposed, sent back and approved
under the same rules, two-person rule included. Its approval replaces the
verdict readers see and tells them what changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import (
    Actor,
    Article,
    Claim,
    ClaimEvent,
    Correction,
    EditorialEvent,
    EditorNote,
    VerdictVersion,
)
from articles.services.actors import actors_make_public
from articles.similarity import claim_tokens, jaccard

# ---------------------------------------------------------------- errors


class WorkflowError(Exception):
    """A refused workflow step; ``message`` says why, for the person who tried."""

    status_code = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(WorkflowError):
    """The wrong role or the wrong person for this step (HTTP 403)."""

    status_code = 403


class InvalidTransition(WorkflowError):
    """The claim or article is not in a state for this step, or the data is invalid (400)."""

    status_code = 400


class Conflict(WorkflowError):
    """Someone else changed the claim since the caller read it (HTTP 409)."""

    status_code = 409


class PublishBlocked(InvalidTransition):
    """Claims at or above the publish threshold are still unresolved."""

    def __init__(self, message: str, blocking_claims: Iterable[Claim]):
        super().__init__(message)
        self.blocking_claims = list(blocking_claims)


# ---------------------------------------------------------------- roles


def _has_perm(user, perm: str) -> bool:
    return bool(user is not None and user.is_active and user.has_perm(perm))


def user_can_take_claims(user) -> bool:
    """Fact-checkers and editors: take claims, research them, propose verdicts."""
    return _has_perm(user, "articles.take_claim")


def user_can_approve(user) -> bool:
    """Editors: approve, send back and dismiss; assign claims to others."""
    return _has_perm(user, "articles.approve_claim")


def user_can_publish(user) -> bool:
    """Editors: publish, correct and retract articles."""
    return _has_perm(user, "articles.publish_article")


def user_can_write_notes(user) -> bool:
    """Every role of the desk, reporters included."""
    return _has_perm(user, "articles.add_editornote")


def user_can_edit_claims(user) -> bool:
    """Editors: correct what the extractor got wrong (kind, speaker, check-worthiness)."""
    return _has_perm(user, "articles.change_claim")


def users_who_can_take_claims():
    """Active staff who may be assigned claims: fact-checkers, editors, superusers."""
    take = Permission.objects.filter(codename="take_claim", content_type__app_label="articles")
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True) | Q(groups__permissions__in=take) | Q(user_permissions__in=take)
        )
        .distinct()
        .order_by("username")
    )


def _name(user) -> str:
    if user is None:
        return "nobody"
    return user.get_full_name() or user.get_username()


# ---------------------------------------------------------------- checks
#
# One function per step, raising the reason it is refused. The transitions call
# them on the locked row; ``claim_allowed_actions`` calls them to tell a page
# which buttons to offer, so the admin never restates a rule.

_CLOSED = {
    Claim.Status.PROPOSED: (
        "A verdict has been proposed on this claim; an editor must approve it "
        "or send it back first."
    ),
    Claim.Status.APPROVED: "The claim's verdict is already approved.",
    Claim.Status.DISMISSED: "The claim has been dismissed.",
}


# While the checks of every step are asked at once (a claim's page), each
# reopened claim's pending revision is read once, not once per check.
_pending_memo: ContextVar[dict[int, VerdictVersion | None] | None] = ContextVar(
    "pending_memo", default=None
)


def pending_verdict(claim: Claim) -> VerdictVersion | None:
    """The revision under way of a reopened verdict, if there is one."""
    if claim.reopened_at is None:
        return None
    memo = _pending_memo.get()
    if memo is not None and claim.pk in memo:
        return memo[claim.pk]
    found = VerdictVersion.objects.filter(claim_id=claim.pk, approved_at__isnull=True).first()
    if memo is not None:
        memo[claim.pk] = found
    return found


def _work_status(claim: Claim) -> str:
    """Where the claim's work stands: its status, or, while an approved verdict
    is being revised, where the revision stands (in review or proposed)."""
    pending = pending_verdict(claim)
    if pending is None:
        return claim.status
    return Claim.Status.PROPOSED if pending.proposed_at else Claim.Status.IN_REVIEW


def _proposer_id(claim: Claim) -> int | None:
    """Who proposed the verdict now waiting for review (the revision's, if reopened)."""
    pending = pending_verdict(claim)
    return pending.proposed_by_id if pending is not None else claim.proposed_by_id


def _check_assign(claim: Claim, by, assignee) -> None:
    if not user_can_take_claims(by):
        raise NotAllowed("Only fact-checkers and editors can take claims.")
    if assignee.pk != by.pk and not user_can_approve(by):
        raise NotAllowed("Only an editor can assign a claim to someone else.")
    if not user_can_take_claims(assignee):
        raise InvalidTransition(
            f"{_name(assignee)} is not a fact-checker or an editor and cannot be assigned claims."
        )
    if claim.status == Claim.Status.NEW:
        return
    if _work_status(claim) != Claim.Status.IN_REVIEW:
        raise InvalidTransition(f"{_CLOSED[_work_status(claim)]} It cannot be assigned.")
    if claim.assignee_id == assignee.pk:
        raise InvalidTransition(f"The claim is already in review with {_name(assignee)}.")
    if claim.assignee_id not in (None, by.pk) and not user_can_approve(by):
        raise NotAllowed(
            f"The claim is in review with {_name(claim.assignee)}; only an editor can reassign it."
        )


def _check_propose(claim: Claim, by) -> None:
    if not user_can_take_claims(by):
        raise NotAllowed("Only fact-checkers and editors can propose verdicts.")
    if claim.status == Claim.Status.NEW:
        raise InvalidTransition(
            "Take the claim first: a verdict can only be proposed on a claim in review."
        )
    if _work_status(claim) != Claim.Status.IN_REVIEW:
        raise InvalidTransition(f"{_CLOSED[_work_status(claim)]} No new verdict can be proposed.")
    if claim.assignee_id != by.pk and not user_can_approve(by):
        raise NotAllowed(
            f"The claim is assigned to {_name(claim.assignee)}; only they or an editor "
            "can propose its verdict."
        )


def _check_review(claim: Claim, by, *, verb: str, done: str) -> None:
    if not user_can_approve(by):
        raise NotAllowed(f"Only editors can {verb} verdicts.")
    if _work_status(claim) != Claim.Status.PROPOSED:
        raise InvalidTransition(
            f"Only a proposed verdict can be {done}; "
            f"this claim is {claim.get_status_display().lower()}."
        )


def _check_approve(claim: Claim, by) -> None:
    _check_review(claim, by, verb="approve", done="approved")
    if _proposer_id(claim) == by.pk:
        raise NotAllowed(
            "You proposed this verdict: under the two-person rule another editor must approve it."
        )


def _check_send_back(claim: Claim, by) -> None:
    _check_review(claim, by, verb="send back", done="sent back")


def _check_dismiss(claim: Claim, by) -> None:
    if not user_can_approve(by):
        raise NotAllowed("Only editors can dismiss claims.")
    if claim.reopened_at is not None:
        raise InvalidTransition(
            "The approved verdict is being revised; readers keep it until the revision is "
            "approved. It cannot be dismissed."
        )
    if claim.status in Claim.RESOLVED_STATUSES:
        raise InvalidTransition(f"{_CLOSED[claim.status]} It cannot be dismissed.")
    if claim.status == Claim.Status.PROPOSED and claim.proposed_by_id == by.pk:
        raise NotAllowed(
            "You proposed the verdict on this claim: under the two-person rule "
            "another editor must dismiss it."
        )


def _check_copy_verdict(claim: Claim, by) -> None:
    if claim.status == Claim.Status.NEW:
        _check_assign(claim, by, by)
    else:
        _check_propose(claim, by)


def _check_assign_others(claim: Claim, by) -> None:
    """May ``by`` hand this claim to someone (whom is checked on the step itself)?"""
    if not user_can_approve(by):
        raise NotAllowed("Only an editor can assign a claim to someone else.")
    if _work_status(claim) not in (Claim.Status.NEW, Claim.Status.IN_REVIEW):
        raise InvalidTransition(f"{_CLOSED[_work_status(claim)]} It cannot be assigned.")


def _check_reopen(claim: Claim, by) -> None:
    if not user_can_approve(by):
        raise NotAllowed("Only editors can reopen an approved verdict.")
    if claim.status != Claim.Status.APPROVED:
        raise InvalidTransition("Only an approved verdict can be reopened.")
    if claim.reopened_at is not None:
        raise InvalidTransition("The verdict is already being revised.")


def _check_confirm_lowering(claim: Claim, by) -> None:
    if not user_can_approve(by):
        raise NotAllowed("Only editors can confirm a lowered check-worthiness.")
    if claim.lowered_by_id is None or claim.lowered_confirmed_by_id is not None:
        raise InvalidTransition(
            "No lowering of this claim's check-worthiness waits for a second editor."
        )
    if claim.lowered_by_id == by.pk:
        raise NotAllowed(
            "You lowered this claim below the publish gate: under the two-person rule another "
            "editor must confirm it."
        )


_CHECKS = {
    "take": lambda claim, user: _check_assign(claim, user, user),
    "assign": _check_assign_others,
    "propose": _check_propose,
    "approve": _check_approve,
    "send_back": _check_send_back,
    "dismiss": _check_dismiss,
    "copy_verdict": _check_copy_verdict,
    "reopen": _check_reopen,
    "confirm_lowering": _check_confirm_lowering,
}


def claim_action_refusals(*, claim: Claim, user) -> dict[str, str | None]:
    """For each step, ``None`` if ``user`` may take it now, else the reason not."""
    refusals: dict[str, str | None] = {}
    memo = _pending_memo.set({})  # the checks only read: nothing changes meanwhile
    try:
        for action, check in _CHECKS.items():
            try:
                check(claim, user)
            except WorkflowError as error:
                refusals[action] = error.message
            else:
                refusals[action] = None
    finally:
        _pending_memo.reset(memo)
    return refusals


def claim_allowed_actions(*, claim: Claim, user) -> frozenset[str]:
    """The steps ``user`` may take on ``claim`` now: what a page should offer."""
    refusals = claim_action_refusals(claim=claim, user=user)
    return frozenset(action for action, reason in refusals.items() if reason is None)


# ---------------------------------------------------------------- verdict data

_url_validator = URLValidator(schemes=["http", "https"])

# What one verdict or note may hold: more than a person writes, less than
# what makes every page showing it slow (10,000 sources, a 1 MB note).
MAX_SOURCES = 50
MAX_NOTE_CHARS = 10_000
MAX_NOTICE_CHARS = 10_000  # a correction's or retraction's text, which readers see


def _limit(size: int, limit: int, what: str) -> None:
    """``InvalidTransition`` when ``what`` is over its limit (admin and API alike)."""
    if size > limit:
        raise InvalidTransition(f"{what} is over the limit: {size:,}, at most {limit:,}.")


def verdict_clean(*, rating: str, summary: str, sources) -> tuple[str, str, list[dict]]:
    """A verdict as it will be stored, or ``InvalidTransition`` saying what is missing."""
    if rating not in Claim.Rating.values:
        choices = ", ".join(Claim.Rating.values)
        raise InvalidTransition(f"Choose a rating ({choices}); {rating!r} is not one.")
    summary = (summary or "").strip()
    if not summary:
        raise InvalidTransition("A verdict needs a summary for readers.")
    if sources is None:
        sources = []
    if not isinstance(sources, list | tuple):
        raise InvalidTransition("Sources must be a list of {url, title}.")
    _limit(len(sources), MAX_SOURCES, "The number of sources")
    cleaned = []
    for number, source in enumerate(sources, start=1):
        if not isinstance(source, dict):
            raise InvalidTransition(f"Source {number} must have a URL and a title.")
        url = str(source.get("url") or "").strip()
        title = " ".join(str(source.get("title") or "").split())
        if not url and not title:
            continue  # an empty row left in a form
        try:
            _url_validator(url)
        except ValidationError:
            raise InvalidTransition(
                f"Source {number}: {url or 'the URL'!s} is not a web address "
                "(it must start with http:// or https://)."
            ) from None
        if not title:
            raise InvalidTransition(f"Source {number} ({url}) needs a title.")
        cleaned.append({"url": url, "title": title})
    if not cleaned and rating != Claim.Rating.UNVERIFIABLE:
        raise InvalidTransition(
            "A verdict needs at least one source (URL and title) unless the rating is unverifiable."
        )
    return rating, summary, cleaned


def _verdict_data(claim: Claim) -> dict:
    """The verdict as it stands, kept in each audit event."""
    return {
        "rating": claim.rating,
        "verdict_summary": claim.verdict_summary,
        "sources": claim.sources,
        "assignee": claim.assignee.get_username() if claim.assignee_id else None,
        "dismissed_reason": claim.dismissed_reason,
        "version": claim.version,
    }


# ---------------------------------------------------------------- locking


def _conflict(expected: int, actual: int) -> Conflict:
    return Conflict(
        f"Someone else changed this claim while you were working on it (you had version "
        f"{expected}, it is now at version {actual}). Nothing of yours was saved: reload "
        "the claim to see their change, then try again."
    )


def claim_check_version(*, claim: Claim, expected_version: int | None) -> None:
    """Refuse a stale form early (the transition re-checks under the lock)."""
    if expected_version is None:
        return
    current = Claim.objects.filter(pk=claim.pk).values_list("version", flat=True).first()
    if current is None:
        raise Conflict("This claim has been deleted since you opened it.")
    if current != expected_version:
        raise _conflict(expected_version, current)


def _lock(claim: Claim, expected_version: int | None) -> Claim:
    """The claim's current row, locked until the transaction ends."""
    try:
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
    except Claim.DoesNotExist:
        raise Conflict("This claim has been deleted since you opened it.") from None
    if expected_version is not None and locked.version != expected_version:
        raise _conflict(expected_version, locked.version)
    return locked


def _commit(
    locked: Claim, *, by, action: str, comment: str = "", extra_data=None, **fields
) -> Claim:
    """Write ``fields``, raise the version, record the event.

    The update is conditional on the version read under the lock, so even
    where the lock is a no-op (SQLite) a concurrent write cannot be overwritten.
    """
    from_status = locked.status
    now = timezone.now()
    values = {**fields, "version": locked.version + 1, "updated_at": now}
    updated = Claim.objects.filter(pk=locked.pk, version=locked.version).update(**values)
    if updated != 1:
        current = Claim.objects.filter(pk=locked.pk).values_list("version", flat=True).first()
        raise _conflict(locked.version, current or 0)
    for name, value in values.items():
        setattr(locked, name, value)
    # A public verdict changed (shown, withdrawn or revised): the article's and
    # the speaker's representations (claim counts, verdict records) changed
    # too, and their updated_at is what API clients sync on. Work on a claim
    # readers cannot see moves no public timestamp (it would tell them of it).
    if Claim.Status.APPROVED in (from_status, locked.status):
        Article.objects.filter(pk=locked.article_id).update(updated_at=now)
        if locked.speaker_id:
            Actor.objects.filter(pk=locked.speaker_id).update(updated_at=now)
    ClaimEvent.objects.create(
        claim=locked,
        user=by,
        action=action,
        from_status=from_status,
        to_status=locked.status,
        comment=comment,
        data=_verdict_data(locked) | ({"revision": extra_data} if extra_data else {}),
        created_at=now,
    )
    return locked


def _sync(target, source):
    """Bring the caller's instance up to date with what was written."""
    if target is not source:
        for field in type(source)._meta.concrete_fields:
            setattr(target, field.attname, getattr(source, field.attname))
    return target


def _required_text(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidTransition(f"{what} is required.")
    return value


# ---------------------------------------------------------------- transitions


@transaction.atomic
def claim_assign(*, claim: Claim, by, assignee=None, expected_version: int | None = None) -> Claim:
    """Put a claim in review with a fact-checker (``by`` when none is given)."""
    assignee = assignee or by
    locked = _lock(claim, expected_version)
    _check_assign(locked, by, assignee)
    previous = locked.assignee
    if previous is None:
        comment = f"Assigned to {_name(assignee)}."
    else:
        comment = f"Reassigned from {_name(previous)} to {_name(assignee)}."
    _commit(
        locked,
        by=by,
        action=ClaimEvent.Action.ASSIGNED,
        comment=comment,
        status=Claim.Status.IN_REVIEW,
        assignee=assignee,
    )
    return _sync(claim, locked)


def _propose(locked: Claim, *, by, rating, summary, sources, comment="") -> Claim:
    _check_propose(locked, by)
    rating, summary, sources = verdict_clean(rating=rating, summary=summary, sources=sources)
    pending = pending_verdict(locked)
    if pending is not None:  # a revision: readers keep the approved verdict meanwhile
        pending.rating, pending.summary, pending.sources = rating, summary, sources
        pending.proposed_by, pending.proposed_at = by, timezone.now()
        pending.save(update_fields=["rating", "summary", "sources", "proposed_by", "proposed_at"])
        return _commit(
            locked,
            by=by,
            action=ClaimEvent.Action.PROPOSED,
            comment=comment or "Revised verdict proposed.",
            extra_data=_version_data(pending),
        )
    return _commit(
        locked,
        by=by,
        action=ClaimEvent.Action.PROPOSED,
        comment=comment,
        status=Claim.Status.PROPOSED,
        rating=rating,
        verdict_summary=summary,
        sources=sources,
        proposed_by=by,
        proposed_at=timezone.now(),
        reviewer=None,
        reviewed_at=None,
    )


@transaction.atomic
def claim_propose_verdict(
    *, claim: Claim, by, rating: str, summary: str, sources, expected_version: int | None = None
) -> Claim:
    """Propose a verdict (rating, summary, sources) for an editor to approve."""
    locked = _lock(claim, expected_version)
    _propose(locked, by=by, rating=rating, summary=summary, sources=sources)
    return _sync(claim, locked)


@transaction.atomic
def claim_approve(*, claim: Claim, by, expected_version: int | None = None) -> Claim:
    """Approve a proposed verdict; never by the person who proposed it."""
    locked = _lock(claim, expected_version)
    _check_approve(locked, by)
    pending = pending_verdict(locked)
    if pending is not None:
        _approve_revision(locked, pending, by=by)
        return _sync(claim, locked)
    now = timezone.now()
    _commit(
        locked,
        by=by,
        action=ClaimEvent.Action.APPROVED,
        status=Claim.Status.APPROVED,
        reviewer=by,
        reviewed_at=now,
    )
    _new_version(
        locked,
        proposed_by_id=locked.proposed_by_id,
        proposed_at=locked.proposed_at,
        approved_by=by,
        approved_at=now,
    )
    return _sync(claim, locked)


def _new_version(locked: Claim, **fields) -> VerdictVersion:
    """The claim's next verdict version, starting from its verdict as it stands."""
    return VerdictVersion.objects.create(
        claim=locked,
        number=locked.verdict_versions.count() + 1,
        rating=locked.rating,
        summary=locked.verdict_summary,
        sources=locked.sources,
        **fields,
    )


def verdict_changes(before: dict, after: dict) -> list[str]:
    """What a revision changed, in words: the rating, the summary, each source."""
    labels = dict(Claim.Rating.choices)
    changes = []
    if before["rating"] != after["rating"]:
        changes.append(
            f"rating changed from {labels.get(before['rating'], before['rating'])} "
            f"to {labels.get(after['rating'], after['rating'])}"
        )
    if before["summary"] != after["summary"]:
        changes.append("summary revised")
    old = {s["url"]: s for s in before["sources"]}
    new = {s["url"]: s for s in after["sources"]}
    changes += [f"source added: {new[u]['title']}" for u in new if u not in old]
    changes += [f"source removed: {old[u]['title']}" for u in old if u not in new]
    return changes


def _version_data(version: VerdictVersion) -> dict:
    return {"rating": version.rating, "summary": version.summary, "sources": version.sources}


def _approve_revision(locked: Claim, pending: VerdictVersion, *, by) -> None:
    """Readers now see the revised verdict, with a note saying what changed."""
    before = {"rating": locked.rating, "summary": locked.verdict_summary, "sources": locked.sources}
    changes = verdict_changes(before, _version_data(pending)) or ["verdict reviewed, unchanged"]
    said = "; ".join(changes)
    note = f"{pending.reason.rstrip('.')}. {said[:1].upper()}{said[1:]}."
    now = timezone.now()
    pending.change_note, pending.approved_by, pending.approved_at = note, by, now
    pending.save(update_fields=["change_note", "approved_by", "approved_at"])
    _commit(
        locked,
        by=by,
        action=ClaimEvent.Action.UPDATED,
        comment=note,
        rating=pending.rating,
        verdict_summary=pending.summary,
        sources=pending.sources,
        proposed_by=pending.proposed_by,
        proposed_at=pending.proposed_at,
        reviewer=by,
        verdict_updated_at=now,
        verdict_update_note=note,
        reopened_at=None,
    )


@transaction.atomic
def claim_reopen(
    *, claim: Claim, by, reason: str, assignee=None, expected_version: int | None = None
) -> Claim:
    """Reopen an approved verdict for revision, saying why.

    Readers keep the approved verdict until the revision is proposed and
    approved (by someone other than its proposer); the revision starts as a
    copy of the verdict, with the claim's fact-checker unless ``assignee``.
    """
    reason = _required_text(reason, "A reason for reopening the verdict")
    locked = _lock(claim, expected_version)
    _check_reopen(locked, by)
    if assignee is not None and not user_can_take_claims(assignee):
        raise InvalidTransition(
            f"{_name(assignee)} is not a fact-checker or an editor and cannot be assigned claims."
        )
    _new_version(locked, reason=reason, reopened_by=by)
    _commit(
        locked,
        by=by,
        action=ClaimEvent.Action.REOPENED,
        comment=reason,
        reopened_at=timezone.now(),
        assignee=assignee or locked.assignee or by,
    )
    return _sync(claim, locked)


@transaction.atomic
def claim_send_back(
    *, claim: Claim, by, comment: str, expected_version: int | None = None
) -> Claim:
    """Return a proposed verdict to its fact-checker with what needs more work.

    The draft verdict stays for them to revise; the proposal itself is cleared.
    """
    comment = _required_text(comment, "A comment saying what needs more work")
    locked = _lock(claim, expected_version)
    _check_send_back(locked, by)
    pending = pending_verdict(locked)
    if pending is not None:  # the revision goes back; the approved verdict stays
        pending.proposed_by, pending.proposed_at = None, None
        pending.save(update_fields=["proposed_by", "proposed_at"])
        _commit(locked, by=by, action=ClaimEvent.Action.SENT_BACK, comment=comment)
        return _sync(claim, locked)
    _commit(
        locked,
        by=by,
        action=ClaimEvent.Action.SENT_BACK,
        comment=comment,
        status=Claim.Status.IN_REVIEW,
        proposed_by=None,
        proposed_at=None,
    )
    return _sync(claim, locked)


@transaction.atomic
def claim_dismiss(*, claim: Claim, by, reason: str, expected_version: int | None = None) -> Claim:
    """Close a claim as not worth checking, with the reason."""
    reason = _required_text(reason, "A reason for dismissing the claim")
    locked = _lock(claim, expected_version)
    _check_dismiss(locked, by)
    _commit(
        locked,
        by=by,
        action=ClaimEvent.Action.DISMISSED,
        comment=reason,
        status=Claim.Status.DISMISSED,
        dismissed_reason=reason,
        reviewer=by,
        reviewed_at=timezone.now(),
    )
    return _sync(claim, locked)


@transaction.atomic
def claim_copy_verdict(
    *, claim: Claim, source_claim: Claim, by, expected_version: int | None = None
) -> Claim:
    """Propose an earlier approved verdict on the same statement for this claim.

    A new claim is taken by ``by`` first. The copy is a proposal like any
    other: someone other than ``by`` must approve it.
    """
    locked = _lock(claim, expected_version)
    _check_copy_verdict(locked, by)
    source = Claim.objects.select_related("article").filter(pk=source_claim.pk).first()
    if source is None or source.pk == locked.pk:
        raise InvalidTransition("Choose another claim's verdict to copy.")
    if source.status != Claim.Status.APPROVED:
        raise InvalidTransition("Only an approved verdict can be copied.")
    if locked.status == Claim.Status.NEW:
        _commit(
            locked,
            by=by,
            action=ClaimEvent.Action.ASSIGNED,
            comment=f"Assigned to {_name(by)} to copy an earlier verdict.",
            status=Claim.Status.IN_REVIEW,
            assignee=by,
        )
    _propose(
        locked,
        by=by,
        rating=source.rating,
        summary=source.verdict_summary,
        sources=source.sources,
        comment=f"Verdict copied from claim #{source.pk} in \u201c{source.article}\u201d.",
    )
    return _sync(claim, locked)


CLAIM_EDITABLE_FIELDS = ("kind", "speaker", "checkworthiness", "confirmed")


@transaction.atomic
def claim_update(
    *, claim: Claim, by, changes: dict, reason: str = "", expected_version: int | None = None
) -> Claim:
    """Correct the extraction (kind, speaker, check-worthiness, confirmed).

    The verdict fields are not here: they change only through the transitions.
    Lowering an open claim's check-worthiness below the publish gate takes it
    off the gate only once a second editor confirms it (``claim_confirm_lowering``),
    and needs a ``reason``, recorded like a dismissal's.
    """
    if not user_can_edit_claims(by):
        raise NotAllowed("Only editors can correct a claim's extraction.")
    unknown = set(changes) - set(CLAIM_EDITABLE_FIELDS)
    if unknown:
        raise NotAllowed(
            f"{', '.join(sorted(unknown))} cannot be edited directly; "
            "verdicts change only through the workflow."
        )
    if "kind" in changes and changes["kind"] not in Claim.Kind.values:
        raise InvalidTransition(f"{changes['kind']!r} is not a kind of claim.")
    if "checkworthiness" in changes and not 0 <= float(changes["checkworthiness"]) <= 1:
        raise InvalidTransition("Check-worthiness runs from 0 to 1.")
    locked = _lock(claim, expected_version)
    described = []
    for name, value in changes.items():
        old = getattr(locked, name)
        if old != value:
            described.append(f"{Claim._meta.get_field(name).verbose_name}: {old} \u2192 {value}")
    if not described:
        return _sync(claim, locked)
    gate = claim_gate_change(locked, changes, by=by, reason=reason)
    action = ClaimEvent.Action.EDITED
    if gate.get("lowered_by") is not None:
        action = ClaimEvent.Action.LOWERED
        described.append(f"reason: {gate['lowered_reason']}")
    _commit(locked, by=by, action=action, comment="; ".join(described), **changes, **gate)
    return _sync(claim, locked)


def claim_gate_change(locked: Claim, changes: dict, *, by, reason: str) -> dict:
    """The lowering fields a check-worthiness change sets or clears, or
    ``InvalidTransition`` if it lowers an open claim below the gate without a
    reason (forms call it to say so before saving anything)."""
    if "checkworthiness" not in changes or locked.is_resolved:
        return {}
    threshold = settings.NEWSROOM_PUBLISH_THRESHOLD
    new = float(changes["checkworthiness"])
    if new >= threshold:  # back at or above the gate: nothing left to confirm
        return {"lowered_by": None, "lowered_reason": "", "lowered_confirmed_by": None}
    if locked.checkworthiness < threshold and locked.lowered_by_id is None:
        return {}  # below the gate already, as extracted
    if locked.lowered_by_id is not None:
        return {}  # already lowered; moving it within the range below changes nothing
    reason = _required_text(
        reason,
        "A reason for lowering the claim below the publish gate (a second editor must confirm it)",
    )
    return {"lowered_by": by, "lowered_reason": reason, "lowered_confirmed_by": None}


@transaction.atomic
def claim_confirm_lowering(*, claim: Claim, by, expected_version: int | None = None) -> Claim:
    """A second editor agrees the claim need not be checked before publication."""
    locked = _lock(claim, expected_version)
    _check_confirm_lowering(locked, by)
    _commit(
        locked,
        by=by,
        action=ClaimEvent.Action.LOWERING_CONFIRMED,
        comment=f"Lowering below the gate confirmed (by {_name(locked.lowered_by)}: "
        f"{locked.lowered_reason}).",
        lowered_confirmed_by=by,
    )
    return _sync(claim, locked)


# ---------------------------------------------------------------- earlier verdicts

SIMILARITY_THRESHOLD = 0.5
# Compared against the most recent approvals only, so a claim page stays cheap
# however large the archive grows.
SIMILARITY_CANDIDATES = 2000


def claim_similar_verdicts(
    *, claim: Claim, limit: int = 5, threshold: float = SIMILARITY_THRESHOLD
) -> list[tuple[Claim, float]]:
    """Approved claims in other articles that say nearly the same, best first."""
    text_tokens = claim_tokens(claim.text)
    quote_tokens = claim_tokens(claim.quote) if claim.quote else text_tokens
    candidates = (
        Claim.objects.approved()
        .exclude(article_id=claim.article_id)
        .select_related("article")
        .defer("article__body")
        .order_by("-reviewed_at", "-id")[:SIMILARITY_CANDIDATES]
    )
    scored = []
    for other in candidates:
        other_text = claim_tokens(other.text)
        other_quote = claim_tokens(other.quote) if other.quote else other_text
        score = max(jaccard(text_tokens, other_text), jaccard(quote_tokens, other_quote))
        if score >= threshold:
            scored.append((other, round(score, 3)))
    scored.sort(key=lambda pair: (-pair[1], -pair[0].pk))
    return scored[:limit]


# ---------------------------------------------------------------- articles


def article_blocking_claims(article: Article):
    """The claims that keep ``article`` from being published, most check-worthy first."""
    return (
        Claim.objects.filter(article=article)
        .blocking_publication()
        .order_by("-checkworthiness", "start", "id")
    )


def _lock_article(article: Article) -> Article:
    return Article.objects.select_for_update().get(pk=article.pk)


def _blocked_message(blocking: list[Claim]) -> str:
    shown = blocking[:10]
    lines = "; ".join(
        f"\u201c{str(c)[:60]}\u201d ({c.get_status_display().lower()}, "
        f"check-worthiness {c.checkworthiness:.2f}"
        + (", lowered below the gate: a second editor must confirm" if c.lowered_by_id else "")
        + ")"
        for c in shown
    )
    more = f"; and {len(blocking) - len(shown)} more" if len(blocking) > len(shown) else ""
    claims = "claim is" if len(blocking) == 1 else "claims are"
    return (
        f"Not published: {len(blocking)} {claims} still to be approved or dismissed "
        f"(check-worthiness {settings.NEWSROOM_PUBLISH_THRESHOLD:.2f} or more): {lines}{more}."
    )


def _check_publish(article: Article, by) -> None:
    if not user_can_publish(by):
        raise NotAllowed("Only editors can publish articles.")
    if article.status == Article.Status.PUBLISHED:
        raise InvalidTransition("The article is already published.")
    if article.status == Article.Status.RETRACTED:
        raise InvalidTransition("A retracted article cannot be published again.")


def _check_published(article: Article, by, *, verb: str) -> None:
    if not user_can_publish(by):
        raise NotAllowed(f"Only editors can {verb.removesuffix('ed')} articles.")
    if article.status != Article.Status.PUBLISHED:
        raise InvalidTransition(
            f"Only a published article can be {verb}; this one is "
            f"{article.get_status_display().lower()}."
        )


_ARTICLE_CHECKS = {
    "publish": _check_publish,
    "correct": lambda article, user: _check_published(article, user, verb="corrected"),
    "retract": lambda article, user: _check_published(article, user, verb="retracted"),
}


def article_allowed_actions(*, article: Article, user) -> frozenset[str]:
    """The steps ``user`` may take on ``article`` now (publishing may still be
    blocked by its claims: see ``article_blocking_claims``)."""
    allowed = set()
    for action, check in _ARTICLE_CHECKS.items():
        try:
            check(article, user)
        except WorkflowError:
            continue
        allowed.add(action)
    return frozenset(allowed)


@transaction.atomic
def article_publish(*, article: Article, by) -> Article:
    """Publish once every check-worthy claim is approved or dismissed."""
    if not user_can_publish(by):
        raise NotAllowed("Only editors can publish articles.")
    locked = _lock_article(article)
    _check_publish(locked, by)
    blocking = list(article_blocking_claims(locked))
    if blocking:
        raise PublishBlocked(_blocked_message(blocking), blocking)
    locked.status = Article.Status.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at", "updated_at"])
    _touch_dependents(locked)
    actors_make_public(articles=[locked.pk])
    _record(EditorialEvent.Action.PUBLISHED, by=by, article=locked, description="Published.")
    return _sync(article, locked)


@transaction.atomic
def article_correct(*, article: Article, by, body: str) -> Correction:
    """Add a dated correction that readers see under the article."""
    if not user_can_publish(by):
        raise NotAllowed("Only editors can correct articles.")
    body = _required_text(body, "The correction text")
    _limit(len(body), MAX_NOTICE_CHARS, "The correction's length in characters")
    locked = _lock_article(article)
    _check_published(locked, by, verb="corrected")
    Article.objects.filter(pk=locked.pk).update(updated_at=timezone.now())
    correction = Correction.objects.create(article=locked, body=body, author=by)
    _record(EditorialEvent.Action.CORRECTED, by=by, article=locked, description=body)
    return correction


@transaction.atomic
def article_retract(*, article: Article, by, reason: str) -> Article:
    """Withdraw a published article, saying why."""
    if not user_can_publish(by):
        raise NotAllowed("Only editors can retract articles.")
    reason = _required_text(reason, "A reason for the retraction")
    _limit(len(reason), MAX_NOTICE_CHARS, "The retraction notice's length in characters")
    locked = _lock_article(article)
    _check_published(locked, by, verb="retracted")
    locked.status = Article.Status.RETRACTED
    locked.retracted_at = timezone.now()
    locked.retraction_reason = reason
    locked.save(update_fields=["status", "retracted_at", "retraction_reason", "updated_at"])
    _touch_dependents(locked)
    _record(EditorialEvent.Action.RETRACTED, by=by, article=locked, description=reason)
    return _sync(article, locked)


def _record(action: str, *, by, article=None, actor=None, description: str, data=None):
    return EditorialEvent.objects.create(
        action=action,
        user=by,
        article=article,
        actor=actor,
        description=description,
        data=data or {},
    )


def _touch_dependents(article: Article) -> None:
    """Publishing or retracting shows or hides the article's verdicts: the
    claims and their speakers' records changed for readers and API clients."""
    now = timezone.now()
    article.claims.update(updated_at=now)
    Actor.objects.filter(claims__article=article).update(updated_at=now)


# ---------------------------------------------------------------- notes


@transaction.atomic
def note_create(*, by, body: str, article: Article | None = None, claim: Claim | None = None):
    """A note from the desk on an article or on one claim (never both)."""
    if not user_can_write_notes(by):
        raise NotAllowed("Your role cannot write editor notes.")
    if (article is None) == (claim is None):
        raise InvalidTransition("A note belongs to an article or to a claim, and to only one.")
    body = note_check_body(body)
    return EditorNote.objects.create(author=by, body=body, article=article, claim=claim)


def note_check_body(body: str) -> str:
    """A note's text as it would be saved, or ``InvalidTransition`` saying why
    not; forms call it too, to refuse before saving, with what was typed kept."""
    body = _required_text(body, "The note's text")
    _limit(len(body), MAX_NOTE_CHARS, "The note's length in characters")
    return body


@transaction.atomic
def note_resolve(*, note: EditorNote, by) -> EditorNote:
    """Mark a note as dealt with."""
    if not user_can_write_notes(by):
        raise NotAllowed("Your role cannot resolve editor notes.")
    if not EditorNote.objects.filter(pk=note.pk, resolved=False).update(resolved=True):
        raise InvalidTransition("The note is already resolved.")
    note.resolved = True
    return note
