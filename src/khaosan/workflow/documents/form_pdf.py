"""One request form as A4 PDF: the form's HTML printed by Chromium, with the page footer "หน้า x/y"."""

from contextlib import nullcontext

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from khaosan.documents.page import A4_OFFICIAL
from khaosan.documents.pdf import document_html, footer_font_face, pdf_renderer
from khaosan.workflow.documents.form import FORM_TITLE, GENERATED_NOTE, TEMPLATES, form_data


def footer_html(note):
    """The page footer Chromium prints on every page: `note` on the left, "หน้า x/y" on the right."""
    context = {"font_face": mark_safe(footer_font_face()), "note": note, "page": A4_OFFICIAL}
    return render_to_string(TEMPLATES + "footer.html", context)


def form_css():
    """The form's own style sheet (the page itself comes from documents.page)."""
    return render_to_string(TEMPLATES + "form.css")


def form_html(form, *, mark=""):
    return render_to_string(TEMPLATES + "request_form.html", {"form": form, "mark": mark})


def form_note(form):
    return f"คำขอเลขที่ {form.reference} · " + GENERATED_NOTE.format(when=form.generated)


def _form_document(form):
    """The whole HTML document of one form, and the note its page footer carries."""
    html = document_html(form_html(form), title=f"{FORM_TITLE} {form.reference}", extra_css=form_css())
    return html, form_note(form)


def request_form_html(pub_request, *, generated_at=None):
    """The whole HTML document of one form (what `request_form_pdf` prints)."""
    return _form_document(form_data(pub_request, generated_at=generated_at))[0]


def renderer_scope(renderer):
    """`renderer` when the caller holds one open (many documents), else a Chromium for this one call."""
    return nullcontext(renderer) if renderer is not None else pdf_renderer()


def request_form_pdf(pub_request, *, renderer=None, generated_at=None):
    """The filled request form of `pub_request` as A4 PDF bytes (one Chromium per call unless `renderer`)."""
    html, note = _form_document(form_data(pub_request, generated_at=generated_at))
    with renderer_scope(renderer) as active:
        return active.render(html, footer_template=footer_html(note))
