"""A value that is none of a field's choices is told every choice, in the reader's script (break15: the
deliberation's seven statuses were cut at 80 characters, 已决定（decided）、实施中（implementing）、已完…, as a
value typed by the worker is; and the 繁體 message listed the choices in Simplified: 仅海报（poster）)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.i18n.messages import Messages
from sitegen.load import load_content
from sitegen.validate.check import validate_content
from sitegen.validate.privacy import Variants
from tests.conftest import SITE_YAML, write_files

L = "title: 噪音\nraised_on: 2020-04-07\nstatus: 搁置\n"
D = "name: 张建国\nrole: 楼栋党小组长\nshow_phone: 半遮\n"
W = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: 等着\n"

ROWS = [
    # (language, file, text, what the message must hold, what it must not)
    ("zh-Hans", "deliberations/l.yaml", L, "已办结（completed）、未通过（rejected）；", "…"),
    ("zh-Hant", "deliberations/l.yaml", L, "已辦結（completed）、未通過（rejected）；", "…"),
    ("zh-Hant", "deliberations/l.yaml", L, "兩委審事（reviewing）", "两委审事"),
    ("zh-Hant", "disclosures/d.yaml", D, "僅海報完整（poster）", "仅海报"),
    ("zh-Hant", "wishes/w.yaml", W, "待認領（open）", "待认领"),
    ("zh-Hans", "wishes/w.yaml", W, "待认领（open）", "待認領"),
]


@pytest.mark.parametrize(("language", "path", "text", "held", "not_held"), ROWS)
def test_a_choice_message_lists_every_choice_in_the_readers_script(tmp_path: Path, language: str, path: str,
                                                                   text: str, held: str, not_held: str) -> None:
    write_files(tmp_path, {"site.yaml": SITE_YAML, path: text})
    validated = validate_content(load_content(tmp_path), tmp_path, variants=Variants())
    said = [p.render(Messages(language)) for p in validated.problems if str(p.path) == path]
    assert any(held in line and not_held not in line for line in said), said


# The words the templates taught (proposed 提事 / reviewing 审事, newcomer16) are taken, as the site's own are.
TAUGHT = [("提事", "proposed"), ("审事", "reviewing"), ("審事", "reviewing"), ("居民提事", "proposed"), ("两委审事", "reviewing")]


@pytest.mark.parametrize(("typed", "status"), TAUGHT)
def test_the_words_a_template_teaches_are_taken(tmp_path: Path, typed: str, status: str) -> None:
    write_files(tmp_path, {"site.yaml": SITE_YAML, "deliberations/l.yaml": f"title: 噪音\nraised_on: 2020-04-07\nstatus: {typed}\n"})
    validated = validate_content(load_content(tmp_path), tmp_path, variants=Variants())
    assert [p for p in validated.problems if not p.warning] == []
    assert validated.records[0].fields.status == status


def test_the_templates_name_only_words_that_are_taken(tmp_path: Path) -> None:
    import re

    from sitegen import scaffold

    root = Path(scaffold.__file__).parent
    for number, path in enumerate((root / "templates" / "deliberations.md",
                                   root / "site" / "content" / "deliberations" / "2026-tingche.yaml")):
        line = next(row for row in path.read_text("utf-8").splitlines() if row.startswith("status:"))
        pairs = re.findall(r"([a-z]+) ([^\s/]+)", line.split("#", 1)[1])
        assert len(pairs) == 7, line
        for index, (value, word) in enumerate(pairs):
            content = tmp_path / f"{number}-{index}"
            write_files(content, {"site.yaml": SITE_YAML,
                                  "deliberations/l.yaml": f"title: 噪音\nraised_on: 2020-04-07\nstatus: {word}\n"})
            validated = validate_content(load_content(content), content, variants=Variants())
            refused = [p for p in validated.problems if p.key in ("value.choice", "value.choice_words")]
            assert refused == [], (path.name, word)  # a decided deliberation then wants its decision: not this test's
            if value in ("proposed", "reviewing", "deliberating"):
                assert [r.fields.status for r in validated.records] == [value], (path.name, word)
