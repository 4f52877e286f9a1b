"""Render the planned site into a stage folder, scan it, and swap it in."""

from __future__ import annotations

from pathlib import Path

from sitegen.errors import ContentInvalid, Problem
from sitegen.model.records import Model
from sitegen.options import Options
from sitegen.pipeline.photos import plan_photos
from sitegen.render.builtin import feeds
from sitegen.render.images import make_variants
from sitegen.render.pages import Planner
from sitegen.render.posters import PosterPlanner
from sitegen.render.site import Renderer
from sitegen.render.theme import Theme
from sitegen.write.leaks import Leak, LeakScanner
from sitegen.write.stage import StageWriter
from sitegen.write.swap import discard, new_stage, swap_in


class LeaksFound(Exception):
    """The stage held private data; it was discarded and the old output kept."""

    def __init__(self, leaks: list[Leak]) -> None:
        self.leaks = leaks
        super().__init__(f"{len(leaks)} leaks")


def theme_folder(content: Path, model: Model) -> Path | None:
    if model.site.theme is None:
        return None
    for base in (content, content.parent):
        candidate = base.joinpath(*model.site.theme.parts)
        if candidate.is_dir():
            return candidate
    from pathlib import PurePosixPath

    raise ContentInvalid([Problem(PurePosixPath("site.yaml"), None, "site.theme_missing",
                                  {"path": str(model.site.theme)})])


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def write_site(model: Model, content: Path, out: Path, options: Options, progress: object = None) -> object:
    from sitegen.pipeline import Report

    theme = Theme.load(model.site.language, theme_folder(content, model))
    photos, problems = plan_photos(model, content)
    if problems:
        raise ContentInvalid(problems)
    labels = theme.labels
    specs = [*Planner(model, labels, photos).plan(), *PosterPlanner(model, labels, photos).plan()]
    renderer = Renderer(model, theme, photos)
    report = Report()
    stage = new_stage(out)
    try:
        writer = StageWriter(stage, LeakScanner(model.secrets))
        sitemap_urls = []
        tick = progress if callable(progress) else _quiet
        for number, spec in enumerate(specs, start=1):
            if number % 50 == 0 or number == len(specs):
                tick("render", number, len(specs))
            for path, data in renderer.render(spec):
                writer.write(path, data)
            if spec.poster:
                report.posters += 1
            else:
                report.pages += 1
                if not spec.noindex:
                    sitemap_urls.append((spec.url, spec.updated))
        for asset in theme.assets.values():
            writer.write(asset.url, asset.data)
        for number, photo in enumerate(photos.values(), start=1):
            for url, data in make_variants(content, photo).items():
                writer.write(url, data, scan=False)
            tick("photos", number, len(photos))
        report.photos = len(photos)
        kinds = {k: labels[f"kind_{k}"] for k in ("activities", "disclosures", "deliberations", "wishes")}
        writer.write("feed.xml", feeds.atom_feed(model, kinds))
        writer.write("sitemap.xml", feeds.sitemap(model, sitemap_urls))
        writer.write("activities.ics", feeds.calendar(model))
        writer.write("robots.txt", feeds.robots(model))
        if writer.leaks:
            raise LeaksFound(writer.leaks)
        if options.pdf:  # laid out from the staged posters, which passed the leak scan above
            from sitegen.render.pdf import render_pdfs

            posters = [(s.url, s.data["paper"]) for s in specs if s.poster]
            for path, data in render_pdfs(stage, posters).items():
                writer.write(path, data, scan=False)
        writer.write("manifest.sha256", writer.manifest(), scan=False)
        report.files = len(writer.checksums)
        swap_in(stage, out)
    except BaseException:
        discard(stage)
        raise
    return report
