"""The search data files put together from pieces kept between builds (render/search_file.py) are the
bytes one encoding of the whole gives, save after save under `serve`."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.model.records import Model
from sitegen.options import Options
from sitegen.render.search import GLOBAL, Keys, _script, make_files
from sitegen.render.search_file import Told, assemble, encode, member
from sitegen.render.search_text import FoldMemo
from sitegen.render.theme import Theme
from tests.conftest import NOW, MakeSite
from tests.render.test_search import FILES
from tests.support.edits import save_edit

ROW = ["activities/a/", "activities", "电梯", "2024年6月1日", "", "", "讨论。"]

# a data file's mapping → put together from its members, it must be what _script writes of it whole
ASSEMBLE_CASES = {
    "rows and keys": {"v": "1", "kinds": {"activities": "社区活动"}, "fold": {"偉": "伟"}, "docs": [ROW, ROW],
                      "keys": {"1": "0,1", "电梯": "0,0"}},
    "no records": {"v": "1", "kinds": {"activities": "社区活动"}, "fold": {}, "docs": [], "keys": {}},
    "quotes, backslashes, controls": {"v": "1", "kinds": {}, "fold": {}, "docs": [[*ROW[:6], 'a "b" \\ c\td']],
                                      "keys": {"a": "0"}},
    "line separators in a row": {"v": "1", "kinds": {}, "fold": {}, "docs": [[*ROW[:6], "x\u2028y\u2029z"]],
                                 "keys": {}},
    "characters outside the BMP": {"v": "1", "kinds": {}, "fold": {}, "docs": [[*ROW[:6], "𠮷野家"]],
                                   "keys": {"野家": "0"}},
}


@pytest.mark.parametrize("data", list(ASSEMBLE_CASES.values()), ids=list(ASSEMBLE_CASES))
def test_a_file_put_together_from_pieces_is_the_file_encoded_whole(data: dict) -> None:  # type: ignore[type-arg]
    head = [(name, encode(data[name])) for name in ("v", "kinds", "fold")]
    made = assemble(GLOBAL, head, [encode(row) for row in data["docs"]],
                    [member(k, v) for k, v in data["keys"].items()])
    assert made == _script(data)


# every kind of save under `serve`, applied one after another to the same content: (file, text replaced,
# its replacement; "" deletes the file, a new file name adds it); after each, the files made from what the
# build cache keeps (memo, postings, pieces, folds) equal the files made whole
SAVES = [
    ("a body", "activities/a.md", "分摊比例", "施工时间"),
    ("a character new to the site", "activities/a.md", "施工时间", "鑫淼犇 頭髮"),
    ("that character gone again", "activities/a.md", "鑫淼犇 頭髮", "施工时间"),
    ("a title", "activities/a.md", "title: 加装电梯说明会", "title: 加装电梯答疑会"),
    ("a date moving the record", "activities/a.md", "date: 2026-10-01", "date: 2026-10-20"),
    ("a wish claimed", "wishes/w.yaml", "status: open", "status: claimed\nclaimed_by: 志愿者\nclaimed_on: 2026-10-20"),
    ("a record added", "activities/b.md", "", "---\ntitle: 理发服务\ndate: 2026-10-03\n---\n为老人理發。\n"),
    ("a record removed", "disclosures/e.yaml", "", ""),
    ("a record renamed", "activities/b.md", "", ""),  # its text comes back as c.md below
    ("… under its new name", "activities/c.md", "", "---\ntitle: 理发服务\ndate: 2026-10-03\n---\n为老人理發。\n"),
    ("nothing changed", "wishes/v.yaml", "想学用智能手机", "想学用智能手机"),
]


def _model_and_labels(content: Path) -> tuple[Model, dict[str, str]]:
    """The site's model as a cold check makes it, and its theme's labels."""
    model = pipeline.check(content, Options(now=NOW, use_cache=False)).model
    return model, Theme.load(model.site.language).labels


@pytest.mark.parametrize("files", [False, True], ids=["kept in the process (serve)", "read back from the cache files (CLI)"])
def test_saves_one_after_another_give_the_files_a_whole_build_gives(make_site: MakeSite, files: bool) -> None:
    content = make_site(FILES)
    model, labels = _model_and_labels(content)
    memo: dict = {}  # type: ignore[type-arg]
    keys, folds = Keys(), FoldMemo()
    assert make_files(model, labels, memo, keys, folds) == make_files(model, labels)
    assert keys.pieces is not None and keys.pieces.rows and keys.pieces.hant  # kept for the next save
    last = make_files(model, labels, memo, keys, folds)
    told = 0
    for what, path, old, new in SAVES:
        save_edit(content, path, old, new)
        if files:  # as BuildCache keeps them: the memo and the keys pickled together
            memo, keys = pickle.loads(pickle.dumps((memo, keys)))
        changed = pipeline.check(content, Options(now=NOW, use_cache=False)).model
        made = make_files(changed, labels, memo, keys, folds)
        assert made == make_files(changed, labels), what
        assert len(keys.pieces.rows) == len(changed.records()) + len(changed.pages), what  # gone rows pruned
        if files:
            continue  # told against no base: nothing encoded was read back
        for name, data in made.items():
            base = last[name] if name in last else next(v for k, v in last.items() if ("hant" in k) == ("hant" in name))
            if isinstance(data, Told) and data.base is not None:
                assert _outside_is_base(data, base), what
                told += 1
        last = made
    assert files or told >= 8  # most saves are told against the file before


def _outside_is_base(data: Told, base: bytes) -> bool:
    """Outside its spans `data` is `base`'s bytes, stretch after stretch in order (two stretches either
    side of a new member share the comma between them in the base)."""
    at, start = 0, 0
    for first, last in [*data.spans, (len(data), len(data))]:
        stretch = data[start:first]
        found = base.find(stretch, at)
        if found < 0:
            return False
        at, start = max(found + len(stretch) - 1, at), max(start, last)
    return True


def test_other_labels_and_the_mirror_turned_off_give_the_files_a_whole_build_gives(make_site: MakeSite) -> None:
    content = make_site(FILES)
    model, labels = _model_and_labels(content)
    memo: dict = {}  # type: ignore[type-arg]
    keys = Keys()
    make_files(model, labels, memo, keys)
    relabelled = {**labels, "kind_wishes": "心愿墙"}
    assert make_files(model, relabelled, memo, keys) == make_files(model, relabelled)
    plain = dataclasses.replace(model, site=dataclasses.replace(model.site, traditional_mirror=False))
    assert make_files(plain, relabelled, memo, keys) == make_files(plain, relabelled)
    assert len(make_files(plain, relabelled, memo, keys)) == 1
    assert make_files(model, labels, memo, keys) == make_files(model, labels)


def test_the_cache_files_keep_the_character_counts_not_the_encoded_pieces(make_site: MakeSite) -> None:
    content = make_site(FILES)
    model, labels = _model_and_labels(content)
    memo: dict = {}  # type: ignore[type-arg]
    keys = Keys()
    made = make_files(model, labels, memo, keys)
    read_back = pickle.loads(pickle.dumps(keys))
    assert keys.pieces is not None and read_back.pieces is not None
    assert not (read_back.pieces.rows or read_back.pieces.hant or read_back.pieces.members)  # a CLI build encodes them
    assert (read_back.pieces.names, read_back.pieces.chars, read_back.pieces.fold) == (
        keys.pieces.names, keys.pieces.chars, keys.pieces.fold)
    assert list(read_back.pieces.chars) == list(keys.pieces.chars)  # the order the fold map is learned in
    assert (read_back.names, read_back.keyed, read_back.encoded) == (keys.names, keys.keyed, keys.encoded)
    fold = read_back.pieces.fold
    assert make_files(model, labels, memo, read_back) == made
    assert read_back.pieces.fold is fold  # no character came or went: the map read back is used, not learned


def test_counts_read_back_from_a_cache_of_another_shape_are_not_used() -> None:
    from sitegen.render.search_file import Pieces

    assert Pieces.recounted(("not", "the", "shape")) == Pieces(False)


def test_the_fold_map_is_learned_again_only_when_a_character_comes_or_goes(make_site: MakeSite) -> None:
    content = make_site(FILES)
    labels = Theme.load("zh-Hans").labels
    memo: dict = {}  # type: ignore[type-arg]
    keys = Keys()
    folds: list[object] = []
    for old, new in (("", ""), ("分摊比例", "比例分摊"), ("比例分摊", "比例分摊鑫"), ("比例分摊鑫", "分摊比例")):
        if old:
            save_edit(content, "activities/a.md", old, new)
        model = pipeline.check(content, Options(now=NOW, use_cache=False)).model
        assert make_files(model, labels, memo, keys) == make_files(model, labels)
        assert keys.pieces is not None
        folds.append(keys.pieces.fold)
    kept, learned, gone = folds[1] is folds[0], folds[2] is not folds[1], folds[3] is not folds[2]
    assert (kept, learned, gone) == (True, True, True)  # the same characters: the map as it was
