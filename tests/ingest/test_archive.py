"""Expanding a zip batch of wire copy: the files come through, the unsafe ones are refused.

Every archive is built here in memory; the ones no honest zip tool writes (a header that
lies, an encrypted flag, a strange compression method) by patching the bytes of a real one.
"""

import io
import random
import struct
import tracemalloc
import warnings
import zipfile

import pytest

from stories.ingest.archive import ArchiveLimits, ArchiveRefusal, ExpandedArchive, expand_zip, is_zip
from stories.ingest.decode import CopyRefused

MIB = 1024 * 1024
LIMITS = ArchiveLimits(max_member_bytes=10_000, max_members=20, max_total_bytes=100_000)
COPY = "Søren Holmgaard said the “fire” at Pier 9 was out — 12 injured.\n".encode()


def make_zip(*entries: tuple[str | zipfile.ZipInfo, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def between_good_files(name: str | zipfile.ZipInfo, data: bytes, **kwargs) -> bytes:
    return make_zip(("a.txt", b"first file\n"), (name, data), ("c.txt", b"third file\n"), **kwargs)


def expand(data: bytes, limits: ArchiveLimits = LIMITS) -> ExpandedArchive:
    return expand_zip("batch.zip", data, limits)


def the_refusal(data: bytes, limits: ArchiveLimits = LIMITS) -> ArchiveRefusal:
    """The one refusal of an archive built by between_good_files; its neighbours come through."""
    expanded = expand(data, limits)
    assert [(member.name, member.data) for member in expanded.members] == [
        ("batch.zip/a.txt", b"first file\n"),
        ("batch.zip/c.txt", b"third file\n"),
    ]
    [refusal] = expanded.refusals
    assert refusal.message.startswith(f"{refusal.name}: "), "every refusal names the file"
    return refusal


def archive_refusal(data: bytes, limits: ArchiveLimits = LIMITS) -> str:
    with pytest.raises(CopyRefused) as caught:
        expand(data, limits)
    message = str(caught.value)
    assert message.startswith("batch.zip: "), "every refusal names the archive"
    return message


def patch_directory(data: bytes, name: str, *, flags: int = 0, method: int | None = None, size: int | None = None):
    """The archive with the central directory's entry for `name` changed: flag bits set, the
    compression method or the declared uncompressed size replaced. zipfile believes these."""
    patched = bytearray(data)
    at = patched.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", patched, at + 28)[0]
        if patched[at + 46 : at + 46 + name_length] == name.encode():
            struct.pack_into("<H", patched, at + 8, struct.unpack_from("<H", patched, at + 8)[0] | flags)
            if method is not None:
                struct.pack_into("<H", patched, at + 10, method)
            if size is not None:
                struct.pack_into("<I", patched, at + 24, size)
            return bytes(patched)
        at = patched.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"no entry {name} in the archive")


def member_data_span(data: bytes, name: str) -> slice:
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    return slice(start, start + info.compress_size)


def unpacking_peak(data: bytes, limits: ArchiveLimits) -> tuple[ExpandedArchive, int]:
    """The expanded archive, and the most memory expanding it took at any moment."""
    tracemalloc.start()
    try:
        expanded = expand(data, limits)
        return expanded, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def text_of(size: int) -> bytes:
    """Bytes that do not compress much, so only the size limits apply."""
    return random.Random(size).randbytes(size // 2).hex().encode()


class TestExpanding:
    def test_it_gives_each_file_with_its_path_and_exact_bytes_in_archive_order(self):
        data = make_zip(("z.txt", COPY), ("folder/", b""), ("folder/b.txt", b"second\r\n"), ("a.txt", b"\x01third"))
        expanded = expand(data)
        assert [(member.name, member.data) for member in expanded.members] == [
            ("batch.zip/z.txt", COPY),
            ("batch.zip/folder/b.txt", b"second\r\n"),
            ("batch.zip/a.txt", b"\x01third"),
        ]
        assert expanded.refusals == [] and expanded.skipped == ["batch.zip/folder/"]

    def test_it_reads_stored_as_well_as_deflated_files(self):
        expanded = expand(make_zip(("a.txt", COPY), compression=zipfile.ZIP_STORED))
        assert expanded.members[0].data == COPY

    def test_it_reads_utf8_names(self):
        expanded = expand(make_zip(("Ærø/nyheder – morgen.txt", COPY)))
        assert expanded.members[0].name == "batch.zip/Ærø/nyheder – morgen.txt"

    def test_it_makes_windows_backslashes_slashes(self):
        expanded = expand(make_zip(("folder\\sub\\b.txt", COPY), ("folder\\", b"")))
        assert expanded.members[0].name == "batch.zip/folder/sub/b.txt"
        assert expanded.skipped == ["batch.zip/folder/"]

    def test_it_skips_folders_and_operating_system_clutter_and_lists_them(self):
        data = make_zip(
            ("folder/", b""),
            ("__MACOSX/", b""),
            ("__MACOSX/._a.txt", b"\x00\x05\x16\x07"),
            ("a.txt", COPY),
            (".DS_Store", b"\x00\x00\x00\x01Bud1"),
            ("folder/Thumbs.db", b"\xd0\xcf\x11\xe0"),
            ("folder/DESKTOP.INI", b"[.ShellClassInfo]"),
        )
        expanded = expand(data)
        assert [member.name for member in expanded.members] == ["batch.zip/a.txt"]
        assert expanded.refusals == []
        assert expanded.skipped == [
            "batch.zip/folder/",
            "batch.zip/__MACOSX/",
            "batch.zip/__MACOSX/._a.txt",
            "batch.zip/.DS_Store",
            "batch.zip/folder/Thumbs.db",
            "batch.zip/folder/DESKTOP.INI",
        ]

    def test_it_passes_an_empty_file_through_for_decoding_to_refuse(self):
        assert expand(make_zip(("empty.txt", b""))).members[0].data == b""

    def test_it_does_not_count_clutter_against_the_file_limit(self):
        files = [(f"{number}.txt", COPY) for number in range(20)]
        junk = [(f"__MACOSX/._{number}.txt", b"junk") for number in range(20)]
        assert len(expand(make_zip(*files, *junk)).members) == 20


class TestFileRefusals:
    @pytest.mark.parametrize(
        "path, why",
        [
            ("../evil.txt", "a '..' step up"),
            ("folder/../../evil.txt", "a '..' step up"),
            ("..\\evil.txt", "a '..' step up"),
            ("/etc/passwd", "an absolute path"),
            ("\\windows\\evil.txt", "an absolute path"),
            ("C:/evil.txt", "a drive letter"),
            ("c:\\evil.txt", "a drive letter"),
        ],
    )
    def test_it_refuses_a_path_that_leaves_the_archive(self, path, why):
        refusal = the_refusal(between_good_files(path, COPY))
        assert f"refused, its path leaves the archive ({why})" in refusal.message

    def test_it_refuses_a_symbolic_link(self):
        link = zipfile.ZipInfo("link.txt")
        link.create_system = 3  # unix
        link.external_attr = 0o120777 << 16
        refusal = the_refusal(between_good_files(link, b"/etc/passwd"))
        assert refusal.name == "batch.zip/link.txt" and "symbolic link" in refusal.message

    def test_it_refuses_an_encrypted_file(self):
        data = patch_directory(between_good_files("secret.txt", COPY), "secret.txt", flags=0x1)
        assert "password-protected" in the_refusal(data).message

    def test_it_refuses_a_zip_inside_the_zip_by_its_content(self):
        inner = make_zip(("inner.txt", COPY))
        refusal = the_refusal(between_good_files("inner.dat", inner))
        assert refusal.name == "batch.zip/inner.dat"
        assert "zip archives inside a zip are not expanded" in refusal.message

    def test_it_refuses_a_file_over_the_size_limit_and_states_the_limit(self):
        refusal = the_refusal(between_good_files("big.txt", text_of(12_000)))
        assert refusal.message == (
            "batch.zip/big.txt: the file is 11.7 KB uncompressed, over the limit of 9.8 KB per file."
        )

    def test_it_states_the_size_limit_as_the_copy_limit_is_stated(self):
        limits = ArchiveLimits(max_member_bytes=2 * MIB)
        refusal = the_refusal(between_good_files("big.txt", text_of(2 * MIB + 2)), limits)
        assert "over the limit of 2.0 MB per file" in refusal.message

    def test_it_refuses_a_file_whose_data_fails_its_checksum(self):
        data = bytearray(between_good_files("damaged.txt", COPY, compression=zipfile.ZIP_STORED))
        data[member_data_span(bytes(data), "damaged.txt").start] ^= 0xFF
        assert "damaged" in the_refusal(bytes(data)).message

    def test_it_refuses_a_file_whose_data_cannot_be_decompressed(self):
        data = bytearray(between_good_files("damaged.txt", COPY * 10))
        span = member_data_span(bytes(data), "damaged.txt")
        data[span] = b"\xff" * (span.stop - span.start)
        assert "damaged" in the_refusal(bytes(data)).message

    def test_it_refuses_a_compression_method_it_cannot_read(self):
        data = patch_directory(between_good_files("odd.txt", COPY), "odd.txt", method=99)
        assert "compressed with a method this tool cannot read (zip method 99)" in the_refusal(data).message

    def test_it_refuses_the_second_of_two_files_of_one_name(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # zipfile warns of the duplicate it writes
            data = make_zip(("a.txt", b"first file\n"), ("a.txt", b"impostor\n"), ("c.txt", b"third file\n"))
        refusal = the_refusal(data)
        assert refusal.name == "batch.zip/a.txt"
        assert "the archive holds two files of this name" in refusal.message

    def test_it_counts_a_backslash_path_as_the_same_name(self):
        data = make_zip(("a.txt", b"first file\n"), ("folder/b.txt", COPY), ("folder\\b.txt", COPY))
        refusals = expand(data).refusals
        assert [(refusal.name, "two files of this name" in refusal.message) for refusal in refusals] == [
            ("batch.zip/folder/b.txt", True)
        ]


class TestArchiveRefusals:
    @pytest.mark.parametrize(
        "data",
        [
            b"PK\x03\x04" + b"not really a zip " * 20,
            make_zip(("a.txt", COPY), ("b.txt", COPY))[:-30],  # cut short: no end record
        ],
        ids=["garbage", "truncated"],
    )
    def test_it_refuses_what_is_not_a_readable_zip(self, data):
        assert "not a readable zip archive" in archive_refusal(data)

    def test_it_refuses_an_empty_archive(self):
        assert archive_refusal(make_zip()) == "batch.zip: the zip archive holds no files."

    def test_it_refuses_an_archive_of_folders_and_clutter_only(self):
        data = make_zip(("folder/", b""), ("__MACOSX/._x", b"junk"), (".DS_Store", b"junk"))
        assert "holds no files" in archive_refusal(data)

    def test_it_refuses_more_files_than_the_limit_and_states_the_limit(self):
        data = make_zip(*[(f"{number}.txt", COPY) for number in range(21)])
        assert "holds 21 files, over the limit of 20 files per archive" in archive_refusal(data)

    def test_it_refuses_more_entries_than_it_will_read_whatever_they_are(self):
        data = make_zip(("a.txt", COPY), *[(f"folder{number}/", b"") for number in range(80)])
        assert "lists 81 entries, over the limit of 80 entries" in archive_refusal(data)

    def test_it_refuses_files_together_over_the_total_limit_and_states_the_limit(self):
        data = make_zip(*[(f"{number}.txt", text_of(9_500)) for number in range(11)])
        message = archive_refusal(data)
        assert "come to 102.1 KB uncompressed, over the limit of 97.7 KB per archive" in message

    def test_it_refuses_an_encrypted_archive(self):
        data = make_zip(("a.txt", COPY), ("b.txt", COPY))
        data = patch_directory(patch_directory(data, "a.txt", flags=0x1), "b.txt", flags=0x1)
        assert "password-protected" in archive_refusal(data)

    def test_it_refuses_an_office_document(self):
        data = make_zip(("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>"))
        assert "office document" in archive_refusal(data)


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """50 MB of zeros deflated to about 50 KB, between two good files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", b"first file\n")
        with archive.open("bomb.txt", "w") as bomb:
            zeros = bytes(MIB)
            for _ in range(50):
                bomb.write(zeros)
        archive.writestr("c.txt", b"third file\n")
    return buffer.getvalue()


class TestZipBombs:
    @pytest.mark.parametrize(
        "limits",
        [ArchiveLimits(max_member_bytes=2 * MIB), ArchiveLimits(max_member_bytes=100 * MIB, max_total_bytes=100 * MIB)],
        ids=["usual limits", "size limits wide enough for it"],
    )
    def test_it_refuses_a_zip_bomb_without_inflating_it(self, zip_bomb, limits):
        assert len(zip_bomb) < 100_000
        expanded, peak = unpacking_peak(zip_bomb, limits)
        [refusal] = expanded.refusals
        assert refusal.name == "batch.zip/bomb.txt"
        assert refusal.message.startswith("batch.zip/bomb.txt: refused as a zip bomb: it inflates 1,0")
        assert "to 50.0 MB; the limit is 100-fold" in refusal.message
        assert [member.name for member in expanded.members] == ["batch.zip/a.txt", "batch.zip/c.txt"]
        assert peak < MIB

    def test_it_refuses_a_header_that_understates_the_size_without_inflating_the_rest(self, zip_bomb):
        lying = patch_directory(zip_bomb, "bomb.txt", size=1_000)
        expanded, peak = unpacking_peak(lying, ArchiveLimits(max_member_bytes=2 * MIB))
        [refusal] = expanded.refusals
        assert refusal.name == "batch.zip/bomb.txt" and "damaged" in refusal.message
        assert len(expanded.members) == 2
        assert peak < MIB


class TestIsZip:
    @pytest.mark.parametrize(
        "name, data, expected",
        [
            ("batch.zip", make_zip(("a.txt", COPY)), True),
            ("copy.txt", make_zip(("a.txt", COPY)), True),
            ("empty.zip", make_zip(), True),
            ("batch.zip", COPY, False),
            ("batch.zip", b"", False),
            ("batch.zip", b"PK", False),
            ("", make_zip(("a.txt", COPY))[:4], True),
        ],
        ids=["zip", "zip named .txt", "empty archive", "text named .zip", "nothing", "two bytes", "first four bytes"],
    )
    def test_it_knows_a_zip_by_its_content(self, name, data, expected):
        assert is_zip(name, data) is expected


def test_it_keeps_the_archive_order_across_members_and_refusals():
    data = make_zip(("a.txt", b"first file\n"), ("../up.txt", b"escape\n"), ("c.txt", b"third file\n"))
    expanded = expand(data, LIMITS)
    assert [(type(file).__name__, file.name) for file in expanded.files] == [
        ("ArchiveMember", "batch.zip/a.txt"),
        ("ArchiveRefusal", "batch.zip/../up.txt"),
        ("ArchiveMember", "batch.zip/c.txt"),
    ]
