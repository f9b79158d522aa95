"""Data migration: the SDG quiz bank from twinning/games/data/quiz.yaml (needs the 17 goals)."""

from django.db import migrations


def load(apps, schema_editor):
    from twinning.games.quiz import load_bank

    Goal = apps.get_model("sdg", "Goal")
    if Goal.objects.count() < 17:
        return  # no SDG reference data (an empty test database): `manage.py load_quiz` later
    load_bank(apps.get_model("games", "QuizQuestion"), Goal)


def unload(apps, schema_editor):
    apps.get_model("games", "QuizQuestion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("games", "0001_initial"), ("sdg", "0002_load_reference_data")]
    operations = [migrations.RunPython(load, unload)]
