"""The Dagster UI, started as `make dev` starts it, shows the asset graph, the checks, the sensor and the schedule
(asked headlessly through its GraphQL API), and listens on 127.0.0.1 only."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

QUERY = """
{
  repositoriesOrError { ... on RepositoryConnection { nodes {
    sensors { name sensorState { status } }
    schedules { name cronSchedule scheduleState { status } }
  } } }
  assetNodes { assetKey { path } groupName assetChecksOrError { ... on AssetChecks { checks { name blocking } } } }
}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def webserver(tmp_path_factory):
    port = free_port()
    home = tmp_path_factory.mktemp("dagster-home")
    executable = Path(sys.executable).with_name("dagster-webserver")
    process = subprocess.Popen(
        [str(executable), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DAGSTER_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=2):
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("the Dagster webserver did not answer within 120 s")
    yield url, port
    process.terminate()
    process.wait(timeout=30)


def graphql(url: str, query: str) -> dict:
    request = urllib.request.Request(
        f"{url}/graphql", data=json.dumps({"query": query}).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    assert "errors" not in answer, answer["errors"]
    return answer["data"]


def test_the_ui_shows_the_asset_graph_checks_sensor_and_schedule(webserver):
    url, _ = webserver
    data = graphql(url, QUERY)
    (repository,) = data["repositoriesOrError"]["nodes"]
    assert repository["sensors"] == [{"name": "raw_folder_sensor", "sensorState": {"status": "RUNNING"}}]
    assert repository["schedules"] == [
        {"name": "daily_full_refresh", "cronSchedule": "0 6 * * *", "scheduleState": {"status": "STOPPED"}}
    ]
    nodes = {"/".join(node["assetKey"]["path"]): node for node in data["assetNodes"]}
    assert {node["groupName"] for node in nodes.values()} == {"ingest", "extract", "validate", "warehouse", "publish"}
    assert "published_warehouse" in nodes
    checks = [check for node in nodes.values() for check in node["assetChecksOrError"].get("checks", [])]
    assert len(checks) >= 90
    # our code decides what a failure withholds (pipelines/warehouse/checks.py), so no check blocks in Dagster's sense
    assert {"name": "audit_consistency_blocking_checks_pass", "blocking": False} in checks


def listening_addresses(port: int) -> set[str]:
    """Local addresses of the sockets listening on ``port``, from the kernel's own table (Linux)."""
    addresses = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                addresses.add(address)
    return addresses


def test_the_ui_listens_on_localhost_only(webserver):
    _, port = webserver
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, little-endian hex
