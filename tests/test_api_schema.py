"""The OpenAPI schema, its docs page, and contract tests against it.

Schemathesis generates requests from /api/v1/schema/ and checks every answer:
no server error, and status, headers and body as the schema says, for an
anonymous consumer and for an editor's token.
"""

import os

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, stateful
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rest_framework.test import APIClient
from schemathesis import GenerationConfig
from schemathesis.specs.openapi.checks import ignored_auth

from articles.models import Claim
from newsroom.wsgi import application

from .factories import (
    ActorAliasFactory,
    ActorFactory,
    ActorMentionFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
    token_for,
)

pytestmark = pytest.mark.django_db

READS = [
    ("/api/v1/", "get"),
    ("/api/v1/articles/", "get"),
    ("/api/v1/articles/{slug}/", "get"),
    ("/api/v1/claims/", "get"),
    ("/api/v1/claims/{id}/", "get"),
    ("/api/v1/claims/{id}/claimreview/", "get"),
    ("/api/v1/actors/", "get"),
    ("/api/v1/actors/{slug}/", "get"),
]
VERBS = [
    ("/api/v1/auth/token/", "post"),
    ("/api/v1/auth/token/", "delete"),
    ("/api/v1/claims/{id}/assign/", "post"),
    ("/api/v1/claims/{id}/verdict/", "post"),
    ("/api/v1/claims/{id}/approve/", "post"),
    ("/api/v1/claims/{id}/send-back/", "post"),
    ("/api/v1/claims/{id}/dismiss/", "post"),
    ("/api/v1/articles/{slug}/publish/", "post"),
    ("/api/v1/articles/{slug}/correct/", "post"),
    ("/api/v1/articles/{slug}/retract/", "post"),
    ("/api/v1/claims/{id}/reopen/", "post"),
    ("/api/v1/claims/{id}/checkworthiness/", "post"),
    ("/api/v1/claims/{id}/confirm-lowering/", "post"),
    ("/api/v1/notes/", "post"),
    ("/api/v1/ingest/", "post"),
    ("/api/v1/ingest/{id}/", "get"),
]
DESK = [("/api/v1/desk/", "get")]


@pytest.fixture
def openapi():
    response = APIClient().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_schema_is_openapi_3(openapi):
    assert openapi["openapi"].startswith("3.")


def test_schema_is_valid(openapi):
    from drf_spectacular.validation import validate_schema

    validate_schema(openapi)  # against the OpenAPI 3 meta-schema; raises if invalid


def test_schema_describes_every_endpoint(openapi):
    described = {(path, method) for path, ops in openapi["paths"].items() for method in ops}
    assert described == set(READS) | set(VERBS) | set(DESK)


def test_schema_describes_both_auth_schemes(openapi):
    schemes = openapi["components"]["securitySchemes"]
    assert schemes["knoxApiToken"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": 'Token-based authentication with required prefix "Token"',
    }
    assert schemes["cookieAuth"]["in"] == "cookie"


def test_reads_are_open_and_verbs_need_credentials(openapi):
    for path, method in READS:
        assert {} in openapi["paths"][path][method]["security"]
    for path, method in VERBS[1:] + DESK:
        assert {} not in openapi["paths"][path][method]["security"]


@pytest.mark.parametrize(
    ("path", "filters"),
    [
        (
            "/api/v1/articles/",
            {"actor", "published_after", "published_before", "updated_since", "search", "status"},
        ),
        (
            "/api/v1/claims/",
            {
                "rating",
                "speaker",
                "article",
                "kind",
                "status",
                "min_checkworthiness",
                "updated_since",
            },
        ),
        ("/api/v1/actors/", {"kind", "search"}),
    ],
)
def test_schema_describes_filters_and_paging(openapi, path, filters):
    parameters = {
        p["name"]: p for p in openapi["paths"][path]["get"]["parameters"] if p["in"] == "query"
    }
    assert set(parameters) == filters | {"page", "page_size"}
    assert parameters["page_size"]["schema"]["maximum"] == 100


def test_schema_describes_errors(openapi):
    approve = openapi["paths"]["/api/v1/claims/{id}/approve/"]["post"]["responses"]
    assert set(approve) == {"200", "400", "401", "403", "404", "409"}
    error = openapi["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"detail", "code"}
    assert "blocking_claims" in error["properties"]
    reads = openapi["paths"]["/api/v1/articles/"]["get"]["responses"]
    assert set(reads) == {"200", "304", "400", "401", "404", "429"}
    assert reads["200"]["headers"]["ETag"]["required"] is True


def test_claimreview_is_described_as_json_ld(openapi):
    response = openapi["paths"]["/api/v1/claims/{id}/claimreview/"]["get"]["responses"]["200"]
    schema = response["content"]["application/ld+json"]["schema"]
    assert schema["properties"]["@type"]["enum"] == ["ClaimReview"]


def test_docs_are_served_from_our_own_static_files():
    response = APIClient().get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")


# ---------------------------------------------------------------- real objects


def optional_auth(case) -> tuple:
    """Schemathesis 3's ``ignored_auth`` check takes any declared scheme as
    required, even where the operation also lists ``{}`` (no credentials) as
    the reads do; it is skipped there and kept for the verbs."""
    return (ignored_auth,) if {} in case.operation.definition.raw.get("security", []) else ()


@pytest.fixture
def desk():
    """A little newsroom: a published article with approved verdicts of every
    rating and a pending claim, an actor with an alias, and a draft."""
    article = PublishedArticleFactory(slug="nato-summit", dateline="2024-07-10")
    smith = ActorFactory(name="John Smith", slug="john-smith")
    nato = ActorFactory(name="NATO", slug="nato", kind="organization")
    ActorAliasFactory(actor=smith, name="Mr Smith")
    ActorMentionFactory(article=article, actor=smith)
    ActorMentionFactory(article=article, actor=nato)
    for start, rating in enumerate(Claim.Rating.values):
        ApprovedClaimFactory(article=article, start=start, rating=rating, speaker=smith)
    ClaimFactory(article=article, start=10, kind=Claim.Kind.QUOTE, quote="31 member nations")
    draft = ArticleFactory(slug="draft-story")
    ClaimFactory(article=draft)
    return article


@pytest.fixture
def editor_token(editor):
    return token_for(editor)


@pytest.fixture
def wsgi_app():
    """The WSGI application on the test's own database connection.

    Django's handler closes the connection after each request; inside a test's
    transaction that would end it. Django's test client unhooks the same
    signals for the same reason.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def no_throttle(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None},
    }


@pytest.fixture
def api_schema(wsgi_app, desk, no_throttle):
    schema = schemathesis.from_wsgi(
        "/api/v1/schema/?format=json",
        wsgi_app,
        # Credentials are the test's to give (none, or the editor's token),
        # not random strings in Authorization and the session cookie.
        generation_config=GenerationConfig(with_security_parameters=False),
    )
    # Random slugs and ids nearly always miss; half the cases name real rows
    # instead, so the verbs and details also run on existing objects.
    real = {
        "id": sorted(Claim.objects.values_list("pk", flat=True)),
        "slug": ["nato-summit", "draft-story", "john-smith"],
    }

    def with_real_objects(parameters):
        if not parameters:
            return st.just(parameters)
        return st.fixed_dictionaries({name: st.sampled_from(real[name]) for name in parameters})

    @schema.hook
    def before_generate_path_parameters(context, strategy):
        return st.one_of(strategy, strategy.flatmap(with_real_objects))

    return schema


def test_real_objects_match_the_schema(api_schema, desk, editor_token):
    """Every read of an existing object, as anonymous and as staff."""
    claim = desk.claims.order_by("pk").first()
    values = {"slug": "nato-summit", "id": claim.pk}
    for path, method in READS:
        operation = api_schema[path][method.upper()]
        for headers in ({}, {"Authorization": f"Token {editor_token}"}):
            parameters = {name: values[name] for name in ("slug", "id") if f"{{{name}}}" in path}
            if path == "/api/v1/actors/{slug}/":
                parameters = {"slug": "john-smith"}
            case = operation.make_case(path_parameters=parameters, headers=headers)
            response = case.call()
            assert response.status_code == 200, (path, response.data)
            case.validate_response(response, excluded_checks=optional_auth(case))


# ---------------------------------------------------------------- generated


contract = schemathesis.from_pytest_fixture("api_schema")
bounded = hypothesis_settings(
    # A deeper run: NEWSROOM_CONTRACT_EXAMPLES=500 pytest tests/test_api_schema.py
    max_examples=int(os.environ.get("NEWSROOM_CONTRACT_EXAMPLES", "25")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


@contract.include(method="GET").parametrize()
@bounded
def test_anonymous_contract(case):
    case.call_and_validate(excluded_checks=optional_auth(case))


# Ingest fetches the URLs it is sent: generated ones must not reach the network
# (tests/test_ingest_api.py covers that endpoint).
@contract.exclude(path_regex="^/api/v1/ingest/").parametrize()
@bounded
def test_editor_contract(case, editor_token):
    # Schemathesis 3 then tries bad credentials in these, and needs dicts there.
    case.headers, case.cookies = case.headers or {}, case.cookies or {}
    case.call_and_validate(
        headers={"Authorization": f"Token {editor_token}"}, excluded_checks=optional_auth(case)
    )


@contract.parametrize()
@bounded
def test_factchecker_contract(case, factchecker):
    case.headers, case.cookies = case.headers or {}, case.cookies or {}
    case.call_and_validate(
        headers={"Authorization": f"Token {token_for(factchecker)}"},
        excluded_checks=optional_auth(case),
    )


# ---------------------------------------------------------------- stateful


def test_schema_links_lists_to_what_a_client_does_next(openapi):
    links = openapi["paths"]["/api/v1/claims/"]["get"]["responses"]["200"]["links"]
    assert links["claims_verdict_create"]["parameters"] == {"id": "$response.body#/results/0/id"}
    operations = {op["operationId"] for ops in openapi["paths"].values() for op in ops.values()}
    targets = {
        link["operationId"]
        for ops in openapi["paths"].values()
        for op in ops.values()
        for response in op["responses"].values()
        for link in response.get("links", {}).values()
    }
    assert targets <= operations


@pytest.mark.parametrize("role", ["anonymous", "factchecker", "editor"])
def test_stateful_runs_follow_links_with_no_server_error(api_schema, role, request):
    from schemathesis.checks import not_a_server_error

    headers = {}
    if role != "anonymous":
        headers = {"Authorization": f"Token {token_for(request.getfixturevalue(role))}"}

    class Workflow(api_schema.as_state_machine()):
        def get_call_kwargs(self, case):
            return {"headers": headers}

        def validate_response(self, response, case, additional_checks=()):
            case.validate_response(response, checks=(not_a_server_error,))

        @stateful.rule()
        def read_on(self):
            """Always possible, so a run whose first answer links nowhere (a
            400 for a random filter) ends quietly instead of stalling."""

    Workflow.run(
        settings=hypothesis_settings(
            max_examples=int(os.environ.get("NEWSROOM_STATEFUL_EXAMPLES", "10")),
            stateful_step_count=4,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
