"""SearchDocument: drop `body_exact`, the body's exact keys, which nothing reads (the ranker asks a
body only for fold-key phrases, search.ranking). On SQLite the column is dropped in place
(ALTER TABLE … DROP COLUMN), so the title index's triggers on the table stay (checked in
tests/search/test_documents.py)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sqlite_title_index")]

    operations = [migrations.RemoveField(model_name="searchdocument", name="body_exact")]
