"""What `sitegen serve` adds to the pages it serves: the reload script, and the overlay naming the
problems of the last rebuild above the last good page."""

from __future__ import annotations

import html
from typing import Final

from sitegen.i18n.messages import Messages

PREFIX: Final = "/__sitegen__/"
LIVE_JS: Final = b"""(function () {
  var source = new EventSource("/__sitegen__/events");
  source.onmessage = function (event) { if (event.data === "reload") { window.location.reload(); } };
})();
"""
OVERLAY_CSS: Final = b"""#sitegen-overlay { position: relative; z-index: 99; margin: 0; padding: 16px 20px; background: #fff4f4;
  color: #5a0000; border-bottom: 4px solid #b3121f; font: 16px/1.5 system-ui, sans-serif; }
#sitegen-overlay h2 { margin: 0 0 8px; font-size: 20px; }
#sitegen-overlay pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.5 ui-monospace, monospace; margin: 8px 0 0; }
"""


def inject(page: bytes, problems: list[str], messages: Messages, stopped: bool = False, built: bool = True) -> bytes:
    """Add the reload script to one served page, and the overlay when the last rebuild failed:
    `problems` are the content's errors, or, `stopped`, what stopped the rebuild (a full disk, our bug),
    which is not said to be the content's. `built`: the page is the last good build's (no hint otherwise)."""
    head = f'<link rel="stylesheet" href="{PREFIX}overlay.css"><script src="{PREFIX}live.js" defer></script>'
    text = page.decode("utf-8", errors="replace").replace("</head>", head + "</head>", 1)
    if problems:
        title, hint = ("serve.overlay_stopped_title", "serve.overlay_stopped_hint") if stopped else \
            ("serve.overlay_title", "serve.overlay_hint")
        shown = f'<p>{html.escape(messages.text(hint))}</p>' if built else ""
        overlay = (f'<section id="sitegen-overlay" role="alert"><h2>{html.escape(messages.text(title))}</h2>'
                   f'{shown}<pre>{html.escape(chr(10).join(problems))}</pre></section>')
        start = text.find("<body")
        end = text.find(">", start) + 1 if start >= 0 else 0
        text = text[:end] + overlay + text[end:]
    return text.encode("utf-8")


NOTHING_BUILT: Final = """<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>sitegen</title></head><body><p>{hint}</p></body></html>
"""
