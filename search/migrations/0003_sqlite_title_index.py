"""On SQLite, a full-text index of the folded titles alone, kept in step by triggers.

Wagtail's FTS5 table holds titles and bodies together; a phrase of common words searched in
its title column still walks those words' postings in every body (20 ms at 10,000 pages).
This external-content table indexes SearchDocument.title_fold only. PostgreSQL needs nothing
similar: its title vectors have their own GIN index.
"""

from django.db import migrations

TABLE = "search_title_fts"
CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title_fold, content='search_searchdocument', content_rowid='page_id')",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_insert AFTER INSERT ON search_searchdocument BEGIN "
    f"INSERT INTO {TABLE}(rowid, title_fold) VALUES (new.page_id, new.title_fold); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_delete AFTER DELETE ON search_searchdocument BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, title_fold) VALUES ('delete', old.page_id, old.title_fold); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_update AFTER UPDATE ON search_searchdocument BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, title_fold) VALUES ('delete', old.page_id, old.title_fold); "
    f"INSERT INTO {TABLE}(rowid, title_fold) VALUES (new.page_id, new.title_fold); END",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def create(apps, schema_editor) -> None:
    from modelsearch.backends.database.sqlite.utils import fts5_available

    connection = schema_editor.connection
    if connection.vendor != "sqlite" or not fts5_available():
        return  # without FTS5 Wagtail's database backend (and so our SQLite path) is not used
    with connection.cursor() as cursor:
        for statement in CREATE:
            cursor.execute(statement)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in DROP:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_default_synonyms")]

    operations = [migrations.RunPython(create, drop)]
