from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from twinning.sdg.loading import DATA_DIR, LANGUAGES, SdgDataError, load_texts, read_texts
from twinning.sdg.models import Goal, Indicator, Target
from twinning.sdg.selectors import forget_cached_goals


class Command(BaseCommand):
    help = (
        "Reload SDG goal, target and indicator titles from a folder in the sdg-translations "
        "YAML layout (one sub-folder per language). Without a folder, reloads the project's own data."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(DATA_DIR))
        parser.add_argument("--language", action="append", choices=LANGUAGES, help="Only these languages.")

    def handle(self, *args, directory: str, language: list[str] | None, **options):
        path = Path(directory)
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder")
        try:
            texts = read_texts(path, tuple(language or LANGUAGES))
            with transaction.atomic():
                report = load_texts(texts, Goal, Target, Indicator)
            forget_cached_goals()
        except (SdgDataError, OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {report.goals} goals, {report.targets} targets, {report.indicators} indicators from {path}"
            )
        )
