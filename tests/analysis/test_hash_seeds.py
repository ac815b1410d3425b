"""The engine says the same of the same copy in every process: Python salts the hashes of
strings afresh in each one, and a choice made in a set's order would change a stored
comparison when it is made again (a story re-analysed, a page computed on another worker)."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# A figure with its conversion in brackets on each side: two counted things ("C", "F") beside
# one name each, either of which names the sentences' counterpart. Two sentences a side: two
# sources of one sentence each are linked as two snaps of one story (`links`).
WARNING = "\nThe weather office issued a heat warning.\n"
A = "In Varna province, temperatures threatened to top the 37.1 C (98.8 F) record of 1976.\n" + WARNING
B = "Western Dorval saw temperatures hit 38 C (100.4 F) by the afternoon.\n" + WARNING
SCRIPT = f"""
import json
from tests.analysis.reported import conflicts
print(json.dumps(conflicts({A!r}, {B!r})))
"""


def reported_with_hash_seed(seed: int) -> list:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_same_conflicts_whatever_the_hash_seed():
    first = reported_with_hash_seed(0)
    assert first, "the pair has a conflict to report"
    assert all(reported_with_hash_seed(seed) == first for seed in (1, 2, 3, 4, 5))
