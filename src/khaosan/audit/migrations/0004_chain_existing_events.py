"""Chain the audit rows written before the trail was a hash chain, in the order they were stored (LOG-7).

The hash recipe is frozen here ("audit/1"), so this migration gives the same chain whatever later code
does; tests/audit/test_audit_chain.py checks it against AuditEvent.compute_hash().
"""

from django.db import migrations

from khaosan.audit.chain import canonical_address, canonical_json, canonical_time, digest, genesis

CHAIN = "audit"


def event_hash(event, prev_hash):
    return digest(
        "audit/1",
        event.seq,
        canonical_time(event.created_at),
        event.office_id,
        event.actor_id,
        event.actor_label,
        event.action,
        event.object_type,
        event.object_id,
        event.object_repr,
        canonical_json(event.changes),
        canonical_address(event.address),
        prev_hash,
    )


def chain_existing(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ChainHead = apps.get_model("audit", "ChainHead")
    db = schema_editor.connection.alias
    previous, seq = genesis(CHAIN), 0
    for event in AuditEvent.objects.using(db).order_by("pk").iterator(chunk_size=2000):
        seq += 1
        event.seq = seq
        event.prev_hash = previous
        event.hash = event_hash(event, previous)
        event.save(update_fields=["seq", "prev_hash", "hash"])
        previous = event.hash
    head = {"seq": seq, "last_hash": previous if seq else ""}
    ChainHead.objects.using(db).update_or_create(name=CHAIN, defaults=head)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_chain_and_traffic_log")]

    operations = [migrations.RunPython(chain_existing, migrations.RunPython.noop)]
