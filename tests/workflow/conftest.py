"""People of the test office, each with a role, and a helper to walk a request through the chain."""

from khaosan.workflow import services
from khaosan.workflow.redaction import RedactionReport
from tests.conftest import PASSWORD, make_person, pdf_bytes, topic, upload  # noqa: F401  (re-exported for tests)

# A personal-data check that read everything and found nothing, for tests about other things than the check.
NOTHING_FOUND = RedactionReport(findings=(), unchecked=())


def submitted_request(office, requester, *, title="ประกาศรับสมัครลูกจ้างชั่วคราว", files=True, **fields):
    fields = {
        "topic": topic("job-announcements"), "summary": "รับสมัคร 1 อัตรา", "source": "กลุ่มงานบริหารทั่วไป",
        "rights_confirmed": True, **fields,
    }  # fmt: skip
    pub_request = services.request_create(office=office, actor=requester, title=title, **fields)
    if files:
        services.request_file_add(pub_request=pub_request, actor=requester, upload=upload("ประกาศ.pdf", pdf_bytes()))
    return services.request_submit(pub_request=pub_request, actor=requester)


def approve_all(pub_request, people):
    for role in ("reviewer", "approver"):
        pub_request = services.request_decide(
            pub_request_id=pub_request.pk, actor=people[role], verdict="approve", expected_step=pub_request.step
        )
    return pub_request
