from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from stories.demo.feed import demo_feed

from .health import healthz

handler400 = "newsroom.errors.bad_request"

# Logging in and out, and changing one's password; resetting a forgotten one only where
# the desk can send mail (EMAIL_HOST set), else an admin sets a new password.
accounts: list[URLPattern | URLResolver] = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]
if settings.EMAIL_HOST != "localhost":
    accounts = [path("", include("django.contrib.auth.urls"))]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("demo/feed.atom", demo_feed, name="demo_feed"),
    path("accounts/", include(accounts)),
    path("admin/", admin.site.urls),
    path("news/", include("stories.public.urls")),
    path("", include("stories.urls")),
]
