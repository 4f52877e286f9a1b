"""Ctrl-C while `sitegen` is still loading its modules or catalogues (before errors.guarded is
there to report it): a quiet stop with the interrupted exit code, never Python's traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.signals import sigint_default

# SIGINT is sent from inside the process at a chosen moment: (case, the Python that runs `sitegen --help`)
HOOK = """
import importlib.abc, os, signal, sys
class Stop(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == {module!r}:
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Stop())
"""
MAIN = "from sitegen.cli import main\nmain(['--help'])\n"
CATALOGUES = """
import os, signal
import sitegen.cli as cli
loaded = cli.messages_for
def stopped(*args):
    os.kill(os.getpid(), signal.SIGINT)
    return loaded(*args)
cli.messages_for = stopped
cli.main(['--help'])
"""
CASES = [
    ("while_click_loads", HOOK.format(module="click") + MAIN),
    ("while_commands_load", HOOK.format(module="sitegen.cli.building") + MAIN),
    ("while_usage_loads", HOOK.format(module="sitegen.usage") + MAIN),
    ("while_catalogues_load", CATALOGUES),
]


@pytest.mark.parametrize(("case", "code"), CASES, ids=[c[0] for c in CASES])
def test_ctrl_c_while_loading_stops_quietly(case: str, code: str) -> None:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            preexec_fn=sigint_default)
    assert result.returncode == 130, (result.returncode, result.stderr[-500:])
    assert "Traceback" not in result.stderr and "KeyboardInterrupt" not in result.stderr
