"""Reload the curated indicator library from twinning/indicators/data/library.yml (upsert by code)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from twinning.indicators.library import LIBRARY_FILE, LibraryError, load_library, read_library
from twinning.indicators.models import LibraryIndicator
from twinning.sdg.links import SdgSelection, set_links


class Command(BaseCommand):
    help = "Load or reload the curated library of local SDG indicators."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(LIBRARY_FILE), help="the library file (YAML)")

    def handle(self, *args, **options):
        try:
            entries = read_library(Path(options["file"]))
        except (LibraryError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        with transaction.atomic():
            count = load_library(
                entries,
                LibraryIndicator,
                lambda obj, entry: set_links(obj, SdgSelection(targets=frozenset(entry.targets))),
            )
        self.stdout.write(self.style.SUCCESS(f"{count} library indicators loaded."))
