"""Error pages in Thai that say what to do next; never an exception's text."""

import logging

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger("khaosan.requests")


def _page(request, status, title, message):
    return render(request, "public/message.html", {"title": title, "message": message, "back_url": "/"}, status=status)


def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # The host is unknown, so is the office: a plain page, with nothing that asks the request for its host.
        logger.warning("refused a request for a host this site does not serve: %.100r", request.META.get("HTTP_HOST"))
        return HttpResponseBadRequest(loader.get_template("400-host.html").render({}))
    return _page(request, 400, _("คำขอไม่ถูกต้อง"), _("ข้อมูลที่ส่งมาไม่ถูกต้อง โปรดกลับไปหน้าก่อนแล้วลองอีกครั้ง"))


def forbidden(request, exception=None):
    return _page(request, 403, _("ไม่มีสิทธิ์เข้าถึง"), _("ท่านไม่มีสิทธิ์เปิดหน้านี้ หากคิดว่าเป็นความผิดพลาด โปรดติดต่อผู้ดูแลเว็บไซต์"))


def csrf_failure(request, reason=""):
    """A form came back without its CSRF token or cookie: usually a page left open a long time, or cookies off."""
    logger.info("refused a form without a valid CSRF token: %s %s", request.method, request.path)
    return _page(
        request,
        403,
        _("ส่งแบบฟอร์มไม่สำเร็จ"),
        _(
            "ระบบยืนยันแบบฟอร์มนี้ไม่ได้ อาจเพราะเปิดหน้าไว้นานเกินไปหรือเบราว์เซอร์ปิดการรับคุกกี้ "
            "โปรดเปิดแบบฟอร์มใหม่ กรอกข้อมูล แล้วส่งอีกครั้ง หากยังไม่สำเร็จ โปรดติดต่อสำนักงานทางโทรศัพท์"
        ),
    )


def not_found(request, exception=None):
    return _page(
        request, 404, _("ไม่พบหน้าที่ต้องการ"), _("ไม่พบหน้าหรือรายการนี้ อาจพิมพ์ที่อยู่ผิด หรือยังไม่ได้เผยแพร่ ลองค้นหาหรือกลับหน้าแรก")
    )


def server_error(request):
    # No context processors that touch the database: the error may be the database itself.
    from django.http import HttpResponseServerError
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
