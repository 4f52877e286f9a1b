"""Two workers writing one name at once (write/assembly.py write_file): a photo's sizes are named by
its bytes, so two photo files with the same bytes make the same files. The other writer is played
here at each point it can come between our unlink and our create; the name must end up holding the
whole file, and no error may reach the build (a street build once said the disk may be full)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write import assembly

DATA = b"\xff\xd8 the same bytes from either writer \xff\xd9"
REL = "media/34e2547f31fe8c24-40.jpg"


def _other_creates(target: Path) -> None:
    target.write_bytes(DATA[:5])  # the other writer's file, not yet written in full


def _other_unlinks(target: Path) -> None:
    target.unlink()


# what the other writer does just before our unlink, or just before our create (after our unlink)
CASES: list[tuple[str, str, Callable[[Path], None], int]] = [
    ("unlinks_before_ours", "unlink", _other_unlinks, 1),  # our unlink finds nothing
    ("creates_before_ours", "open", _other_creates, 1),  # our create finds its file
    ("creates_again_and_again", "open", _other_creates, 5),
]


@pytest.mark.parametrize(("step", "other", "times"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_name_holds_the_whole_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str,
                                       other: Callable[[Path], None], times: int) -> None:
    target = tmp_path / REL
    target.parent.mkdir(parents=True)
    target.write_bytes(DATA)  # the first writer's, done
    left = [times]
    real = {"unlink": os.unlink, "open": os.open}

    def meddled(name: str) -> Callable[..., object]:
        def call(path: object, *args: object) -> object:
            if name == step and left[0] and Path(str(path)) == target and (name == "unlink" or not args or args[0] != os.O_RDONLY):
                left[0] -= 1
                other(target)
            return real[name](path, *args)  # type: ignore[operator]
        return call

    monkeypatch.setattr(assembly.os, "unlink", meddled("unlink"))
    monkeypatch.setattr(assembly.os, "open", meddled("open"))
    assembly.write_file(tmp_path, REL, DATA)
    monkeypatch.undo()
    assert target.read_bytes() == DATA
