"""The desk's dashboard: the admin's front page shows each desk role its work.

Modelled on Wagtail's admin home: a list of small panel classes, each with a
``name``, an ``order``, a ``template`` and one query for the few records it
shows; the counts all come from ``articles.desk.desk_counts`` (the same
numbers ``GET /api/v1/desk/`` answers), and every panel links to the queue
or the article list filtered to exactly what it counts.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.http import urlencode

from .. import desk
from ..models import Notification
from ..services import notifications as notify
from ..services import workflow as wf

admin.site.index_template = "admin/desk/index.html"

SHOWN = 5


class Panel:
    """One box on the dashboard."""

    name = ""
    title = ""
    order = 100
    template = "admin/desk/panel_claims.html"
    count_key = ""

    def __init__(self, request, counts: desk.DeskCounts):
        self.request, self.counts = request, counts

    @classmethod
    def shown_to(cls, user) -> bool:
        return wf.user_can_take_claims(user)

    @property
    def count(self) -> int:
        return getattr(self.counts, self.count_key or self.name)

    def url(self) -> str:
        return reverse("admin:articles_claim_changelist") + "?" + urlencode({"desk": self.name})

    def items(self) -> list:
        """The first few records of the list: this panel's one query."""
        return list(
            desk.claim_list(self.name, self.request.user)
            .select_related("article", "speaker")
            .defer("article__body")[:SHOWN]
        )


class MyClaimsPanel(Panel):
    name, title, order = "mine", "My open claims", 10


class SentBackPanel(Panel):
    name, title, order = "sent_back", "Sent back to me", 20


class ReviewPanel(Panel):
    name, title, order = "review", "Proposals waiting for my review", 30

    @classmethod
    def shown_to(cls, user) -> bool:
        return wf.user_can_approve(user)


class UnassignedPanel(Panel):
    name, title, order = "unassigned", "Unassigned claims, most check-worthy first", 40

    @property
    def detail(self) -> str:
        return f"{self.counts.unassigned_gate} of them hold an article back at the gate"


class ArticlePanel(Panel):
    template = "admin/desk/panel_articles.html"

    @classmethod
    def shown_to(cls, user) -> bool:
        return wf.user_can_publish(user)

    def url(self) -> str:
        return reverse("admin:articles_article_changelist") + "?" + urlencode({"gate": self.name})

    def items(self) -> list:
        return list(desk.article_list(self.name).only("id", "title", "status")[:SHOWN])


class BlockedArticlesPanel(ArticlePanel):
    name, title, order = "blocked", "Articles blocked by the gate", 50


class ReadyArticlesPanel(ArticlePanel):
    name, title, order = "ready", "Articles ready to publish", 60


class RecheckArticlesPanel(ArticlePanel):
    name, title, order = "recheck", "Published articles changed under readers", 45

    def url(self) -> str:
        return reverse("admin:articles_article_changelist") + "?recheck=yes"


class NotificationsPanel(Panel):
    name, title, order = "unread", "Unread notifications", 5
    template = "admin/desk/panel_notifications.html"

    def url(self) -> str:
        return reverse("admin:articles_notification_changelist") + "?read__exact=0"

    def items(self) -> list:
        return list(
            Notification.objects.filter(user=self.request.user, read=False).select_related("claim")[
                :SHOWN
            ]
        )


PANELS = [
    NotificationsPanel,
    MyClaimsPanel,
    SentBackPanel,
    ReviewPanel,
    UnassignedPanel,
    RecheckArticlesPanel,
    BlockedArticlesPanel,
    ReadyArticlesPanel,
]


def panels_for(request) -> list[Panel]:
    """The panels this user's roles call for, in order; none for other staff."""
    user = request.user
    classes = [panel for panel in PANELS if panel.shown_to(user)]
    if not classes:
        return []
    counts = desk.desk_counts(user)
    return [panel(request, counts) for panel in sorted(classes, key=lambda p: p.order)]


# ---------------------------------------------------------------- notifications


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Each person's own notifications; marking them read is all one can do."""

    list_display = ["created_at", "kind", "message", "claim_link", "read"]
    list_filter = ["read", "kind"]
    actions = ["mark_read"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user=request.user).select_related("claim")

    def has_view_permission(self, request, obj=None):
        return bool(request.user.is_active and request.user.is_staff)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_mark_read_permission(self, request):
        return self.has_view_permission(request)

    @admin.display(description="claim")
    def claim_link(self, notification):
        from django.utils.html import format_html

        url = reverse("admin:articles_claim_change", args=[notification.claim_id])
        return format_html('<a href="{}">open the claim</a>', url)

    @admin.action(description="Mark as read", permissions=["mark_read"])
    def mark_read(self, request, queryset):
        done = notify.notifications_mark_read(
            user=request.user, ids=list(queryset.values_list("pk", flat=True))
        )
        messages.success(request, f"{done} notification(s) marked as read.")
