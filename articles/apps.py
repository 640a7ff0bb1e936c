from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import post_migrate, post_save, pre_save


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Verification desk"

    def ready(self):
        post_migrate.connect(_roles_sync, sender=self)
        from .security import tokens_revoke_on_credential_change

        pre_save.connect(tokens_revoke_on_credential_change, sender=get_user_model())

        from .services.notifications import notify_for_event

        post_save.connect(notify_for_event, sender="articles.ClaimEvent")


def _roles_sync(sender, apps=None, **kwargs):
    """Keep the role groups in step with ``articles.roles`` after every migrate
    and after a test flush (which empties the groups table)."""
    from django.apps import apps as global_apps

    from .roles import roles_sync

    roles_sync(apps or global_apps)  # flush sends no ``apps``: use the live registry
