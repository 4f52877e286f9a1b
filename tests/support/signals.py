"""Child processes that a test interrupts with Ctrl-C (SIGINT).

A shell started in the background (`nohup`, `cmd &`, some CI runners) starts its children with
SIGINT ignored, and Python keeps it ignored: the interrupt a test sends would then never arrive
(found by a newcomer running the suite under `nohup`). Passed as `preexec_fn`, this gives the
child the default disposition, as a terminal would.
"""

from __future__ import annotations

import signal


def sigint_default() -> None:
    """In the child, before exec: SIGINT back to its default action, so Python installs its handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
