"""model/places.py: place slugs level by level (SPEC §3 Places), collisions, and the tree's order."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from sitegen.model.places import assign_slugs, build_tree
from sitegen.model.records import SourceRef
from sitegen.slugs import Levels

WHERE = SourceRef(PurePosixPath("disclosures/a.yaml"), 3)

CASES = [  # (places, place_slugs overrides) → slug of every level
    ([("福桂苑",)], {}, {("福桂苑",): "fuguiyuan"}),
    ([("福桂苑", "9栋", "2单元")], {}, {("福桂苑",): "fuguiyuan", ("福桂苑", "9栋"): "fuguiyuan/9dong",
                                    ("福桂苑", "9栋", "2单元"): "fuguiyuan/9dong/2danyuan"}),
    ([("重庆苑",)], {}, {("重庆苑",): "chongqingyuan"}),  # the phrase's reading, not each character's
    ([("福桂苑", "9栋")], {"福桂苑/9栋": "fuguiyuan/b9"}, {("福桂苑",): "fuguiyuan", ("福桂苑", "9栋"): "fuguiyuan/b9"}),
    ([("福桂苑", "9栋")], {"福桂苑": "fgy"}, {("福桂苑",): "fgy", ("福桂苑", "9栋"): "fgy/9dong"}),
    ([("A区", "1号楼")], {}, {("A区",): "aqu", ("A区", "1号楼"): "aqu/1haolou"}),
]


@pytest.mark.parametrize(("places", "overrides", "slugs"), CASES)
def test_assign_slugs(places: list[tuple[str, ...]], overrides: dict[str, str], slugs: dict[tuple[str, ...], str]) -> None:
    memo = Levels()
    assert assign_slugs([(p, WHERE) for p in places], overrides, memo) == (slugs, [])
    assert memo.known  # what was slugged is remembered for the next build


PROBLEM_CASES = [  # places → problem keys
    ([("福桂苑",), ("福贵苑",)], {}, ["place.slug_collision"]),  # same pinyin, different places
    ([("★",)], {}, ["place.no_slug"]),
    ([("福桂苑", "9栋"), ("福桂苑", "9棟")], {}, ["place.slug_collision"]),
]


@pytest.mark.parametrize(("places", "overrides", "keys"), PROBLEM_CASES)
def test_assign_slugs_problems(places: list[tuple[str, ...]], overrides: dict[str, str], keys: list[str]) -> None:
    _, problems = assign_slugs([(p, WHERE) for p in places], overrides, Levels())
    assert [p.key for p in problems] == keys
    assert all((p.path, p.line) == (WHERE.path, WHERE.line) for p in problems)


def test_the_tree_is_in_natural_order_with_parents() -> None:
    places = [("福桂苑", "10栋"), ("福桂苑", "2栋", "1单元"), ("安居苑",), ("福桂苑", "2栋")]
    slugs, _ = assign_slugs([(p, WHERE) for p in places], {}, Levels())
    tree = build_tree(slugs, [], Levels())
    assert list(tree.nodes) == ["anjuyuan", "fuguiyuan", "fuguiyuan/2dong", "fuguiyuan/2dong/1danyuan",
                                "fuguiyuan/10dong"]
    assert [n.slug for n in tree.roots()] == ["anjuyuan", "fuguiyuan"]
    assert tree.nodes["fuguiyuan"].children == ("fuguiyuan/2dong", "fuguiyuan/10dong")
    assert [n.slug for n in tree.parents("fuguiyuan/2dong/1danyuan")] == ["fuguiyuan", "fuguiyuan/2dong"]
    node = tree.nodes["fuguiyuan/2dong/1danyuan"]
    assert (node.name, node.full_name, node.url, node.depth) == ("1单元", "福桂苑2栋1单元",
                                                                  "places/fuguiyuan/2dong/1danyuan/", 3)
