"""A queued upload batch, for the tests of batches and of what happens when workers fail."""

import pytest

from stories.models import UploadBatch
from stories.services.batches import take_in_upload
from stories.services.ingest import IncomingCopy
from tests.services.test_batches import dispatch


@pytest.fixture
def queued(alice_admin, settings) -> UploadBatch:
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 3
    files = [dispatch(n) for n in range(1, 5)] + [IncomingCopy("blank.txt", b"   \n"), dispatch(1)]
    batch = take_in_upload(files=files, user=alice_admin, story=None, provider=None)
    assert isinstance(batch, UploadBatch)
    return batch
