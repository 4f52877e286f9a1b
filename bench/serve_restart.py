"""The first saves after `sitegen serve` starts on an output an earlier build left.

    python -m bench.serve_restart SITE [--saves 3] [--no-fill] [--site-wide] [--out restart-out]

SITE holds `content/` (python -m bench.generate makes one). A `sitegen build` into SITE/OUT first
(nothing to do when one was made already), then serve's first build in this process, as serve.py
runs it, then, unless --no-fill, what serve does at its first idle moment (serve.fill_memory), then
`--saves` saves of one record, each timed with its stages. With --site-wide, site.yaml's community
name is changed first (every page changes, write/slots.py renewed) and built, as a save would be.
The record and site.yaml are put back at the end and
the kept cache written as serve does when it stops (Memory.persist), so runs can follow each other.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitegen import pipeline
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.pipeline.memory import Memory


def _stages(report: pipeline.Report) -> str:
    return " ".join(f"{name} {seconds * 1000:.0f}" for name, seconds in report.timings.items())


def main() -> None:
    import sitegen.serve as serve

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--no-fill", action="store_true")
    parser.add_argument("--site-wide", action="store_true")
    parser.add_argument("--out", default="restart-out")
    args = parser.parse_args()
    content, out, options = args.site / "content", args.site / args.out, Options()
    started = time.perf_counter()
    pipeline.build(content, out, options)
    print(f"sitegen build: {time.perf_counter() - started:.2f} s")
    built = pipeline.build

    def timed(*given: object, **named: object) -> pipeline.Report:
        report = built(*given, **named)  # type: ignore[arg-type]
        print(f"  {'fill ' if named.get('fill') else ''}{report.seconds * 1000:.0f} ms: {_stages(report)}")
        return report

    pipeline.build = timed  # type: ignore[assignment]
    state = serve.State(out=out, messages=Messages("en"), memory=Memory())
    serve.rebuild(content, state, options, first=True)
    print(f"first build found nothing to do: {getattr(state, 'empty', '?')}")
    if not args.no_fill:
        serve.fill_memory(content, state, options)
    record = sorted((content / "activities").iterdir())[6]
    site, text = content / "site.yaml", record.read_text("utf-8")
    site_text = site.read_text("utf-8")
    saves = []
    try:
        if args.site_wide:
            site.write_text(site_text.replace("name: ", "name: 新", 1), encoding="utf-8")
            serve.rebuild(content, state, options)
        for n in range(args.saves):
            record.write_text(text + f"\n再追加{n}段。\n", encoding="utf-8")
            started = time.perf_counter()
            serve.rebuild(content, state, options)
            saves.append(round((time.perf_counter() - started) * 1000))
    finally:
        record.write_text(text, encoding="utf-8")
        site.write_text(site_text, encoding="utf-8")
        pipeline.build = built  # type: ignore[assignment]
    print(f"saves (ms): {saves}")
    if state.memory is not None:
        state.memory.persist(out)


if __name__ == "__main__":
    main()
