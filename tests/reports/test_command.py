"""./khaosan manage report performance --fiscal-year 2569 --format pdf|docx|xlsx --output FILE"""

import io

import docx
import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_the_command_writes_the_report_of_a_fiscal_year(fy2569, tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    out = io.StringIO()
    call_command("report", "performance", "--fiscal-year", "2569", "--format", fmt, "--output", str(target), stdout=out)
    assert "banluang: fiscal_year 2025-10-01–2026-09-30 (drawn now)" in out.getvalue()
    content = target.read_bytes()
    if fmt == "pdf":
        assert "ปีงบประมาณ 2569" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    elif fmt == "docx":
        assert any("ปีงบประมาณ 2569" in p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    else:
        summary = openpyxl.load_workbook(io.BytesIO(content))["สรุป"]
        assert [row for row in summary.iter_rows(values_only=True) if row[0] == "คำขอที่ยื่น"] == [("คำขอที่ยื่น", 8)]


def test_the_command_takes_a_quarter_or_a_half(fy2569, tmp_path):
    out = io.StringIO()
    call_command("report", "performance", "--fiscal-year", "2569", "--quarter", "2", "--format", "xlsx",
                 "--output", str(tmp_path / "q2.xlsx"), stdout=out)  # fmt: skip
    assert "quarter 2026-01-01–2026-03-31" in out.getvalue()
    call_command("report", "performance", "--fiscal-year", "2569", "--half", "2", "--format", "xlsx",
                 "--output", str(tmp_path / "h2.xlsx"), stdout=out)  # fmt: skip
    assert "half_year 2026-04-01–2026-09-30" in out.getvalue()


def test_the_command_asks_which_office_when_there_are_several(fy2569, other_office, tmp_path):
    target = str(tmp_path / "r.pdf")
    with pytest.raises(CommandError, match="--office"):
        call_command("report", "performance", "--fiscal-year", "2569", "--format", "pdf", "--output", target)
    with pytest.raises(CommandError, match="no office"):
        call_command("report", "performance", "--fiscal-year", "2569", "--format", "pdf", "--output", target,
                     "--office", "nowhere")  # fmt: skip
    out = io.StringIO()
    call_command("report", "performance", "--fiscal-year", "2569", "--format", "xlsx", "--output",
                 str(tmp_path / "other.xlsx"), "--office", "other", stdout=out)  # fmt: skip
    assert out.getvalue().startswith("other:")


def test_a_missing_folder_or_a_wrong_year_is_said_plainly(fy2569, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("report", "performance", "--fiscal-year", "2569", "--format", "xlsx",
                     "--output", str(tmp_path / "missing" / "r.xlsx"))  # fmt: skip
    with pytest.raises(CommandError, match="Buddhist-era"):
        call_command("report", "performance", "--fiscal-year", "2026", "--format", "xlsx",
                     "--output", str(tmp_path / "r.xlsx"))  # fmt: skip
