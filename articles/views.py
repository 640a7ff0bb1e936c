"""Reader pages. Placeholder views until the public pages land."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .models import Actor, Article, Claim


def home(request):
    return HttpResponse("Verification desk")


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    return HttpResponse(article.title)


def claim_detail(request, pk):
    claim = get_object_or_404(Claim.objects.public(), pk=pk)
    return HttpResponse(str(claim))


def actor_detail(request, slug):
    actor = get_object_or_404(Actor, slug=slug)
    return HttpResponse(actor.name)
