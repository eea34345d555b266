"""Showing a service's refusal to the person, the same way on every back-office screen.

Services raise Django's `ValidationError` for bad input and a `khaosan.errors.KhaosanError` for an
operation that is not allowed now (STYLE: errors handled in one place). A view runs its one service call
inside `attempt(...)`: bad input, and a refusal about one field, go on the form beside what was typed;
any other refusal becomes an error message at the top of the page the view redirects to. The text shown
is always the Thai sentence the service wrote, never an exception's repr.
"""

from contextlib import contextmanager

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from khaosan.errors import KhaosanError

# What a service raises for a person to read; anything else is a fault and reaches the error page and the log.
SERVICE_ERRORS = (KhaosanError, ValidationError)


def error_text(error):
    """The Thai sentences of a refusal or of bad input, as one line."""
    return " ".join(str(message) for message in error.messages)


def add_to_form(form, error):
    """Put a refusal on `form`: each field's errors beside the field, the rest at the top of the form."""
    if isinstance(error, KhaosanError):
        form.add_error(error.field if error.field in form.fields else None, error.messages)
    elif hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def belongs_on_form(error, form):
    """Bad input goes on the form; a refusal only when it is about one of the form's fields."""
    if form is None:
        return False
    return isinstance(error, ValidationError) or error.field in form.fields


class Refusal:
    """What `attempt()` yields: truthy once the call was refused; `on_form` when the form shows it."""

    error = None
    on_form = False

    def __bool__(self):
        return self.error is not None

    @property
    def message(self):
        return error_text(self.error) if self.error is not None else ""

    @property
    def bad_input(self):
        return isinstance(self.error, ValidationError)


@contextmanager
def attempt(request, *, form=None, message=True):
    """Run a service call inside `with attempt(request, form=form) as refused:`; show a refusal, never raise it.

    After the block, `refused` is falsy when the call went through. Otherwise the refusal is on `form`
    (`refused.on_form`: render the form again) or, with `message`, in the messages of the next page (redirect);
    with `message=False` the view shows `refused.message` itself (a refusal page, a JSON answer).
    """
    outcome = Refusal()
    try:
        yield outcome
    except SERVICE_ERRORS as error:
        outcome.error = error
        if belongs_on_form(error, form):
            add_to_form(form, error)
            outcome.on_form = True
        elif message:
            messages.error(request, error_text(error))


def run_service(request, call, *, success=""):
    """Run one service call for a button: a refusal becomes an error message. Return True when it ran."""
    with attempt(request) as refused:
        call()
    if not refused and success:
        messages.success(request, success)
    return not refused


def not_allowed(request, message, status=403, *, link=None):
    """Render a refusal page; `link` is (address, label) of the way forward, else back to my work."""
    return render(request, "backoffice/message.html", {"title": _("ทำรายการนี้ไม่ได้"), "message": message,
                                                       "link": link}, status=status)  # fmt: skip
