"""Edit-to-reload latency of `sitegen serve`: from a record file's write to the reload event.

    python -m bench.serve_latency CONTENT [--edits 5]

Starts `sitegen serve` on 127.0.0.1 (a port the system picks) with its own output folder, listens
to the reload channel as a served page does (the EventSource at /__sitegen__/events; see
sitegen/serve.py), waits for the first build, then appends a line to one record `edits` times and
times each write until the `data: reload` of the build that shows it: after each reload the record's
page is fetched, and a reload counts only when that page holds the line just written. (Counting
reloads alone once said 376-578 ms at 10,000 records for builds that took 1.26-1.49 s: a reload
that was not the edit's was taken for it.) The record is an activity written as a Markdown file of
its own (the edit goes into its body), and its page is at its slug as sitegen makes it: its `id`, else
its file name. The record is restored at the end. Every request goes to loopback only, and every wait
is bounded.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.environment import run_env

PYTHON = sys.executable
READY_TIMEOUT = 900.0  # seconds for the first build (10,000 records, cold, on a loaded machine)
EDIT_TIMEOUT = 120.0  # seconds one edit may take to reload before the run is called failed


@dataclass
class Latency:
    """Seconds from each write to its reload event; `ok` is False when one never came."""

    seconds: list[float]
    first_build: float
    ok: bool
    why: str = ""  # what stopped the run, when it is not an edit that never showed

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Events:
    """The reload channel, read on a thread: each `data: reload` sets a new arrival time."""

    def __init__(self, port: int) -> None:
        self.reloads: list[float] = []
        self.arrived = threading.Condition()
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.connection.request("GET", "/__sitegen__/events", headers={"Host": f"127.0.0.1:{port}"})
        self.response = self.connection.getresponse()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for line in self.response:
                if line.strip() == b"data: reload":
                    with self.arrived:
                        self.reloads.append(time.perf_counter())
                        self.arrived.notify_all()
        except OSError:
            return

    def wait(self, count: int, timeout: float) -> float | None:
        """The time of reload number `count` (1-based), or None after `timeout` seconds."""
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.reloads) >= count, timeout=timeout):
                return None
            return self.reloads[count - 1]

    def close(self) -> None:
        self.connection.close()


def _connect(port: int, process: subprocess.Popen[bytes], deadline: float) -> _Events:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"sitegen serve stopped (exit {process.returncode})")
        try:
            return _Events(port)
        except OSError:
            time.sleep(0.05)
    raise TimeoutError("sitegen serve did not listen")


def _served(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        return connection.getresponse().read()
    finally:
        connection.close()


def _page(port: int, path: str) -> bytes | None:
    """The page at `path`, or None when the server does not have it (404, or the build failed)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = connection.getresponse()
        body = response.read()
        return body if response.status == 200 else None
    finally:
        connection.close()


def _shown(events: _Events, port: int, page: str, marker: bytes, written: float) -> float | None:
    """The arrival time of the first reload after `written` whose build shows the edit: the page at `page`
    holds `marker` when fetched after it. A reload of a build begun before the write (or of a build that
    failed) is not the edit's; each is looked past. None after EDIT_TIMEOUT seconds."""
    deadline = written + EDIT_TIMEOUT
    count = len(events.reloads) + 1
    while True:
        arrived = events.wait(count, max(0.0, deadline - time.perf_counter()))
        if arrived is None:
            return None
        count += 1
        if arrived >= written and marker in _served(port, page):
            return arrived


class NothingToEdit(Exception):
    """The content has no activity the bench can edit (_record)."""


def _record(content: Path) -> tuple[Path, str]:
    """The activity the bench edits and the address of its page: the sixth (else the last) activity that
    is a Markdown file of its own and no draft, in the order sitegen reads them; its page is at its
    slug, its `id` if it has one, else its file name (docs/spec.md). The sixth, as before: generated
    content (bench/generate.py) edits act-00005, whose slug is its file name. An activity whose slug is
    not its file name (`id:`), one of a YAML list (an appended line breaks the list), or a folder
    among the files was edited at a page that never came, and the run waited EDIT_TIMEOUT seconds to
    say FAILED without a reason (breaker helper-24). Raises NothingToEdit when there is none."""
    from sitegen.load import load_content

    records = [raw for raw in load_content(content).records if raw.kind == "activities" and raw.body is not None
               and not raw.in_list and "draft" not in raw.fields]
    if not records:
        raise NothingToEdit(f"{content}: no activity written as a Markdown file of its own to edit")
    raw = records[min(5, len(records) - 1)]
    slug = raw.fields.get("id") or raw.stem
    return content.joinpath(*raw.path.parts), f"/activities/{slug}/"


def _marker(n: int, seen: bytes) -> bytes:
    """Edit `n`'s words: 第n次修改, with a tail when `seen` (the record and its page before the edits)
    holds them already: a run stopped before it restored the record, or a record that speaks of its
    own 第1次修改, would have been taken as shown at the first reload after the write."""
    marker, tail = f"第{n}次修改".encode(), 0
    while marker in seen:
        tail += 1
        marker = f"第{n}次修改（测{tail}）".encode()
    return marker


def measure_serve(content: Path, edits: int = 5, settle: float = 1.0) -> Latency:
    """Serve `content`, make `edits` one-record edits and time each from its write to the reload event
    of the build that shows it (the record's page, fetched then, holds the edit's words)."""
    record, page = _record(content)
    original = record.read_bytes()
    out_parent = Path(tempfile.mkdtemp(prefix="sitegen-serve-bench-"))
    out, port = out_parent / "output", _free_port()
    command = [PYTHON, "-m", "sitegen", "--lang", "en", "serve", "--content", str(content), "--out", str(out),
               "--port", str(port)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                               env=run_env())
    events: _Events | None = None
    seconds: list[float] = []
    first = float("nan")
    try:
        events = _connect(port, process, time.monotonic() + 60)
        built = events.wait(1, READY_TIMEOUT)  # the first build's end is a reload too
        if built is None:
            return Latency([], first, False)
        first = built - started
        before = _page(port, page)
        if before is None:
            return Latency([], first, False, f"{page} ({record.name}): no such page after the first build")
        for n in range(edits):
            time.sleep(settle)  # the watcher arms; a person types between saves
            marker = _marker(n + 1, original + before)
            written = time.perf_counter()  # before the write: a write the system holds up is the save's time too
            with open(record, "ab") as handle:
                handle.write(b"\n" + marker + "。\n".encode())
            arrived = _shown(events, port, page, marker, written)
            if arrived is None:
                return Latency(seconds, first, False)
            seconds.append(arrived - written)
        return Latency(seconds, first, True)
    finally:
        record.write_bytes(original)
        if events is not None:
            events.close()
        os.killpg(process.pid, signal.SIGINT)  # serve stops cleanly on Ctrl-C
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        shutil.rmtree(out_parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("content", type=Path)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    try:
        result = measure_serve(args.content, args.edits)
    except NothingToEdit as e:
        parser.exit(2, f"{e}\n")
    print(f"first build {result.first_build:.2f} s; edits (ms): "
          f"{', '.join(f'{s * 1000:.0f}' for s in result.seconds)}; median {result.median * 1000:.0f} ms"
          f"{'' if result.ok else '  FAILED'}{': ' + result.why if result.why else ''}")


if __name__ == "__main__":
    main()
