"""Enqueue the members' digest e-mail (run daily, e.g. from cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from twinning.community.tasks import send_digests


class Command(BaseCommand):
    help = "E-mail every member who did not opt out what is new in their partnerships since their last digest."

    def handle(self, *args, **options):
        result = send_digests.enqueue()
        if result.status == TaskResultStatus.FAILED:
            raise CommandError(f"Sending the digests failed: {result.errors}")
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"{result.return_value} digest(s) sent.")
        else:
            self.stdout.write(f"Digests enqueued ({result.id}).")
