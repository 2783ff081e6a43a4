"""The one Python harness of the kernel's tests: installs the kernel jar built in kernel/target into a temporary
Jupyter prefix and offers small client helpers (start a kernel, run a cell, read its outputs).

Every test module imports this first: it points JUPYTER_PATH at the temporary prefix, so the tests never depend on
(or change) a user-level kernelspec. The course's notebook tests (course-tests/src/test/python) import it too, with
PYTHONPATH set to this directory and KERNEL_USE_JUPYTER_PATH=1: they then use the kernelspec that JUPYTER_PATH
already points at (the course kernel installed by CourseKernel) instead of a temporary one.
"""
import atexit
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

try:
    import jupyter_kernel_test  # noqa: F401  (checked here so every module fails with the same hint)
    import jupyter_client  # noqa: F401
except ImportError as missing:
    sys.exit("Missing Python package (%s). Install Jupyter's test kit with: "
             "apt-get install python3-jupyter-kernel-test python3-jupyter-client" % missing)

HERE = os.path.dirname(os.path.abspath(__file__))
KERNEL_JAR = os.environ.get("KERNEL_JAR", os.path.join(HERE, "..", "..", "..", "target", "quantcourse-kernel.jar"))
JAVA = os.environ.get("KERNEL_JAVA", shutil.which("java") or "java")
KERNEL_NAME = "java"
TIMEOUT = 60

USE_INSTALLED = os.environ.get("KERNEL_USE_JUPYTER_PATH") == "1"


def _install_private_kernelspec():
    if not os.path.isfile(KERNEL_JAR):
        sys.exit("No kernel jar at %s: build it first with `mvn -pl kernel package`" % KERNEL_JAR)
    prefix = tempfile.mkdtemp(prefix="java-kernel-test-")
    atexit.register(shutil.rmtree, prefix, True)
    subprocess.run([JAVA, "-jar", KERNEL_JAR, "install", "--prefix", prefix, "--jvm-opt=-Xmx512m"],
                   check=True, stdout=subprocess.DEVNULL)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")


if USE_INSTALLED:
    if not os.environ.get("JUPYTER_PATH"):
        sys.exit("KERNEL_USE_JUPYTER_PATH=1 needs JUPYTER_PATH pointing at the installed kernelspec")
else:
    _install_private_kernelspec()


def start_kernel(cwd=None, startup_timeout=TIMEOUT):
    """Starts the kernel from the kernelspec (in cwd, if given) and returns (manager, blocking client)."""
    from jupyter_client.manager import start_new_kernel
    options = {"cwd": os.path.abspath(cwd)} if cwd else {}
    return start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=startup_timeout, **options)


def collect(kc, msg_id, timeout=TIMEOUT):
    """Waits for the execute_reply of msg_id, then returns (reply, [iopub messages up to idle])."""
    reply = None
    deadline = time.time() + timeout
    while reply is None:
        msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = msg
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply, outputs
        if msg["msg_type"] not in ("status", "execute_input"):
            outputs.append(msg)


def run(kc, code, timeout=TIMEOUT):
    """Executes code and returns (reply content, iopub messages)."""
    reply, outputs = collect(kc, kc.execute(code), timeout)
    return reply["content"], outputs


def text_of(outputs, msg_type="execute_result"):
    """The text/plain of the first message of a type, or None."""
    for msg in outputs:
        if msg["msg_type"] == msg_type:
            return msg["content"]["data"]["text/plain"]
    return None


def result_data(outputs):
    """The data bundles of every execute_result."""
    return [m["content"]["data"] for m in outputs if m["msg_type"] == "execute_result"]


def contents(outputs, msg_type):
    """The contents of every message of a type."""
    return [m["content"] for m in outputs if m["msg_type"] == msg_type]


def all_text(outputs):
    """Everything a cell showed as text, in order: streams and the text/plain of results and displays."""
    texts = []
    for m in outputs:
        if m["msg_type"] in ("execute_result", "display_data"):
            texts.append(m["content"]["data"].get("text/plain", ""))
        elif m["msg_type"] == "stream":
            texts.append(m["content"]["text"])
    return "".join(texts)


def stream_text(outputs, name="stdout"):
    """All text printed to a stream."""
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def drain(channel_get, seconds=0.2):
    """Discards queued messages of a channel."""
    while True:
        try:
            channel_get(timeout=seconds)
        except queue.Empty:
            return


class KernelSessionTest(unittest.TestCase):
    """A test class sharing one kernel: started before its first test, shut down after its last."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
