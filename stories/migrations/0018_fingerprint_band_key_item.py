from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0017_feed_pull_state"),
    ]

    operations = [
        # The band key index, with the item beside the key: grouping ranks the items sharing
        # a new one's keys from the index alone (issue 14).
        migrations.AddIndex(
            model_name="fingerprintband",
            index=models.Index(fields=["key", "fingerprint"], name="fingerprint_band_key_item"),
        ),
        migrations.RemoveIndex(model_name="fingerprintband", name="fingerprint_band_key"),
    ]
