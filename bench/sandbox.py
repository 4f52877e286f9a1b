"""CPU seconds to render every page of a site with Jinja's plain Environment and with the sandbox.

    python bench/sandbox.py content                  # the demo
    python -c "from bench.generate import generate; from pathlib import Path; generate(Path('/tmp/g'), 1000)"
    python bench/sandbox.py /tmp/g/content           # 1,000 generated records

Runs plain, sandboxed, plain, sandboxed, plain, sandboxed in one process (templates compiled once
per environment, the first round warms caches) and prints each round's process time: the render
step alone, without the scan, writing, photos or QR codes, so the difference is the sandbox's.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import jinja2
import jinja2.sandbox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sitegen import pipeline  # noqa: E402
from sitegen.options import Options  # noqa: E402
from sitegen.pipeline.execute import theme_folder  # noqa: E402
from sitegen.pipeline.photos import plan_photos  # noqa: E402
from sitegen.render import theme as theme_module  # noqa: E402
from sitegen.render.pages import Planner  # noqa: E402
from sitegen.render.posters import PosterPlanner  # noqa: E402
from sitegen.render.site import Renderer  # noqa: E402
from sitegen.render.theme import Theme  # noqa: E402


def main(content: Path, rounds: int = 3) -> None:
    model = pipeline.check(content, Options(use_cache=False)).model
    photos, _ = plan_photos(model, content, {})
    sandboxed = jinja2.sandbox.ImmutableSandboxedEnvironment
    times: dict[str, list[float]] = {}
    files = 0
    for name, environment in (("plain", jinja2.Environment), ("sandboxed", sandboxed)) * rounds:
        theme_module.jinja2.sandbox.ImmutableSandboxedEnvironment = environment  # type: ignore[misc]
        try:
            theme = Theme.load(model.site.language, *theme_folder(content, model))
            renderer = Renderer(model, theme, photos)
        finally:
            theme_module.jinja2.sandbox.ImmutableSandboxedEnvironment = sandboxed  # type: ignore[misc]
        specs = [*Planner(model, theme.labels, photos).plan(), *PosterPlanner(model, theme.labels, photos).plan()]
        started = time.process_time()
        files = sum(len(renderer.render(spec)) for spec in specs)
        times.setdefault(name, []).append(round(time.process_time() - started, 2))
    print(f"{content}: {len(specs)} pages and posters, {files} files; CPU seconds per round: {times}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
