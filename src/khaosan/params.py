"""Numbers read from query strings: decimal digits only (Thai digits too), and never too big to store.

`"²".isdigit()` is true but `int("²")` fails, and `?page=99999999999999999999` overflows SQLite's 64-bit
integers: every number a page takes from its address is read through here, so neither can answer 5xx.
"""

# Larger than any page, year, or id this site will ever hold, and well inside every database's integers.
LARGEST = 2**31 - 1


def positive_int(raw, *, default=None, largest=LARGEST):
    """Return `raw` as an int in 1 … `largest`, or `default` when it is not such a number."""
    text = (raw or "").strip()
    if not text.isdecimal() or len(text) > len(str(largest)):
        return default
    number = int(text)
    return number if 1 <= number <= largest else default
