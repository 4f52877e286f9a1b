"""Generate a realistic community of N records: the demo's proportions, Chinese bodies, a photo every 20.

Deterministic for a given N (seeded), so runs compare like with like.
"""

from __future__ import annotations

import io
import random
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

# The demo community's proportions (content/: 16 activities, 11 disclosures, 9 deliberations, 12 wishes).
SHARES = {"activities": 0.33, "disclosures": 0.23, "deliberations": 0.19, "wishes": 0.25}
WORDS = ("社区 党员 志愿者 居民 活动 服务 小区 楼栋 单元 网格 支部 议事会 协商 结果 公示 微心愿 认领 老人 儿童 家庭 "
         "帮助 邻里 和睦 环境 整治 停车 充电 电梯 加装 垃圾 分类 文明 创建 健康 义诊 助餐 助学 慰问 走访 调解 安全 "
         "消防 宣传 培训 文化 节日 春节 端午 中秋 重阳 七夕 共建 单位 物业 业委会 街道 两委 审事 表决 通过 实施 验收").split()
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "建国秀英德明桂兰海燕志强丽华玉梅文军晓东春花伟芳敏静磊洋艳勇杰娟涛超明霞平刚桂英"
COMPOUNDS = ("福桂苑", "滨湖春天", "望湖城", "翡翠园", "金色家园", "阳光花园", "长安苑", "春晓里")
STATUSES = ("proposed", "reviewing", "deliberating", "decided", "implementing", "completed", "rejected")
WISH_STATUSES = ("open", "claimed", "fulfilled", "withdrawn")


@dataclass(frozen=True)
class Generated:
    content: Path
    counts: dict[str, int]
    bodies: list[tuple[str, str, str]]  # (slug, title, markdown) for the peers


def body(rng: random.Random) -> str:
    paragraphs = []
    size = rng.randint(600, 1500)
    while sum(len(p) for p in paragraphs) < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(20, 45))]
        paragraphs.append("，".join("".join(words[i:i + 3]) for i in range(0, len(words), 3)) + "。")
    return "\n\n".join(paragraphs)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def photo(path: Path, rng: random.Random, size: tuple[int, int] = (1600, 1200)) -> None:
    """A distinct photo-like JPEG: a gradient sky, ground and a few buildings."""
    small = Image.new("RGB", (160, 120))
    draw = ImageDraw.Draw(small)
    hue = [rng.randint(60, 240) for _ in range(3)]
    for y in range(120):
        draw.line([(0, y), (160, y)], fill=tuple(int(h * (1 - y / 160)) + 40 for h in hue))
    for _ in range(6):
        x = rng.randint(0, 150)
        draw.rectangle([x, rng.randint(30, 80), x + rng.randint(8, 25), 120], fill=tuple(rng.randint(80, 200) for _ in range(3)))
    buffer = io.BytesIO()
    small.resize(size, Image.Resampling.BICUBIC).save(buffer, "JPEG", quality=85)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _counts(n: int, given: Mapping[str, int] | None) -> dict[str, int]:
    """How many records of each kind: `given`, else `n` in SHARES' proportions."""
    if given is not None:
        return {kind: given.get(kind, 0) for kind in SHARES}
    counts = {kind: round(n * share) for kind, share in SHARES.items()}
    counts["activities"] += n - sum(counts.values())
    return counts


def generate(root: Path, n: int, seed: int = 7, counts: Mapping[str, int] | None = None) -> Generated:
    """A community of `n` records in SHARES' proportions, or of `counts` records of each kind when given
    (a test that needs two list pages of activities and not the rest: n is then their sum)."""
    n = sum(counts.values()) if counts else n
    rng = random.Random(seed * 1_000_003 + n)
    content = root / "content"
    (content / "media").mkdir(parents=True, exist_ok=True)
    (content / "site.yaml").write_text(yaml.safe_dump({
        "name": "望湖街道", "base_url": "https://bench.example.org/", "street": "望湖街道", "district": "包河区",
        "city": "合肥市", "office": {"address": "望湖街道党群服务中心", "phone": "0551-63351234", "hours": "周一至周五"},
        "wish_claim": "致电社区办公室认领。"}, allow_unicode=True), encoding="utf-8")
    counts = _counts(n, counts)
    bodies: list[tuple[str, str, str]] = []
    number = 0
    for kind, count in counts.items():
        (content / kind).mkdir(exist_ok=True)
        for i in range(count):
            number += 1
            slug = f"{kind[:3]}-{i:05d}"
            text = body(rng)
            year = rng.choice((2022, 2023, 2024, 2025, 2026))
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            title = "".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6)))
            fields: dict[str, object] = {"tags": rng.sample(("乐夕阳", "朝阳", "邻里节", "红日便民", "环境", "平安"), 2)}
            if number % 20 == 0:
                photo(content / "media" / f"{slug}.jpg", rng)
                fields["photos"] = [f"media/{slug}.jpg"]
            place = f"{rng.choice(COMPOUNDS)}/{rng.randint(1, 30)}栋/{rng.randint(1, 4)}单元"
            if kind == "activities":
                fields.update(title=title, date=day + " 09:30", place=place.split("/")[0], organizer="社区党委",
                              participants=rng.randint(10, 300))
            elif kind == "disclosures":
                fields.update(name=person(rng), role=rng.choice(("单元长", "楼栋党小组长", "党员中心户", "网格员")),
                              place=place, phone=f"1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}",
                              show_phone=rng.choice(("poster", "full", "masked", "none")), duties=["收集居民意见", "走访老人"])
            elif kind == "deliberations":
                status = rng.choice(STATUSES)
                fields.update(title=title, raised_on=day, status=status, channel="议事会")
                if status in ("decided", "implementing", "completed", "rejected"):
                    fields["decision"] = "经议事会表决，" + title + "。"
            else:
                status = rng.choice(WISH_STATUSES)
                fields.update(wish="想要" + title, wisher=person(rng) + "某", posted_on=day, status=status)
                if status in ("claimed", "fulfilled"):
                    fields.update(claimed_by="党员志愿服务队", claimed_on=day)
                if status == "fulfilled":
                    fields["fulfilled_on"] = day
            front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
            (content / kind / f"{slug}.md").write_text(f"---\n{front}---\n{text}\n", encoding="utf-8")
            bodies.append((slug, title, text))
    return Generated(content, counts, bodies)


if __name__ == "__main__":
    import sys

    made = generate(Path(sys.argv[2] if len(sys.argv) > 2 else "bench/work/gen"), int(sys.argv[1]))
    print(made.content, made.counts)
