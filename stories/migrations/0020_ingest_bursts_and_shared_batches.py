"""Issue 14, ingest fast enough for a feed: a story's analysis queued once for each burst of
new copy (`Story.analysis_due_at`); a batch's outcomes kept beside its files, so that many
workers take in one batch at once (the batch's `results` list and its one run's `claim`
go); a batch a feed pushed (a zip archive) names its feed and has no user."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def results_to_files(apps, schema_editor):
    """Each outcome a batch recorded becomes its file's row again, at its place: the files
    taken in were deleted, those waiting keep their places (after the outcomes)."""
    UploadBatch = apps.get_model("stories", "UploadBatch")
    BatchFile = apps.get_model("stories", "BatchFile")
    for batch in UploadBatch.objects.exclude(results=[]).iterator():
        BatchFile.objects.bulk_create(
            BatchFile(
                batch=batch,
                position=position,
                name=result["name"][:500],
                outcome=result["outcome"],
                message=result["message"],
                story_id=result.get("story"),
            )
            for position, result in enumerate(batch.results)
        )


def files_to_results(apps, schema_editor):
    UploadBatch = apps.get_model("stories", "UploadBatch")
    BatchFile = apps.get_model("stories", "BatchFile")
    for batch in UploadBatch.objects.iterator():
        done = BatchFile.objects.filter(batch=batch).exclude(outcome="").order_by("position")
        batch.results = [
            {"name": f.name, "outcome": f.outcome, "message": f.message, "story": f.story_id} for f in done
        ]
        batch.save(update_fields=["results"])
        done.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0019_merge_offer"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="analysis_due_at",
            field=models.DateTimeField(
                blank=True,
                help_text="When new copy began waiting for the story's analysis: one task analyses each burst of it.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="batchfile",
            name="message",
            field=models.TextField(blank=True, help_text="The outcome as shown, once taken in."),
        ),
        migrations.AddField(
            model_name="batchfile",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[("", "Waiting"), ("stored", "Stored"), ("duplicate", "Duplicate"), ("refused", "Refused")],
                default="",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="batchfile",
            name="story",
            field=models.ForeignKey(
                blank=True,
                help_text="Where its copy went.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="stories.story",
            ),
        ),
        migrations.RunPython(results_to_files, files_to_results),
        migrations.RemoveField(model_name="uploadbatch", name="results"),
        migrations.RemoveField(model_name="uploadbatch", name="claim"),
        migrations.AddField(
            model_name="uploadbatch",
            name="feed",
            field=models.ForeignKey(
                blank=True,
                help_text="The feed that pushed it, when one did.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="batches",
                to="stories.feed",
            ),
        ),
        migrations.AlterField(
            model_name="uploadbatch",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                help_text="Who uploaded it; blank when a feed brought it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddIndex(
            model_name="batchfile",
            index=models.Index(
                condition=models.Q(("outcome", "")), fields=["batch", "position"], name="batch_file_waiting"
            ),
        ),
    ]
