"""What the push tests share: an agency's pushed feed with a live token, and a push."""

import io
import zipfile

from stories.models import Feed, FeedKind, Provider
from stories.services.feeds import issue_token
from stories.services.ingest import IncomingCopy


def pushed_feed(admin, name: str = "Northwire push") -> tuple[Feed, str]:
    """A pushed feed of the Northwire agency, and a token for it, as the admin issues one."""
    provider = Provider.objects.get_or_create(name="Northwire")[0]
    feed = Feed.objects.create(kind=FeedKind.PUSH, name=name, provider=provider)
    return feed, issue_token(feed=feed, by=admin)[1]


def push_headers(token: str, name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Disposition": f'attachment; filename="{name}"'}


def zipped(name: str, files: list[IncomingCopy]) -> IncomingCopy:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            archive.writestr(file.name, file.data)
    return IncomingCopy(name, buffer.getvalue())
