"""A small street of three communities built as the street build does: each community with
pipeline.build into OUT/<slug>/, its summary from pipeline.check, the street's files at OUT/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitegen import pipeline
from sitegen.options import Options
from sitegen.street.config import Office, Street
from sitegen.street.pages import render_street
from sitegen.street.summary import CommunitySummary, summarise
from tests.conftest import NOW, write_files

BASE = "https://baohe.example.org/"
SECRET_NAMES = ("俞晓风", "于海洋", "周桂芳", "钱文华")  # wishers: never in any output
HIDDEN_PHONES = ("13812345678", "13900001111")  # show_phone poster (the default) and masked: never on the web


def community(name: str, extra: dict[str, str]) -> dict[str, str]:
    return {
        "site.yaml": f"name: {name}\nbase_url: {{base}}\nstreet: 包河街道\noffice:\n  address: {name}党群服务中心\n"
                     "  phone: 0551-62001234\n  hours: 周一至周五 9:00-17:00\n",
        "activities/jiaozi.md": "---\ntitle: 包饺子\ndate: 2026-08-20 09:00\nend: 2026-08-20 11:30\nplace: 活动室\n---\n邻里一起包饺子。\n",
        "activities/chunlian.yaml": "title: 送春联\ndate: 2026-01-20\nplace: 各楼栋\n",
        "activities/linli.yaml": "title: 邻里节\ndate: 2026-12-20\nsignup: 电话报名\n",
        "disclosures/yu.yaml": "name: 于海\nrole: 楼栋长\nplace: 福桂苑/9栋\nphone: 13812345678\n",
        "disclosures/wang.yaml": "name: 王建国\nrole: 单元长\nplace: 福桂苑/9栋/2单元\nphone: 13900001111\nshow_phone: masked\n",
        "deliberations/tingche.yaml": "title: 停车难\nraised_on: 2026-03-01\nstatus: completed\ndecision: 划线\n",
        "deliberations/dianti.yaml": "title: 加装电梯\nraised_on: 2026-05-01\nstatus: implementing\ndecision: 试点\n",
        **extra,
    }


COMMUNITIES = {
    "wanghu": community("望湖社区", {
        "wishes/zhuxingqi.yaml": "wish: 想要一台助行器\nwisher: 俞晓风\nposted_on: 2026-10-01\nstatus: open\ncategory: 生活\n",
        "wishes/bingxiang.yaml": "wish: 修冰箱\nwisher: 于海洋\nposted_on: 2026-09-01\nstatus: claimed\n"
                                 "claimed_by: 志愿者服务队\nclaimed_on: 2026-09-05\n",
    }),
    "meihu": community("梅湖社区", {
        "wishes/laohuajing.yaml": "wish: 老花镜\nwisher: 周桂芳\nposted_on: 2026-10-19\nstatus: open\n",
        "wishes/shubao.yaml": "wish: 新书包\nwisher: 钱文华\nwisher_alias: 小钱同学\nposted_on: 2026-10-20\nstatus: open\n",
    }),
    # no 繁體 tree: the street's zh-hant/ pages link into its simplified pages
    "binhu": {**community("滨湖社区", {}),
              "site.yaml": "name: 滨湖社区\nbase_url: {base}\ntraditional_mirror: false\n"
                           "office:\n  address: 滨湖社区党群服务中心\n  phone: 0551-62001234\n"},
}


@dataclass
class BuiltStreet:
    street: Street
    out: Path
    summaries: list[CommunitySummary]
    files: dict[str, bytes]


def build_street(root: Path) -> BuiltStreet:
    folder, out = root / "baohe", root / "OUT"
    summaries = []
    for slug, files in COMMUNITIES.items():
        base = f"{BASE}{slug}/"
        write_files(folder / slug, {rel: text.replace("{base}", base) for rel, text in files.items()})
        options = Options(now=NOW, jobs=1)
        checked = pipeline.check(folder / slug, options)
        summaries.append(summarise(checked.model, base, slug, NOW))
        pipeline.build(folder / slug, out / slug, options)
    street = Street(folder=folder, name="包河街道", base_url=BASE, district="包河区", city="合肥市",
                    office=Office("包河大道1号", "0551-63000000", "工作日 8:30-17:30"))
    files = render_street(street, summaries, NOW)
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return BuiltStreet(street, out, summaries, files)
