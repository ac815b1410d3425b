from django.urls import path

from stories import views
from stories.decorators import follow_merged_story

app_name = "stories"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("stories/<int:story_id>/", follow_merged_story(views.story_detail), name="story"),
    path("stories/<int:story_id>/sources/<int:source_id>/move/", views.move, name="move_source"),
    path("stories/<int:story_id>/merge/", views.merge, name="merge_story"),
    path(
        "stories/<int:story_id>/sources/<int:source_id>/versions/compare/",
        follow_merged_story(views.source_versions_diff),
        name="source_versions_diff",
    ),
    path("stories/<int:story_id>/compare/", follow_merged_story(views.compare), name="compare"),
    path("stories/<int:story_id>/compose/", follow_merged_story(views.compose), name="compose"),
    path("stories/<int:story_id>/compose/edit/", follow_merged_story(views.edit_draft), name="edit_draft"),
    path(
        "stories/<int:story_id>/compose/paragraphs/<slug:pid>/<slug:action>/",
        follow_merged_story(views.paragraph_action),
        name="paragraph_action",
    ),
    path(
        "stories/<int:story_id>/compose/draft/<slug:action>/",
        follow_merged_story(views.draft_action),
        name="draft_action",
    ),
    path(
        "stories/<int:story_id>/compose/refiled/take-all/",
        follow_merged_story(views.take_all_refiled),
        name="take_all_refiled",
    ),
    path(
        "stories/<int:story_id>/compose/conflicts/<slug:key>/settle/",
        follow_merged_story(views.settle),
        name="settle_conflict",
    ),
    path("stories/<int:story_id>/compose/presence/", follow_merged_story(views.presence), name="presence"),
    path("stories/<int:story_id>/compose/restart/", follow_merged_story(views.restart), name="restart_draft"),
    path("stories/<int:story_id>/compose/save/", follow_merged_story(views.save), name="save_draft"),
    path("stories/<int:story_id>/article/<str:step>/", follow_merged_story(views.workflow_step), name="workflow_step"),
    path("stories/<int:story_id>/versions/", follow_merged_story(views.versions), name="versions"),
    path("stories/<int:story_id>/versions/compare/", follow_merged_story(views.version_diff), name="version_diff"),
    path(
        "stories/<int:story_id>/versions/<int:number>/restore/",
        follow_merged_story(views.restore),
        name="restore_version",
    ),
]
