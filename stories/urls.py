from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("stories/<int:story_id>/", views.story_detail, name="story"),
    path("stories/<int:story_id>/compare/", views.compare, name="compare"),
    path("stories/<int:story_id>/compose/", views.compose, name="compose"),
    path("stories/<int:story_id>/compose/headline/", views.edit_headline, name="edit_headline"),
    path(
        "stories/<int:story_id>/compose/paragraphs/<int:index>/<str:action>/",
        views.edit_paragraph,
        name="edit_paragraph",
    ),
    path("stories/<int:story_id>/compose/restart/", views.restart, name="restart_draft"),
    path("stories/<int:story_id>/compose/save/", views.save, name="save_draft"),
    path("stories/<int:story_id>/article/<str:step>/", views.workflow_step, name="workflow_step"),
    path("stories/<int:story_id>/versions/", views.versions, name="versions"),
    path("stories/<int:story_id>/versions/compare/", views.version_diff, name="version_diff"),
    path("stories/<int:story_id>/versions/<int:number>/restore/", views.restore, name="restore_version"),
]
