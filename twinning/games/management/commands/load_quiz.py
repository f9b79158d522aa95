from django.core.management.base import BaseCommand

from twinning.games.models import QuizQuestion
from twinning.games.quiz import load_bank
from twinning.sdg.models import Goal


class Command(BaseCommand):
    help = "Load (or update) the SDG quiz bank from twinning/games/data/quiz.yaml."

    def handle(self, *args, **options):
        count = load_bank(QuizQuestion, Goal)
        self.stdout.write(f"{count} quiz questions loaded")
