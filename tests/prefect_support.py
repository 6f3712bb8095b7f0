"""One Prefect test server per pytest process, shared by every test module that runs flows.

Why a module-level singleton and not a fixture in each test file: starting Prefect's
`prefect_test_harness` takes ~20-30 s on a small machine; fixtures defined per module would
start it once per module. `ensure_prefect()` starts it on first use and stops it at exit.
Subprocesses (the SIGKILL test) reach the same server through `api_url()` in PREFECT_API_URL.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import tempfile

from flows.config import prefect_env

_stack: contextlib.ExitStack | None = None


def ensure_prefect() -> str:
    """Start (once) a temporary Prefect API server for flows run in this process; return its URL."""
    global _stack
    if _stack is None:
        os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="pantau-prefect-home-"))
        prefect_env()
        from prefect.testing.utilities import prefect_test_harness

        stack = contextlib.ExitStack()
        stack.enter_context(prefect_test_harness(server_startup_timeout=120))
        _stack = stack
        atexit.register(_stop)
    return api_url()


def api_url() -> str:
    from prefect.settings import PREFECT_API_URL

    return str(PREFECT_API_URL.value())


def _stop() -> None:
    global _stack
    if _stack is not None:
        with contextlib.suppress(Exception):
            _stack.close()
        _stack = None
