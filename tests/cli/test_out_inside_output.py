"""An output folder inside a built site is refused: its print folder (full phone numbers) and its cache
(wishers' full names) would sit beside it, inside the folder that is uploaded, and stay there.

newcomer helper-129: `build --content baohe/meihu --out street-output/meihu` was accepted, and left
meihu-print/ and .meihu.sitegen-cache/ in the street's upload folder; no later build removed them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeSite, run, tree_bytes
from tests.street.conftest import street_maker


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_community_into_its_streets_output_is_refused(tmp_path: Path, command: str) -> None:
    folder, out = street_maker(tmp_path)(), tmp_path / "street-output"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    before = tree_bytes(out)
    result = run(command, "--content", str(folder / "meihu"), "--out", str(out / "meihu"))
    assert result.exit_code == 2, result.output
    assert f"inside the built site {out}" in result.stderr and "build the whole street" in result.stderr
    assert tree_bytes(out) == before and not (out / "meihu-print").exists()


@pytest.mark.parametrize("inside", ["sub", "a/b"])
def test_a_site_into_another_sites_output_is_refused(make_site: MakeSite, tmp_path: Path, inside: str) -> None:
    content, out = make_site(), tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    result = run("build", "--content", str(content), "--out", str(out / inside))
    assert result.exit_code == 2 and f"inside the built site {out}" in result.stderr, result.output
    assert not (out / inside).exists()


def test_the_same_output_folder_again_is_fine(make_site: MakeSite, tmp_path: Path) -> None:
    content, out = make_site(), tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
