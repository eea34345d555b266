"""Every audit row now has its place in the chain: make `seq` required and unique."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_chain_existing_events")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(editable=False, unique=True, verbose_name="ลำดับในสายโซ่"),
        ),
    ]
