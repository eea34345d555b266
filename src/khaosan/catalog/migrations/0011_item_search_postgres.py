"""On PostgreSQL, the search index is a plain table of the same seven columns, searched with pg_trgm.

SQLite keeps its FTS5 trigram table (0009). PostgreSQL gets `catalog_item_fts` with the same columns and a
trigram GIN index on each searched one, so catalog.search runs the same words, tiers and ranking on both:
`LIKE` over folded text there is what an FTS5 trigram phrase is here.
"""

from django.db import migrations

TEXT_COLUMNS = ("title", "text", "files", "title_words", "text_words", "files_words", "parts")


def create_table(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    columns = ", ".join(f"{name} text NOT NULL DEFAULT ''" for name in TEXT_COLUMNS)
    schema_editor.execute(f"CREATE TABLE IF NOT EXISTS catalog_item_fts (rowid bigint PRIMARY KEY, {columns})")
    for name in TEXT_COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS catalog_item_fts_{name}_trgm ON catalog_item_fts USING gin ({name} gin_trgm_ops)"
        )
    Item = apps.get_model("catalog", "Item")
    if Item.objects.exists():
        from khaosan.catalog.search import rebuild_index

        rebuild_index()


def drop_table(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS catalog_item_fts")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0010_thai_labels")]

    operations = [migrations.RunPython(create_table, drop_table)]
