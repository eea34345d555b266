"""Saying back which date a Thai date field understood, as the person types (the fields' script asks)."""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from khaosan.thai.forms import date_in_words, parse_thai_date, parse_thai_datetime


@require_GET
def understand(request):
    """{"understood": "1 ตุลาคม 2569"} or {"error": "…"}: the same parser the form uses on submit."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": ""}, status=403)
    value = request.GET.get("value", "")[:60]
    try:
        if request.GET.get("time"):
            parsed = parse_thai_datetime(value, default_time=None) if any(c in value for c in ":.") else None
            parsed = parsed or parse_thai_date(value)
        else:
            parsed = parse_thai_date(value)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)})
    response = JsonResponse({"understood": date_in_words(parsed)})
    response["Cache-Control"] = "private, max-age=3600"
    return response
