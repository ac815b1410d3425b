from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("stories/<int:story_id>/", views.story_detail, name="story"),
    path("stories/<int:story_id>/compare/", views.compare, name="compare"),
]
