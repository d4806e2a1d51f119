"""Typing a note over a real SSH connection: bytes on the wire per key and key-to-echo time.

    python benchmarks/ssh_typing.py [--quick] [--keys N] [--rounds N]

A throwaway OpenSSH server on 127.0.0.1 (tests/support/ssh.py: its own host key, config, port,
user and group, all removed after) and, between it and the client, a small TCP relay on
127.0.0.1 that counts the bytes crossing the connection in each direction: the encrypted SSH
stream, as TCP payload (a real link adds TCP/IP headers, some 52 bytes a segment). The client,
`ssh -tt`, runs in this benchmark's 80x24 pty (benchmarks/common.py), so the remote side gets an
80x24 pty and TERM=xterm-256color (checked before measuring); the remote command is one of
benchmarks/keystroke_apps.py's two apps, run by the throwaway user from this checkout: a bare
Textual TextArea, or sdtui opened on Run with the note editor focused on a store with a running
meeting (benchmarks/keystrokes.py's `make_store`, owned by the throwaway user).

As in benchmarks/keystrokes.py, the first key makes the note and is not counted; then each key of
TEXT is written alone to the client's pty and everything is counted until the client's pty is
quiet for QUIET seconds: bytes on the wire server to client ("down") and client to server
("up"), the reads the relay made from the server (about one SSH packet each), bytes the
client writes to its pty (the terminal bytes, to compare with keystrokes.py's local number), and
the time from writing the key to the first and to the last byte of the answer on the client's
pty. Each number is the median over all keys; the two apps alternate over the same link, and
the result is the ratio sdtui / bare. A clock tick that lands in a key's window inflates that one
key, not the median.

Needs root (to add the user) and OpenSSH (`apt-get install openssh-server`); without them it
says why and reports nothing measured.
"""

from __future__ import annotations

import argparse
import os
import select
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

from common import Result, Terminal, median, print_results  # noqa: E402
from keystrokes import QUIET, TEXT, make_store  # noqa: E402

APPS = HERE / "keystroke_apps.py"


class Relay:
    """127.0.0.1:port forwarding to 127.0.0.1:target, a thread per direction, counting bytes.

    `up` is client to server, `down` server to client; `reads_down` counts the chunks read from
    the server, about one per TCP segment (and mostly one SSH packet each) on loopback.
    """

    def __init__(self, target: int) -> None:
        self.target = target
        self.up = self.down = self.reads_down = 0
        self.lock = threading.Lock()
        self.sockets: list[socket.socket] = []
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def counts(self) -> tuple[int, int, int]:
        with self.lock:
            return self.up, self.down, self.reads_down

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target))
            for end in (client, server):
                end.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as ssh and sshd do
                self.sockets.append(end)
            threading.Thread(target=self._pump, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, True), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, down: bool) -> None:
        try:
            while data := source.recv(65536):
                with self.lock:
                    if down:
                        self.down += len(data)
                        self.reads_down += 1
                    else:
                        self.up += len(data)
                sink.sendall(data)
            sink.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def close(self) -> None:
        self.listener.close()
        for end in self.sockets:
            end.close()


@dataclass
class Key:
    """What one key cost."""

    down: int
    up: int
    reads: int
    terminal: int
    first_ms: float
    last_ms: float


def through(ssh: list[str], relay: Relay) -> list[str]:
    """The same ssh command, connecting to the relay's port instead of sshd's."""
    argv = list(ssh)
    argv[argv.index("-p") + 1] = str(relay.port)
    return argv


def output_of(argv: list[str], timeout: float = 30.0) -> str:
    """Everything a short command writes to its 80x24 pty until it exits."""
    terminal = Terminal(argv)
    chunks = []
    deadline = time.perf_counter() + timeout
    try:
        while (left := deadline - time.perf_counter()) > 0:
            ready, _, _ = select.select([terminal.fd], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(terminal.fd, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        terminal.close()
    return b"".join(chunks).decode(errors="replace")


def key_echo(terminal: Terminal, relay: Relay, key: bytes) -> Key:
    """Write `key` to the client's pty; count until the pty is quiet for QUIET seconds."""
    up, down, reads = relay.counts()
    start = time.perf_counter()
    terminal.send(key)
    try:
        received, first, last = terminal.answer_after(start, QUIET, timeout=5.0)
    except RuntimeError:
        raise RuntimeError("the ssh client exited") from None
    if first is None or last is None:  # nothing drawn is a key the app missed, not a cheap one
        raise RuntimeError(f"nothing came back over SSH for the key {key!r}")
    up2, down2, reads2 = relay.counts()
    return Key(down2 - down, up2 - up, reads2 - reads, received, first * 1000, last * 1000)


def type_over(argv: list[str], relay: Relay, keys: bytes) -> list[Key]:
    terminal = Terminal(argv)
    try:
        terminal.read_until_quiet(0.5, timeout=60)
        terminal.send(b"V")  # makes the note in sdtui; not counted, in either app
        terminal.read_until_quiet(0.5)
        return [key_echo(terminal, relay, bytes([key])) for key in keys]
    finally:
        terminal.close()


def missing() -> str:
    """Why this machine cannot run the benchmark, or '' when it can."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root to add a throwaway user for the SSH server"
    if not all(shutil.which(tool) or os.path.exists(f"/usr/sbin/{tool}") for tool in ("sshd", "ssh", "ssh-keygen")):
        return "OpenSSH server or client is not installed (apt-get install openssh-server)"
    if not all(shutil.which(tool) for tool in ("useradd", "groupadd", "userdel", "groupdel", "runuser")):
        return "useradd, groupadd, userdel, groupdel or runuser is missing"
    try:
        import tests.support.ssh  # noqa: F401  (needs pytest, from the test extra)
    except ImportError as error:
        return f"cannot import the test SSH server (tests/support/ssh.py): {error}"
    return ""


def skipped(reason: str) -> list[Result]:
    print(f"ssh: skipped: {reason}", flush=True)
    return [Result("ssh: skipped", 0.0, "", "", None, reason)]


def run(quick: bool = False, keys: int | None = None, rounds: int | None = None) -> list[Result]:
    reason = missing()
    if reason:
        return skipped(reason)
    import pytest

    from tests.support.ssh import Server

    keys = keys or (25 if quick else 60)
    rounds = rounds or (1 if quick else 3)
    text = (TEXT * 3)[:keys]
    server = Server(force=False)
    relay: Relay | None = None
    try:
        try:
            server.start()
        except (RuntimeError, subprocess.SubprocessError) as error:
            return skipped(f"the SSH server did not start: {error}")
        except pytest.skip.Exception as error:  # participant_command: the user cannot run sdtui
            return skipped(str(error.msg))
        relay = Relay(server.port)
        ssh = through(server.ssh("-tt"), relay)
        # The user's Python, as for the participants' command, without its `-m module`.
        remote_python = server.command.rsplit(" -m ", 1)[0]
        seen = output_of([*ssh, "stty size; echo $TERM"])
        if "24 80" not in seen or "xterm-256color" not in seen:
            raise RuntimeError(f"the remote pty is not 80x24 xterm-256color: {seen!r}")

        def remote(*args: str) -> list[str]:
            return [*ssh, shlex.join([*shlex.split(remote_python), str(APPS), *args])]

        def sdtui(round_: int) -> list[str]:
            store = server.base / f"store-{round_}"  # a fresh store each time, as in keystrokes.py
            session_id = make_store(store)
            subprocess.run(["chown", "-R", f"{server.user}:{server.group}", str(store)], check=True)
            return remote("sdtui", str(store), session_id)

        measured: dict[str, list[Key]] = {"bare": [], "sdtui": []}
        for round_ in range(rounds):
            for name in ["bare", "sdtui"] if round_ % 2 == 0 else ["sdtui", "bare"]:
                measured[name] += type_over(remote("bare") if name == "bare" else sdtui(round_), relay, text)
    finally:
        if relay is not None:
            relay.close()
        server.close()
    return results(measured)


def results(measured: dict[str, list[Key]]) -> list[Result]:
    def of(name: str, field: str) -> float:
        return median([getattr(key, field) for key in measured[name]])

    count = f"{len(measured['sdtui'])} keys, median"
    found = []
    for field, what, unit in (
        ("down", "wire down per key", "B"),
        ("up", "wire up per key", "B"),
        ("terminal", "terminal per key", "B"),
        ("first_ms", "key to first byte", "ms"),
        ("last_ms", "key to last byte", "ms"),
    ):
        bare, ours = of("bare", field), of("sdtui", field)
        target, ok = ("< bare", ours < bare) if field == "down" else ("", None)
        found += [
            Result(f"ssh: {what}, bare TextArea", bare, unit, "", None),
            Result(f"ssh: {what}, sdtui Run note", ours, unit, target, ok),
            Result(f"ssh: {what}, sdtui / bare", ours / bare, "x", "", None, count),
        ]
    found.append(
        Result(
            "ssh: reads down per key, sdtui",
            of("sdtui", "reads"),
            "",
            "",
            None,
            f"bare {of('bare', 'reads'):.1f}; about an SSH packet each",
        )
    )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keys", type=int, help="keys typed per run")
    parser.add_argument("--rounds", type=int, help="runs of each app")
    parser.add_argument("--quick", action="store_true", help="fewer keys and runs: a rough, faster picture")
    args = parser.parse_args(argv)
    print_results(run(args.quick, args.keys, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
