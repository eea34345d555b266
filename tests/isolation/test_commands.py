"""Management commands run with --office touch and report only that office."""

import io
import json

import pytest
from django.core.management import call_command

from khaosan.catalog.models import Item
from tests.isolation.helpers import changes, office_rows

pytestmark = pytest.mark.django_db


def test_the_performance_report_of_one_office_holds_nothing_of_the_other(world, tmp_path):
    from docx import Document

    target = tmp_path / "report.docx"
    call_command("report", "performance", "--fiscal-year", "2569", "--quarter", "2", "--format", "docx",
                 "--output", str(target), "--office", "other", stdout=io.StringIO())  # fmt: skip
    document = Document(str(target))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    )
    assert world.b.token in text and world.a.token not in text


def test_the_performance_report_as_a_workbook_holds_nothing_of_the_other(world, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "report.xlsx"
    call_command("report", "performance", "--fiscal-year", "2569", "--quarter", "2", "--format", "xlsx",
                 "--output", str(target), "--office", "other", stdout=io.StringIO())  # fmt: skip
    cells = [str(c.value) for sheet in load_workbook(target) for row in sheet.iter_rows() for c in row if c.value]
    assert any(world.b.token in c for c in cells) and not any(world.a.token in c for c in cells)


def test_the_compliance_status_of_one_office_names_only_its_items(world):
    out = io.StringIO()
    with pytest.raises(Exception):  # noqa: B017, PT011  (exit 1: required topics are missing, as expected here)
        call_command("compliance", "status", "--office", "other", "--json", stdout=out)
    payload = json.loads(out.getvalue())
    named = {t["latest_item"] for t in payload["topics"] if t["latest_item"]}
    assert named and named <= set(Item.objects.filter(office=world.b.office).values_list("pk", flat=True))


def test_the_link_check_of_one_office_leaves_the_other_as_it_was(world):
    before = office_rows(world.a.office)
    call_command("compliance_links", "--office", "other", "--no-ocr", stdout=io.StringIO())
    assert not changes(before, office_rows(world.a.office))
