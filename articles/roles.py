"""The desk's three roles as groups with model permissions.

Reporter reads everything and writes editor notes; Fact-checker also takes
claims and proposes verdicts; Editor also approves verdicts, publishes,
corrects and retracts articles, corrects extractions and merges actors.

``roles_sync`` is idempotent (groups are synced, not duplicated). Migration
0002 creates the roles, and every ``migrate`` (and every test-database flush)
syncs them again through ``post_migrate``, so the groups always match this file.
"""

from django.contrib.auth.management import create_permissions

_ARTICLE_MODELS = [
    "article",
    "correction",
    "actor",
    "actoralias",
    "actormention",
    "claim",
    "claimevent",
    "editornote",
    "importrun",
    "articlerevision",
    "verdictversion",
    "editorialevent",
]

REPORTER = [f"view_{model}" for model in _ARTICLE_MODELS] + [
    "add_editornote",
    "change_editornote",
]
FACT_CHECKER = REPORTER + ["take_claim"]
EDITOR = FACT_CHECKER + [
    "approve_claim",
    "change_claim",
    "publish_article",
    "change_article",
    "merge_actor",
    "change_actor",
    "add_actoralias",
    "change_actoralias",
    "delete_actoralias",
]

ROLES = {"Reporter": REPORTER, "Fact-checker": FACT_CHECKER, "Editor": EDITOR}


def roles_sync(apps, schema_editor=None):
    # Permissions are normally created after all migrations have run
    # (post_migrate); create them now so the groups can be given them.
    # Historical app configs have no models module, which create_permissions
    # takes to mean "no models": lend them one for the call.
    for app_config in apps.get_app_configs():
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = original

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # A migration early in history sees fewer models; post_migrate syncs the rest.
    present = {m._meta.model_name for m in apps.get_app_config("articles").get_models()}
    for name, all_codenames in ROLES.items():
        codenames = [c for c in all_codenames if _model_of(c) in present]
        permissions = list(
            Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )
        missing = set(codenames) - {p.codename for p in permissions}
        if missing:
            raise RuntimeError(f"Permissions missing for role {name}: {sorted(missing)}")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def _model_of(codename: str) -> str:
    """The model a permission is on: ``view_claim`` -> ``claim``; custom ones
    (``take_claim``, ``publish_article``, ``merge_actor``) name theirs last too."""
    return codename.rsplit("_", 1)[1]


def roles_remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
