"""The standard as data (DESIGN principle 2): read `standard.yaml` and sync it into the database.

Topics and categories are matched by their stable `code`. A topic whose code changed lists the old
code under `previous_codes` (a rename); several old codes under one topic merge them, and their items
move to it. Anything no longer in the file is retired, never deleted: its items stay where they are.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from khaosan.catalog.models import Category, ChecklistItem, Item, StandardRelease, Topic

SCHEMES = {choice.value for choice in ChecklistItem.Scheme}
TOPIC_KINDS = {choice.value for choice in Topic.Kind}
REFRESH_RULES = {choice.value for choice in Topic.Refresh}
PERIODS = {"fiscal_year", "half_year", "quarter", "month"}
RULE_KEYS = {"period", "covers", "due_days", "within_days"}
TOPIC_STATES = ("current", "expiring", "stale", "expired", "missing")
CHECKLIST_ITEM_KEYS = {"th", "en", "description_th", "description_en", "parent", "due", "count", "due_th", "due_en",
                       "covers"}  # fmt: skip
DUE_KEYS = ("due", "count", "due_th", "due_en")  # a sub-item that sets none of these takes its parent's
COVERS = {"this_year", "previous_year"}
ONCE_A_YEAR = [[1, 2, 3, 4]]
QUARTERS = range(1, 5)


def due_slots(due):
    """Return the due quarters as one list of quarters per piece of evidence, or None when `due` is malformed.

    Not given: once a year, any quarter ([[1, 2, 3, 4]]). `[1, 2, 3, 4]` is one piece every quarter;
    `[[2, 3], 4]` is one in quarter 2 or 3 and one in quarter 4 (MOIT13, standards.md MOIT-0.1).
    """
    if due is None:
        return [list(quarters) for quarters in ONCE_A_YEAR]
    if not isinstance(due, list) or not due:
        return None
    slots = []
    for entry in due:
        quarters = entry if isinstance(entry, list) else [entry]
        if not quarters or any(isinstance(q, bool) or not isinstance(q, int) or q not in QUARTERS for q in quarters):
            return None
        slots.append(sorted(set(quarters)))
    return slots


class StandardFileError(ValueError):
    """The data file is not valid; the message lists every problem with its place."""


@dataclass
class SyncSummary:
    version: str = ""
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    renamed: list = field(default_factory=list)
    merged: list = field(default_factory=list)
    retired: list = field(default_factory=list)
    items_moved: int = 0
    checklist_items: int = 0

    def as_dict(self):
        return {k: v for k, v in self.__dict__.items()}

    def lines(self):
        yield f"standard {self.version}: {self.checklist_items} checklist codes"
        for label in ("created", "updated", "renamed", "merged", "retired"):
            values = getattr(self, label)
            if values:
                yield f"  {label}: {len(values)} ({', '.join(map(str, values[:8]))}{' …' if len(values) > 8 else ''})"
        if self.items_moved:
            yield f"  items moved by merges: {self.items_moved}"


def load(path=None):
    """Return (data, checksum) of the standard file after checking its shape."""
    path = Path(path or settings.KHAOSAN["STANDARD_FILE"])
    raw = path.read_bytes()
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise StandardFileError(f"{path}: not valid YAML: {error}") from None
    validate(data, source=str(path))
    return data, hashlib.sha256(raw).hexdigest()


def validate(data, *, source="standard"):
    problems = []

    def need(condition, message):
        if not condition:
            problems.append(message)

    if not isinstance(data, dict):
        raise StandardFileError(f"{source}: the top level must be a mapping")
    need(isinstance(data.get("version"), str), "version: a string is required")
    checklists = data.get("checklists") or {}
    for scheme, years in checklists.items():
        need(scheme in SCHEMES, f"checklists.{scheme}: unknown scheme (known: {', '.join(sorted(SCHEMES))})")
        for year, body in (years or {}).items():
            need(isinstance(year, int) and 2500 < year < 2700, f"checklists.{scheme}.{year}: a B.E. fiscal year")
            need(isinstance((body or {}).get("items"), dict), f"checklists.{scheme}.{year}.items: a mapping")
            if isinstance((body or {}).get("items"), dict):
                _validate_checklist(f"checklists.{scheme}.{year}", body, need)
    _validate_currency(data, need)
    seen_topics, seen_categories = set(), set()
    all_codes = set()
    for c_index, category in enumerate(data.get("categories") or []):
        where = f"categories[{c_index}]"
        for key in ("code", "th", "requirement", "number"):
            need(category.get(key), f"{where}.{key}: required")
        need(category.get("code") not in seen_categories, f"{where}.code: {category.get('code')} repeated")
        seen_categories.add(category.get("code"))
        for t_index, topic in enumerate(category.get("topics") or []):
            twhere = f"{where}.topics[{t_index}] ({topic.get('code')})"
            need(topic.get("code") and topic.get("th"), f"{twhere}: code and th are required")
            need(topic.get("code") not in seen_topics, f"{twhere}: code repeated")
            seen_topics.add(topic.get("code"))
            need(topic.get("kind", "document") in TOPIC_KINDS, f"{twhere}.kind: one of {sorted(TOPIC_KINDS)}")
            need(topic.get("refresh", "none") in REFRESH_RULES, f"{twhere}.refresh: one of {sorted(REFRESH_RULES)}")
            _validate_rule(topic.get("currency") or {}, f"{twhere}.currency", need)
            for year, answers in (topic.get("answers") or {}).items():
                for scheme, codes in (answers or {}).items():
                    known = ((checklists.get(scheme) or {}).get(year) or {}).get("items") or {}
                    for code in codes or []:
                        need(code in known, f"{twhere}.answers.{year}.{scheme}: {code} is not in checklists")
                        entry = known.get(code)
                        parent = entry.get("parent") if isinstance(entry, dict) else None
                        need(not parent or parent in codes,
                             f"{twhere}.answers.{year}.{scheme}: {code} is a sub-item; name {parent} too")  # fmt: skip
            all_codes.add(topic.get("code"))
    for category in data.get("categories") or []:
        for topic in category.get("topics") or []:
            for included in topic.get("includes") or []:
                need(included in all_codes, f"topic {topic.get('code')}: includes unknown topic {included}")
    need(seen_categories, "categories: at least one category is required")
    if problems:
        raise StandardFileError(f"{source}:\n  " + "\n  ".join(problems))


def _validate_rule(rule, where, need):
    if not isinstance(rule, dict):
        need(False, f"{where}: a mapping")
        return
    need(set(rule) <= RULE_KEYS, f"{where}: unknown keys {sorted(set(rule) - RULE_KEYS)}")
    need(rule.get("period", "month") in PERIODS, f"{where}.period: one of {sorted(PERIODS)}")
    need(rule.get("covers", "current") in ("current", "previous"), f"{where}.covers: current or previous")
    for key in ("due_days", "within_days"):
        need(isinstance(rule.get(key, 0), int) and rule.get(key, 0) >= 0, f"{where}.{key}: a whole number of days")


def _validate_currency(data, need):
    currency = data.get("currency") or {}
    rules = currency.get("rules") or {}
    need(set(rules) == REFRESH_RULES, f"currency.rules: one rule for each of {sorted(REFRESH_RULES)}")
    for name, rule in rules.items():
        _validate_rule(rule or {}, f"currency.rules.{name}", need)
    need(isinstance(currency.get("expiring_days", 14), int), "currency.expiring_days: a whole number of days")
    points = (data.get("completeness") or {}).get("points") or {}
    need(set(points) == set(TOPIC_STATES), f"completeness.points: one number for each of {', '.join(TOPIC_STATES)}")
    need(all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in points.values()), "completeness.points: 0 … 1")


def topic_rule(data, entry):
    """The refresh rule of one topic: its refresh kind's rule from `currency.rules`, with the topic's overrides."""
    rules = (data.get("currency") or {}).get("rules") or {}
    refresh = entry.get("refresh", Topic.Refresh.NONE)
    return {**(rules.get(refresh) or {}), **(entry.get("currency") or {})}


def policy_of(data):
    """The office-wide rules kept with each release: expiry warnings and the completeness score."""
    currency = data.get("currency") or {}
    return {
        "expiring_days": currency.get("expiring_days", 14),
        "expiry_warnings_days": list(currency.get("expiry_warnings_days") or [14, 3]),
        "completeness": data.get("completeness") or {},
    }


def _validate_checklist(where, body, need):
    """Check the items of one checklist year (sub-items, due quarters) and its indicators, if it has any."""
    items = body["items"]
    for code, entry in items.items():
        iwhere = f"{where}.items.{code}"
        if entry is None:
            continue
        if not isinstance(entry, dict):
            need(False, f"{iwhere}: a mapping such as {{th: ..., en: ...}}")
            continue
        unknown = sorted(set(entry) - CHECKLIST_ITEM_KEYS)
        need(
            not unknown,
            f"{iwhere}: unknown keys {', '.join(unknown)} (known: {', '.join(sorted(CHECKLIST_ITEM_KEYS))})",
        )
        parent = entry.get("parent")
        if parent is not None:
            top_level = isinstance(items.get(parent), dict) and not items[parent].get("parent")
            need(parent in items and (top_level or items[parent] is None),
                 f"{iwhere}.parent: {parent} is not an item of this year without a parent")  # fmt: skip
            need(str(code).startswith(f"{parent}-") and len(str(code)) > len(str(parent)) + 1,
                 f"{iwhere}: a sub-item's code is <parent>-<number>, e.g. {parent}-1.1")  # fmt: skip
        if "due" in entry:
            need(due_slots(entry["due"]) is not None,
                 f"{iwhere}.due: quarters 1-4, or lists of them, e.g. [1, 2, 3, 4] or [[2, 3], 4]")  # fmt: skip
        if "count" in entry:
            count = entry["count"]
            need(isinstance(count, int) and not isinstance(count, bool) and count >= 1,
                 f"{iwhere}.count: a whole number of links, 1 or more")  # fmt: skip
        if "covers" in entry:
            need(entry["covers"] in COVERS, f"{iwhere}.covers: one of {', '.join(sorted(COVERS))}")
    indicators = body.get("indicators")
    if indicators is None:
        return
    if not isinstance(indicators, dict):
        need(False, f"{where}.indicators: a mapping of numbers to {{th, en, items}}")
        return
    placed = {}
    for number, indicator in indicators.items():
        iwhere = f"{where}.indicators.{number}"
        need(isinstance(number, int) and not isinstance(number, bool) and number >= 1, f"{iwhere}: a number from 1")
        indicator = indicator if isinstance(indicator, dict) else {}
        need(indicator.get("th"), f"{iwhere}.th: required")
        for code in indicator.get("items") or []:
            entry = items.get(code)
            need(code in items and not (entry or {}).get("parent"), f"{iwhere}.items: {code} is not a top-level item")
            need(code not in placed, f"{iwhere}.items: {code} is already under indicator {placed.get(code)}")
            placed.setdefault(code, number)
    for code, entry in items.items():
        if not (entry or {}).get("parent"):
            need(code in placed, f"{where}.items.{code}: under no indicator")


def _names(entry):
    return {
        "name_th": entry.get("th", ""),
        "name_en": entry.get("en", "") or "",
        "description_th": (entry.get("description_th") or "").strip(),
        "description_en": (entry.get("description_en") or "").strip(),
    }


def _set(obj, values, summary_list, label):
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    for k in changed:
        setattr(obj, k, values[k])
    if changed:
        obj.save()
        summary_list.append(label)


@transaction.atomic
def sync(data, *, checksum="", actor=None):
    """Bring categories, topics and checklist codes in line with `data`; return a SyncSummary."""
    from khaosan.audit.models import AuditCode
    from khaosan.audit.services import record
    from khaosan.catalog.selectors import forget_navigation

    now = timezone.now()
    summary = SyncSummary(version=data["version"])
    checklist_index = _sync_checklists(data, summary, now)

    categories_in_file = set()
    topics_in_file = {}
    for c_order, entry in enumerate(data["categories"]):
        category = _sync_category(entry, c_order, summary, now)
        categories_in_file.add(category.pk)
        for t_order, topic_entry in enumerate(entry.get("topics") or []):
            topic = _sync_topic(topic_entry, category, t_order, summary, now, rule=topic_rule(data, topic_entry))
            topics_in_file[topic.code] = (topic, topic_entry)

    for topic, entry in topics_in_file.values():
        topic.includes.set([topics_in_file[c][0] for c in entry.get("includes") or []])
        answers = [
            checklist_index[(scheme, year, c)]
            for year, by_scheme in (entry.get("answers") or {}).items()
            for scheme, codes in (by_scheme or {}).items()
            for c in codes or []
        ]
        topic.checklist_items.set(answers)

    live_topic_ids = [t.pk for t, _ in topics_in_file.values()]
    for topic in Topic.objects.filter(retired_at__isnull=True).exclude(pk__in=live_topic_ids):
        topic.retired_at = now
        topic.save(update_fields=["retired_at"])
        summary.retired.append(topic.code)
    for category in Category.objects.filter(retired_at__isnull=True).exclude(pk__in=categories_in_file):
        category.retired_at = now
        category.save(update_fields=["retired_at"])
        summary.retired.append(f"category:{category.code}")

    release = StandardRelease.objects.create(
        version=data["version"], checksum=checksum, summary=summary.as_dict(), policy=policy_of(data)
    )
    record(actor, AuditCode.STANDARD_SYNCED, release, system="sync_standard", **summary.as_dict())
    transaction.on_commit(forget_navigation)
    return summary


def _sync_checklists(data, summary, now):
    index = {}
    for scheme, years in (data.get("checklists") or {}).items():
        for year, body in years.items():
            present = []
            for order, (code, names) in enumerate(body["items"].items()):
                names = names or {}
                item, _ = ChecklistItem.objects.get_or_create(
                    scheme=scheme, fiscal_year=year, code=str(code), defaults={"name_th": names.get("th", code)}
                )
                values = _names(names) | {"edition": str(body.get("edition", "")), "order": order, "retired_at": None}
                _set(item, values | _checklist_place(str(code), names, body), [], "")
                index[(scheme, year, str(code))] = item
                present.append(item.pk)
            for code, names in body["items"].items():
                parent = (names or {}).get("parent")
                parent_id = index[(scheme, year, str(parent))].pk if parent else None
                _set(index[(scheme, year, str(code))], {"parent_id": parent_id}, [], "")
            ChecklistItem.objects.filter(scheme=scheme, fiscal_year=year, retired_at__isnull=True).exclude(
                pk__in=present
            ).update(retired_at=now)
    summary.checklist_items = len(index)
    return index


def _checklist_place(code, names, body):
    """The indicator, sub-item number and due quarters of one checklist code; a sub-item inherits its parent's."""
    items = body["items"]
    parent_code = names.get("parent")
    parent = (items.get(parent_code) or {}) if parent_code else {}
    due = names if any(key in names for key in DUE_KEYS) else parent
    top = parent_code or code
    number, indicator = next(
        ((n, i) for n, i in (body.get("indicators") or {}).items() if top in (i.get("items") or [])), (None, {})
    )
    return {
        "number": code[len(parent_code) + 1 :] if parent_code else "",
        "indicator": number,
        "indicator_name_th": indicator.get("th", ""),
        "indicator_name_en": indicator.get("en", "") or "",
        "due_quarters": due_slots(due.get("due")),
        "due_count": int(due.get("count", 1)),
        "due_note_th": due.get("due_th", "") or "",
        "due_note_en": due.get("due_en", "") or "",
        "covers_previous_year": names.get("covers", parent.get("covers")) == "previous_year",
    }


def _sync_category(entry, order, summary, now):
    codes = [entry["code"], *(entry.get("previous_codes") or [])]
    category = Category.objects.filter(code__in=codes).order_by("pk").first()
    values = _names(entry) | {
        "code": entry["code"],
        "requirement": entry["requirement"],
        "number": str(entry["number"]),
        "matrix": entry.get("matrix") or {},
        "menu_name_th": (entry.get("menu") or {}).get("th", ""),
        "menu_name_en": (entry.get("menu") or {}).get("en", ""),
        "menu_order": int((entry.get("menu") or {}).get("order", 0)),
        "order": order,
        "retired_at": None,
    }
    if category is None:
        category = Category.objects.create(**values)
        summary.created.append(f"category:{category.code}")
    else:
        _set(category, values, summary.updated, f"category:{entry['code']}")
    return category


def _sync_topic(entry, category, order, summary, now, *, rule):
    code = entry["code"]
    previous = list(entry.get("previous_codes") or [])
    values = _names(entry) | {
        "category": category,
        "kind": entry.get("kind", Topic.Kind.DOCUMENT),
        "required": bool(entry.get("required", False)),
        "refresh": entry.get("refresh", Topic.Refresh.NONE),
        "currency": rule,
        "expire_days": entry.get("expire_days"),
        "responsible": list(entry.get("responsible") or []),
        "order": order,
        "retired_at": None,
        "merged_into": None,
    }
    topic = Topic.objects.filter(code=code).first()
    if entry.get("retired"):
        values["retired_at"] = (topic.retired_at if topic else None) or now
    olds = list(Topic.objects.filter(code__in=previous).exclude(code=code).order_by("pk"))
    if topic is None and olds:
        topic = olds.pop(0)
        summary.renamed.append(f"{topic.code}→{code}")
        topic.code = code
        topic.save(update_fields=["code"])
    for old in olds:
        if old.merged_into_id == topic.pk:
            continue  # merged by an earlier sync
        # A merge: the old topic's items join this one; the old topic stays, retired, pointing here.
        summary.items_moved += Item.objects.filter(topic=old).update(topic=topic)
        summary.merged.append(f"{old.code}→{code}")
        old.retired_at, old.merged_into = now, topic
        old.save(update_fields=["retired_at", "merged_into"])
    if topic is None:
        topic = Topic.objects.create(code=code, **values)
        summary.created.append(code)
    else:
        _set(topic, values, summary.updated, code)
    return topic
