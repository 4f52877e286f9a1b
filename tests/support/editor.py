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
