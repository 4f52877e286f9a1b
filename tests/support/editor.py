"""`sitegen edit` running on a copy of the sample site `init` writes, on a free port, for one test."""

from __future__ import annotations

import http.client
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitegen.edit.server import Editor, start
from sitegen.i18n.messages import Messages

SCAFFOLD = Path(__file__).resolve().parents[2] / "sitegen" / "scaffold" / "site" / "content"


@contextmanager
def running_editor(folder: Path, language: str) -> Iterator[Editor]:
    """The editor over `folder/content` (a copy of the sample site), building into `folder/output`."""
    content = folder / "content"
    shutil.copytree(SCAFFOLD, content)
    server, editor = start(content, folder / "output", 0, Messages(language))
    try:
        yield editor
    finally:
        server.shutdown()
        server.server_close()


def call(editor: Editor, method: str, path: str, body: object = None) -> tuple[int, Any]:
    """One API call as the editor's own page makes it (its Host, token and origin): the status and the JSON."""
    connection = http.client.HTTPConnection("127.0.0.1", editor.port, timeout=60)
    headers = {"Host": f"127.0.0.1:{editor.port}", "X-Sitegen-Token": editor.token, "Origin": editor.origin()}
    if body is not None:
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, json.loads(data)


def page_sends(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The form's fields as the editor's page sends them back untouched (editor.js collect): a group and a
    timeline row with one box per part of the schema, a list as its lines, a box's value as text."""
    from sitegen.edit.forms import form_for

    def box(value: Any) -> Any:  # a list shown in a text box reads back as JavaScript's String(list) writes it
        if isinstance(value, list):
            return ",".join(str(item) for item in value)
        return value if value is None or isinstance(value, bool) else str(value)

    sent: dict[str, Any] = dict(fields)
    for spec in form_for(kind, Messages("zh-Hans")):
        value = fields.get(spec.name)
        if spec.input == "group":
            sent[spec.name] = {part.name: box((value if isinstance(value, dict) else {}).get(part.name))
                               for part in spec.fields}
        elif spec.input == "rows":
            sent[spec.name] = [{part.name: box(row.get(part.name)) for part in spec.fields}
                               for row in (value if isinstance(value, list) else []) if isinstance(row, dict)]
        elif spec.input == "list":
            items = value if isinstance(value, list) else [] if value is None else str(value).split("\n")
            sent[spec.name] = [str(item).strip() for item in items if str(item).strip()]
        elif spec.input != "checkbox":
            sent[spec.name] = box(value)
    return sent
