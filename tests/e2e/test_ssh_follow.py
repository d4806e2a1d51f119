"""A participant over real SSH: a throwaway OpenSSH server, a throwaway user in a throwaway group.

The server runs on 127.0.0.1 with its own host key, config and port, and `Match Group` +
`ForceCommand ... participant --publish DIR`, as docs/deployment.md describes. The participant
logs in (ssh -tt in tmux at 80x24), follows a meeting this test publishes and changes, and
reads its minutes; whatever command the client asks for, the menu is all it gets, and the
facilitator's store stays unreadable. Needs root (to add the user and group) and sshd; skips
with the reason otherwise. The whole file takes about 15 seconds.
"""

from __future__ import annotations

import os
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Iterator

import pytest

from sdtui.publish import Publisher
from sdtui.store import Store

from ..live import SECRET, STARTED, running_meeting
from .tmux import TMUX, Terminal

ROOT = Path(__file__).resolve().parents[2]
SSHD = shutil.which("sshd") or next((p for p in ("/usr/sbin/sshd", "/usr/local/sbin/sshd") if os.path.exists(p)), None)
SSH = shutil.which("ssh")
KEYGEN = shutil.which("ssh-keygen")

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                       reason="needs root to add a throwaway participant user and group"),
    pytest.mark.skipif(SSHD is None or SSH is None or KEYGEN is None,
                       reason="OpenSSH server or client is not installed (.ci/run installs them)"),
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not all(shutil.which(tool) for tool in ("useradd", "groupadd", "userdel", "groupdel", "runuser")),
                       reason="useradd, groupadd, userdel, groupdel or runuser is missing"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(*argv: str, check: bool = True, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, check=check, timeout=30, **kwargs)  # type: ignore[call-overload]


class Server:
    """Everything the test made: folders, user, group, keys, sshd. `close()` removes it all."""

    def __init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="sdtui-ssh-", dir="/tmp"))
        self.base.chmod(0o755)  # the participant walks through it to the publish folder and the launcher
        tag = secrets.token_hex(3)
        self.group = f"sdtui-net-{tag}"
        self.user = f"sdtui-p-{tag}"
        self.sshd: subprocess.Popen[str] | None = None
        self.made_run_dir = False
        self.user_made = self.group_made = False

    def start(self) -> None:
        run("groupadd", self.group)
        self.group_made = True
        # '*' is no password at all, but not a locked account (sshd refuses those without PAM).
        run("useradd", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/bin/sh", "--gid", self.group,
            "--password", "*", self.user)
        self.user_made = True
        self.publish = self.base / "publish"
        self.store = self.base / "store"
        self.launcher = self.base / "sdtui-participant"
        self.command = self.participant_command()
        self.launcher.write_text(f"#!/bin/sh\nexec {self.command} participant --publish "
                                 f"{shlex.quote(str(self.publish))}\n")
        self.launcher.chmod(0o755)
        run(KEYGEN or "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.base / "host_key"))
        run(KEYGEN or "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.base / "client_key"))
        keys = self.base / "authorized_keys"
        keys.mkdir(mode=0o755)
        (keys / self.user).write_text((self.base / "client_key.pub").read_text())
        (keys / self.user).chmod(0o644)
        self.port = free_port()
        config = self.base / "sshd_config"
        config.write_text(f"""\
Port {self.port}
ListenAddress 127.0.0.1
HostKey {self.base / 'host_key'}
PidFile {self.base / 'sshd.pid'}
AuthorizedKeysFile {keys}/%u
StrictModes no
UsePAM no
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AllowGroups {self.group}
PermitUserEnvironment no
Subsystem sftp internal-sftp
LogLevel ERROR

Match Group {self.group}
    ForceCommand {self.launcher}
    AllowTcpForwarding no
    AllowStreamLocalForwarding no
    AllowAgentForwarding no
    X11Forwarding no
    PermitTunnel no
    PermitUserRC no
""")
        if not Path("/run/sshd").is_dir():  # privilege separation folder sshd insists on
            Path("/run/sshd").mkdir(mode=0o755, parents=True)
            self.made_run_dir = True
        self.sshd = subprocess.Popen([SSHD or "sshd", "-D", "-e", "-f", str(config)], stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                break
            except OSError:
                if self.sshd.poll() is not None or time.monotonic() > deadline:
                    output = self.sshd.stderr.read() if self.sshd.stderr else ""
                    raise RuntimeError(f"sshd did not start: {output}") from None
                time.sleep(0.05)

    def participant_command(self) -> str:
        """How the participant runs sdtui: this Python if the participant may run it, else the
        system's Python of the same version with this checkout and its packages on the path."""
        from sdtui.cli import command_names

        # `sdtui participant` once the main command has it, else the command group on its own.
        module = "-m sdtui" if "participant" in command_names() else "-m sdtui.cli.follow"
        if run("runuser", "-u", self.user, "--", sys.executable, "-c", "import sdtui.tui.follow", check=False,
               cwd="/").returncode == 0:
            return f"{shlex.quote(sys.executable)} {module}"
        system = f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"
        import textual

        paths = [str(ROOT), str(Path(textual.__file__).parents[1])]
        command = f"env PYTHONPATH={shlex.quote(os.pathsep.join(paths))} {system}"
        if os.path.exists(system) and run("runuser", "-u", self.user, "--", "env", f"PYTHONPATH={os.pathsep.join(paths)}",
                                          system, "-c", "import sdtui.tui.follow", check=False,
                                          cwd="/").returncode == 0:
            return f"{command} {module}"
        pytest.skip("the participant user can run neither this Python nor the system's with sdtui's packages")

    def ssh(self, *extra: str) -> list[str]:
        return [SSH or "ssh", "-i", str(self.base / "client_key"), "-p", str(self.port), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
                "-o", "LogLevel=ERROR", *extra, f"{self.user}@127.0.0.1"]

    def close(self) -> None:
        if self.sshd is not None:
            self.sshd.terminate()
            try:
                self.sshd.wait(5)
            except subprocess.TimeoutExpired:
                self.sshd.kill()
                self.sshd.wait(5)
        if self.user_made:
            run("pkill", "-KILL", "-u", self.user, check=False)  # the user's own processes only
            run("userdel", self.user, check=False)
        if self.group_made:
            run("groupdel", self.group, check=False)
        if self.made_run_dir:
            shutil.rmtree("/run/sshd", ignore_errors=True)
        shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    made = Server()
    try:
        made.start()
        yield made
    finally:
        made.close()


def wait_within(term: Terminal, text: str, since: float, limit: float = 1.0) -> None:
    """`text` is on the participant's screen no later than `limit` seconds after `since`."""
    term.wait_for(text, timeout=5, interval=0.05)
    assert time.monotonic() - since < limit, f"{text!r} took {time.monotonic() - since:.2f} s"


def test_participant_follows_a_live_meeting_and_reads_its_minutes(server: Server) -> None:
    publisher = Publisher(server.publish, group=server.group)
    session = running_meeting()
    publisher.publish(session)
    term = Terminal(shlex.join(server.ssh("-tt")))
    try:
        term.wait_for("1. Follow the live meeting", timeout=20)
        assert "2. Read the published minutes" in term.screen()
        term.send("Enter")
        term.wait_for("Item 3/8: Housing first (Ruud Verhoeven)", timeout=10)
        for change, expected in (
            (lambda: session.add_decision("Housing first wordt het uitgangspunt"), "Housing first wordt het uitgangs"),
            (lambda: session.add_action("Notitie schrijven", "Ruud", "2026-07-16"), "Notitie schrijven (Ruud"),
            (lambda: session.go_to(3, STARTED + timedelta(minutes=40)), "Item 4/8: Signalenronde"),
        ):
            change()
            publisher.publish(session)
            wait_within(term, expected, time.monotonic())
        session.close(STARTED + timedelta(minutes=90))
        publisher.close(session)
        publisher.publish_session_minutes(session)
        term.wait_for("m: read the minutes", timeout=5)
        term.send("m")
        term.wait_for("Deelnemers", timeout=10)  # the Dutch meeting's minutes, in the reader
        assert SECRET not in term.screen()
        term.send("Escape")
        term.wait_for("1. Follow the live meeting", timeout=10)  # back in the menu, nowhere else
        term.send("q")
        term.wait_until_exit(10)
    finally:
        term.close()


@pytest.mark.parametrize("options, command", [
    ([], ["/bin/sh", "-c", "id"]),
    ([], ["cat", "/etc/shadow"]),
    (["-s"], ["sftp"]),
], ids=["shell", "command", "sftp"])
def test_no_shell_and_no_other_command(server: Server, options: list[str], command: list[str]) -> None:
    result = subprocess.run([*server.ssh("-T", *options), *command], input="q\n", capture_output=True, text=True,
                            timeout=30)
    assert "uid=" not in result.stdout and "root:" not in result.stdout
    assert "1. Follow the live meeting" in result.stdout  # the menu, whatever was asked
    assert result.returncode == 0


def test_participant_cannot_read_the_store(server: Server) -> None:
    saved = running_meeting()
    with Store(server.store) as store:
        store.add(saved)
    assert (os.stat(server.store).st_mode & 0o777) == 0o700
    files = [path for path in server.store.rglob("*") if path.is_file()]
    assert files
    for path in [server.store, *files]:
        result = run("runuser", "-u", server.user, "--", "test", "-r", str(path), check=False, cwd="/")
        assert result.returncode != 0, f"the participant can read {path}"
    # ...while the publish folder is theirs to read, through the group.
    Publisher(server.publish, group=server.group).publish(saved)
    live = server.publish / "live" / f"{saved.id}.json"
    assert run("runuser", "-u", server.user, "--", "test", "-r", str(live), check=False, cwd="/").returncode == 0
    assert run("runuser", "-u", server.user, "--", "test", "-w", str(live), check=False, cwd="/").returncode != 0


def test_another_networks_publish_folder_is_closed_and_says_so(server: Server) -> None:
    other = server.base / "other-network"
    session = running_meeting()
    Publisher(other).publish(session)  # root's group, not the participant's
    follower = subprocess.Popen(["runuser", "-u", server.user, "--", "sh", "-c",
                                 f"{server.command} follow --plain --publish {shlex.quote(str(other))}"],
                                stdout=subprocess.PIPE, text=True, cwd="/")
    try:
        assert follower.stdout is not None
        first = follower.stdout.readline()
        assert "permission denied" in first and str(other) in first
    finally:
        follower.kill()
        follower.wait(5)
    assert session.title not in first
