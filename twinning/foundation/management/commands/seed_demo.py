from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from twinning.foundation import demo


class Command(BaseCommand):
    help = (
        "Create or refresh the demo partnerships, people and content (idempotent). "
        "--scale N adds N-1 times as many synthetic partnerships for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=1)
        parser.add_argument("--print-logins", action="store_true", help="Only print the demo logins.")

    def handle(self, *args, scale: int, print_logins: bool, **options):
        if print_logins:
            self.print_logins()
            return
        if scale < 1:
            raise CommandError("--scale must be 1 or more")
        counts = demo.seed(scale)
        # Feature apps extend the demo: each may offer demo.seed(scale) in its own module.
        for config in apps.get_app_configs():
            if config.name.startswith("twinning.") and config.name != "twinning.foundation":
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError:
                    continue
                module.seed(scale)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {counts['partnerships']} partnerships, {counts['municipalities']} municipalities."
            )
        )

    def print_logins(self):
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {settings.DEMO_PASSWORD})")
        for email, label in demo.logins():
            self.stdout.write(f"  {email:40} {label}")
        self.stdout.write("Open http://127.0.0.1:8000/ (English), /nl/, /fr/ or /es/.")
        self.stdout.write("")
