"""What a street rebuild loads: a street with nothing to do answers without the heavy libraries; one
record changed loads what building it needs, no imaging library to check its QR codes or to size a
photo it sized before, and OpenCC's dictionaries load on a thread that has ended before the renderers
fork (sitegen/hanzi.py)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from sitegen.street.build import build_street
from tests.conftest import ROOT
from tests.street.conftest import MakeStreet, community_site
from tests.street.test_build import options

HEAVY = ("opencc", "jinja2", "pydantic", "icalendar", "PIL", "zxingcpp", "markdown", "nh3", "rich")

# A second build of the street in a fresh process, as the `sitegen` script makes it.
PROBE = """
import json, sys, threading
from datetime import datetime
from pathlib import Path
from sitegen.options import Options
from sitegen.street.build import build_street
build_street(Path(sys.argv[1]), Path(sys.argv[2]), Options(now=datetime.fromisoformat(sys.argv[3]), jobs=2))
print(json.dumps({"loaded": sorted(m for m in sys.argv[4:] if m in sys.modules),
                  "threads": sorted(t.name for t in threading.enumerate() if t.name.startswith("opencc"))}))
"""

ACTIVITY = "wanghu/activities/2026-linli-jie.md"
PHOTO = "wanghu/media/linlijie.jpg"


def _photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()

# (file appended to before the second build, or None) → (heavy modules it loads, heavy modules it must not)
CASES = [
    (None, set(), set(HEAVY)),
    (ACTIVITY, {"opencc", "jinja2", "pydantic", "icalendar", "markdown", "nh3", "zxingcpp"}, {"PIL", "rich"}),
    # the photo the activity shows is unchanged: its sizes come from the plan the cache kept (pipeline/replan.py)
    ("wanghu/pages/about.md", {"opencc", "jinja2", "pydantic"}, {"PIL", "rich"}),
]


@pytest.mark.parametrize(("edited", "loaded", "not_loaded"), CASES,
                         ids=["no change", "one activity changed", "a page changed"])
def test_a_rebuild_loads_only_what_it_uses(make_street: MakeStreet, street_pages: str, tmp_path: Path,
                                           edited: str | None, loaded: set[str], not_loaded: set[str]) -> None:
    folder = make_street({"wanghu": community_site("望湖社区"), "meihu": community_site("梅湖社区")}, {PHOTO: _photo()})
    activity = folder / ACTIVITY
    activity.write_text(activity.read_text("utf-8").replace("# photos:", "photos:"), encoding="utf-8")
    out = tmp_path / "out"
    build_street(folder, out, options())
    if edited is not None:
        path = folder / edited
        path.write_text(path.read_text("utf-8") + "\n又一句。\n", encoding="utf-8")
    now = options().now.isoformat()
    run = subprocess.run([sys.executable, "-c", PROBE, str(folder), str(out), now, *HEAVY], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    found = json.loads(run.stdout.splitlines()[-1])
    assert set(found["loaded"]) >= loaded
    assert set(found["loaded"]) & not_loaded == set()
    assert found["threads"] == []  # OpenCC's thread, when one was started, ended before the build went on
