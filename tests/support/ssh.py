"""A throwaway OpenSSH server on 127.0.0.1 with a throwaway user in a throwaway group.

Own host key, config and port; `close()` stops sshd and removes the user, the group and every
file. With `force=True` the group gets `Match Group` + `ForceCommand ... participant`, as
docs/deployment.md describes for participants; without, the user runs what the client asks
(the facilitator's own login). Needs root and OpenSSH; `needs_ssh` skips with the reason.
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
from pathlib import Path

import pytest

from .tmux import TMUX

ROOT = Path(__file__).resolve().parents[2]
"""The checkout: a participant without access to this Python runs sdtui from here."""
SSHD = shutil.which("sshd") or next((p for p in ("/usr/sbin/sshd", "/usr/local/sbin/sshd") if os.path.exists(p)), None)
SSH = shutil.which("ssh")
KEYGEN = shutil.which("ssh-keygen")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(*argv: str, check: bool = True, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, check=check, timeout=30, **kwargs)  # type: ignore[call-overload]


class Server:
    """Everything the test made: folders, user, group, keys, sshd. `close()` removes it all."""

    def __init__(self, *, force: bool = True) -> None:
        self.force = force
        """Participants: every login runs the participants' menu, whatever the client asks."""
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
        run(
            "useradd",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/bin/sh",
            "--gid",
            self.group,
            "--password",
            "*",
            self.user,
        )
        self.user_made = True
        self.publish = self.base / "publish"
        self.store = self.base / "store"
        self.launcher = self.base / "sdtui-participant"
        self.command = self.participant_command()
        self.launcher.write_text(
            f"#!/bin/sh\nexec {self.command} participant --publish {shlex.quote(str(self.publish))}\n"
        )
        self.launcher.chmod(0o755)
        run(KEYGEN or "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.base / "host_key"))
        run(KEYGEN or "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.base / "client_key"))
        keys = self.base / "authorized_keys"
        keys.mkdir(mode=0o755)
        (keys / self.user).write_text((self.base / "client_key.pub").read_text())
        (keys / self.user).chmod(0o644)
        self.port = free_port()
        config = self.base / "sshd_config"
        config.write_text(
            f"""\
Port {self.port}
ListenAddress 127.0.0.1
HostKey {self.base / "host_key"}
PidFile {self.base / "sshd.pid"}
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
"""
            + (
                f"""
Match Group {self.group}
    ForceCommand {self.launcher}
    AllowTcpForwarding no
    AllowStreamLocalForwarding no
    AllowAgentForwarding no
    X11Forwarding no
    PermitTunnel no
    PermitUserRC no
"""
                if self.force
                else ""
            )
        )
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
        if (
            run(
                "runuser", "-u", self.user, "--", sys.executable, "-c", "import sdtui.tui.follow", check=False, cwd="/"
            ).returncode
            == 0
        ):
            return f"{shlex.quote(sys.executable)} {module}"
        system = f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"
        import textual

        paths = [str(ROOT), str(Path(textual.__file__).parents[1])]
        command = f"env PYTHONPATH={shlex.quote(os.pathsep.join(paths))} {system}"
        if (
            os.path.exists(system)
            and run(
                "runuser",
                "-u",
                self.user,
                "--",
                "env",
                f"PYTHONPATH={os.pathsep.join(paths)}",
                system,
                "-c",
                "import sdtui.tui.follow",
                check=False,
                cwd="/",
            ).returncode
            == 0
        ):
            return f"{command} {module}"
        pytest.skip("the participant user can run neither this Python nor the system's with sdtui's packages")

    def ssh(self, *extra: str) -> list[str]:
        return [
            SSH or "ssh",
            "-i",
            str(self.base / "client_key"),
            "-p",
            str(self.port),
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "LogLevel=ERROR",
            *extra,
            f"{self.user}@127.0.0.1",
        ]

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


needs_ssh = [
    pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() != 0,
        reason="needs root to add a throwaway participant user and group",
    ),
    pytest.mark.skipif(
        SSHD is None or SSH is None or KEYGEN is None,
        reason="OpenSSH server or client is not installed (.ci/run installs them)",
    ),
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("useradd", "groupadd", "userdel", "groupdel", "runuser")),
        reason="useradd, groupadd, userdel, groupdel or runuser is missing",
    ),
]

"""Marks for a test module that needs the server: root, OpenSSH, tmux and the user tools."""
