"""Staff screens need the second factor: verified this session, or enrolled first when the role requires it."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from khaosan.backoffice import second_factor

# Pages a signed-in person can reach before the second factor: signing in and out, and setting it up.
OPEN_PATHS = (
    "/backoffice/login/", "/backoffice/logout/", "/backoffice/password/reset/", "/backoffice/2fa/verify/",
    "/backoffice/2fa/setup/",
)  # fmt: skip
GUARDED_PREFIXES = ("/backoffice/", "/admin/")


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        path = request.path
        if (
            user is not None
            and user.is_authenticated
            and path.startswith(GUARDED_PREFIXES)
            and not path.startswith(OPEN_PATHS)
            and not user.is_verified()
        ):
            target = request.get_full_path()
            if second_factor.has_second_factor(user):
                return redirect(f"{reverse('backoffice:2fa-verify')}?{urlencode({'next': target})}")
            if second_factor.required_for(user):
                return redirect(f"{reverse('backoffice:2fa-setup')}?{urlencode({'next': target})}")
        return self.get_response(request)
