"""Data migration: the 17 goals, 169 targets and the global indicators in en, nl, fr and es."""

from django.db import migrations


def load(apps, schema_editor):
    from twinning.sdg.loading import load_texts, read_texts

    load_texts(
        read_texts(), apps.get_model("sdg", "Goal"), apps.get_model("sdg", "Target"), apps.get_model("sdg", "Indicator")
    )


def unload(apps, schema_editor):
    apps.get_model("sdg", "Indicator").objects.all().delete()
    apps.get_model("sdg", "Target").objects.filter(local_targets__isnull=True).delete()
    apps.get_model("sdg", "Goal").objects.filter(targets__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("sdg", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
