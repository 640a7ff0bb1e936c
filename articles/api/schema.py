"""OpenAPI pieces the endpoints share: conditional-GET headers, the error
answers of each kind of endpoint, and the shape of a ClaimReview."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)

from ..models import Actor, Article, Claim
from .serializers import ErrorSerializer

# Named for SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]: several models have a
# ``kind`` and a ``status``, and each choice set deserves its own name.
ARTICLE_STATUS = Article.Status
CLAIM_STATUS = Claim.Status
CLAIM_KIND = Claim.Kind
ACTOR_KIND = Actor.Kind
RATING = Claim.Rating

CONDITIONAL_REQUEST = [
    OpenApiParameter(
        "If-None-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="An ETag you hold: 304 if it is still current.",
    ),
    OpenApiParameter(
        "If-Modified-Since",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="An HTTP date: 304 if nothing changed since (ignored with If-None-Match).",
    ),
    OpenApiParameter(
        "ETag",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        required=True,
        description="Validator of this representation; send it back in If-None-Match.",
    ),
    OpenApiParameter(
        "Last-Modified",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description="When the newest row behind this representation changed.",
    ),
]


def _error(description: str) -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=description)


NOT_MODIFIED = OpenApiResponse(description="Not modified: the representation you hold is current.")
UNAUTHENTICATED = _error("The token or session sent is not valid (or, for a verb, none was sent).")
NOT_FOUND = _error("No such object, or not one you may see.")
THROTTLED = _error("Too many anonymous requests: wait for the seconds in Retry-After.")


def list_responses(serializer) -> dict:
    return {
        200: serializer,
        304: NOT_MODIFIED,
        400: _error("A filter's value is not valid (see `errors`)."),
        401: UNAUTHENTICATED,
        404: _error("No such page."),
        429: THROTTLED,
    }


def detail_responses(serializer) -> dict:
    return {
        200: serializer,
        304: NOT_MODIFIED,
        401: UNAUTHENTICATED,
        404: NOT_FOUND,
        429: THROTTLED,
    }


def read_endpoints(*, listing: tuple[str, str], one: tuple[str, str], serializer, detail=None):
    """The schema of a read-only resource: (summary, description) of its list
    and of one object, both conditional; ``detail`` serializes one object when
    it shows more than a list item."""
    return extend_schema_view(
        list=extend_schema(
            summary=listing[0],
            description=listing[1],
            parameters=CONDITIONAL_REQUEST,
            responses=list_responses(serializer),
        ),
        retrieve=extend_schema(
            summary=one[0],
            description=one[1],
            parameters=CONDITIONAL_REQUEST,
            responses=detail_responses(detail or serializer),
        ),
    )


def workflow_responses(serializer, success: int = 200) -> dict:
    return {
        success: serializer,
        400: _error(
            "Invalid input (`invalid`), a step the object's state does not allow "
            "(`invalid_transition`), or publishing blocked by unresolved claims "
            "(`publish_blocked`, with `blocking_claims`)."
        ),
        401: UNAUTHENTICATED,
        403: _error(
            "Not a member of the desk, or a role that may not take this step "
            "(`not_allowed`, e.g. approving one's own verdict)."
        ),
        404: NOT_FOUND,
        409: _error("The claim changed since you read it (`conflict`): read it again."),
    }


def _thing(kind: str, **properties) -> dict:
    return {
        "type": "object",
        "properties": {"@type": {"type": "string", "enum": [kind]}, **properties},
        "required": ["@type", *properties],
    }


_URL = {"type": "string", "format": "uri"}
_STR = {"type": "string"}

CLAIM_REVIEW = {
    "type": "object",
    "description": "A schema.org ClaimReview (JSON-LD).",
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": {**_URL, "description": "The reader's page of the claim."},
        "claimReviewed": {**_STR, "description": "The quoted words, or the sentence."},
        "datePublished": {"type": "string", "format": "date"},
        "author": _thing("Organization", name=_STR, url=_URL),
        "reviewRating": {
            "type": "object",
            "description": "1 (false) to 5 (true); an unverifiable verdict has only its name.",
            "properties": {
                "@type": {"type": "string", "enum": ["Rating"]},
                "ratingValue": {"type": "integer", "minimum": 1, "maximum": 5},
                "bestRating": {"type": "integer", "enum": [5]},
                "worstRating": {"type": "integer", "enum": [1]},
                "alternateName": _STR,
            },
            "required": ["@type", "alternateName"],
        },
        "reviewBody": _STR,
        "itemReviewed": {
            "type": "object",
            "properties": {
                "@type": {"type": "string", "enum": ["Claim"]},
                "author": {
                    "type": "object",
                    "description": "The speaker.",
                    "properties": {
                        "@type": {"type": "string", "enum": ["Person", "Organization"]},
                        "name": _STR,
                    },
                    "required": ["@type", "name"],
                },
                "datePublished": {"type": "string", "format": "date"},
                "appearance": {
                    "type": "object",
                    "description": "The article's reader page.",
                    "properties": {
                        "@type": {"type": "string", "enum": ["NewsArticle"]},
                        "url": _URL,
                        "headline": _STR,
                        "datePublished": {"type": "string", "format": "date-time"},
                    },
                    "required": ["@type", "url", "headline"],
                },
            },
            "required": ["@type", "appearance"],
        },
    },
    "required": ["@context", "@type", "url", "claimReviewed", "author", "itemReviewed"],
}


# ---------------------------------------------------------------- links

# From a list (its first result) or a claim (itself) to what a client does next
# with it: OpenAPI links, which stateful clients and fuzzers follow.
_CLAIM_STEPS = [
    "claims_retrieve",
    "claims_claimreview_retrieve",
    "claims_assign_create",
    "claims_verdict_create",
    "claims_approve_create",
    "claims_send_back_create",
    "claims_dismiss_create",
]
LINKS = {
    ("claims_list", "200"): {op: {"id": "$response.body#/results/0/id"} for op in _CLAIM_STEPS},
    **{
        (op, "200"): {step: {"id": "$response.body#/id"} for step in _CLAIM_STEPS if step != op}
        for op in ("claims_retrieve", "claims_assign_create", "claims_verdict_create")
    },
    ("articles_list", "200"): {
        op: {"slug": "$response.body#/results/0/slug"}
        for op in ("articles_retrieve", "articles_publish_create")
    },
    ("actors_list", "200"): {"actors_retrieve": {"slug": "$response.body#/results/0/slug"}},
}


def add_links(result, generator, request, public):
    """drf-spectacular postprocessing hook: the ``LINKS`` above, by operationId."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for status_code, response in operation.get("responses", {}).items():
                links = LINKS.get((operation.get("operationId"), status_code))
                if links:
                    response["links"] = {
                        target: {"operationId": target, "parameters": parameters}
                        for target, parameters in links.items()
                    }
    return result
