"""On PostgreSQL, the audit trail refuses UPDATE and DELETE from any client, not only the app.

TRUNCATE is left alone: the test runner empties tables between tests with it, and only
the database owner can truncate.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION stories_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on stories_auditevent refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stories_auditevent_append_only
    BEFORE UPDATE OR DELETE ON stories_auditevent
    FOR EACH ROW EXECUTE FUNCTION stories_auditevent_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS stories_auditevent_append_only ON stories_auditevent;
DROP FUNCTION IF EXISTS stories_auditevent_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("stories", "0002_roles")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
