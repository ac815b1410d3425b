"""Public output: published articles only, no login."""

from django.urls import path

from stories.public import views as public

app_name = "public"

urlpatterns = [
    path("", public.index, name="index"),
    path("feed/", public.feed, name="feed"),
    path("<int:article_id>/", public.article, name="article"),
    path("<int:article_id>.json", public.article_json, name="article_json"),
]
