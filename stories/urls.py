from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("inbox/counts/", views.inbox_counts, name="inbox_counts"),
    path("api/ingest/", views.push, name="push"),
    path("api/ingest/batches/<int:batch_id>/", views.pushed_batch, name="pushed_batch"),
    path("stories/<int:story_id>/", views.story_detail, name="story"),
    path("stories/<int:story_id>/sources/<int:source_id>/move/", views.move, name="move_source"),
    path("stories/<int:story_id>/merge/", views.merge, name="merge_story"),
    path("merge-offers/<int:offer_id>/merge/", views.merge_offer, name="merge_offer"),
    path("merge-offers/<int:offer_id>/keep-apart/", views.keep_offer_apart, name="keep_offer_apart"),
    path(
        "stories/<int:story_id>/sources/<int:source_id>/versions/compare/",
        views.source_versions_diff,
        name="source_versions_diff",
    ),
    path("stories/<int:story_id>/compare/", views.compare, name="compare"),
    path("stories/<int:story_id>/compose/", views.compose, name="compose"),
    path("stories/<int:story_id>/compose/edit/", views.edit_draft, name="edit_draft"),
    path(
        "stories/<int:story_id>/compose/paragraphs/<slug:pid>/<slug:action>/",
        views.paragraph_action,
        name="paragraph_action",
    ),
    path(
        "stories/<int:story_id>/compose/draft/<slug:action>/",
        views.draft_action,
        name="draft_action",
    ),
    path(
        "stories/<int:story_id>/compose/refiled/take-all/",
        views.take_all_refiled,
        name="take_all_refiled",
    ),
    path(
        "stories/<int:story_id>/compose/conflicts/<slug:key>/settle/",
        views.settle,
        name="settle_conflict",
    ),
    path("stories/<int:story_id>/compose/presence/", views.presence, name="presence"),
    path("stories/<int:story_id>/compose/restart/", views.restart, name="restart_draft"),
    path("stories/<int:story_id>/compose/save/", views.save, name="save_draft"),
    path("stories/<int:story_id>/article/<str:step>/", views.workflow_step, name="workflow_step"),
    path("stories/<int:story_id>/versions/", views.versions, name="versions"),
    path("stories/<int:story_id>/versions/compare/", views.version_diff, name="version_diff"),
    path(
        "stories/<int:story_id>/versions/<int:number>/restore/",
        views.restore,
        name="restore_version",
    ),
]
