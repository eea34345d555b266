"""The audit trail is one hash chain: changes, removals and moves show; rollbacks leave it whole (LOG-7, LOG-13)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from khaosan.audit.chain import genesis
from khaosan.audit.models import AUDIT_CHAIN, AppendOnlyError, AuditCode, AuditEvent, ChainHead
from khaosan.audit.services import audit_verify, record


def add(n):
    return record(None, AuditCode.ITEM_UPDATED, system="test", n=n, note="ทดสอบ", nested={"b": 1, "a": [1.5, None]})


def verify():
    out = io.StringIO()
    try:
        call_command("audit", "verify", stdout=out)
    except CommandError as error:
        return False, out.getvalue() + str(error)
    return True, out.getvalue()


def sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.mark.django_db
def test_each_event_is_chained_onto_the_one_before():
    first, second = add(1), add(2)
    assert second.seq == first.seq + 1 and second.prev_hash == first.hash
    assert ChainHead.objects.get(name=AUDIT_CHAIN).last_hash == second.hash
    stored = AuditEvent.objects.get(pk=second.pk)
    assert stored.compute_hash() == stored.hash  # the database gives back exactly what was hashed
    ok, output = verify()
    assert ok and "no problems" in output


@pytest.mark.django_db
def test_the_migration_that_chained_old_rows_hashes_like_the_model():
    import importlib

    migration = importlib.import_module("khaosan.audit.migrations.0004_chain_existing_events")
    event = AuditEvent.objects.get(pk=add(1).pk)
    assert migration.event_hash(event, event.prev_hash) == event.hash
    assert AuditEvent.objects.order_by("seq").first().prev_hash == genesis(AUDIT_CHAIN)


@pytest.mark.django_db
def test_an_event_changed_in_place_and_one_removed_are_named():
    events = [add(n) for n in range(5)]
    sql("UPDATE audit_auditevent SET actor_label = %s WHERE id = %s", ["someone-else", events[1].pk])
    sql("DELETE FROM audit_auditevent WHERE id = %s", [events[3].pk])
    ok, output = verify()
    assert not ok
    assert f"audit event id {events[1].pk} (" in output and "changed in place" in output
    assert f"audit event id {events[4].pk} (" in output and "1 record(s) missing before it" in output


@pytest.mark.django_db
def test_removing_the_newest_event_is_noticed_by_the_head():
    events = [add(n) for n in range(3)]
    sql("DELETE FROM audit_auditevent WHERE id = %s", [events[-1].pk])
    ok, output = verify()
    assert not ok and "rows removed from the end" in output


@pytest.mark.django_db
def test_events_swapped_are_noticed():
    a, _, c = add(1), add(2), add(3)
    rows = {r["id"]: r for r in AuditEvent.objects.filter(id__in=[a.pk, c.pk]).values("id", "created_at")}
    sql("UPDATE audit_auditevent SET created_at = %s WHERE id = %s", [rows[c.pk]["created_at"], a.pk])
    sql("UPDATE audit_auditevent SET created_at = %s WHERE id = %s", [rows[a.pk]["created_at"], c.pk])
    ok, output = verify()
    assert not ok and f"audit event id {a.pk}" in output and f"audit event id {c.pk}" in output


@pytest.mark.django_db
def test_events_cannot_be_changed_or_deleted_through_the_app():
    event = add(1)
    event.actor_label = "someone-else"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(actor_label="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_create([AuditEvent(actor_label="x", action=AuditCode.ITEM_CREATED)])


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_takes_its_event_and_the_head_with_it():
    """record() runs inside the caller's transaction: a rollback must not leave a gap or a dangling head."""
    before = add(1)
    with pytest.raises(RuntimeError), transaction.atomic():
        add(2)
        add(3)
        raise RuntimeError("the service failed after recording")
    head = ChainHead.objects.get(name=AUDIT_CHAIN)
    assert (head.seq, head.last_hash) == (before.seq, before.hash)
    after = add(4)
    assert after.seq == before.seq + 1 and after.prev_hash == before.hash
    assert audit_verify().ok


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_savepoint_inside_a_committed_transaction_leaves_the_chain_whole():
    with transaction.atomic():
        kept = add(1)
        try:
            with transaction.atomic():
                add(2)
                raise ValueError
        except ValueError:
            pass
        last = add(3)
    assert last.seq == kept.seq + 1
    assert audit_verify().ok


@pytest.mark.django_db
def test_an_event_names_its_action_in_the_reader_language_and_an_old_code_as_it_is():
    from django.utils import translation

    event = add(1)
    with translation.override("th"):
        assert event.get_action_display() == "แก้ไขรายการ"
    with translation.override("en"):
        assert event.get_action_display() == "edited an item"
    event.action = "retired.code"
    assert event.get_action_display() == "retired.code"
