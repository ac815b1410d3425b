"""A GIN index for the inbox's full-text search of copy, on PostgreSQL only.

The expression is the one Django's SearchVector("text", config="english") produces, so
the planner uses the index for stories.queries.
"""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS stories_sourceversion_text_search
ON stories_sourceversion USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))
"""
DROP = "DROP INDEX IF EXISTS stories_sourceversion_text_search"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("stories", "0004_analysis_and_reading")]

    operations = [migrations.RunPython(create_index, drop_index)]
