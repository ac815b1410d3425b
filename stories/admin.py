import io
from datetime import timedelta
from typing import cast

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from stories import admin_feeds  # noqa: F401  (registers the feeds' admin pages)
from stories.access import may_review, require_ingester
from stories.forms import UploadCopyForm
from stories.http import AuthenticatedHttpRequest
from stories.ingest.names import download_name, shown_name
from stories.models import (
    Article,
    ArticleVersion,
    AuditEvent,
    Provider,
    Source,
    SourceVersion,
    Story,
    UploadBatch,
)
from stories.services.batches import UploadInterrupted, resume_batch, take_in_upload
from stories.services.ingest import IngestReport, IngestResult

# A queued batch no worker has started after this long gets a hint on its page.
_WORKER_HINT_AFTER = timedelta(seconds=15)
_OUTCOME_LEVELS = {"stored": messages.SUCCESS, "duplicate": messages.WARNING, "refused": messages.ERROR}


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that are written by the application's services, never edited by hand."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]


class ReadOnlyInline(admin.TabularInline):
    """Rows that ingest writes: listed with a link, never added or removed here."""

    extra = 0
    can_delete = False
    show_change_link = True

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return list(cast(list[str], self.fields))  # each inline sets `fields`: a flat list of names

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class SourceInline(ReadOnlyInline):
    model = Source
    fields = ["provider", "item_id", "headline", "created_at"]


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["headline", "last_received_at", "created_at"]
    search_fields = ["headline"]
    # Merging goes through the story page, which audits it; the analysis is derived data.
    readonly_fields = ["created_at", "last_received_at", "created_by", "merged_into", "analysis"]
    inlines = [SourceInline]

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="stories_story_upload")
        batch = path(
            "upload/batch/<int:batch_id>/",
            self.admin_site.admin_view(self.batch_view),
            name="stories_story_upload_batch",
        )
        return [upload, batch, *super().get_urls()]

    def upload_view(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        """Upload one or many files, or pasted copy, into a chosen story or a new one."""
        require_ingester(request.user)
        form = UploadCopyForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                outcome = take_in_upload(
                    files=form.incoming_copies(),
                    user=request.user,
                    story=form.cleaned_data["story"],
                    provider=form.cleaned_data["provider"],
                    group=form.group_by_similarity(),
                )
            except UploadInterrupted as interrupted:
                messages.error(request, interrupted.message)
                _report_outcomes(request, interrupted.taken_in)
                return self._upload_page(request, form, status=503)
            if isinstance(outcome, UploadBatch):
                return redirect(outcome)
            return self._after_upload(request, outcome)
        return self._upload_page(request, form)

    def _upload_page(self, request: HttpRequest, form: UploadCopyForm, status: int = 200) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": "Upload wire copy",
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/stories/story/upload.html", context, status=status)

    def batch_view(self, request: AuthenticatedHttpRequest, batch_id: int) -> HttpResponse:
        """A queued upload's progress; htmx polls its progress partial until it is finished."""
        require_ingester(request.user)
        batch = get_object_or_404(UploadBatch.objects.select_related("story", "feed"), pk=batch_id)
        if request.method == "POST" and "resume" in request.POST:
            if resume_batch(batch):
                messages.success(request, f"Upload batch {batch.pk} is queued again, from its first file not taken in.")
            return redirect(batch.get_absolute_url())
        context = {
            **self.admin_site.each_context(request),
            "title": f"Upload batch {batch.pk}",
            "batch": batch,
            "waiting_for_worker": _waiting_for_worker(batch),
            "opts": self.model._meta,
        }
        template = "admin/stories/story/upload_batch.html"
        if request.htmx:
            template += "#progress"
        return TemplateResponse(request, template, context)

    def _after_upload(self, request: HttpRequest, report: IngestReport) -> HttpResponse:
        """Each file's outcome, on the page where the desk reads the copy: the story's
        compare page, or the inbox when the files went into several stories."""
        _report_outcomes(request, report.results)
        stories = {result.version.source.story_id for result in report.results if result.version is not None}
        if not stories:
            return redirect("admin:stories_story_upload")
        if not may_review(request.user):
            return (
                redirect("admin:stories_story_change", stories.pop())
                if len(stories) == 1
                else redirect("admin:stories_story_changelist")
            )
        return redirect("stories:compare", stories.pop()) if len(stories) == 1 else redirect("stories:inbox")


class ShowsFileName:
    @admin.display(description="original name")
    def file_name(self, version: SourceVersion) -> str:
        """The name the file came with, its invisible characters written out (the record
        keeps it as it came)."""
        return shown_name(version.original_name)


class SourceVersionInline(ShowsFileName, ReadOnlyInline):
    model = SourceVersion
    fields = ["number", "file_name", "size", "encoding", "copy_format", "received_at", "received_by"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    """Read-only here: moving a source between stories is a grouping change, which the
    application records in the audit trail; the admin would not."""

    list_display = ["item_id", "provider", "story", "created_at"]
    list_filter = ["provider"]
    search_fields = ["item_id", "headline", "story__headline"]
    readonly_fields = ["story", "provider", "item_id", "headline", "created_at"]
    inlines = [SourceVersionInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(SourceVersion)
class SourceVersionAdmin(ShowsFileName, ReadOnlyAdmin):
    list_display = ["__str__", "file_name", "size", "encoding", "copy_format", "received_at"]
    list_filter = ["copy_format", "encoding"]
    search_fields = ["original_name", "sha256", "source__item_id"]
    exclude = ["original"]
    readonly_fields = [
        "source",
        "number",
        "file_name",
        "original_download",
        "sha256",
        "size",
        "encoding",
        "copy_format",
        "text",
        "received_at",
        "received_by",
    ]

    def get_urls(self):
        original = path(
            "<int:version_id>/original/",
            self.admin_site.admin_view(self.original_view),
            name="stories_sourceversion_original",
        )
        return [original, *super().get_urls()]

    @admin.display(description="Original bytes")
    def original_download(self, version: SourceVersion) -> str:
        url = reverse("admin:stories_sourceversion_original", args=[version.pk])
        return format_html('<a href="{}">Download the file as received</a>', url)

    def original_view(self, request: HttpRequest, version_id: int) -> FileResponse:
        """The bytes exactly as received, as a download: never rendered as a page."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        version = get_object_or_404(SourceVersion, pk=version_id)
        return FileResponse(
            io.BytesIO(bytes(version.original)),
            as_attachment=True,
            filename=download_name(version.original_name),
            content_type="application/octet-stream",
        )


@admin.register(UploadBatch)
class UploadBatchAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "created_by", "feed", "created_at", "status", "progress_page"]
    list_filter = ["status"]
    exclude = ["results"]

    @admin.display(description="Progress")
    def progress_page(self, batch: UploadBatch) -> str:
        return format_html('<a href="{}">{}</a>', batch.get_absolute_url(), batch.tally or "open")


@admin.register(Article)
class ArticleAdmin(ReadOnlyAdmin):
    """Articles change only through the compose page and the workflow, which audit each step."""

    list_display = ["story", "status", "updated_at"]
    list_filter = ["status"]


@admin.register(ArticleVersion)
class ArticleVersionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "created_by", "created_at", "reason"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor_name", "action", "summary"]
    list_filter = ["action"]
    search_fields = ["summary", "subject", "actor_name"]


def _report_outcomes(request: HttpRequest, results: list[IngestResult]) -> None:
    for result in results:
        messages.add_message(request, _OUTCOME_LEVELS[result.outcome], result.message)


def _waiting_for_worker(batch: UploadBatch) -> bool:
    return batch.started_at is None and timezone.now() - batch.created_at > _WORKER_HINT_AFTER
