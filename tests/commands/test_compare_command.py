"""`manage.py compare`: JSON that the shared contract accepts, the gold labels met, and
clear errors; never the database (no django_db mark: any query would fail the test)."""

import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError, call_command

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SAMPLES = sorted((SHARED / "samples").glob("*.txt"))


def run_compare(*args: str) -> str:
    out = io.StringIO()
    call_command("compare", *args, stdout=out)
    return out.getvalue()


def test_it_prints_json_that_the_contract_accepts():
    result = json.loads(run_compare(*map(str, SAMPLES), "--json"))
    schema = json.loads((SHARED / "contracts" / "compare.schema.json").read_text())
    jsonschema.validate(result, schema)
    assert [s["key"] for s in result["sources"]] == ["A", "B"]
    assert [s["name"] for s in result["sources"]] == [str(p) for p in SAMPLES]


def test_it_places_every_block_in_exactly_one_cell():
    result = json.loads(run_compare(*map(str, SAMPLES), "--json"))
    placed = [b for row in result["rows"] for cell in row["cells"] for b in cell["blocks"]]
    blocks = [b["id"] for s in result["sources"] for b in s["blocks"]]
    assert sorted(placed) == sorted(blocks)


def test_it_meets_every_gold_label_of_the_samples():
    command = [sys.executable, str(REPO / "manage.py"), "compare", "--json"]
    proc = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "seeds_check.py"), str(SHARED / "samples"), "--", *command],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "repeats 10/10 false 0" in proc.stdout


def test_it_prints_a_readable_report_without_json():
    report = run_compare(*map(str, SAMPLES))
    assert "repeat of A2" in report
    assert "[style]" in report and "Conflicts" in report


def test_it_compares_a_file_with_a_byte_order_mark_and_one_in_cp1252(tmp_path):
    utf8 = tmp_path / "a.txt"
    utf8.write_bytes("\ufeffPresident Nicolás Maduro spoke on Friday.\n".encode("utf-8"))
    legacy = tmp_path / "b.txt"
    legacy.write_bytes("President Nicolás Maduro spoke on Friday.\n".encode("cp1252"))
    result = json.loads(run_compare(str(utf8), str(legacy), "--json"))
    texts = [s["blocks"][0]["text"] for s in result["sources"]]
    assert texts == ["President Nicolás Maduro spoke on Friday."] * 2
    assert [c["status"] for c in result["rows"][0]["cells"]] == ["same", "same"]


def test_it_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="nope.txt"):
        run_compare(str(SAMPLES[0]), str(tmp_path / "nope.txt"))


def test_it_names_a_folder_given_as_a_file(tmp_path):
    with pytest.raises(CommandError, match=str(tmp_path)):
        run_compare(str(SAMPLES[0]), str(tmp_path))


def test_it_compares_structured_wire_formats_as_the_text_they_carry():
    wire = REPO / "tests" / "ingest" / "wire"
    result = json.loads(
        run_compare(str(wire / "ferry-strike.nitf.xml"), str(wire / "ferry-strike.ninjs.json"), "--json")
    )
    first, second = result["sources"]
    assert [block["kind"] for block in first["blocks"][:2]] == ["headline", "dek"]
    assert not any("<" in block["text"] for block in first["blocks"])
    assert all(row["cells"][0]["status"] == "same" for row in result["rows"]), "one item in two formats"
    assert len(first["blocks"]) == len(second["blocks"])
