"""The demo's สขร.1 entered on the procurement screens and published through the chain, and the year's plan.

The last three reported months and last year's month without procurement (`content.entered_summary_months`)
are typed in as rows, from the same purchases the other demo documents quote (`content.month_purchases`), and
go through the same services as a procurement officer's: saved, sent, approved, published. The other months
stay hand-made files, as an office that started using khaosan mid-year has them.
"""

import datetime as dt
import hashlib
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from khaosan.catalog.models import Item
from khaosan.demo import content
from khaosan.demo.files import renderer as demo_renderer
from khaosan.org.models import Staff
from khaosan.procurement import services
from khaosan.procurement.models import BudgetKind, Method
from khaosan.thai.dates import MONTHS_TH_SHORT, ce_year, quarter_bounds
from khaosan.workflow import selectors as workflow_selectors
from khaosan.workflow import services as workflow

METHODS = {"เฉพาะเจาะจง": Method.SPECIFIC, content.EBIDDING: Method.E_BIDDING}


def tax_id(vendor):
    """A made-up juristic-person tax ID for a demo vendor, the same every build, with its check digit."""
    digits = "0" + "5555" + str(int(hashlib.sha256(vendor.encode()).hexdigest(), 16))[:7]
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits))
    return digits + str((11 - total % 11) % 10)


def _contract(text):
    """'ใบสั่งซื้อเลขที่ 12/2569 ลงวันที่ 5 มี.ค. 2569' → ('ใบสั่งซื้อเลขที่ 12/2569', date)."""
    number, _, day = text.partition(" ลงวันที่ ")
    d, month, year = day.split()
    return number, dt.date(ce_year(int(year)), MONTHS_TH_SHORT.index(month) + 1, int(d))


def _bids(purchase):
    """The bidders and their prices, read back from the text the other demo documents print."""
    bids = []
    for part in purchase.bids.split(", "):
        vendor, price, _unit = part.rsplit(" ", 2)
        bids.append({"vendor": vendor, "price": Decimal(price.replace(",", "")), "selected": vendor == purchase.winner,
                     "tax_id": tax_id(vendor) if vendor == purchase.winner else ""})  # fmt: skip
    return bids


def entries(when, month):
    rows = []
    for purchase in content.month_purchases(when, month):
        number, signed = _contract(purchase.contract)
        rows.append({
            "work": purchase.work, "budget_kind": BudgetKind.INVESTMENT if purchase.method == content.EBIDDING
            else BudgetKind.OPERATING, "budget": Decimal(str(purchase.budget)),
            "reference_price": Decimal(str(purchase.reference)), "method": METHODS[purchase.method],
            "agreed_price": Decimal(str(purchase.price)), "reason": purchase.reason, "contract_number": number,
            "contract_date": signed, "egp_number": "", "bids": _bids(purchase),
        })  # fmt: skip
    return rows


def _publish(pub_request, people):
    for who in ("reviewer", "approver"):
        pub_request = workflow.request_decide(pub_request_id=pub_request.pk, actor=people[who], verdict="approve")
    webmaster = people["webmaster1"]
    workflow.request_take(pub_request=pub_request, actor=webmaster)
    report = workflow_selectors.redaction_report(pub_request)
    return workflow.request_publish(pub_request_id=pub_request.pk, actor=webmaster, redaction=report,
                                    redaction_checked=not report.complete, **workflow.item_fields_from(pub_request))  # fmt: skip


def build(office):
    """Enter, send and publish the demo months, and keep the year's plan and its quarters; return the items made."""
    people = {p.username: p for p in Staff.objects.filter(office=office)}
    officer = people["procurement"]
    when = content.When(timezone.localdate())
    made = 0
    with demo_renderer() as renderer:
        for month in content.entered_summary_months(when):
            rows = entries(when, month)
            with transaction.atomic():
                services.summary_save(office=office, actor=officer, month=month, nil=not rows, entries=rows)
                summary = services.summary_send(office=office, actor=officer, month=month, renderer=renderer)
                item = _publish(summary.pub_request, people).item
                # Published five days after the month, as the office did, not on the day the demo was built.
                published = timezone.make_aware(dt.datetime.combine(content.month_end(month) + dt.timedelta(days=5),
                                                                    dt.time(10, 0)))  # fmt: skip
                Item.objects.filter(pk=item.pk).update(publish_at=published, created_at=published, updated_at=published)
            made += 1
    plan = services.plan_save(
        office=office, actor=officer, fiscal_year_be=when.fy, allocation_date=when.on(when.fy, 10, 15)
    )
    for quarter in (1, 2, 3, 4):
        first, last = quarter_bounds(when.fy, quarter)
        if last >= when.today:
            break
        months = [m for m in content.fiscal_months(when.fy) if first <= m <= last]
        actual = {kind: (0, Decimal(0)) for kind in BudgetKind.values}
        for month in months:
            for purchase in content.month_purchases(when, month):
                kind = BudgetKind.INVESTMENT if purchase.method == content.EBIDDING else BudgetKind.OPERATING
                count, amount = actual[kind]
                actual[kind] = (count + 1, amount + Decimal(str(purchase.price)))
        planned_operating = sum(Decimal(high) for _work, _low, high, _shops in content.PURCHASES)
        services.quarter_save(
            plan=plan, actor=officer, quarter=quarter, operating_planned_count=len(content.PURCHASES),
            operating_planned_amount=planned_operating, operating_actual_count=actual["operating"][0],
            operating_actual_amount=actual["operating"][1], investment_planned_count=int(quarter == 2),
            investment_planned_amount=Decimal(1500000) if quarter == 2 else Decimal(0),
            investment_actual_count=actual["investment"][0], investment_actual_amount=actual["investment"][1],
        )  # fmt: skip
    return made
