"""Streets built in tmp folders: communities made from the scaffold's sample content."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from sitegen import scaffold
from tests.conftest import write_files

SAMPLE = Path(scaffold.__file__).parent / "site" / "content"
STREET_YAML = ("name: 包河街道\nbase_url: https://street.example.org/\ndistrict: 包河区\ncity: 合肥市\n"
               "office:\n  address: 包河大道1号\n  phone: 0551-63351234\n  hours: 周一至周五\n")
MakeStreet = Callable[..., Path]


def community_site(name: str, extra: str = "") -> str:
    """A community's site.yaml that leaves everything the street gives to the street."""
    return f"name: {name}\nwish_claim: 致电社区办公室认领。\n{extra}"


def street_maker(root: Path) -> MakeStreet:
    """make_street's maker, making its street folders in `root` (a module's fixture gives its own)."""

    def make(communities: Mapping[str, str] | None = None, files: Mapping[str, str | bytes] | None = None,
             street: str = STREET_YAML, name: str = "street") -> Path:
        folder = root / name
        folder.mkdir()
        (folder / "street.yaml").write_text(street, encoding="utf-8")
        for slug, site in (communities if communities is not None else {"wanghu": community_site("望湖社区"),
                                           "meihu": community_site("梅湖社区")}).items():
            shutil.copytree(SAMPLE, folder / slug)
            (folder / slug / "site.yaml").write_text(site, encoding="utf-8")
        write_files(folder, files or {})
        return folder

    return make


@pytest.fixture
def make_street(tmp_path: Path) -> MakeStreet:
    """A street folder: street.yaml, and one community per entry of `communities` (slug → site.yaml
    text, or None for the sample's), each holding the scaffold's sample records plus `files`."""
    return street_maker(tmp_path)


@pytest.fixture(scope="session")
def street_pages() -> str:
    """The street pages' modules (sitegen/street/summary.py and pages.py): tests that build a street ask for it
    (a module's fixture that builds one too: it holds for the session)."""
    assert importlib.util.find_spec("sitegen.street.pages") is not None
    return "real"
