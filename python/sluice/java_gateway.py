"""Starts the Sluice engine in a JVM and talks to it over a loopback socket.

The JVM is found through, in order:

* ``SLUICE_GATEWAY_CLASSPATH``: a complete Java class path for ``io.sluice.python.PythonGateway``;
* ``SLUICE_HOME``: a Sluice checkout or distribution whose ``python-gateway/target`` holds the built gateway
  (``classes`` and ``lib/``), built with ``mvn -pl python-gateway -am package -DskipTests``;
* otherwise the repository this package lies in (``python/..``).

``JAVA_HOME`` (else ``java`` on the PATH) selects the Java runtime; ``SLUICE_JVM_OPTS`` adds JVM options (for
example ``-Xmx4g``). The JVM exits when this process exits: it watches its stdin, which only this process holds.
"""

import atexit
import glob
import json
import os
import re
import secrets
import shlex
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading

from sluice.util.exceptions import convert_java_error

__all__ = ['get_gateway', 'Gateway', 'add_python_file']

_lock = threading.RLock()
_gateway = None

_MAIN_CLASS = "io.sluice.python.PythonGateway"


def _python_path():
    """The directory holding the ``sluice`` package (what worker processes put on their PYTHONPATH)."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _class_path():
    explicit = os.environ.get("SLUICE_GATEWAY_CLASSPATH")
    if explicit:
        return explicit
    home = os.environ.get("SLUICE_HOME") or os.path.dirname(_python_path())
    target = os.path.join(home, "python-gateway", "target")
    classes = os.path.join(target, "classes")
    lib = os.path.join(target, "lib")
    jars = sorted(glob.glob(os.path.join(target, "sluice-python-gateway-*.jar")))
    if not os.path.isdir(lib) or not (os.path.isdir(classes) or jars):
        raise RuntimeError(
            "Cannot find the Sluice engine: %s does not hold a built python-gateway. Build it with "
            "'mvn -pl python-gateway -am package -DskipTests' in the Sluice repository, or set SLUICE_HOME to a "
            "built Sluice checkout (or SLUICE_GATEWAY_CLASSPATH to a class path)." % target)
    first = classes if os.path.isdir(classes) else jars[-1]
    return os.pathsep.join([first, os.path.join(lib, "*")])


_extra_python_paths = []


def add_python_file(file_path):
    """Puts a dependency on the PYTHONPATH of the Python workers started for functions made after this call: a
    ``.py`` file (copied into a directory of its own), a package directory (its parent directory goes on the path),
    or a ``.zip``, ``.whl`` or ``.egg`` archive (itself)."""
    path = os.path.abspath(str(file_path))
    if not os.path.exists(path):
        raise FileNotFoundError("add_python_file: %s does not exist" % path)
    if os.path.isdir(path):
        entry = os.path.dirname(path.rstrip(os.sep))
    elif path.endswith((".zip", ".whl", ".egg")):
        entry = path
    else:
        entry = tempfile.mkdtemp(prefix="sluice-python-files-")
        shutil.copy(path, entry)
    with _lock:
        if entry not in _extra_python_paths:
            _extra_python_paths.append(entry)
        if _gateway is not None:
            _gateway.python_path = os.pathsep.join([_python_path()] + _extra_python_paths)


def _java():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "java")):
        return os.path.join(home, "bin", "java")
    return "java"


def _java_feature_version(java):
    """The major version of the Java runtime (17, 21, 25, ...), from its release file or ``java -version``."""
    text = ""
    release = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(shutil.which(java) or java))),
                           "release")
    try:
        with open(release) as f:
            text = f.read()
    except OSError:
        try:
            text = subprocess.run([java, "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  timeout=30).stdout.decode("utf-8", "replace")
        except (OSError, subprocess.TimeoutExpired):
            return 17
    match = re.search(r'version "?(\d+)', text) or re.search(r'JAVA_VERSION="(\d+)', text)
    return int(match.group(1)) if match else 17


def _jvm_flags(java):
    """Arrow needs java.nio opened; from Java 24 on also unsafe memory access and native access allowed."""
    flags = ["--add-opens=java.base/java.nio=ALL-UNNAMED"]
    if _java_feature_version(java) >= 24:
        flags += ["--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"]
    return flags


class Gateway(object):
    """A connection to one engine JVM; requests are serialized by a lock."""

    def __init__(self):
        token = secrets.token_hex(16)
        env = dict(os.environ)
        env["SLUICE_GATEWAY_TOKEN"] = token
        self._log = tempfile.TemporaryFile(prefix="sluice-gateway-", suffix=".log")
        java = _java()
        cmd = [java] + _jvm_flags(java)
        cmd += shlex.split(os.environ.get("SLUICE_JVM_OPTS", ""))
        cmd += ["-cp", _class_path(), _MAIN_CLASS]
        self._process = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
                                         env=env)
        line = self._process.stdout.readline().decode("utf-8", "replace").strip()
        if not line.startswith("SLUICE_GATEWAY "):
            self._process.wait(timeout=10)
            raise RuntimeError("The Sluice engine did not start (exit code %s): %s%s"
                               % (self._process.returncode, line, self._log_text()))
        port = int(line.split()[1])
        # what the engine prints afterwards (the print connector, for one) goes to this process's stdout, as in
        # PyFlink's local mode; reading it also keeps the JVM from blocking on a full pipe
        forward = threading.Thread(target=_forward, args=(self._process.stdout,), name="sluice-engine-stdout",
                                   daemon=True)
        forward.start()
        self._socket = socket.create_connection(("127.0.0.1", port))
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._file = self._socket.makefile("rwb", buffering=1 << 16)
        self._send_frame(token.encode("utf-8"))
        self._file.flush()
        self._garbage = []
        self.python_executable = os.environ.get("SLUICE_PYTHON_EXECUTABLE") or sys.executable
        self.python_path = os.pathsep.join([_python_path()] + _extra_python_paths)

    def _log_text(self):
        try:
            self._log.seek(0)
            text = self._log.read().decode("utf-8", "replace").strip()
            return ("\n" + text[-4000:]) if text else ""
        except (OSError, ValueError):
            return ""

    def _send_frame(self, data):
        self._file.write(struct.pack(">i", len(data)))
        self._file.write(data)

    def _read_frame(self):
        head = self._file.read(4)
        if len(head) < 4:
            raise RuntimeError("The Sluice engine exited unexpectedly." + self._log_text())
        (n,) = struct.unpack(">i", head)
        data = self._file.read(n)
        if len(data) < n:
            raise RuntimeError("The Sluice engine exited unexpectedly." + self._log_text())
        return data

    def request(self, op, buffers=(), **fields):
        """Sends one command; returns (value, reply fields, binary buffers) or raises the engine's error."""
        fields["op"] = op
        fields["buffers"] = len(buffers)
        data = json.dumps(fields).encode("utf-8")
        with _lock:
            self._release_garbage()
            self._send_frame(data)
            for b in buffers:
                self._send_frame(memoryview(b).cast("B"))
            self._file.flush()
            reply = json.loads(self._read_frame())
            got = [self._read_frame() for _ in range(reply.get("buffers", 0))]
        if not reply.get("ok"):
            raise convert_java_error(reply.get("error", ""), reply.get("java_class", ""),
                                     reply.get("unsupported", False))
        return reply.get("value"), reply, got

    def release_later(self, handle):
        """Called when a Python wrapper is garbage: the engine object is released before the next request (never
        from inside a request, which a garbage collection may interrupt)."""
        self._garbage.append(handle)

    def _release_garbage(self):
        if len(self._garbage) < 64:
            return
        handles, self._garbage = self._garbage, []
        data = json.dumps({"op": "release", "handles": handles, "buffers": 0}).encode("utf-8")
        self._send_frame(data)
        self._file.flush()
        reply = json.loads(self._read_frame())
        for _ in range(reply.get("buffers", 0)):
            self._read_frame()

    def close(self):
        try:
            self._file.close()
            self._socket.close()
        except OSError:
            pass
        try:
            self._process.stdin.close()
            self._process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()


_markers = {}


def expect_marker(marker):
    """An event set when the engine's stdout reaches the line ``marker`` (which is not forwarded)."""
    event = threading.Event()
    _markers[marker] = event
    return event


def _forward(stream):
    for raw in iter(stream.readline, b""):
        event = _markers.pop(raw.decode("utf-8", "replace").rstrip("\r\n"), None)
        if event is not None:
            event.set()
            continue
        try:
            sys.stdout.write(raw.decode("utf-8", "replace"))
            sys.stdout.flush()
        except (OSError, ValueError):
            pass


def get_gateway():
    """The engine of this process, started on first use."""
    global _gateway
    with _lock:
        if _gateway is None:
            _gateway = Gateway()
            atexit.register(_shutdown)
        return _gateway


def _shutdown():
    global _gateway
    with _lock:
        if _gateway is not None:
            _gateway.close()
            _gateway = None
