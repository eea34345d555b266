"""What views read from query strings: numbers (decimal digits only, Thai digits too, never too big), no NUL.

`"²".isdigit()` is true but `int("²")` fails, and `?page=99999999999999999999` overflows SQLite's 64-bit
integers: every number a page takes from its address is read through here, so neither can answer 5xx.
"""

from django.http import QueryDict

# Larger than any page, year, or id this site will ever hold, and well inside every database's integers.
LARGEST = 2**31 - 1


def positive_int(raw, *, default=None, largest=LARGEST):
    """Return `raw` as an int in 1 … `largest`, or `default` when it is not such a number."""
    text = (raw or "").strip()
    if not text.isdecimal() or len(text) > len(str(largest)):
        return default
    number = int(text)
    return number if 1 <= number <= largest else default


class NoNulInQueryMiddleware:
    """Drop NUL characters from the query string's values before any view reads them.

    No text a person types contains NUL, and PostgreSQL refuses it in every text comparison: a `?q=%00`
    would make a list answer 500 on PostgreSQL while SQLite shrugs. One rule at the door, for every view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                for value in values:
                    cleaned.appendlist(key.replace("\x00", ""), value.replace("\x00", ""))
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
