"""Enqueue the reminders that yearly indicator values are due (run daily, e.g. from cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from twinning.indicators.tasks import send_measurement_reminders


class Command(BaseCommand):
    help = "E-mail staff and coordinators when a yearly value of a selected indicator is due and missing."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="pretend today is this date (YYYY-MM-DD)")

    def handle(self, *args, **options):
        result = send_measurement_reminders.enqueue(options.get("today"))
        if result.status == TaskResultStatus.FAILED:
            raise CommandError(f"Sending the reminders failed: {result.errors}")
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"{result.return_value} reminder(s) sent.")
        else:
            self.stdout.write(f"Reminders enqueued ({result.id}).")
