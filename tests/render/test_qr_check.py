"""render/qr.py checks every code by reading it back with zxing-cpp: the image it reads is the matrix in
its white quiet zone, built without an imaging library (a rebuild that draws one poster loads none)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PIL import Image, ImageOps

from sitegen.render import qr
from tests.conftest import ROOT

TEXTS = ["https://street.example.org/c000/activities/act-00003/", "https://x.example.org/活动/一/", "A" * 300]


def _flipped(modules: bytes) -> bytes:
    return bytes(m ^ 0xFF if i % 3 == 0 else m for i, m in enumerate(modules))


# (text encoded, text expected, how the matrix is spoiled) → reads back as the text expected
CASES = [
    *[(text, text, None, True) for text in TEXTS],
    (TEXTS[0], TEXTS[0] + "x", None, False),  # a code mixed up with another address's
    (TEXTS[0], TEXTS[0], _flipped, False),  # a damaged matrix
    (TEXTS[0], TEXTS[0], lambda m: m[:-1], False),  # a matrix of the wrong length
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_image_read_is_the_matrix_in_its_quiet_zone(text: str) -> None:
    size, modules = qr.qr_modules(text)
    expected = ImageOps.expand(Image.frombytes("L", (size, size), modules), border=qr.QUIET_ZONE, fill=255)
    image = qr._with_quiet_zone(size, modules)
    assert image.shape == (expected.height, expected.width)
    assert image.tobytes() == expected.tobytes()


@pytest.mark.parametrize(("text", "expected", "spoil", "reads"), CASES)
def test_a_code_reads_back_as_its_own_text_only(text: str, expected: str, spoil: object, reads: bool) -> None:
    size, modules = qr.qr_modules(text)
    assert qr._decodes(expected, size, spoil(modules) if callable(spoil) else modules) is reads


def test_checking_a_code_loads_no_imaging_library() -> None:
    probe = "import sys; from sitegen.render.qr import qr_modules; qr_modules(sys.argv[1]); print('PIL' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", probe, TEXTS[0]], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
