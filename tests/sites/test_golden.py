"""Golden sites: each case's content built with a fixed clock gives exactly the files in its expected/.

`tests/sites/<case>/expected/` holds the output folder (as `site/`: `output/` is ignored by git) and
the print folder (`print/`)
as the build wrote them: text files whole, so a change in the output is reviewed as a git diff;
binary files (photos), the theme's static files and print-folder twins of published files as one
`sha256  path` line each in `expected/binary.sha256`, which keeps the folder small. The content is copied outside the repository first, so dates come from the
records and the clock (SOURCE_DATE_EPOCH), never from this checkout's git history.

    pytest tests/sites --regen-golden      # rewrite expected/ after a change meant to alter output
"""

from __future__ import annotations

import difflib
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.write.printfolder import print_folder
from tests.conftest import DEMO, NOW, ROOT

SITES = ROOT / "tests" / "sites"
TEXT = (".html", ".xml", ".ics", ".txt", ".css", ".js", ".json", ".sha256", ".svg")
BINARY_LIST = "binary.sha256"
DERIVED = ("static/", "care/", "zh-hant/")  # kept as digests: copies of what is kept whole
CASES = [  # case → the content folder it builds (the demo is read from content/ itself, not copied in here)
    ("demo", DEMO),
    ("every-field", SITES / "every-field" / "content"),
]


def built_files(content: Path, work: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """Every file of a cold one-process build: `site/…` (the output folder) and `print/…` → bytes."""
    shutil.copytree(content, work / "content")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    out = work / "output"
    pipeline.build(work / "content", out, Options(use_cache=False, jobs=1))
    files = {}
    for prefix, folder in (("site", out), ("print", print_folder(out))):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                files[f"{prefix}/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
    return files


def kept_whole(rel: str, data: bytes, files: dict[str, bytes]) -> bool:
    """Whether expected/ keeps a file's text (to review as a diff) rather than its digest: not for
    binaries, not for the theme's own files copied into static/ (reviewed in themes/default), not
    for a print-folder file that is the published file's twin (its text is kept once, under site/)."""
    inside = rel.split("/", 1)[1]
    if not rel.endswith(TEXT) or inside.startswith(DERIVED):
        return False
    return not (rel.startswith("print/") and files.get("site/" + rel.removeprefix("print/")) == data)


def stored_form(files: dict[str, bytes]) -> dict[str, bytes]:
    """What expected/ holds for these files: text files as they are, the rest as one list of digests."""
    stored = {rel: data for rel, data in files.items() if kept_whole(rel, data, files)}
    digests = "".join(f"{hashlib.sha256(data).hexdigest()}  {rel}\n"
                      for rel, data in sorted(files.items()) if rel not in stored)
    stored[BINARY_LIST] = digests.encode()
    return stored


def read_expected(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_expected(folder: Path, stored: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for rel, data in stored.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)


def first_differences(rel: str, want: bytes, got: bytes, lines: int = 6) -> Iterator[str]:
    """The first differing lines of one file, as a unified diff (or the sizes, for undecodable bytes)."""
    try:
        diff = difflib.unified_diff(want.decode().splitlines(), got.decode().splitlines(),
                                    f"expected/{rel}", f"built/{rel}", n=1, lineterm="")
    except UnicodeDecodeError:
        yield f"{rel}: {len(want)} bytes expected, {len(got)} built"
        return
    for count, line in enumerate(diff):
        if count >= lines + 3:
            yield "  …"
            return
        yield f"  {line[:200]}"


def mismatch_report(want: dict[str, bytes], got: dict[str, bytes], shown: int = 5) -> str:
    """Which files are missing, extra or different, and the first differing lines of the first few."""
    missing, extra = sorted(want.keys() - got.keys()), sorted(got.keys() - want.keys())
    changed = sorted(rel for rel in want.keys() & got.keys() if want[rel] != got[rel])
    lines = [f"{len(missing)} missing, {len(extra)} extra, {len(changed)} different "
             "(if the change is meant: pytest tests/sites --regen-golden, then review git diff)"]
    lines += [f"missing: {rel}" for rel in missing[:20]] + [f"extra: {rel}" for rel in extra[:20]]
    lines += [f"different: {rel}" for rel in changed[:20]]
    for rel in changed[:shown]:
        lines += first_differences(rel, want[rel], got[rel])
    return "\n".join(lines)


@pytest.mark.parametrize(("case", "content"), CASES, ids=[case for case, _ in CASES])
def test_golden_site(case: str, content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     request: pytest.FixtureRequest) -> None:
    """Every file as expected/ holds it; the mismatch message names the files and their first differing lines."""
    got = stored_form(built_files(content, tmp_path, monkeypatch))
    expected = SITES / case / "expected"
    if request.config.getoption("--regen-golden"):
        write_expected(expected, got)
        return
    assert expected.is_dir(), f"{expected} is missing: pytest tests/sites --regen-golden"
    want = read_expected(expected)
    assert want == got, mismatch_report(want, got)


REPORT_CASES = [  # expected, built → words the failure message must hold
    ({"a.html": b"x\ny\n"}, {"a.html": b"x\nz\n"}, ["1 different", "different: a.html", "-y", "+z"]),
    ({"a.html": b"x"}, {}, ["1 missing", "missing: a.html"]),
    ({}, {"b.xml": b"x"}, ["1 extra", "extra: b.xml"]),
    ({"c.html": b"\xff"}, {"c.html": b"\xfe\xfe"}, ["c.html: 1 bytes expected, 2 built"]),
]


@pytest.mark.parametrize(("want", "got", "words"), REPORT_CASES)
def test_a_mismatch_names_the_files_and_first_lines(want: dict[str, bytes], got: dict[str, bytes],
                                                      words: list[str]) -> None:
    report = mismatch_report(want, got)
    assert all(word in report for word in words), report


def test_binaries_are_kept_as_digests() -> None:
    photo = b"\xff\xd8"
    stored = stored_form({"site/a.html": b"<p>", "site/media/x.jpg": photo})
    assert stored == {"site/a.html": b"<p>",
                      BINARY_LIST: f"{hashlib.sha256(photo).hexdigest()}  site/media/x.jpg\n".encode()}
