"""The standard as data: the shipped file is valid, and sync never loses an item."""

import copy

import pytest
from django.core.management import call_command

from khaosan.catalog import standard
from khaosan.catalog.models import Category, ChecklistItem, Item, StandardRelease, Topic

pytestmark = pytest.mark.django_db

# The rules every standard file carries: how topics stay current, and how the score is counted.
RULES = {
    "currency": {
        "rules": {"none": {}, "fiscal_year": {"period": "fiscal_year", "due_days": 60},
                  "half_year": {"period": "half_year", "covers": "previous", "due_days": 30},
                  "quarterly": {"period": "quarter", "covers": "previous", "due_days": 30},
                  "monthly": {"period": "month", "covers": "previous", "due_days": 10}, "recent": {"within_days": 90}},
    },
    "completeness": {"points": {"current": 1, "expiring": 1, "stale": 0.5, "expired": 0, "missing": 0}},
}  # fmt: skip
SMALL = {
    "version": "test.1",
    **RULES,
    "checklists": {
        "moit": {2569: {"items": {"MOIT1": {"th": "มาตรการเผยแพร่"}, "MOIT2": {"th": "ข้อมูลเป็นปัจจุบัน"}}}},
        "oia": {2569: {"items": {"7(1)": {"th": "โครงสร้าง"}}}},
    },
    "categories": [
        {
            "code": "general",
            "requirement": "S-1.1",
            "number": "1.1",
            "th": "ข้อมูลหน่วยงาน",
            "topics": [
                {"code": "history", "th": "ประวัติ", "kind": "page", "answers": {2569: {"moit": ["MOIT2"]}}},
                {"code": "structure", "th": "โครงสร้าง", "answers": {2569: {"oia": ["7(1)"]}}},
                {"code": "old-news", "th": "ข่าวเก่า"},
            ],
        },
        {
            "code": "official-info",
            "requirement": "S-1.5",
            "number": "1.5",
            "th": "ข้อมูลข่าวสาร",
            "topics": [{"code": "oia-7-1", "th": "มาตรา 7(1)", "includes": ["structure"]}],
        },
    ],
}


def sync(data):
    return standard.sync(copy.deepcopy(data), checksum=str(id(data)))


@pytest.fixture
def small(db):
    sync(SMALL)
    return SMALL


@pytest.fixture
def office(db):
    from khaosan.org.models import Office

    return Office.objects.create(slug="t", name_th="สำนักงานทดสอบ", address="ที่อยู่")


def test_shipped_file_is_valid_and_answers_every_moit_item():
    data, _ = standard.load()
    topics = [t for c in data["categories"] for t in c["topics"]]
    answered = {code for t in topics for code in (t.get("answers", {}).get(2569, {}) or {}).get("moit", [])}
    assert answered == set(data["checklists"]["moit"][2569]["items"])
    assert [c["requirement"] for c in data["categories"]] == [f"S-1.{n}" for n in range(1, 11)]


def test_shipped_file_gives_oia_section_7_and_9_their_own_topics():
    data, _ = standard.load()
    codes = {t["code"] for c in data["categories"] for t in c["topics"]}
    assert {f"oia-7-{n}" for n in range(1, 5)} | {f"oia-9-{n}" for n in range(1, 9)} <= codes


def test_sync_creates_categories_topics_and_checklist_codes(small):
    assert Category.objects.filter(retired_at__isnull=True).count() == 2
    history = Topic.objects.get(code="history")
    assert history.kind == "page"
    assert list(history.checklist_items.values_list("code", flat=True)) == ["MOIT2"]
    assert list(Topic.objects.get(code="oia-7-1").includes.values_list("code", flat=True)) == ["structure"]
    assert ChecklistItem.objects.filter(scheme="moit", fiscal_year=2569, retired_at__isnull=True).count() == 2
    assert StandardRelease.objects.latest().version == "test.1"


def test_renaming_a_topic_keeps_its_items(small, office):
    item = Item.objects.create(office=office, topic=Topic.objects.get(code="history"), title="ประวัติสำนักงาน")
    renamed = copy.deepcopy(SMALL)
    entry = renamed["categories"][0]["topics"][0]
    entry.update(code="office-history", th="ประวัติความเป็นมา", previous_codes=["history"])
    summary = sync(renamed)
    item.refresh_from_db()
    assert item.topic.code == "office-history" and item.topic.name_th == "ประวัติความเป็นมา"
    assert summary.renamed == ["history→office-history"]
    assert not Topic.objects.filter(code="history").exists()


def test_merging_topics_moves_items_and_retires_the_old_one(small, office):
    old = Item.objects.create(office=office, topic=Topic.objects.get(code="old-news"), title="ข่าว")
    merged = copy.deepcopy(SMALL)
    topics = merged["categories"][0]["topics"]
    topics[:] = [t for t in topics if t["code"] != "old-news"]
    topics[0]["previous_codes"] = ["old-news"]
    summary = sync(merged)
    old.refresh_from_db()
    assert old.topic.code == "history"
    retired = Topic.objects.get(code="old-news")
    assert retired.retired_at is not None and retired.merged_into.code == "history"
    assert summary.items_moved == 1
    assert sync(merged).merged == []  # a second sync does not merge again


def test_a_topic_left_out_is_retired_not_deleted(small, office):
    item = Item.objects.create(office=office, topic=Topic.objects.get(code="old-news"), title="ข่าว")
    trimmed = copy.deepcopy(SMALL)
    trimmed["categories"][0]["topics"].pop()
    summary = sync(trimmed)
    topic = Topic.objects.get(code="old-news")
    assert topic.retired_at is not None
    assert summary.retired == ["old-news"]
    assert Item.objects.filter(pk=item.pk, topic=topic).exists()
    sync(SMALL)  # put back: it comes back to life
    assert Topic.objects.get(code="old-news").retired_at is None


def test_invalid_files_are_refused_with_every_problem_named():
    broken = copy.deepcopy(SMALL)
    broken["categories"][0]["topics"].append({"code": "history", "th": "ซ้ำ", "kind": "video"})
    broken["categories"][1]["topics"][0]["includes"] = ["nowhere"]
    broken["categories"][0]["topics"][1]["answers"] = {2569: {"moit": ["MOIT99"]}}
    with pytest.raises(standard.StandardFileError) as error:
        standard.validate(broken)
    message = str(error.value)
    assert "code repeated" in message and "kind" in message and "nowhere" in message and "MOIT99" in message


def test_management_command_is_idempotent(db, capsys):
    releases = StandardRelease.objects.count()
    call_command("sync_standard")
    assert "already in sync" in capsys.readouterr().out
    assert StandardRelease.objects.count() == releases


# MOIT indicators, sub-items and due quarters (standards.md MOIT-0.1, MOIT-0.3) ----------------------------

WITH_PARTS = copy.deepcopy(SMALL)
WITH_PARTS["checklists"]["moit"][2569] = {
    "indicators": {1: {"th": "การเปิดเผยข้อมูล", "en": "Disclosure", "items": ["MOIT1", "MOIT2"]}},
    "items": {
        "MOIT1": {"th": "มาตรการเผยแพร่", "due": [[2, 3], 4], "due_th": "ไตรมาส 2 หรือ 3 และไตรมาส 4"},
        "MOIT2": {"th": "ข้อมูลเป็นปัจจุบัน"},
        "MOIT2-1.1": {"parent": "MOIT2", "th": "ผู้บริหาร"},
        "MOIT2-17.5": {"parent": "MOIT2", "th": "สขร.1", "due": [1, 2, 3, 4], "count": 3},
        "MOIT2-17.1": {"parent": "MOIT2", "th": "วิเคราะห์ปีที่ผ่านมา", "covers": "previous_year"},
    },
}
WITH_PARTS["categories"][0]["topics"][0]["answers"] = {2569: {"moit": ["MOIT2", "MOIT2-1.1"]}}


def test_shipped_file_answers_every_moit_item_and_sub_item_of_every_year():
    data, _ = standard.load()
    topics = [t for c in data["categories"] for t in c["topics"]]
    for year, body in data["checklists"]["moit"].items():
        answered = {code for t in topics for code in ((t.get("answers") or {}).get(year) or {}).get("moit", [])}
        assert answered == set(body["items"]), year
        placed = [code for indicator in body["indicators"].values() for code in indicator["items"]]
        assert placed == [code for code, entry in body["items"].items() if not entry.get("parent")]
    assert len(data["checklists"]["moit"][2569]["indicators"]) == 9


def test_sync_gives_sub_items_their_parent_indicator_and_due_quarters(db):
    sync(WITH_PARTS)
    items = {c.code: c for c in ChecklistItem.objects.filter(scheme="moit", fiscal_year=2569)}
    part = items["MOIT2-1.1"]
    assert (part.parent, part.number, part.indicator, part.indicator_name_th) == (items["MOIT2"], "1.1", 1,
                                                                                  "การเปิดเผยข้อมูล")  # fmt: skip
    assert part.due_quarters == [[1, 2, 3, 4]] and part.due_count == 1  # once a year unless the file says
    assert items["MOIT1"].due_quarters == [[2, 3], [4]] and items["MOIT1"].due_note_th.startswith("ไตรมาส 2")
    assert items["MOIT2-17.5"].due_quarters == [[1], [2], [3], [4]] and items["MOIT2-17.5"].due_count == 3
    assert items["MOIT2-17.1"].covers_previous_year and not part.covers_previous_year
    assert list(Topic.objects.get(code="history").checklist_items.order_by("order").values_list("code", flat=True)) == [
        "MOIT2", "MOIT2-1.1"]  # fmt: skip


def test_shipped_moit_due_rules_follow_the_standard(synced_standard):
    items = {c.code: c for c in ChecklistItem.objects.filter(scheme="moit", fiscal_year=2569)}
    assert items["MOIT5"].due_quarters == [[1], [2], [3], [4]] and items["MOIT5"].due_count == 3
    assert items["MOIT4-(2)"].due_quarters == [[1], [2], [3], [4]]
    assert items["MOIT13"].due_quarters == [[2, 3], [4]]
    assert items["MOIT6"].due_quarters == [[1, 2, 3, 4]]
    assert items["MOIT3"].covers_previous_year and items["MOIT1-2.2"].covers_previous_year
    assert [p.code for p in items["MOIT4"].parts.order_by("order")] == ["MOIT4-(1)", "MOIT4-(2)", "MOIT4-(3)"]
    assert items["MOIT2"].parts.count() == 8 + 15 + 5  # 1.1-1.8, 2-16, 17.1-17.5 and items["MOIT1"].parts.count() == 7


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d["items"]["MOIT2-1.1"].update(parent="MOIT9"), "MOIT9 is not an item"),
        (lambda d: d["items"]["MOIT2-17.1"].update(parent="MOIT2-1.1"), "without a parent"),
        (lambda d: d["items"].update({"MOIT2.3": {"parent": "MOIT2", "th": "x"}}), "<parent>-<number>"),
        (lambda d: d["items"]["MOIT1"].update(due=[5]), "MOIT1.due"),
        (lambda d: d["items"]["MOIT1"].update(due=[]), "MOIT1.due"),
        (lambda d: d["items"]["MOIT1"].update(due=[[2, "3"]]), "MOIT1.due"),
        (lambda d: d["items"]["MOIT1"].update(count=0), "MOIT1.count"),
        (lambda d: d["items"]["MOIT1"].update(covers="next_year"), "MOIT1.covers"),
        (lambda d: d["items"]["MOIT1"].update(quarter=2), "unknown keys quarter"),
        (lambda d: d["indicators"][1]["items"].remove("MOIT2"), "MOIT2: under no indicator"),
        (lambda d: d["indicators"].update({2: {"th": "ซ้ำ", "items": ["MOIT1"]}}), "already under indicator 1"),
        (lambda d: d["indicators"][1]["items"].append("MOIT2-1.1"), "MOIT2-1.1 is not a top-level item"),
        (lambda d: d["indicators"][1].pop("th"), "indicators.1.th"),
    ],
)
def test_invalid_moit_parts_and_due_quarters_are_refused(change, named):
    broken = copy.deepcopy(WITH_PARTS)
    change(broken["checklists"]["moit"][2569])
    with pytest.raises(standard.StandardFileError) as error:
        standard.validate(broken)
    assert named in str(error.value)


def test_a_topic_answering_a_sub_item_must_name_its_parent():
    broken = copy.deepcopy(WITH_PARTS)
    broken["categories"][0]["topics"][0]["answers"] = {2569: {"moit": ["MOIT2-1.1"]}}
    with pytest.raises(standard.StandardFileError) as error:
        standard.validate(broken)
    assert "MOIT2-1.1 is a sub-item; name MOIT2 too" in str(error.value)
    standard.validate(copy.deepcopy(WITH_PARTS))  # the valid file passes


def test_a_file_without_the_currency_rules_is_refused():
    bare = {k: v for k, v in copy.deepcopy(SMALL).items() if k not in RULES}
    with pytest.raises(standard.StandardFileError) as error:
        standard.validate(bare)
    assert "currency.rules: one rule for each of" in str(error.value)
    assert "completeness.points" in str(error.value)
