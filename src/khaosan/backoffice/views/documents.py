"""The request form of one request (PDF, Word) and a fiscal year's forms in one file for the auditor."""

from django.http import HttpResponse
from django.shortcuts import render

from khaosan.backoffice.decorators import role_required, staff_required
from khaosan.catalog.storage import content_disposition
from khaosan.org.roles import Role
from khaosan.params import positive_int
from khaosan.workflow import selectors

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@staff_required
def request_form_document(request, pk, fmt):
    from khaosan.workflow import documents

    pub_request = selectors.request_get_for(user=request.user, request_id=pk)
    if fmt == "pdf":
        content, mime = documents.request_form_pdf(pub_request), "application/pdf"
    else:
        content, mime = documents.request_form_docx(pub_request), DOCX
    response = HttpResponse(content, content_type=mime)
    name = f"แบบฟอร์มขอเผยแพร่-{pub_request.number}.{fmt}"
    response["Content-Disposition"] = content_disposition("inline" if fmt == "pdf" else "attachment", name)
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(Role.WEBMASTER, Role.COMMITTEE, Role.ADMINISTRATOR, Role.REVIEWER, Role.APPROVER)
def forms_bundle(request):
    from khaosan.thai.dates import current_fiscal_year
    from khaosan.workflow import documents

    year = positive_int(request.GET.get("fy"))
    fmt = request.GET.get("format", "")
    if year is not None and fmt in {"pdf", "zip"}:
        office = request.user.office
        if fmt == "pdf":
            content, mime = documents.forms_bundle_pdf(office, year), "application/pdf"
        else:
            content, mime = documents.forms_bundle_zip(office, year), "application/zip"
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = content_disposition("attachment", f"แบบฟอร์มขอเผยแพร่-ปีงบประมาณ{year}.{fmt}")
        return response
    current = current_fiscal_year()
    return render(request, "backoffice/forms_bundle.html", {"years": range(current, current - 5, -1)})
