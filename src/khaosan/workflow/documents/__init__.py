"""The request form (MOIT1-F, BO-1) filled from the records, and the fiscal-year bundle an auditor asks for.

`request_form_pdf` / `request_form_docx` give the MOPH form "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน"
of one request: the fields of the form, every step of the chain (who, in which position, when, with what
result and why) and the three signature blocks (requester, approver, web master).

`forms_bundle_pdf` binds the forms of a fiscal year into one PDF behind a cover and an index, each signed
memo (บันทึกข้อความ) right after its form; `forms_bundle_zip` gives the same as separate files with an
index.csv. Both use one Chromium for the whole year.

The form is a Thai official document, so it is always set in Thai, whatever the reader's interface language.

The package keeps one concept per module: `form` reads what the form shows (FormData), `form_pdf` sets
it as a PDF, `form_docx` as a Word document, `bundle` binds a fiscal year's forms. The names other parts
use (compliance's evidence packs, the back-office's downloads) are re-exported here.
"""

from khaosan.workflow.documents.bundle import (
    BundleEntry,
    MemoPart,
    bundle_requests,
    csv_cell,
    drop_links,
    forms_bundle_pdf,
    forms_bundle_zip,
    forms_pdfs,
    memo_part,
    page_marks,
)
from khaosan.workflow.documents.form import (
    FORM_SUBTITLE,
    FORM_TITLE,
    NOT_PUBLISHED,
    SIGN_APPROVER,
    SIGN_PUBLISHER,
    SIGN_REQUESTER,
    TEMPLATES,
    FileLine,
    FormData,
    Signature,
    StepRow,
    date_range,
    delegation_text,
    file_slug,
    final_approval,
    form_data,
    public_url,
    role_label,
    topic_text,
)
from khaosan.workflow.documents.form_docx import request_form_docx
from khaosan.workflow.documents.form_pdf import (
    footer_html,
    form_css,
    form_html,
    form_note,
    renderer_scope,
    request_form_html,
    request_form_pdf,
)

__all__ = [
    "FORM_SUBTITLE", "FORM_TITLE", "NOT_PUBLISHED", "SIGN_APPROVER", "SIGN_PUBLISHER", "SIGN_REQUESTER", "TEMPLATES",
    "BundleEntry", "FileLine", "FormData", "MemoPart", "Signature", "StepRow",
    "bundle_requests", "csv_cell", "date_range", "delegation_text", "drop_links", "file_slug", "final_approval",
    "footer_html", "form_css", "form_data", "form_html", "form_note", "forms_bundle_pdf", "forms_bundle_zip",
    "forms_pdfs", "memo_part", "page_marks", "public_url", "renderer_scope", "request_form_docx",
    "request_form_html", "request_form_pdf", "role_label", "topic_text",
]  # fmt: skip
