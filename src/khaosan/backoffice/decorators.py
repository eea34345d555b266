"""Who may open a back-office screen at all: signed-in staff of an office, or the holders of a role.

These guard the screens only. The rule itself lives in the service a screen calls (DESIGN principle 9),
which checks the same role and the office of every object again, so that the admin, a command or any
other door obeys it too.
"""

from functools import wraps

from django.urls import reverse
from django.utils.translation import gettext as _

from khaosan.backoffice.errors import not_allowed
from khaosan.org.roles import Role, has_role, is_operator


def staff_required(view):
    """Signed in, active, and belonging to an office; everything else is scoped from there."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path(), reverse("backoffice:login"))
        if is_operator(request.user):
            return not_allowed(request, _("บัญชีนี้เป็นบัญชีผู้ดูแลแพลตฟอร์ม ไม่ได้สังกัดสำนักงานใด "
                                          "โปรดใช้หน้าผู้ดูแลแพลตฟอร์มแทนระบบหลังบ้าน"),
                               link=(reverse("admin:index"), _("ไปหน้าผู้ดูแลแพลตฟอร์ม")))  # fmt: skip
        if request.user.office_id is None:
            return not_allowed(request, _("บัญชีนี้ยังไม่ได้สังกัดสำนักงานใด โปรดติดต่อผู้ดูแลระบบ"))
        return view(request, *args, **kwargs)

    return wrapper


def role_required(*roles):
    """Staff of an office who hold one of `roles`; anyone else gets the refusal page naming the roles."""

    def decorator(view):
        @wraps(view)
        @staff_required
        def wrapper(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                return not_allowed(request, _("หน้านี้สำหรับ %(roles)s เท่านั้น") % {
                    "roles": ", ".join(str(Role(r).label) for r in roles)})  # fmt: skip
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
