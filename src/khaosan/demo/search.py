"""Demo data for search and open data: every demo file's text read, so a word inside a PDF, DOCX or XLSX is found.

Files are read after each upload commits (catalog.filetext); this catches any the builder attached outside a
transaction, the way the nightly housekeeping job would, so the demo shows 'found in file …' at once.
"""

from khaosan.catalog import filetext


def read_file_texts():
    """Read every attached file not read yet and re-index its items; return how many were read."""
    return filetext.housekeeping_file_texts(seconds=600)["read"]
