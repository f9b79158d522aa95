"""Data migration: the curated library of local SDG indicators and their SDG links."""

from django.db import migrations


def load(apps, schema_editor):
    from twinning.indicators.library import load_library, read_library

    indicator_model = apps.get_model("indicators", "LibraryIndicator")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    link_model = apps.get_model("sdg", "SdgLink")
    targets = {t.code: t for t in apps.get_model("sdg", "Target").objects.all()}
    content_type, _created = content_type_model.objects.get_or_create(app_label="indicators", model="libraryindicator")

    def write_links(obj, entry):
        link_model.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        link_model.objects.bulk_create(
            link_model(content_type=content_type, object_id=obj.pk, goal_id=targets[code].goal_id, target=targets[code])
            for code in entry.targets
        )

    load_library(read_library(), indicator_model, write_links)


def unload(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    content_type = content_type_model.objects.filter(app_label="indicators", model="libraryindicator").first()
    indicators = apps.get_model("indicators", "LibraryIndicator").objects.filter(owner__isnull=True)
    if content_type is not None:
        apps.get_model("sdg", "SdgLink").objects.filter(
            content_type=content_type, object_id__in=indicators.values("pk")
        ).delete()
    indicators.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_initial"),
        ("sdg", "0002_load_reference_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(load, unload)]
