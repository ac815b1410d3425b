"""The feeds' admin pages: each feed with how its runs went, and a pushed feed's tokens,
issued (shown once, in full) and revoked. Only for those who may take copy in."""

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from stories.access import may_manage_feeds, require_feed_manager
from stories.http import AuthenticatedHttpRequest
from stories.models import Feed, FeedKind, FeedToken
from stories.services.feeds import issue_token, revoke_token

RUN_FIELDS = [
    "last_run_at",
    "last_success_at",
    "stored_count",
    "duplicate_count",
    "refused_count",
    "last_error",
    "back_off",
    "next_run_at",
    "etag",
    "last_modified",
]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "provider", "enabled", "last_run_at", "last_success_at"]
    list_display += ["error_in_short", "back_off"]
    list_filter = ["kind", "enabled", "provider"]
    search_fields = ["name", "address"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "provider", "address", "interval", "enabled", "push_tokens"]}),
        ("How its runs went", {"fields": tuple(RUN_FIELDS)}),
    ]
    readonly_fields = ["push_tokens", *RUN_FIELDS]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return may_manage_feeds(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return may_manage_feeds(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return may_manage_feeds(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return may_manage_feeds(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return may_manage_feeds(request.user) and super().has_delete_permission(request, obj)

    def get_urls(self):
        tokens = path("<int:feed_id>/tokens/", self.admin_site.admin_view(self.tokens_view), name="stories_feed_tokens")
        revoke = path(
            "<int:feed_id>/tokens/<int:token_id>/revoke/",
            self.admin_site.admin_view(require_POST(self.revoke_view)),
            name="stories_feed_revoke_token",
        )
        return [tokens, revoke, *super().get_urls()]

    @admin.display(description="last error")
    def error_in_short(self, feed: Feed) -> str:
        return Truncator(feed.last_error).chars(80)

    @admin.display(description="back-off")
    def back_off(self, feed: Feed) -> str:
        """Whether the runner is leaving a failing feed alone, and until when."""
        if not feed.failures:
            return "none: the last run went through" if feed.last_success_at else "none"
        until = timezone.localtime(feed.next_run_at) if feed.next_run_at else None
        wait = feed.wait_after_failures(feed.failures)
        when = f"; next try at {date_format(until, 'DATETIME_FORMAT')}" if until else ""
        return f"failed {feed.failures} time(s) in a row: waiting {_duration(wait.total_seconds())} between tries{when}"

    @admin.display(description="Push tokens")
    def push_tokens(self, feed: Feed) -> str:
        if feed.pk is None or feed.kind != FeedKind.PUSH:
            return "Only a pushed feed has tokens; save it as one first." if feed.pk is None else "Not a pushed feed."
        live = feed.tokens.filter(revoked_at__isnull=True).count()
        url = reverse("admin:stories_feed_tokens", args=[feed.pk])
        return format_html('{} live — <a href="{}">issue or revoke tokens</a>', live, url)

    def tokens_view(self, request: AuthenticatedHttpRequest, feed_id: int) -> HttpResponse:
        """The feed's tokens; a POST issues a new one and shows it, this once, in full."""
        require_feed_manager(request.user)
        feed = get_object_or_404(Feed, pk=feed_id, kind=FeedKind.PUSH)
        issued = None
        if request.method == "POST":
            issued = issue_token(feed=feed, by=request.user)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Push tokens of {feed}",
            "feed": feed,
            "tokens": feed.tokens.select_related("created_by"),
            "issued": issued,
            "endpoint": request.build_absolute_uri(reverse("stories:push")),
            "opts": self.model._meta,
        }
        response = TemplateResponse(request, "admin/stories/feed/tokens.html", context)
        response["Cache-Control"] = "no-store"  # the page may hold a token in full
        return response

    def revoke_view(self, request: AuthenticatedHttpRequest, feed_id: int, token_id: int) -> HttpResponse:
        require_feed_manager(request.user)
        token = get_object_or_404(FeedToken.objects.select_related("feed"), pk=token_id, feed_id=feed_id)
        if revoke_token(token=token, by=request.user):
            messages.success(request, f"Token {token.prefix}… is revoked: pushes with it are refused from now on.")
        else:
            messages.info(request, f"Token {token.prefix}… was revoked already.")
        return redirect("admin:stories_feed_tokens", feed_id)


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    if seconds >= 60:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"
