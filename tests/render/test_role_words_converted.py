"""Role and group words are ordinary words on the 繁體 pages, not names kept as typed (breaker s21).

person_or_group read `raised_by: 业主`, `claimed_by: 群众`, `claimed_by: 共建单位`, partners 望湖小学,
阳光幼儿园, 爱心人士, 青松药业, 红马甲 and `host: 社区民警` as persons, so each became a known name and
every 业主 and 群众 on every 繁體 page (titles, bodies, decisions, pledges, search rows) stayed Simplified.
A role word (model/names.py _ROLE_WORDS) is no one's name, typed alone or after two or more characters
(热心群众); an organisation's ending (_ORG_WORDS: 小学, 幼儿园, 药业 …) ends a group after two or more
characters. Real 2–3 character names ending in the same characters (张建业, 王志学, 李园, 张志行) stay names,
and so does a surname before a role (范民警), which may stand for one person.

Rows: each role or group converts as a word; each real name is still a name; on built 繁體 pages each word
converts where it stands, in its field and in other records' text, while a real name is kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.model.names import Name, person_or_group
from sitegen.options import Options
from tests.conftest import NOW, write_files

ROLES = ["业主", "群众", "共建单位", "望湖小学", "阳光幼儿园", "爱心人士", "青松药业", "红马甲", "社区民警", "民警",
         "居民", "志愿者", "党员", "网格员", "楼长", "物业", "居委会", "热心群众", "福桂苑业主", "全体党员",
         "万达商业", "金桥实业", "车站派出所", "幸福家园", "街道", "望湖街道", "热心市民", "小朋友", "老师", "医生",
         "阳光餐厅", "福满楼酒楼", "社区食堂", "爱心书屋", "中国移动", "中国电信", "好帮手家政", "顺丰快递", "消防",
         "红十字", "社区工作坊"]
PEOPLE = ["张建业", "王志学", "李园", "张志行", "范志发", "于海", "王小学", "李家园", "欧阳建业", "司马园", "范民警",
          "王业主", "台里发", "马甲", "李玉楼", "李玉堂", "张家政", "范医生", "王老师"]


@pytest.mark.parametrize("who", ROLES)
def test_a_role_or_group_is_not_a_name(who: str) -> None:
    assert not isinstance(person_or_group(who), Name)


@pytest.mark.parametrize("who", PEOPLE)
def test_a_real_name_is_still_a_name(who: str) -> None:
    assert isinstance(person_or_group(who), Name)


FILES = {
    "site.yaml": "name: 望湖社区\nbase_url: https://wanghu.example.cn/\n",
    "deliberations/louti.yaml": "title: 楼道堆物清理\nraised_on: 2026-09-01\nraised_by: 业主\nstatus: implementing\n"
                                "decision: 业主和群众一起清理\nmeeting:\n  date: 2026-09-05\n  host: 社区民警\n",
    "wishes/shubao.yaml": "wish: 新书包\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: claimed\nclaimed_by: 共建单位\n"
                          "claimed_on: 2026-10-20\n",
    "wishes/taideng.yaml": "wish: 台灯\nwisher: 王秀英\nposted_on: 2026-10-18\nstatus: claimed\nclaimed_by: 群众\n"
                           "claimed_on: 2026-10-20\n",
    "activities/yimai.md": "---\ntitle: 爱心义卖\ndate: 2026-11-01\norganizer: 望湖社区\n"
                           "partners: [望湖小学, 阳光幼儿园, 爱心人士, 青松药业, 红马甲]\n---\n感谢业主、群众和共建单位。\n",
    "disclosures/fan.yaml": "name: 范志发\nrole: 楼栋长\nplace: 福桂苑/1栋\nsince: 2026-01-01\npledge: 范志发为业主服务\n",
}
DELIBERATION, ACTIVITY = "zh-hant/deliberations/louti/index.html", "zh-hant/activities/yimai/index.html"
# (row id, the 繁體 file, as it must show the word, the Simplified form it must not show)
WHERE = [
    ("raised_by 业主", DELIBERATION, "業主", "业主"),
    ("decision: 群众", DELIBERATION, "業主和群眾一起清理", "群众"),
    ("host 社区民警", DELIBERATION, "社區民警", "社区民警"),
    ("claimed_by 共建单位", "zh-hant/wishes/shubao/index.html", "共建單位", "共建单位"),
    ("claimed_by 群众", "zh-hant/wishes/taideng/index.html", "群眾", "群众"),
    ("partner 望湖小学", ACTIVITY, "望湖小學", "望湖小学"),
    ("partner 阳光幼儿园", ACTIVITY, "陽光幼兒園", "阳光幼儿园"),
    ("partner 爱心人士", ACTIVITY, "愛心人士", "爱心人士"),
    ("partner 青松药业", ACTIVITY, "青松藥業", "青松药业"),
    ("partner 红马甲", ACTIVITY, "紅馬甲", "红马甲"),
    ("activity body", ACTIVITY, "感謝業主、群眾和共建單位", "业主"),
    ("长辈版 copy", "zh-hant/care/deliberations/louti/index.html", "業主和群眾", "群众"),
    ("pledge: the name kept, the word converted", "zh-hant/disclosures/fan/index.html", "范志发為業主服務", "业主"),
    ("search rows", "static/search-index-hant.*.js", "業主和群眾", "业主和群众"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("role-words")
    write_files(root / "content", FILES)
    pipeline.build(root / "content", root / "out", Options(now=NOW, use_cache=False))
    return root / "out"


@pytest.mark.parametrize(("path", "shown", "simplified"), [w[1:] for w in WHERE], ids=[w[0] for w in WHERE])
def test_a_role_word_converts_on_traditional_pages(built: Path, path: str, shown: str, simplified: str) -> None:
    text = next(built.glob(path)).read_text("utf-8")
    body = text.split("<body", 1)[-1]
    assert shown in body, path
    assert simplified not in body, path
