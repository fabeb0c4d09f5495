"""Loaded by a server started with this folder on PYTHONPATH: every attempt to resolve or
connect to a host that is not loopback is recorded in ``$QA_NETGUARD_LOG`` and refused. The
tests then read the log: an empty log means the run made no outbound connection."""

import ipaddress
import os
import sys

_LOG = os.environ.get("QA_NETGUARD_LOG")


def _loopback(host) -> bool:
    if host is None or host == "":
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").lower()
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _hook(event, args):
    if event == "socket.connect":
        address = args[1]
        if not isinstance(address, tuple):      # AF_UNIX paths
            return
        host = address[0]
    elif event == "socket.getaddrinfo":
        host = args[0]
    else:
        return
    if _loopback(host):
        return
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(f"{event} {host!r}\n")
    raise OSError(f"netguard: outbound connection to {host!r} refused")


if _LOG:
    sys.addaudithook(_hook)
