"""`sitegen verify` takes a web address typed with Chinese in its path, as base_url may be."""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.cli.test_verify import built
from tests.conftest import MakeSite, run


def test_a_web_address_with_chinese_in_its_path_is_checked(make_site: MakeSite, tmp_path: Path) -> None:
    out = built(make_site, tmp_path)
    served = tmp_path / "served"
    shutil.copytree(out, served / "望湖社区")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None  # type: ignore[assignment]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = run("verify", f"http://127.0.0.1:{server.server_address[1]}/望湖社区/", "--out", str(out))
        assert result.exit_code == 0, result.output
    finally:
        server.shutdown()
        server.server_close()
