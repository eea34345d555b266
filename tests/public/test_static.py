"""Every asset a template names is shipped with khaosan (production's manifest storage refuses missing ones)."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

SRC = Path(__file__).resolve().parents[2] / "src" / "khaosan"
STATIC_TAG = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]""")


def test_every_static_reference_exists():
    referenced = {name for path in SRC.rglob("*.html") for name in STATIC_TAG.findall(path.read_text())}
    assert referenced, "no {% static %} tags found"
    missing = sorted(name for name in referenced if finders.find(name) is None)
    assert not missing, missing


def test_no_asset_is_loaded_from_outside():
    """Links people click may go anywhere; scripts, styles, images and frames must come from this site."""
    outside = re.compile(
        r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href|srcset)=["'](?:https?:)?//"""
    )
    offenders = [str(p.relative_to(SRC)) for p in SRC.rglob("*.html") if outside.search(p.read_text())]
    assert not offenders, offenders
