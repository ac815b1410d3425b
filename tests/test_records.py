"""Records kept as written: article versions and the audit trail (on PostgreSQL, even against SQL)."""

import pytest
from django.db import DatabaseError, connection, transaction

from stories.models import Article, ArticleVersion, AuditEvent, ImmutableRecordError, Story
from stories.services.audit import record_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return record_event(action="ingest", actor=None, actor_name="feed", subject="SourceVersion 1", summary="x")


def test_an_audit_event_cannot_be_changed_or_deleted_through_the_application(event):
    event.summary = "rewritten"
    with pytest.raises(ImmutableRecordError):
        event.save()
    with pytest.raises(ImmutableRecordError):
        event.delete()
    with pytest.raises(ImmutableRecordError):
        AuditEvent.objects.all().delete()
    with pytest.raises(ImmutableRecordError):
        AuditEvent.objects.update(summary="rewritten")


@pytest.mark.parametrize(
    "statement", ["UPDATE stories_auditevent SET summary = 'rewritten'", "DELETE FROM stories_auditevent"]
)
def test_postgresql_refuses_changing_the_audit_trail_through_sql(event, statement):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEvent.objects.get().summary == "x"


def test_an_article_version_is_never_changed(django_user_model):
    story = Story.objects.create(headline="Pier fire", last_received_at="2026-11-24T10:00Z")
    version = ArticleVersion.objects.create(
        article=Article.objects.create(story=story), number=1, headline="h", body="b"
    )
    version.body = "changed"
    with pytest.raises(ImmutableRecordError):
        version.save()
    with pytest.raises(ImmutableRecordError):
        version.delete()
