"""The search index gets word columns (whole words and words inside compounds) beside the trigram text.

catalog.search ranks whole-word matches above letters that cross a word boundary; see its docstring. The
table is made anew and filled by `manage.py search_index` (run here, so an upgraded site is searchable).
"""

from django.db import migrations

COLUMNS = "title, text, files, title_words, text_words, files_words, parts"


def recreate_fts(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS catalog_item_fts")
    schema_editor.execute(f"CREATE VIRTUAL TABLE catalog_item_fts USING fts5({COLUMNS}, tokenize='trigram')")
    Item = apps.get_model("catalog", "Item")
    if Item.objects.exists():
        from khaosan.catalog.search import rebuild_index

        rebuild_index()


def back_to_three_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS catalog_item_fts")
    schema_editor.execute("CREATE VIRTUAL TABLE catalog_item_fts USING fts5(title, text, files, tokenize='trigram')")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_blobtext"), ("catalog", "0008_moit_checklistitem_parts_and_due"), ("compliance", "0002_checks_links_text_layers_ocr"), ("org", "0004_office_executive_phone")]

    operations = [migrations.RunPython(recreate_fts, back_to_three_columns)]
