"""Search: how big the index is, and how fast a query answers in a slow phone's browser.

    python bench/search.py                          # size at 1,000 records, speed at 10,000
    python bench/search.py --size 1000 --speed 10000 --throttle 4

Size: the gzipped search index (the 简体 data file, what a reader of the main tree downloads)
against the gzipped HTML of the record pages of the same tree (main tree, one file per record),
both gzip level 6, the index made by the build's own code (render/search.make_files) and the
pages by a pages-only build. Speed: the real search page and search.js from file:// in headless
Chromium with the CPU slowed by CDP Emulation.setCPUThrottlingRate; a query's time is from the
form's submit to the results in the DOM and laid out (search.js answers a submit synchronously).
The content is bench/generate.py's (deterministic for a given N). Writes bench/results-search.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402

NOW = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)
QUERIES = ["电梯", "停车", "加装电梯", "党员志愿者", "微心愿", "9栋", "福桂苑", "邻里节", "梯",
           "加裝電梯", "居民议事会协商结果公示", "5678", "wifi"]
KINDS = ("activities", "disclosures", "deliberations", "wishes")


def content(work: Path, n: int) -> Path:
    root = work / f"search-{n}"
    if not (root / ".ready").exists():
        shutil.rmtree(root, ignore_errors=True)
        generate(root, n)
        (root / ".ready").touch()
    return root / "content"


def model_of(folder: Path):  # type: ignore[no-untyped-def]
    from sitegen import pipeline
    from sitegen.options import Options

    return pipeline.check(folder, Options(now=NOW, use_cache=False)).model


def measure_size(work: Path, n: int) -> dict[str, object]:
    from sitegen import pipeline
    from sitegen.options import Options
    from sitegen.render import search
    from sitegen.render.theme import Theme

    folder = content(work, n)
    model = model_of(folder)
    labels = Theme.load(model.site.language).labels
    started = time.perf_counter()
    files = search.make_files(model, labels)
    seconds = time.perf_counter() - started
    index = files[search.file_names(model, labels)["hans"]]
    out = work / f"search-{n}" / "pages"
    shutil.rmtree(out, ignore_errors=True)
    pipeline.build(folder, out, Options(now=NOW, use_cache=False, pages_only=True))
    pages = [p for kind in KINDS for p in (out / kind).glob("*/index.html")]
    html = sum(len(gzip.compress(p.read_bytes(), 6)) for p in pages)
    packed = len(gzip.compress(index, 6))
    return {"records": n, "record_pages": len(pages), "record_pages_html_gzip": html, "index_bytes": len(index),
            "index_gzip": packed, "ratio": packed / html, "index_seconds": seconds}


def search_site(work: Path, n: int) -> Path:
    """The search page of an n-record site, its theme files and its index: all a query needs."""
    from sitegen.render.pages import Planner
    from sitegen.render.search import make_files
    from sitegen.render.site import Renderer
    from sitegen.render.theme import Theme

    folder = content(work, n)
    model = model_of(folder)
    theme = Theme.load(model.site.language)
    out = work / f"search-{n}" / "site"
    shutil.rmtree(out, ignore_errors=True)
    spec = next(s for s in Planner(model, theme.labels, {}).plan() if s.url == "search/")
    for rel, data in [*Renderer(model, theme, {}).render(spec), *make_files(model, theme.labels).items(),
                      *((a.url, a.data) for a in theme.assets.values())]:
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data if isinstance(data, bytes) else data.encode())
    return out


def measure_speed(work: Path, n: int, throttle: float, rounds: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import ARGS, CHROMIUM

    site = search_site(work, n)
    results: dict[str, object] = {"records": n, "throttle": throttle}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        started = time.perf_counter()
        page.goto((site / "search" / "index.html").as_uri())
        page.wait_for_function("document.querySelector('.search-status').textContent === ''", timeout=300_000)
        results["load_seconds"] = time.perf_counter() - started
        timings: dict[str, list[float]] = {q: [] for q in QUERIES}
        answers: dict[str, list[float]] = {q: [] for q in QUERIES}
        counts: dict[str, int] = {}
        for _ in range(rounds):
            for query in QUERIES:
                ms, answer = page.evaluate("""q => {
                    const form = document.querySelector('.search-form'), input = document.getElementById('q');
                    input.value = q;
                    const t = performance.now();
                    form.requestSubmit();
                    document.body.offsetHeight;
                    return [performance.now() - t, parseFloat(document.getElementById('search').dataset.took)];
                }""", query)
                timings[query].append(ms)
                answers[query].append(answer)
                counts[query] = len(page.query_selector_all(".result"))
        browser.close()
    results["errors"] = errors
    results["load_average"] = os.getloadavg()
    results["queries"] = {q: {"first_ms": t[0], "min_ms": min(t), "median_ms": statistics.median(t), "max_ms": max(t),
                              "answer_median_ms": statistics.median(answers[q]), "results_shown": counts[q]}
                          for q, t in timings.items()}
    results["median_ms"] = max(statistics.median(t) for t in timings.values())
    results["max_ms"] = max(max(t) for t in timings.values())
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1000, help="records for the size measurement")
    parser.add_argument("--speed", type=int, default=10000, help="records for the speed measurement")
    parser.add_argument("--throttle", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--no-size", action="store_true", help="only the speed measurement")
    parser.add_argument("--json", type=Path, default=HERE / "results-search.json")
    args = parser.parse_args()
    size = {} if args.no_size else measure_size(args.work, args.size)
    if size:
        print(f"{args.size:,} records: index {size['index_gzip']:,} B gzipped, record pages "
              f"{size['record_pages_html_gzip']:,} B gzipped ({size['record_pages']} pages): {size['ratio']:.1%} "
              f"(goal < 25 %); index made in {size['index_seconds']:.2f} s", flush=True)
    speed = measure_speed(args.work, args.speed, args.throttle, args.rounds)
    print(f"{args.speed:,} records, CPU throttled {args.throttle:g}×, {args.rounds} rounds, load average "
          f"{speed['load_average'][0]:.1f} on {os.cpu_count()} cores: index loaded in {speed['load_seconds']:.1f} s; "
          f"slowest median {speed['median_ms']:.1f} ms, slowest single {speed['max_ms']:.1f} ms (goal < 50 ms)")
    print("  query (submit → results in the DOM and laid out; 'answer' = search.js's own search + DOM time)")
    for query, t in speed["queries"].items():  # type: ignore[attr-defined]
        print(f"  {query:　<12} first {t['first_ms']:6.1f}  min {t['min_ms']:6.1f}  median {t['median_ms']:6.1f}  "
              f"max {t['max_ms']:6.1f}  answer {t['answer_median_ms']:6.1f} ms  {t['results_shown']} shown")
    args.json.write_text(json.dumps({"size": size, "speed": speed}, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
