"""A Ray cluster of several nodes on this one machine, for tests and benchmarks.

Each node is a ``ray start --block`` process of its own (the head first, then nodes
that join it with ``--address``), each offering ``cpus`` CPUs. Stopping the cluster
terminates exactly those processes, which take their Ray workers with them; other
Ray clusters on the machine are left alone. Nodes talk over the machine's own
addresses: nothing leaves it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from ..errors import Errors, ThucydidesError

READY = "Ray runtime started"
_CONNECT = "import ray, sys; ray.init(address=sys.argv[1], logging_level='ERROR', log_to_driver=False); "
_ALIVE = _CONNECT + "print(sum(1 for n in ray.nodes() if n['Alive']))"
# Ray keeps finished actors in its table for a while; where they ran is in their address.
_ACTOR_NODES = _CONNECT + (
    "print(' '.join(sorted({a['Address']['NodeID'] for a in ray._private.state.actors().values() "
    "if sys.argv[2] in a.get('ActorClassName', '')})))"
)


def ray_command() -> str:
    """The ``ray`` command of this Python environment."""
    beside = Path(sys.executable).with_name("ray")
    found = str(beside) if beside.exists() else shutil.which("ray")
    if found is None:
        raise ThucydidesError(Errors.E006, package="ray[data]", feature="a Ray cluster", extra="ray")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalCluster:
    """Ray nodes on this machine: ``with LocalCluster() as cluster: cluster.add_node(); ...``."""

    def __init__(self, cpus: int = 1, port: int | None = None, timeout: float = 120.0) -> None:
        self.cpus = cpus
        self.port = port or free_port()
        self.timeout = timeout
        self._nodes: list[subprocess.Popen[bytes]] = []
        self._logs = Path(tempfile.mkdtemp(prefix="thucydides-ray-"))
        self._token = secrets.token_hex(32)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        """The environment a process needs to join or use this cluster: its own authentication token."""
        return {**os.environ, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": self._token}

    def start(self) -> LocalCluster:
        """Start the head node (idempotent)."""
        if not self._nodes:
            self._start(["--head", f"--port={self.port}", "--include-dashboard=false"])
        return self

    def add_node(self) -> None:
        """Start one more node and wait until it has joined the head."""
        self.start()
        self._start([f"--address={self.address}"])
        self.wait_for(len(self._nodes))

    def _start(self, args: list[str]) -> None:
        log = self._logs / f"node-{len(self._nodes)}.log"
        command = [ray_command(), "start", *args, f"--num-cpus={self.cpus}", "--disable-usage-stats", "--block"]
        with open(log, "wb") as out:
            node = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=self.env, start_new_session=True)
        self._nodes.append(node)
        deadline = time.monotonic() + self.timeout
        while READY not in log.read_text(encoding="utf-8", errors="replace"):
            if node.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(encoding="utf-8", errors="replace")[-800:]
                raise ThucydidesError(Errors.E501, address=self.address, detail=f"the node did not start: {tail}")
            time.sleep(0.2)

    def alive_nodes(self) -> int:
        """How many nodes ``ray.nodes()`` reports alive (asked from a fresh process)."""
        words = self._ask(_ALIVE)
        return int(words[-1]) if words else 0

    def actor_nodes(self, class_name: str) -> set[str]:
        """The ids of the nodes on which actors of ``class_name`` ran (e.g. ``RayCoder``)."""
        return set(self._ask(_ACTOR_NODES, class_name))

    def _ask(self, script: str, *args: str) -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", script, self.address, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=self.timeout,
        )
        return result.stdout.split() if result.returncode == 0 else []

    def wait_for(self, nodes: int) -> None:
        deadline = time.monotonic() + self.timeout
        while self.alive_nodes() < nodes:
            if time.monotonic() > deadline:
                raise ThucydidesError(Errors.E501, address=self.address, detail=f"fewer than {nodes} nodes are alive")
            time.sleep(0.5)

    def stop(self) -> None:
        """Stop every node this cluster started, newest first, and the Ray processes under them."""
        for node in reversed(self._nodes):
            if node.poll() is None:
                node.send_signal(signal.SIGTERM)
        for node in reversed(self._nodes):
            try:
                node.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(node.pid, signal.SIGKILL)
                node.wait()
        self._nodes.clear()
        shutil.rmtree(self._logs, ignore_errors=True)

    def __enter__(self) -> LocalCluster:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
