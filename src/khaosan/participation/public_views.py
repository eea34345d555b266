"""Public pages of participation: the complaint, feedback and question forms, the status page, the FAQ, the survey.

Forms work without JavaScript on a phone, come back with what was typed and a Thai sentence per field
when something needs fixing, and are rate limited per client address (ratelimit.py). Pages that show a
tracking code or a case's status are never cached (`no-store`): a shared computer's back button must
not show them to the next person.

Cookies: these form pages are the only public pages that set one, Django's CSRF cookie (strictly
necessary, HttpOnly, SameSite=Lax, no consent needed under PDPA; the privacy policy says so). No
session is used: the tracking code is shown in the answer to the post itself, never carried over a
redirect. Every other public page still sets no cookie (tests/public/test_site_services.py).
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from khaosan.backoffice.errors import add_to_form
from khaosan.participation import ratelimit, selectors, services
from khaosan.participation.forms import ComplaintForm, FeedbackForm, QuestionForm, SatisfactionForm, StatusForm
from khaosan.participation.models import SatisfactionResponse, Stream, case_type
from khaosan.participation.ratelimit import CHALLENGE, LOOKUP, REFUSED, SUBMIT


def _context(request, **extra):
    deadlines = services.office_deadlines(request.office)
    return {"deadlines": deadlines, "retention_days": services.retention_days(), **extra}


def _no_store(response):
    patch_cache_control(response, no_store=True, private=True)
    return response


def _refused(request, limit):
    minutes = max(1, -(-ratelimit.retry_after(limit) // 60))
    office = request.office
    message = _("ท่านส่งแบบฟอร์มนี้หลายครั้งในเวลาสั้น ๆ ระบบจึงหยุดรับชั่วคราว โปรดรอประมาณ %(minutes)d นาทีแล้วลองอีกครั้ง") % {
        "minutes": minutes}  # fmt: skip
    if office.phone:
        message += " " + _("หากเรื่องเร่งด่วน โปรดโทร %(phone)s ในเวลาราชการ") % {"phone": office.phone}
    response = render(request, "public/message.html", {"title": _("ส่งบ่อยเกินไป โปรดรอสักครู่"), "message": message,
                                                       "back_url": request.path}, status=429)  # fmt: skip
    response["Retry-After"] = str(ratelimit.retry_after(limit))
    return _no_store(response)


def _guard(request, limit):
    """Count the post; return (verdict, challenge to show or None). A right answer lets a post past the soft limit."""
    verdict = ratelimit.verdict(ratelimit.count_post(request, limit), limit)
    if verdict == CHALLENGE and ratelimit.challenge_passed(request):
        verdict = ratelimit.OK
    return verdict, (ratelimit.challenge_new(request) if verdict == CHALLENGE else None)


def _form_page(request, template, form, *, status=200, challenge=None, form_message="", **extra):
    response = render(request, template, _context(request, form=form, challenge=challenge, form_message=form_message,
                                                  **extra), status=status)  # fmt: skip
    return _no_store(response)


CHALLENGE_MESSAGE = _("ท่านส่งแบบฟอร์มหลายครั้งในเวลาสั้น ๆ โปรดตอบคำถามท้ายแบบฟอร์มเพื่อยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ "
                      "แล้วกดส่งอีกครั้ง ข้อมูลที่กรอกไว้ยังอยู่ครบ")  # fmt: skip
HONEYPOT_MESSAGE = _("ระบบไม่รับแบบฟอร์มนี้ เพราะช่องที่ต้องเว้นว่างมีข้อความ (มักเกิดจากโปรแกรมกรอกอัตโนมัติ) "
                     "โปรดตรวจข้อมูลแล้วกดส่งอีกครั้ง หรือแจ้งทางโทรศัพท์")  # fmt: skip


def _post_form(request, *, template, form, file_case, extra):
    """The shared path of every filing form: limit, honeypot, validation, the service, the code page."""
    verdict, challenge = _guard(request, SUBMIT)
    if verdict == REFUSED:
        return _refused(request, SUBMIT)
    if ratelimit.honeypot_filled(request):
        data = request.POST.copy()
        data[ratelimit.HONEYPOT] = ""
        form.data = data
        return _form_page(request, template, form, status=400, form_message=HONEYPOT_MESSAGE, **extra)
    valid = form.is_valid()
    if challenge is not None:
        return _form_page(request, template, form, status=429, challenge=challenge, form_message=CHALLENGE_MESSAGE,
                          **extra)  # fmt: skip
    if valid:
        try:
            filed = file_case(form.cleaned_data)
        except services.AlreadyFiled as earlier:
            return _no_store(render(request, "participation/public/already.html", _context(request, case=earlier.case)))
        except ValidationError as error:
            add_to_form(form, error)
        else:
            survey = SatisfactionForm(
                initial={
                    "service": extra.get("survey_service", SatisfactionResponse.Service.WEBSITE),
                    "page": request.path,
                }
            )
            return _no_store(render(request, "participation/public/filed.html",
                                    _context(request, case=filed.case, code=filed.code, survey=survey)))  # fmt: skip
    return _form_page(request, template, form, **extra)


def home(request):
    """ร้องเรียน: the two complaint channels, feedback, questions, the status page, the FAQ, the survey."""
    return render(request, "participation/public/home.html", _context(request, streams=Stream))


def _fields(data, names):
    return {name: data.get(name) for name in names}


def complaint(request, stream):
    if stream not in Stream.values:
        raise Http404
    template = "participation/public/complaint.html"
    extra = {"stream": Stream(stream), "survey_service": SatisfactionResponse.Service.COMPLAINT}
    if request.method != "POST":
        return _form_page(request, template, ComplaintForm(stream=stream), **extra)
    form = ComplaintForm(request.POST, request.FILES, stream=stream)

    def file_case(data):
        return services.complaint_file(
            office=request.office, stream=stream, submission_key=data["submission_key"], files=data.get("files") or [],
            **_fields(data, ("kind", "anonymous", "name", "phone", "email", "address", "subject", "detail",
                             "concerned", "happened_on")),
        )  # fmt: skip

    return _post_form(request, template=template, form=form, file_case=file_case, extra=extra)


def feedback(request):
    template = "participation/public/feedback.html"
    extra = {"survey_service": SatisfactionResponse.Service.FEEDBACK}
    if request.method != "POST":
        return _form_page(request, template, FeedbackForm(), **extra)

    def file_case(data):
        return services.feedback_give(office=request.office, submission_key=data["submission_key"],
                                      **_fields(data, ("name", "email", "subject", "detail")))  # fmt: skip

    return _post_form(request, template=template, form=FeedbackForm(request.POST), file_case=file_case, extra=extra)


def question(request):
    template = "participation/public/question.html"
    extra = {"survey_service": SatisfactionResponse.Service.QUESTION}
    if request.method != "POST":
        return _form_page(request, template, QuestionForm(), **extra)

    def file_case(data):
        return services.question_ask(office=request.office, submission_key=data["submission_key"],
                                     **_fields(data, ("name", "email", "subject", "detail")))  # fmt: skip

    return _post_form(request, template=template, form=QuestionForm(request.POST), file_case=file_case, extra=extra)


def status(request):
    """ติดตามสถานะ: the code is posted, never put in the address, so it stays out of the traffic log and history."""
    template = "participation/public/status.html"
    if request.method != "POST":
        return _form_page(request, template, StatusForm())
    verdict, challenge = _guard(request, LOOKUP)
    if verdict == REFUSED:
        return _refused(request, LOOKUP)
    form = StatusForm(request.POST)
    if challenge is not None:
        form.is_valid()
        return _form_page(request, template, form, status=429, challenge=challenge, form_message=CHALLENGE_MESSAGE)
    if form.is_valid():
        case = selectors.case_by_code(request.office, form.cleaned_data["code"])
        if case is not None:
            return _no_store(
                render(
                    request,
                    "participation/public/status_result.html",
                    _context(
                        request, case=case, case_kind=case_type(case), events=selectors.case_events(case, public=True)
                    ),
                )
            )
        form.add_error("code", _("ไม่พบเรื่องที่มีรหัสติดตามนี้ โปรดตรวจรหัส 12 ตัวอักษรอีกครั้ง (ตัวอักษรไม่มี O, I, L "
                                 "และตัวเลขไม่มี 0, 1) หรือติดต่อสำนักงานพร้อมเลขที่เรื่อง"))  # fmt: skip
    return _form_page(request, template, form)


def faq(request):
    """คำถามที่พบบ่อย: published answers, searched as the site search does (no form post, so no cookie)."""
    result = selectors.faq_search(request.office, request.GET.get("q", ""))
    return render(request, "participation/public/faq.html", _context(request, result=result, query=result.query))


def satisfaction(request):
    """แบบสำรวจความพึงพอใจ, from any page (the footer link names it) or after a service."""
    template = "participation/public/satisfaction.html"
    if request.method != "POST":
        service = request.GET.get("service", "")
        initial = {"page": services.safe_page(request.GET.get("page", "")),
                   "service": service if service in SatisfactionResponse.Service.values else "website"}  # fmt: skip
        return _form_page(request, template, SatisfactionForm(initial=initial))
    form = SatisfactionForm(request.POST)
    verdict, challenge = _guard(request, SUBMIT)
    if verdict == REFUSED:
        return _refused(request, SUBMIT)
    if ratelimit.honeypot_filled(request):
        return _form_page(request, template, SatisfactionForm(initial=request.POST.dict() | {ratelimit.HONEYPOT: ""}),
                          status=400, form_message=HONEYPOT_MESSAGE)  # fmt: skip
    valid = form.is_valid()
    if challenge is not None:
        return _form_page(request, template, form, status=429, challenge=challenge, form_message=CHALLENGE_MESSAGE)
    if valid:
        data = form.cleaned_data
        services.satisfaction_give(
            office=request.office,
            score=data["score"],
            service=data["service"],
            found=data.get("found", ""),
            page=data.get("page", ""),
            comment=data.get("comment", ""),
        )
        return render(request, "public/message.html", {
            "title": _("ขอบคุณที่ตอบแบบสำรวจ"),
            "message": _("สำนักงานได้รับความเห็นของท่านแล้ว และจะนำไปปรับปรุงการให้บริการ"),
            "back_url": data.get("page") or "/"})  # fmt: skip
    return _form_page(request, template, form)
