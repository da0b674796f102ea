"""Fixtures of the tool self-tests: every server runs as its own process, is waited for by its
READY line and is stopped by PID afterwards (SIGTERM, then SIGKILL)."""
import os
import re
import select
import subprocess
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.join(REPO, "bench")

READY = re.compile(r"READY (?:http://)?127\.0\.0\.1:(\d+)")


class ServerProcess:
    """A tool started as `python script args…`; .port is parsed from its READY line."""

    def __init__(self, script, args, log_dir, ready_timeout=20, python=None):
        self.name = os.path.basename(script)
        self.log_path = os.path.join(log_dir, f"{self.name}.{time.monotonic_ns()}.stderr")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([python or sys.executable, script, *args], stdout=subprocess.PIPE,
                                     stderr=self.log, stdin=subprocess.DEVNULL, text=True)
        self.ready_line = self._wait_ready(ready_timeout)
        self.port = int(READY.search(self.ready_line).group(1))

    def _wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            line = self.proc.stdout.readline()
            if not line:  # exited before READY
                break
            if READY.search(line):
                return line.strip()
        self.stop()
        raise AssertionError(f"{self.name} printed no READY line within {timeout}s "
                             f"(exit {self.proc.returncode}); stderr:\n{self.stderr()}")

    def stderr(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, errors="replace") as f:
            return f.read()[-4000:]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if not self.proc.stdout.closed:
            self.proc.stdout.close()
        if not self.log.closed:
            self.log.close()


@pytest.fixture
def spawn(tmp_path):
    """spawn(script, *args) → ServerProcess; all of them are stopped when the test ends."""
    started = []

    def start(script, *args, ready_timeout=20, python=None):
        server = ServerProcess(script, [str(a) for a in args], str(tmp_path), ready_timeout, python)
        started.append(server)
        return server

    yield start
    for server in reversed(started):
        server.stop()


@pytest.fixture(scope="module")
def module_spawn(tmp_path_factory):
    """Like spawn, for servers shared by the tests of one module."""
    started = []
    log_dir = str(tmp_path_factory.mktemp("servers"))

    def start(script, *args, ready_timeout=20):
        server = ServerProcess(script, [str(a) for a in args], log_dir, ready_timeout)
        started.append(server)
        return server

    yield start
    for server in reversed(started):
        server.stop()
