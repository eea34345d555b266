"""Sanitising rich text from staff: it is untrusted input that the public site shows as HTML."""

import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark", "small",
    "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "a", "hr",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Entities inside entities ("&amp;lt;script&amp;gt;") take one pass each to decode; nobody types more.
PLAIN_TEXT_PASSES = 4


def clean_html(raw):
    """Return `raw` with only harmless markup left: no scripts, styles, event handlers or odd URLs."""
    if not raw:
        return ""
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def html_to_text(html):
    """Return the visible text of sanitized HTML (for search and summaries)."""
    if not html:
        return ""
    from html import unescape

    text = nh3.clean(html.replace("<", " <"), tags=set())
    return " ".join(unescape(text).split())


def plain_text(value):
    """Return `value` as text with no markup left, even where a reader takes text for HTML (RSS does).

    Tags are stripped, and stripped again after entities are decoded, so a summary typed as
    "&lt;script&gt;" cannot turn into a tag one unescape later. Whoever writes the text out escapes it once.
    """
    text = value or ""
    for _ in range(PLAIN_TEXT_PASSES):
        stripped = html_to_text(text)
        if stripped == text:
            return text
        text = stripped
    return nh3.clean(text, tags=set())  # still decoding after that: what is left stays escaped, as text
