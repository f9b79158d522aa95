"""Batches committed before imports had a status are done."""

from django.db import migrations


def forwards(apps, schema_editor):
    ImportBatch = apps.get_model("indicators", "ImportBatch")
    ImportBatch.objects.filter(committed_at__isnull=False).update(status="done")


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_import_batch_status")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
