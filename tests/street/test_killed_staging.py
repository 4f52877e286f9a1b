"""A street build killed (kill -9, a power cut: no handler runs) while it writes its changed street pages beside
their places, before it renames any in (street/write.py _put_in). The staged files (`.index.html.<12 hex>`)
were written before `street-torn.json` named them: a kill in between left them in OUT with nothing naming
them, so `verify OUT` said "not made by sitegen" and to build into it again, which never removed them (the
advice looped, and the next upload carried them).

Each row kills the build at one moment, in a real process: before the n-th staged file is written, or as the
marker is written. After it, `verify OUT` is clean or says how to repair, and following that (building the
street again) leaves OUT byte for byte a cold build's, with no marker behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NOW, run, tree_bytes
from tests.street.conftest import MakeStreet

ACTIVITY = "meihu/activities/2026-linli-jie.md"
BEFORE, AFTER = "邻里节文艺汇演", "邻里节文艺演出"

# The build, its street writing killed: DIE = "stage:N" before the N-th staged street file is written (1-based),
# "marker" as street-torn.json is written.
KILLED = """
import os, sys
import sitegen.street.write as street_write
import sitegen.write.assembly as assembly
from sitegen.cli import main

die, staged = os.environ["DIE"], []
write_file, replace_file = assembly.write_file, street_write.replace_file

def writing(folder, name, data, *args, **kwargs):
    staged.append(name)
    if die == f"stage:{len(staged)}":
        os._exit(137)
    return write_file(folder, name, data, *args, **kwargs)

def replacing(target, data):
    if die == "marker" and str(target).endswith(street_write.TORN):
        os._exit(137)
    return replace_file(target, data)

def put_in(*args, **kwargs):
    assembly.write_file = writing
    try:
        return real_put_in(*args, **kwargs)
    finally:
        assembly.write_file = write_file

real_put_in, street_write._put_in, street_write.replace_file = street_write._put_in, put_in, replacing
sys.argv = ["sitegen", *sys.argv[1:]]
main()
"""


def _killed_build(folder: Path, out: Path, die: str) -> int:
    env = {**os.environ, "DIE": die, "SITEGEN_LANG": "en", "SOURCE_DATE_EPOCH": str(int(NOW.timestamp())),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", KILLED, "build", "--content", str(folder), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    return done.returncode


@pytest.mark.parametrize("die", ["stage:1", "stage:3", "marker"])
def test_a_build_killed_while_staging_the_street_pages(make_street: MakeStreet, tmp_path: Path, die: str) -> None:
    folder, out = make_street(), tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    activity = folder / ACTIVITY
    activity.write_text(activity.read_text("utf-8").replace(BEFORE, AFTER), encoding="utf-8")
    assert _killed_build(folder, out, die) == 137, die
    verified = run("verify", str(out))
    if verified.exit_code != 0:  # its advice, followed, repairs OUT
        told = " ".join(verified.stderr.split())
        assert "Build the street again" in told or "Building into it again repairs it" in told, told
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    clean_folder = make_street(name="clean")
    clean_activity = clean_folder / ACTIVITY
    clean_activity.write_text(clean_activity.read_text("utf-8").replace(BEFORE, AFTER), encoding="utf-8")
    assert run("build", "--content", str(clean_folder), "--out", str(tmp_path / "clean-out")).exit_code == 0
    now, clean = tree_bytes(out), tree_bytes(tmp_path / "clean-out")
    assert now == clean, (die, sorted(rel for rel in now.keys() | clean.keys() if now.get(rel) != clean.get(rel)))
    assert run("verify", str(out)).exit_code == 0, die
    assert not (tmp_path / ".out.sitegen-cache" / "street-torn.json").exists(), die
