"""Bulk triage: one decision applied to many claims, each through the same
workflow service as one claim at a time, so each is checked (role, state,
two-person rule, row lock) and recorded in its own audit trail.

A claim that is refused does not stop the others: the result lists what was
done and, for each refusal, the claim and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from articles.models import Claim
from articles.services import workflow as wf


@dataclass
class BulkResult:
    done: list[Claim] = field(default_factory=list)
    refused: list[tuple[Claim, str]] = field(default_factory=list)


def _each(claims: Iterable[Claim], step: Callable[[Claim], object]) -> BulkResult:
    result = BulkResult()
    for claim in claims:
        try:
            step(claim)
        except wf.WorkflowError as error:
            result.refused.append((claim, error.message))
        else:
            result.done.append(claim)
    return result


def claims_dismiss(*, claims: Iterable[Claim], by, reason: str) -> BulkResult:
    """Dismiss every claim with the one reason (``claim_dismiss`` on each)."""
    reason = (reason or "").strip()
    if not reason:
        raise wf.InvalidTransition("A reason for dismissing the claims is required.")
    return _each(claims, lambda claim: wf.claim_dismiss(claim=claim, by=by, reason=reason))
