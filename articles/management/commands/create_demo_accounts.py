"""Local demo accounts, one per role, so `make run` opens on a working desk.

Refuses unless DEBUG is on: these accounts share a password printed to the
terminal and must never exist in production. Idempotent: a second run resets
the same three accounts to the same password and roles.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Two of each checking role, so the two-person rule can be tried: an editor's
# own proposal approved by the other editor, a claim reassigned between
# fact-checkers.
DEMO_ACCOUNTS = {
    "reporter": "Reporter",
    "factchecker": "Fact-checker",
    "factchecker2": "Fact-checker",
    "editor": "Editor",
    "editor2": "Editor",
}
DEMO_PASSWORD = "correct-horse-battery"
# Marks the demo accounts (see articles.security.is_demo_account): they can
# sign in only with debug on. ".invalid" is reserved: no one has mail there.
DEMO_EMAIL_DOMAIN = "demo.invalid"


class Command(BaseCommand):
    help = (
        "Create the local demo accounts (a reporter, two fact-checkers, two editors; staff, "
        "one role each) and print their password. Only with DJANGO_DEBUG on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", default=DEMO_PASSWORD, help="password for every demo account"
        )
        parser.add_argument(
            "--if-debug",
            action="store_true",
            help="with DJANGO_DEBUG off, say so and do nothing instead of failing (make run)",
        )

    def handle(self, *args, password, if_debug, **options):
        if not settings.DEBUG and if_debug:
            self.stdout.write("Demo accounts not created: DJANGO_DEBUG is off.")
            return
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create demo accounts with DJANGO_DEBUG off: they share a "
                "known password and are for local development only."
            )
        if not password:
            raise CommandError("The password cannot be empty.")
        _password_check(password)
        groups = {g.name: g for g in Group.objects.filter(name__in=DEMO_ACCOUNTS.values())}
        missing = sorted(set(DEMO_ACCOUNTS.values()) - set(groups))
        if missing:
            raise CommandError(
                f"Role groups missing ({', '.join(missing)}): run `manage.py migrate` first."
            )
        User = get_user_model()
        with transaction.atomic():
            for username, role in DEMO_ACCOUNTS.items():
                user, created = User.objects.get_or_create(
                    username=username, defaults={"email": f"{username}@{DEMO_EMAIL_DOMAIN}"}
                )
                user.email = f"{username}@{DEMO_EMAIL_DOMAIN}"
                user.is_staff, user.is_active, user.is_superuser = True, True, False
                user.set_password(password)
                user.save()
                user.groups.set([groups[role]])
                if options["verbosity"] >= 1:
                    verb = "created" if created else "reset"
                    self.stdout.write(f"  {username:<12} {role:<13} ({verb})")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo accounts ready ({', '.join(DEMO_ACCOUNTS)}); "
                f"the password for all of them is: {password}"
            )
        )


def _password_check(password: str) -> None:
    """The project's password rules (AUTH_PASSWORD_VALIDATORS) hold for the
    demo password too: "1234" or "password" would be guessed at once."""
    try:
        validate_password(password)
    except ValidationError as exc:
        raise CommandError("The password is refused: " + " ".join(exc.messages)) from None
