"""The audit trail becomes a hash chain; the traffic log, its daily segments and holds; job heartbeats."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0002_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='ChainHead',
            fields=[
                ('name', models.CharField(max_length=40, primary_key=True, serialize=False)),
                ('seq', models.PositiveBigIntegerField(default=0)),
                ('last_hash', models.CharField(blank=True, max_length=64)),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name': 'หัวสายโซ่',
                'verbose_name_plural': 'หัวสายโซ่',
            },
        ),
        migrations.CreateModel(
            name='ChainVerification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('chain', models.CharField(choices=[('traffic', 'ข้อมูลจราจร'), ('audit', 'บันทึกตรวจสอบ')], max_length=20)),
                ('started_at', models.DateTimeField()),
                ('finished_at', models.DateTimeField()),
                ('ok', models.BooleanField(verbose_name='ถูกต้อง')),
                ('records', models.PositiveBigIntegerField(default=0)),
                ('segments', models.PositiveIntegerField(default=0)),
                ('problem_count', models.PositiveIntegerField(default=0)),
                ('problems', models.JSONField(blank=True, default=list)),
                ('date_from', models.DateField(blank=True, null=True)),
                ('date_to', models.DateField(blank=True, null=True)),
                ('actor_label', models.CharField(blank=True, max_length=200)),
            ],
            options={
                'verbose_name': 'การตรวจสอบความถูกต้องของบันทึก',
                'verbose_name_plural': 'การตรวจสอบความถูกต้องของบันทึก',
                'ordering': ['-started_at'],
                'get_latest_by': 'started_at',
            },
        ),
        migrations.CreateModel(
            name='Heartbeat',
            fields=[
                ('job', models.CharField(max_length=60, primary_key=True, serialize=False)),
                ('last_started_at', models.DateTimeField(blank=True, null=True)),
                ('last_finished_at', models.DateTimeField(blank=True, null=True)),
                ('last_ok', models.BooleanField(null=True)),
                ('summary', models.JSONField(blank=True, default=dict)),
                ('runs', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'สถานะงานตามกำหนดเวลา',
                'verbose_name_plural': 'สถานะงานตามกำหนดเวลา',
                'ordering': ['job'],
            },
        ),
        migrations.CreateModel(
            name='TrafficSegment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(unique=True, verbose_name='วัน (UTC)')),
                ('count', models.PositiveBigIntegerField(default=0, verbose_name='จำนวนรายการ')),
                ('last_hash', models.CharField(blank=True, max_length=64)),
                ('opened_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('sealed_at', models.DateTimeField(blank=True, null=True, verbose_name='ปิดผนึกเมื่อ')),
                ('records_digest', models.CharField(blank=True, max_length=64)),
                ('prev_digest', models.CharField(blank=True, max_length=64)),
                ('digest', models.CharField(blank=True, max_length=64, verbose_name='ค่าตรวจสอบ')),
                ('clock_synchronised', models.BooleanField(blank=True, null=True, verbose_name='นาฬิกาตรงกับเวลามาตรฐาน')),
                ('clock_offset_ms', models.FloatField(blank=True, null=True, verbose_name='คลาดเคลื่อน (มิลลิวินาที)')),
                ('clock_source', models.CharField(blank=True, max_length=40)),
                ('purged_at', models.DateTimeField(blank=True, null=True, verbose_name='ลบรายการเมื่อ')),
            ],
            options={
                'verbose_name': 'ข้อมูลจราจรรายวัน',
                'verbose_name_plural': 'ข้อมูลจราจรรายวัน',
                'ordering': ['-day'],
            },
        ),
        migrations.CreateModel(
            name='TrafficWriteFailure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(unique=True)),
                ('count', models.PositiveIntegerField(default=0)),
                ('last_error', models.CharField(blank=True, max_length=200)),
                ('last_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name': 'การบันทึกข้อมูลจราจรที่ไม่สำเร็จ',
                'verbose_name_plural': 'การบันทึกข้อมูลจราจรที่ไม่สำเร็จ',
                'ordering': ['-day'],
            },
        ),
        migrations.AddField(
            model_name='auditevent',
            name='hash',
            field=models.CharField(default='', editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='auditevent',
            name='prev_hash',
            field=models.CharField(default='', editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='auditevent',
            name='seq',
            # Made unique and required in 0005, once 0004 has chained the rows already there.
            field=models.PositiveBigIntegerField(editable=False, null=True, verbose_name='ลำดับในสายโซ่'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='action',
            field=models.CharField(choices=[('item.created', 'สร้างรายการ'), ('item.updated', 'แก้ไขรายการ'), ('item.published', 'เผยแพร่รายการ'), ('item.withdrawn', 'ถอนการเผยแพร่'), ('attachment.added', 'แนบไฟล์'), ('attachment.removed', 'นำไฟล์ออก'), ('standard.synced', 'นำเข้ามาตรฐาน'), ('request.created', 'สร้างคำขอเผยแพร่'), ('request.registered', 'ลงทะเบียนรับคำขอจากหนังสือ/อีเมล'), ('request.updated', 'แก้ไขคำขอ'), ('request.file_added', 'แนบไฟล์ในคำขอ'), ('request.file_removed', 'นำไฟล์ออกจากคำขอ'), ('request.submitted', 'ยื่นคำขอ'), ('request.decided', 'พิจารณาคำขอ'), ('request.cancelled', 'ยกเลิกคำขอ'), ('request.taken', 'รับงานเผยแพร่'), ('request.published', 'เผยแพร่ตามคำขอ'), ('staff.invited', 'เพิ่มเจ้าหน้าที่'), ('staff.changed', 'แก้ไขบทบาทเจ้าหน้าที่'), ('staff.deactivated', 'ปิดการใช้งานเจ้าหน้าที่'), ('delegation.created', 'มอบอำนาจ'), ('delegation.revoked', 'ยกเลิกการมอบอำนาจ'), ('office.changed', 'แก้ไขการตั้งค่าสำนักงาน'), ('auth.login', 'เข้าสู่ระบบ'), ('auth.logout', 'ออกจากระบบ'), ('auth.login_failed', 'เข้าสู่ระบบไม่สำเร็จ'), ('auth.locked_out', 'ระงับการเข้าสู่ระบบชั่วคราว'), ('auth.unlocked', 'ปลดล็อกการเข้าสู่ระบบ'), ('auth.2fa_enabled', 'เปิดใช้การยืนยันตัวตนสองขั้นตอน'), ('auth.2fa_reset', 'ล้างการยืนยันตัวตนสองขั้นตอน'), ('auth.password_changed', 'เปลี่ยนรหัสผ่าน'), ('traffic.viewed', 'เปิดดูข้อมูลจราจรทางคอมพิวเตอร์'), ('traffic.exported', 'ส่งออกข้อมูลจราจรทางคอมพิวเตอร์'), ('traffic.sealed', 'ปิดผนึกข้อมูลจราจรรายวัน'), ('traffic.held', 'สั่งเก็บรักษาข้อมูลจราจรเกินกำหนด'), ('traffic.purged', 'ลบข้อมูลจราจรที่พ้นระยะเวลาเก็บรักษา'), ('backup.created', 'สำรองข้อมูล'), ('backup.restored', 'กู้คืนข้อมูลจากชุดสำรอง'), ('housekeeping.ran', 'งานดูแลระบบประจำวัน')], max_length=60, verbose_name='การกระทำ'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='created_at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False, verbose_name='เวลา'),
        ),
        migrations.CreateModel(
            name='TrafficRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('segment', models.DateField(editable=False, verbose_name='วัน (UTC)')),
                ('seq', models.PositiveBigIntegerField(editable=False, verbose_name='ลำดับ')),
                ('at', models.DateTimeField(help_text='เวลาที่เริ่มรับคำขอ ละเอียดถึงมิลลิวินาที', verbose_name='เวลา (UTC)')),
                ('address', models.GenericIPAddressField(blank=True, null=True, verbose_name='ที่อยู่ IP')),
                ('port', models.PositiveIntegerField(blank=True, null=True, verbose_name='พอร์ต')),
                ('user_id', models.BigIntegerField(blank=True, null=True, verbose_name='รหัสผู้ใช้')),
                ('username', models.CharField(blank=True, max_length=150, verbose_name='ชื่อผู้ใช้')),
                ('method', models.CharField(max_length=16, verbose_name='วิธี')),
                ('path', models.CharField(max_length=2000, verbose_name='URL')),
                ('status', models.PositiveSmallIntegerField(verbose_name='สถานะ')),
                ('response_bytes', models.BigIntegerField(blank=True, null=True, verbose_name='ขนาดที่ตอบ (ไบต์)')),
                ('duration_ms', models.PositiveIntegerField(verbose_name='ใช้เวลา (มิลลิวินาที)')),
                ('user_agent', models.CharField(blank=True, max_length=300, verbose_name='โปรแกรมค้นดู')),
                ('request_id', models.CharField(max_length=64, verbose_name='รหัสคำขอ')),
                ('prev_hash', models.CharField(editable=False, max_length=64)),
                ('hash', models.CharField(editable=False, max_length=64)),
            ],
            options={
                'verbose_name': 'ข้อมูลจราจรทางคอมพิวเตอร์',
                'verbose_name_plural': 'ข้อมูลจราจรทางคอมพิวเตอร์',
                'ordering': ['-segment', '-seq'],
                'constraints': [models.UniqueConstraint(fields=('segment', 'seq'), name='traffic_place_in_chain')],
            },
        ),
        migrations.CreateModel(
            name='TrafficHold',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('until', models.DateField(verbose_name='เก็บไว้ถึง')),
                ('reason', models.TextField(verbose_name='เหตุผล / คำสั่ง')),
                ('actor_label', models.CharField(max_length=200, verbose_name='ผู้สั่ง')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('segment', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='holds', to='audit.trafficsegment')),
            ],
            options={
                'verbose_name': 'คำสั่งเก็บรักษาข้อมูลจราจร',
                'verbose_name_plural': 'คำสั่งเก็บรักษาข้อมูลจราจร',
                'ordering': ['-created_at'],
            },
        ),
    ]
