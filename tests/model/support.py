"""Run the stages below the model on a small content folder, then the model stage itself."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path, PurePosixPath

from sitegen.load import load_content
from sitegen.model.build import build_model
from sitegen.model.records import Model
from sitegen.options import Options
from sitegen.slugs import Levels
from sitegen.validate.check import validate_content
from sitegen.validate.privacy import Variants
from tests.conftest import NOW, SITE_YAML, write_files


def model_of(folder: Path, files: Mapping[str, str], site: str = SITE_YAML, now: datetime = NOW,
             drafts: bool = False, commits: Mapping[PurePosixPath, int] | None = None) -> Model:
    """The model of `files` (content-relative path → text) under a site.yaml; the content must be valid."""
    content = folder / "content"
    write_files(content, {"site.yaml": site, **files})
    validated = validate_content(load_content(content), content, variants=Variants())
    errors = [p for p in validated.problems if not p.warning]
    assert not errors, errors
    model, problems = build_model(validated, Options(now=now, drafts=drafts), commits or {},
                                  levels=Levels(), variants=Variants())
    assert model is not None and not problems, problems
    return model


def pick(model: Model, path: str) -> object:
    """A value by a dotted path with indexes: "wishes.0.shown_name", "site.office.phone"."""
    value: object = model
    for part in path.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)  # type: ignore[index]
    return value
