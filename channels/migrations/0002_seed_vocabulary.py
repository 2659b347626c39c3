"""Seed the abbreviations, document issuers and broadcast languages (docs/channels.md)."""

from django.db import migrations

from channels.seeds import seed_abbreviations, seed_languages


def seed(apps, schema_editor):
    seed_abbreviations(apps.get_model("channels", "Abbreviation"))
    seed_languages(apps.get_model("channels", "BroadcastLanguage"))


class Migration(migrations.Migration):
    dependencies = [("channels", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
