"""The desk's roles as groups with their permissions.

The permission lists are written out here, not imported, so that this migration keeps
meaning what it meant when it ran.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW = [
    "stories.view_provider",
    "stories.view_story",
    "stories.view_source",
    "stories.view_sourceversion",
    "stories.view_article",
    "stories.view_articleversion",
]
ROLE_PERMISSIONS = {
    "Editor": VIEW
    + [
        "stories.review_story",
        "stories.compose_article",
        "stories.submit_article",
        "stories.approve_article",
        "stories.publish_article",
    ],
    "Copy editor": VIEW + ["stories.review_story", "stories.compose_article", "stories.submit_article"],
}


def create_roles(apps, schema_editor):
    for label in ("contenttypes", "auth", "admin", "sessions", "stories"):
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin, _ = Group.objects.get_or_create(name="Admin")
    admin.permissions.set(Permission.objects.all())
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        codenames = [name.split(".", 1)[1] for name in names]
        permissions = Permission.objects.filter(content_type__app_label="stories", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {role}"
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Admin", "Editor", "Copy editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("sessions", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
