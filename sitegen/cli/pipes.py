"""Standard output whose reader has gone (`sitegen build | head -1`) is not the disk failing.

Python ignores SIGPIPE, so the write after the reader closed raises BrokenPipeError, an OSError
that `errors.guarded` would report as a full or read-only disk (exit 74) and "nothing written",
after the site had been written and swapped in. The build's lines are a report, not its product:
once nobody reads them, the rest are dropped and the command finishes as it would have.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any, TextIO


class ForgivingStdout(io.TextIOBase):
    """`sys.stdout` that drops what is written once its reader has gone (module docstring); the
    stream's own attributes (encoding, isatty, fileno, buffer) are the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._drop()
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drop()

    def _drop(self) -> None:
        """Nothing more to the reader; the descriptor pointed at /dev/null so no exit-time flush fails."""
        self.gone = True
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, self._stream.fileno())
        except (OSError, ValueError):
            pass
        finally:
            os.close(null)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._stream.errors

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True


def forgive_closed_stdout() -> None:
    """Put `ForgivingStdout` around `sys.stdout` (once) for a real run of the command."""
    if sys.stdout is not None and not isinstance(sys.stdout, ForgivingStdout):
        sys.stdout = ForgivingStdout(sys.stdout)
