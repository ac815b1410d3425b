"""Small wire copy of our own for view tests: two agencies' versions of one story, and a third's."""

from stories.services.ingest import IncomingCopy, ingest_files

HARBOUR_A = """A fire at a cold-storage warehouse injured 12 people on Tuesday.
Harbour Blaze Injures 12

Harbour Blaze Injures 12
Firefighters fought the flames for six hours.
PORT ALDER (Northwire) - A fire tore through a warehouse on Pier 9 late on Tuesday, injuring 12 people.
Fire chief Søren Holmgaard said the building had been cleared in time.
The damage was put at 38 million kroner by the harbour authority.
Police said the cause of the fire was not yet known.
Fire chief Søren Holmgaard said the building had been cleared in time.
The damage was put at 38 million kroner by the harbour authority.
"""

HARBOUR_B = """**Fourteen people were hurt when fire gutted a warehouse in Port Alder on Wednesday.**
**Fire Guts Port Alder Warehouse**

**Fire Guts Port Alder Warehouse**
PORT ALDER (Meridian Press) - A fire tore through a warehouse on Pier 9 early on Wednesday, injuring 14 people.
Fire chief Soren Holmgaard said the building had been cleared in time.
The damage was put at 43 million kroner by the harbour authority.
Police said the cause of the fire was not yet known.
The dock workers' union called for safety inspections of every pier.
"""

# A third agency's version: 15 people injured (Northwire says 12, Meridian 14), 43 million kroner (as Meridian).
HARBOUR_C = """Fire Hits Port Alder Pier
PORT ALDER (Coastal News) - A fire tore through a warehouse on Pier 9 early on Wednesday, injuring 15 people.
Fire chief Soren Holmgaard said the building had been cleared in time.
The damage was put at 43 million kroner by the harbour authority.
Police said the cause of the fire was not yet known.
"""


def harbour_story(*, extra: list[tuple[str, str]] = ()):
    """The story with both versions (and any extra sources), as an ingest would store it."""
    files = [IncomingCopy("northwire.txt", HARBOUR_A.encode()), IncomingCopy("meridian.txt", HARBOUR_B.encode())]
    files += [IncomingCopy(name, text.encode()) for name, text in extra]
    return ingest_files(files=files, user=None).story
