"""A reader in Chromium, on a phone and on a desktop: the article page shows its
checked claim marked in the text, and the mark leads to the verdict."""

import pytest

from articles.models import Claim

from .factories import ActorFactory, ApprovedClaimFactory, PublishedArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "NATO's Article 5 stipulates that an attack on any one of its 31 member nations "
    "is considered an attack on all. This clause has only been invoked once.\n"
    'Witkoff referred to the proposed security assurance as "Article 5-like protection".'
)
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.fixture
def claim():
    article = PublishedArticleFactory(title="Allies weigh an Article 5-like guarantee", body=BODY)
    end = BODY.index("all.") + len("all.")
    return ApprovedClaimFactory(
        article=article,
        start=0,
        end=end,
        text=BODY[:end],
        quote="",
        speaker=ActorFactory(name="Steve Witkoff"),
        rating=Claim.Rating.FALSE,
    )


@pytest.mark.parametrize("width", WIDTHS.keys())
def test_a_reader_follows_a_claim_mark_to_its_verdict(page, live_server, claim, width):
    problems = []
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    page.goto(live_server.url + claim.article.get_absolute_url())

    mark = page.locator(f"mark[data-claims='{claim.pk}']")
    assert mark.is_visible()
    assert "31 member nations" in mark.inner_text()
    # The stylesheet is ours and allowed by the policy: the mark carries the rating's wash.
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(251, 225, 229)"

    flag = page.locator(f"#flag-{claim.pk}")
    assert flag.is_visible()
    assert "FALSE" in flag.inner_text().upper()  # the verdict in words
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")

    flag.click()
    page.wait_for_url(f"**#verdict-{claim.pk}")
    note = page.locator(f"#verdict-{claim.pk}")
    note.wait_for(state="visible")
    page.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }",
        arg=f"verdict-{claim.pk}",
    )
    assert claim.verdict_summary in note.inner_text()
    assert "False" in note.locator(".rating").inner_text()

    # And back to the place in the text.
    note.get_by_role("link", name="Back to the text").click()
    page.wait_for_url(f"**#flag-{claim.pk}")
    assert problems == []
