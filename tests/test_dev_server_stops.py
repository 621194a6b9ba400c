"""`make dev` stops within ten seconds of Ctrl-C (SIGINT to its process group) or of a SIGTERM to make alone
(`kill <pid>`, a supervisor), leaving no process behind."""

import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.conftest import PROJECT_ROOT, SEED_REPORT, make_raw_dir

STOP_SECONDS = 10
START_SECONDS = 180


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _descendants(root: int) -> set[int]:
    table = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True, check=True).stdout
    children: dict[int, list[int]] = {}
    for line in table.splitlines():
        pid, parent = (int(field) for field in line.split())
        children.setdefault(parent, []).append(pid)
    found, pending = set(), [root]
    while pending:
        for child in children.get(pending.pop(), []):
            if child not in found:
                found.add(child)
                pending.append(child)
    return found


def _of_this_server(home, port: int) -> list[int]:
    """Every live process of the server under test, spawned before or after it was signalled: its command line
    names the test's DAGSTER_HOME (code servers, daemon) or its port (dagster dev, the webserver)."""
    table = subprocess.run(["ps", "-eo", "pid=,stat=,args="], capture_output=True, text=True, check=True).stdout
    marks = (str(home), f"-p {port}", f"--port {port}")
    return [
        int(line.split(None, 2)[0])
        for line in table.splitlines()
        if not line.split(None, 2)[1].startswith("Z") and any(mark in line for mark in marks)
    ]


def _command(pid: int) -> str:
    return subprocess.run(["ps", "-o", "args=", "-p", str(pid)], capture_output=True, text=True).stdout


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True).stdout.strip()
    return bool(state) and not state.startswith("Z")


@pytest.mark.parametrize(
    ("stop_signal", "to_the_group"), [(signal.SIGTERM, False), (signal.SIGINT, True)], ids=["SIGTERM to make", "Ctrl-C"]
)
def test_make_dev_stops_within_ten_seconds_of_a_signal(tmp_path, stop_signal, to_the_group):
    raw_dir = make_raw_dir(tmp_path, {"space-mining-market.txt": SEED_REPORT.read_bytes()})
    home = tmp_path / "dagster-home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    port = _free_port()
    environment = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "RAW_DIR": str(raw_dir),
        "WAREHOUSE_PATH": str(tmp_path / "warehouse" / "market.duckdb"),
    }
    make = subprocess.Popen(
        ["make", "dev", f"DAGSTER_PORT={port}"],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, as a terminal gives a foreground job
    )
    processes: set[int] = set()
    try:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
                break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail(f"the UI did not answer on port {port} within {START_SECONDS} s")
        # the code server starts after the UI answers: wait for it, so that it is among the processes checked
        while time.monotonic() < deadline and not any("code-server" in _command(pid) for pid in _descendants(make.pid)):
            time.sleep(1)
        processes = _descendants(make.pid) | {make.pid}
        assert any("code-server" in _command(pid) for pid in processes)

        if to_the_group:
            os.killpg(make.pid, stop_signal)  # Ctrl-C: the terminal signals the whole foreground group
        else:
            make.send_signal(stop_signal)
        stopped_by = time.monotonic() + STOP_SECONDS
        while time.monotonic() < stopped_by and _of_this_server(home, port):
            time.sleep(0.5)
            make.poll()
        assert not _of_this_server(home, port)
    finally:
        for pid in processes | set(_of_this_server(home, port)):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
