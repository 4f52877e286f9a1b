"""One content folder, one theme, however the command line spells them: `--content content`,
`./content/`, `/abs/content`, `.` from inside or a link to it, and `--theme t` or `/abs/t`, are the same build.
The input stats were keyed by the content path as typed and the cache by the theme as typed, so a
second spelling never answered "nothing changed" (it planned the whole site again) and another
spelling of the theme threw the cache away: a cold build. An output typed `.` put its cache folder
inside itself and stopped as a full disk (pipeline/inputs.py absolute, pipeline cache_key)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline import inputs
from sitegen.paths import default_theme_dir
from tests.conftest import DEMO, SITE_YAML, MakeSite
from tests.pipeline.test_incremental import NOW

# (working folder under the root, content, output and theme as typed)
SPELLINGS = [
    (".", "content", "output", "mytheme"),
    (".", "./content/", "./output", "./mytheme/"),
    (".", "{root}/content", "{root}/output", "{root}/mytheme"),
    (".", "content", "output", "{root}/content/../mytheme"),
    ("content", ".", "../output", "../mytheme"),
    ("content", "../content", "../output/", "{root}/mytheme"),
    ("output", "../content/.", ".", "../mytheme"),
    (".", "linked", "output", "mytheme"),  # a link to the content folder, then the folder itself: one folder
    (".", "./linked/", "output", "{root}/mytheme"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("spelling")
    shutil.copytree(DEMO, root / "content")
    shutil.copytree(default_theme_dir(), root / "mytheme")
    (root / "linked").symlink_to(root / "content", target_is_directory=True)
    pipeline.build(root / "content", root / "output", Options(now=NOW, jobs=1, theme=root / "mytheme"))
    return root


@pytest.mark.parametrize(("where", "content", "out", "theme"), SPELLINGS, ids=[" ".join(row) for row in SPELLINGS])
def test_another_spelling_of_the_same_folders_has_nothing_to_do(built: Path, where: str, content: str, out: str,
                                                                theme: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(built / where)
    typed = {name: Path(value.format(root=built)) for name, value in (("content", content), ("out", out))}
    options = Options(now=NOW, jobs=1, theme=Path(theme.format(root=built)))
    assert pipeline.unchanged(typed["content"], typed["out"], options) is not None
    assert pipeline.build(typed["content"], typed["out"], options).unchanged


def test_an_edit_under_another_spelling_reads_only_the_edited_file(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DEMO, tmp_path / "content")
    pipeline.build(tmp_path / "content", tmp_path / "output", Options(now=NOW, jobs=1))
    wish = sorted((tmp_path / "content" / "wishes").iterdir())[0]
    wish.write_text(wish.read_text("utf-8") + "\n", "utf-8")
    import sitegen.load as load

    read: list[str] = []
    original = load.load_file
    monkeypatch.setattr(load, "load_file", lambda source, content: read.append(str(source.rel)) or original(source, content))
    monkeypatch.chdir(tmp_path / "content")
    report = pipeline.build(Path("."), Path("../output"), Options(now=NOW, jobs=1))
    assert not report.unchanged
    assert read == [f"wishes/{wish.name}"]


# (folder to build as typed, the real folder it names): `..` after a symbolic link goes up from where
# the link points, as the system reads it; os.path.abspath alone dropped the link and its `..` (the
# build read the site beside the link and wrote into the folder beside it).
THROUGH_LINK = [
    ("link/../content", "other/content"),
    ("./link/../content/", "other/content"),
    ("link/../sub/../content", "other/content"),
    ("content/../link/../content", "other/content"),
]


@pytest.mark.parametrize(("typed", "real"), THROUGH_LINK, ids=[row[0] for row in THROUGH_LINK])
def test_dot_dot_after_a_link_goes_up_from_where_the_link_points(typed: str, real: str, make_site: MakeSite,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_site(name="site").parent
    (root / "site" / "content").mkdir()
    shutil.move(root / "site" / "site.yaml", root / "site" / "content" / "site.yaml")
    (root / "other" / "sub").mkdir(parents=True)
    shutil.copytree(root / "site" / "content", root / "other" / "content")
    (root / "other" / "content" / "site.yaml").write_text(SITE_YAML.replace("测试社区", "别的社区"), "utf-8")
    (root / "site" / "link").symlink_to(root / "other" / "sub", target_is_directory=True)
    monkeypatch.chdir(root / "site")
    assert inputs.absolute(Path(typed)) == root / real
    out = typed.rstrip("/").removesuffix("content") + "output"
    pipeline.build(Path(typed), Path(out), Options(now=NOW, jobs=1))
    assert "别的社区" in (root / "other" / "output" / "index.html").read_text("utf-8")
    assert not (root / "site" / "output").exists() and not (root / "site" / ".output.sitegen-cache").exists()
    assert pipeline.unchanged(Path(typed), Path(out), Options(now=NOW, jobs=1)) is not None
