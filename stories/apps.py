from django.apps import AppConfig
from django.db.models.signals import post_migrate


def grant_admins_everything(sender, using="default", **kwargs) -> None:
    """The Admin role holds every permission, including those of models added since
    migration 0002 created it. Runs after every migrate, once permissions exist."""
    from django.contrib.auth.models import Group, Permission

    from stories import roles

    admin = Group.objects.using(using).filter(name=roles.ADMIN).first()
    if admin is not None:
        admin.permissions.set(Permission.objects.using(using).all())


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Newsroom stories"

    def ready(self) -> None:
        # Django's own handler, which creates the permissions, is connected before ours.
        post_migrate.connect(grant_admins_everything, dispatch_uid="stories.grant_admins_everything")
