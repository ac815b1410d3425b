"""Records kept as they were written: the base of article versions and the audit trail."""

from django.db import models


class ImmutableRecordError(Exception):
    """Raised when code tries to change or delete a record that is kept as it was written."""


class WrittenOnce(models.Model):
    """A record that is written once and then kept as it is: no update, no delete."""

    refusal = "This record is kept as it was written."

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ImmutableRecordError(self.refusal)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError(self.refusal)
