"""`sitegen init --street DIR`: a sample street of two communities that builds (docs/spec.md §6).

Each community is the sample site's content with a site.yaml that sets only what is its own: the
street's name, address, office, language and paper come from street.yaml.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import Final

from sitegen.errors import UsageProblem
from sitegen.scaffold import GUIDE, for_notepad, for_this_system, name_site, site_name

SAMPLE_STREET: Final = "示例街道"  # street.yaml's `name:` until `init` puts the folder's in
STREET_YAML: Final = """\
# 街道基本信息。每个社区一个文件夹（文件夹名就是它的网址，只用小写字母、数字和短横线），
# 社区的 site.yaml 没写的项（street、district、city、office、language、timezone、poster_paper、theme）
# 都沿用这里的；社区网址默认是 base_url 加上社区文件夹名，例如 https://example.org/wanghu/。
# 名字以 . 或 _ 开头的文件夹不会生成。修改后运行 sitegen check --content 本文件夹 检查。

name: 示例街道                         # 街道名称（必填），也是各社区页眉上的“所属街道”
base_url: https://example.org/         # 街道网站的网址（必填）：请改成真实网址
district: 示例区
city: 示例市
language: zh-Hans                      # 界面语言：zh-Hans 简体、zh-Hant 繁體、en English
timezone: Asia/Shanghai
poster_paper: A4                       # 海报纸张：A4 或 A3

office:                                # 街道办事处：显示在街道首页，也是社区没写 office 时的默认
  address: 示例市示例区示例街道党群服务中心
  phone: 0551-12345678
  hours: 周一至周五 8:30-12:00，14:30-17:30
"""

GUIDE_OUT: Final = "街道网站"  # the output folder the guide's commands name, and `init --street`'s next step
COMMUNITIES: Final = {"wanghu": "望湖社区", "meihu": "梅湖社区"}

SITE_YAML: Final = """\
# {name}的基本信息。没写的项沿用上一级文件夹的 street.yaml（街道、网址、办公室……）。
name: {name}
intro: 这里公示{name}的社区活动、党员亮身份、协商议事结果和居民微心愿。
wish_claim: 扫码查看心愿详情，致电社区办公室登记认领。
"""


def init_street(target: Path) -> list[Path]:
    """Write a sample street into an empty (or new) folder; never overwrite anything. Returns the files.
    The street's `name:` is the folder's (scaffold.site_name), as a community's is under `sitegen init`."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageProblem("init.not_empty", path=str(target))
    target.mkdir(parents=True, exist_ok=True)
    (target / "street.yaml").write_text(STREET_YAML, "utf-8", newline="\n")
    name_site(target / "street.yaml", site_name(target), SAMPLE_STREET)  # the folder's name, as `sitegen init` does
    written = [target / "street.yaml"]
    guide = resources.files("sitegen.scaffold").joinpath("street-guide", GUIDE)  # for workers who never open a terminal
    (target / GUIDE).write_bytes(for_notepad(guide.read_bytes()))
    written.append(target / GUIDE)
    with resources.as_file(resources.files("sitegen.scaffold").joinpath("site", "content")) as sample:
        for slug, name in COMMUNITIES.items():
            shutil.copytree(sample, target / slug, ignore=shutil.ignore_patterns("__pycache__"))
            (target / slug / "site.yaml").write_text(SITE_YAML.format(name=name), "utf-8", newline="\n")
            written += sorted(p for p in (target / slug).rglob("*") if p.is_file())
    for_this_system(path for path in written if path.name != GUIDE)  # the guide is in Notepad's form already
    return written
