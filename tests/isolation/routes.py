"""Every URL of the deployment, classified by how its isolation between offices is checked.

`all_routes()` walks Django's resolver; `TABLE` must name each route it finds (its view name, or its pattern
when it has no name), so a route added later fails `test_every_route_is_classified` until someone says here
how it is checked. Keyword arguments are filled from office A's records (`Side.obj`, tests/isolation/world.py).

Kinds:
  public-object  a public address naming A's record: 404 under B's host (both languages), answered under A's.
  public-list    a public page or document without A's ids: under B's host A's token never appears
                 (`shows` = under A's host it does, which proves the page lists what it should).
  bo-object      a back-office screen naming A's record: every role of B gets 403/404/405, never A's data,
                 and a POST changes nothing of A's.
  bo-scoped      a back-office screen of the signed-in person's own office: under any role of B (on B's host
                 and on A's) A's token never appears, and a POST changes nothing of A's.
  account        sign-in, password and second-factor pages: they show no office's records at all.
  admin          Django's admin: for platform operators only (test_admin.py walks every ModelAdmin's URLs).
  infra          health check, robots.txt, development media: no office records.
"""

from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


def all_routes():
    """[(key, full pattern)] of every URL pattern; the key is the namespaced name, else the pattern itself."""
    found = []

    def walk(resolver, prefix, namespace):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace
                ns = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
                walk(entry, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern):
                pattern = prefix + str(entry.pattern)
                key = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or pattern)
                found.append((key, pattern))

    walk(get_resolver(), "", None)
    return found


@dataclass(frozen=True)
class R:
    kind: str
    kwargs: Any = None  # side -> dict for reverse(); None: no kwargs
    query: Any = None  # side -> query string (without "?")
    post: Any = None  # side -> dict: the route takes a POST, sent with this form
    get: bool = True  # False: the route answers POST only
    shows: bool = False  # public-list: A's token appears under A's host
    control: str = "admin"  # bo-object: the role of A who opens it (200) to prove the address is right
    control_status: int = 200  # public-object: what A's host answers
    path: Any = None  # side -> URL, for routes without a name
    marks: Any = None  # side -> the strings that show the side's records here (default: its token)
    roles: tuple = ()  # bo-*: the roles of B that try it (default: every role); documents drawn by Chromium
    # or matplotlib are tried by the roles that read the whole office, the others are refused at the door
    note: str = ""


def _o(name):
    return lambda s: {"pk": s.obj[name].pk}


def _request(name, **extra):
    return lambda s: {"pk": s.obj[name].pk, **extra}


def _appraisal(**extra):
    return lambda s: {"pk": s.obj["appraisal"].pk, **extra}


def _news_topic(s):
    topic = s.obj["item"].topic
    return {"category_code": topic.category.code, "topic_code": topic.code}


def _generic_post(s):
    """A form with a plausible value for every field the back-office's POSTs read."""
    return {
        "verdict": "approve", "step": "0", "expected_step": "0", "active": "0", "reason": f"เหตุผล {s.token}",
        "reason_code": "incomplete", "text": f"ข้อความ {s.token}", "agree": "1", "note": "บันทึก", "outcome": "resolved",
        "reply": "ตอบ", "faq_question": "ถาม", "faq_answer": "ตอบ", "title": f"หัวเรื่อง {s.token}", "summary": "สรุป",
        "verdict_note": "", "communicated_on": "2026-06-17", "witness": "พยาน", "redaction_checked": "on",
        "rights_confirmed": "on", "source": "กลุ่มงาน", "action": "save",
    }  # fmt: skip


GP = _generic_post
READERS = "admin", "committee", "webmaster", "requester"
DRAWN = ("admin", "requester")  # a Chromium render each: the administrator reads all, the requester is refused

TABLE = {
    # ---------------------------------------------------------------------------------------- infrastructure
    "healthz": R("infra"),
    "robots": R("infra"),
    "^media/(?P<path>.*)$": R(
        "infra",
        path=lambda s: "/media/none.png",
        note="development only (DEBUG): office emblems and photos, no records",
    ),
    "media": R(
        "infra",
        kwargs=lambda s: {"name": "office/none.png"},
        note="office emblems and photos from the bucket (KHAOSAN_S3_BUCKET), public on the office's own site; "
        "no records",
    ),
    "admin/login/": R("infra", path=lambda s: "/admin/login/", note="redirects to the back-office sign-in"),
    # ----------------------------------------------------------------------------------------------- public
    "sitemap-xml": R("public-list"),
    "sitemap-section": R(
        "public-list",
        kwargs=lambda s: {"section": "items"},
        shows=True,
        marks=lambda s: [
            f"{s.obj[name].get_absolute_url()}</loc>" for name in ("item", "announcement", "published_item")
        ],
    ),
    "rendition": R("public-object", kwargs=lambda s: {"pk": s.obj["image"].pk, "width": 480}),
    "file": R("public-object", kwargs=lambda s: {"pk": s.obj["pdf"].pk, "name": s.obj["pdf"].original_name}),
    "feed-news": R("public-list", shows=True),
    "feed-news-atom": R("public-list", shows=True),
    "feed-announcements": R("public-list", shows=True),
    "feed-announcements-atom": R("public-list", shows=True),
    "public:home": R("public-list", shows=True),
    "public:category": R("public-list", kwargs=lambda s: {"code": s.obj["item"].topic.category.code}, shows=True),
    "public:topic": R("public-list", kwargs=_news_topic, shows=True),
    "public:item": R("public-object", kwargs=_o("item")),
    "public:item-request-form": R("public-object", kwargs=_o("published_item")),
    "public:oic": R("public-list"),
    "public:ita": R("public-list"),
    "public:ita-year": R("public-list", kwargs=lambda s: {"fy": 2569}),
    # Searched for the marker's Thai words: the page repeats the query, never the token.
    "public:search": R("public-list", query=lambda s: f"q={s.marker.split('-')[0]}", shows=True),
    "public:contact": R("public-list"),
    "public:sitemap": R("public-list"),
    "public:policy-website": R("public-list"),
    "public:policy-privacy": R("public-list"),
    "public:policy-security": R("public-list"),
    "public:accessibility": R("public-list"),
    "public:eservice-evaluation": R("public-list"),
    "public:procurement:summaries": R("public-list"),
    "public:participation:index": R("public-list"),
    "public:participation:complaint": R("public-list", kwargs=lambda s: {"stream": "service"}),
    "public:participation:feedback": R("public-list"),
    "public:participation:question": R("public-list"),
    "public:participation:faq": R("public-list", shows=True),
    "public:participation:status": R("public-list", note="A's tracking code under B's host: test_public.py"),
    "public:participation:satisfaction": R("public-list"),
    "opendata:action": R(
        "public-list",
        kwargs=lambda s: {"name": "package_search"},
        query=lambda s: f"q={s.marker.split('-')[0]}",
        shows=True,
    ),  # fmt: skip
    "api/action/<slug:name>": R(
        "public-list", path=lambda s: f"/api/action/package_search?q={s.marker.split('-')[0]}", shows=True
    ),
    "opendata:help": R("public-list", kwargs=lambda s: {"name": "package_show"}),
    "opendata:jsonld": R("public-list", shows=True),
    "opendata:turtle": R("public-list", shows=True),
    "opendata:page": R("public-list", shows=True),
    "opendata:download": R("public-list", kwargs=lambda s: {"fmt": "csv"}, shows=True),
    # ------------------------------------------------------------------------------------------------ admin
    "admin/(?P<url>.*)$": R("admin", note="the admin's catch-all: 404 for office staff"),
    # ------------------------------------------------------------------------------------- account screens
    "backoffice:login": R("account"),
    "backoffice:logout": R("account", get=False),
    "backoffice:password-reset": R("account"),
    "backoffice:password-reset-done": R("account"),
    "backoffice:password-reset-confirm": R("account", kwargs=lambda s: {"uidb64": "MQ", "token": "set-password"}),
    "backoffice:password-reset-complete": R("account"),
    "backoffice:password-change": R("account"),
    "backoffice:2fa-verify": R("account"),
    "backoffice:2fa-setup": R("account"),
    "backoffice:2fa-recovery": R("account"),
    "backoffice:security": R("account"),
    # ---------------------------------------------------------------------------------- back-office: office
    "backoffice:home": R("bo-scoped"),
    "backoffice:requests": R("bo-scoped", query=lambda s: f"q={s.marker.split('-')[0]}"),
    "backoffice:request-new": R("bo-scoped"),
    "backoffice:request": R("bo-object", kwargs=_request("request_submitted")),
    "backoffice:request-edit": R(
        "bo-object", kwargs=_request("request_draft", step="what"), post=GP, control="requester"
    ),  # fmt: skip
    "backoffice:request-review": R("bo-object", kwargs=_request("request_draft"), control="requester"),
    "backoffice:request-submit": R("bo-object", kwargs=_request("request_draft"), post=GP, get=False),
    "backoffice:request-cancel": R("bo-object", kwargs=_request("request_submitted"), post=GP, get=False),
    "backoffice:request-decide": R("bo-object", kwargs=_request("request_submitted"), post=GP, get=False),
    "backoffice:request-take": R("bo-object", kwargs=_request("request_approved"), post=GP, get=False),
    "backoffice:request-publish": R("bo-object", kwargs=_request("request_taken"), post=GP, control="webmaster"),
    "backoffice:request-files": R("bo-object", kwargs=_request("request_draft"), post=GP, get=False),
    "backoffice:request-file": R(
        "bo-object",
        kwargs=lambda s: {"pk": s.obj["request_draft"].pk, "file_id": s.obj["request_file"].pk},
        control="requester",
    ),  # fmt: skip
    "backoffice:request-file-delete": R(
        "bo-object",
        kwargs=lambda s: {"pk": s.obj["request_draft"].pk, "file_id": s.obj["request_file"].pk},
        post=GP,
        get=False,
    ),  # fmt: skip
    "backoffice:request-form": R("bo-object", kwargs=_request("request_submitted", fmt="docx")),
    "backoffice:register": R("bo-scoped"),
    "backoffice:forms-bundle": R("bo-scoped", query=lambda s: "fy=2569&format=zip", roles=DRAWN),
    "backoffice:ita": R("bo-scoped"),
    "backoffice:ita-pack": R("bo-scoped", kwargs=lambda s: {"fy": 2569, "fmt": "zip"}, roles=DRAWN),
    "backoffice:ita-item-pack": R("bo-object", kwargs=_o("published_item")),
    "backoffice:inbox": R("bo-scoped"),
    "backoffice:notification": R("bo-object", kwargs=_o("notification"), control="requester"),
    "backoffice:items": R("bo-scoped", query=lambda s: f"q={s.marker.split('-')[0]}"),
    "backoffice:item": R("bo-object", kwargs=_o("item")),
    "backoffice:item-withdraw": R("bo-object", kwargs=_o("item"), post=GP, get=False),
    "backoffice:item-edit": R("bo-object", kwargs=_o("item"), post=GP, control="webmaster"),
    "backoffice:item-change": R(
        "bo-object", kwargs=lambda s: {"item_id": s.obj["item"].pk, "action": "withdraw"}, post=GP, control="requester"
    ),  # fmt: skip
    "backoffice:staff": R("bo-scoped"),
    "backoffice:staff-new": R("bo-scoped"),
    "backoffice:staff-edit": R("bo-object", kwargs=lambda s: {"pk": s.people["requester"].pk}, post=GP),
    "backoffice:staff-active": R("bo-object", kwargs=lambda s: {"pk": s.people["requester"].pk}, post=GP, get=False),
    "backoffice:staff-unlock": R("bo-object", kwargs=lambda s: {"pk": s.people["requester"].pk}, post=GP, get=False),
    "backoffice:staff-reset-2fa": R(
        "bo-object", kwargs=lambda s: {"pk": s.people["webmaster"].pk}, post=GP, get=False
    ),  # fmt: skip
    "backoffice:membership-grant": R("bo-scoped", post=GP),
    "backoffice:membership-end": R("bo-object", kwargs=_o("membership"), post=GP, get=False),
    "backoffice:office-choose": R(
        "bo-scoped",
        post=lambda s: {"office": str(s.office.pk)},
        get=False,
        note="B's people choosing A's office: refused, the session unchanged",
    ),  # fmt: skip
    "backoffice:province": R("bo-scoped"),
    "backoffice:delegations": R("bo-scoped", note="a POST naming A's people: test_backoffice.py"),
    "backoffice:delegation-revoke": R("bo-object", kwargs=_o("delegation"), post=GP, get=False),
    "backoffice:settings": R("bo-scoped"),
    "backoffice:thai-date": R("bo-scoped", query=lambda s: "q=17+มิ.ย.+69"),
    "backoffice:compliance": R("bo-scoped"),
    "backoffice:compliance-history": R("bo-scoped"),
    "backoffice:compliance-ask": R("bo-scoped", kwargs=lambda s: {"code": "general-news"}, post=GP, get=False),
    "backoffice:audit": R("bo-scoped", query=lambda s: f"q={s.marker.split('-')[0]}"),
    "backoffice:audit-check": R("bo-scoped", post=GP, get=False),
    "backoffice:traffic": R(
        "bo-scoped",
        post=lambda s: {"date_from": "2026-06-16", "date_to": "2026-06-17", "reason": "หนังสือขอข้อมูล ที่ 1/2569"},
    ),  # fmt: skip
    "backoffice:traffic-check": R("bo-scoped", post=GP, get=False),
    "backoffice:checks": R("bo-scoped"),
    "backoffice:checks-ocr": R(
        "bo-object",
        kwargs=lambda s: {"sha256": s.obj["pdf"].blob_id},
        control="",
        note="A's PDF has no searchable copy: the control is that B's own is not shown",
    ),
    # ------------------------------------------------------------------------------ back-office: evaluation
    "backoffice:eservice:home": R("bo-scoped"),
    "backoffice:eservice:appraisal": R("bo-object", kwargs=_appraisal()),
    "backoffice:eservice:agreement": R("bo-object", kwargs=_appraisal(), post=GP, control="requester"),
    "backoffice:eservice:agreement-copy": R("bo-object", kwargs=_appraisal(), post=GP, get=False),
    "backoffice:eservice:agreement-submit": R("bo-object", kwargs=_appraisal(), post=GP, get=False),
    "backoffice:eservice:agreement-decide": R("bo-object", kwargs=_appraisal(), post=GP, get=False),
    "backoffice:eservice:self": R("bo-object", kwargs=_appraisal(), post=GP, control="requester"),
    "backoffice:eservice:evidence-add": R("bo-object", kwargs=_appraisal(), post=GP, get=False),
    "backoffice:eservice:evidence": R("bo-object", kwargs=_appraisal(evidence_id=None), control="requester"),
    "backoffice:eservice:evidence-remove": R("bo-object", kwargs=_appraisal(evidence_id=None), post=GP, get=False),
    "backoffice:eservice:assess": R("bo-object", kwargs=_appraisal(), post=GP, control="head"),
    "backoffice:eservice:review": R("bo-object", kwargs=_appraisal(), post=GP, control="", note="not at review yet"),
    "backoffice:eservice:acknowledge": R("bo-object", kwargs=_appraisal(), post=GP, get=False),
    "backoffice:eservice:refusal": R("bo-object", kwargs=_appraisal(), post=GP, control="", note="nothing refused"),
    "backoffice:eservice:form": R("bo-object", kwargs=_appraisal(fmt="docx")),
    "backoffice:eservice:rounds": R("bo-scoped"),
    "backoffice:eservice:round": R("bo-object", kwargs=_o("round")),
    "backoffice:eservice:round-summary": R("bo-object", kwargs=lambda s: {"pk": s.obj["round"].pk, "fmt": "xlsx"}),
    "backoffice:eservice:round-dates": R("bo-object", kwargs=_o("round"), post=GP, get=False),
    "backoffice:eservice:round-close": R("bo-object", kwargs=_o("round"), post=GP, get=False),
    "backoffice:eservice:round-add-missing": R("bo-object", kwargs=_o("round"), post=GP, get=False),
    "backoffice:eservice:round-announce": R("bo-object", kwargs=_o("round"), post=GP, get=False),
    "backoffice:eservice:settings": R("bo-scoped"),
    "backoffice:eservice:people": R("bo-scoped"),
    "backoffice:eservice:person": R("bo-object", kwargs=lambda s: {"staff_id": s.people["requester"].pk}, post=GP),
    "backoffice:eservice:unit-heads": R("bo-scoped"),
    # -------------------------------------------------------------------------------- back-office: reports
    "backoffice:reports:index": R("bo-scoped"),
    "backoffice:reports:performance": R("bo-scoped", kwargs=lambda s: {"period": "2569-q2"}),
    "backoffice:reports:performance-acknowledge": R(
        "bo-scoped", kwargs=lambda s: {"period": "2569-q2"}, post=GP, get=False
    ),  # fmt: skip
    "backoffice:reports:performance-document": R(
        "bo-scoped", kwargs=lambda s: {"period": "2569-q2", "fmt": "docx"}, roles=READERS
    ),  # fmt: skip
    "backoffice:reports:trainings": R("bo-scoped"),
    "backoffice:reports:my-trainings": R("bo-scoped"),
    "backoffice:reports:training-new": R("bo-scoped"),
    "backoffice:reports:training": R("bo-object", kwargs=_o("training"), post=GP),
    "backoffice:reports:training-delete": R("bo-object", kwargs=_o("training"), post=GP, get=False),
    "backoffice:reports:training-certificate": R("bo-object", kwargs=_o("training")),
    # ---------------------------------------------------------------------------- back-office: procurement
    "backoffice:procurement:months": R("bo-scoped"),
    "backoffice:procurement:month": R("bo-scoped", kwargs=lambda s: {"year": 2026, "month": 5}, post=GP),
    "backoffice:procurement:plan": R("bo-scoped", kwargs=lambda s: {"fy": 2569}, post=GP),
    "backoffice:procurement:quarter": R("bo-scoped", kwargs=lambda s: {"fy": 2569, "quarter": 2}, post=GP),
    # -------------------------------------------------------------------------- back-office: participation
    "backoffice:participation:cases": R("bo-scoped"),
    "backoffice:participation:setup": R("bo-scoped"),
    "backoffice:participation:handler-remove": R("bo-object", kwargs=_o("handler"), post=GP, get=False),
    "backoffice:participation:summaries": R("bo-scoped"),
    "backoffice:participation:satisfaction": R("bo-scoped"),
    "backoffice:participation:satisfaction-chart": R("bo-scoped", roles=READERS),
    "backoffice:participation:file": R(
        "bo-object", kwargs=lambda s: {"pk": s.obj["complaint"].pk, "file_id": s.obj["complaint_file"].pk}
    ),
    "backoffice:participation:case": R(
        "bo-object", kwargs=lambda s: {"kind": "complaint", "pk": s.obj["complaint"].pk}
    ),
    "backoffice:participation:case-action": R(
        "bo-object",
        kwargs=lambda s: {"kind": "complaint", "pk": s.obj["complaint"].pk, "action": "note"},
        post=GP,
        get=False,
    ),  # fmt: skip
}


def fill(route, side):
    """The route's keyword arguments from `side`'s records (a None value means: the evidence of the appraisal)."""
    kwargs = dict(route.kwargs(side)) if route.kwargs else {}
    if "evidence_id" in kwargs:
        kwargs["evidence_id"] = side.obj["evidence"].pk
    return kwargs


def of_kind(*kinds):
    return sorted(key for key, route in TABLE.items() if route.kind in kinds)
