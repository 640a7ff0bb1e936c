"""Actors: merges, renames, confirmations and aliases."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse

from ..models import (
    Actor,
    ActorAlias,
    ActorMention,
    Claim,
)
from ..services import workflow as wf
from ..services.actors import (
    ActorMergeError,
    actor_check_name,
    actor_confirm,
    actor_merge,
    actor_rename,
    actors_touch,
)
from .record import ActorEventInline
from .shared import (
    ARTICLE_TEXT,
    ReadOnlyAdminMixin,
    ServiceErrorsMixin,
    refused,
    related_count,
)

# ---------------------------------------------------------------- actors


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    fields = ["name", "confirmed"]
    extra = 1


class ActorMentionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ActorMention
    fields = ["article", "count", "offsets"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article").defer("article__body")


class ActorAdminForm(forms.ModelForm):
    """A rename the service would refuse is refused here, with the form as typed."""

    class Meta:
        model = Actor
        fields = []

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if self.instance.pk and name and "name" in self.changed_data:
            try:
                actor_check_name(
                    actor=self.instance, name=name, kind=cleaned.get("kind") or self.instance.kind
                )
            except ActorMergeError as error:
                self.add_error("name", str(error))
        return cleaned


@admin.register(Actor)
class ActorAdmin(ServiceErrorsMixin, admin.ModelAdmin):
    service_errors = (wf.WorkflowError, ActorMergeError)
    form = ActorAdminForm
    list_display = ["name", "kind", "role", "confirmed", "mention_count", "claim_count"]
    list_filter = ["kind", "confirmed", "machine_extracted"]
    search_fields = ["name", "aliases__name", "role"]
    readonly_fields = [
        "slug",
        "surname_key",
        "machine_extracted",
        "extractor_version",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["name", "kind", "role", "confirmed"]}),
        (
            "Advanced",
            {
                "fields": [
                    "slug",
                    "surname_key",
                    "machine_extracted",
                    "extractor_version",
                    "created_at",
                    "updated_at",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [ActorAliasInline, ActorMentionInline, ActorEventInline]
    actions = ["merge_actors", "confirm_actors"]

    def has_add_permission(self, request):
        return False  # actors come from the importer

    def has_merge_permission(self, request):
        return request.user.has_perm("articles.merge_actor")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                mentions_n=related_count(ActorMention.objects.all(), to="actor"),
                claims_n=related_count(Claim.objects.all(), to="speaker"),
            )
        )

    @admin.display(description="articles", ordering="mentions_n")
    def mention_count(self, actor):
        return actor.mentions_n

    @admin.display(description="claims", ordering="claims_n")
    def claim_count(self, actor):
        return actor.claims_n

    def save_model(self, request, obj, form, change):
        if change and "name" in form.changed_data:
            # The rename keeps the old name as an alias (and saves the other edits).
            new_name, obj.name = obj.name, form.initial["name"]
            actor_rename(actor=obj, name=new_name, by=request.user)
        else:
            obj.save()
            if change and "kind" in form.changed_data:
                actors_touch([obj.pk])  # the kind shows on its articles and claims
        if "confirmed" in form.changed_data and obj.confirmed:
            actor_confirm(actor=obj, by=request.user)

    @admin.action(
        description="Confirm selected actors (name, kind and aliases checked)",
        permissions=["change"],
    )
    def confirm_actors(self, request, queryset):
        actors = list(queryset)
        for actor in actors:
            actor_confirm(actor=actor, by=request.user)
        messages.success(request, f"{len(actors)} actor(s) confirmed.")

    @admin.action(description="Merge selected actors into one", permissions=["merge"])
    def merge_actors(self, request, queryset):
        actors = list(queryset.order_by("name"))
        if len(actors) < 2:
            messages.error(request, "Select at least two actors to merge.")
            return None
        if "survivor" in request.POST:
            survivor = next((a for a in actors if str(a.pk) == request.POST["survivor"]), None)
            if survivor is None:
                messages.error(request, "Choose which actor to keep.")
                return None
            merged, kept = 0, [survivor]
            for actor in actors:
                if actor.pk == survivor.pk:
                    continue
                try:
                    actor_merge(survivor=survivor, merged=actor, by=request.user)
                except ActorMergeError as error:
                    refused(request, error)
                    kept.append(actor)
                else:
                    merged += 1
            if merged:
                messages.success(request, f"Merged {merged} actor(s) into {survivor}.")
            if len(kept) == 1:
                return None
            # Refused: the choice again, with the actors not merged still selected.
            return self._merge_confirmation(request, kept, survivor)
        return self._merge_confirmation(request, actors, actors[0])

    def _merge_confirmation(self, request, actors, survivor):
        return TemplateResponse(
            request,
            "admin/articles/actor/merge_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge actors",
                "opts": self.model._meta,
                "actors": actors,
                "survivor": survivor,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "actor", "confirmed"]
    list_filter = ["confirmed"]
    list_select_related = ["actor"]
    search_fields = ["name", "actor__name"]
    readonly_fields = ["key"]
    autocomplete_fields = ["actor"]


@admin.register(ActorMention)
class ActorMentionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Where actors are named: derived from the text, so never edited by hand."""

    list_display = ["actor", "article", "count"]
    list_select_related = ["actor", "article"]
    search_fields = ["actor__name", "article__title"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer(*ARTICLE_TEXT)
