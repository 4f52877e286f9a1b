"""The editor's files: saves keep comments and order, are checked as `check` does, never overwrite
a file changed on disk, keep an unfinished record as a `_` draft, and never leave the content folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.edit import store
from sitegen.edit.forms import KINDS, form_for
from sitegen.edit.store import EditError
from sitegen.i18n.messages import Messages
from tests.conftest import MakeSite, run
from tests.validate.test_photo_checker import HEIC

EN = Messages("en")
ZH = Messages("zh-Hans")
SCAFFOLD = Path(__file__).resolve().parents[2] / "sitegen" / "scaffold" / "site" / "content"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(SCAFFOLD, content)
    return content


def test_every_kind_has_a_form_from_the_schema() -> None:
    inputs = {kind: {spec.name: spec.input for spec in form_for(kind, ZH)} for kind in KINDS}
    assert inputs["wishes"]["posted_on"] == "date" and inputs["wishes"]["status"] == "select"
    assert inputs["wishes"]["value"] == "money" and inputs["disclosures"]["party_member"] == "checkbox"
    assert inputs["disclosures"]["place"] == "place" and inputs["disclosures"]["duties"] == "list"
    assert inputs["activities"]["date"] == "datetime" and inputs["activities"]["participants"] == "number"
    assert inputs["deliberations"]["meeting"] == "group" and inputs["deliberations"]["timeline"] == "rows"
    status = next(s for s in form_for("wishes", ZH) if s.name == "status")
    assert status.required and ("claimed", "已认领") in status.choices


def test_a_save_changes_only_its_fields_and_keeps_comments_and_order(site: Path) -> None:
    rel = "wishes/2026-zhuxingqi.yaml"
    before = (site / rel).read_text("utf-8")
    record = store.read_record(site, rel)
    fields = dict(record["fields"], status="claimed", claimed_by="社区党员志愿服务队", claimed_on="2026-10-20")
    saved = store.save_record(site, "wishes", rel, record["version"], fields, "", ZH)
    assert saved.written and not saved.errors, saved
    after = (site / rel).read_text("utf-8")
    assert "# 微心愿。许愿人的全名只用于核对" in after and "# 价值（元）" in after and "# 发布日期（必填）" in after
    assert "status: claimed" in after and "claimed_by: 社区党员志愿服务队" in after
    assert "claimed_on: 2026-10-20" in after
    keys = [line.split(":")[0] for line in after.splitlines() if line and not line.startswith(("#", " "))]
    assert keys[:6] == ["wish", "wisher", "category", "value", "posted_on", "status"]
    assert keys.index("claimed_by") > keys.index("status")
    unchanged = [line for line in before.splitlines() if line.startswith(("wish:", "wisher:", "value:", "category:"))]
    assert all(line in after.splitlines() for line in unchanged)  # untouched lines byte for byte
    assert run("check", "--content", str(site)).exit_code == 0


def test_problems_come_back_by_field_in_the_users_language(site: Path) -> None:
    rel = "wishes/2026-zhuxingqi.yaml"
    record = store.read_record(site, rel)
    before = (site / rel).read_bytes()
    for messages, word in ((EN, "Claimed by"), (ZH, "认领人或单位")):
        saved = store.save_record(site, "wishes", rel, record["version"], dict(record["fields"], status="claimed"),
                                  "", messages)
        assert not saved.written and "claimed_by" in saved.errors, saved.errors
        assert word in " ".join(saved.errors["claimed_by"])
    saved = store.save_record(site, "wishes", rel, record["version"], dict(record["fields"], posted_on="2026-13-01"),
                              "", ZH)
    assert list(saved.errors) == ["posted_on"] and "2026-13-01" in saved.errors["posted_on"][0]
    assert (site / rel).read_bytes() == before  # nothing written


@pytest.mark.parametrize(("rel", "kind", "change", "field"), [
    ("wishes/2026-zhuxingqi.yaml", "wishes", {"status": "claimed"}, "claimed_by"),
    ("deliberations/2026-tingche.yaml", "deliberations", {"status": "decided", "decision": ""}, "decision"),
])
def test_a_field_the_file_holds_as_a_comment_is_asked_for_in_the_form(site: Path, rel: str, kind: str,
                                                                      change: dict[str, str], field: str) -> None:
    """break17: the scaffold keeps `# claimed_by: …` as a comment, and the check says at that line to delete
    its `#`; the form has no line and no `#`: it asks for the field, as for a file without the comment."""
    path = site / rel
    if field == "decision":  # the template's commented decision line
        path.write_text(path.read_text(encoding="utf-8").replace("decision:", "# decision:", 1), encoding="utf-8")
    record = store.read_record(site, rel)
    for messages in (EN, ZH):
        saved = store.save_record(site, kind, rel, record["version"], dict(record["fields"], **change), "", messages)
        said = " ".join(saved.errors.get(field, []))
        assert said and "#" not in said, saved.errors


def test_new_records_of_each_kind_are_written_where_check_finds_them(site: Path) -> None:
    forms = {
        "activities": ({"title": "重阳节包饺子", "date": "2026-10-29 09:00", "place": "社区活动室",
                        "partners": ["物业", "超市"], "participants": "30"}, "居民一起包饺子。"),
        "disclosures": ({"name": "赵红梅", "role": "单元长", "place": "示例小区/1栋/2单元", "party_member": True,
                         "phone": "13900002222", "duties": ["走访独居老人"]}, ""),
        "deliberations": ({"title": "楼道堆物清理", "raised_on": "2026-09-01", "status": "decided",
                           "decision": "每月第一个周六集中清理", "meeting": {"date": "2026-09-05", "attendees": "21"},
                           "votes": {"for": "20", "against": "0", "abstain": "1"},
                           "timeline": [{"date": "2026-09-06", "note": "贴出通知"}]}, "楼道里堆了很多杂物。"),
        "wishes": ({"wish": "想学用智能手机", "wisher": "孙玉兰", "posted_on": "2026-10-01", "status": "open",
                    "value": "0"}, ""),
    }
    for kind, (fields, body) in forms.items():
        saved = store.save_record(site, kind, None, None, fields, body, ZH)
        assert saved.written and not saved.errors, (kind, saved)
        assert saved.path and saved.path.startswith(kind + "/") and "sun" not in saved.path
    assert run("check", "--content", str(site)).exit_code == 0
    text = next((site / "deliberations").glob("2026-loudao*")).read_text("utf-8")
    assert "meeting:\n  date: 2026-09-05\n  attendees: 21" in text and "- date: 2026-09-06" in text
    assert text.rstrip().endswith("楼道里堆了很多杂物。")


def test_a_file_changed_on_disk_is_never_overwritten(site: Path) -> None:
    rel = "disclosures/wang-jianguo.yaml"
    record = store.read_record(site, rel)
    (site / rel).write_text((site / rel).read_text("utf-8") + "since: 2020-01-01\n", "utf-8")
    changed = (site / rel).read_bytes()
    with pytest.raises(EditError) as refused:
        store.save_record(site, "disclosures", rel, record["version"], dict(record["fields"], role="网格员"), "", ZH)
    assert refused.value.status == 409 and refused.value.key == "edit.changed_on_disk"
    assert (site / rel).read_bytes() == changed


def test_an_unfinished_record_is_kept_as_a_draft_the_build_ignores(site: Path) -> None:
    saved = store.save_record(site, "wishes", None, None, {"wish": "修自行车", "status": "open"}, "", ZH,
                              keep_as_draft=True)
    assert saved.written and saved.draft_kept and "wisher" in saved.errors and "posted_on" in saved.errors
    assert saved.path is not None and saved.path.startswith("wishes/_") and (site / saved.path).is_file()
    assert run("check", "--content", str(site)).exit_code == 0  # builds ignore `_` files
    listed = {r["path"]: r for r in store.list_records(site, "wishes")}
    assert listed[saved.path]["unfinished"]
    record = store.read_record(site, saved.path)
    assert record["fields"]["draft"] is True  # builds skip it: its draft box opens ticked
    mended = dict(record["fields"], wisher="钱大爷", posted_on="2026-10-02")
    kept = store.save_record(site, "wishes", saved.path, record["version"], mended, "", ZH)
    assert kept.written and not kept.errors and kept.path == saved.path  # still ticked: still hidden by its name
    done = store.save_record(site, "wishes", saved.path, kept.version, dict(mended, draft=False), "", ZH)
    assert done.written and not done.errors and done.path and not done.path.split("/")[1].startswith("_")
    assert not (site / saved.path).exists() and done.notice == ZH.text("edit.draft_off")


def test_delete_moves_to_trash(site: Path) -> None:
    rel = "wishes/2026-zhuxingqi.yaml"
    where = store.delete_record(site, rel, None)
    assert not (site / rel).exists() and (site / where).is_file() and where.startswith(".trash/wishes/")
    assert run("check", "--content", str(site)).exit_code == 0


@pytest.mark.parametrize("rel", [
    "../site.yaml", "wishes/../site.yaml", "/etc/passwd", "wishes/../../x.yaml", "site.yaml", "media/a.yaml",
    "wishes/a.txt", "wishes\\..\\..\\x.yaml", "wishes/.hidden.yaml", "wishes/a\0.yaml",
])
def test_paths_never_leave_the_record_folders(site: Path, rel: str) -> None:
    with pytest.raises(EditError) as refused:
        store.read_record(site, rel)
    assert refused.value.status == 400
    with pytest.raises(EditError):
        store.save_record(site, "wishes", rel, "x", {}, "", ZH)
    with pytest.raises(EditError):
        store.delete_record(site, rel, None)


def test_a_symlinked_record_outside_is_refused(site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text("wish: x\n", "utf-8")
    (site / "wishes" / "link.yaml").symlink_to(outside)
    with pytest.raises(EditError):
        store.read_record(site, "wishes/link.yaml")


def test_photos_are_stored_under_media_with_safe_names(site: Path) -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, "JPEG")
    rel = store.save_photo(site, "../../家门口 照片.JPG", buffer.getvalue())
    assert rel.startswith("media/jiamenkou") and rel.endswith(".jpg") and (site / rel).is_file()
    with pytest.raises(EditError):
        store.save_photo(site, "x.jpg", b"<svg onload=alert(1)>")
    assert store.thumbnail(site, rel)[:2] == b"\xff\xd8"
    with pytest.raises(EditError):
        store.thumbnail(site, "../site.yaml")


def test_the_list_masks_wishers(site: Path, make_site: MakeSite) -> None:
    rows = store.list_records(site, "wishes")
    assert rows and rows[0]["who"] == "李**" and "李秀兰" not in repr(rows)


def test_a_disclosure_without_a_photo_saves(site: Path) -> None:
    saved = store.save_record(site, "disclosures", None, None,
                              {"name": "赵红梅", "role": "单元长", "photo": None, "party_member": True}, "", ZH)
    assert saved.written and not saved.errors, saved


@pytest.mark.parametrize(("name", "data", "key"), [
    ("IMG_0001.HEIC", HEIC, "edit.heic"),
    ("IMG_0002.jpg", HEIC, "edit.heic"),  # a HEIC photo given a .jpg name
    ("x.jpg", b"<svg onload=alert(1)>", "edit.not_a_photo"),
    ("x.gif", b"GIF89a" + bytes(32), "edit.not_a_photo"),
])
def test_an_upload_that_is_not_a_web_photo_says_what_it_is(site: Path, name: str, data: bytes, key: str) -> None:
    with pytest.raises(EditError) as refused:
        store.save_photo(site, name, data)
    assert (refused.value.status, refused.value.key) == (422, key)
    assert not (site / "media").is_dir() or not any((site / "media").iterdir())
