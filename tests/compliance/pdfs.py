"""PDFs for the text-layer checks: hand-written ones with exact text and image areas, and a scan made with Pillow."""

import io
from pathlib import Path


def make_pdf(*pages):
    """A minimal PDF. Each page is (text, image): ASCII text in Helvetica (b"" for none), and the image's
    painted size in points as (width, height), or None for no image. Pages are A4 (595 x 842 points)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        (
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
            b" /Length 1 >>\nstream\n\x80\nendstream"
        ),
    ]
    kids = []
    for text, image in pages:
        content, resources = b"", b"/Font << /F1 3 0 R >>"
        if image:
            content += b"q %d 0 0 %d 40 60 cm /Im1 Do Q\n" % image
            resources += b" /XObject << /Im1 4 0 R >>"
        if text:
            content += b"BT /F1 11 Tf 40 760 Td (%s) Tj ET" % text
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << %s >> >>"
            % (len(objects), resources)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def sarabun():
    import fontpkg_sarabun

    return str(Path(fontpkg_sarabun.__file__).parent / "files" / "Sarabun-Regular.ttf")


def scanned_pdf(lines, *, pages=1):
    """A scan as a copier makes it: Thai text rendered to a grey picture (Sarabun, A4 at 150 dpi), one per page."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(sarabun(), 56)
    images = []
    for _ in range(pages):
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(lines):
            draw.text((100, 150 + number * 100), line, font=font, fill=0)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return out.getvalue()
