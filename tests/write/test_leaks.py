"""The last gate: a site holding a wisher's full name or a hidden phone is never swapped in."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.model.records import Secrets
from sitegen.options import Options
from sitegen.pipeline.execute import LeaksFound
from sitegen.write.leaks import LeakScanner
from tests.conftest import NOW, MakeSite, tree_bytes

SCANNER_SECRETS = Secrets(names=frozenset({"周桂芳"}), web_hidden_phones=frozenset({"13956781234", "13805515678"}),
                          poster_hidden_phones=frozenset({"13805515678"}))
SCANNER = LeakScanner(SCANNER_SECRETS)


@pytest.mark.parametrize(("path", "text", "leaks"), [
    ("wishes/a/index.html", "<p>感谢周桂芳</p>", True),
    ("wishes/a/index.html", "<p>感谢周 桂芳</p>", True),  # spaced out
    ("wishes/a/index.html", "<p>感谢周**</p>", False),
    ("activities/a/index.html", "电话 139 5678 1234", True),
    ("activities/a/index.html", "电话 139-5678-1234", True),
    ("activities/a/index.html", "电话 139****1234", False),
    ("posters/disclosures/a/index.html", "☎ 13956781234", True),  # show_phone: poster, published: masked there too
    ("posters/disclosures/a/index.html", "☎ 139****1234", False),
    ("posters/disclosures/b/index.html", "☎ 138 0551 5678", True),  # show_phone: masked
    ("feed.xml", "<summary>周桂芳</summary>", True),
    ("media/zhouguifang-周桂芳.jpg", "", True),  # a file name
])
def test_scanner(path: str, text: str, leaks: bool) -> None:
    assert (SCANNER.scan(path, text.encode("utf-8")) is not None) == leaks


PRINT_SCANNER = LeakScanner(SCANNER_SECRETS, printed=True)


@pytest.mark.parametrize(("path", "text", "leaks"), [
    ("posters/disclosures/a/index.html", "☎ 13956781234", False),  # show_phone: poster: full on paper
    ("posters/places/x/index.html", "☎ 139 5678 1234", False),
    ("posters/disclosures/b/index.html", "☎ 138 0551 5678", True),  # show_phone: masked: masked on paper too
    ("posters/wishes/a/index.html", "周桂芳", True),
])
def test_print_folder_scanner(path: str, text: str, leaks: bool) -> None:
    assert (PRINT_SCANNER.scan(path, text.encode("utf-8")) is not None) == leaks


def test_a_leaking_site_is_not_swapped_in(make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_site({"wishes/w.yaml": "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"})
    out = tmp_path / "output"
    pipeline.build(content, out, Options(now=NOW, use_cache=False))
    before = tree_bytes(out)
    (content / "activities").mkdir()
    (content / "activities" / "a.md").write_text("---\ntitle: 谢谢周桂芳\ndate: 2019-08-06\n---\n", encoding="utf-8")
    # the content check would stop this first; switched off, the final scan must still hold
    import sitegen.validate.privacy as privacy

    monkeypatch.setattr(privacy, "wisher_names_unpublished", lambda *args: iter(()))
    with pytest.raises(LeaksFound) as caught:
        pipeline.build(content, out, Options(now=NOW, use_cache=False))
    assert any(leak.what == "周**" for leak in caught.value.leaks)
    assert tree_bytes(out) == before


# The scanner's script folding touches only the characters a name's other scripts use; it must give
# what str.translate with the same table gives, whatever the text (write/leaks.py _ScriptFold).
SCRIPT_FOLD_CASES = [
    ({"劉": "刘", "曉": "晓"}, "劉曉東在社区", "刘晓東在社区"),
    ({"劉": "刘", "曉": "晓"}, "没有要换的字", "没有要换的字"),
    ({"劉": "刘"}, "", ""),
    ({}, "劉曉東", "劉曉東"),
    ({"]": "x", "^": "y", "\\": "z", "-": "w"}, "a]b^c\\d-e", "axbyczdwe"),
    ({"東": "东"}, "東" * 1000, "东" * 1000),
]


@pytest.mark.parametrize(("chars", "text", "expected"), SCRIPT_FOLD_CASES)
def test_script_fold_is_translate(chars: dict[str, str], text: str, expected: str) -> None:
    from sitegen.write.leaks import _ScriptFold

    assert _ScriptFold(chars)(text) == expected == text.translate(str.maketrans(chars))
