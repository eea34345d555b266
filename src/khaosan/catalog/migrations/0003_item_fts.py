"""The Thai-aware search index (catalog.search): an FTS5 trigram table on SQLite; nothing elsewhere."""

from django.db import migrations


def create_fts(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS catalog_item_fts USING fts5(title, text, files, tokenize='trigram')"
    )


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS catalog_item_fts")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_initial")]

    operations = [migrations.RunPython(create_fts, drop_fts)]
