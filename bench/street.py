"""Benchmark a street and a district: many generated communities built as one street (issue 14).

    python bench/street.py                        # a street: 20 communities x 300 records
    python bench/street.py --communities 300      # a district: 300 x 300 (90,000 records)

Each community is bench/generate.py's community of 300 records (a distinct seed for each of the
first 20; further ones are copies of those, their photos hard-linked), with a site.yaml that sets
only its name: the rest comes from street.yaml. Measured, each build its own process, peak memory
the largest total PSS of the process tree (bench/run.py `measure`): the cold street build, a
no-change rebuild, one record of one community changed, and (for comparison with the cold build)
the sum of every community built alone as a single site (`--alone N` limits that to the first N).
Every build of a run sees the same present (SOURCE_DATE_EPOCH: bench/environment.py pinned_clock).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402
from bench.environment import pinned_clock  # noqa: E402
from bench.run import PYTHON, Run, measure  # noqa: E402

DISTINCT = 20
RECORDS = 300
STREET = {"name": "望湖街道", "base_url": "https://bench.example.org/", "district": "包河区", "city": "合肥市",
          "office": {"address": "望湖街道党群服务中心", "phone": "0551-63351234", "hours": "周一至周五"}}


def _template(work: Path, index: int) -> Path:
    """The generated community number `index` (0 … DISTINCT-1), made once and kept."""
    root = work / "templates" / f"t{index:02d}"
    if not (root / ".generated").exists():
        shutil.rmtree(root, ignore_errors=True)
        generate(root, RECORDS, seed=100 + index)
        (root / ".generated").touch()
    return root / "content"


def _copy(source: Path, target: Path) -> None:
    """Records copied (one is edited by a measurement), photos hard-linked (never edited)."""

    def copy(src: str, dst: str) -> object:
        if "/media/" in src:
            try:
                os.link(src, dst)
                return dst
            except OSError:
                pass
        return shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=copy)


def make_street(work: Path, communities: int) -> Path:
    """work/street-C/: street.yaml and C communities c000 …, each with a site.yaml naming only itself."""
    folder = work / f"street-{communities}"
    if (folder / ".generated").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "street.yaml").write_text(yaml.safe_dump(STREET, allow_unicode=True), encoding="utf-8")
    for number in range(communities):
        community = folder / f"c{number:03d}"
        _copy(_template(work, number % DISTINCT), community)
        (community / "site.yaml").write_text(yaml.safe_dump({"name": f"第{number + 1}社区", "wish_claim": "致电认领。"},
                                                            allow_unicode=True), encoding="utf-8")
    (folder / ".generated").touch()
    return folder


def _alone(street: Path, slug: str, work: Path) -> Path:
    """One community as a single site: its site.yaml with the street's values written in."""
    target = work / "alone" / slug / "content"
    if not target.exists():
        _copy(street / slug, target)
        site = yaml.safe_load((street / slug / "site.yaml").read_text("utf-8"))
        site.update({k: v for k, v in STREET.items() if k != "name"}, street=STREET["name"],
                    base_url=f"{STREET['base_url']}{slug}/")
        (target / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")
    return target


def _build(content: Path, out: Path) -> list[str]:
    return [PYTHON, "-m", "sitegen", "--lang", "en", "build", "--content", str(content), "--out", str(out), "-q"]


def _clean(out: Path) -> None:
    for path in (out, out.parent / f".{out.name}.sitegen-cache", out.parent / f"{out.name}-print"):
        shutil.rmtree(path, ignore_errors=True)


def bench(work: Path, communities: int, alone: int, results: dict[str, object], save: Callable[[], None]
          ) -> dict[str, object]:
    """Measure into `results`, calling `save` after each measurement (a district takes hours: what
    finished is kept)."""
    street = make_street(work, communities)
    out = work / f"out-{communities}"
    results.update({"communities": communities, "records": communities * RECORDS})

    def record(label: str, run: Run) -> None:
        results[label] = {**run.__dict__, "load": os.getloadavg()}  # the machine's load as it ended, as `uptime` says
        print(f"  {label:<36} {run.seconds:>8.2f} s {run.peak_mb:>8.0f} MB{'' if run.ok else '  FAILED'}"
              f"  load {os.getloadavg()[0]:.2f}", flush=True)
        save()

    _clean(out)
    record("cold", measure(_build(street, out)))
    record("no_change", measure(_build(street, out)))
    changed = sorted((street / "c000" / "activities").iterdir())[3]
    original = changed.read_text("utf-8")
    for label, text in (("one_record_first", "\n追加一段。\n"), ("one_record", "\n再追加一段。\n")):
        changed.write_text(original + text, encoding="utf-8")
        record(label, measure(_build(street, out)))
    changed.write_text(original, encoding="utf-8")
    runs: list[Run] = []
    for number in range(min(alone, communities)):
        slug = f"c{number:03d}"
        single = work / "alone" / slug / "output"
        _clean(single)
        runs.append(measure(_build(_alone(street, slug, work), single)))
        results["alone"] = {"communities": len(runs), "seconds": sum(r.seconds for r in runs), "load": os.getloadavg(),
                            "peak_mb": max((r.peak_mb for r in runs), default=0.0), "ok": all(r.ok for r in runs)}
        save()
    return results


def print_table(r: dict[str, object]) -> None:
    print(f"\n== {r['communities']} communities x {RECORDS} records ==")
    for name, key in (("cold", "cold"), ("no-change", "no_change"), ("one record changed (first)", "one_record_first"),
                      ("one record changed", "one_record"), ("communities built alone, summed", "alone")):
        run = r.get(key)
        if not isinstance(run, dict):
            continue
        load = f"  load {run['load'][0]:.2f}" if "load" in run else ""
        print(f"  {name:<36} {run['seconds']:>8.2f} s {run['peak_mb']:>8.0f} MB{'' if run['ok'] else '  FAILED'}{load}")
    alone = r.get("alone")
    if isinstance(alone, dict) and isinstance(r["cold"], dict) and alone["communities"] == r["communities"] \
            and alone["seconds"]:
        print(f"  cold / sum alone: {r['cold']['seconds'] / alone['seconds']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communities", type=int, default=20)
    parser.add_argument("--alone", type=int, default=20, help="how many communities to build alone for the sum")
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    clock = pinned_clock()  # every build of this run sees the same present (bench/environment.py)
    machine = {"clock": clock, "cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    print(f"machine: {machine}", flush=True)
    target = args.json or HERE / f"street-{args.communities}.json"
    results: dict[str, object] = {"machine": machine}

    def save() -> None:
        target.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")

    bench(args.work, args.communities, args.alone, results, save)
    print_table(results)
    print(f"\nwrote {target}")


if __name__ == "__main__":
    main()
