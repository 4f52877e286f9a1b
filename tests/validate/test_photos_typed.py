"""Photos as workers type them, beside other problems (break16b): a 亮身份 `photo:` holding two photos
is told that it takes one (it was told to put each on its own line “- path”, which `photo` then
refuses as a list), and an empty `photos` line no longer hides the other photos' problems (a missing
photo two lines below was named only after the empty line was fixed)."""

from __future__ import annotations

import pytest

from sitegen import pipeline
from sitegen.errors import ContentInvalid
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from tests.conftest import MakeSite
from tests.validate.test_photos import jpeg

DISCLOSURE = "---\nname: 王建国\nrole: 楼栋长\n{phone}photo: {photo}\n---\n"
ACTIVITY = "---\ntitle: 七夕\ndate: {date}\nphotos:\n  - media/ok.jpg\n  -\n  - media/gone.jpg\n---\n"

# (id, record file, its text, each error expected as (line, words in en)
CASES = [
    ("photo_two_comma", "disclosures/a.md", DISCLOSURE.format(phone="", photo="media/ok.jpg, media/ok2.jpg"),
     [(4, "only one photo goes here, e.g. photo: media/ok.jpg")]),
    ("photo_two_dunhao_beside_phone", "disclosures/a.md", DISCLOSURE.format(phone="phone: 1234\n", photo="media/ok.jpg、media/ok2.jpg"),
     [(4, "phone"), (5, "only one photo goes here")]),
    ("empty_item_then_missing", "activities/a.md", ACTIVITY.format(date="2019-08-06"),
     [(6, "empty"), (7, "does not exist")]),
    ("empty_item_then_missing_bad_date", "activities/a.md", ACTIVITY.format(date="2019-08-99"),
     [(3, "2019-08-99"), (6, "empty"), (7, "does not exist")]),
]


@pytest.mark.parametrize(("path", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_photo_problems_as_typed(make_site: MakeSite, path: str, text: str, expected: list[tuple[int, str]]) -> None:
    content = make_site({path: text, "media/ok.jpg": jpeg(), "media/ok2.jpg": jpeg()})
    with pytest.raises(ContentInvalid) as refused:
        pipeline.check(content, Options())
    errors = [p for p in refused.value.problems if not p.warning]
    said = [p.render(Messages("en")) for p in errors]
    assert len(said) == len(expected), said
    for line, (at, words) in zip(said, expected, strict=True):
        assert line.startswith(f"{path}:{at}:") and words in line, said
    for lang in ("zh-Hans", "zh-Hant"):
        assert all("{" not in p.render(Messages(lang)) for p in errors)
