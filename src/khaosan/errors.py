"""The application's errors: what a service raises when an operation is not allowed now.

Bad input is Django's `ValidationError` (forms need it, field by field). A rule that forbids the operation
(the person lacks the role, the object is another office's, the office requires the approval chain) is a
`KhaosanError`: one root, so that a view shows every refusal in one place (backoffice/errors.py) and a
command or an admin action catches them all with one `except`. Every service raises it before it writes.

The message is a Thai sentence for the person, saying what to do next; `field` names the form field the
refusal is about, if any; `code` is a stable English word for logs and tests.
"""


class KhaosanError(Exception):
    """Root of the application's errors. `message` is shown to a person; never show `repr(error)`."""

    code = "refused"

    def __init__(self, message="", *, field=None, code=None):
        super().__init__(message)
        self.message = message
        self.field = field
        if code is not None:
            self.code = code

    def __str__(self):
        return str(self.message)

    @property
    def messages(self):
        """The Thai sentences of the refusal, as `ValidationError.messages` has them."""
        return [str(self.message)] if self.message else []


class NotAllowed(KhaosanError):
    """The person may not do this now; the message says why, in Thai, for them to read."""

    code = "not_allowed"


class RoleRequired(NotAllowed):
    """The operation needs a role of the office that the person does not hold (web master, administrator …)."""

    code = "role_required"


class OtherOffice(NotAllowed):
    """The object belongs to another office than the person's: nobody acts across offices."""

    code = "other_office"
