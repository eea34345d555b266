"""One Chromium for each test module, and a renderer that remembers what it was given (the source of the PDF)."""

import pytest

from khaosan.documents.pdf import pdf_renderer


class RecordingRenderer:
    """Renders like PdfRenderer and keeps every HTML document and footer it was given, the source to check against."""

    def __init__(self, renderer):
        self._renderer = renderer
        self.sources = []

    def render(self, html, **options):
        self.sources.append(html)
        if options.get("footer_template"):
            self.sources.append(options["footer_template"])
        return self._renderer.render(html, **options)


@pytest.fixture(scope="module")
def chromium():
    with pdf_renderer() as shared:
        yield shared


@pytest.fixture
def renderer(chromium):
    return RecordingRenderer(chromium)
